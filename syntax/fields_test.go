package syntax

import (
	"os"
	"path/filepath"
	"testing"

	sitter "github.com/smacker/go-tree-sitter"
)

// Tree-sitter's ChildByFieldName can return a grandchild when the grammar
// inlines rules around aliased hidden ones (fields are then "inherited").
// Every node of every testdata tree is checked: the child a field name
// finds must be the first child the cursor labels with that field.
func TestChildByFieldNameMatchesCursor(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "parse", "valid", "*.nix"))
	if len(files) == 0 {
		t.Fatal("no testdata")
	}
	checked := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var walk func(n *sitter.Node)
		walk = func(n *sitter.Node) {
			first := map[string]*sitter.Node{}
			c := sitter.NewTreeCursor(n)
			if c.GoToFirstChild() {
				for {
					if name := c.CurrentFieldName(); name != "" && first[name] == nil {
						first[name] = c.CurrentNode()
					}
					if !c.GoToNextSibling() {
						break
					}
				}
			}
			c.Close()
			for name, want := range first {
				got := n.ChildByFieldName(name)
				checked++
				if got == nil || got.StartByte() != want.StartByte() || got.EndByte() != want.EndByte() || got.Type() != want.Type() {
					t.Fatalf("%s: %s.%s: ChildByFieldName gives %v, the cursor %s %d-%d", f, n.Type(), name, got, want.Type(), want.StartByte(), want.EndByte())
				}
			}
			for i := 0; i < int(n.ChildCount()); i++ {
				walk(n.Child(i))
			}
		}
		walk(Parse(src).RootNode())
	}
	t.Logf("%d field lookups checked", checked)
}
