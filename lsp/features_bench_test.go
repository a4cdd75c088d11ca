package lsp

import (
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/flake-lsp/flake-lsp/analysis/complete"
	"github.com/flake-lsp/flake-lsp/analysis/hover"
	"github.com/flake-lsp/flake-lsp/analysis/unit"
	"github.com/flake-lsp/flake-lsp/check"
	"github.com/flake-lsp/flake-lsp/internal/benchdata"
	"github.com/flake-lsp/flake-lsp/position"
)

// flake300Unit analyses the 300-line benchmark flake with its lock, as
// the server does when the document is opened.
func flake300Unit(tb testing.TB) *unit.Unit {
	nix, lock := benchdata.Flake300()
	in := check.Input{Path: "/bench/flake.nix", Src: nix, Flake: true, LockPath: "/bench/flake.lock", LockSrc: lock}
	out := check.Analyze(in)
	if out.Flake == nil || out.Lock == nil {
		tb.Fatal("the benchmark flake did not analyse")
	}
	return &unit.Unit{Path: in.Path, Src: nix, View: out.View, Scope: out.Scope, Flake: out.Flake,
		Lock: out.Lock, LockPath: in.LockPath, LockSrc: lock}
}

// reportLatencies reports the percentiles of per-request latencies.
func reportLatencies(b *testing.B, lat []time.Duration) {
	if len(lat) == 0 {
		return
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) float64 { return float64(lat[int(float64(len(lat)-1)*p)].Nanoseconds()) / 1e6 }
	b.ReportMetric(pct(0.5), "p50-ms")
	b.ReportMetric(pct(0.95), "p95-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(float64(lat[len(lat)-1].Nanoseconds())/1e6, "max-ms")
}

// BenchmarkFeatureLatency: completion and hover at every byte offset of
// the 300-line flake, each call timed on its own (the analysis call on a
// prepared unit: what a request costs once the document is analysed).
// One iteration visits every offset; the percentiles are over all calls.
func BenchmarkFeatureLatency(b *testing.B) {
	u := flake300Unit(b)
	now := time.Now()
	for _, bc := range []struct {
		name string
		call func(off int)
	}{
		{"completion", func(off int) { complete.Complete(u, off) }},
		{"hover", func(off int) { hover.Hover(u, off, now) }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			lat := make([]time.Duration, 0, b.N*len(u.Src))
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				for off := 0; off <= len(u.Src); off++ {
					start := time.Now()
					bc.call(off)
					lat = append(lat, time.Since(start))
				}
			}
			b.StopTimer()
			reportLatencies(b, lat)
		})
	}
}

// BenchmarkFeatureLatencyServer: the same requests through a session
// (JSON over a pipe both ways, the snapshot, position conversion), at
// every 7th offset of the flake.
func BenchmarkFeatureLatencyServer(b *testing.B) {
	nix, lock := benchdata.Flake300()
	dir := b.TempDir()
	path := filepath.Join(dir, "flake.nix")
	if err := os.WriteFile(path, nix, 0o644); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "flake.lock"), lock, 0o644); err != nil {
		b.Fatal(err)
	}
	ss := newSession(b, nil)
	ss.initialize(nil)
	uri := pathURI(path)
	ss.open(uri, string(nix))
	ss.waitDiags(uri, "the first diagnostics", func(publishParams) bool { return true })
	m := position.NewMapper(nix)
	for _, method := range []string{"textDocument/completion", "textDocument/hover"} {
		b.Run(filepath.Base(method), func(b *testing.B) {
			var lat []time.Duration
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				for off := 0; off <= len(nix); off += 7 {
					params := map[string]any{"textDocument": map[string]any{"uri": uri}, "position": m.Position(off, position.UTF16)}
					start := time.Now()
					if err := ss.call(method, params, nil); err != nil {
						b.Fatal(err)
					}
					lat = append(lat, time.Since(start))
				}
			}
			b.StopTimer()
			reportLatencies(b, lat)
		})
	}
}
