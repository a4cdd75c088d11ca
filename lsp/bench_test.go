package lsp

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/flake-lsp/flake-lsp/internal/benchdata"
)

// benchmarkChangeToDiagnostics measures, over a net.Pipe connection, the
// time from sending a one-character didChange to receiving the
// publishDiagnostics for that version (JSON encoding both ways included;
// the server adds no coalescing delay). It alternately inserts and
// deletes a character inside a name at the given line and column, so the
// text stays valid.
func benchmarkChangeToDiagnostics(b *testing.B, name string, text, lock []byte, line, col int) {
	dir := b.TempDir()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, text, 0o644); err != nil {
		b.Fatal(err)
	}
	if lock != nil {
		if err := os.WriteFile(filepath.Join(dir, "flake.lock"), lock, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	var serverSide []time.Duration
	var mu sync.Mutex
	ss := newSession(b, func(s *Server) {
		s.opts.OnPublish = func(_ string, _ int32, d time.Duration) {
			mu.Lock()
			serverSide = append(serverSide, d)
			mu.Unlock()
		}
	})
	ss.initialize(nil)
	uri := pathURI(path)
	ss.open(uri, string(text))
	first := ss.waitDiags(uri, "the first diagnostics", func(publishParams) bool { return true })
	baseline := len(first.Diagnostics)
	var lat []time.Duration
	mu.Lock()
	serverSide = nil
	mu.Unlock()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		v := i + 2
		start := time.Now()
		if i%2 == 0 {
			ss.change(uri, v, [5]any{line, col, line, col, "x"})
		} else {
			ss.change(uri, v, [5]any{line, col, line, col + 1, ""})
		}
		ss.waitDiags(uri, "diagnostics for the change", func(p publishParams) bool { return p.Version != nil && int(*p.Version) == v })
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	if last := ss.diags[uri][len(ss.diags[uri])-1]; b.N%2 == 0 && len(last.Diagnostics) != baseline {
		b.Fatalf("%d diagnostics at the end, %d at the start", len(last.Diagnostics), baseline)
	}
	pct := func(lat []time.Duration, p float64) float64 {
		sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
		return float64(lat[int(float64(len(lat)-1)*p)].Microseconds()) / 1000
	}
	// Round trip as the client sees it, and server side: from the
	// didChange's arrival to the publication.
	b.ReportMetric(pct(lat, 0.5), "p50-ms")
	b.ReportMetric(pct(lat, 0.95), "p95-ms")
	mu.Lock()
	defer mu.Unlock()
	if len(serverSide) > 0 {
		b.ReportMetric(pct(serverSide, 0.5), "server-p50-ms")
		b.ReportMetric(pct(serverSide, 0.95), "server-p95-ms")
		b.ReportMetric(pct(serverSide, 0.99), "server-p99-ms")
	}
}

// BenchmarkChangeToDiagnostics: the 300-line flake (with its lock, every
// flake diagnostic computed) and a 650 KB package set.
func BenchmarkChangeToDiagnostics(b *testing.B) {
	b.Run("flake-300-lines", func(b *testing.B) {
		nix, lock := benchdata.Flake300()
		at := strings.Index(string(nix), "tool30 =")
		line := strings.Count(string(nix[:at]), "\n")
		col := at - strings.LastIndexByte(string(nix[:at]), '\n') // inside "tool30"
		benchmarkChangeToDiagnostics(b, "flake.nix", nix, lock, line, col)
	})
	b.Run("packageset-650KB", func(b *testing.B) {
		src := benchdata.PackageSet(650_000)
		// The edit is inside the name of a package in the middle of the
		// set ("  package_N ="), so the text stays valid. (Until the large
		// file work, the line was the middle line of the file, which is
		// "  };": every other keystroke there left an `x` after it.)
		at := len(src)/2 + strings.Index(string(src[len(src)/2:]), "\n  package_") + 1
		benchmarkChangeToDiagnostics(b, "all-packages.nix", src, nil, strings.Count(string(src[:at]), "\n"), 4)
	})
	b.Run("scoped-packageset-650KB", func(b *testing.B) {
		// With lets, withs, inherits and rec sets: more for the scope
		// analysis to do. The edit is inside a package name ("  pkgN =").
		src := benchdata.ScopedPackageSet(650_000)
		at := strings.Index(string(src), "\n  pkg5000 =") + 1
		benchmarkChangeToDiagnostics(b, "all-packages.nix", src, nil, strings.Count(string(src[:at]), "\n"), 4)
	})
}
