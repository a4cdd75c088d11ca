package env_test

import (
	"context"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/flake-lsp/flake-lsp/analysis/complete"
	"github.com/flake-lsp/flake-lsp/analysis/env"
	"github.com/flake-lsp/flake-lsp/analysis/hover"
	"github.com/flake-lsp/flake-lsp/analysis/navigate"
	"github.com/flake-lsp/flake-lsp/analysis/nixpkgs"
	"github.com/flake-lsp/flake-lsp/analysis/options"
	"github.com/flake-lsp/flake-lsp/analysis/scope"
	"github.com/flake-lsp/flake-lsp/analysis/unit"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// fixtureEnv is the Env of a NixOS module with the fixture indexes:
// testdata/index/nixpkgs's lib and packages, testdata/env/nixos's and
// analysis/options/testdata/index/nixos's options.
var fixture struct {
	once sync.Once
	env  unit.Env
	err  error
}

func fixtureEnv(tb testing.TB) unit.Env {
	fixture.once.Do(func() {
		ctx := context.Background()
		lib, err := nixpkgs.BuildLib(ctx, "../../testdata/index/nixpkgs")
		if err != nil {
			fixture.err = err
			return
		}
		pkgs, err := nixpkgs.BuildPackages(ctx, "../../testdata/index/nixpkgs")
		if err != nil {
			fixture.err = err
			return
		}
		var idx []*options.Index
		for _, root := range []string{"../../testdata/env/nixos", "../options/testdata/index/nixos"} {
			for _, l := range options.Detect(root) {
				ix, err := options.BuildLayout(ctx, root, l)
				if err != nil {
					fixture.err = err
					return
				}
				idx = append(idx, ix)
			}
		}
		fixture.env = unit.Env{Lib: lib, Packages: pkgs, PackageRoot: "../../testdata/index/nixpkgs",
			Options: map[string]*options.Index{"nixos": options.Merge(idx...)}, System: "nixos"}
	})
	if fixture.err != nil {
		tb.Fatal(fixture.err)
	}
	return fixture.env
}

// FuzzModuleFeatures: any bytes as a NixOS module of a flake whose
// nixpkgs is indexed (the fixture trees), as `flake.nix` too. No panic;
// the option checks' diagnostics and fixes lie inside the text; at every
// offset completion, hover, definition and env.At answer with ranges
// inside the text (or in a file of the indexed trees).
func FuzzModuleFeatures(f *testing.F) {
	for _, p := range []string{"../../testdata/env/consumer.txt", "../../testdata/env/nixos/nixos/modules/services/networking/ssh/sshd.nix"} {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data, false)
		}
	}
	f.Add([]byte("{ config, lib, pkgs, ... }: {\n  services.openssh.settings.PermitRootLogin = \"no\";\n  users.users.a = { shel = 1; };\n  environment.systemPackages = with pkgs; [ hello ];\n  x = lib.strings.concatStringsSep;\n  services.sshd.enable = lib.mkIf true true;\n}\n"), false)
	f.Add([]byte("{ outputs = { nixpkgs, ... }: { nixosConfigurations.a = nixpkgs.lib.nixosSystem { modules = [ { networking.hostNme = 1; home-manager.users.x = { programs.git.enable = true; }; } ]; }; }; }"), true)
	f.Fuzz(func(t *testing.T, src []byte, isFlake bool) {
		if len(src) > 4096 {
			return
		}
		e := fixtureEnv(t)
		tree := syntax.Parse(src)
		v := syntax.NewView(tree, src)
		tree.Close()
		path := "/x/m.nix"
		if isFlake {
			path = "/x/flake.nix"
		}
		u := &unit.Unit{Path: path, Src: src, View: v, Env: &e, Scope: scope.Analyze(v, scope.Options{File: path, Flake: isFlake})}
		for _, d := range env.CheckOptions(u) {
			if d.Start < 0 || d.Start > d.End || d.End > len(src) || d.Code == "" || d.Message == "" {
				t.Fatalf("diagnostic %+v outside %d bytes", d, len(src))
			}
			if d.Fix != nil && (d.Fix.Start < 0 || d.Fix.Start > d.Fix.End || d.Fix.End > len(src)) {
				t.Fatalf("fix %+v outside %d bytes", d.Fix, len(src))
			}
		}
		deadline := time.Now().Add(20 * time.Second)
		for off := 0; off <= len(src); off++ {
			if time.Now().After(deadline) {
				t.Fatalf("features at every offset of %d bytes take over 20 s", len(src))
			}
			for _, c := range complete.Complete(u, off) {
				if c.Start < 0 || c.Start > c.End || c.End > len(src) {
					t.Fatalf("completion %q at %d replaces %d-%d of %d bytes", c.Label, off, c.Start, c.End, len(src))
				}
			}
			if r, ok := hover.Hover(u, off, time.Time{}); ok && (r.Start < 0 || r.Start > r.End || r.End > len(src)) {
				t.Fatalf("hover at %d covers %d-%d of %d bytes", off, r.Start, r.End, len(src))
			}
			for _, l := range navigate.Definition(u, off) {
				if l.Path == path && (l.Start < 0 || l.Start > l.End || l.End > len(src)) {
					t.Fatalf("definition at %d: %d-%d of %d bytes", off, l.Start, l.End, len(src))
				}
			}
			if r, ok := env.At(u, off); ok {
				if r.Start < 0 || r.Start > r.End || r.End > len(src) {
					t.Fatalf("env.At(%d): %d-%d of %d bytes", off, r.Start, r.End, len(src))
				}
				if file, _, _ := r.File(); file == "" {
					t.Fatalf("env.At(%d): %v without a file", off, r.Kind)
				}
			}
		}
	})
}
