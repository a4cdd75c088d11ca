// Package grammar holds flake-lsp's tree-sitter grammar for the Nix
// language: the generated parser (src/parser.c), the external scanner
// (src/scanner.c) and constants for every node kind and field name.
//
// Regenerate with `go generate ./grammar/...` after editing grammar.js.
package grammar

//go:generate sh ./generate.sh

// #cgo CFLAGS: -std=c11 -O2 -I${SRCDIR}/src
// typedef struct TSLanguage TSLanguage;
// const TSLanguage *tree_sitter_nix(void);
import "C"

import (
	"unsafe"

	sitter "github.com/smacker/go-tree-sitter"
)

var language = sitter.NewLanguage(unsafe.Pointer(C.tree_sitter_nix()))

// Language returns the Nix language for go-tree-sitter parsers.
func Language() *sitter.Language { return language }

// NewParser returns a parser set up for Nix. Parsers are not safe for
// concurrent use; make one per goroutine.
func NewParser() *sitter.Parser {
	p := sitter.NewParser()
	p.SetLanguage(language)
	return p
}
