package complete

import (
	"strings"
	"testing"
)

// cursor splits text at `|`.
func cursor(t *testing.T, text string) ([]byte, int) {
	t.Helper()
	off := strings.Index(text, "|")
	if off < 0 {
		t.Fatal("no cursor in " + text)
	}
	return []byte(text[:off] + text[off+1:]), off
}

func TestClosers(t *testing.T) {
	for text, want := range map[string]string{
		`x = { a = "|`:                 `";}`,
		`x = { a = "|" ; };`:           ``,
		`  nixConfig = { substi|`:      `}`,
		`  nixConfig = { substi| };`:   ``,
		`f "${pk|`:                     `}"`,
		`[ (a "b" { c = [ d|`:          `];})]`,
		`x = "a # b" + { y = |`:        `}`,
		`x = 1; # { "|`:                ``,
		"a = {\n  b = [ |":             `]`,
		`y = "${ if a then "x" else |`: `}"`,
	} {
		src, off := cursor(t, text)
		if got := closers(src, off); got != want {
			t.Errorf("closers(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestOpenKeywords(t *testing.T) {
	for text, want := range map[string]string{
		`let a = 1; |`:         "in",
		`let a = 1; in |`:      "",
		`if a |`:               "then",
		`if a then b |`:        "else",
		`if a then b else c |`: "",
		`let a = if x then 1 else 2; b = "in"; |`: "in",
		"let a = 1; # in\n |":                     "in",
		`let { a = 1; |`:                          "",
		`let a = ''in''; |`:                       "in",
		`x: let y = if z |`:                       "then",
		`/* let */ |`:                             "",
	} {
		src, off := cursor(t, text)
		if got := strings.Join(openKeywords(src, off), " "); got != want {
			t.Errorf("openKeywords(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestFormalsText(t *testing.T) {
	for text, want := range map[string]string{
		`outputs = { self, nix| }:`:          "self",
		`outputs = { self, nixpkgs, |`:       "nixpkgs self",
		`outputs = inputs@{ self, ... , |`:   "self ...",
		`outputs = { self }: { packages = |`: "-",
		`inputs = { a, |`:                    "-",
	} {
		src, off := cursor(t, text)
		start, end := wordAround(src, off)
		listed, ellipsis, ok := formalsText(src, start, end)
		got := "-"
		if ok {
			var names []string
			for _, n := range []string{"nixpkgs", "self"} {
				if listed[n] {
					names = append(names, n)
				}
			}
			if ellipsis {
				names = append(names, "...")
			}
			got = strings.Join(names, " ")
		}
		if got != want {
			t.Errorf("formalsText(%q) = %q, want %q", text, got, want)
		}
	}
}
