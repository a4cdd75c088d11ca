package lsp

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"time"

	"github.com/flake-lsp/flake-lsp/analysis"
	"github.com/flake-lsp/flake-lsp/analysis/env"
	"github.com/flake-lsp/flake-lsp/analysis/flake"
	"github.com/flake-lsp/flake-lsp/analysis/lockfile"
	"github.com/flake-lsp/flake-lsp/analysis/scope"
	"github.com/flake-lsp/flake-lsp/analysis/unit"
	"github.com/flake-lsp/flake-lsp/check"
	"github.com/flake-lsp/flake-lsp/position"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// Results are what the analyses found in one document.
type Results struct {
	Flake    *flake.Flake       // flake.nix: the model
	Lock     *lockfile.LockFile // the lock (of a flake.nix, or the document itself)
	LockPath string
	// Diagnostics in every file, byte offsets; Texts holds those files'
	// contents, to convert positions.
	Diagnostics []analysis.Diagnostic
	Texts       map[string][]byte
	// Unit is the document as the editing features read it; for a
	// flake.lock, FlakeUnit is its flake.nix (open or on disk).
	Unit      *unit.Unit
	FlakeUnit *unit.Unit
}

// analyze runs every analysis that applies to d's text and builds the
// snapshot (with diagnostics converted for the client). prev is the
// document's previous View, if any: what Reparse kept of its tree is
// copied from it (syntax.NewViewAfter checks that it is that tree's).
// mapper is text's (nil: made here).
func (s *Server) analyze(d *document, text []byte, mapper *position.Mapper, tree *syntax.Tree, prev *syntax.View, seq uint64, version int32) *Snapshot {
	st := s.currentSettings()
	if mapper == nil {
		mapper = position.NewMapper(text)
	}
	snap := &Snapshot{URI: d.uri, Path: d.path, Kind: d.kind, Seq: seq, Version: version, Text: text,
		Mapper: mapper, Results: &Results{Texts: map[string][]byte{}}}
	snap.Large = st.MaxFileSize > 0 && len(text) > st.MaxFileSize
	snap.Excluded = st.excluded(d.path, s.client.rootPath)
	res := snap.Results
	file := d.path
	if file == "" {
		file = d.uri
	}
	res.Texts[file] = text
	res.Unit = &unit.Unit{Path: file, Src: text}
	switch d.kind {
	case kindNix, kindFlake:
		if tree == nil {
			res.Diagnostics = append(res.Diagnostics, analysis.Diagnostic{File: file, Start: 0, End: 0, Severity: analysis.Information, Code: "file-too-large",
				Message: fmt.Sprintf("this file is %.1f MB: above %.1f MB (8 × maxFileSize) flake-lsp does not read it", float64(len(text))/(1<<20), float64(8*st.MaxFileSize)/(1<<20))})
			break
		}
		snap.View = syntax.NewViewAfter(tree, text, prev)
		res.Unit.View = snap.View
		in := check.Input{Path: file, Src: text, Flake: d.kind == kindFlake, Tree: tree, View: snap.View}
		if snap.Large {
			// Only syntax errors: the other analyses are skipped above the
			// size limit.
			res.Diagnostics = append(res.Diagnostics, check.SyntaxDiagnostics(file, tree.ErrorsIn(snap.View))...)
			break
		}
		if in.Flake && d.path != "" {
			lockPath := filepath.Join(filepath.Dir(d.path), "flake.lock")
			lockSrc, _, err := s.readText(lockPath)
			switch {
			case err == nil:
				in.LockPath, in.LockSrc = lockPath, lockSrc
				res.Texts[lockPath] = lockSrc
			case !errors.Is(err, fs.ErrNotExist):
				s.log.Warnf("reading %s: %v", lockPath, err)
			}
		}
		out := check.Analyze(in)
		res.Diagnostics = append(res.Diagnostics, out.Diagnostics...)
		// The features read what the analyses read: with repaired syntax
		// errors, the repaired text's View (same offsets).
		res.Unit.View, res.Unit.Scope = out.View, out.Scope
		if in.Flake {
			res.Flake, res.Unit.Flake = out.Flake, out.Flake
			if out.Lock != nil {
				res.Lock, res.LockPath = out.Lock, in.LockPath
				res.Unit.Lock, res.Unit.LockPath, res.Unit.LockSrc = out.Lock, in.LockPath, in.LockSrc
				if set := s.sources(st, filepath.Dir(d.path), out.Lock); set != nil {
					res.Unit.Sources = set
				}
			}
		}
		if d.path != "" && !snap.Excluded {
			// What the inputs' sources tell: lib, packages, options (and
			// the option checks of the file's modules).
			s.fileEnv(st, res.Unit, d.path, in.Flake)
			res.Diagnostics = append(res.Diagnostics, env.CheckOptions(res.Unit)...)
		}
	case kindLock:
		if s.lockFromFlake(d, res, file, text) {
			break
		}
		lock, problems := lockfile.Parse(text)
		res.Lock, res.LockPath = lock, file
		res.Unit.Lock, res.Unit.LockPath, res.Unit.LockSrc = lock, file, text
		res.Diagnostics = append(res.Diagnostics, check.LockDiagnostics(file, problems)...)
		// Stale and unused nodes are found by analysing the flake.nix
		// beside the lock (open or on disk) against this text.
		if d.path != "" && lock != nil {
			nixPath := filepath.Join(filepath.Dir(d.path), "flake.nix")
			if nixSrc, _, err := s.readText(nixPath); err == nil {
				t := syntax.Parse(nixSrc)
				nv := syntax.NewView(t, nixSrc)
				fr := flake.Analyze(nv, flake.Options{File: nixPath, Lock: lock, LockFile: file})
				t.Close()
				res.Texts[nixPath] = nixSrc
				res.FlakeUnit = &unit.Unit{Path: nixPath, Src: nixSrc, View: nv, Flake: fr.Flake, Lock: lock, LockPath: file, LockSrc: text,
					Scope: scope.Analyze(nv, scope.Options{File: nixPath, Flake: true})}
				if set := s.sources(st, filepath.Dir(d.path), lock); set != nil {
					res.FlakeUnit.Sources = set
				}
				for _, diag := range fr.Diagnostics {
					if diag.File == file {
						res.Diagnostics = append(res.Diagnostics, diag)
					}
				}
			}
		}
	}
	sort.SliceStable(res.Diagnostics, func(i, j int) bool { return res.Diagnostics[i].Start < res.Diagnostics[j].Start })
	snap.Diagnostics = s.convertDiagnostics(res, file, st, snap.Excluded)
	return snap
}

func parseForLoad(data []byte) *syntax.Tree { return syntax.Parse(data) }

// flakeSnapshotFor waits for the analysis of the flake.nix document fd
// that read lockSrc as its lock: the current one, or the next (asked for
// if none is under way: the change of the lock that is being analysed
// re-analyses the flake.nix too, but may not have asked yet). Nil when
// there is none within flakeWait, or the next still read another text
// (the lock changed again).
func (s *Server) flakeSnapshotFor(fd *document, lockSrc []byte) *Snapshot {
	ctx, cancel := context.WithTimeout(s.ctx, flakeWait)
	defer cancel()
	asked := false
	for {
		fd.mu.Lock()
		snap, seq, busy, ch, closed := fd.snap, fd.seq, fd.dirty || fd.analyzing, fd.updated, fd.closed
		fd.mu.Unlock()
		if closed || ch == nil {
			return nil
		}
		if snap != nil && snap.Seq == seq && !busy {
			if snap.Results != nil && snap.Results.Unit != nil && bytes.Equal(snap.Results.Unit.LockSrc, lockSrc) {
				return snap
			}
			if asked {
				return nil
			}
			asked = true
			s.docs.schedule(fd)
			continue
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return nil
		}
	}
}

// flakeWait bounds how long the analysis of a flake.lock waits for the
// analysis of its open flake.nix (lockFromFlake).
const flakeWait = 2 * time.Second

// lockFromFlake fills the results of the flake.lock document d (text, in
// file) from the analysis of the open flake.nix beside it, when that
// analysis read this very lock text and its View is its text's own (no
// syntax error repaired): the lock it parsed, its diagnostics in the
// lock, and its unit as the lock's FlakeUnit. They are what analysing the
// lock again would find (the same parse and flake analysis of the same
// texts), and the lock document then holds no second copy of the
// flake.nix's tree, scopes and model, nor of its own parse. It waits for
// the flake.nix's analysis of its current text (an edit of either file
// re-analyses both). It reports false when there is no such analysis;
// the caller analyses the lock itself then.
func (s *Server) lockFromFlake(d *document, res *Results, file string, text []byte) bool {
	if d.path == "" {
		return false
	}
	nixPath := filepath.Join(filepath.Dir(d.path), "flake.nix")
	fd := s.docs.byPath(nixPath)
	if fd == nil || fd.kind != kindFlake {
		return false
	}
	fs := s.flakeSnapshotFor(fd, text)
	if fs == nil {
		return false
	}
	fr := fs.Results
	if fr == nil || fr.Unit == nil || fr.Lock == nil || fr.LockPath != file || fs.View == nil || fr.Unit.View != fs.View ||
		fr.Unit.Scope == nil || fr.Flake == nil {
		return false
	}
	res.Lock, res.LockPath = fr.Lock, file
	res.Unit.Lock, res.Unit.LockPath, res.Unit.LockSrc = fr.Lock, file, text
	res.Texts[nixPath] = fs.Text
	// The lock's features read the flake's model, not its inputs' indexes
	// (Env).
	fu := fr.Unit
	res.FlakeUnit = &unit.Unit{Path: fu.Path, Src: fu.Src, View: fu.View, Scope: fu.Scope, Flake: fu.Flake,
		Lock: fr.Lock, LockPath: file, LockSrc: text, Sources: fu.Sources}
	for _, diag := range fr.Diagnostics {
		if diag.File == file {
			res.Diagnostics = append(res.Diagnostics, diag)
		}
	}
	return true
}
