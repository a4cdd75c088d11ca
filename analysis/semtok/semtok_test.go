package semtok

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flake-lsp/flake-lsp/analysis/flake"
	"github.com/flake-lsp/flake-lsp/analysis/scope"
	"github.com/flake-lsp/flake-lsp/analysis/unit"
	"github.com/flake-lsp/flake-lsp/syntax"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden/semtok")

// load analyses src as a flake.nix (flake true) or another Nix file.
func load(t testing.TB, src []byte, isFlake bool) *unit.Unit {
	t.Helper()
	tree := syntax.Parse(src)
	v := syntax.NewView(tree, src)
	tree.Close()
	u := &unit.Unit{Path: "flake.nix", Src: src, View: v, Scope: scope.Analyze(v, scope.Options{File: "flake.nix", Flake: isFlake})}
	if isFlake {
		u.Flake = flake.Analyze(v, flake.Options{File: "flake.nix"}).Flake
	}
	return u
}

// render writes one token a line: `line:col len type [mods] "text"`,
// 1-based lines, 0-based byte columns, lengths in bytes.
func render(src []byte, toks []Token) string {
	var b strings.Builder
	line, lineStart, pos := 1, 0, 0
	for _, tok := range toks {
		for ; pos < tok.Start; pos++ {
			if src[pos] == '\n' {
				line++
				lineStart = pos + 1
			}
		}
		fmt.Fprintf(&b, "%d:%d %d %s", line, tok.Start-lineStart, tok.End-tok.Start, tok.Type)
		if tok.Mods != 0 {
			var mods []string
			for i, name := range ModifierNames {
				if tok.Mods&(1<<i) != 0 {
					mods = append(mods, name)
				}
			}
			fmt.Fprintf(&b, " [%s]", strings.Join(mods, ","))
		}
		fmt.Fprintf(&b, " %q\n", src[tok.Start:tok.End])
	}
	return b.String()
}

// checkWellFormed checks the invariants LSP needs: sorted, not
// overlapping, not empty, on one line.
func checkWellFormed(t *testing.T, src []byte, toks []Token) {
	t.Helper()
	prev := 0
	for i, tok := range toks {
		if tok.Start < prev || tok.End <= tok.Start || tok.End > len(src) {
			t.Fatalf("token %d [%d,%d) after %d: out of order, empty or past the end", i, tok.Start, tok.End, prev)
		}
		if strings.ContainsAny(string(src[tok.Start:tok.End]), "\r\n") {
			t.Fatalf("token %d %q spans a line break", i, src[tok.Start:tok.End])
		}
		prev = tok.End
	}
}

// find returns the rendered lines of tokens whose text is text.
func find(src []byte, toks []Token, text string) []string {
	var out []string
	for _, line := range strings.Split(render(src, toks), "\n") {
		if strings.HasSuffix(line, fmt.Sprintf(" %q", text)) {
			_, rest, _ := strings.Cut(line, " ")
			_, rest, _ = strings.Cut(rest, " ")
			out = append(out, rest)
		}
	}
	return out
}

func TestClassification(t *testing.T) {
	cases := []struct {
		src   string
		flake bool
		text  string
		want  string // type [mods] "text" of each token with that text, joined with |
	}{
		{src: `let x = 1; in x`, text: "x", want: `variable [declaration] "x"|variable "x"`},
		{src: `let f = a: a; in f 2`, text: "f", want: `function [declaration] "f"|function "f"`},
		{src: `{ a, b ? 1 }: a + b`, text: "a", want: `parameter [declaration] "a"|parameter "a"`},
		{src: `x: x`, text: "x", want: `parameter [declaration] "x"|parameter "x"`},
		{src: `map toString [ true null ]`, text: "map", want: `function [defaultLibrary] "map"`},
		{src: `map toString [ true null ]`, text: "true", want: `variable [readonly,defaultLibrary] "true"`},
		{src: `builtins.attrNames { }`, text: "attrNames", want: `function [defaultLibrary] "attrNames"`},
		{src: `builtins.nixVersion`, text: "nixVersion", want: `variable [readonly,defaultLibrary] "nixVersion"`},
		{src: `pkgs: pkgs.lib.mkShell { }`, text: "mkShell", want: `function "mkShell"`},
		{src: `pkgs: pkgs.lib.version`, text: "version", want: `property "version"`},
		{src: `{ a.b = 1; }`, text: "b", want: `property [declaration] "b"`},
		{src: `{ f = x: x; }`, text: "f", want: `function [declaration] "f"`},
		{src: `rec { a = 1; b = a; }`, text: "a", want: `property [declaration] "a"|property "a"`},
		{src: `x: { inherit x; }`, text: "x", want: `parameter [declaration] "x"|property [declaration] "x"`},
		{src: `x: let inherit x; in x`, text: "x", want: `parameter [declaration] "x"|variable [declaration] "x"|variable "x"`},
		{src: `with x; y`, text: "y", want: `variable "y"`},
		{src: `{ a = 1; } ? a`, text: "?", want: `operator "?"`},
		{src: `if 1 == 2 then 3 else 4`, text: "then", want: `keyword "then"`},
		{src: `if 1 == 2 then 3 else 4`, text: "==", want: `operator "=="`},
		{src: `x: x.a or 1`, text: "or", want: `keyword "or"`},
		{src: `"a\nb${"c"}"`, text: `\n`, want: `escapeSequence "\\n"`},
		{src: `"a\nb${"c"}"`, text: `${`, want: `interpolation "${"`},
		{src: `"a\nb${"c"}"`, text: `"a`, want: `string "\"a"`},
		{src: `[ 1 2.5 ./a.nix <nixpkgs> mirror://gnu ]`, text: "2.5", want: `number "2.5"`},
		{src: `[ 1 2.5 ./a.nix <nixpkgs> mirror://gnu ]`, text: "<nixpkgs>", want: `path "<nixpkgs>"`},
		{src: `[ 1 2.5 ./a.nix <nixpkgs> mirror://gnu ]`, text: "mirror://gnu", want: `uri [deprecated] "mirror://gnu"`},
		{src: `x: ./a/${x}.nix`, text: "./a/", want: `path "./a/"`},
		{src: `x: ./a/${x}.nix`, text: "}", want: `interpolation "}"`},
		{src: `x: ./a/${x}.nix`, text: ".nix", want: `path ".nix"`},
		{src: `# é\n1`, text: "# é", want: `comment "# é"`},
		{flake: true, src: `{ inputs.nixpkgs.url = "x"; inputs.utils = { url = "y"; inputs.nixpkgs.follows = "nixpkgs"; }; outputs = { self, nixpkgs, utils }: { x = nixpkgs; }; }`,
			text: "nixpkgs", want: `namespace [declaration] "nixpkgs"|namespace [declaration] "nixpkgs"|namespace [declaration] "nixpkgs"|namespace "nixpkgs"`},
		{flake: true, src: `{ inputs.a.url = "x"; outputs = { self, ... }@inputs: { x = inputs.a; y = inputs.b; }; }`,
			text: "a", want: `namespace [declaration] "a"|namespace "a"`},
		{flake: true, src: `{ outputs = { self }: { defaultPackage.x86_64-linux = 1; packages.x86_64-linux.defaultPackage = 1; }; }`,
			text: "defaultPackage", want: `property [declaration,deprecated] "defaultPackage"|property [declaration] "defaultPackage"`},
	}
	for _, c := range cases {
		src := []byte(strings.ReplaceAll(c.src, `\n1`, "\n1"))
		toks := Tokens(load(t, src, c.flake))
		checkWellFormed(t, src, toks)
		if got := strings.Join(find(src, toks, c.text), "|"); got != c.want {
			t.Errorf("%s: tokens %q:\n got %s\nwant %s\nall:\n%s", c.src, c.text, got, c.want, render(src, toks))
		}
	}
}

func TestMultiLineAndNonASCII(t *testing.T) {
	src := []byte("let\n  s = ''\n    héllo ${x}\n      wörld ''${y}\n  '';\n  /* a\n     b */\n  t = \"x\r\ny\";\nin s\n")
	toks := Tokens(load(t, src, false))
	checkWellFormed(t, src, toks)
	got := render(src, toks)
	want := `1:0 3 keyword "let"
2:2 1 variable [declaration] "s"
2:6 2 string "''"
3:4 7 string "héllo "
3:11 2 interpolation "${"
3:13 1 variable "x"
3:14 1 interpolation "}"
4:6 7 string "wörld "
4:13 3 escapeSequence "''$"
4:16 3 string "{y}"
5:2 2 string "''"
6:2 4 comment "/* a"
7:5 4 comment "b */"
8:2 1 variable [declaration] "t"
8:6 2 string "\"x"
9:0 2 string "y\""
10:0 2 keyword "in"
10:3 1 variable "s"
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestEveryFlake checks the invariants on every realistic flake.
func TestEveryFlake(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "flakes", "*", "flake.nix"))
	more, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "nix", "*.nix"))
	files = append(files, more...)
	if len(files) == 0 {
		t.Fatal("no flakes")
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		toks := Tokens(load(t, src, filepath.Base(f) == "flake.nix"))
		if len(toks) == 0 {
			t.Errorf("%s: no tokens", f)
		}
		checkWellFormed(t, src, toks)
	}
}

var goldenFlakes = []string{
	"utils-packages-apps-checks", "utils-simple-flake", "parts-basic", "parts-flake-section",
	"nixos-home-manager", "inputs-zoo", "bundlers-and-legacy", "rust-crane-rust-overlay",
}

// TestGolden compares the tokens of realistic flakes with
// testdata/golden/semtok (go test ./analysis/semtok -update rewrites them;
// review the diff).
func TestGolden(t *testing.T) {
	for _, name := range goldenFlakes {
		src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "flakes", name, "flake.nix"))
		if err != nil {
			t.Fatal(err)
		}
		got := render(src, Tokens(load(t, src, true)))
		golden := filepath.Join("..", "..", "testdata", "golden", "semtok", name+".txt")
		if *update {
			if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test ./analysis/semtok -update)", err)
		}
		if got != string(want) {
			t.Errorf("%s: tokens differ from %s (run with -update and review the diff)", name, golden)
		}
	}
}

// A file analysed on its text repaired in place (package check does this
// with syntax errors): tokens only where the document has the same text.
func TestRepairedText(t *testing.T) {
	repaired := []byte("{ xy = 1; }")
	u := load(t, repaired, false)
	u.Src = []byte("{ é = 1; }")
	got := render(u.Src, Tokens(u))
	if want := "1:7 1 number \"1\"\n"; got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
