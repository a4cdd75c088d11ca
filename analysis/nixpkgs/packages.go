package nixpkgs

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/flake-lsp/flake-lsp/grammar"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// Package is one top-level attribute of nixpkgs' package set.
type Package struct {
	Name string
	// File is the package's file, slash-separated relative to
	// Packages.Root: a by-name package.nix, the file a callPackage (or
	// callPackages, import) in all-packages.nix names (a directory's
	// default.nix), or else the file that binds the name (all-packages.nix,
	// aliases.nix).
	File string
	// Start and End are a byte range in File: the binding's name when File
	// binds the name, 0,0 (the whole file) for a package file.
	Start, End int
	// Def is where the name is bound when that is not File: all-packages.nix
	// for a callPackage'd file, with DefStart and DefEnd the name's range
	// there; "" for by-name packages and when File binds the name.
	Def              string
	DefStart, DefEnd int
	ByName           bool   // from pkgs/by-name
	Alias            bool   // from aliases.nix
	AliasOf          string // what a plain alias stands for ("hello", "python3Packages.foo"), "" if not plain
	Message          string // a removed alias's throw message
}

// Packages is the index of a nixpkgs tree's top-level packages. It is
// gob-encodable and safe for concurrent use.
type Packages struct {
	Root    string
	Entries []Package // sorted by Name
	Stats   Stats     // Files counts the files parsed (by-name directories are listed, not read)
}

const (
	allPackagesNix = "pkgs/top-level/all-packages.nix"
	aliasesNix     = "pkgs/top-level/aliases.nix"
	byNameDir      = "pkgs/by-name"
)

// ErrNotNixpkgs is BuildPackages' error for a root that is not a nixpkgs
// tree.
var ErrNotNixpkgs = errors.New("nixpkgs: no pkgs/top-level/all-packages.nix under the root")

// BuildPackages indexes the top-level packages of the nixpkgs tree at
// root: the directories of pkgs/by-name, the bindings of the set
// all-packages.nix returns and the names of aliases.nix. Nothing is read
// of the package files themselves (see Describe).
func BuildPackages(ctx context.Context, root string) (*Packages, error) {
	start := time.Now()
	if !isFile(filepath.Join(root, filepath.FromSlash(allPackagesNix))) {
		return nil, ErrNotNixpkgs
	}
	var (
		wg     sync.WaitGroup
		byName []Package
		byErr  error
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		byName, byErr = listByName(ctx, root)
	}()
	var stats Stats
	top := readPackageSet(root, allPackagesNix, false, &stats)
	if err := ctx.Err(); err != nil {
		wg.Wait()
		return nil, err
	}
	aliases := readPackageSet(root, aliasesNix, true, &stats)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if byErr != nil && !errors.Is(byErr, os.ErrNotExist) {
		return nil, byErr
	}

	seen := make(map[string]bool, len(top)+len(byName))
	entries := make([]Package, 0, len(top)+len(byName)+len(aliases))
	for _, group := range [][]Package{top, byName, aliases} {
		for _, p := range group {
			if !seen[p.Name] {
				seen[p.Name] = true
				entries = append(entries, p)
			}
		}
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name < entries[j].Name })
	stats.Entries = len(entries)
	stats.Took = time.Since(start)
	return &Packages{Root: root, Entries: entries, Stats: stats}, nil
}

// listByName lists pkgs/by-name/<shard>/<name>.
func listByName(ctx context.Context, root string) ([]Package, error) {
	dir := filepath.Join(root, filepath.FromSlash(byNameDir))
	shards, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []Package
	for _, s := range shards {
		if !s.IsDir() {
			continue
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		names, err := os.ReadDir(filepath.Join(dir, s.Name()))
		if err != nil {
			continue
		}
		for _, n := range names {
			if !n.IsDir() {
				continue
			}
			out = append(out, Package{
				Name:   n.Name(),
				File:   byNameDir + "/" + s.Name() + "/" + n.Name() + "/package.nix",
				ByName: true,
			})
		}
	}
	return out, nil
}

// readPackageSet lists the attributes of the set the file rel returns.
func readPackageSet(root, rel string, aliases bool, stats *Stats) []Package {
	p, n := parseFile(root, rel)
	if p == nil {
		if !aliases {
			stats.Skipped++
		}
		return nil
	}
	stats.Files++
	stats.Bytes += n
	v := p.v
	var out []Package
	for _, set := range topSets(v, fileExpr(p), 0) {
		for c := v.FirstChild(set); c != none; c = v.Next(c) {
			switch v.Kind(c) {
			case grammar.KindBinding:
				ap := v.Child(c, grammar.FieldAttrpath)
				first := none
				for a := v.FirstChild(ap); a != none; a = v.Next(a) {
					if content(v, a) {
						first = a
						break
					}
				}
				name, ok := attrName(v, first)
				if !ok {
					stats.Skipped++
					continue
				}
				pkg := Package{Name: name, File: rel, Start: v.Start(first), End: v.End(first)}
				value := v.Child(c, grammar.FieldValue)
				if aliases {
					pkg.Alias = true
					describeAlias(v, value, &pkg)
				} else if file := packageFile(root, rel, v, value); file != "" {
					pkg.Def, pkg.DefStart, pkg.DefEnd = rel, pkg.Start, pkg.End
					pkg.File, pkg.Start, pkg.End = file, 0, 0
				}
				out = append(out, pkg)
			case grammar.KindInherit:
				file := ""
				if src := v.Child(c, grammar.FieldSource); src != none && !aliases {
					file = packageFile(root, rel, v, src)
				}
				for a := v.FirstChild(c); a != none; a = v.Next(a) {
					if v.FieldName(a) != grammar.FieldAttribute {
						continue
					}
					name, ok := attrName(v, a)
					if !ok {
						stats.Skipped++
						continue
					}
					pkg := Package{Name: name, File: rel, Start: v.Start(a), End: v.End(a), Alias: aliases}
					if file != "" {
						pkg.Def, pkg.DefStart, pkg.DefEnd = rel, pkg.Start, pkg.End
						pkg.File, pkg.Start, pkg.End = file, 0, 0
					}
					out = append(out, pkg)
				}
			}
		}
	}
	return out
}

// topSets finds the attribute set literals a package-set file returns:
// through function headers, `with`, `let ... in`, `//` and calls such as
// `mapAliases { ... }` (the set given last).
func topSets(v *syntax.View, n syntax.NodeID, depth int) []syntax.NodeID {
	if n == none || depth > 16 {
		return nil
	}
	switch v.Kind(n) {
	case grammar.KindParenthesized:
		return topSets(v, v.Child(n, grammar.FieldExpression), depth+1)
	case grammar.KindLambda, grammar.KindWith, grammar.KindAssert, grammar.KindLet:
		return topSets(v, v.Child(n, grammar.FieldBody), depth+1)
	case grammar.KindAttrset, grammar.KindRecAttrset:
		return []syntax.NodeID{n}
	case grammar.KindBinary:
		if v.Text(v.Child(n, grammar.FieldOperator)) != "//" {
			return nil
		}
		return append(topSets(v, v.Child(n, grammar.FieldLeft), depth+1), topSets(v, v.Child(n, grammar.FieldRight), depth+1)...)
	case grammar.KindApply:
		return topSets(v, v.Child(n, grammar.FieldArgument), depth+1)
	}
	return nil
}

// maxScan bounds the nodes of one binding's value searched for a
// callPackage.
const maxScan = 4096

// packageFile is the file the first `callPackage <path>`,
// `callPackages <path>` or `import <path>` in n names, "" if none.
func packageFile(root, rel string, v *syntax.View, n syntax.NodeID) string {
	end := v.SubtreeEnd(n)
	if end-n > maxScan {
		end = n + maxScan
	}
	for i := n; i < end; i++ {
		if v.Nodes[i].Flags&grammar.FlagNamed == 0 || v.Kind(i) != grammar.KindPath {
			continue
		}
		app := v.Parent(i)
		if v.Kind(app) != grammar.KindApply || v.Child(app, grammar.FieldArgument) != i {
			continue
		}
		p := selectPath(v, v.Child(app, grammar.FieldFunction))
		if len(p) == 0 {
			continue
		}
		if fn := p[len(p)-1]; fn == "import" || strings.HasPrefix(fn, "callPackage") {
			if file, ok := resolvePath(root, rel, v.Text(i), false); ok {
				return file
			}
		}
	}
	return ""
}

// describeAlias fills an alias's target or removal message.
func describeAlias(v *syntax.View, value syntax.NodeID, pkg *Package) {
	value = unparen(v, value)
	if p := selectPath(v, value); p != nil {
		pkg.AliasOf = strings.Join(p, ".")
		return
	}
	if v.Kind(value) != grammar.KindApply {
		return
	}
	fn, args := applyChain(v, value)
	p := selectPath(v, fn)
	if len(args) != 1 || len(p) == 0 || p[len(p)-1] != "throw" || len(p) > 1 && p[0] != "builtins" {
		return
	}
	msg := unparen(v, args[0])
	if s, ok := stringLiteral(v, msg); ok {
		pkg.Message = s
		return
	}
	// A message with interpolations: its text as written.
	t := v.Text(msg)
	pkg.Message = strings.TrimSuffix(strings.TrimPrefix(t, `"`), `"`)
}

// Lookup finds a package by name.
func (p *Packages) Lookup(name string) (*Package, bool) {
	i := sort.Search(len(p.Entries), func(i int) bool { return p.Entries[i].Name >= name })
	if i < len(p.Entries) && p.Entries[i].Name == name {
		return &p.Entries[i], true
	}
	return nil, false
}

// WithPrefix lists the packages whose names start with prefix, in name
// order, at most max of them (max <= 0: all). The slice shares the
// index's storage: do not modify it.
func (p *Packages) WithPrefix(prefix string, max int) []Package {
	i := sort.Search(len(p.Entries), func(i int) bool { return p.Entries[i].Name >= prefix })
	j := i
	if prefix == "" {
		j = len(p.Entries)
	} else {
		j += sort.Search(len(p.Entries)-i, func(k int) bool { return !strings.HasPrefix(p.Entries[i+k].Name, prefix) })
	}
	if max > 0 && j-i > max {
		j = i + max
	}
	return p.Entries[i:j:j]
}

// maxDescribe bounds what Describe reads of a package file.
const maxDescribe = 1 << 20

// Describe reads the package's file for the literal string its
// meta.description gives (`meta = { description = "..."; }` or
// `meta.description = "...";`, the outermost one when the file has
// several), "" if there is none, if the description is computed
// (interpolated), or if the package has no file of its own. It reads one
// file of at most 1 MB.
func Describe(root string, p *Package) string {
	if p == nil || p.File == "" || p.File == allPackagesNix || p.File == aliasesNix {
		return ""
	}
	src, err := readBounded(filepath.Join(root, filepath.FromSlash(p.File)), maxDescribe)
	if err != nil {
		return ""
	}
	return describeSource(src)
}

func describeSource(src []byte) string {
	t := syntax.Parse(src)
	v := syntax.NewView(t, src)
	t.Close()
	best, bestDepth := "", -1
	consider := func(n syntax.NodeID, value syntax.NodeID) {
		s, ok := stringLiteral(v, unparen(v, value))
		if !ok {
			return
		}
		d := 0
		for m := n; m != none; m = v.Parent(m) {
			d++
		}
		if bestDepth < 0 || d < bestDepth {
			best, bestDepth = s, d
		}
	}
	for i := range v.Nodes {
		n := syntax.NodeID(i)
		if v.Nodes[i].Flags&grammar.FlagNamed == 0 || v.Kind(n) != grammar.KindBinding {
			continue
		}
		names, _, ok := attrpathNames(v, v.Child(n, grammar.FieldAttrpath))
		if !ok || names[0] != "meta" {
			continue
		}
		value := v.Child(n, grammar.FieldValue)
		switch {
		case len(names) == 2 && names[1] == "description":
			consider(n, value)
		case len(names) == 1:
			set := unparen(v, value)
			for v.Kind(set) == grammar.KindWith {
				set = unparen(v, v.Child(set, grammar.FieldBody))
			}
			if k := v.Kind(set); k != grammar.KindAttrset && k != grammar.KindRecAttrset {
				continue
			}
			for c := v.FirstChild(set); c != none; c = v.Next(c) {
				if v.Kind(c) != grammar.KindBinding {
					continue
				}
				if ns, _, ok := attrpathNames(v, v.Child(c, grammar.FieldAttrpath)); ok && len(ns) == 1 && ns[0] == "description" {
					consider(n, v.Child(c, grammar.FieldValue))
				}
			}
		}
	}
	return best
}
