package lsp

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/flake-lsp/flake-lsp/analysis/complete"
	"github.com/flake-lsp/flake-lsp/analysis/hover"
	"github.com/flake-lsp/flake-lsp/analysis/lockfile"
	"github.com/flake-lsp/flake-lsp/analysis/navigate"
	"github.com/flake-lsp/flake-lsp/analysis/outline"
	"github.com/flake-lsp/flake-lsp/analysis/scope"
	"github.com/flake-lsp/flake-lsp/analysis/unit"
	"github.com/flake-lsp/flake-lsp/check"
	"github.com/flake-lsp/flake-lsp/grammar"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// realisticUnits analyses every flake of testdata/flakes as the server
// does (check.Analyze with the lock beside it) and returns the flake.nix
// units with the flake.lock units (nil when there is no lock).
func realisticUnits(t *testing.T) (flakes, locks []*unit.Unit) {
	t.Helper()
	files, _ := filepath.Glob("../testdata/flakes/*/flake.nix")
	if len(files) < 40 {
		t.Fatalf("only %d flakes", len(files))
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		in := check.Input{Path: f, Src: src, Flake: true}
		lockPath := filepath.Join(filepath.Dir(f), "flake.lock")
		lockSrc, err := os.ReadFile(lockPath)
		if err == nil {
			in.LockPath, in.LockSrc = lockPath, lockSrc
		}
		out := check.Analyze(in)
		u := &unit.Unit{Path: f, Src: src, View: out.View, Scope: out.Scope, Flake: out.Flake}
		var lu *unit.Unit
		if lockSrc != nil {
			u.Lock, u.LockPath, u.LockSrc = out.Lock, lockPath, lockSrc
			lf, _ := lockfile.Parse(lockSrc)
			lu = &unit.Unit{Path: lockPath, Src: lockSrc, Lock: lf, LockPath: lockPath, LockSrc: lockSrc}
		}
		flakes = append(flakes, u)
		locks = append(locks, lu)
	}
	return flakes, locks
}

// TestFeaturesOnRealisticFlakes runs every position feature directly on
// the analysis packages (not through a session: the LSP layer only
// converts ranges, which the marker tests cover) at every identifier,
// attribute and string of the realistic flakes, and on every name in
// their locks. Nothing may panic or return a range outside its file;
// and where an answer is due it must be there: hover on every input name
// and every builtin, definition and references on every variable bound
// in the file, completion (with the name itself) after every variable,
// prepareRename on every declared input, symbols for every flake, a
// hover and a definition for every node of every lock.
func TestFeaturesOnRealisticFlakes(t *testing.T) {
	flakes, locks := realisticUnits(t)
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	texts := map[string][]byte{}
	for i, u := range flakes {
		texts[u.Path] = u.Src
		if locks[i] != nil {
			texts[locks[i].Path] = locks[i].Src
		}
	}
	positions := 0
	for i, u := range flakes {
		name := filepath.Base(filepath.Dir(u.Path))
		v := u.View
		fail := func(format string, args ...any) {
			t.Helper()
			t.Errorf("%s: %s", name, fmt.Sprintf(format, args...))
		}
		inFile := func(what string, off int, path string, start, end int) {
			t.Helper()
			text, ok := texts[path]
			if path == u.Path {
				text, ok = u.Src, true
			}
			if !ok {
				if start >= 0 {
					if _, err := os.Stat(path); err != nil {
						fail("%s at %d: a location in %s, which is not there", what, off, path)
					}
				}
				return
			}
			if start < 0 || end < start || end > len(text) {
				fail("%s at %d: range [%d,%d) outside %s (%d bytes)", what, off, start, end, filepath.Base(path), len(text))
			}
		}
		at := func(off int) {
			t.Helper()
			positions++
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("%s: panic at offset %d (%q): %v", name, off, around(u.Src, off), r)
				}
			}()
			for _, c := range complete.Complete(u, off) {
				inFile("completion "+c.Label, off, u.Path, c.Start, c.End)
				if c.NewText == "" || c.Start > off && c.Start != c.End {
					fail("completion %q at %d: empty text or a range after the cursor [%d,%d)", c.Label, off, c.Start, c.End)
				}
			}
			if h, ok := hover.Hover(u, off, now); ok {
				inFile("hover", off, u.Path, h.Start, h.End)
				if strings.TrimSpace(h.Markdown) == "" {
					fail("empty hover at %d", off)
				}
			}
			for _, l := range navigate.Definition(u, off) {
				inFile("definition", off, l.Path, l.Start, l.End)
			}
			for _, o := range navigate.References(u, off, true) {
				inFile("reference", off, o.Path, o.Start, o.End)
			}
			for _, o := range navigate.Highlights(u, off) {
				inFile("highlight", off, o.Path, o.Start, o.End)
			}
			if loc, _, err := navigate.PrepareRename(u, off); err == nil {
				inFile("prepareRename", off, loc.Path, loc.Start, loc.End)
				if loc.Start > off || off > loc.End {
					fail("prepareRename at %d: range [%d,%d) does not hold the cursor", off, loc.Start, loc.End)
				}
			}
		}
		for n := syntax.NodeID(0); int(n) < len(v.Nodes); n++ {
			switch v.Kind(n) {
			case grammar.KindIdentifier, grammar.KindAttribute, grammar.KindString, grammar.KindStringFragment, grammar.KindPath:
				start, end := v.Start(n), v.End(n)
				at(start)
				at((start + end) / 2)
				at(end)
			}
		}

		// Hover on every input, as declared and as the outputs' formal.
		for _, in := range u.Flake.InputOrder {
			key := u.Flake.Inputs[in].Key
			if h, ok := hover.Hover(u, v.Start(key)+1, now); !ok || !strings.Contains(h.Markdown, "input `"+in+"`") {
				fail("no input hover on the declaration of %s", in)
			}
			if _, _, err := navigate.PrepareRename(u, v.Start(key)+1); err != nil {
				fail("prepareRename refuses input %s: %v", in, err)
			}
			// Renaming it edits flake.nix, and flake.lock when it pins it.
			edits, err := navigate.Rename(u, v.Start(key)+1, "renamedInput")
			if err != nil {
				t.Logf("%s: rename of %s refused: %v", name, in, err)
			}
			if err != nil && !strings.Contains(err.Error(), "inherit") {
				fail("rename of input %s: %v", in, err)
			}
			for _, e := range append(edits, navigate.RenameLock(u, v.Start(key)+1, "renamedInput")...) {
				inFile("rename", v.Start(key), e.Path, e.Start, e.End)
				if text := texts[e.Path]; e.Path == u.LockPath && string(text[e.Start:e.End]) != in {
					fail("rename of input %s edits %q in flake.lock", in, text[e.Start:e.End])
				}
			}
		}
		for formal, node := range u.Flake.Formals {
			if formal == "self" || node == syntax.NoNode {
				continue
			}
			if h, ok := hover.Hover(u, v.Start(node), now); !ok || !strings.Contains(h.Markdown, "`"+formal+"`") {
				fail("no hover on the formal %s", formal)
			}
		}
		// Variables: definition, references, completion; builtins: hover.
		for _, r := range u.Scope.Refs {
			if r.Implicit || r.Kind != scope.Read || r.Binding == nil {
				continue
			}
			word := string(u.Src[r.Start:r.End])
			if r.Binding.Kind == scope.KindBuiltin {
				if h, ok := hover.Hover(u, r.Start, now); !ok || !strings.Contains(h.Markdown, "builtins.") {
					fail("no builtin hover on %s at %d", word, r.Start)
				}
				continue
			}
			if defs := navigate.Definition(u, r.Start); len(defs) == 0 {
				fail("no definition for %s at %d (%q)", word, r.Start, around(u.Src, r.Start))
			}
			found := false
			for _, o := range navigate.References(u, r.Start, true) {
				found = found || o.Start == r.Start
			}
			if !found && !isInputName(u, r.Binding.Name) {
				fail("references of %s at %d do not include it", word, r.Start)
			}
			if !completes(u, r.End, r.Binding.Name) {
				fail("completion after %s at %d does not offer it", word, r.End)
			}
		}
		// `builtins.x`.
		for n := syntax.NodeID(0); int(n) < len(v.Nodes); n++ {
			if !v.Is(n, grammar.KindSelect) || v.Text(v.Child(n, grammar.FieldExpression)) != "builtins" {
				continue
			}
			if attr := v.NamedChildren(v.Child(n, grammar.FieldAttrpath), nil); len(attr) > 0 {
				if h, ok := hover.Hover(u, v.Start(attr[0]), now); !ok || !strings.Contains(h.Markdown, "builtins."+v.Text(attr[0])) {
					fail("no hover on builtins.%s", v.Text(attr[0]))
				}
			}
		}
		if syms := outline.Symbols(u); len(syms) == 0 {
			fail("no document symbols")
		} else {
			checkSymbols(t, name, u.Src, syms, 0, len(u.Src))
		}
		for _, l := range outline.Links(u) {
			if l.Start < 0 || l.End < l.Start || l.End > len(u.Src) || l.Target == "" {
				fail("bad link %+v", l)
			}
		}

		// The lock: every node key has a hover and leads somewhere.
		lu := locks[i]
		if lu == nil || lu.Lock == nil {
			continue
		}
		for _, l := range outline.LockLinks(lu.Lock) {
			if l.Start < 0 || l.End < l.Start || l.End > len(lu.Src) {
				fail("bad lock link %+v", l)
			}
		}
		for _, key := range lu.Lock.Keys {
			node := lu.Lock.Nodes[key]
			for _, off := range []int{node.KeyStart + 1, (node.KeyStart + node.KeyEnd) / 2, node.KeyEnd} {
				h, ok := hover.LockHover(lu, u, off, now)
				if !ok || h.Start < 0 || h.End > len(lu.Src) {
					fail("no hover on lock node %s", key)
				}
				defs := navigate.LockDefinition(lu, u, off)
				for _, l := range defs {
					inFile("lock definition", off, l.Path, l.Start, l.End)
				}
				if p := lu.Lock.Paths()[key]; key != lu.Lock.Root && len(defs) == 0 && len(p) > 0 && isInputName(u, p[0]) {
					fail("lock node %s leads nowhere", key)
				}
			}
			for _, e := range node.Inputs {
				for off := e.KeyStart; off <= e.End; off++ {
					h, ok := hover.LockHover(lu, u, off, now)
					if ok && (h.Start < 0 || h.End > len(lu.Src) || h.Start > h.End) {
						fail("lock hover range [%d,%d)", h.Start, h.End)
					}
					for _, l := range navigate.LockDefinition(lu, u, off) {
						inFile("lock definition", off, l.Path, l.Start, l.End)
					}
				}
			}
		}
	}
	t.Logf("%d positions in %d flakes", positions, len(flakes))
}

func isInputName(u *unit.Unit, name string) bool {
	_, formal := u.Flake.Formals[name]
	return u.Flake.Inputs[name] != nil || formal
}

// completes reports whether completion at off offers label.
func completes(u *unit.Unit, off int, label string) bool {
	for _, c := range complete.Complete(u, off) {
		if c.Label == label {
			return true
		}
	}
	return false
}

// checkSymbols: every symbol within its parent, its name within it.
func checkSymbols(t *testing.T, name string, src []byte, syms []outline.Symbol, start, end int) {
	t.Helper()
	for _, s := range syms {
		if s.Start < start || s.End > end || s.Start > s.End || s.SelStart < s.Start || s.SelEnd > s.End || s.Name == "" {
			t.Errorf("%s: symbol %q [%d,%d) sel [%d,%d) outside its parent [%d,%d)", name, s.Name, s.Start, s.End, s.SelStart, s.SelEnd, start, end)
		}
		checkSymbols(t, name, src, s.Children, s.Start, s.End)
	}
}

func around(src []byte, off int) string {
	return string(src[max(0, off-20):min(len(src), off+20)])
}
