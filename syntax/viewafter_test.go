package syntax

import (
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/flake-lsp/flake-lsp/internal/benchdata"
)

// TestViewAfterMatchesWalk edits files at random (one to three edits
// between parses, as a server coalesces them) and checks that a View made
// from the previous one (reused subtrees copied) is exactly the View of a
// full walk of the same tree.
func TestViewAfterMatchesWalk(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "flakes", "*", "flake.nix"))
	more, _ := filepath.Glob(filepath.Join("..", "testdata", "parse", "valid", "*.nix"))
	files = append(files, more...)
	r := rand.New(rand.NewSource(7))
	// Steps on files of 1 KB or more, where an edit leaves most subtrees
	// alone, and how many of those reused some.
	steps, largeSteps, reusedViews := 0, 0, 0
	if testing.Short() {
		files = files[:5]
	}
	flake300, _ := benchdata.Flake300()
	sources := map[string][]byte{"Flake300": flake300, "ScopedPackageSet": benchdata.ScopedPackageSet(100 << 10)}
	names := []string{"Flake300", "ScopedPackageSet"}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sources[f] = src
		names = append(names, f)
	}
	for _, f := range names {
		src := sources[f]
		tree := Parse(src)
		view := NewView(tree, src)
		for step := 0; step < 12; step++ {
			var inputs []sitter.EditInput
			for k := r.Intn(3); k >= 0; k-- {
				var in sitter.EditInput
				src, in = randomEdit(r, src).Apply(src)
				inputs = append(inputs, in)
			}
			tree = Reparse(tree, inputs, src)
			after := NewViewAfter(tree, src, view)
			walked := NewView(tree, src)
			if !reflect.DeepEqual(after.Nodes, walked.Nodes) || !reflect.DeepEqual(after.ids, walked.ids) {
				for i := range walked.Nodes {
					if i >= len(after.Nodes) || after.Nodes[i] != walked.Nodes[i] || after.ids[i] != walked.ids[i] {
						t.Logf("first difference at %d of %d/%d: after %+v id %x, walked %+v id %x", i, len(after.Nodes), len(walked.Nodes), after.Nodes[min(i, len(after.Nodes)-1)], after.ids[min(i, len(after.Nodes)-1)], walked.Nodes[i], walked.ids[i])
						break
					}
				}
				t.Fatalf("%s, step %d: the View made from the previous one differs from a full walk (%d subtrees reused)", f, step, after.reused)
			}
			if len(src) >= 1024 {
				largeSteps++
				if after.reused > 0 {
					reusedViews++
				}
			}
			view = after
			steps++
		}
		// A View of another tree is not reused.
		other := Parse(src)
		if v := NewViewAfter(other, src, view); v.reused != 0 {
			t.Fatalf("%s: reused %d subtrees of an unrelated View", f, v.reused)
		}
		other.Close()
		tree.Close()
	}
	if reusedViews < largeSteps*9/10 {
		t.Fatalf("only %d of %d Views of files over 1 KB reused subtrees", reusedViews, largeSteps)
	}
	t.Logf("%d edits; in files over 1 KB, %d of %d Views reused subtrees of the previous one", steps, reusedViews, largeSteps)
}
