package check

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/flake-lsp/flake-lsp/analysis"
	"github.com/flake-lsp/flake-lsp/analysis/scope"
)

var (
	docSection = regexp.MustCompile("(?m)^## `([a-z0-9-]+)`\n")
	// A part heading ("# Names and scopes") also ends a code's section.
	docPart  = regexp.MustCompile("(?m)^# ")
	docBlock = regexp.MustCompile("(?s)```(nix|json)([^\n]*)\n(.*?)\n```")
	// `file=NAME` after the language names the file an example is
	// written to (a plain .nix file instead of flake.nix).
	docFile = regexp.MustCompile(`\bfile=([A-Za-z0-9._-]+)`)
)

// Every example in docs/diagnostics.md produces exactly its code. Scope
// analysis also runs on the flake examples of the other sections; its
// warnings and hints there (an overlay's unused `final`) are not what
// those examples show, so they are ignored, but its errors are not.
func TestDocumentedExamples(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "docs", "diagnostics.md"))
	if err != nil {
		t.Fatal(err)
	}
	scopeCodes := map[string]bool{}
	for _, c := range scope.Codes {
		scopeCodes[c] = true
	}
	heads := docSection.FindAllSubmatchIndex(doc, -1)
	if len(heads) < 40 {
		t.Fatalf("only %d documented codes", len(heads))
	}
	documented := map[string]bool{}
	plain := 0
	for i, h := range heads {
		code := string(doc[h[2]:h[3]])
		documented[code] = true
		end := len(doc)
		if i+1 < len(heads) {
			end = heads[i+1][0]
		}
		if p := docPart.FindIndex(doc[h[1]:end]); p != nil {
			end = h[1] + p[0]
		}
		dir := t.TempDir()
		checked := "flake.nix"
		for _, b := range docBlock.FindAllSubmatch(doc[h[1]:end], -1) {
			name := "flake.nix"
			if string(b[1]) == "json" {
				name = "flake.lock"
			}
			if m := docFile.FindSubmatch(b[2]); m != nil {
				name = string(m[1])
				checked = name
				plain++
			}
			if err := os.WriteFile(filepath.Join(dir, name), append(b[3], '\n'), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		diags, err := File(filepath.Join(dir, checked), map[string][]byte{})
		if err != nil {
			t.Fatalf("%s: %v", code, err)
		}
		got := map[string]bool{}
		for _, d := range diags {
			if !scopeCodes[code] && scopeCodes[d.Code] && d.Severity != analysis.Error {
				continue
			}
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
	for _, c := range scope.Codes {
		if !documented[c] {
			t.Errorf("scope code %s is not documented", c)
		}
	}
	if plain < len(scope.Codes) {
		t.Errorf("only %d examples are plain .nix files", plain)
	}
}
