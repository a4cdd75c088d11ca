"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");

// The server binary: $FLAKE_LSP_BIN, else the repository's bin/flake-lsp
// (`go build -o bin/flake-lsp ./cmd/flake-lsp`).
function serverBinary() {
  const bin = process.env.FLAKE_LSP_BIN || path.resolve(__dirname, "../../../bin/flake-lsp");
  if (!fs.existsSync(bin)) {
    throw new Error(`flake-lsp binary not found at ${bin}: build it with \`go build -o bin/flake-lsp ./cmd/flake-lsp\` at the repository root, or set FLAKE_LSP_BIN`);
  }
  return bin;
}

// A flake.nix with a syntax error on a line with non-ASCII text before it:
// the error's column in UTF-16 code units differs from its byte column.
const BROKEN_LINE = '    meta.greeting = "héllo 🚀" greeting2 = "x";';
const FLAKE_NIX = [
  "{",
  '  description = "Grüße, 🚀 flake";',
  '  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.05";',
  "  outputs = { self, nixpkgs }: {",
  BROKEN_LINE,
  "    packages.x86_64-linux.default = nixpkgs.legacyPackages.x86_64-linux.hello;",
  "  };",
  "}",
  "",
].join("\n");
// Where a ";" fixes it: right after the closing quote of "héllo 🚀"; the
// syntax error ("expected ';'") is reported there (UTF-16 columns).
const FIX_AT = { line: 4, character: BROKEN_LINE.indexOf('" greeting2') + 1 };
const BROKEN = FIX_AT;

const FLAKE_LOCK = JSON.stringify(
  {
    nodes: {
      nixpkgs: {
        locked: { lastModified: 1720000000, narHash: "sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", owner: "NixOS", repo: "nixpkgs", rev: "0000000000000000000000000000000000000000", type: "github" },
        original: { owner: "NixOS", ref: "nixos-24.05", repo: "nixpkgs", type: "github" },
      },
      root: { inputs: { nixpkgs: "nixpkgs" } },
    },
    root: "root",
    version: 7,
  },
  null,
  2,
) + "\n";

function makeFlakeDir() {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "flake-lsp-vscode-")));
  fs.writeFileSync(path.join(dir, "flake.nix"), FLAKE_NIX);
  fs.writeFileSync(path.join(dir, "flake.lock"), FLAKE_LOCK);
  return dir;
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(pred, timeoutMs, what) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await pred()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

module.exports = { serverBinary, FLAKE_NIX, FLAKE_LOCK, BROKEN, FIX_AT, makeFlakeDir, isAlive, waitFor };
