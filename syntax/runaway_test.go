package syntax

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/flake-lsp/flake-lsp/grammar"
)

// TestTypingAFlakeNeverRunsAway parses every prefix of every realistic
// flake, as when a file is typed from top to bottom, with the bare parser.
// The tree-sitter runtime go-tree-sitter bundles can loop in error recovery
// at the end of the text, inserting missing tokens for a very long time
// (while the grammar had a `word` rule, `[(a + b c ]"` took over a minute
// and built millions of nodes; none is known since); Parse
// guards against it with a budget and blanking, but an editing session
// should never meet it: no prefix may take anywhere near the bound (a
// normal parse of these files takes about a millisecond).
func TestTypingAFlakeNeverRunsAway(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "flakes", "*", "flake.nix"))
	if len(files) < 40 {
		t.Fatalf("found %d flakes", len(files))
	}
	step := 2
	if testing.Short() {
		step = 50
	}
	parses := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i <= len(src); i += step {
			p := grammar.NewParser() // see parse in TestIncrementalMatchesFresh
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			tree, err := p.ParseCtx(ctx, nil, src[:i])
			cancel()
			p.Close()
			if err != nil {
				t.Fatalf("%s: the prefix of %d bytes ran away in error recovery: %q", f, i, src[max(0, i-80):i])
			}
			tree.Close()
			parses++
		}
	}
	t.Logf("%d prefixes of %d flakes parsed", parses, len(files))
}
