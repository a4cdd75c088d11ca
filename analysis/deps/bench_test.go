package deps

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/flake-lsp/flake-lsp/analysis/lockfile"
	"github.com/flake-lsp/flake-lsp/analysis/store"
)

// benchStore puts the largest realistic flake of testdata/flakes in a
// temporary store and returns a lock that names it.
func benchStore(b *testing.B) (store.Store, *lockfile.LockFile, string) {
	b.Helper()
	var biggest string
	var size int64
	files, _ := filepath.Glob("../../testdata/flakes/*/flake.nix")
	for _, f := range files {
		if fi, err := os.Stat(f); err == nil && fi.Size() > size {
			biggest, size = f, fi.Size()
		}
	}
	dir := b.TempDir()
	st := store.Store{Dir: filepath.Join(dir, "store"), Real: filepath.Join(dir, "store")}
	src := filepath.Join(dir, "src")
	if err := os.MkdirAll(src, 0o755); err != nil {
		b.Fatal(err)
	}
	data, _ := os.ReadFile(biggest)
	if err := os.WriteFile(filepath.Join(src, "flake.nix"), data, 0o644); err != nil {
		b.Fatal(err)
	}
	h, _ := store.HashPath(src)
	sp, _ := st.SourcePath(h)
	if err := os.MkdirAll(filepath.Dir(sp), 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(src, sp); err != nil {
		b.Fatal(err)
	}
	lf, _ := lockfile.Parse([]byte(`{"nodes": {"dep": {"locked": {"narHash": "` + h.SRI() + `", "type": "github", "owner": "o", "repo": "r", "rev": "1111111111111111111111111111111111111111"}, "original": {"type": "github", "owner": "o", "repo": "r"}},
"root": {"inputs": {"dep": "dep"}}}, "root": "root", "version": 7}`))
	b.Logf("%s (%d bytes)", biggest, size)
	return st, lf, dir
}

// BenchmarkDependencyCold: finding the input's source and analysing its
// flake.nix (a new resolver each time: nothing cached).
func BenchmarkDependencyCold(b *testing.B) {
	st, lf, dir := benchStore(b)
	for b.Loop() {
		if d := New(st).For(dir, lf).Dependency([]string{"dep"}); d == nil || d.Unit == nil {
			b.Fatal(d)
		}
	}
}

// BenchmarkDependencyCached: a new document analysis (a new Set) finding
// the same input: one lstat, the analysis from the cache.
func BenchmarkDependencyCached(b *testing.B) {
	st, lf, dir := benchStore(b)
	r := New(st)
	for b.Loop() {
		if d := r.For(dir, lf).Dependency([]string{"dep"}); d == nil || d.Unit == nil {
			b.Fatal(d)
		}
	}
}
