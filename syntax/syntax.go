// Package syntax parses Nix text with flake-lsp's grammar and reports what
// is wrong with it: positioned syntax errors with messages that say what was
// expected, and the tree as an S-expression for tools and tests.
package syntax

import (
	"context"
	"fmt"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/flake-lsp/flake-lsp/grammar"
)

// Parse parses src from scratch. The tree is never nil: malformed input
// gives a tree with ERROR and MISSING nodes.
func Parse(src []byte) *sitter.Tree {
	p := grammar.NewParser()
	defer p.Close()
	tree, err := p.ParseCtx(context.Background(), nil, src)
	if err != nil {
		// Only cancellation or a timeout fail a parse, and we set neither.
		panic(fmt.Sprintf("syntax: parse failed: %v", err))
	}
	return tree
}

// Error is one syntax error. Offsets are bytes; Start and End are
// tree-sitter points (0-based row, byte column).
type Error struct {
	StartByte, EndByte uint32
	Start, End         sitter.Point
	Message            string
}

// Code is the diagnostic code every syntax error carries.
const Code = "syntax-error"

// Errors lists the syntax errors of a tree in document order: one per
// ERROR node (outermost only) and one per MISSING node.
func Errors(root *sitter.Node, src []byte) []Error {
	if root == nil || !root.HasError() {
		return nil
	}
	var errs []Error
	var walk func(n *sitter.Node)
	walk = func(n *sitter.Node) {
		switch {
		case n.IsMissing():
			errs = append(errs, Error{
				StartByte: n.StartByte(), EndByte: n.EndByte(),
				Start: n.StartPoint(), End: n.EndPoint(),
				Message: "expected " + describe(n.Type(), n.IsNamed()),
			})
			return
		case n.IsError():
			errs = append(errs, errorFor(n, src))
			return
		}
		if !n.HasError() {
			return
		}
		for i := 0; i < int(n.ChildCount()); i++ {
			walk(n.Child(i))
		}
	}
	walk(root)
	return errs
}

// errorFor describes an ERROR node: what it starts with, and what the
// parser would have accepted there.
func errorFor(n *sitter.Node, src []byte) Error {
	e := Error{
		StartByte: n.StartByte(), EndByte: n.EndByte(),
		Start: n.StartPoint(), End: n.EndPoint(),
	}
	leaf := firstLeaf(n)
	var unexpected string
	switch {
	case leaf == nil || leaf.StartByte() >= uint32(len(src)):
		unexpected = "end of file"
	case n.ChildCount() == 0 && isDigits(n.Content(src)):
		e.Message = "invalid integer " + quoteToken(n.Content(src)) + ": it does not fit in 64 bits"
		return e
	case n.ChildCount() == 0 && isTrailingSlashPath(n.Content(src)):
		// The scanner's invalid token, which error recovery absorbs.
		e.Message = "path has a trailing slash"
		return e
	default:
		unexpected = quoteToken(leaf.Content(src))
	}
	if leaf != nil {
		// Point at the offending token rather than the whole skipped region.
		e.StartByte, e.Start = leaf.StartByte(), leaf.StartPoint()
		if leaf.EndByte() > leaf.StartByte() {
			e.EndByte, e.End = leaf.EndByte(), leaf.EndPoint()
		}
	}
	e.Message = "unexpected " + unexpected
	if exp := expectedBefore(n); len(exp) > 0 {
		e.Message += ", expected " + joinOr(exp)
	}
	return e
}

func isDigits(text string) bool {
	for _, r := range text {
		if r < '0' || r > '9' {
			return false
		}
	}
	return text != ""
}

// isTrailingSlashPath reports whether text is a path (or the piece of an
// interpolated path) that ends in '/', which Nix's lexer rejects.
func isTrailingSlashPath(text string) bool {
	if !strings.HasSuffix(text, "/") {
		return false
	}
	for _, r := range text {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("._-+/~", r)) {
			return false
		}
	}
	return true
}

func firstLeaf(n *sitter.Node) *sitter.Node {
	for n.ChildCount() > 0 {
		n = n.Child(0)
	}
	if n.IsError() && n.ChildCount() == 0 && n.EndByte() == n.StartByte() {
		return nil
	}
	return n
}

func quoteToken(text string) string {
	if i := strings.IndexAny(text, "\r\n"); i >= 0 {
		text = text[:i]
	}
	const max = 24
	if r := []rune(text); len(r) > max {
		text = string(r[:max]) + "…"
	}
	return "'" + text + "'"
}

// describe names a token kind for a message: `';'`, `identifier`.
func describe(kind string, named bool) string {
	if !named {
		return "'" + kind + "'"
	}
	return strings.ReplaceAll(kind, "_", " ")
}

func joinOr(items []string) string {
	switch len(items) {
	case 1:
		return items[0]
	case 2:
		return items[0] + " or " + items[1]
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}
