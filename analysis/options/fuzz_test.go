package options

import (
	"bytes"
	"context"
	"encoding/gob"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// FuzzBuild: any bytes as two module files of a tree (the first imports
// the second by a literal path, both are listed), indexed as a layout's
// tree is. No panic and no hang; every declaration is in one of the files
// at a range inside it, the declarations are in order, each is found by
// Lookup at its path, and the index survives its gob round trip.
func FuzzBuild(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/index/nixos/nixos/modules/*/*.nix")
	more, _ := filepath.Glob("../../testdata/env/nixos/nixos/modules/*/*/*/*.nix")
	seeds = append(seeds, more...)
	for i, p := range seeds {
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		next := []byte("{ lib, ... }: { }")
		if i+1 < len(seeds) {
			next, _ = os.ReadFile(seeds[i+1])
		}
		f.Add(data, next)
	}
	f.Add([]byte(`{ lib, ... }: { imports = [ ./n.nix (lib.mkRenamedOptionModule [ "a" ] [ "b" ]) ]; options.a.${x} = lib.mkOption { }; }`), []byte(`{ options = { b = lib.mkOption { type = types.attrsOf (types.submodule { options.c = mkOption { }; }); }; }; }`))
	f.Fuzz(func(t *testing.T, m, n []byte) {
		if len(m) > 1<<16 || len(n) > 1<<16 {
			return
		}
		root := t.TempDir()
		for name, data := range map[string][]byte{"m.nix": m, "n.nix": n} {
			if err := os.WriteFile(filepath.Join(root, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		var ix *Index
		var err error
		done := make(chan struct{})
		go func() {
			defer close(done)
			ix, err = Build(ctx, root, []string{"m.nix", "n.nix"})
		}()
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			_ = os.WriteFile(filepath.Join(os.TempDir(), "options-fuzz-hang.txt"), []byte(fmt.Sprintf("%q\n%q\n", m, n)), 0o644)
			panic("the build did not finish in 30 s (input in $TMPDIR/options-fuzz-hang.txt)")
		}
		if ctx.Err() != nil {
			t.Fatalf("the build did not finish in 20 s")
		}
		if err != nil {
			return
		}
		sizes := map[string]int{"m.nix": len(m), "n.nix": len(n)}
		for i := range ix.Decls {
			d := &ix.Decls[i]
			size, ok := sizes[d.File]
			if !ok {
				t.Fatalf("declaration %v in %q", d.Path, d.File)
			}
			if d.Start < 0 || d.Start > d.End || d.End > size {
				t.Fatalf("declaration %v at %d-%d of %d bytes", d.Path, d.Start, d.End, size)
			}
			if i > 0 && comparePath(ix.Decls[i-1].Path, d.Path) > 0 {
				t.Fatalf("declarations out of order: %v before %v", ix.Decls[i-1].Path, d.Path)
			}
			if _, ok := ix.Lookup(d.Path); !ok {
				t.Fatalf("Lookup(%q) finds nothing", d.Path)
			}
			ix.Children(d.Path)
			ix.IsOpen(d.Path)
			ix.Closest(append(append([]string(nil), d.Path...), "x"), 3)
		}
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(ix); err != nil {
			t.Fatal(err)
		}
		var back Index
		if err := gob.NewDecoder(&buf).Decode(&back); err != nil {
			t.Fatal(err)
		}
		if len(back.Decls) != len(ix.Decls) {
			t.Fatalf("%d declarations after the round trip, %d before", len(back.Decls), len(ix.Decls))
		}
	})
}
