package lockfile

import (
	"github.com/flake-lsp/flake-lsp/analysis"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func problemCodes(ps []Problem) string {
	var c []string
	for _, p := range ps {
		c = append(c, p.Code)
	}
	return strings.Join(c, ",")
}

const sample = `{
  "nodes": {
    "home-manager": {
      "inputs": { "nixpkgs": "nixpkgs_2" },
      "locked": { "lastModified": 1700000000, "narHash": "sha256-AAAA", "owner": "nix-community", "repo": "home-manager", "rev": "1111111111111111111111111111111111111111", "type": "github" },
      "original": { "owner": "nix-community", "repo": "home-manager", "type": "github" }
    },
    "nixpkgs": {
      "locked": { "lastModified": 1700000001, "narHash": "sha256-BBBB", "owner": "NixOS", "repo": "nixpkgs", "rev": "2222222222222222222222222222222222222222", "type": "github" },
      "original": { "owner": "NixOS", "ref": "nixos-unstable", "repo": "nixpkgs", "type": "github" }
    },
    "nixpkgs_2": {
      "locked": { "lastModified": 1700000002, "narHash": "sha256-CCCC", "owner": "NixOS", "repo": "nixpkgs", "rev": "3333333333333333333333333333333333333333", "type": "github" },
      "original": { "owner": "NixOS", "ref": "nixos-24.05", "repo": "nixpkgs", "type": "github" }
    },
    "root": {
      "inputs": { "home-manager": "home-manager", "nixpkgs": "nixpkgs", "pkgs2": ["home-manager", "nixpkgs"] }
    },
    "stray": {
      "locked": { "narHash": "sha256-DDDD", "path": "/x", "type": "path" },
      "original": { "path": "/x", "type": "path" }
    }
  },
  "root": "root",
  "version": 7
}
`

func TestSample(t *testing.T) {
	lf, problems := Parse([]byte(sample))
	if got := problemCodes(problems); got != "lock-unused-node" {
		t.Fatalf("problems: %v", problems)
	}
	if p := problems[0]; sample[p.Start:p.End] != `"stray"` {
		t.Errorf("unused node points at %q", sample[p.Start:p.End])
	}
	n, err := lf.Resolve([]string{"pkgs2"})
	if err != nil || n.Key != "nixpkgs_2" {
		t.Fatalf("pkgs2 resolves to %v, %v", n, err)
	}
	d := lf.Duplicates()
	if len(d) != 1 || d[0].Keep != "nixpkgs" || len(d[0].Others) != 1 || d[0].Others[0] != "nixpkgs_2" {
		t.Fatalf("duplicates: %+v", d)
	}
	if want := `inputs.home-manager.inputs.nixpkgs.follows = "nixpkgs";`; len(d[0].Fixes) != 1 || d[0].Fixes[0] != want {
		t.Errorf("fix: %v, want %s", d[0].Fixes, want)
	}
}

func TestErrors(t *testing.T) {
	cases := []struct{ src, codes string }{
		{`{"nodes": {"root": {}}, "root": "root", "version": 4}`, "lock-unsupported-version"},
		{`{"nodes": {"root": {}}, "root": "root"}`, "lock-unsupported-version"},
		{`{"nodes": {"root": {"inputs": {"a": "nope"}}}, "root": "root", "version": 7}`, "lock-missing-node"},
		{`{"nodes": {"root": {"inputs": {"a": ["b"]}}}, "root": "root", "version": 7}`, "lock-bad-follows"},
		{`{"nodes": {"root": {"inputs": {"a": ["a"]}}}, "root": "root", "version": 7}`, "lock-bad-follows"},
		{`{"nodes": {"root": {"inputs": {"a": "a"}}, "a": {"locked": {"type": "github", "owner": "o", "repo": "r"}, "original": {"type": "github", "owner": "o", "repo": "r"}}}, "root": "root", "version": 7}`, "lock-unlocked-input"},
		{`{"nodes": {"root": {}}, "root": "root", "version": 7,}`, "lock-json-error"},
		{`{"nodes": `, "lock-json-error"},
		{`[]`, "lock-malformed"},
	}
	for _, c := range cases {
		_, problems := Parse([]byte(c.src))
		if got := problemCodes(problems); got != c.codes {
			t.Errorf("%s: %s, want %s (%v)", c.src, got, c.codes, problems)
		}
	}
}

// Every lock under testdata/flakes parses; those flakes' duplicated
// dependencies are found with a fix for each.
func TestTestdataLocks(t *testing.T) {
	locks, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "flakes", "*", "flake.lock"))
	if len(locks) < 40 {
		t.Fatalf("only %d locks", len(locks))
	}
	withDuplicates := 0
	for _, f := range locks {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lf, problems := Parse(src)
		for _, p := range problems {
			if p.Severity == analysis.Error {
				t.Errorf("%s: %s: %s", f, p.Code, p.Message)
			}
		}
		if lf == nil {
			continue
		}
		if d := lf.Duplicates(); len(d) > 0 {
			withDuplicates++
		}
	}
	if withDuplicates < 6 {
		t.Errorf("only %d testdata locks have duplicated dependencies", withDuplicates)
	}
}

func TestJSONPositionsAndErrors(t *testing.T) {
	v, err := ParseJSON([]byte(` {"a": [1, "x\u00e9", true, null, -2.5e3]} `))
	if err != nil {
		t.Fatal(err)
	}
	a := v.Get("a")
	if a.Kind != Array || len(a.Items) != 5 || a.Items[1].Str != "xé" || a.Items[4].Num != -2500 {
		t.Fatalf("%+v", a)
	}
	if a.Start != 7 || a.Items[0].Start != 8 {
		t.Errorf("positions %d %d", a.Start, a.Items[0].Start)
	}
	for _, bad := range []string{`{"a" 1}`, `[1,]`, `"\q"`, `01x`, `{"a":1} x`, `"abc`, strings.Repeat("[", 300)} {
		if _, err := ParseJSON([]byte(bad)); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
}
