package lsp

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/flake-lsp/flake-lsp/analysis/scope"
	"github.com/flake-lsp/flake-lsp/analysis/semtok"
	"github.com/flake-lsp/flake-lsp/analysis/unit"
	"github.com/flake-lsp/flake-lsp/check"
	"github.com/flake-lsp/flake-lsp/internal/benchdata"
	"github.com/flake-lsp/flake-lsp/position"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// BenchmarkSemanticTokensFull: a textDocument/semanticTokens/full answer
// for an analysed document: classifying every token, encoding them as
// UTF-16 relative integers, and the JSON of the result.
func BenchmarkSemanticTokensFull(b *testing.B) {
	for _, bc := range []struct {
		name string
		src  []byte
	}{
		{"packageset-650KB", benchdata.PackageSet(650_000)},
		{"scoped-packageset-650KB", benchdata.ScopedPackageSet(650_000)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			tree := syntax.Parse(bc.src)
			v := syntax.NewView(tree, bc.src)
			tree.Close()
			u := &unit.Unit{Path: "/bench/all-packages.nix", Src: bc.src, View: v, Scope: scope.Analyze(v, scope.Options{})}
			b.SetBytes(int64(len(bc.src)))
			b.ReportAllocs()
			b.ResetTimer()
			n := 0
			for i := 0; i < b.N; i++ {
				toks := semtok.Tokens(u)
				data := encodeTokens(bc.src, toks, position.UTF16)
				if _, err := json.Marshal(semanticTokens{ResultID: "1", Data: data}); err != nil {
					b.Fatal(err)
				}
				n = len(data) / 5
			}
			b.ReportMetric(float64(n), "tokens")
		})
	}
}

// BenchmarkSemanticTokensDelta: the answer to full/delta after one
// keystroke in the 300-line flake (the new snapshot analysed already):
// classify, encode, and diff against the previous result.
func BenchmarkSemanticTokensDelta(b *testing.B) {
	u := flake300Unit(b)
	prev := encodeTokens(u.Src, semtok.Tokens(u), position.UTF16)
	// Type one character into a name in the middle of the file.
	at := bytes.Index(u.Src[len(u.Src)/2:], []byte("pkgs")) + len(u.Src)/2
	src := append(append(append([]byte{}, u.Src[:at]...), 'x'), u.Src[at:]...)
	out := check.Analyze(check.Input{Path: u.Path, Src: src, Flake: true, LockPath: u.LockPath, LockSrc: u.LockSrc})
	next := &unit.Unit{Path: u.Path, Src: src, View: out.View, Scope: out.Scope, Flake: out.Flake, Lock: out.Lock, LockPath: u.LockPath, LockSrc: u.LockSrc}
	b.ReportAllocs()
	b.ResetTimer()
	var edits []semanticTokensEdit
	for i := 0; i < b.N; i++ {
		// A fresh unit each time: OutputEntries is memoised per unit.
		nu := &unit.Unit{Path: next.Path, Src: next.Src, View: next.View, Scope: next.Scope, Flake: next.Flake}
		data := encodeTokens(src, semtok.Tokens(nu), position.UTF16)
		edits = diffTokens(prev, data)
	}
	if len(edits) != 1 || len(edits[0].Data) > 20 {
		b.Fatalf("edits %+v: want one small edit", edits)
	}
}
