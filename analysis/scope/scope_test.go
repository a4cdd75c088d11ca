package scope

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/flake-lsp/flake-lsp/syntax"
)

// A marker ⟨...⟩ stands right before a name and says what the name at
// that offset is:
//
//	dN   defines binding N (the first dN is where N is bound)
//	uN   reads binding N
//	wK   reads a name no scope binds, which K withs may supply
//	!    reads an undefined name (an undefined-variable diagnostic)
//	b    reads a builtin
//	^    a cursor, for the scope queries
//
// Several items may share a marker: `inherit ⟨u1 d2⟩x;` reads the outer x
// and defines a new one.
type marker struct {
	off   int
	items []string
}

func parseMarkers(t *testing.T, text string) (string, []marker) {
	var out strings.Builder
	var ms []marker
	for {
		i := strings.Index(text, "⟨")
		if i < 0 {
			out.WriteString(text)
			break
		}
		out.WriteString(text[:i])
		j := strings.Index(text[i:], "⟩")
		if j < 0 {
			t.Fatalf("unclosed marker in %q", text)
		}
		ms = append(ms, marker{off: out.Len(), items: strings.Fields(text[i+len("⟨") : i+j])})
		text = text[i+j+len("⟩"):]
	}
	return out.String(), ms
}

func analyze(t testing.TB, src string, opts Options) *Result {
	tree := syntax.Parse([]byte(src))
	defer tree.Close()
	return Analyze(syntax.NewView(tree, []byte(src)), opts)
}

func refAt(res *Result, off int, kind RefKind) (Ref, bool) {
	for _, r := range res.Refs {
		if r.Start == off && r.Kind == kind {
			return r, true
		}
	}
	return Ref{}, false
}

var bindingCases = []struct {
	name  string
	src   string
	kinds map[string]Kind
}{
	{"let", `let ⟨d1⟩a = 1; ⟨d2⟩b = ⟨u1⟩a; in ⟨u2⟩b + ⟨u1⟩a`, map[string]Kind{"1": KindLet, "2": KindLet}},
	{"let sees later bindings", `let ⟨d1⟩a = ⟨u2⟩b; ⟨d2⟩b = 1; in ⟨u1⟩a`, nil},
	{"let shadowing (a let is recursive)", `let ⟨d1⟩x = 1; in [ ⟨u1⟩x (let ⟨d2⟩x = ⟨u2⟩x; in ⟨u2⟩x) ]`, nil},
	{"let attribute paths make one binding", `let ⟨d1⟩a.b = 1; ⟨d1⟩a.c = ⟨u2⟩z; ⟨d2⟩z = 2; in ⟨u1⟩a`, nil},
	{"let literal extended by a path", `let ⟨d1⟩a = { b = 1; }; ⟨d1⟩a.c = 2; in ⟨u1⟩a.b`, nil},
	{"let string and static interpolation keys", `let ⟨d1⟩"a" = 1; ⟨d2⟩${"b"} = 2; in ⟨u1⟩a + ⟨u2⟩b`, nil},
	{"rec", `rec { ⟨d1⟩a = 1; ⟨d2⟩b = ⟨u1⟩a; c = { d = ⟨u2⟩b; }; }`, map[string]Kind{"1": KindRecAttr}},
	{"rec dynamic name sees rec", `rec { ⟨d1⟩x = "a"; ${⟨u1⟩x} = 1; }`, nil},
	{"rec value in a path sees rec", `rec { a.b = ⟨u1⟩c; ⟨d1⟩c = 1; }`, nil},
	{"legacy let", `let { ⟨d1⟩a = 1; ⟨d2⟩body = ⟨u1⟩a; }`, map[string]Kind{"1": KindLet, "2": KindLet}},
	{"lambda parameters", `⟨d1⟩x: ⟨d2⟩y: ⟨u1⟩x + ⟨u2⟩y`, map[string]Kind{"1": KindParam}},
	{"formals and defaults", `{ ⟨d1⟩a, ⟨d2⟩b ? ⟨u1⟩a + ⟨u3⟩c, ⟨d3⟩c ? ⟨u4⟩args }@⟨d4⟩args: ⟨u2⟩b`,
		map[string]Kind{"1": KindFormal, "2": KindFormal, "4": KindAt}},
	{"@ name before the formals", `⟨d1⟩args@{ ⟨d2⟩a ? ⟨u1⟩args.x, ... }: ⟨u2⟩a`, map[string]Kind{"1": KindAt, "2": KindFormal}},
	{"formals are not visible outside", `({ ⟨d1⟩a }: ⟨u1⟩a) ⟨!⟩a`, nil},
	{"inherit in let reads the enclosing scope", `⟨d1⟩x: let inherit ⟨u1 d2⟩x; in ⟨u2⟩x`, map[string]Kind{"1": KindParam, "2": KindLet}},
	{"inherit in rec", `⟨d1⟩x: rec { inherit ⟨u1 d2⟩x; y = ⟨u2⟩x; }`, map[string]Kind{"2": KindRecAttr}},
	{"inherit from in let sees the let", `let ⟨d1⟩s = { a = 1; }; inherit (⟨u1⟩s) ⟨d2⟩a; in ⟨u2⟩a`, nil},
	{"inherit in a plain set", `⟨d1⟩x: { inherit ⟨u1⟩x; y = 1; }`, nil},
	{"inherit from in a plain set", `⟨d1⟩s: { inherit (⟨u1⟩s) a b; s = 1; }`, nil},
	{"with chain", `⟨d1⟩p: ⟨d2⟩q: with ⟨u1⟩p; with ⟨u2⟩q; [ ⟨w2⟩x ⟨u1⟩p ⟨b⟩map ]`, nil},
	{"with environment sees outer withs", `⟨d1⟩p: with ⟨u1⟩p; with ⟨w1⟩q; ⟨w2⟩x`, nil},
	{"lexical beats with", `⟨d1⟩p: let ⟨d2⟩x = 1; in with ⟨u1⟩p; ⟨u2⟩x`, nil},
	{"with supplies inherit", `⟨d1⟩p: with ⟨u1⟩p; { inherit ⟨w1⟩hello; }`, nil},
	{"builtins", `[ ⟨b⟩map ⟨b⟩__add ⟨b⟩true ⟨b⟩builtins ⟨!⟩add ]`, nil},
	{"undefined", `⟨d1⟩a: [ ⟨u1⟩a ⟨!⟩b ]`, nil},
	{"rec literal extended by a path binds there", `{ a = rec { ⟨d1⟩b = 1; }; a.c = ⟨u1⟩b; }`, nil},
	{"set merged into a rec set", `let ⟨d1⟩a = rec { ⟨d2⟩x = 1; }; ⟨d1⟩a = { y = ⟨u2⟩x; }; in ⟨u1⟩a`, nil},
	{"rec merged into a path loses rec", `{ a.x = 1; a = rec { b = 1; c = ⟨!⟩b; }; }`, nil},
	{"search path reads __findFile", `let ⟨d1⟩__findFile = _: ⟨d2⟩n: ⟨u2⟩n; in ⟨u1⟩<x>`, nil},
	{"dynamic select and default", `⟨d1⟩k: { }.${⟨u1⟩k} or ⟨u1⟩k`, nil},
	{"non-ASCII text", "# ☃ ключ — naïve\nlet ⟨d1⟩a = \"ü${⟨u1⟩a}\"; ⟨d2⟩\"é\" = 1; ⟨d3⟩b = \"ß\"; in ⟨u3⟩b + ⟨u1⟩a", nil},
	{"non-ASCII keys in rec", `rec { ⟨d1⟩"ключ" = 1; ⟨d2⟩b = "☃"; c = ⟨u2⟩b; }`, nil},
	{"string interpolation and paths", `⟨d1⟩x: [ "${⟨u1⟩x}" ''${⟨u1⟩x}'' ./a/${⟨u1⟩x}.nix ]`, nil},
	{"or as a variable", `let ⟨d1⟩or = 1; in ⟨d2⟩f: ⟨u2⟩f ⟨u1⟩or`, nil},
}

// Definitions and references at every marker, for every binding form.
func TestDefinitionsAndReferences(t *testing.T) {
	for _, c := range bindingCases {
		t.Run(c.name, func(t *testing.T) {
			src, ms := parseMarkers(t, c.src)
			res := analyze(t, src, Options{})
			bindings := map[string]*Binding{}
			want := map[string][]int{}
			for _, m := range ms {
				for _, it := range m.items {
					if it[0] != 'd' {
						continue
					}
					label := it[1:]
					want[label] = append(want[label], m.off)
					if bindings[label] != nil {
						continue
					}
					r, ok := refAt(res, m.off, Write)
					if !ok || r.Binding == nil {
						t.Fatalf("no definition at %d (%q)", m.off, src[m.off:])
					}
					bindings[label] = r.Binding
				}
			}
			for _, m := range ms {
				where := fmt.Sprintf("at %d (%.12q)", m.off, src[m.off:])
				hasRead := false
				for _, it := range m.items {
					switch {
					case it[0] == 'd':
						if r, ok := refAt(res, m.off, Write); !ok || r.Binding != bindings[it[1:]] {
							t.Errorf("%s: not a definition of %s", where, it)
						}
					case it[0] == 'u':
						hasRead = true
						b := bindings[it[1:]]
						want[it[1:]] = append(want[it[1:]], m.off)
						r, ok := refAt(res, m.off, Read)
						if !ok || r.Binding != b {
							t.Errorf("%s: not a read of %s: %+v", where, it, r)
							continue
						}
						if got := res.DefinitionAt(m.off); got != b {
							t.Errorf("%s: DefinitionAt = %v, want %s", where, got, b.Name)
						}
						if got := res.DefinitionAt(r.End); got != b {
							t.Errorf("%s: DefinitionAt(end) = %v, want %s", where, got, b.Name)
						}
					case it[0] == 'w':
						hasRead = true
						r, ok := refAt(res, m.off, Read)
						n, _ := strconv.Atoi(it[1:])
						if !ok || r.Binding != nil || len(r.Withs()) != n {
							t.Errorf("%s: not a name from %d withs: %+v", where, n, r)
						}
						for _, w := range r.Withs() {
							if !w.Used() {
								t.Errorf("%s: a with that may supply it is not used", where)
							}
						}
						if res.DefinitionAt(m.off) != nil {
							t.Errorf("%s: a name from a with has a definition", where)
						}
					case it == "!":
						hasRead = true
						r, ok := refAt(res, m.off, Read)
						if !ok || r.Binding != nil || r.With != nil {
							t.Errorf("%s: not an undefined name", where)
						}
						found := false
						for _, d := range res.Diagnostics {
							found = found || d.Start == m.off && d.Code == CodeUndefined
						}
						if !found {
							t.Errorf("%s: no undefined-variable diagnostic", where)
						}
					case it == "b":
						hasRead = true
						if r, ok := refAt(res, m.off, Read); !ok || r.Binding == nil || r.Binding.Kind != KindBuiltin {
							t.Errorf("%s: not a builtin", where)
						}
					}
				}
				if !hasRead {
					// A definition alone: DefinitionAt finds itself.
					for _, it := range m.items {
						if it[0] == 'd' && res.DefinitionAt(m.off) != bindings[it[1:]] {
							t.Errorf("%s: DefinitionAt at a definition is not the binding", where)
						}
					}
				}
			}
			for label, b := range bindings {
				var got []int
				for _, r := range res.References(b) {
					got = append(got, r.Start)
				}
				w := want[label]
				sort.Ints(w)
				if fmt.Sprint(got) != fmt.Sprint(w) {
					t.Errorf("references of %s (%s): %v, want %v", label, b.Name, got, w)
				}
				if k, ok := c.kinds[label]; ok && b.Kind != k {
					t.Errorf("binding %s is a %v, want %v", label, b.Kind, k)
				}
			}
		})
	}
}

// Scope queries at a cursor: the local names visible there (innermost
// first) and how many withs may supply more.
func TestVisibleAt(t *testing.T) {
	cases := []struct {
		src     string
		visible string // local bindings, innermost first
		withs   int
	}{
		{`x: let a = 1; in ⟨^⟩a`, "a x", 0},
		{`let a = 1; in ⟨^⟩ a`, "a", 0},
		{`{ a, b ? ⟨^⟩a }@args: b`, "args a b", 0},
		{`p: with p; ⟨^⟩x`, "p", 1},
		{`p: with ⟨^⟩p; x`, "p", 0},
		{`p: q: with p; with q; ⟨^⟩x`, "q p", 2},
		{`rec { a = ⟨^⟩b; b = 1; }`, "a b", 0},
		{`x: { a = ⟨^⟩x; b = 1; }`, "x", 0},
		{`let x = 1; in let x = 2; y = ⟨^⟩x; in y`, "x y", 0},
		{`x: ⟨^⟩x`, "x", 0},
		{`⟨^⟩1`, "", 0},
		// Just after a name that a closing token follows: the name's scope.
		{`f: map (acc: f acc⟨^⟩) [ ]`, "acc f", 0},
		{`{ a = x: { b = x⟨^⟩}; }`, "x", 0},
	}
	for _, c := range cases {
		src, ms := parseMarkers(t, c.src)
		res := analyze(t, src, Options{})
		off := ms[0].off
		var names []string
		builtinsSeen := false
		for _, b := range res.VisibleAt(off) {
			if b.Kind == KindBuiltin {
				builtinsSeen = true
				continue
			}
			if builtinsSeen {
				t.Errorf("%s: a local binding after the builtins", c.src)
			}
			names = append(names, b.Name)
		}
		if got := strings.Join(names, " "); got != c.visible {
			t.Errorf("%s: visible %q, want %q", c.src, got, c.visible)
		}
		if !builtinsSeen {
			t.Errorf("%s: no builtins visible", c.src)
		}
		if got := len(res.WithsAt(off)); got != c.withs {
			t.Errorf("%s: %d withs, want %d", c.src, got, c.withs)
		}
	}
}

// While typing, the names around the cursor are still offered.
func TestVisibleAtInHalfTypedCode(t *testing.T) {
	for _, src := range []string{
		"{ pkgs, lib }: let x = pkgs.; in ⟨^⟩",
		"{ pkgs, lib }: let x = 1; in [ ⟨^⟩",
		"{ pkgs, lib }: let x = 1; in { a = ⟨^⟩ }",
	} {
		text, ms := parseMarkers(t, src)
		res := analyze(t, text, Options{})
		got := map[string]bool{}
		for _, b := range res.VisibleAt(ms[0].off) {
			got[b.Name] = true
		}
		for _, n := range []string{"pkgs", "lib", "x", "map"} {
			if !got[n] {
				t.Errorf("%q: %s is not visible", src, n)
			}
		}
	}
}

// A shadowing definition hides the builtin in VisibleAt.
func TestVisibleAtShadowsBuiltins(t *testing.T) {
	src, ms := parseMarkers(t, "let map = 1; in ⟨^⟩map")
	res := analyze(t, src, Options{})
	n := 0
	for _, b := range res.VisibleAt(ms[0].off) {
		if b.Name == "map" {
			n++
			if b.Kind != KindLet {
				t.Errorf("map is a %v", b.Kind)
			}
		}
	}
	if n != 1 {
		t.Errorf("map listed %d times", n)
	}
}

func TestWithUsed(t *testing.T) {
	res := analyze(t, "p: q: with p; [ (with q; 1) x ]", Options{})
	if len(res.Withs) != 2 {
		t.Fatalf("%d withs", len(res.Withs))
	}
	if !res.Withs[0].Used() || res.Withs[1].Used() {
		t.Errorf("used: %v %v, want true false", res.Withs[0].Used(), res.Withs[1].Used())
	}
	if u := res.Withs[0].Uses; len(u) != 1 || u[0].Start != strings.Index("p: q: with p; [ (with q; 1) x ]", "x") {
		t.Errorf("uses of the outer with: %+v", u)
	}
}

func TestUnusedQuery(t *testing.T) {
	res := analyze(t, "x: let a = b; b = 1; c = d; d = 2; in [ a x ]", Options{})
	unused := map[string]bool{}
	for _, b := range res.Bindings {
		unused[b.Name] = res.Unused(b)
	}
	want := map[string]bool{"x": false, "a": false, "b": false, "c": true, "d": true}
	if fmt.Sprint(unused) != fmt.Sprint(want) {
		t.Errorf("unused: %v, want %v", unused, want)
	}
}

// Each quick fix gives the expected text, which parses and no longer has
// the diagnostic.
func TestFixes(t *testing.T) {
	cases := []struct{ src, code, want string }{
		{"{\n  a = 1;\n  inherit;\n}", CodeEmptyInherit, "{\n  a = 1;\n}"},
		{"let\n  a = 1;\n  b = 2;\nin b", CodeUnusedLet, "let\n  b = 2;\nin b"},
		{"let a = 1; b = 2; in b", CodeUnusedLet, "let b = 2; in b"},
		{"s: let inherit (s) a b; in a", CodeUnusedLet, "s: let inherit (s) a; in a"},
		{"s: let inherit (s) b; in s", CodeUnusedLet, "s: let in s"},
		{"x: 1", CodeUnusedParam, "_: 1"},
		{"args@{ a }: a", CodeUnusedAt, "{ a }: a"},
		{"{ a } @ args: a", CodeUnusedAt, "{ a }: a"},
		{"{ a, b, ... }: a", CodeUnusedFormal, "{ a, ... }: a"},
		{"{ a, b ? 1, ... }: b", CodeUnusedFormal, "{ b ? 1, ... }: b"},
		{"p: with p; 1", CodeUnusedWith, "p: 1"},
		{"rec { a = 1; }", CodeUnnecessaryRec, "{ a = 1; }"},
		{"http://example.org", CodeURLLiteral, `"http://example.org"`},
		{"{ stdenv }: stdnev", CodeUndefined, "{ stdenv }: stdenv"},
	}
	for _, c := range cases {
		res := analyze(t, c.src, Options{})
		var fixed string
		found := false
		for _, d := range res.Diagnostics {
			if d.Code != c.code {
				continue
			}
			found = true
			if d.Fix == nil {
				t.Errorf("%q: %s has no fix", c.src, c.code)
				continue
			}
			fixed = c.src[:d.Fix.Start] + d.Fix.Replacement + c.src[d.Fix.End:]
		}
		if !found {
			t.Errorf("%q: no %s", c.src, c.code)
			continue
		}
		if fixed != c.want {
			t.Errorf("%q: fixed to %q, want %q", c.src, fixed, c.want)
		}
		tree := syntax.Parse([]byte(fixed))
		if errs := tree.Errors([]byte(fixed)); len(errs) > 0 {
			t.Errorf("%q: the fix gives a syntax error: %v", c.src, errs[0].Message)
		}
		tree.Close()
		for _, d := range analyze(t, fixed, Options{}).Diagnostics {
			if d.Code == c.code {
				t.Errorf("%q: still %s after the fix", fixed, c.code)
			}
		}
	}
}

// Formals without `...`: removing one would make the function reject
// callers that pass it, so there is no fix.
func TestNoFixForFormalWithoutEllipsis(t *testing.T) {
	for _, d := range analyze(t, "{ a, b }: a", Options{}).Diagnostics {
		if d.Code == CodeUnusedFormal && d.Fix != nil {
			t.Errorf("unexpected fix %+v", d.Fix)
		}
	}
}
