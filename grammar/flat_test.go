package grammar

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/flake-lsp/flake-lsp/internal/benchdata"
)

// TestFlattenMatchesCursor checks the C flattening against a walk through
// go-tree-sitter's own API, node by node, on every .nix file in testdata
// (valid and broken ones) and on a deep expression that outgrows the fixed
// stack in flat.c.
func TestFlattenMatchesCursor(t *testing.T) {
	files, _ := filepath.Glob("../testdata/*/*/*.nix")
	more, _ := filepath.Glob("../testdata/flakes/*/flake.nix")
	files = append(files, more...)
	if len(files) < 100 {
		t.Fatalf("only %d files", len(files))
	}
	sources := map[string][]byte{
		"deep":   []byte(strings.Repeat("[(", 600) + "1" + strings.Repeat(")]", 600)),
		"chain":  []byte("x" + strings.Repeat(" + x", 3000)),
		"broken": []byte("{ a = ; b = [ ( ; } in let"),
		"empty":  nil,
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sources[f] = src
	}
	p := NewParser()
	defer p.Close()
	for name, src := range sources {
		tree, err := p.ParseCtx(context.Background(), nil, src)
		if err != nil {
			t.Fatal(err)
		}
		flat := Flatten(tree.RootNode(), 0) // a hint of 0 exercises the retry
		want := walk(tree.RootNode())
		if len(flat) != len(want) {
			t.Fatalf("%s: %d flat nodes, %d by cursor", name, len(flat), len(want))
		}
		for i := range want {
			if got := describeFlat(flat, i); got != want[i] {
				t.Fatalf("%s: node %d:\nflat   %s\ncursor %s", name, i, got, want[i])
			}
		}
		tree.Close()
	}
}

func describeFlat(flat []FlatNode, i int) string {
	f := flat[i]
	return fmt.Sprintf("%s %q [%d,%d) parent=%d next=%d flags=%d", SymbolName(f.Symbol), FieldNameOf(f.Field), f.Start, f.End, int32(f.Parent), int32(f.Next), f.Flags)
}

// walk lists the nodes in preorder as describeFlat prints them, using only
// go-tree-sitter.
func walk(root *sitter.Node) []string {
	var out []string
	var visit func(n *sitter.Node, field string, parent int) int
	visit = func(n *sitter.Node, field string, parent int) int {
		i := len(out)
		out = append(out, "")
		flags := 0
		if n.IsNamed() {
			flags |= FlagNamed
		}
		if n.IsMissing() {
			flags |= FlagMissing
		}
		if n.IsExtra() {
			flags |= FlagExtra
		}
		if n.HasError() {
			flags |= FlagHasError
		}
		kind := n.Type()
		if n.IsError() {
			kind = KindError
		}
		prev := -1
		// Field names come from a cursor: FieldNameForChild disagrees
		// with it (and with ChildByFieldName) on some error nodes.
		c := sitter.NewTreeCursor(n)
		for ok := c.GoToFirstChild(); ok; ok = c.GoToNextSibling() {
			j := visit(c.CurrentNode(), c.CurrentFieldName(), i)
			if prev >= 0 {
				out[prev] = strings.Replace(out[prev], "next=-1", fmt.Sprintf("next=%d", j), 1)
			}
			prev = j
		}
		c.Close()
		out[i] = fmt.Sprintf("%s %q [%d,%d) parent=%d next=-1 flags=%d", kind, field, n.StartByte(), n.EndByte(), parent, flags)
		return i
	}
	visit(root, "", -1)
	return out
}

func BenchmarkFlatten(b *testing.B) {
	src := benchdata.PackageSet(650_000)
	p := NewParser()
	tree, _ := p.ParseCtx(context.Background(), nil, src)
	b.ResetTimer()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		flat := Flatten(tree.RootNode(), len(src))
		b.ReportMetric(float64(len(flat)), "nodes")
	}
}
