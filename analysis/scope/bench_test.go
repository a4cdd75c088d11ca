package scope

import (
	"testing"

	"github.com/flake-lsp/flake-lsp/internal/benchdata"
	"github.com/flake-lsp/flake-lsp/syntax"
)

func TestPackageSetIsClean(t *testing.T) {
	src := benchdata.ScopedPackageSet(20_000)
	tree := syntax.Parse(src)
	defer tree.Close()
	if errs := tree.Errors(src); len(errs) > 0 {
		t.Fatalf("syntax error: %s", errs[0].Message)
	}
	res := Analyze(syntax.NewView(tree, src), Options{})
	for _, d := range res.Diagnostics {
		t.Errorf("%d: %s [%s]", d.Start, d.Message, d.Code)
	}
}

var benchSizes = []struct {
	name string
	size int
}{{"20KB", 20_000}, {"160KB", 160_000}, {"650KB", 650_000}}

// BenchmarkAnalyze is scope analysis alone, on a View made beforehand.
func BenchmarkAnalyze(b *testing.B) {
	for _, s := range benchSizes {
		b.Run(s.name, func(b *testing.B) {
			src := benchdata.ScopedPackageSet(s.size)
			tree := syntax.Parse(src)
			v := syntax.NewView(tree, src)
			tree.Close()
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				Analyze(v, Options{})
			}
		})
	}
}

// BenchmarkView is the View construction (one cgo call) that Analyze
// needs, for the same inputs.
func BenchmarkView(b *testing.B) {
	for _, s := range benchSizes {
		b.Run(s.name, func(b *testing.B) {
			src := benchdata.ScopedPackageSet(s.size)
			tree := syntax.Parse(src)
			defer tree.Close()
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				syntax.NewView(tree, src)
			}
		})
	}
}
