package lsp

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	nixstore "github.com/flake-lsp/flake-lsp/analysis/store"
	"github.com/flake-lsp/flake-lsp/internal/golden"
)

// tempStore is an empty Nix store of the test's own, which the server
// reads (NIX_STORE_DIR), and its directory.
func tempStore(t *testing.T) (nixstore.Store, string) {
	dir := t.TempDir()
	t.Setenv("NIX_STORE_DIR", dir)
	t.Setenv("NIX_STORE", "")
	return nixstore.Store{Dir: dir, Real: dir}, dir
}

// putNixpkgs puts the nixpkgs-shaped fixture (testdata/index/nixpkgs's lib
// and packages with testdata/env/nixos's NixOS modules) into st, and
// returns its NAR hash and store path.
func putNixpkgs(t *testing.T, st nixstore.Store) (string, string) {
	tree := filepath.Join(t.TempDir(), "nixpkgs")
	copyTree(t, "../testdata/index/nixpkgs", tree)
	copyTree(t, "../testdata/env/nixos", tree)
	return putInStore(t, st, tree)
}

// TestEnvFeatures runs testdata/env/consumer.txt against a temporary
// store holding a nixpkgs-shaped tree (testdata/index/nixpkgs for lib and
// packages, with testdata/env/nixos's NixOS modules) and a
// home-manager-shaped one, each at the store path of its NAR hash:
// completion, hover and definition of lib functions, packages and
// options, and the option diagnostics, from the indexes built of them.
func TestEnvFeatures(t *testing.T) {
	st, storeDir := tempStore(t)
	np, npPath := putNixpkgs(t, st)
	hm, hmPath := putInStore(t, st, "../testdata/env/home-manager")
	dw, dwPath := putInStore(t, st, "../analysis/options/testdata/index/nix-darwin")

	data, err := os.ReadFile("../testdata/env/consumer.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.NewReplacer("@HM_NARHASH@", hm, "@NIXPKGS_NARHASH@", np, "@DARWIN_NARHASH@", dw).Replace(string(data))
	caseFile := filepath.Join(t.TempDir(), "consumer.txt")
	if err := os.WriteFile(caseFile, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	now = func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }
	defer func() { now = time.Now }()
	got := runFeatureCase(t, parseFeatureCase(t, caseFile))

	var pairs []string
	for _, p := range [][2]string{{hmPath, "home-manager"}, {npPath, "nixpkgs"}, {dwPath, "nix-darwin"}} {
		pairs = append(pairs, p[0], "$STORE/"+p[1]+"-source", filepath.Base(p[0]), p[1]+"-source")
	}
	pairs = append(pairs, "../"+filepath.Base(storeDir)+"/", "$STORE/", storeDir, "$STORE", filepath.Dir(storeDir), "$TMP")
	got = strings.NewReplacer(pairs...).Replace(got)

	golden.Check(t, "../testdata/env/consumer.golden", got, *update)
}

// TestIndexProgress: without waiting for indexes (as the server runs),
// the first diagnostics of a module come before its nixpkgs is indexed;
// the build is reported as work done progress (created, begun, ended
// under one token), and once it is ready the module is analysed again
// and its option diagnostics published.
func TestIndexProgress(t *testing.T) {
	st, _ := tempStore(t)
	np, _ := putNixpkgs(t, st)

	dir := t.TempDir()
	files := map[string]string{
		"flake.nix":         "{\n  inputs.nixpkgs.url = \"github:NixOS/nixpkgs\";\n  outputs = { self, nixpkgs }: {\n    nixosConfigurations.a = nixpkgs.lib.nixosSystem { modules = [ ./configuration.nix ]; };\n  };\n}\n",
		"configuration.nix": "{ ... }:\n{\n  services.opensh.enable = true;\n}\n",
		"flake.lock":        `{"nodes": {"nixpkgs": {"locked": {"narHash": "` + np + `", "owner": "NixOS", "repo": "nixpkgs", "rev": "2222222222222222222222222222222222222222", "type": "github", "lastModified": 1700000000}, "original": {"owner": "NixOS", "repo": "nixpkgs", "type": "github"}}, "root": {"inputs": {"nixpkgs": "nixpkgs"}}}, "root": "root", "version": 7}`,
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ss := newSession(t, func(s *Server) { s.opts.WaitIndexes = false })
	ss.initialize(map[string]any{"window": map[string]any{"workDoneProgress": true}})
	uri := pathURI(filepath.Join(dir, "configuration.nix"))
	ss.open(uri, files["configuration.nix"])
	ss.waitDiags(uri, "unknown-option once the index is ready", hasCode("unknown-option"))

	ss.mu.Lock()
	defer ss.mu.Unlock()
	created := 0
	for _, m := range ss.requests {
		if m == "window/workDoneProgress/create" {
			created++
		}
	}
	kinds := map[string][]string{} // by token
	titles := map[string]string{}
	for _, raw := range ss.progress {
		var p struct {
			Token string
			Value struct{ Kind, Title string }
		}
		if err := json.Unmarshal(raw, &p); err != nil {
			t.Fatal(err)
		}
		kinds[p.Token] = append(kinds[p.Token], p.Value.Kind)
		if p.Value.Title != "" {
			titles[p.Token] = p.Value.Title
		}
	}
	if created == 0 || created != len(kinds) {
		t.Errorf("%d tokens created, progress under %d tokens: %v", created, len(kinds), kinds)
	}
	var seen []string
	for tok, ks := range kinds {
		if len(ks) < 2 || ks[0] != "begin" || ks[len(ks)-1] != "end" {
			t.Errorf("token %s: %v, want begin ... end", tok, ks)
		}
		seen = append(seen, titles[tok])
	}
	sort.Strings(seen)
	if !strings.Contains(strings.Join(seen, ","), "Indexing nixos options") {
		t.Errorf("progress titles %q lack the NixOS options' build", seen)
	}
}

// TestHostileFiles: a flake from anywhere may name a device or a FIFO
// where a file is expected (its flake.lock a link to /dev/zero, a module
// importing /dev/zero or a FIFO): the server reads none of them, answers,
// and publishes the flake's diagnostics.
func TestHostileFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.nix")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFO here: %v", err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "flake.lock")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "zero.nix")); err != nil {
		t.Fatal(err)
	}
	flakeNix := "{\n  outputs = { self, nixpkgs }: {\n    nixosConfigurations.a = nixpkgs.lib.nixosSystem { modules = [ ./zero.nix ./fifo.nix /dev/zero ./module.nix ]; };\n  };\n}\n"
	module := "{ config, ... }: { imports = [ ./fifo.nix /dev/zero ]; services.x.enable = true; }\n"
	for name, text := range map[string]string{"flake.nix": flakeNix, "module.nix": module} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ss := newSession(t, nil)
	ss.initialize(nil)
	uri := pathURI(filepath.Join(dir, "flake.nix"))
	ss.open(uri, flakeNix)
	ss.waitDiags(uri, "a publication", func(publishParams) bool { return true })
	muri := pathURI(filepath.Join(dir, "module.nix"))
	ss.open(muri, module)
	ss.waitDiags(muri, "a publication", func(publishParams) bool { return true })
	var hover json.RawMessage
	if err := ss.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": muri}, "position": map[string]any{"line": 0, "character": 40}}, &hover); err != nil {
		t.Fatal(err)
	}
}
