package scope_test

import (
	"fmt"
	"strings"

	"github.com/flake-lsp/flake-lsp/analysis/scope"
	"github.com/flake-lsp/flake-lsp/syntax"
)

func Example() {
	src := []byte(`{ pkgs, lib }:
let
  name = "hello";
in
with pkgs; {
  inherit name;
  drv = mkDerivation { inherit name; meta = lib.licenses; };
}`)
	tree := syntax.Parse(src)
	view := syntax.NewView(tree, src)
	tree.Close()
	res := scope.Analyze(view, scope.Options{File: "default.nix"})

	// Go to definition from the last use of name, then its references.
	use := strings.LastIndex(string(src), "name")
	b := res.DefinitionAt(use)
	fmt.Println(b.Name, b.Kind, "defined at", b.Start)
	for _, r := range res.References(b) {
		kind := "read"
		if r.Kind == scope.Write {
			kind = "write"
		}
		fmt.Println(" ", kind, r.Start)
	}

	// What a name typed after `meta = ` could be.
	at := strings.Index(string(src), "lib.licenses")
	var local []string
	for _, v := range res.VisibleAt(at) {
		if v.Kind != scope.KindBuiltin {
			local = append(local, v.Name+" ("+v.Kind.String()+")")
		}
	}
	fmt.Println(strings.Join(local, ", "))
	fmt.Println(len(res.WithsAt(at)), "with may supply more names; used:", res.WithsAt(at)[0].Used())

	for _, d := range res.Diagnostics {
		fmt.Println(d.Severity, d.Code, string(src[d.Start:d.End]))
	}
	// Output:
	// name let binding defined at 21
	//   write 21
	//   read 63
	//   read 100
	// name (let binding), pkgs (formal), lib (formal)
	// 1 with may supply more names; used: true
}
