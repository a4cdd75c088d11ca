// Packages a platform .vsix that carries the server binary:
//   node scripts/package-platform.mjs linux-x64
// builds ../../cmd/flake-lsp (cgo, for the machine it runs on) into
// server/<platform>-<arch>/flake-lsp and runs `vsce package --target`.
// The extension uses that binary when "flake-lsp.path" is left at its
// default and no flake-lsp is on PATH. Other targets need a build on (or a
// cgo cross compiler for) that platform; see README.md.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";

const target = process.argv[2];
const targets = { "linux-x64": ["linux", "amd64", "linux-x64"], "linux-arm64": ["linux", "arm64", "linux-arm64"], "darwin-arm64": ["darwin", "arm64", "darwin-arm64"], "darwin-x64": ["darwin", "amd64", "darwin-x64"] };
if (!targets[target]) {
  console.error(`usage: node scripts/package-platform.mjs ${Object.keys(targets).join("|")}`);
  process.exit(2);
}
const [goos, goarch, dir] = targets[target];
rmSync("server", { recursive: true, force: true });
const out = join("server", dir, "flake-lsp");
mkdirSync(join("server", dir), { recursive: true });
execFileSync("go", ["build", "-trimpath", "-ldflags", "-s -w", "-o", out, "../../cmd/flake-lsp"], {
  stdio: "inherit",
  env: { ...process.env, GOOS: goos, GOARCH: goarch, CGO_ENABLED: "1" },
});
chmodSync(out, 0o755);
execFileSync("npx", ["vsce", "package", "--no-dependencies", "--skip-license", "--target", target, "--out", `flake-lsp-${target}.vsix`], { stdio: "inherit" });
