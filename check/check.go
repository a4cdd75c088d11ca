// Package check runs flake-lsp's analyses over files and directories, as
// `flake-lsp check` does: syntax errors and scope analysis (names and
// bindings) for every .nix file, and for a flake.nix also the flake
// analysis and its flake.lock.
package check

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/flake-lsp/flake-lsp/analysis"
	"github.com/flake-lsp/flake-lsp/analysis/flake"
	"github.com/flake-lsp/flake-lsp/analysis/lockfile"
	"github.com/flake-lsp/flake-lsp/analysis/scope"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// CollectFiles expands directories to the flake.nix and flake.lock files
// beneath them, skipping .git, node_modules and result* links.
func CollectFiles(args []string) ([]string, error) {
	var files []string
	for _, arg := range args {
		info, err := os.Stat(arg)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			files = append(files, arg)
			continue
		}
		err = filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			name := d.Name()
			if d.IsDir() && p != arg && (name == ".git" || name == "node_modules" || strings.HasPrefix(name, "result")) {
				return filepath.SkipDir
			}
			if d.Type()&fs.ModeSymlink != 0 {
				return nil
			}
			if !d.IsDir() && (name == "flake.nix" || name == "flake.lock") {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return files, nil
}

// File checks one file; texts receives the contents of every file a
// diagnostic may point into (the flake.nix and its flake.lock).
func File(path string, texts map[string][]byte) ([]analysis.Diagnostic, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	texts[path] = src
	base := filepath.Base(path)
	if base == "flake.lock" {
		if _, err := os.Stat(filepath.Join(filepath.Dir(path), "flake.nix")); err == nil {
			return nil, nil // reported with its flake.nix
		}
		_, problems := lockfile.Parse(src)
		return lockDiagnostics(path, problems), nil
	}
	tree := syntax.Parse(src)
	defer tree.Close()
	var diags []analysis.Diagnostic
	for _, e := range tree.Errors(src) {
		diags = append(diags, analysis.Diagnostic{File: path, Start: int(e.StartByte), End: int(e.EndByte),
			Severity: analysis.Error, Code: syntax.Code, Message: e.Message})
	}
	view := syntax.NewView(tree, src)
	diags = append(diags, scope.Analyze(view, scope.Options{File: path, Flake: base == "flake.nix"}).Diagnostics...)
	if base != "flake.nix" {
		return diags, nil
	}
	opts := flake.Options{File: path}
	lockPath := filepath.Join(filepath.Dir(path), "flake.lock")
	if lockSrc, err := os.ReadFile(lockPath); err == nil {
		texts[lockPath] = lockSrc
		lock, problems := lockfile.Parse(lockSrc)
		diags = append(diags, lockDiagnostics(lockPath, problems)...)
		opts.Lock, opts.LockFile = lock, lockPath
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	res := flake.Analyze(view, opts)
	return append(diags, res.Diagnostics...), nil
}

func lockDiagnostics(path string, problems []lockfile.Problem) []analysis.Diagnostic {
	var out []analysis.Diagnostic
	for _, p := range problems {
		out = append(out, analysis.Diagnostic{File: path, Start: p.Start, End: p.End,
			Severity: p.Severity, Code: p.Code, Message: p.Message})
	}
	return out
}
