package flake

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/flake-lsp/flake-lsp/analysis"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// Strings Nix reads as constants where flake.nix must hold a literal:
// "..." without interpolation, URL literals and indented strings that
// Nix's lexer reads as one piece (checked with Nix 2.8, see
// testdata/nixcheck/literal-*).
func TestConstantStrings(t *testing.T) {
	q := "''"
	cases := []struct{ name, flake, want string }{
		{"URL literal url", `{ inputs.nur.url = github:nix-community/NUR; outputs = { self, nur }: { lib.nur = nur; }; }`, ""},
		{"indented description", "{ description = " + q + "\n    A flake\n    with two lines.\n  " + q + "; outputs = { self }: { }; }", ""},
		{"one-line indented description", "{ description = " + q + "tools" + q + "; outputs = { self }: { }; }", ""},
		{"empty indented description", "{ description = " + q + q + "; outputs = { self }: { }; }", ""},
		{"indented description with $ inside", "{ description = " + q + "costs $5 or $$" + q + "; outputs = { self }: { }; }", ""},
		{"indented description with an escape", "{ description = " + q + "a " + q + "$ b" + q + "; outputs = { self }: { }; }", "flake-not-literal"},
		{"indented description ending in $", "{ description = " + q + "a$" + q + "; outputs = { self }: { }; }", "flake-not-literal"},
		{"indented description with interpolation", "{ description = " + q + "a ${\"b\"}" + q + "; outputs = { self }: { }; }", "flake-not-literal"},
		{"indented url", "{ inputs.a.url = " + q + "github:o/r" + q + "; outputs = { self, a }: { lib.a = a; }; }", ""},
		{"indented follows", "{ inputs.a.url = \"github:o/r\"; inputs.b.url = \"github:o/b\"; inputs.b.inputs.a.follows = " + q + "a" + q + "; outputs = { self, a, b }: { lib = { inherit a b; }; }; }", ""},
		{"indented input attribute", "{ inputs.a = { type = " + q + "github" + q + "; owner = \"o\"; repo = \"r\"; }; outputs = { self, a }: { lib.a = a; }; }", ""},
		{"indented nixConfig value", "{ nixConfig.bash-prompt = " + q + "dev> " + q + "; outputs = { self }: { }; }", ""},
		{"URL literal in a nixConfig list", `{ nixConfig.extra-substituters = [ https://cache.example.org ]; outputs = { self }: { }; }`, "nixconfig-substituters"},
		{"indented string in a nixConfig list", "{ nixConfig.bash-prompt-suffix = [ " + q + "x" + q + " ]; outputs = { self }: { }; }", ""},
		{"rec top level referring to an indented description", "rec { description = " + q + "github:o/r" + q + "; inputs.a.url = description; outputs = { self, a }: { lib.a = a; }; }", "flake-rec-reference"},
		{"rec top level referring to a URL literal", "rec { description = github:o/r; inputs.a.url = description; outputs = { self, a }: { lib.a = a; }; }", "flake-rec-reference"},
		{"rec inputs", `{ inputs = rec { a.url = "github:o/r"; }; outputs = { self, a }: { lib.a = a; }; }`, ""},
		{"rec input", `{ inputs.a = rec { url = "github:o/r"; flake = true; }; outputs = { self, a }: { lib.a = a; }; }`, ""},
		{"rec nixConfig", `{ nixConfig = rec { bash-prompt = "x"; }; outputs = { self }: { }; }`, ""},
		{"rec nixConfig reference", `{ nixConfig = rec { bash-prompt = "x"; bash-prompt-suffix = bash-prompt; }; outputs = { self }: { }; }`, "nixconfig-rec-reference"},
		{"rec nixConfig list element naming a string", `{ nixConfig = rec { bash-prompt = "x"; bash-prompt-suffix = [ bash-prompt ]; }; outputs = { self }: { }; }`, ""},
		{"rec nixConfig list element naming a list", `{ nixConfig = rec { bash-prompt = [ "x" ]; bash-prompt-suffix = [ bash-prompt ]; }; outputs = { self }: { }; }`, "nixconfig-bad-value"},
	}
	for _, c := range cases {
		if got := codes(analyze(t, c.flake)); got != c.want {
			t.Errorf("%s: got [%s], want [%s]", c.name, got, c.want)
		}
	}
}

// The value of an indented string, as Nix's stripIndentation makes it.
func TestIndentedValue(t *testing.T) {
	cases := []struct{ src, want string }{
		{"''\n    A flake\n      indented\n    done.\n  ''", "A flake\n  indented\ndone.\n"},
		{"''  one line''", "one line"},
		{"''\n\n    after an empty line\n''", "\nafter an empty line\n"},
		{"''a'b $c''", "a'b $c"},
		{"''\n  ''", ""},
	}
	for _, c := range cases {
		src := []byte(c.src)
		tree := syntax.Parse(src)
		v := syntax.NewView(tree, src)
		n := unwrap(v, v.ChildByField(v.Root(), fieldExpression))
		got, offsets, ok := stringValue(v, n)
		if !ok || got != c.want {
			t.Errorf("%q: got %q, %v; want %q", c.src, got, ok, c.want)
		}
		if ok && len(offsets) != len(got)+1 {
			t.Errorf("%q: %d offsets for %d bytes", c.src, len(offsets), len(got))
		}
		for i := range got {
			if ok && src[offsets[i]] != got[i] {
				t.Errorf("%q: byte %d (%q) maps to %q", c.src, i, got[i], src[offsets[i]])
			}
		}
		tree.Close()
	}
}

// The problems of a URL in an indented string or a URL literal are
// placed on its text.
func TestURLProblemsInConstants(t *testing.T) {
	for _, src := range []string{
		"{ inputs.a.url = ''github:o''; outputs = { self, a }: { lib.a = a; }; }",
		"{ inputs.a.url = github:o; outputs = { self, a }: { lib.a = a; }; }",
	} {
		diags := analyze(t, src)
		if len(diags) != 1 || diags[0].Code != "url-invalid-forge-path" {
			t.Fatalf("%q: %v", src, diags)
		}
		if got := src[diags[0].Start:diags[0].End]; got != "o" {
			t.Errorf("%q: the problem is on %q", src, got)
		}
	}
}

// A relative path input that leaves the flake's directory: fine inside
// the Git repository that holds the flake (Nix fetches the repository),
// an error past it, a warning without a repository.
func TestPathInputsInRepository(t *testing.T) {
	root := t.TempDir()
	write := func(rel, text string) {
		p := filepath.Join(root, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("outside/flake.nix", "{ outputs = { self }: { }; }")
	write("repo/flake.nix", "{ outputs = { self }: { }; }")
	write("repo/lib/flake.nix", "{ outputs = { self }: { }; }")
	sub := func(url string) string {
		return `{ inputs.top.url = "` + url + `"; outputs = { self, top }: { lib.top = top; }; }`
	}
	check := func(file, url, want string, sev analysis.Severity) {
		t.Helper()
		write(file, sub(url))
		src, _ := os.ReadFile(filepath.Join(root, file))
		tree := syntax.Parse(src)
		defer tree.Close()
		diags := Analyze(syntax.NewView(tree, src), Options{File: filepath.Join(root, file)}).Diagnostics
		if got := codes(diags); got != want {
			t.Errorf("%s %s: got [%s], want [%s]", file, url, got, want)
			return
		}
		if want != "" && diags[0].Severity != sev {
			t.Errorf("%s %s: severity %s, want %s", file, url, diags[0].Severity, sev)
		}
	}
	// No .git yet: the source tree is not known.
	check("repo/dev/flake.nix", "path:..", "input-path-outside", analysis.Warning)
	if err := os.Mkdir(filepath.Join(root, "repo", ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	check("repo/dev/flake.nix", "path:..", "", 0)
	check("repo/dev/flake.nix", "path:../.", "", 0)
	check("repo/dev/flake.nix", "path:../lib", "", 0)
	check("repo/dev/nested/flake.nix", "path:../..", "", 0)
	check("repo/dev/flake.nix", "path:../missing", "input-path-missing", analysis.Error)
	check("repo/dev/flake.nix", "path:../../outside", "input-path-outside", analysis.Error)
	check("repo/flake.nix", "path:../outside", "input-path-outside", analysis.Error)
	// A .git file (a worktree or submodule) marks a repository too.
	write("wt/.git", "gitdir: /elsewhere\n")
	write("wt/flake.nix", "{ outputs = { self }: { }; }")
	check("wt/dev/flake.nix", "path:..", "", 0)
}

// flake-parts' perSystem apps are modules: type defaults to "app" and
// program may be a derivation, so only program is required there.
func TestFlakePartsApps(t *testing.T) {
	flake := func(app string) string {
		return `{
  inputs.flake-parts.url = "github:hercules-ci/flake-parts";
  outputs = inputs@{ flake-parts, ... }:
    flake-parts.lib.mkFlake { inherit inputs; } {
      systems = [ "x86_64-linux" ];
      perSystem = { config, pkgs, ... }: {
        packages.default = pkgs.hello;
        apps.default = ` + app + `;
      };
    };
}`
	}
	cases := []struct{ app, want string }{
		{`{ program = config.packages.default; }`, ""},
		{`{ type = "app"; program = "${config.packages.default}/bin/hello"; }`, ""},
		{`{ type = "app"; }`, "outputs-app"},
	}
	for _, c := range cases {
		if got := codes(analyze(t, flake(c.app))); got != c.want {
			t.Errorf("%s: got [%s], want [%s]", c.app, got, c.want)
		}
	}
}
