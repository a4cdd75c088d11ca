package scope

import (
	"os"
	"strings"
	"testing"

	"github.com/flake-lsp/flake-lsp/grammar"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// While a file is being edited it has syntax errors; the names around
// them must not turn into floods of undefined or unused diagnostics.
// Every realistic file, with one punctuation or keyword token deleted
// (what an unfinished edit looks like), must report no undefined or
// unused name that the complete file does not report.
func TestSyntaxErrorsDoNotFlood(t *testing.T) {
	files := append(nixFiles(t, "nix"), nixFiles(t, "flakes")...)
	mutants, checked := 0, 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		base := names(analyzeSrc(src))
		tree := syntax.Parse(src)
		v := syntax.NewView(tree, src)
		tree.Close()
		for i, n := range v.Nodes {
			id := syntax.NodeID(i)
			if n.Flags&grammar.FlagNamed != 0 || v.FirstChild(id) != syntax.NoNode || n.End == n.Start {
				continue // only anonymous tokens: punctuation and keywords
			}
			if (testing.Short() || raceEnabled) && i%4 != 0 {
				continue
			}
			mutant := append(append([]byte{}, src[:n.Start]...), src[n.End:]...)
			mt := syntax.Parse(mutant)
			hasErrors := len(mt.Errors(mutant)) > 0
			mt.Close()
			if !hasErrors {
				continue
			}
			mutants++
			for key := range names(analyzeSrc(mutant)) {
				checked++
				if !base[key] {
					t.Errorf("%s without %q at %d: new %s", f, v.Text(id), n.Start, key)
				}
			}
		}
	}
	if mutants < 1000 {
		t.Errorf("only %d mutants with syntax errors", mutants)
	}
	t.Logf("%d mutants with syntax errors, %d name diagnostics in them", mutants, checked)
}

func analyzeSrc(src []byte) *Result {
	tree := syntax.Parse(src)
	defer tree.Close()
	return Analyze(syntax.NewView(tree, src), Options{})
}

// names keys the undefined and unused diagnostics by code and name.
func names(res *Result) map[string]bool {
	out := map[string]bool{}
	for _, d := range res.Diagnostics {
		if d.Code == CodeUndefined || strings.HasPrefix(d.Code, "unused-") {
			name := d.Message
			if i := strings.IndexByte(name, '\''); i >= 0 {
				name = name[i+1:]
				name = name[:strings.IndexByte(name, '\'')]
			}
			out[d.Code+" "+name] = true
		}
	}
	return out
}

// Away from a syntax error, names are still checked.
func TestDiagnosticsAwayFromSyntaxErrors(t *testing.T) {
	src := "{\n  a = { x = 1 };\n  b = undefinedThing;\n  c = let unused = 1; in 2;\n}"
	res := analyzeSrc([]byte(src))
	got := names(res)
	for _, want := range []string{"undefined-variable undefinedThing", "unused-let-binding unused"} {
		if !got[want] {
			t.Errorf("missing %s: %v", want, got)
		}
	}
	if len(got) != 2 {
		t.Errorf("got %v", got)
	}
}

// Names inside an ERROR node count as uses and are never reported.
func TestNamesInsideErrorsAreUses(t *testing.T) {
	src := "{ pkgs }: let helper = 1; in { x = [ helper pkgs ) ; }"
	res := analyzeSrc([]byte(src))
	if tree := syntax.Parse([]byte(src)); len(tree.Errors([]byte(src))) == 0 {
		t.Fatal("the example has no syntax error")
	}
	if got := names(res); len(got) != 0 {
		t.Errorf("got %v", got)
	}
	if b := res.DefinitionAt(strings.LastIndex(src, "helper")); b == nil || b.Name != "helper" {
		t.Errorf("helper in the broken list resolves to %v", b)
	}
}
