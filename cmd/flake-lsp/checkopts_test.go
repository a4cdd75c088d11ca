package main

import (
	"bytes"
	"encoding/json"
	"github.com/flake-lsp/flake-lsp/internal/treecopy"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	nixstore "github.com/flake-lsp/flake-lsp/analysis/store"
)

// copyDir copies regular files and directories.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	if err := treecopy.Copy(src, dst); err != nil {
		t.Fatal(err)
	}
}

// TestCheckOptions: `flake-lsp check` checks the settings of a flake's
// modules against the options of its nixpkgs input, whose source (the
// fixture trees) is in a temporary store at its NAR hash's path.
func TestCheckOptions(t *testing.T) {
	storeDir := t.TempDir()
	t.Setenv("NIX_STORE_DIR", storeDir)
	t.Setenv("NIX_STORE", "")
	st := nixstore.Store{Dir: storeDir, Real: storeDir}
	tree := filepath.Join(t.TempDir(), "nixpkgs")
	copyDir(t, "../../testdata/index/nixpkgs", tree)
	copyDir(t, "../../testdata/env/nixos", tree)
	h, err := nixstore.HashPath(tree)
	if err != nil {
		t.Fatal(err)
	}
	sp, err := st.SourcePath(h)
	if err != nil {
		t.Fatal(err)
	}
	copyDir(t, tree, st.OnDisk(sp))

	dir := t.TempDir()
	files := map[string]string{
		"flake.nix": `{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
  outputs = { self, nixpkgs }: {
    nixosConfigurations.box = nixpkgs.lib.nixosSystem { modules = [ ./hosts/box.nix ]; };
  };
}
`,
		"hosts/box.nix": `{ config, lib, ... }:
{
  imports = [ ./hardware.nix ];
  services.sshd.enable = true;
  networking.hostName = "box";
}
`,
		"hosts/hardware.nix": `{ ... }: { services.opensh.enable = true; environment.etc.x.text = "not indexed here: not reported"; }
`,
		"flake.lock": `{"nodes": {"nixpkgs": {"locked": {"narHash": "` + h.SRI() + `", "owner": "NixOS", "repo": "nixpkgs", "rev": "2222222222222222222222222222222222222222", "type": "github", "lastModified": 1700000000}, "original": {"owner": "NixOS", "repo": "nixpkgs", "ref": "nixos-unstable", "type": "github"}}, "root": {"inputs": {"nixpkgs": "nixpkgs"}}}, "root": "root", "version": 7}
`,
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out, errOut bytes.Buffer
	code := run([]string{"check", "--format", "json", "--index-cache", "-", dir}, nil, &out, &errOut)
	if code != 0 {
		t.Fatalf("exit %d (warnings only): %s %s", code, out.String(), errOut.String())
	}
	var diags []struct {
		Path, Code, Message string
		Range               struct{ Start struct{ Line, Character int } }
	}
	if err := json.Unmarshal(out.Bytes(), &diags); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	var got []string
	for _, d := range diags {
		rel, _ := filepath.Rel(dir, d.Path)
		if d.Code == "unused-formal" {
			continue
		}
		got = append(got, rel+":"+d.Code)
	}
	sort.Strings(got)
	want := []string{"hosts/box.nix:option-renamed", "hosts/hardware.nix:unknown-option"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("diagnostics %v, want %v\n%s", got, want, out.String())
	}

	// --options=false: none of them.
	out.Reset()
	if code := run([]string{"check", "--format", "json", "--options=false", dir}, nil, &out, &errOut); code != 0 || strings.Contains(out.String(), "option-") {
		t.Errorf("--options=false: exit %d, %s", code, out.String())
	}
}
