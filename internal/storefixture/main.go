// Command storefixture puts fixture trees into a Nix store directory as
// Nix would after fetching them: each at the store path its NAR hash
// gives (`<store>/<hash>-source`). It prints one line per tree, its name
// and NAR hash (SRI), for a test to write into a flake.lock. Several
// directories joined with + are merged into one tree (later ones win).
// For tests (the VS Code end-to-end test); it never touches a real store
// unless told to.
//
//	storefixture STOREDIR nixpkgs=testdata/index/nixpkgs+testdata/env/nixos
package main

import (
	"fmt"
	"github.com/flake-lsp/flake-lsp/internal/treecopy"
	"os"
	"path/filepath"
	"strings"

	nixstore "github.com/flake-lsp/flake-lsp/analysis/store"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: storefixture STOREDIR NAME=DIR[+DIR...]...")
		os.Exit(2)
	}
	storeDir, err := filepath.Abs(os.Args[1])
	if err != nil {
		fail(err)
	}
	st := nixstore.Store{Dir: storeDir, Real: storeDir}
	for _, arg := range os.Args[2:] {
		name, dirs, ok := strings.Cut(arg, "=")
		if !ok {
			fail(fmt.Errorf("%q: want NAME=DIR", arg))
		}
		staging, err := os.MkdirTemp("", "storefixture-")
		if err != nil {
			fail(err)
		}
		for _, d := range strings.Split(dirs, "+") {
			if err := treecopy.Copy(d, staging); err != nil {
				fail(err)
			}
		}
		h, err := nixstore.HashPath(staging)
		if err != nil {
			fail(err)
		}
		sp, err := st.SourcePath(h)
		if err != nil {
			fail(err)
		}
		if err := treecopy.Copy(staging, st.OnDisk(sp)); err != nil {
			fail(err)
		}
		os.RemoveAll(staging)
		fmt.Printf("%s %s\n", name, h.SRI())
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "storefixture:", err)
	os.Exit(1)
}
