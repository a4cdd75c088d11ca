package store

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/flake-lsp/flake-lsp/analysis/lockfile"
)

// Lookup returns the store path of the source tree whose narHash is
// narHash (SRI, as flake.lock writes it, or "sha256:<digest>" as Nix's
// command line also accepts), and whether it is present on this disk: an
// os.Stat of the path (through s.Real) that finds a directory, file or
// symbolic link. Nothing is fetched; a missing path is simply absent.
func (s Store) Lookup(narHash string) (path string, present bool, err error) {
	h, err := ParseHash(narHash)
	if err != nil {
		return "", false, err
	}
	if path, err = s.SourcePath(h); err != nil {
		return "", false, err
	}
	return path, s.Present(path), nil
}

// Present reports whether the store path p is on this disk.
func (s Store) Present(p string) bool {
	real := s.OnDisk(p)
	if real == "" {
		return false
	}
	_, err := os.Lstat(real)
	return err == nil
}

// Source is where a locked input's files are.
type Source struct {
	NarHash   Hash   // the lock's narHash; zero when it has none
	StorePath string // the store path made from NarHash; "" without one
	OnDisk    string // StorePath on this disk; "" when the store is not here
	Present   bool   // OnDisk exists
	// LocalDir is, for a `path` input, the directory it was locked
	// from: its `path`, joined to the flake's directory when relative
	// (Nix 2.26+ locks relative paths without a narHash).
	LocalDir string
	// Subdir is the lock's `dir`: the directory inside the source that
	// holds the input's flake.nix ("" for the top). StorePath is the
	// whole source's.
	Subdir string
}

// Locate finds the source of a lock node (its `locked` entry) for a flake
// whose flake.nix is in flakeDir. It reads the node and, when the lock
// has a narHash, stats one store path; it never hashes a tree.
func (s Store) Locate(n *lockfile.Node, flakeDir string) (Source, error) {
	var src Source
	if n == nil || n.Locked == nil {
		return src, fmt.Errorf("no locked entry")
	}
	str := func(k string) (string, bool) {
		v := n.Locked.Get(k)
		if v == nil || v.Kind != lockfile.String {
			return "", false
		}
		return v.Str, true
	}
	if t, _ := str("type"); t == "path" {
		if p, ok := str("path"); ok && p != "" {
			if !filepath.IsAbs(p) {
				p = filepath.Join(flakeDir, p)
			}
			src.LocalDir = filepath.Clean(p)
		}
	}
	if d, ok := str("dir"); ok {
		src.Subdir = d
	}
	nh, ok := str("narHash")
	if !ok {
		return src, nil
	}
	h, err := ParseHash(nh)
	if err != nil {
		return src, err
	}
	src.NarHash = h
	if src.StorePath, err = s.SourcePath(h); err != nil {
		return src, err
	}
	src.OnDisk = s.OnDisk(src.StorePath)
	src.Present = s.Present(src.StorePath)
	return src, nil
}
