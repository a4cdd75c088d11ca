package nixpkgs

import (
	"bytes"
	"context"
	"encoding/gob"
	"os"
	"strings"
	"testing"
)

// TestRealLib indexes the library at $NIXPKGS_LIB (a nixpkgs tree or the
// nixpkgs.lib flake) and reports the figures; with -v and
// NIXPKGS_LIB_DUMP=1 it lists every entry.
func TestRealLib(t *testing.T) {
	root := os.Getenv("NIXPKGS_LIB")
	if root == "" {
		t.Skip("NIXPKGS_LIB is not set")
	}
	l, err := BuildLib(context.Background(), root)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(l); err != nil {
		t.Fatal(err)
	}
	s := l.Stats
	t.Logf("files %d, entries %d, documented %d (%.0f%%), skipped %d, %d bytes parsed, took %v, gob %d bytes",
		s.Files, s.Entries, s.Documented, 100*float64(s.Documented)/float64(max(s.Entries, 1)), s.Skipped, s.Bytes, s.Took, buf.Len())
	if os.Getenv("NIXPKGS_LIB_DUMP") != "" {
		for _, e := range l.Entries {
			t.Logf("%-50s %-8s doc=%-5d alias=%-30s type=%q args=%v %s:%d", strings.Join(e.Path, "."), e.Kind, len(e.Doc), strings.Join(e.AliasOf, "."), e.Type, e.Args, e.File, e.Start)
		}
	}
}
