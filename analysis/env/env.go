// Package env works out what the sources of a flake's locked inputs tell
// about the code of a file (a unit.Env): which input is nixpkgs (by its
// layout on disk, whatever it is called), home-manager or nix-darwin;
// the indexes of nixpkgs' lib, its packages and the option declarations
// of each module system, built in the background by an
// indexcache.Manager and cached on disk by store path; the options the
// flake's own modules declare; and which module system the flake puts
// the file in (analysis/modules' graph).
//
// Nothing is fetched, evaluated or run: sources that are not on this
// disk leave the Env without what they would give, and say so.
package env

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/flake-lsp/flake-lsp/analysis/indexcache"
	"github.com/flake-lsp/flake-lsp/analysis/lockfile"
	"github.com/flake-lsp/flake-lsp/analysis/modules"
	"github.com/flake-lsp/flake-lsp/analysis/nixpkgs"
	"github.com/flake-lsp/flake-lsp/analysis/options"
	"github.com/flake-lsp/flake-lsp/analysis/unit"
)

// Index kinds (the cache's directories) and their format versions: bump
// a version when its indexer reads more or encodes differently, so that
// old cache entries are built again.
const (
	KindLib      = "nixpkgs-lib"
	KindPackages = "nixpkgs-packages"
	KindOptions  = "options-" // + layout name
	KindOwn      = "own-options"

	VersionLib      = 1
	VersionPackages = 1
	VersionOptions  = 2 // 2: Decl.Alias
)

// graphRecheck is how often the module graph of a flake is checked for
// changed files.
const graphRecheck = 2 * time.Second

// Provider builds Envs. Safe for concurrent use.
type Provider struct {
	m *indexcache.Manager
	// own builds the indexes of flakes' own modules: many small ones,
	// one per flake open, kept apart so that they never push the large
	// indexes of nixpkgs out of m (nor the other way round).
	own *indexcache.Manager

	mu      sync.Mutex
	graphs  map[string]*graph  // by flake.nix path
	layouts map[string]*layout // by source directory
}

// graph is a flake's module graph and when it was read.
type graph struct {
	files   map[string]modules.System
	stamps  map[string]stamp
	checked atomic.Int64 // unix nanoseconds
	key     string       // identifies this version of the graph (own options)
}

type stamp struct {
	size int64
	mod  time.Time
}

// layout is what a source directory is.
type layout struct {
	nixpkgs, lib bool
	layouts      []options.Layout
}

// New is a provider whose indexes m builds and keeps.
func New(m *indexcache.Manager) *Provider {
	m.SetTitle(KindLib, "Indexing nixpkgs lib")
	m.SetTitle(KindPackages, "Indexing nixpkgs packages")
	for _, l := range options.Layouts {
		m.SetTitle(KindOptions+l.Name, "Indexing "+l.Name+" options")
	}
	own := indexcache.NewManager(indexcache.Cache{}, nil)
	own.SetLimits(1, 64)
	return &Provider{m: m, own: own, graphs: map[string]*graph{}, layouts: map[string]*layout{}}
}

// OnReady registers f to be told when an index of a flake's own modules
// is ready (those of the inputs' sources: the Manager's OnReady).
func (p *Provider) OnReady(f func(kind, key string)) { p.own.OnReady(f) }

// Close stops the builds of the flakes' own indexes (the Manager given
// to New is the caller's to close).
func (p *Provider) Close() { p.own.Close() }

// Request says which file an Env is for.
type Request struct {
	File     string // the file's path ("" for an unsaved document)
	FlakeDir string // the directory of the flake.nix it belongs to ("" none)
	IsFlake  bool   // the file is that flake.nix
	// Sources and Lock are the flake's locked inputs (nil: none known).
	Sources unit.Sources
	Lock    *lockfile.LockFile
	// Wait: block until the indexes are ready (flake-lsp check), up to
	// ctx's end.
	Wait bool
}

// source is an input's tree on disk.
type source struct {
	name, dir string
	store     bool // in the store: immutable, cacheable
}

// For is the Env of the file r names; nil when nothing is known.
func (p *Provider) For(ctx context.Context, r Request) *unit.Env {
	if p == nil {
		return nil
	}
	e := &unit.Env{Options: map[string]*options.Index{}}
	var own *graph
	if r.FlakeDir != "" {
		own = p.graph(filepath.Join(r.FlakeDir, "flake.nix"))
		if r.File != "" && !r.IsFlake {
			if sys, ok := own.files[filepath.Clean(r.File)]; ok {
				e.System = string(sys)
			}
		}
	}
	srcs, absent := inputSources(r)
	var nixpkgsSrc *source
	for i := range srcs {
		s := &srcs[i]
		l := p.layoutOf(s.dir)
		if (l.nixpkgs || l.lib) && (nixpkgsSrc == nil || s.name == "nixpkgs") {
			nixpkgsSrc = s
		}
		for _, lay := range l.layouts {
			if lay.Name == string(modules.NixOS) && s != nixpkgsSrc && nixpkgsSrc != nil && nixpkgsSrc.name == "nixpkgs" {
				continue // another nixpkgs: the one called nixpkgs is the system's
			}
			if e.Options[lay.Name] != nil {
				continue
			}
			lay := lay
			dir := s.dir
			if idx := get(ctx, p.m, e, r.Wait, KindOptions+lay.Name, dir, VersionOptions, s.store, lay.Name+" options",
				func(ctx context.Context) (*options.Index, error) { return options.BuildLayout(ctx, dir, lay) }); idx != nil {
				e.Options[lay.Name] = idx
			}
		}
	}
	if nixpkgsSrc == nil {
		if n, ok := absent["nixpkgs"]; ok {
			e.Absent = n
		}
	} else {
		dir := nixpkgsSrc.dir
		l := p.layoutOf(dir)
		e.Lib = get(ctx, p.m, e, r.Wait, KindLib, dir, VersionLib, nixpkgsSrc.store, "nixpkgs lib",
			func(ctx context.Context) (*nixpkgs.Lib, error) { return nixpkgs.BuildLib(ctx, dir) })
		if l.nixpkgs {
			e.Packages = get(ctx, p.m, e, r.Wait, KindPackages, dir, VersionPackages, nixpkgsSrc.store, "nixpkgs packages",
				func(ctx context.Context) (*nixpkgs.Packages, error) { return nixpkgs.BuildPackages(ctx, dir) })
			e.PackageRoot = dir
		}
	}
	// The flake's own modules' options, merged into their system's.
	if own != nil && len(own.files) > 0 {
		root := r.FlakeDir
		files := make([]string, 0, len(own.files))
		for f := range own.files {
			if rel, err := filepath.Rel(root, f); err == nil && !strings.HasPrefix(rel, "..") && strings.HasSuffix(rel, ".nix") {
				files = append(files, filepath.ToSlash(rel))
			}
		}
		sort.Strings(files)
		if idx := get(ctx, p.own, e, r.Wait, KindOwn, own.key, 1, false, "this flake's options",
			func(ctx context.Context) (*options.Index, error) { return options.Build(ctx, root, files) }); idx != nil && len(idx.Decls) > 0 {
			for sys, base := range e.Options {
				e.Options[sys] = options.Merge(base, idx)
			}
			if len(e.Options) == 0 {
				e.Options[string(modules.NixOS)] = idx
			}
		}
	}
	if e.Lib == nil && e.Packages == nil && len(e.Options) == 0 && e.System == "" && len(e.Pending) == 0 && e.Absent == "" {
		return nil
	}
	return e
}

// get asks the manager for an index, waiting for it when asked to; a
// pending one is named in e.Pending.
func get[T any](ctx context.Context, m *indexcache.Manager, e *unit.Env, wait bool, kind, key string, version int, cacheable bool, what string, build func(context.Context) (*T, error)) *T {
	if wait {
		idx, err := indexcache.Wait(ctx, m, kind, key, version, cacheable, build)
		if err != nil {
			return nil
		}
		return idx
	}
	idx, ok := indexcache.Get(m, kind, key, version, cacheable, build)
	if !ok {
		if m.Err(kind, key) == nil {
			e.Pending = append(e.Pending, what)
		}
		return nil
	}
	return idx
}

// inputSources are the flake's direct inputs whose trees are on this
// disk; absent says, for the others, why not.
func inputSources(r Request) ([]source, map[string]string) {
	absent := map[string]string{}
	if r.Sources == nil || r.Lock == nil {
		return nil, absent
	}
	root := r.Lock.Nodes[r.Lock.Root]
	if root == nil {
		return nil, absent
	}
	var out []source
	for _, edge := range root.Inputs {
		dep := r.Sources.Dependency([]string{edge.Name})
		if dep == nil {
			continue
		}
		s := dep.Source
		switch {
		case s.Present && s.OnDisk != "":
			out = append(out, source{name: edge.Name, dir: filepath.Join(s.OnDisk, filepath.FromSlash(s.Subdir)), store: true})
		case s.LocalDir != "":
			out = append(out, source{name: edge.Name, dir: s.LocalDir})
		default:
			why := "its source is not on this disk"
			if s.StorePath != "" {
				why = s.StorePath + " is not in the store: `nix flake archive` (or any build of this flake) puts it there"
			}
			absent[edge.Name] = why
		}
	}
	return out, absent
}

// layoutOf says what a source directory is (remembered: a store path
// never changes; a directory outside the store is looked at again after
// a restart only, which is good enough for what it holds).
func (p *Provider) layoutOf(dir string) *layout {
	p.mu.Lock()
	l, ok := p.layouts[dir]
	p.mu.Unlock()
	if ok {
		return l
	}
	l = &layout{nixpkgs: nixpkgs.IsNixpkgs(dir), lib: nixpkgs.HasLib(dir), layouts: options.Detect(dir)}
	p.mu.Lock()
	if len(p.layouts) > 4096 {
		p.layouts = map[string]*layout{}
	}
	p.layouts[dir] = l
	p.mu.Unlock()
	return l
}

// graph is the module graph of the flake.nix at path, read again when
// one of its files changed (checked at most every graphRecheck).
func (p *Provider) graph(flakePath string) *graph {
	p.mu.Lock()
	g := p.graphs[flakePath]
	p.mu.Unlock()
	if g != nil {
		since := time.Since(time.Unix(0, g.checked.Load()))
		if since < graphRecheck {
			return g
		}
		if !g.changed() {
			g.checked.Store(time.Now().UnixNano())
			return g
		}
	}
	files := modules.Graph(flakePath, nil)
	g = &graph{files: files, stamps: map[string]stamp{}}
	g.checked.Store(time.Now().UnixNano())
	var key strings.Builder
	key.WriteString(filepath.Dir(flakePath))
	names := make([]string, 0, len(files)+1)
	names = append(names, flakePath)
	for f := range files {
		names = append(names, f)
	}
	sort.Strings(names)
	for _, f := range names {
		st := stamp{size: -1}
		if fi, err := os.Stat(f); err == nil {
			st = stamp{size: fi.Size(), mod: fi.ModTime()}
		}
		g.stamps[f] = st
		key.WriteString("\x00" + f + "\x00" + st.mod.String())
	}
	g.key = key.String()
	p.mu.Lock()
	if old := p.graphs[flakePath]; old != nil && old.key != g.key {
		p.own.Forget(KindOwn, old.key)
	}
	if len(p.graphs) > 256 {
		p.graphs = map[string]*graph{}
	}
	p.graphs[flakePath] = g
	p.mu.Unlock()
	return g
}

func (g *graph) changed() bool {
	for f, st := range g.stamps {
		fi, err := os.Stat(f)
		if err != nil {
			if st.size != -1 {
				return true
			}
			continue
		}
		if fi.Size() != st.size || !fi.ModTime().Equal(st.mod) {
			return true
		}
	}
	return false
}
