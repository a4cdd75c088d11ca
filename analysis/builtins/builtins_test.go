package builtins

import (
	"os/exec"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/flake-lsp/flake-lsp/internal/nixoracle"
)

func TestTableShape(t *testing.T) {
	if !sort.SliceIsSorted(table, func(i, j int) bool { return table[i].Name < table[j].Name }) {
		t.Error("table is not sorted by name")
	}
	for _, b := range All() {
		if b.Doc == "" || strings.Contains(b.Doc, "\n") || !strings.HasSuffix(b.Doc, ".") {
			t.Errorf("%s: the description must be one sentence on one line", b.Name)
		}
		if Lookup(b.Name) == nil || Global(b.Global) == nil || Global(b.Global).Name != b.Name {
			t.Errorf("%s: lookups disagree", b.Name)
		}
	}
	if g := Global("map"); g == nil || g.Signature() != "builtins.map f list" || g.Arity() != 2 {
		t.Errorf("map: %+v", g)
	}
	if g := Global("__add"); g == nil || g.Name != "add" {
		t.Errorf("__add: %+v", g)
	}
	if Global("add") != nil || Global("__map") != nil {
		t.Error("add is only reachable as __add, map only as map")
	}
}

// The table against the Nix on this machine: every attribute of builtins
// is listed, every listed one that this Nix should have is there, and the
// global name of each parses while the other spelling is undefined.
func TestAgainstNix(t *testing.T) {
	if !nixoracle.Available() {
		t.Skip("nix-instantiate is not installed")
	}
	out, err := exec.Command("nix-instantiate", "--store", "dummy://", "--eval", "--strict", "-E",
		`builtins.concatStringsSep " " (builtins.attrNames builtins)`).Output()
	if err != nil {
		t.Fatal(err)
	}
	version, err := exec.Command("nix-instantiate", "--store", "dummy://", "--eval", "-E", "builtins.nixVersion").Output()
	if err != nil {
		t.Fatal(err)
	}
	nixVersion := strings.Trim(strings.TrimSpace(string(version)), `"`)
	have := map[string]bool{}
	for _, n := range strings.Fields(strings.Trim(strings.TrimSpace(string(out)), `"`)) {
		have[n] = true
		if Lookup(n) == nil {
			t.Errorf("builtins.%s is missing from the table", n)
		}
	}
	var probe []string
	for _, b := range All() {
		expected := b.Requires == "" && !newer(b.Since, nixVersion)
		if expected != have[b.Name] {
			t.Errorf("builtins.%s: Nix %s has it: %v, the table says %v", b.Name, nixVersion, have[b.Name], expected)
		}
		if have[b.Name] {
			probe = append(probe, b.Name)
		}
	}
	// One nix-instantiate run per spelling: a list of every global name
	// parses only if all of them are bound.
	var globals []string
	for _, n := range probe {
		globals = append(globals, Lookup(n).Global)
	}
	if msg := parse(strings.Join(globals, " ")); msg != "" {
		t.Errorf("global names: %s", msg)
	}
	// The other spelling must be undefined; each is one process, so run
	// a few at a time.
	var wg sync.WaitGroup
	sem := make(chan bool, 4)
	for _, n := range probe {
		other := "__" + n
		if strings.HasPrefix(Lookup(n).Global, "__") {
			other = n
		}
		wg.Add(1)
		sem <- true
		go func() {
			defer wg.Done()
			if parse(other) == "" {
				t.Errorf("%s is bound in Nix's global scope, but the table says %s", other, Lookup(n).Global)
			}
			<-sem
		}()
	}
	wg.Wait()
}

func parse(expr string) string {
	out, err := exec.Command("nix-instantiate", "--store", "dummy://", "--parse", "-E", "[ "+expr+" ]").CombinedOutput()
	if err != nil {
		return strings.TrimSpace(string(out))
	}
	return ""
}

// newer reports whether version a is after b ("2.10" > "2.8").
func newer(a, b string) bool {
	if a == "" {
		return false
	}
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(pa) && i < len(pb); i++ {
		x, y := atoi(pa[i]), atoi(pb[i])
		if x != y {
			return x > y
		}
	}
	return false
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			break
		}
		n = n*10 + int(c-'0')
	}
	return n
}
