package inlay_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/flake-lsp/flake-lsp/analysis/inlay"
	"github.com/flake-lsp/flake-lsp/analysis/unit"
	"github.com/flake-lsp/flake-lsp/check"
	"github.com/flake-lsp/flake-lsp/internal/golden"
)

var update = flag.Bool("update", false, "rewrite the golden file")

// now is fixed so that ages in the golden file do not move.
var now = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

func analyse(t testing.TB, path string, src []byte) *unit.Unit {
	in := check.Input{Path: path, Src: src, Flake: true}
	lockPath := filepath.Join(filepath.Dir(path), "flake.lock")
	if lockSrc, err := os.ReadFile(lockPath); err == nil {
		in.LockPath, in.LockSrc = lockPath, lockSrc
	}
	return check.Analyze(in).Unit(in)
}

// TestRealisticFlakes: the hints of every realistic flake with a lock, as
// a golden file (`go test ./analysis/inlay -update`; review the diff).
func TestRealisticFlakes(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/flakes/*/flake.nix")
	sort.Strings(files)
	var b strings.Builder
	n := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		u := analyse(t, f, src)
		if u.Lock == nil {
			continue
		}
		rel, _ := filepath.Rel("../../testdata", f)
		fmt.Fprintf(&b, "== %s\n", rel)
		for _, h := range inlay.Hints(u, 0, len(src), now) {
			line := strings.Count(string(src[:h.Offset]), "\n") + 1
			lineStart := strings.LastIndexByte(string(src[:h.Offset]), '\n') + 1
			fmt.Fprintf(&b, "%d %s ⟨%s⟩\n", line, strings.TrimSpace(string(src[lineStart:h.Offset])), h.Label)
			if h.Tooltip == "" {
				t.Errorf("%s:%d: a hint without tooltip", f, line)
			}
			n++
		}
	}
	if n < 100 {
		t.Errorf("only %d hints in the realistic flakes", n)
	}
	goldenPath := "../../testdata/golden/inlay.txt"
	golden.Check(t, goldenPath, b.String(), *update)
}

func TestAge(t *testing.T) {
	day := 24 * time.Hour
	for d, want := range map[time.Duration]string{0: "today", day: "1 day", 45 * day: "45 days", 640 * day: "21 months", 800 * day: "2 years", -day: "future"} {
		if got := inlay.Age(d); got != want {
			t.Errorf("Age(%v) = %q, want %q", d, got, want)
		}
	}
}
