package flake

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/flake-lsp/flake-lsp/analysis/lockfile"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// TestBrokenFlakes: the analysis reads error-recovery trees without
// panicking, and its ranges stay inside flake.nix: it runs on every
// keystroke, mostly on unfinished text. The inputs are the testdata flakes
// cut after some of their lines and with some bytes deleted.
func TestBrokenFlakes(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/flakes/*/flake.nix")
	more, _ := filepath.Glob("../../testdata/nixcheck/*/flake.nix")
	files = append(files, more...)
	if len(files) < 100 {
		t.Fatalf("only %d flakes", len(files))
	}
	step := 7
	if testing.Short() {
		step = 31
	}
	k := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var lock *lockfile.LockFile
		lockPath := filepath.Join(filepath.Dir(f), "flake.lock")
		if text, err := os.ReadFile(lockPath); err == nil {
			lock, _ = lockfile.Parse(text)
		}
		for i := range src {
			var variant []byte
			switch k++; {
			case src[i] == '\n' && k%step == 0:
				variant = src[:i]
			case k%(3*step) == 1:
				variant = append(append([]byte{}, src[:i]...), src[i+1:]...)
			default:
				continue
			}
			name := fmt.Sprintf("%s variant %d", f, k)
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Fatalf("%s: panic: %v\n%s", name, r, variant)
					}
				}()
				tree := syntax.Parse(variant)
				v := syntax.NewView(tree, variant)
				tree.Close()
				for _, d := range Analyze(v, Options{File: f, LockFile: lockPath, Lock: lock}).Diagnostics {
					if d.File == f && (d.Start < 0 || d.End < d.Start || d.End > len(variant)) {
						t.Fatalf("%s: %s at [%d,%d) outside the text", name, d.Code, d.Start, d.End)
					}
				}
			}()
		}
	}
}
