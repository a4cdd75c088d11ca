package syntax

import (
	"os"
	"path/filepath"
	"testing"
)

// addSeeds adds every file matching the patterns (relative to this
// package) to the fuzz corpus.
func addSeeds(f *testing.F, patterns ...string) {
	n := 0
	for _, p := range patterns {
		files, _ := filepath.Glob(p)
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
			n++
		}
	}
	if n == 0 {
		f.Fatalf("no seed files match %v", patterns)
	}
}

// FuzzParse parses any bytes and checks the tree's copy (the View) and the
// syntax errors: no panic, every range inside the text, the tree well
// formed (parents contain their children, siblings in order), At finds a
// node around every offset, and a repaired text keeps every offset.
func FuzzParse(f *testing.F) {
	addSeeds(f, "../testdata/parse/valid/*.nix", "../testdata/parse/invalid/*.nix", "../testdata/parse/newer/*.nix")
	f.Add([]byte(`[(a + b c ]"`))
	f.Add([]byte("\xef\xbb\xbf{ a = 1; }"))
	f.Fuzz(func(t *testing.T, src []byte) {
		tree := Parse(src)
		defer tree.Close()
		v := NewView(tree, src)
		checkView(t, v, src)
		errs, repaired := tree.Diagnose(v)
		for _, e := range errs {
			checkError(t, src, e.StartByte, e.EndByte, e.Message)
			if want := PointAt(src, int(e.StartByte)); e.Start != want {
				t.Errorf("error %q at byte %d: point %v, want %v", e.Message, e.StartByte, e.Start, want)
			}
			if want := PointAt(src, int(e.EndByte)); e.End != want {
				t.Errorf("error %q ending at byte %d: point %v, want %v", e.Message, e.EndByte, e.End, want)
			}
			for _, r := range e.Related {
				checkError(t, src, r.StartByte, r.EndByte, r.Message)
			}
		}
		if tree.RootNode().HasError() && len(errs) == 0 {
			t.Errorf("the tree has errors but none is reported")
		}
		if repaired != nil {
			if len(errs) == 0 {
				t.Errorf("a repaired text without errors")
			}
			if len(repaired) != len(src) {
				t.Errorf("repaired text of %d bytes for a text of %d", len(repaired), len(src))
			}
		}
		// Errors(src) is the same list.
		if again := tree.Errors(src); len(again) != len(errs) {
			t.Errorf("Errors found %d errors, Diagnose %d", len(again), len(errs))
		}
	})
}

func checkError(t *testing.T, src []byte, start, end uint32, msg string) {
	t.Helper()
	if start > end || int(end) > len(src) {
		t.Errorf("error %q at [%d,%d) outside the text of %d bytes", msg, start, end, len(src))
	}
	if msg == "" {
		t.Errorf("error at [%d,%d) without a message", start, end)
	}
}

// checkView checks the structure of a View.
func checkView(t *testing.T, v *View, src []byte) {
	t.Helper()
	if len(v.Nodes) == 0 {
		t.Fatal("a View without nodes")
	}
	if v.Parent(0) != NoNode {
		t.Fatalf("the root has a parent")
	}
	for i := range v.Nodes {
		n := NodeID(i)
		s, e := v.Start(n), v.End(n)
		if s > e || e > len(src) {
			t.Fatalf("node %d (%s) at [%d,%d) outside the text of %d bytes", i, v.Kind(n), s, e, len(src))
		}
		if i > 0 {
			p := v.Parent(n)
			if p == NoNode || p >= n {
				t.Fatalf("node %d (%s) has parent %d: not before it in preorder", i, v.Kind(n), p)
			}
			if v.Start(p) > s || v.End(p) < e {
				t.Fatalf("node %d (%s) [%d,%d) outside its parent %d (%s) [%d,%d)", i, v.Kind(n), s, e, p, v.Kind(p), v.Start(p), v.End(p))
			}
			if v.Start(NodeID(i-1)) > s {
				t.Fatalf("node %d starts at %d, before node %d at %d: preorder is not the order of starts", i, s, i-1, v.Start(NodeID(i-1)))
			}
		}
		if next := v.Next(n); next != NoNode {
			if next <= n || v.Parent(next) != v.Parent(n) {
				t.Fatalf("node %d: next sibling %d is not a later child of the same parent", i, next)
			}
			if v.Start(next) < e {
				t.Fatalf("node %d [%d,%d): next sibling %d starts at %d", i, s, e, next, v.Start(next))
			}
		}
		if c := v.FirstChild(n); c != NoNode && c != n+1 {
			t.Fatalf("node %d: first child %d is not the next node", i, c)
		}
		if v.HasError(n) && i > 0 && !v.HasError(v.Parent(n)) {
			t.Fatalf("node %d has an error and its parent does not", i)
		}
	}
	for off := 0; off <= len(src); off++ {
		n := v.At(off)
		if n == NoNode {
			t.Fatalf("At(%d): no node", off)
		}
		if n != v.Root() && (v.Start(n) > off || v.End(n) < off) {
			t.Fatalf("At(%d): node %d (%s) at [%d,%d)", off, n, v.Kind(n), v.Start(n), v.End(n))
		}
	}
}
