package options

import (
	"context"
	"testing"
)

func BenchmarkBuild(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, tree := range []string{"nixos", "home-manager", "nix-darwin"} {
			root := "testdata/index/" + tree
			if _, err := BuildLayout(context.Background(), root, Detect(root)[0]); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkChildren(b *testing.B) {
	ix := fixture(b, "nixos")
	prefix := p("users.users.alice")
	b.ReportAllocs()
	for b.Loop() {
		if len(ix.Children(prefix)) == 0 {
			b.Fatal("no children")
		}
	}
}

func BenchmarkLookup(b *testing.B) {
	ix := fixture(b, "nixos")
	path := p("services.nginx.virtualHosts.example.locations.root.proxyPass")
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := ix.Lookup(path); !ok {
			b.Fatal("not found")
		}
	}
}
