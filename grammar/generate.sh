#!/bin/sh
# Regenerates the parser from grammar.js and the Go constants from
# node-types.json. Run from grammar/ (go generate does that).
set -eu
cli="${TREE_SITTER:-../../shared/tools/tree-sitter}"
if [ -x "$cli" ]; then
  export TREE_SITTER_LIBDIR="${TREE_SITTER_LIBDIR:-$(mktemp -d)}"
  "$cli" generate --abi 14
else
  echo "generate.sh: no tree-sitter CLI at $cli; keeping the committed src/parser.c" >&2
fi
go run ./internal/genkinds -o kinds.go src/node-types.json
gofmt -w kinds.go
