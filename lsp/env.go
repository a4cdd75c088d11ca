package lsp

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/flake-lsp/flake-lsp/analysis/env"
	"github.com/flake-lsp/flake-lsp/analysis/indexcache"
	"github.com/flake-lsp/flake-lsp/analysis/lockfile"
	"github.com/flake-lsp/flake-lsp/analysis/unit"
)

// envState holds the index manager and the Env provider (made on first
// use: a session that opens no flake with a lock builds nothing), and
// the progress tokens of the builds reported to the client.
type envState struct {
	once     sync.Once
	mgr      *indexcache.Manager
	provider *env.Provider

	refreshMu sync.Mutex
	refresh   *time.Timer
}

// envProvider is the session's provider of Envs.
func (s *Server) envProvider() *env.Provider {
	s.envs.once.Do(func() {
		cache := indexcache.Default()
		if s.opts.IndexCache != "" {
			cache = indexcache.Cache{Dir: s.opts.IndexCache}
		}
		if s.opts.IndexCache == "-" {
			cache = indexcache.Cache{}
		}
		s.envs.mgr = indexcache.NewManager(cache, s.progress)
		s.envs.mgr.SetLog(s.log.Warnf)
		ready := func(kind, key string) {
			s.log.Infof("index ready: %s %s", kind, key)
			s.refreshSoon()
		}
		s.envs.mgr.OnReady(ready)
		s.envs.provider = env.New(s.envs.mgr)
		s.envs.provider.OnReady(ready)
		if cache.Dir != "" {
			s.goBackground("index cache prune", func(context.Context) {
				if err := cache.Prune(cachePruneAge); err != nil {
					s.log.Debugf("pruning the index cache: %v", err)
				}
			})
		}
	})
	return s.envs.provider
}

// closeEnvs stops the index builds (at the end of the session).
func (s *Server) closeEnvs() {
	s.envs.once.Do(func() {}) // none made after this
	if s.envs.mgr != nil {
		s.envs.provider.Close()
		s.envs.mgr.Close()
	}
	s.envs.refreshMu.Lock()
	if s.envs.refresh != nil {
		s.envs.refresh.Stop()
	}
	s.envs.refreshMu.Unlock()
}

// refreshSoon re-analyses the open documents waiting for indexes once
// they are ready (several finishing together refresh once).
func (s *Server) refreshSoon() {
	s.envs.refreshMu.Lock()
	defer s.envs.refreshMu.Unlock()
	if s.envs.refresh != nil {
		s.envs.refresh.Stop()
	}
	s.envs.refresh = time.AfterFunc(100*time.Millisecond, func() {
		if s.ctx.Err() == nil && s.state.Load() == stateInitialized {
			s.refreshPending()
		}
	})
}

// progress reports an index build to the client as work done progress
// (when it supports it): the token is created, then begun and ended.
func (s *Server) progress(ev indexcache.Event) {
	if !s.client.workDoneProgress || s.ctx == nil || s.ctx.Err() != nil {
		return
	}
	token := "flake-lsp/index/" + ev.Token
	switch ev.Kind {
	case indexcache.Begin:
		ctx, cancel := context.WithTimeout(s.ctx, 5*time.Second)
		err := s.call(ctx, "window/workDoneProgress/create", map[string]any{"token": token}, nil)
		cancel()
		if err != nil {
			return
		}
		// A percentage at the start, so that clients show the later ones.
		value := map[string]any{"kind": "begin", "title": ev.Title, "message": ev.Message, "cancellable": false, "percentage": max(ev.Percent, 0)}
		s.notify("$/progress", map[string]any{"token": token, "value": value})
	case indexcache.Report:
		value := map[string]any{"kind": "report", "message": ev.Message}
		if ev.Percent >= 0 {
			value["percentage"] = ev.Percent
		}
		s.notify("$/progress", map[string]any{"token": token, "value": value})
	case indexcache.End:
		s.notify("$/progress", map[string]any{"token": token, "value": map[string]any{"kind": "end", "message": ev.Message}})
	}
}

// flakeDirOf is the directory of the flake a .nix file belongs to: the
// nearest directory above it (at most maxFlakeDepth up) with a
// flake.nix; "" when none.
func (s *Server) flakeDirOf(path string) string {
	dir := filepath.Dir(path)
	for i := 0; i < maxFlakeDepth; i++ {
		if _, err := os.Stat(filepath.Join(dir, "flake.nix")); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			break
		}
		dir = up
	}
	return ""
}

const maxFlakeDepth = 8

// cachePruneAge: cached indexes unused this long are removed at start.
const cachePruneAge = 30 * 24 * time.Hour

// fileEnv gives a unit (of a flake.nix, or of another .nix file of a
// flake) its Env: the indexes of its flake's inputs' sources.
func (s *Server) fileEnv(st Settings, u *unit.Unit, path string, isFlake bool) {
	if path == "" || !st.Indexes {
		return
	}
	dir := filepath.Dir(path)
	lock := u.Lock
	if !isFlake {
		dir = s.flakeDirOf(path)
		if dir == "" {
			return
		}
		if src, _, err := s.readText(filepath.Join(dir, "flake.lock")); err == nil {
			lock, _ = lockfile.Parse(src)
		}
		if lock != nil {
			if set := s.sources(st, dir, lock); set != nil {
				u.Sources = set
			}
		}
	}
	var sources unit.Sources
	if u.Sources != nil {
		sources = u.Sources
	}
	ctx := s.ctx
	if s.opts.WaitIndexes {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, 2*time.Minute)
		defer cancel()
	}
	u.Env = s.envProvider().For(ctx, env.Request{File: path, FlakeDir: dir, IsFlake: isFlake, Sources: sources, Lock: lock, Wait: s.opts.WaitIndexes})
	if u.Env != nil && len(u.Env.Pending) > 0 {
		s.log.Debugf("indexes pending for %s: %v", path, u.Env.Pending)
	}
}
