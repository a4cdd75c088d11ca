package options

import (
	"context"
	"errors"
	"github.com/flake-lsp/flake-lsp/internal/safefs"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/flake-lsp/flake-lsp/grammar"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// Layout is a kind of module tree.
type Layout struct {
	Name       string   // "nixos", "home-manager", "nix-darwin"
	Markers    []string // files that must all exist under root
	ModuleList string   // a file whose list of paths names the modules (relative to root)
	Dir        string   // walked for *.nix when the list cannot be read statically
}

// Layouts are the module trees known.
var Layouts = []Layout{
	{
		Name:       "nixos",
		Markers:    []string{"nixos/modules/module-list.nix"},
		ModuleList: "nixos/modules/module-list.nix",
		Dir:        "nixos/modules",
	},
	{
		Name:       "home-manager",
		Markers:    []string{"modules/modules.nix", "modules/home-environment.nix"},
		ModuleList: "modules/modules.nix",
		Dir:        "modules",
	},
	{
		Name:       "nix-darwin",
		Markers:    []string{"modules/module-list.nix", "modules/system/default.nix"},
		ModuleList: "modules/module-list.nix",
		Dir:        "modules",
	},
}

// maxFile is the size above which a file is not read.
const maxFile = 1 << 20

// Detect is the layouts whose markers all exist under root.
func Detect(root string) []Layout {
	var out []Layout
	for _, l := range Layouts {
		ok := len(l.Markers) > 0
		for _, m := range l.Markers {
			if st, err := os.Stat(filepath.Join(root, filepath.FromSlash(m))); err != nil || st.IsDir() {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, l)
		}
	}
	return out
}

// BuildLayout indexes the modules a layout's module list names (every
// path literal in it; a directory is its default.nix, or without one each
// .nix file and subdirectory in it), or, when the list names none, every
// .nix file under its Dir.
func BuildLayout(ctx context.Context, root string, l Layout) (*Index, error) {
	start := time.Now()
	b := newBuilder(root)
	files, err := b.moduleList(l.ModuleList)
	if err != nil || len(files) == 0 {
		files, err = walkDir(ctx, root, l.Dir)
		if err != nil {
			return nil, err
		}
	}
	ix, err := b.run(ctx, files)
	if ix != nil {
		ix.Stats.Took = time.Since(start)
	}
	return ix, err
}

// Build indexes the module files named (relative to root) and those they
// import with path literals inside root.
func Build(ctx context.Context, root string, files []string) (*Index, error) {
	start := time.Now()
	b := newBuilder(root)
	var rels []string
	for _, f := range files {
		rel := path.Clean(filepath.ToSlash(f))
		if r, ok := b.moduleFile(rel); ok {
			rels = append(rels, r)
		}
	}
	ix, err := b.run(ctx, rels)
	if ix != nil {
		ix.Stats.Took = time.Since(start)
	}
	return ix, err
}

type builder struct {
	root string
	mu   sync.Mutex
	seen map[string]bool
	res  []result
	read map[string]bool // every file read, for Stats.Files
}

func newBuilder(root string) *builder {
	return &builder{root: root, seen: map[string]bool{}, read: map[string]bool{}}
}

func (b *builder) abs(rel string) string {
	return filepath.Join(b.root, filepath.FromSlash(rel))
}

// moduleFile is the file a module path names: the file, or a directory's
// default.nix.
func (b *builder) moduleFile(rel string) (string, bool) {
	st, err := os.Stat(b.abs(rel))
	if err != nil {
		return "", false
	}
	if st.IsDir() {
		rel = path.Join(rel, "default.nix")
		if st, err := os.Stat(b.abs(rel)); err != nil || st.IsDir() {
			return "", false
		}
	}
	return rel, true
}

// parse reads and parses a file; n is its size. A file over maxFile is
// not read (nil, no error).
func (b *builder) parse(rel string) (*file, int64, error) {
	src, err := safefs.ReadFile(b.abs(rel), maxFile)
	if err != nil {
		if st, serr := os.Stat(b.abs(rel)); serr == nil && st.Mode().IsRegular() && st.Size() > maxFile {
			return nil, 0, nil // too large: skipped, as before
		}
		return nil, 0, err
	}
	return parseText(rel, src), int64(len(src)), nil
}

// moduleList is the module files a module-list file names.
func (b *builder) moduleList(rel string) ([]string, error) {
	f, _, err := b.parse(rel)
	if err != nil {
		return nil, err
	}
	if f == nil {
		return nil, errors.New("module list too large")
	}
	v := f.v
	var out []string
	for i := range v.Nodes {
		n := syntax.NodeID(i)
		if !v.Is(n, grammar.KindPath) {
			continue
		}
		p := v.Text(n)
		if !strings.HasPrefix(p, "./") && !strings.HasPrefix(p, "../") {
			continue
		}
		target := path.Clean(path.Join(path.Dir(rel), p))
		if target == ".." || strings.HasPrefix(target, "../") {
			continue
		}
		out = append(out, b.expand(target)...)
	}
	return out, nil
}

// expand is the modules a path in a module list stands for: a file, a
// directory's default.nix, or (a directory read with readDir) its .nix
// files and the default.nix of its subdirectories.
func (b *builder) expand(rel string) []string {
	if r, ok := b.moduleFile(rel); ok {
		return []string{r}
	}
	entries, err := os.ReadDir(b.abs(rel))
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		name := path.Join(rel, e.Name())
		if e.IsDir() {
			if r, ok := b.moduleFile(name); ok {
				out = append(out, r)
			}
		} else if strings.HasSuffix(e.Name(), ".nix") {
			out = append(out, name)
		}
	}
	return out
}

// walkDir is every .nix file under dir (relative to root).
func walkDir(ctx context.Context, root, dir string) ([]string, error) {
	var out []string
	base := filepath.Join(root, filepath.FromSlash(dir))
	err := filepath.WalkDir(base, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if d.IsDir() && strings.HasPrefix(d.Name(), ".") && p != base {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(p, ".nix") {
			rel, err := filepath.Rel(root, p)
			if err == nil {
				out = append(out, filepath.ToSlash(rel))
			}
		}
		return nil
	})
	return out, err
}

// run reads the files and every module they import, in parallel.
func (b *builder) run(ctx context.Context, files []string) (*Index, error) {
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	var schedule func(rel string)
	schedule = func(rel string) {
		b.mu.Lock()
		if b.seen[rel] {
			b.mu.Unlock()
			return
		}
		b.seen[rel] = true
		b.mu.Unlock()
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			if ctx.Err() != nil {
				<-sem
				return
			}
			r, ok := b.walk(rel)
			<-sem
			if !ok {
				return
			}
			b.mu.Lock()
			b.res = append(b.res, r)
			b.mu.Unlock()
			for _, imp := range r.imports {
				schedule(imp)
			}
		}()
	}
	for _, f := range files {
		schedule(f)
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	ix := &Index{Root: b.root}
	read := map[string]bool{}
	for _, r := range b.res {
		ix.Decls = append(ix.Decls, r.decls...)
		ix.Open = append(ix.Open, r.open...)
		ix.Stats.Skipped += r.skipped
		ix.Stats.Unresolved += r.unresolved
		ix.Stats.Bytes += r.bytes
		for _, l := range r.loaded {
			read[l] = true
		}
	}
	for rel := range b.seen {
		read[rel] = true
	}
	ix.Stats.Files = len(read)
	for _, d := range ix.Decls {
		switch d.Kind {
		case Option:
			ix.Stats.Options++
		case Renamed:
			ix.Stats.Renamed++
		case Removed:
			ix.Stats.Removed++
		}
	}
	ix.finish()
	return ix, nil
}

// walk reads one top-level module file.
func (b *builder) walk(rel string) (result, bool) {
	f, n, err := b.parse(rel)
	if err != nil || f == nil {
		return result{}, false
	}
	w := &walker{b: b, top: f, handled: map[*file]map[syntax.NodeID]bool{}}
	w.res.bytes = n
	w.module(rootOf(f), nil, 0)
	w.scanRenames(f)
	sort.Strings(w.res.imports)
	return w.res, true
}
