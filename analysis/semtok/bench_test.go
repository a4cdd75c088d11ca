package semtok

import (
	"testing"

	"github.com/flake-lsp/flake-lsp/analysis/unit"
	"github.com/flake-lsp/flake-lsp/internal/benchdata"
)

// BenchmarkTokens classifies a 650 KB package set and the 300-line flake,
// each analysed beforehand (the scope analysis and flake model are not
// timed).
func BenchmarkTokens(b *testing.B) {
	nix, _ := benchdata.Flake300()
	for _, bc := range []struct {
		name  string
		src   []byte
		flake bool
	}{
		{"scoped-packageset-650KB", benchdata.ScopedPackageSet(650_000), false},
		{"flake300", nix, true},
	} {
		b.Run(bc.name, func(b *testing.B) {
			u := load(b, bc.src, bc.flake)
			b.SetBytes(int64(len(bc.src)))
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				// A fresh unit, as each snapshot is: what it memoises
				// (the outputs' entries) is computed again.
				Tokens(&unit.Unit{Path: u.Path, Src: u.Src, View: u.View, Scope: u.Scope, Flake: u.Flake})
			}
		})
	}
}
