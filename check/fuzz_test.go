package check

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/flake-lsp/flake-lsp/analysis"
)

// FuzzAnalyze runs the whole pipeline on any bytes as flake.nix with any
// bytes as flake.lock: no panic, every diagnostic (its fix and related
// places too) inside the file it names, which is one of the two, and the
// View the analyses read has the text's length.
func FuzzAnalyze(f *testing.F) {
	flakes, _ := filepath.Glob("../testdata/flakes/*/flake.nix")
	checks, _ := filepath.Glob("../testdata/nixcheck/*/flake.nix")
	if len(flakes)+len(checks) == 0 {
		f.Fatal("no seed flakes")
	}
	for _, file := range append(flakes, checks...) {
		src, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		lock, _ := os.ReadFile(filepath.Join(filepath.Dir(file), "flake.lock"))
		f.Add(src, lock)
	}
	f.Add([]byte(`{ inputs.a.url = "github:o/r"; outputs = { self, a }: { }; }`), []byte(`{"nodes":{"root":{"inputs":{"a":["a"]}}},"root":"root","version":7}`))
	f.Fuzz(func(t *testing.T, src, lock []byte) {
		const path, lockPath = "/fuzz/flake.nix", "/fuzz/flake.lock"
		in := Input{Path: path, Src: src, Flake: true}
		if len(lock) > 0 {
			in.LockPath, in.LockSrc = lockPath, lock
		}
		out := Analyze(in)
		if out.View == nil || len(out.View.Src) != len(src) {
			t.Fatalf("the View has no text or another length than the file")
		}
		if out.Scope == nil || out.Flake == nil {
			t.Fatalf("no scope result or no flake model for a flake.nix")
		}
		if (out.Lock != nil) && len(lock) == 0 {
			t.Fatalf("a lock without a lock file")
		}
		size := func(file string) int {
			switch file {
			case path:
				return len(src)
			case lockPath:
				if len(lock) > 0 {
					return len(lock)
				}
			}
			t.Fatalf("a diagnostic in %q, neither the flake nor its lock", file)
			return 0
		}
		inside := func(d analysis.Diagnostic, what, file string, start, end int) {
			if n := size(file); start < 0 || end < start || end > n {
				t.Errorf("%s of %s %q at [%d,%d) outside %s of %d bytes", what, d.Code, d.Message, start, end, file, n)
			}
		}
		for _, d := range out.Diagnostics {
			if d.Code == "" || d.Message == "" {
				t.Errorf("diagnostic without code or message: %+v", d)
			}
			inside(d, "range", d.File, d.Start, d.End)
			if d.Fix != nil {
				inside(d, "fix", d.File, d.Fix.Start, d.Fix.End)
			}
			for _, r := range d.Related {
				inside(d, "related place", r.File, r.Start, r.End)
			}
		}
	})
}
