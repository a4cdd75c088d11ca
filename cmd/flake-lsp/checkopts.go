package main

import (
	"context"
	"github.com/flake-lsp/flake-lsp/internal/safefs"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/flake-lsp/flake-lsp/analysis"
	"github.com/flake-lsp/flake-lsp/analysis/deps"
	"github.com/flake-lsp/flake-lsp/analysis/env"
	"github.com/flake-lsp/flake-lsp/analysis/indexcache"
	"github.com/flake-lsp/flake-lsp/analysis/lockfile"
	"github.com/flake-lsp/flake-lsp/analysis/modules"
	"github.com/flake-lsp/flake-lsp/analysis/scope"
	"github.com/flake-lsp/flake-lsp/analysis/store"
	"github.com/flake-lsp/flake-lsp/analysis/unit"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// optionDiagnostics checks the option settings of each checked flake's
// modules (its flake.nix and the module files its module graph reaches)
// against the option indexes of its inputs' sources, as the server does:
// option-renamed, option-removed, unknown-option. Inputs whose sources
// are not in the store give nothing. The indexes are built (or loaded
// from cache) before the check; cache "" is the user cache directory,
// "-" none. texts receives the files read.
func optionDiagnostics(files []string, texts map[string][]byte, cache string) []analysis.Diagnostic {
	c := indexcache.Default()
	switch cache {
	case "-":
		c = indexcache.Cache{}
	case "":
	default:
		c = indexcache.Cache{Dir: cache}
	}
	mgr := indexcache.NewManager(c, nil)
	defer mgr.Close()
	provider := env.New(mgr)
	defer provider.Close()
	resolver := deps.New(store.Default(os.Getenv))
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()

	var out []analysis.Diagnostic
	seen := map[string]bool{}
	for _, f := range files {
		if filepath.Base(f) != "flake.nix" {
			continue
		}
		dir := filepath.Dir(f)
		lockSrc, err := safefs.ReadFile(filepath.Join(dir, "flake.lock"), 64<<20)
		if err != nil {
			continue
		}
		lock, _ := lockfile.Parse(lockSrc)
		if lock == nil {
			continue
		}
		set := resolver.For(dir, lock)
		graph := modules.Graph(f, nil)
		paths := []string{f}
		for p := range graph {
			if filepath.Ext(p) == ".nix" {
				paths = append(paths, p)
			}
		}
		sort.Strings(paths[1:])
		for _, p := range paths {
			if seen[p] {
				continue
			}
			seen[p] = true
			src, err := safefs.ReadFile(p, modules.MaxGraphFile)
			if err != nil {
				continue
			}
			tree := syntax.Parse(src)
			v := syntax.NewView(tree, src)
			tree.Close()
			isFlake := p == f
			u := &unit.Unit{Path: p, Src: src, View: v, Scope: scope.Analyze(v, scope.Options{File: p, Flake: isFlake}), Lock: lock, Sources: set}
			u.Env = provider.For(ctx, env.Request{File: p, FlakeDir: dir, IsFlake: isFlake, Sources: set, Lock: lock, Wait: true})
			d := env.CheckOptions(u)
			if len(d) > 0 {
				texts[p] = src
				out = append(out, d...)
			}
		}
	}
	return out
}
