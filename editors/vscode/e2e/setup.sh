#!/usr/bin/env bash
# Installs what e2e.js needs (code-server 4.100.3 and puppeteer-core, from
# package-lock.json) without network access beyond the npm registry.
# Needs, from Debian: chromium ripgrep libkrb5-dev libxkbfile-dev
# libsecret-1-dev build-essential pkg-config python3 (.ci/run installs them).
set -euo pipefail
cd "$(dirname "$0")"

# code-server's @vscode/ripgrep postinstall downloads rg unless its cache
# (in the temporary directory) already has the archive: give it Debian's rg.
rg=$(command -v rg) || { echo "setup.sh: rg (Debian package ripgrep) is needed" >&2; exit 1; }
tmp=${TMPDIR:-/tmp}
cache=$tmp/vscode-ripgrep-cache-1.15.11
archive=$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
if [ ! -s "$archive" ]; then
  mkdir -p "$cache"
  stage=$(mktemp -d)
  cp "$rg" "$stage/rg"
  tar czf "$archive" -C "$stage" rg
  rm -rf "$stage"
fi

# package.json's allowScripts lets code-server and argon2 run their
# install scripts (code-server's installs VS Code's own dependencies); run
# as root, code-server's script insists on npm_config_unsafe_perm (npm 11
# warns that it does not know the setting, and goes on).
npm_config_yes=true npm_config_unsafe_perm=true npm ci --no-audit --no-fund
# (code-server --version would write a config file into $HOME.)
echo "code-server $(node -p "require('code-server/package.json').version"), puppeteer-core $(node -p "require('puppeteer-core/package.json').version")"
