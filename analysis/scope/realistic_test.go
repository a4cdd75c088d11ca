package scope

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/flake-lsp/flake-lsp/analysis"
	"github.com/flake-lsp/flake-lsp/position"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/scope-nix.txt")

// The realistic files of testdata/nix: no error-level diagnostic, and
// every warning and hint in a reviewed golden file (rewrite it with
// -update and review the diff).
func TestRealisticFiles(t *testing.T) {
	files := nixFiles(t, "nix")
	if len(files) < 30 {
		t.Fatalf("only %d files", len(files))
	}
	root := filepath.Join("..", "..", "testdata", "nix")
	var lines []string
	for _, f := range files {
		res, syntaxErrors := analyzeFile(t, f)
		if syntaxErrors > 0 {
			t.Errorf("%s: syntax errors", f)
		}
		src, _ := os.ReadFile(f)
		m := position.NewMapper(src)
		rel, _ := filepath.Rel(root, f)
		for _, d := range res.Diagnostics {
			if d.Severity == analysis.Error {
				t.Errorf("%s: %s [%s]", f, d.Message, d.Code)
			}
			p := m.Position(d.Start, position.UTF16)
			lines = append(lines, fmt.Sprintf("%s:%d:%d: %s: %s [%s]", filepath.ToSlash(rel), p.Line+1, p.Character+1, d.Severity, d.Message, d.Code))
		}
	}
	sort.Strings(lines)
	got := strings.Join(lines, "\n") + "\n"
	golden := filepath.Join("..", "..", "testdata", "golden", "scope-nix.txt")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	if got != string(want) {
		t.Errorf("diagnostics differ from %s (run with -update and review the diff):\n%s", golden, got)
	}
}
