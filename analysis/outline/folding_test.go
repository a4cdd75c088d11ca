package outline

import (
	"strings"
	"testing"

	"github.com/flake-lsp/flake-lsp/analysis/unit"
	"github.com/flake-lsp/flake-lsp/syntax"
)

func load(t *testing.T, text string) *unit.Unit {
	t.Helper()
	src := []byte(text)
	tree := syntax.Parse(src)
	defer tree.Close()
	return &unit.Unit{Src: src, View: syntax.NewView(tree, src)}
}

func TestFolds(t *testing.T) {
	src := `# A flake
# with a header
{
  inputs = {
    nixpkgs.url = "x";
  };
  /* a block
     comment */
  outputs = { self, nixpkgs }:
    let
      a = 1;
    in {
      list = [
        1
      ];
      one = { b = 1; };
    };
}
`
	u := load(t, src)
	var got []string
	for _, f := range Folds(u) {
		first := strings.SplitN(src[f.Start:f.End], "\n", 2)[0]
		got = append(got, first)
	}
	want := []string{"# A flake", "{", "{", "/* a block", "let", "{", "["}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("folds start with %q, want %q", got, want)
	}
}

func TestSelectionRanges(t *testing.T) {
	src := `{ a = f (x: x + 1); }`
	u := load(t, src)
	off := strings.Index(src, "+ 1") + 2
	var got []string
	for _, r := range SelectionRanges(u, off) {
		got = append(got, src[r[0]:r[1]])
	}
	want := []string{"1", "x + 1", "x: x + 1", "(x: x + 1)", "f (x: x + 1)", "a = f (x: x + 1);", "{ a = f (x: x + 1); }"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("selection ranges\n%q\nwant\n%q", got, want)
	}
}
