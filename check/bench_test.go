package check

import (
	"strings"
	"testing"

	"github.com/flake-lsp/flake-lsp/analysis/flake"
	"github.com/flake-lsp/flake-lsp/analysis/lockfile"
	"github.com/flake-lsp/flake-lsp/internal/benchdata"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// TestBenchFlakeIsClean: the benchmark flake is a realistic one, with
// nothing to report but its nixConfig notes (so the benchmarks measure the
// usual case, not a flood of findings).
func TestBenchFlakeIsClean(t *testing.T) {
	nix, lock := benchdata.Flake300()
	if n := strings.Count(string(nix), "\n"); n < 280 || n > 320 {
		t.Fatalf("%d lines", n)
	}
	out := Analyze(Input{Path: "flake.nix", Src: nix, Flake: true, LockPath: "flake.lock", LockSrc: lock})
	for _, d := range out.Diagnostics {
		if !strings.HasPrefix(d.Code, "nixconfig-") || d.Code == "nixconfig-bad-value" {
			t.Errorf("%s: %s", d.Code, d.Message)
		}
	}
	if out.Flake == nil || len(out.Flake.Inputs) != 12 {
		t.Errorf("the flake model was not built")
	}
}

// BenchmarkCheckFlake: parse a 300-line flake.nix and its flake.lock,
// build the model and compute every diagnostic. The syntax errors and the
// analysis share one View, as in the language server.
func BenchmarkCheckFlake(b *testing.B) {
	nix, lock := benchdata.Flake300()
	b.SetBytes(int64(len(nix) + len(lock)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		tree := syntax.Parse(nix)
		v := syntax.NewView(tree, nix)
		_ = tree.ErrorsIn(v)
		lf, _ := lockfile.Parse(lock)
		flake.Analyze(v, flake.Options{File: "flake.nix", LockFile: "flake.lock", Lock: lf})
		tree.Close()
	}
}
