// Package treecopy copies fixture trees for tests and test tools: the
// directories and regular files of a tree, merged into a destination,
// with modes 0755 and 0644 (a NAR hash depends on the executable bit
// only, so a copy hashes as the fixture does whatever its checkout's
// modes).
package treecopy

import (
	"io/fs"
	"os"
	"path/filepath"
)

// Copy copies the tree at src into dst, merging directories.
func Copy(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}
