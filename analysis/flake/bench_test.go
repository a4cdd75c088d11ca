package flake

import (
	"testing"

	"github.com/flake-lsp/flake-lsp/analysis/lockfile"
	"github.com/flake-lsp/flake-lsp/internal/benchdata"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// BenchmarkAnalyze: the flake analysis alone (model and every diagnostic,
// with the lock) of the 300-line benchmark flake, on a prepared View.
func BenchmarkAnalyze(b *testing.B) {
	nix, lock := benchdata.Flake300()
	lf, problems := lockfile.Parse(lock)
	if len(problems) > 0 {
		b.Fatal(problems)
	}
	tree := syntax.Parse(nix)
	v := syntax.NewView(tree, nix)
	tree.Close()
	opts := Options{File: "flake.nix", LockFile: "flake.lock", Lock: lf}
	b.SetBytes(int64(len(nix)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Analyze(v, opts)
	}
}

// BenchmarkNewView: copying the benchmark flake's tree into a View, the
// cost the analysis adds when no one else made the View.
func BenchmarkNewView(b *testing.B) {
	nix, _ := benchdata.Flake300()
	tree := syntax.Parse(nix)
	defer tree.Close()
	b.SetBytes(int64(len(nix)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		syntax.NewView(tree, nix)
	}
}
