package check

import (
	"fmt"
	"strings"
	"testing"

	"github.com/flake-lsp/flake-lsp/analysis/flake"
	"github.com/flake-lsp/flake-lsp/analysis/lockfile"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// benchFlake is a 300-line flake with 12 inputs, nested follows, outputs
// for four systems and a matching version 7 lock.
func benchFlake() (nix, lock []byte) {
	var b strings.Builder
	b.WriteString("{\n  description = \"A flake of realistic size for benchmarks\";\n\n  inputs = {\n")
	var nodes, root []string
	for i := 0; i < 12; i++ {
		fmt.Fprintf(&b, "    dep%d.url = \"github:example/dep%d/release-24.%02d\";\n", i, i, i)
		if i > 0 {
			fmt.Fprintf(&b, "    dep%d.inputs.dep0.follows = \"dep0\";\n", i)
		}
		inputs := ""
		if i > 0 {
			inputs = `"inputs": {"dep0": ["dep0"]}, `
		}
		nodes = append(nodes, fmt.Sprintf(`"dep%d": {%s"locked": {"lastModified": 1700000000, "narHash": "sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "owner": "example", "repo": "dep%d", "rev": "%040d", "type": "github"}, "original": {"owner": "example", "ref": "release-24.%02d", "repo": "dep%d", "type": "github"}}`, i, inputs, i, i, i, i))
		root = append(root, fmt.Sprintf(`"dep%d": "dep%d"`, i, i))
	}
	b.WriteString("  };\n\n  nixConfig = {\n    extra-substituters = [ \"https://example.cachix.org\" ];\n    extra-trusted-public-keys = [ \"example.cachix.org-1:AAAA=\" ];\n  };\n\n")
	b.WriteString("  outputs = { self, dep0, ... }@inputs:\n    let\n      systems = [ \"x86_64-linux\" \"aarch64-linux\" \"x86_64-darwin\" \"aarch64-darwin\" ];\n      pkgsFor = system: dep0.legacyPackages.${system};\n    in\n    {\n")
	for _, sys := range []string{"x86_64-linux", "aarch64-linux", "x86_64-darwin", "aarch64-darwin"} {
		fmt.Fprintf(&b, "      packages.%s = {\n", sys)
		fmt.Fprintf(&b, "        callPackage = (pkgsFor \"%s\").callPackage;\n", sys)
		for p := 0; p < 60; p++ {
			fmt.Fprintf(&b, "        tool%d = callPackage ./pkgs/tool%d { };\n", p, p)
		}
		b.WriteString("      };\n")
	}
	b.WriteString("      overlays.default = final: prev: { tools = self.packages.${prev.system}; };\n      nixosModules.default = import ./module.nix;\n    };\n}\n")
	lockJSON := "{\n  \"nodes\": {\n    " + strings.Join(nodes, ",\n    ") + ",\n    \"root\": {\"inputs\": {" + strings.Join(root, ", ") + "}}\n  },\n  \"root\": \"root\",\n  \"version\": 7\n}\n"
	return []byte(b.String()), []byte(lockJSON)
}

func TestBenchFlakeIsClean(t *testing.T) {
	nix, lock := benchFlake()
	if n := strings.Count(string(nix), "\n"); n < 280 || n > 320 {
		t.Fatalf("%d lines", n)
	}
	tree := syntax.Parse(nix)
	defer tree.Close()
	if errs := tree.Errors(nix); len(errs) > 0 {
		t.Fatal(errs[0].Message)
	}
	lf, problems := lockfile.Parse(lock)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	res := flake.Analyze(tree.RootNode(), nix, flake.Options{File: "flake.nix", LockFile: "flake.lock", Lock: lf})
	for _, d := range res.Diagnostics {
		if d.Code != "nixconfig-substituters" && d.Code != "nixconfig-needs-accept" {
			t.Errorf("%s: %s", d.Code, d.Message)
		}
	}
}

// BenchmarkCheckFlake: parse a 300-line flake.nix and its flake.lock,
// build the model and compute every diagnostic.
func BenchmarkCheckFlake(b *testing.B) {
	nix, lock := benchFlake()
	b.SetBytes(int64(len(nix) + len(lock)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		tree := syntax.Parse(nix)
		_ = tree.Errors(nix)
		lf, _ := lockfile.Parse(lock)
		flake.Analyze(tree.RootNode(), nix, flake.Options{File: "flake.nix", LockFile: "flake.lock", Lock: lf})
		tree.Close()
	}
}
