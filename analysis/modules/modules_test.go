package modules

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/flake-lsp/flake-lsp/analysis/unit"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// parse returns the unit of src with the offset of the `|` marker (which
// is removed).
func parse(t *testing.T, src string) (*unit.Unit, int) {
	t.Helper()
	off := strings.Index(src, "|")
	src = strings.Replace(src, "|", "", 1)
	tree := syntax.Parse([]byte(src))
	t.Cleanup(tree.Close)
	v := syntax.NewView(tree, []byte(src))
	return &unit.Unit{Path: "/x/m.nix", Src: []byte(src), View: v}, off
}

func TestContext(t *testing.T) {
	type want struct {
		ok     bool
		sys    System
		parent string // Parent() joined with "."
		path   string // Path() joined
		top    bool
	}
	tests := []struct {
		name  string
		src   string
		flake bool
		want  want
	}{
		{"shorthand key", `{ config, lib, pkgs, ... }: { services.openssh.ena|ble = true; }`, false,
			want{true, NixOS, "services.openssh", "services.openssh.enable", false}},
		{"shorthand first key", `{ config, pkgs, ... }: { serv|ices.openssh.enable = true; }`, false,
			want{true, NixOS, "", "services", false}},
		{"nested set", `{ lib, ... }: { services.openssh = { settings = { Permit|RootLogin = "no"; }; }; }`, false,
			want{true, NixOS, "services.openssh.settings", "services.openssh.settings.PermitRootLogin", false}},
		{"set body", `{ lib, ... }: { networking = { | }; }`, false,
			want{true, NixOS, "networking", "networking", false}},
		{"mkIf", `{ config, lib, ... }: { config = lib.mkIf config.x.enable { services.nginx.enab|le = true; }; }`, false,
			want{true, NixOS, "services.nginx", "services.nginx.enable", false}},
		{"explicit dotted", `{ config, lib, ... }: { options.x = 1; config.services.nginx.en|able = true; }`, false,
			want{true, NixOS, "services.nginx", "services.nginx.enable", false}},
		{"explicit top", `{ config, lib, ... }: { options.x = 1; con|fig = { }; }`, false,
			want{true, NixOS, "", "config", true}},
		{"mkMerge", `{ lib, ... }: { config = lib.mkMerge [ { a.b = 1; } (lib.mkIf true { boot.load|er = 1; }) ]; }`, false,
			want{true, NixOS, "boot", "boot.loader", false}},
		{"options are not settings", `{ lib, ... }: { options.services.x = { ena|ble = lib.mkEnableOption "x"; }; }`, false,
			want{ok: false}},
		{"let is not settings", `{ lib, ... }: let a = { b| = 1; }; in { }`, false, want{ok: false}},
		{"imports are not settings", `{ lib, ... }: { imports = [ ./a.nix ]; x = { y| = 1; }; }`, false,
			want{true, NixOS, "x", "x.y", false}},
		{"function argument is not settings", `{ lib, ... }: { x = f { y| = 1; }; }`, false, want{ok: false}},
		{"not a module", `{ a = { b| = 1; }; }`, false, want{ok: false}},
		{"home-manager by osConfig", `{ osConfig, ... }: { programs.git.en|able = true; }`, false,
			want{true, HomeManager, "programs.git", "programs.git.enable", false}},
		{"flake nixosSystem inline", `{ outputs = { nixpkgs, ... }: { nixosConfigurations.box = nixpkgs.lib.nixosSystem { modules = [ ({ pkgs, ... }: { boot.isCon|tainer = true; }) ]; }; }; }`, true,
			want{true, NixOS, "boot", "boot.isContainer", false}},
		{"flake nixosModules", `{ outputs = { ... }: { nixosModules.default = { config, ... }: { services.foo.ena|ble = true; }; }; }`, true,
			want{true, NixOS, "services.foo", "services.foo.enable", false}},
		{"flake darwin", `{ outputs = { darwin, ... }: { darwinConfigurations.mac = darwin.lib.darwinSystem { modules = [ { system.defa|ults = 1; } ]; }; }; }`, true,
			want{true, Darwin, "system", "system.defaults", false}},
		{"nested home-manager", `{ outputs = { nixpkgs, ... }: { nixosConfigurations.box = nixpkgs.lib.nixosSystem { modules = [ { home-manager.users.alice = { pkgs, ... }: { programs.git.user|Name = "a"; }; } ]; }; }; }`, true,
			want{true, HomeManager, "programs.git", "programs.git.userName", false}},
		{"imports inline", `{ outputs = { nixpkgs, ... }: { nixosConfigurations.box = nixpkgs.lib.nixosSystem { modules = [ { imports = [ { networking.host|Name = "x"; } ]; } ]; }; }; }`, true,
			want{true, NixOS, "networking", "networking.hostName", false}},
		{"flake outputs are not settings", `{ outputs = { ... }: { packages.x86_64-linux.def|ault = 1; }; }`, true, want{ok: false}},
		{"quoted name", `{ lib, ... }: { users.users."alice".sh|ell = 1; }`, false,
			want{true, NixOS, "users.users.alice", "users.users.alice.shell", false}},
		{"computed name", `{ lib, ... }: { users.users.${n}.sh|ell = 1; }`, false, want{ok: false}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			u, off := parse(t, tc.src)
			f := Find(u.View, "", false, tc.flake)
			c, ok := At(u, f, off)
			if ok != tc.want.ok {
				t.Fatalf("ok = %v, want %v (context %+v)", ok, tc.want.ok, c)
			}
			if !ok {
				return
			}
			got := want{true, c.Module.System, strings.Join(c.Parent(), "."), strings.Join(c.Path(), "."), c.Top}
			if got != tc.want {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestSettings(t *testing.T) {
	u, _ := parse(t, `{ config, lib, ... }: {
  options.my.x = lib.mkEnableOption "x";
  imports = [ ./a.nix ];
  config = lib.mkIf config.my.x (lib.mkMerge [
    { services.openssh = { enable = true; settings.PermitRootLogin = "no"; }; }
    { users.users.${name}.shell = 1; networking.hostName = "h"; }
  ]);
}|`)
	f := Find(u.View, NixOS, true, false)
	if len(f.Modules) != 1 || !f.Modules[0].Explicit {
		t.Fatalf("modules = %+v", f.Modules)
	}
	var got []string
	Settings(u.View, f.Modules[0], func(s Setting) bool {
		got = append(got, strings.Join(s.Path, "."))
		return true
	})
	want := []string{"services.openssh", "services.openssh.enable", "services.openssh.settings.PermitRootLogin", "networking.hostName"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("settings = %q, want %q", got, want)
	}
	if len(f.Files) != 1 || f.Files[0].Path != "./a.nix" || f.Files[0].System != NixOS {
		t.Errorf("files = %+v", f.Files)
	}
}

func TestGraph(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("flake.nix", `{
  outputs = { nixpkgs, darwin, home-manager, ... }: {
    nixosConfigurations.box = nixpkgs.lib.nixosSystem { modules = [ ./hosts/box ./common.nix ]; };
    darwinConfigurations.mac = darwin.lib.darwinSystem { modules = [ (import ./darwin.nix) ]; };
    homeConfigurations.me = home-manager.lib.homeManagerConfiguration { modules = [ ./home/me.nix ]; };
  };
}`)
	write("hosts/box/default.nix", `{ ... }: { imports = [ ./hardware.nix ]; home-manager.users.alice = import ../../home/alice.nix; }`)
	write("hosts/box/hardware.nix", `{ ... }: { }`)
	write("common.nix", `{ ... }: { }`)
	write("darwin.nix", `{ ... }: { }`)
	write("home/me.nix", `{ ... }: { imports = [ ./shared.nix ]; }`)
	write("home/alice.nix", `{ ... }: { }`)
	write("home/shared.nix", `{ ... }: { }`)
	g := Graph(filepath.Join(dir, "flake.nix"), nil)
	want := map[string]System{
		"hosts/box":              NixOS,
		"hosts/box/default.nix":  NixOS,
		"hosts/box/hardware.nix": NixOS,
		"common.nix":             NixOS,
		"darwin.nix":             Darwin,
		"home/me.nix":            HomeManager,
		"home/alice.nix":         HomeManager,
		"home/shared.nix":        HomeManager,
	}
	got := map[string]System{}
	for p, s := range g {
		rel, _ := filepath.Rel(dir, p)
		got[filepath.ToSlash(rel)] = s
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("graph = %v\nwant %v", got, want)
	}
}
