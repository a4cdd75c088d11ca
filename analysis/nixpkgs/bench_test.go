package nixpkgs

import (
	"context"
	"os"
	"sync"
	"testing"

	"github.com/flake-lsp/flake-lsp/internal/nixgen"
)

// generated is a nixpkgs-shaped tree of 100,000 attributes (90,000
// bindings in all-packages.nix, 10,000 by-name directories, 900 aliases),
// made once per test binary.
var generated struct {
	once sync.Once
	dir  string
	n    int
	err  error
}

func generatedTree(b *testing.B) string {
	generated.once.Do(func() {
		generated.dir, generated.err = os.MkdirTemp("", "nixpkgs-bench-")
		if generated.err == nil {
			generated.n, generated.err = nixgen.NixpkgsTree(generated.dir, 90000, 10000)
		}
	})
	if generated.err != nil {
		b.Fatal(generated.err)
	}
	return generated.dir
}

func TestMain(m *testing.M) {
	code := m.Run()
	if generated.dir != "" {
		os.RemoveAll(generated.dir)
	}
	os.Exit(code)
}

func BenchmarkBuildLib(b *testing.B) {
	roots := map[string]string{"fixture": fixture}
	if real := os.Getenv("NIXPKGS_LIB"); real != "" {
		roots["real"] = real
	}
	for name, root := range roots {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			var l *Lib
			for b.Loop() {
				var err error
				if l, err = BuildLib(context.Background(), root); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(l.Entries)), "entries")
		})
	}
}

func BenchmarkBuildPackages(b *testing.B) {
	for _, c := range []struct{ name, root string }{{"fixture", fixture}, {"generated100k", ""}} {
		b.Run(c.name, func(b *testing.B) {
			root := c.root
			if root == "" {
				root = generatedTree(b)
			}
			b.ReportAllocs()
			var ps *Packages
			for b.Loop() {
				var err error
				if ps, err = BuildPackages(context.Background(), root); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(ps.Entries)), "entries")
		})
	}
}

func BenchmarkWithPrefix(b *testing.B) {
	ps, err := BuildPackages(context.Background(), generatedTree(b))
	if err != nil {
		b.Fatal(err)
	}
	prefixes := []string{"pkg-4", "pkg-12345", "ab-", "zz", "gone-pkg-1", ""}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		ps.WithPrefix(prefixes[i%len(prefixes)], 100)
		i++
	}
}

func BenchmarkDescribe(b *testing.B) {
	root := generatedTree(b)
	ps, err := BuildPackages(context.Background(), root)
	if err != nil {
		b.Fatal(err)
	}
	p, ok := ps.Lookup("ab-tool-26")
	if !ok {
		b.Fatal("no ab-tool-26")
	}
	b.ReportAllocs()
	for b.Loop() {
		if Describe(root, p) == "" {
			b.Fatal("no description")
		}
	}
}

// The generated tree has the attributes it claims, all indexed.
func TestGeneratedTree(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 10,000 directories")
	}
	dir := t.TempDir()
	n, err := nixgen.NixpkgsTree(dir, 9000, 1000)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := BuildPackages(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps.Entries) != n || n != 9000+1000+90 {
		t.Errorf("%d entries, %d attributes written", len(ps.Entries), n)
	}
	p, _ := ps.Lookup("pkg-8")
	if p == nil || p.File != "pkgs/development/libraries/group-7/default.nix" {
		t.Errorf("pkg-8: %+v", p)
	}
	p, _ = ps.Lookup("gone-pkg-1")
	if p == nil || p.Message != "'gone-pkg-1' has been removed as it was unmaintained" {
		t.Errorf("gone-pkg-1: %+v", p)
	}
}
