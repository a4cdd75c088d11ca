package syntax

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/flake-lsp/flake-lsp/grammar"
	"github.com/flake-lsp/flake-lsp/internal/benchdata"
)

// TestViewMatchesTree checks View's navigation against go-tree-sitter's on
// every valid testdata file: field children, named children, subtree ends
// and the node at every offset.
func TestViewMatchesTree(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "parse", "valid", "*.nix"))
	if len(files) < 100 {
		t.Fatalf("only %d files", len(files))
	}
	var fields []string
	for f := range fieldIDs {
		fields = append(fields, f)
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		tree := Parse(src)
		v := NewView(tree, src)
		root := tree.RootNode()
		for n := NodeID(0); int(n) < len(v.Nodes); n++ {
			end := v.SubtreeEnd(n)
			for m := n + 1; m < end; m++ {
				if v.Start(m) < v.Start(n) || v.End(m) > v.End(n) {
					t.Fatalf("%s: node %d outside its ancestor %d", f, m, n)
				}
			}
		}
		// Compare field children for every named node found by offset.
		for off := 0; off <= len(src); off++ {
			id := v.At(off)
			sn := root.NamedDescendantForPointRange(PointAt(src, v.Start(id)), PointAt(src, v.End(id)))
			if id == NoNode || sn == nil {
				t.Fatalf("%s: nothing at %d", f, off)
			}
			if v.Start(id) > off || v.End(id) < off {
				t.Fatalf("%s: At(%d) = [%d,%d)", f, off, v.Start(id), v.End(id))
			}
			if !v.IsNamed(id) || int(sn.StartByte()) != v.Start(id) || int(sn.EndByte()) != v.End(id) {
				continue
			}
			for sn.Parent() != nil && sn.Parent().StartByte() == sn.StartByte() && sn.Parent().EndByte() == sn.EndByte() && sn.Type() != v.Kind(id) {
				sn = sn.Parent()
			}
			if sn.Type() != v.Kind(id) {
				continue
			}
			for _, field := range fields {
				want := sn.ChildByFieldName(field)
				got := v.Child(id, field)
				if (want == nil) != (got == NoNode) || want != nil && (int(want.StartByte()) != v.Start(got) || want.Type() != v.Kind(got)) {
					t.Fatalf("%s: %s.%s differs: %v vs %q", f, v.Kind(id), field, want, v.Text(got))
				}
			}
			if int(sn.NamedChildCount()) != len(v.NamedChildren(id, nil))+countComments(v, id) {
				t.Fatalf("%s: named children of %s differ", f, v.Kind(id))
			}
		}
		tree.Close()
	}
}

func countComments(v *View, n NodeID) int {
	k := 0
	for c := v.FirstChild(n); c != NoNode; c = v.Next(c) {
		if v.IsExtra(c) && v.IsNamed(c) {
			k++
		}
	}
	return k
}

// TestNewViewKeepsTreeAlive: a tree dropped right after NewView must not
// be finalized (freed) while the C walk reads it; this crashed before.
func TestNewViewKeepsTreeAlive(t *testing.T) {
	src := benchdata.PackageSet(100000)
	stop := make(chan bool)
	done := make(chan bool)
	go func() {
		defer close(done)
		for {
			select {
			case <-stop:
				return
			default:
				runtime.GC()
			}
		}
	}()
	for i := 0; i < 10; i++ {
		if v := NewView(Parse(src), src); len(v.Nodes) < 1000 {
			t.Fatalf("%d nodes", len(v.Nodes))
		}
	}
	close(stop)
	<-done
}

// TestChildByField: ChildByField finds what Child finds, for every field
// of every node of the valid testdata files.
func TestChildByField(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "parse", "valid", "*.nix"))
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		tree := Parse(src)
		v := NewView(tree, src)
		tree.Close()
		for n := NodeID(0); int(n) < len(v.Nodes); n++ {
			for name, id := range fieldIDs {
				if got, want := v.ChildByField(n, id), v.Child(n, name); got != want {
					t.Fatalf("%s: node %d field %s: %d, want %d", f, n, name, got, want)
				}
			}
		}
	}
	if NewView(Parse(nil), nil).ChildByField(NoNode, fieldIDs[grammar.FieldBody]) != NoNode {
		t.Error("ChildByField(NoNode) is a node")
	}
}
