package options

import (
	"bytes"
	"context"
	"encoding/gob"
	"os"
	"strings"
	"testing"
)

// TestRealTree measures a real module tree: OPTIONS_TREE=/path/to/checkout
// go test -run TestRealTree -v ./analysis/options/
func TestRealTree(t *testing.T) {
	root := os.Getenv("OPTIONS_TREE")
	if root == "" {
		t.Skip("OPTIONS_TREE not set")
	}
	layouts := Detect(root)
	if len(layouts) == 0 {
		t.Fatalf("no layout detected under %s", root)
	}
	for _, l := range layouts {
		ix, err := BuildLayout(context.Background(), root, l)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(ix); err != nil {
			t.Fatal(err)
		}
		s := ix.Stats
		t.Logf("%s: files %d (%d bytes), options %d, renamed %d, removed %d, skipped %d, unresolved imports %d, open prefixes %d, took %v, gob %d bytes",
			l.Name, s.Files, s.Bytes, s.Options, s.Renamed, s.Removed, s.Skipped, s.Unresolved, len(ix.Open), s.Took, buf.Len())
		if os.Getenv("OPTIONS_DUMP") != "" {
			for _, p := range ix.Open {
				t.Logf("open %s", strings.Join(p, "."))
			}
		}
	}
}
