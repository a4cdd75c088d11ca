// Bundles src/extension.ts (with vscode-languageclient) into
// dist/extension.js; "vscode" is provided by the editor at run time.
import { build } from "esbuild";
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const production = process.argv.includes("--production");

await build({
  entryPoints: ["src/extension.ts"],
  bundle: true,
  outfile: "dist/extension.js",
  external: ["vscode"],
  format: "cjs",
  platform: "node",
  target: "node18",
  sourcemap: !production,
  minify: production,
  logLevel: "info",
});

// vscode-languageclient runs this script (next to the bundle, through
// __dirname) to kill a server that outlives stop().
mkdirSync("dist", { recursive: true });
const lib = dirname(require.resolve("vscode-languageclient/node"));
copyFileSync(join(lib, "lib/node/terminateProcess.sh"), "dist/terminateProcess.sh");
