package lsp

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	nixstore "github.com/flake-lsp/flake-lsp/analysis/store"
	"github.com/flake-lsp/flake-lsp/internal/golden"
)

// TestEnvFeatures runs testdata/env/consumer.txt against a temporary
// store holding a nixpkgs-shaped tree (testdata/index/nixpkgs for lib and
// packages, with testdata/env/nixos's NixOS modules) and a
// home-manager-shaped one, each at the store path of its NAR hash:
// completion, hover and definition of lib functions, packages and
// options, and the option diagnostics, from the indexes built of them.
func TestEnvFeatures(t *testing.T) {
	storeDir := t.TempDir()
	t.Setenv("NIX_STORE_DIR", storeDir)
	t.Setenv("NIX_STORE", "")
	st := nixstore.Store{Dir: storeDir, Real: storeDir}
	tree := filepath.Join(t.TempDir(), "nixpkgs")
	copyTree(t, "../testdata/index/nixpkgs", tree)
	copyTree(t, "../testdata/env/nixos", tree)
	np, npPath := putInStore(t, st, tree)
	hm, hmPath := putInStore(t, st, "../testdata/env/home-manager")

	data, err := os.ReadFile("../testdata/env/consumer.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.NewReplacer("@HM_NARHASH@", hm, "@NIXPKGS_NARHASH@", np).Replace(string(data))
	caseFile := filepath.Join(t.TempDir(), "consumer.txt")
	if err := os.WriteFile(caseFile, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	now = func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }
	defer func() { now = time.Now }()
	got := runFeatureCase(t, parseFeatureCase(t, caseFile))

	var pairs []string
	for _, p := range [][2]string{{hmPath, "home-manager"}, {npPath, "nixpkgs"}} {
		pairs = append(pairs, p[0], "$STORE/"+p[1]+"-source", filepath.Base(p[0]), p[1]+"-source")
	}
	pairs = append(pairs, "../"+filepath.Base(storeDir)+"/", "$STORE/", storeDir, "$STORE", filepath.Dir(storeDir), "$TMP")
	got = strings.NewReplacer(pairs...).Replace(got)

	golden.Check(t, "../testdata/env/consumer.golden", got, *update)
}
