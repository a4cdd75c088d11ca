// Package check runs flake-lsp's analyses over files and directories, as
// `flake-lsp check` does: syntax errors and scope analysis (names and
// bindings) for every .nix file, and for a flake.nix also the flake
// analysis and its flake.lock.
package check

import (
	"errors"
	"github.com/flake-lsp/flake-lsp/internal/safefs"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/flake-lsp/flake-lsp/analysis"
	"github.com/flake-lsp/flake-lsp/analysis/flake"
	"github.com/flake-lsp/flake-lsp/analysis/lockfile"
	"github.com/flake-lsp/flake-lsp/analysis/scope"
	"github.com/flake-lsp/flake-lsp/analysis/unit"
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
// maxRead: larger files are not read (a name may also be a link to a
// device or a FIFO: only regular files are read, see internal/safefs).
const maxRead = 64 << 20

func File(path string, texts map[string][]byte) ([]analysis.Diagnostic, error) {
	src, err := safefs.ReadFile(path, maxRead)
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
		return LockDiagnostics(path, problems), nil
	}
	in := Input{Path: path, Src: src, Flake: base == "flake.nix"}
	if in.Flake {
		lockPath := filepath.Join(filepath.Dir(path), "flake.lock")
		lockSrc, err := safefs.ReadFile(lockPath, maxRead)
		switch {
		case err == nil:
			texts[lockPath] = lockSrc
			in.LockPath, in.LockSrc = lockPath, lockSrc
		case !errors.Is(err, fs.ErrNotExist):
			return nil, err
		}
	}
	return Analyze(in).Diagnostics, nil
}

// Input is one Nix file to analyse, with its flake.lock for a flake.
type Input struct {
	Path  string
	Src   []byte
	Flake bool // a flake.nix: also the flake analysis
	// Tree and View, when the caller has them (the server reparses
	// incrementally); otherwise Analyze parses Src.
	Tree *syntax.Tree
	View *syntax.View
	// The lock beside a flake.nix; LockSrc nil when there is none.
	LockPath string
	LockSrc  []byte
}

// Output is what the analyses found.
type Output struct {
	// View is the View the scope and flake analyses read: the text's, or
	// with syntax errors repaired in place, the repaired text's (the same
	// offsets). Scope and Flake refer to its nodes.
	View        *syntax.View
	Diagnostics []analysis.Diagnostic // in the file and in its lock
	Scope       *scope.Result
	Flake       *flake.Flake       // flake.nix only
	Lock        *lockfile.LockFile // when a lock was given
}

// Unit is the analysed file as the editing features see it: the View the
// analyses read with their results (never the View of one text with the
// scopes of another).
func (o Output) Unit(in Input) *unit.Unit {
	return &unit.Unit{Path: in.Path, Src: in.Src, View: o.View, Scope: o.Scope, Flake: o.Flake,
		Lock: o.Lock, LockPath: in.LockPath, LockSrc: in.LockSrc}
}

// parallelFrom is the file size from which scope analysis runs on its own
// goroutine.
const parallelFrom = 64 << 10

// Analyze runs every analysis that applies to a Nix file: syntax, names
// and scopes, and for a flake.nix the flake analysis against its lock.
// The command line and the language server both use it, so they report
// the same.
func Analyze(in Input) Output {
	tree := in.Tree
	if tree == nil {
		tree = syntax.Parse(in.Src)
		defer tree.Close()
	}
	view := in.View
	if view == nil {
		view = syntax.NewView(tree, in.Src)
	}
	out := Output{View: view}
	// In large files the scope analysis starts at once, beside the syntax
	// errors (it reads only the View); its result is dropped if the
	// analyses turn to a repaired text below.
	var early chan *scope.Result
	if len(in.Src) >= parallelFrom {
		early = make(chan *scope.Result, 1)
		go func() { early <- scope.Analyze(view, scope.Options{File: in.Path, Flake: in.Flake}) }()
	}
	errs, repaired := tree.Diagnose(view)
	out.Diagnostics = SyntaxDiagnostics(in.Path, errs)
	// With syntax errors that could be repaired in place (a missing ';'
	// written over a space), the analyses read the repaired text: the same
	// offsets, and what the user meant around the error rather than what
	// tree-sitter's recovery guessed. Findings next to an error are
	// withheld (they would be about the repair).
	var damaged [][2]int
	if len(errs) > 0 && repaired != nil {
		rt := syntax.Parse(repaired)
		rv := syntax.NewView(rt, repaired)
		if !rt.RootNode().HasError() && len(rt.ErrorsIn(rv)) == 0 {
			out.View = rv
			for _, e := range errs {
				damaged = append(damaged, aroundLines(in.Src, int(e.StartByte), int(e.EndByte)))
			}
		}
		rt.Close()
	}
	keep := func(d analysis.Diagnostic) bool {
		if d.File != in.Path {
			return true
		}
		if len(errs) > 0 && len(damaged) == 0 {
			return false
		}
		for _, r := range damaged {
			if d.Start < r[1] && d.End >= r[0] {
				return false
			}
		}
		return true
	}
	// The scope analysis reads only the View: in large files it runs
	// beside the flake analysis (the server waits for all of them on every
	// keystroke, and editing machines have cores to spare); in small ones
	// a goroutine costs more than it saves.
	scoped := make(chan *scope.Result, 1)
	analyzeScope := func() { scoped <- scope.Analyze(out.View, scope.Options{File: in.Path, Flake: in.Flake}) }
	switch {
	case early != nil && out.View == view:
		scoped = early
	case len(in.Src) >= parallelFrom:
		go analyzeScope()
	default:
		analyzeScope()
	}
	addScope := func() {
		out.Scope = <-scoped
		for _, d := range out.Scope.Diagnostics {
			// Names and scopes are checked on the tree of a broken file
			// too, away from the error.
			if len(damaged) > 0 && !keep(d) {
				continue
			}
			out.Diagnostics = append(out.Diagnostics, d)
		}
	}
	if !in.Flake {
		addScope()
		return out
	}

	opts := flake.Options{File: in.Path}
	if in.LockSrc != nil {
		lock, problems := lockfile.Parse(in.LockSrc)
		out.Diagnostics = append(out.Diagnostics, LockDiagnostics(in.LockPath, problems)...)
		opts.Lock, opts.LockFile = lock, in.LockPath
		out.Lock = lock
	}
	res := flake.Analyze(out.View, opts)
	out.Flake = res.Flake
	for _, d := range res.Diagnostics {
		// With syntax errors that could not be repaired, the tree error
		// recovery built does not say what the user meant (a missing ';'
		// makes the next binding an argument of the previous value):
		// findings in flake.nix built on it mislead. Findings in
		// flake.lock stay.
		if keep(d) {
			out.Diagnostics = append(out.Diagnostics, d)
		}
	}
	addScope()
	return out
}

// aroundLines is the text from the line before start to the line after
// end.
func aroundLines(src []byte, start, end int) [2]int {
	a := start
	for n := 0; a > 0; a-- {
		if src[a-1] == '\n' {
			if n++; n == 2 {
				break
			}
		}
	}
	b := min(end, len(src))
	for n := 0; b < len(src); b++ {
		if src[b] == '\n' {
			if n++; n == 2 {
				break
			}
		}
	}
	return [2]int{a, b}
}

// SyntaxDiagnostics turns syntax errors into diagnostics in path.
func SyntaxDiagnostics(path string, errs []syntax.Error) []analysis.Diagnostic {
	var out []analysis.Diagnostic
	for _, e := range errs {
		d := analysis.Diagnostic{File: path, Start: int(e.StartByte), End: int(e.EndByte),
			Severity: analysis.Error, Code: syntax.Code, Message: e.Message}
		for _, r := range e.Related {
			d.Related = append(d.Related, analysis.Related{File: path, Start: int(r.StartByte), End: int(r.EndByte), Message: r.Message})
		}
		out = append(out, d)
	}
	return out
}

// LockDiagnostics turns a lock file's problems into diagnostics in path.
func LockDiagnostics(path string, problems []lockfile.Problem) []analysis.Diagnostic {
	var out []analysis.Diagnostic
	for _, p := range problems {
		out = append(out, analysis.Diagnostic{File: path, Start: p.Start, End: p.End,
			Severity: p.Severity, Code: p.Code, Message: p.Message})
	}
	return out
}
