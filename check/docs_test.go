package check

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

var (
	docSection = regexp.MustCompile("(?m)^## `([a-z0-9-]+)`\n")
	docBlock   = regexp.MustCompile("(?s)```(nix|json)\n(.*?)\n```")
)

// Every example in docs/diagnostics.md produces exactly its code.
func TestDocumentedExamples(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "docs", "diagnostics.md"))
	if err != nil {
		t.Fatal(err)
	}
	heads := docSection.FindAllSubmatchIndex(doc, -1)
	if len(heads) < 40 {
		t.Fatalf("only %d documented codes", len(heads))
	}
	for i, h := range heads {
		code := string(doc[h[2]:h[3]])
		end := len(doc)
		if i+1 < len(heads) {
			end = heads[i+1][0]
		}
		dir := t.TempDir()
		for _, b := range docBlock.FindAllSubmatch(doc[h[1]:end], -1) {
			name := "flake.nix"
			if string(b[1]) == "json" {
				name = "flake.lock"
			}
			if err := os.WriteFile(filepath.Join(dir, name), append(b[2], '\n'), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		diags, err := File(filepath.Join(dir, "flake.nix"), map[string][]byte{})
		if err != nil {
			t.Fatalf("%s: %v", code, err)
		}
		got := map[string]bool{}
		for _, d := range diags {
			got[d.Code] = true
		}
		var codes []string
		for c := range got {
			codes = append(codes, c)
		}
		sort.Strings(codes)
		if len(codes) != 1 || codes[0] != code {
			t.Errorf("%s: the example gives [%s]", code, strings.Join(codes, " "))
		}
	}
}
