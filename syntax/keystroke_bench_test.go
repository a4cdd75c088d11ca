package syntax

import (
	"bytes"
	"testing"
	"time"

	"github.com/flake-lsp/flake-lsp/internal/benchdata"
	sitter "github.com/smacker/go-tree-sitter"
)

// BenchmarkKeystroke: what a one-character edit in the middle of a 650 KB
// package set costs the syntax layer of the language server: the
// incremental reparse (reparse-ms), the View copy reusing the previous one
// (view-ms) and the syntax errors (errors-ms). The edit alternately
// inserts and deletes a letter inside a package's name, so the text stays
// valid.
func BenchmarkKeystroke(b *testing.B) {
	for _, bc := range []struct {
		name, at string
		src      []byte
	}{
		{"packageset-650KB", "\n  package_", benchdata.PackageSet(650_000)},
		{"scoped-packageset-650KB", "\n  pkg", benchdata.ScopedPackageSet(650_000)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			src := bc.src
			mid := len(src)/2 + bytes.Index(src[len(src)/2:], []byte(bc.at)) + 4
			tree := Parse(src)
			view := NewView(tree, src)
			var reparse, copying, errs float64
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				e := Edit{Start: mid, OldEnd: mid, Text: []byte("x")}
				if i%2 == 1 {
					e = Edit{Start: mid, OldEnd: mid + 1}
				}
				text, in := e.Apply(src)
				t0 := time.Now().UnixNano()
				tree = Reparse(tree, []sitter.EditInput{in}, text)
				t1 := time.Now().UnixNano()
				view = NewViewAfter(tree, text, view)
				t2 := time.Now().UnixNano()
				if len(tree.ErrorsIn(view)) != 0 {
					b.Fatal("the edit made a syntax error")
				}
				t3 := time.Now().UnixNano()
				reparse += float64(t1 - t0)
				copying += float64(t2 - t1)
				errs += float64(t3 - t2)
				src = text
			}
			b.StopTimer()
			tree.Close()
			n := float64(b.N) * 1e6
			b.ReportMetric(reparse/n, "reparse-ms")
			b.ReportMetric(copying/n, "view-ms")
			b.ReportMetric(errs/n, "errors-ms")
		})
	}
}
