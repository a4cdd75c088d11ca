package lsp

import (
	"fmt"
	"os"

	"github.com/flake-lsp/flake-lsp/analysis/deps"
	"github.com/flake-lsp/flake-lsp/analysis/lockfile"
	nixstore "github.com/flake-lsp/flake-lsp/analysis/store"
)

// resolver is the dependency resolver for the store the settings name
// (the default store, from NIX_STORE_DIR, without a `store` setting).
// Its cache of analysed flakes lives as long as the setting (and the
// file size limit: maxFileSize, at most deps.DefaultMaxFileSize) does.
func (s *Server) resolver(st Settings) *deps.Resolver {
	s.depsMu.Lock()
	defer s.depsMu.Unlock()
	limit := deps.DefaultMaxFileSize
	if st.MaxFileSize > 0 {
		limit = min(st.MaxFileSize, limit)
	}
	key := fmt.Sprintf("%s\x00%d", st.Store, limit)
	if s.depsResolver != nil && s.depsStore == key {
		return s.depsResolver
	}
	sto := nixstore.Default(os.Getenv)
	if st.Store != "" {
		if parsed, err := nixstore.Parse(st.Store, os.Getenv); err == nil {
			sto = parsed
		}
	}
	r := deps.New(sto)
	r.SetLimits(int64(limit), 0)
	s.depsResolver, s.depsStore = r, key
	return r
}

// sources finds the locked inputs of the flake in dir with lock lf; nil
// without a lock (nothing is locked, nothing to read).
func (s *Server) sources(st Settings, dir string, lf *lockfile.LockFile) *deps.Set {
	if lf == nil || dir == "" {
		return nil
	}
	return s.resolver(st).For(dir, lf)
}
