package modules

import (
	"github.com/flake-lsp/flake-lsp/internal/safefs"
	"os"
	"path/filepath"
	"strings"

	"github.com/flake-lsp/flake-lsp/syntax"
)

// Graph limits: files followed, and the largest file read.
const (
	MaxGraphFiles = 2000
	MaxGraphFile  = 1 << 20
)

// Graph follows a flake's modules into the files they are written in:
// the files named by path literals in the modules lists and module
// outputs of the flake.nix at flakePath, and, transitively, in those
// files' imports (and nested modules). It maps each file (cleaned,
// absolute as flakePath is) to its system; a file reached as two
// systems keeps the first. read reads a file (nil: a regular file of at
// most MaxGraphFile bytes, see internal/safefs); files
// that cannot be read or parsed are left out.
func Graph(flakePath string, read func(string) ([]byte, error)) map[string]System {
	if read == nil {
		read = func(p string) ([]byte, error) { return safefs.ReadFile(p, MaxGraphFile) }
	}
	out := map[string]System{}
	type item struct {
		path string
		sys  System
	}
	var queue []item
	enqueue := func(from string, refs []FileRef) {
		for _, r := range refs {
			p, ok := Resolve(from, r.Path)
			if !ok {
				continue
			}
			if _, seen := out[p]; seen || len(out) >= MaxGraphFiles {
				continue
			}
			out[p] = r.System
			queue = append(queue, item{p, r.System})
		}
	}
	if src, err := read(flakePath); err == nil && len(src) <= MaxGraphFile {
		enqueue(flakePath, findIn(src, "", true))
	}
	for len(queue) > 0 {
		it := queue[0]
		queue = queue[1:]
		src, err := read(it.path)
		if err != nil {
			// A directory: its default.nix.
			if fi, serr := os.Stat(it.path); serr == nil && fi.IsDir() {
				def := filepath.Join(it.path, "default.nix")
				if _, seen := out[def]; !seen {
					out[def] = it.sys
					queue = append(queue, item{def, it.sys})
				}
			}
			continue
		}
		if len(src) > MaxGraphFile {
			continue
		}
		enqueue(it.path, findIn(src, it.sys, false))
	}
	return out
}

func findIn(src []byte, sys System, flake bool) []FileRef {
	t := syntax.Parse(src)
	defer t.Close()
	v := syntax.NewView(t, src)
	return Find(v, sys, true, flake).Files
}

// Resolve is the file a path literal written in file from names; ok is
// false for paths it cannot know (interpolated, home-relative).
func Resolve(from, lit string) (string, bool) {
	if strings.Contains(lit, "${") || strings.HasPrefix(lit, "~") || strings.HasPrefix(lit, "<") {
		return "", false
	}
	if !filepath.IsAbs(lit) {
		lit = filepath.Join(filepath.Dir(from), lit)
	}
	return filepath.Clean(lit), true
}
