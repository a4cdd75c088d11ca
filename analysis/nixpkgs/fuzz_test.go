package nixpkgs

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// FuzzBuild: any bytes as a tree's lib/default.nix and lib/trivial.nix,
// and as its pkgs/top-level/all-packages.nix and aliases.nix. No panic,
// no hang; every entry and package lies in a file of the tree at a range
// inside it, entries are in order and found by Lookup, packages by
// Lookup and WithPrefix; Describe reads any package without failing.
func FuzzBuild(f *testing.F) {
	read := func(p string) []byte {
		b, _ := os.ReadFile(filepath.Join("../../testdata/index/nixpkgs", p))
		return b
	}
	f.Add(read("lib/default.nix"), read("lib/trivial.nix"), read("pkgs/top-level/all-packages.nix"), read("pkgs/top-level/aliases.nix"))
	f.Add([]byte(`{ lib = makeExtensible (self: { inherit (self.a) b; a = callLibs ./trivial.nix; }); }`), []byte(`{ lib }: rec { /** d */ b = x: x; }`), []byte(`{ }: res: pkgs: super: { a = callPackage ../a { }; }`), []byte(`self: super: { x = throw "gone"; }`))
	f.Fuzz(func(t *testing.T, def, trivial, all, aliases []byte) {
		if len(def)+len(trivial)+len(all)+len(aliases) > 1<<17 {
			return
		}
		root := t.TempDir()
		files := map[string][]byte{"lib/default.nix": def, "lib/trivial.nix": trivial,
			"pkgs/top-level/all-packages.nix": all, "pkgs/top-level/aliases.nix": aliases}
		for name, data := range files {
			p := filepath.Join(root, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		inRange := func(file string, start, end int) bool {
			data, ok := files[file]
			if !ok {
				// A file a callPackage or import names: any path in the tree.
				return start == 0 && end == 0 || start >= 0 && start <= end
			}
			return start >= 0 && start <= end && end <= len(data)
		}
		if lib, err := BuildLib(ctx, root); err == nil {
			for i, e := range lib.Entries {
				if !inRange(e.File, e.Start, e.End) {
					t.Fatalf("lib.%v at %s %d-%d", e.Path, e.File, e.Start, e.End)
				}
				if i > 0 && comparePaths(lib.Entries[i-1].Path, e.Path) > 0 {
					t.Fatalf("entries out of order: %v before %v", lib.Entries[i-1].Path, e.Path)
				}
				if _, ok := lib.Lookup(e.Path); !ok {
					t.Fatalf("Lookup(%v) finds nothing", e.Path)
				}
				lib.Children(e.Path)
			}
		}
		if ctx.Err() != nil {
			t.Fatal("lib: no answer in 20 s")
		}
		pkgs, err := BuildPackages(ctx, root)
		if ctx.Err() != nil {
			t.Fatal("packages: no answer in 20 s")
		}
		if err != nil {
			return
		}
		for i := range pkgs.Entries {
			p := &pkgs.Entries[i]
			if !inRange(p.File, p.Start, p.End) {
				t.Fatalf("package %q at %s %d-%d", p.Name, p.File, p.Start, p.End)
			}
			if i > 0 && pkgs.Entries[i-1].Name > p.Name {
				t.Fatalf("packages out of order: %q before %q", pkgs.Entries[i-1].Name, p.Name)
			}
			if _, ok := pkgs.Lookup(p.Name); !ok {
				t.Fatalf("Lookup(%q) finds nothing", p.Name)
			}
			if len(pkgs.WithPrefix(p.Name, 1)) == 0 {
				t.Fatalf("WithPrefix(%q) finds nothing", p.Name)
			}
			Describe(root, p)
		}
	})
}

func comparePaths(a, b []string) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return 1
		}
	}
	return len(a) - len(b)
}
