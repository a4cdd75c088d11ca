// Package deps reads the flakes a flake's locked inputs are, from their
// sources on this disk (issue 12): the store path Nix keeps each input's
// tree at (analysis/store, from the lock's narHash) or, for a `path:`
// input, its directory. Each dependency's flake.nix is parsed and
// analysed with our own flake model (with the flake.lock in its source),
// so that the editing features can complete, describe and go to what its
// outputs define.
//
// Nothing is fetched, built, evaluated or run: a source that is not on
// this disk is reported absent and the features degrade to what the lock
// and the schema say. The work is bounded: files above a size limit are
// not read, input paths longer than a depth limit are not followed, and
// an analysed flake is kept per file (forever for a store path, which
// never changes; until its size or time changes for a `path:` input's
// directory), a bounded number of them.
package deps

import (
	"fmt"
	"github.com/flake-lsp/flake-lsp/internal/safefs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/flake-lsp/flake-lsp/analysis/flake"
	"github.com/flake-lsp/flake-lsp/analysis/lockfile"
	"github.com/flake-lsp/flake-lsp/analysis/scope"
	"github.com/flake-lsp/flake-lsp/analysis/store"
	"github.com/flake-lsp/flake-lsp/analysis/unit"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// Limits.
const (
	// DefaultMaxFileSize: a dependency's flake.nix or flake.lock larger
	// than this is not read.
	DefaultMaxFileSize = 1 << 20
	// DefaultMaxDepth: input paths longer than this (an input of an
	// input of ...) are not followed.
	DefaultMaxDepth = 4
	// maxCached analysed flakes are kept; past it the cache starts over.
	maxCached = 256
)

// Resolver finds and analyses dependencies' flakes, with a cache shared
// by every flake it serves. Safe for concurrent use.
type Resolver struct {
	store       store.Store
	maxFileSize int64
	maxDepth    int

	mu    sync.Mutex
	cache map[string]*entry // by flake.nix path on disk
	reads int               // flake.nix files analysed (for tests)
}

// entry is one analysed flake.nix.
type entry struct {
	once    sync.Once
	stamp   stamp
	unit    *unit.Unit
	problem string
}

// stamp tells a changed file (for directories outside the store).
type stamp struct {
	size, lockSize int64
	mod, lockMod   time.Time
}

// New is a resolver over the store s with the default limits.
func New(s store.Store) *Resolver {
	return &Resolver{store: s, maxFileSize: DefaultMaxFileSize, maxDepth: DefaultMaxDepth, cache: map[string]*entry{}}
}

// SetLimits changes the file size and depth limits (values <= 0 keep the
// current ones). Call it before the resolver is used.
func (r *Resolver) SetLimits(maxFileSize int64, maxDepth int) {
	if maxFileSize > 0 {
		r.maxFileSize = maxFileSize
	}
	if maxDepth > 0 {
		r.maxDepth = maxDepth
	}
}

// Store is the store the resolver looks in.
func (r *Resolver) Store() store.Store { return r.store }

// Reads is how many flake.nix files the resolver has analysed.
func (r *Resolver) Reads() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.reads
}

// For is what the resolver finds for the inputs of the flake whose
// flake.nix is in dir and whose lock is lf (nil: none).
func (r *Resolver) For(dir string, lf *lockfile.LockFile) *Set {
	return &Set{r: r, dir: dir, lock: lf, memo: map[string]*unit.Dependency{}}
}

// Set finds the dependencies of one flake (it implements unit.Sources).
// A found dependency is remembered for the Set's life (one analysis of
// the document); an absent one is looked for again at each request, so
// that a source Nix fetches meanwhile is seen.
type Set struct {
	r    *Resolver
	dir  string
	lock *lockfile.LockFile

	mu   sync.Mutex
	memo map[string]*unit.Dependency
}

// Dependency implements unit.Sources: the locked input at path, from this
// flake's lock (which has the whole graph, follows included), or, for an
// input its lock lacks, from the lock in the source of the input above
// it. Nil when neither has it or the path is longer than the depth limit.
func (s *Set) Dependency(path []string) *unit.Dependency {
	if s == nil || len(path) == 0 || len(path) > s.r.maxDepth {
		return nil
	}
	key := strings.Join(path, "\x00")
	s.mu.Lock()
	d, ok := s.memo[key]
	s.mu.Unlock()
	if ok {
		return d
	}
	d = s.find(path)
	if d != nil && d.Dir != "" {
		s.mu.Lock()
		s.memo[key] = d
		s.mu.Unlock()
	}
	return d
}

func (s *Set) find(path []string) *unit.Dependency {
	var n *lockfile.Node
	if s.lock != nil {
		if m, err := s.lock.Resolve(path); err == nil && m != nil && m.Key != s.lock.Root {
			n = m
		}
	}
	baseDir := s.dir
	if n == nil {
		// Not in this flake's lock: the lock in the source of the input
		// above, whose own follows are paths from its root.
		if len(path) < 2 {
			return nil
		}
		parent := s.Dependency(path[:len(path)-1])
		if parent == nil || parent.Unit == nil || parent.Unit.Lock == nil {
			return nil
		}
		lf := parent.Unit.Lock
		m, err := lf.Resolve(path[len(path)-1:])
		if err != nil || m == nil || m.Key == lf.Root {
			return nil
		}
		n, baseDir = m, parent.Dir
	} else if len(path) > 1 && relativePath(n) {
		// A relative `path:` input of an input is relative to that
		// input's flake.
		if parent := s.Dependency(path[:len(path)-1]); parent != nil && parent.Dir != "" {
			baseDir = parent.Dir
		}
	}
	return s.r.locate(path, n, baseDir)
}

// relativePath: a `path` input locked with a relative path.
func relativePath(n *lockfile.Node) bool {
	if n.Locked == nil {
		return false
	}
	t, p := n.Locked.Get("type"), n.Locked.Get("path")
	return t != nil && t.Str == "path" && p != nil && p.Kind == lockfile.String && !filepath.IsAbs(p.Str)
}

// locate finds the node's source and reads its flake.
func (r *Resolver) locate(path []string, n *lockfile.Node, baseDir string) *unit.Dependency {
	d := &unit.Dependency{Path: append([]string{}, path...), Node: n}
	src, err := r.store.Locate(n, baseDir)
	d.Source = src
	if err != nil && src.LocalDir == "" {
		d.Problem = "its lock entry names no source: " + err.Error()
		return d
	}
	sub := ""
	if src.Subdir != "" {
		sub = filepath.Clean(src.Subdir)
		if !filepath.IsLocal(sub) {
			d.Problem = fmt.Sprintf("its lock's dir %q leaves the source", src.Subdir)
			return d
		}
	}
	immutable := false
	switch {
	case src.LocalDir != "" && isDir(src.LocalDir):
		// A `path:` input: the directory itself, as it is now.
		d.Dir = filepath.Join(src.LocalDir, sub)
	case src.Present && src.OnDisk != "":
		d.Dir = filepath.Join(src.OnDisk, sub)
		immutable = true
	default:
		d.Problem = "absent"
		return d
	}
	if !n.Flake {
		d.Problem = "not a flake (`flake = false`)"
		return d
	}
	d.Unit, d.Problem = r.load(d.Dir, immutable)
	return d
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

// load returns the analysed flake.nix in dir, from the cache when it is
// there (and, outside the store, unchanged).
func (r *Resolver) load(dir string, immutable bool) (*unit.Unit, string) {
	file := filepath.Join(dir, "flake.nix")
	fi, err := os.Stat(file)
	if err != nil {
		return nil, "no flake.nix in its source"
	}
	if !fi.Mode().IsRegular() {
		return nil, "its flake.nix is not a regular file"
	}
	if fi.Size() > r.maxFileSize {
		return nil, fmt.Sprintf("its flake.nix is larger than %d bytes: not read", r.maxFileSize)
	}
	var st stamp
	if !immutable {
		st.size, st.mod = fi.Size(), fi.ModTime()
		if li, err := os.Stat(filepath.Join(dir, "flake.lock")); err == nil {
			st.lockSize, st.lockMod = li.Size(), li.ModTime()
		}
	}
	r.mu.Lock()
	e := r.cache[file]
	if e == nil || e.stamp != st {
		if len(r.cache) >= maxCached {
			r.cache = map[string]*entry{}
		}
		e = &entry{stamp: st}
		r.cache[file] = e
	}
	r.mu.Unlock()
	e.once.Do(func() {
		e.unit, e.problem = r.analyse(dir)
		r.mu.Lock()
		r.reads++
		r.mu.Unlock()
	})
	return e.unit, e.problem
}

// analyse parses and analyses the flake in dir with its flake.lock.
func (r *Resolver) analyse(dir string) (*unit.Unit, string) {
	file := filepath.Join(dir, "flake.nix")
	src, err := readLimited(file, r.maxFileSize)
	if err != nil {
		return nil, "its flake.nix cannot be read: " + err.Error()
	}
	tree := syntax.Parse(src)
	v := syntax.NewView(tree, src)
	tree.Close()
	u := &unit.Unit{Path: file, Src: src, View: v}
	lockPath := filepath.Join(dir, "flake.lock")
	if lockSrc, err := readLimited(lockPath, r.maxFileSize); err == nil {
		if lf, _ := lockfile.Parse(lockSrc); lf != nil {
			u.Lock, u.LockPath, u.LockSrc = lf, lockPath, lockSrc
		}
	}
	u.Flake = flake.Analyze(v, flake.Options{File: file, Lock: u.Lock, LockFile: u.LockPath}).Flake
	u.Scope = scope.Analyze(v, scope.Options{File: file, Flake: true})
	return u, ""
}

// readLimited reads a regular file of at most max bytes.
func readLimited(path string, max int64) ([]byte, error) {
	return safefs.ReadFile(path, max)
}
