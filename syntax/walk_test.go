package syntax

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"testing"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/flake-lsp/flake-lsp/internal/benchdata"
)

// TestWalkErrorsPrevSibling: for every ERROR node of the broken and valid
// files of testdata/parse and of a package set with errors, the previous
// sibling walkErrors passes along is the runtime's ts_node_prev_sibling
// (the "expected ..." of the error is read from it).
func TestWalkErrorsPrevSibling(t *testing.T) {
	files, _ := filepath.Glob("../testdata/parse/*/*.nix")
	if len(files) < 100 {
		t.Fatalf("only %d files", len(files))
	}
	sources := map[string][]byte{"broken package set": append(benchdata.PackageSet(20_000), " ) ; = {"...)}
	rng := rand.New(rand.NewSource(11))
	tokens := []string{";", "=", ")", "]", "}", "{", "(", "[", " in ", " if ", "''", "\"", ".", ":"}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sources[f] = src
		// Mutants: a token inserted or a byte deleted at random.
		for k := 0; k < 4 && len(src) > 0; k++ {
			at := rng.Intn(len(src))
			m := append([]byte{}, src[:at]...)
			if k%2 == 0 {
				m = append(m, tokens[rng.Intn(len(tokens))]...)
				m = append(m, src[at:]...)
			} else {
				m = append(m, src[at+1:]...)
			}
			sources[fmt.Sprintf("%s (mutant %d)", f, k)] = m
		}
	}
	same := func(a, b *sitter.Node) bool {
		if a == nil || b == nil || a.IsNull() || b.IsNull() {
			return (a == nil || a.IsNull()) == (b == nil || b.IsNull())
		}
		return a.Symbol() == b.Symbol() && a.StartByte() == b.StartByte() && a.EndByte() == b.EndByte() && a.IsMissing() == b.IsMissing()
	}
	checked := 0
	for name, src := range sources {
		tree := Parse(src)
		walkErrors(tree.RootNode(), func(n, prev *sitter.Node) bool {
			if !n.IsError() {
				return true
			}
			if want := n.PrevSibling(); !same(prev, want) {
				t.Errorf("%s: before the error at %d: walk gives %v, runtime %v", name, n.StartByte(), prev, want)
			}
			checked++
			return true
		})
		tree.Close()
	}
	t.Logf("%d error nodes in %d files", checked, len(sources))
	if checked < 100 {
		t.Errorf("only %d error nodes", checked)
	}
}
