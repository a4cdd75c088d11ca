package deps

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/flake-lsp/flake-lsp/analysis/lockfile"
	"github.com/flake-lsp/flake-lsp/analysis/store"
)

// TestMembersAgainstNix locks a consumer of the fixture flakes with real
// Nix (path: inputs, home-manager's nixpkgs following ours, a chroot
// store, offline), has Nix evaluate the attribute names of the
// dependencies' outputs, removes the directories the inputs were locked
// from (so only the store copies Nix made remain), and checks that our
// reading of the store finds the same sources and, from their text, the
// same names.
func TestMembersAgainstNix(t *testing.T) {
	for _, tool := range []string{"nix"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skip("SKIPPED: " + tool + " is not installed; this test checks what we read from the store against real Nix")
		}
	}
	tmp := t.TempDir()
	copyTree(t, "../../testdata/deps/dep", filepath.Join(tmp, "hm"))
	copyTree(t, "../../testdata/deps/nixpkgs", filepath.Join(tmp, "nixpkgs"))
	consumer := filepath.Join(tmp, "consumer")
	if err := os.MkdirAll(consumer, 0o755); err != nil {
		t.Fatal(err)
	}
	flakeNix := `{
  inputs.nixpkgs.url = "path:` + tmp + `/nixpkgs";
  inputs.home-manager.url = "path:` + tmp + `/hm";
  inputs.home-manager.inputs.nixpkgs.follows = "nixpkgs";
  outputs = { self, nixpkgs, home-manager }: {
    names = {
      top = builtins.attrNames home-manager.outputs;
      nixosModules = builtins.attrNames home-manager.nixosModules;
      packages = builtins.attrNames home-manager.packages;
      packagesX = builtins.attrNames home-manager.packages.x86_64-linux;
      packagesA = builtins.attrNames home-manager.packages.aarch64-darwin;
      lib = builtins.attrNames home-manager.lib;
      legacy = builtins.attrNames home-manager.legacyPackages.x86_64-linux;
      nixpkgsLib = builtins.attrNames home-manager.inputs.nixpkgs.lib;
      hm = [ home-manager.outPath ];
      hmNixpkgs = [ home-manager.inputs.nixpkgs.outPath ];
    };
  };
}
`
	if err := os.WriteFile(filepath.Join(consumer, "flake.nix"), []byte(flakeNix), 0o644); err != nil {
		t.Fatal(err)
	}
	root := filepath.Join(tmp, "root")
	args := []string{"--extra-experimental-features", "nix-command flakes", "--store", root, "--offline"}
	nix := func(more ...string) []byte {
		home := t.TempDir()
		cmd := exec.Command("nix", append(append([]string{}, args...), more...)...)
		for _, e := range os.Environ() {
			if !strings.HasPrefix(e, "NIX_STORE_DIR=") && !strings.HasPrefix(e, "NIX_STORE=") {
				cmd.Env = append(cmd.Env, e)
			}
		}
		cmd.Env = append(cmd.Env, "HOME="+home, "XDG_CACHE_HOME="+filepath.Join(home, ".cache"),
			"XDG_CONFIG_HOME="+filepath.Join(home, ".config"), "NIX_CONFIG=build-users-group =")
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("nix %s: %v\n%s", strings.Join(more, " "), err, stderr.String())
		}
		return stdout.Bytes()
	}
	nix("flake", "lock", consumer)
	var want map[string][]string
	if err := json.Unmarshal(nix("eval", "--json", consumer+"#names"), &want); err != nil {
		t.Fatal(err)
	}
	// Only the store copies remain.
	for _, d := range []string{"hm", "nixpkgs"} {
		if err := os.RemoveAll(filepath.Join(tmp, d)); err != nil {
			t.Fatal(err)
		}
	}
	lockSrc, err := os.ReadFile(filepath.Join(consumer, "flake.lock"))
	if err != nil {
		t.Fatal(err)
	}
	lf, problems := lockfile.Parse(lockSrc)
	if lf == nil || len(problems) > 0 {
		t.Fatalf("flake.lock: %v", problems)
	}
	st, err := store.Parse(root, nil)
	if err != nil {
		t.Fatal(err)
	}
	set := New(st).For(consumer, lf)
	u := analysed(filepath.Join(consumer, "flake.nix"), []byte(flakeNix), lf, set)
	for _, c := range []struct {
		path []string
		key  string
	}{{[]string{"home-manager"}, "hm"}, {[]string{"home-manager", "nixpkgs"}, "hmNixpkgs"}} {
		d := set.Dependency(c.path)
		if d == nil || d.Unit == nil {
			t.Fatalf("%v: not read: %+v", c.path, d)
		}
		if d.Source.StorePath != want[c.key][0] || d.Dir != filepath.Join(root, want[c.key][0]) {
			t.Errorf("%v: read from %s (store path %s), Nix evaluates it to %s", c.path, d.Dir, d.Source.StorePath, want[c.key][0])
		}
	}
	hm := []string{"home-manager"}
	for _, c := range []struct {
		key      string
		dep, out []string
	}{
		{"top", hm, nil},
		{"nixosModules", hm, []string{"nixosModules"}},
		{"packages", hm, []string{"packages"}},
		{"packagesX", hm, []string{"packages", "x86_64-linux"}},
		{"packagesA", hm, []string{"packages", "aarch64-darwin"}},
		{"lib", hm, []string{"lib"}},
		{"legacy", hm, []string{"legacyPackages", "x86_64-linux"}},
		{"nixpkgsLib", []string{"home-manager", "nixpkgs"}, []string{"lib"}},
	} {
		ms, ok := Members(u, c.dep, c.out)
		if !ok {
			t.Errorf("%s: not read", c.key)
			continue
		}
		var got []string
		for _, m := range ms {
			got = append(got, m.Name)
		}
		sort.Strings(got)
		if strings.Join(got, " ") != strings.Join(want[c.key], " ") {
			t.Errorf("%s: we read %v, Nix evaluates %v", c.key, got, want[c.key])
		}
	}
}
