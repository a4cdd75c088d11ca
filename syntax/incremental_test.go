package syntax

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/flake-lsp/flake-lsp/grammar"
)

// dumpTree prints every node, named or not, with its byte range, so that two
// trees compare equal only when they are the same tree.
func dumpTree(n *sitter.Node) string {
	var b strings.Builder
	var walk func(n *sitter.Node, field string)
	walk = func(n *sitter.Node, field string) {
		if field != "" {
			b.WriteString(field + ":")
		}
		kind := n.Type()
		if n.IsMissing() {
			kind = "MISSING " + kind
		}
		fmt.Fprintf(&b, "(%q %d-%d", kind, n.StartByte(), n.EndByte())
		for i := 0; i < int(n.ChildCount()); i++ {
			b.WriteByte(' ')
			walk(n.Child(i), n.FieldNameForChild(i))
		}
		b.WriteByte(')')
	}
	walk(n, "")
	return b.String()
}

var insertPieces = []string{
	"a", "x", " ", "\n", "\r\n", ";", "=", "{", "}", "(", ")", "[", "]", "\"", "''", "${", "$", "\\", "/", "./", ":", ".",
	"é", "🙂", "漢字", "#", "/*", "*/", "let ", " in ", "inherit", "or", "1", "1.5", "<nixpkgs>", "github:", "//", "->", "\x00", "\t",
}

// TestIncrementalMatchesFresh applies random edits (inserts, deletes and
// replacements at random byte offsets, also inside multi-byte characters,
// strings and comments) to every testdata file and checks after each one
// that Tree.Edit plus an incremental reparse gives exactly the tree of a
// fresh parse, or, when the text has a syntax error, a tree with an error
// too (error recovery may differ, see below).
func TestIncrementalMatchesFresh(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "parse", "*", "*.nix"))
	sources := []string{
		"{ a = \"é🙂 ${b} c\"; d = ''\n  x ${y} ''${z}\n''; e = ./a/${f}.nix; /* 漢字 */ }",
		"x: let y = x.a or 1; in [ y (y + 1) <nixpkgs> http://e.org ]",
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sources = append(sources, string(b))
	}
	editsPerSource := 10000/len(sources) + 1
	if testing.Short() {
		editsPerSource = 3
	}
	r := rand.New(rand.NewSource(42))
	// A bound on each parse: error recovery in this tree-sitter runtime can
	// run away near the end of the text (syntax.Parse guards against it
	// with a budget; this test uses the bare parser).
	// A parser for each parse: go-tree-sitter's cancellation flag may be
	// left set after a parse with a deadline, failing the next one.
	parse := func(old *sitter.Tree, src []byte) *sitter.Tree {
		t.Helper()
		p := grammar.NewParser()
		defer p.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		tree, err := p.ParseCtx(ctx, old, src)
		if err != nil {
			t.Fatalf("parsing %q: %v", src, err)
		}
		return tree
	}
	total, recovered := 0, 0
	for si, s := range sources {
		src := []byte(s)
		tree := parse(nil, src)
		for e := 0; e < editsPerSource; e++ {
			edit := randomEdit(r, src)
			next, input := edit.Apply(src)
			tree.Edit(input)
			tree = parse(tree, next)
			want := parse(nil, next)
			got, exp := dumpTree(tree.RootNode()), dumpTree(want.RootNode())
			switch {
			case got == exp:
			case !want.RootNode().HasError() || !tree.RootNode().HasError():
				t.Fatalf("source %d, edit %d (%+v) on %q:\nincremental: %s\nfresh:       %s", si, e, edit, src, got, exp)
			default:
				// Both have syntax errors: tree-sitter's error recovery
				// depends on which old subtrees it reuses, so the two
				// may recover differently. Both report the error.
				recovered++
			}
			src = next
			total++
		}
	}
	t.Logf("%d edits over %d sources; %d times incremental and fresh recovered from a syntax error differently", total, len(sources), recovered)
}

func randomEdit(r *rand.Rand, src []byte) Edit {
	start := 0
	if len(src) > 0 {
		start = r.Intn(len(src) + 1)
	}
	end := start
	if r.Intn(3) > 0 && start < len(src) {
		end = start + 1 + r.Intn(min(8, len(src)-start))
	}
	var text string
	if r.Intn(3) > 0 {
		text = insertPieces[r.Intn(len(insertPieces))]
	}
	return Edit{Start: start, OldEnd: end, Text: []byte(text)}
}
