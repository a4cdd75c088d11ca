package nixpkgs

import (
	"bytes"
	"context"
	"encoding/gob"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func buildFixturePackages(t testing.TB) *Packages {
	t.Helper()
	p, err := BuildPackages(context.Background(), fixture)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestPackages(t *testing.T) {
	ps := buildFixturePackages(t)
	for _, c := range []struct {
		name    string
		file    string
		text    string // at Start:End in File, "" for 0,0
		def     string // Def's text at DefStart:DefEnd, "" for no Def
		byName  bool
		alias   bool
		aliasOf string
		message string
		desc    string
	}{
		{name: "hello", file: "pkgs/by-name/he/hello/package.nix", byName: true, desc: `Program that prints a friendly "hello"`},
		{name: "ripgrep", file: "pkgs/by-name/ri/ripgrep/package.nix", byName: true}, // interpolated description
		{name: "foo", file: "pkgs/applications/misc/foo/default.nix", def: "foo", desc: "A program called foo"},
		{name: "bar", file: "pkgs/tools/bar/bar.nix", def: "bar"},
		{name: "bar-low", file: "pkgs/tools/bar/bar.nix", def: "bar-low"},
		{name: "bar-cli", file: "pkgs/tools/bar/tools.nix", def: "bar-cli", desc: "bar on the command line"},
		{name: "bar-gui", file: "pkgs/tools/bar/tools.nix", def: "bar-gui", desc: "bar on the command line"},
		{name: "sigtool", file: allPackagesNix, text: "sigtool"},
		{name: "python3Packages", file: allPackagesNix, text: "python3Packages"},
		{name: "quoted-name", file: allPackagesNix, text: `"quoted-name"`},
		{name: "ripgrep-override", file: allPackagesNix, text: "ripgrep-override"},
		{name: "fooWithPlugins", file: "pkgs/applications/misc/foo/default.nix", def: "fooWithPlugins", desc: "A program called foo"},
		{name: "_type", file: allPackagesNix, text: "_type"},
		{name: "hello-old", file: aliasesNix, text: "hello-old", alias: true, aliasOf: "hello"},
		{name: "fooOld", file: aliasesNix, text: "fooOld", alias: true, message: "'fooOld' has been renamed to/replaced by 'foo'"},
		{name: "gone", file: aliasesNix, text: "gone", alias: true},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, ok := ps.Lookup(c.name)
			if !ok {
				t.Fatal("not found")
			}
			if p.File != c.file || p.ByName != c.byName || p.Alias != c.alias || p.AliasOf != c.aliasOf || p.Message != c.message {
				t.Errorf("got %+v", *p)
			}
			if c.text == "" {
				if p.Start != 0 || p.End != 0 {
					t.Errorf("range %d-%d in a package file", p.Start, p.End)
				}
			} else if src, _ := os.ReadFile(filepath.Join(fixture, p.File)); string(src[p.Start:p.End]) != c.text {
				t.Errorf("range %d-%d is %q, want %q", p.Start, p.End, src[p.Start:p.End], c.text)
			}
			if c.def == "" {
				if p.Def != "" {
					t.Errorf("def %s", p.Def)
				}
			} else if src, _ := os.ReadFile(filepath.Join(fixture, p.Def)); p.Def != allPackagesNix || string(src[p.DefStart:p.DefEnd]) != c.def {
				t.Errorf("def %s %d-%d", p.Def, p.DefStart, p.DefEnd)
			}
			if got := Describe(fixture, p); got != c.desc {
				t.Errorf("description %q, want %q", got, c.desc)
			}
		})
	}
	// The real foo is not shadowed by the alias of that name.
	if p, _ := ps.Lookup("foo"); p.Alias {
		t.Error("foo is the alias")
	}
	for _, name := range []string{"dynamic", "", "zzz", "lib", "extra"} {
		if p, ok := ps.Lookup(name); ok {
			t.Errorf("Lookup(%q) = %+v", name, p)
		}
	}
	if s := ps.Stats; s.Files != 2 || s.Entries != len(ps.Entries) || s.Entries != 16 || s.Skipped != 1 || s.Bytes < 500 || s.Took <= 0 {
		t.Errorf("stats %+v", s)
	}
	for i := 1; i < len(ps.Entries); i++ {
		if ps.Entries[i-1].Name >= ps.Entries[i].Name {
			t.Errorf("entries out of order: %s then %s", ps.Entries[i-1].Name, ps.Entries[i].Name)
		}
	}
}

func TestWithPrefix(t *testing.T) {
	ps := buildFixturePackages(t)
	names := func(list []Package) string {
		var s []string
		for _, p := range list {
			s = append(s, p.Name)
		}
		return strings.Join(s, " ")
	}
	for _, c := range []struct {
		prefix string
		max    int
		want   string
	}{
		{"bar", 0, "bar bar-cli bar-gui bar-low"},
		{"bar-", 0, "bar-cli bar-gui bar-low"},
		{"bar", 2, "bar bar-cli"},
		{"foo", -1, "foo fooOld fooWithPlugins"},
		{"hello", 0, "hello hello-old"},
		{"r", 0, "ripgrep ripgrep-override"},
		{"x", 0, ""},
		{"", 3, "_type bar bar-cli"},
	} {
		if got := names(ps.WithPrefix(c.prefix, c.max)); got != c.want {
			t.Errorf("WithPrefix(%q, %d) = %s, want %s", c.prefix, c.max, got, c.want)
		}
	}
	if n := len(ps.WithPrefix("", 0)); n != len(ps.Entries) {
		t.Errorf("WithPrefix(\"\", 0) gives %d of %d", n, len(ps.Entries))
	}
}

func TestDescribe(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{`{ stdenv }: stdenv.mkDerivation { meta = { description = "plain"; }; }`, "plain"},
		{`{ stdenv }: stdenv.mkDerivation { meta.description = "dotted \"quoted\"\n"; }`, "dotted \"quoted\"\n"},
		{`{ lib, stdenv }: stdenv.mkDerivation { meta = with lib; { description = "with lib"; }; }`, "with lib"},
		{`{ stdenv }: stdenv.mkDerivation (finalAttrs: { meta = { description = "final ${finalAttrs.pname}"; }; })`, ""},
		{"{ stdenv }: stdenv.mkDerivation { meta.description = ''\n    indented ''${x}\n  ''; }", "indented ${x}"},
		{`{ stdenv }: stdenv.mkDerivation { passthru.x = { meta.description = "inner"; }; meta.description = "outer"; }`, "outer"},
		{`{ stdenv }: stdenv.mkDerivation { meta = import ./meta.nix; }`, ""},
		{`{ stdenv }: stdenv.mkDerivation { `, ""},
	} {
		if got := describeSource([]byte(c.src)); got != c.want {
			t.Errorf("describe %s = %q, want %q", c.src, got, c.want)
		}
	}
	if got := Describe(fixture, &Package{Name: "x", File: "pkgs/by-name/no/none/package.nix", ByName: true}); got != "" {
		t.Errorf("a missing file: %q", got)
	}
	if got := Describe(fixture, nil); got != "" {
		t.Errorf("nil: %q", got)
	}
}

func TestPackagesErrors(t *testing.T) {
	if _, err := BuildPackages(context.Background(), filepath.Join(fixture, "lib")); err != ErrNotNixpkgs {
		t.Errorf("lib only: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := BuildPackages(ctx, fixture); err == nil {
		t.Error("cancelled build succeeded")
	}
}

func TestPackagesGob(t *testing.T) {
	ps := buildFixturePackages(t)
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(ps); err != nil {
		t.Fatal(err)
	}
	var got Packages
	if err := gob.NewDecoder(&buf).Decode(&got); err != nil {
		t.Fatal(err)
	}
	if got.Root != ps.Root || got.Stats != ps.Stats || len(got.Entries) != len(ps.Entries) {
		t.Fatalf("round trip: %+v", got.Stats)
	}
	for i := range got.Entries {
		if got.Entries[i] != ps.Entries[i] {
			t.Errorf("entry %d: %+v, before %+v", i, got.Entries[i], ps.Entries[i])
		}
	}
}
