package env_test

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/flake-lsp/flake-lsp/analysis/complete"
	"github.com/flake-lsp/flake-lsp/analysis/hover"
	"github.com/flake-lsp/flake-lsp/analysis/indexcache"
	"github.com/flake-lsp/flake-lsp/analysis/options"
	"github.com/flake-lsp/flake-lsp/analysis/scope"
	"github.com/flake-lsp/flake-lsp/analysis/unit"
	"github.com/flake-lsp/flake-lsp/internal/nixgen"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// The benchmarks run on a nixpkgs-sized NixOS module tree (2,000 modules,
// about 20,000 options), generated once per process.

var nixosTree struct {
	once sync.Once
	dir  string
	err  error
}

// moduleTree is the directory of the generated tree (removed by
// TestMain).
func moduleTree(tb testing.TB) string {
	tb.Helper()
	nixosTree.once.Do(func() {
		nixosTree.dir, nixosTree.err = os.MkdirTemp("", "env-bench-")
		if nixosTree.err == nil {
			_, nixosTree.err = nixgen.WriteModuleTree(nixosTree.dir, 2000, 1)
		}
	})
	if nixosTree.err != nil {
		tb.Fatal(nixosTree.err)
	}
	return nixosTree.dir
}

func TestMain(m *testing.M) {
	code := m.Run()
	if nixosTree.dir != "" {
		os.RemoveAll(nixosTree.dir)
	}
	os.Exit(code)
}

var nixosIndex struct {
	once sync.Once
	ix   *options.Index
	err  error
}

// nixos is the NixOS option index of the generated tree.
func nixos(tb testing.TB) *options.Index {
	tb.Helper()
	dir := moduleTree(tb)
	nixosIndex.once.Do(func() {
		nixosIndex.ix, nixosIndex.err = options.BuildLayout(context.Background(), dir, nixosLayout(tb))
	})
	if nixosIndex.err != nil {
		tb.Fatal(nixosIndex.err)
	}
	return nixosIndex.ix
}

func nixosLayout(tb testing.TB) options.Layout {
	for _, l := range options.Layouts {
		if l.Name == "nixos" {
			return l
		}
	}
	tb.Fatal("no nixos layout")
	return options.Layout{}
}

func BenchmarkOptionsBuild(b *testing.B) {
	dir := moduleTree(b)
	l := nixosLayout(b)
	b.ReportAllocs()
	b.ResetTimer()
	var n int
	for b.Loop() {
		ix, err := options.BuildLayout(context.Background(), dir, l)
		if err != nil {
			b.Fatal(err)
		}
		n = ix.Stats.Options
	}
	b.ReportMetric(float64(n), "options")
}

func BenchmarkOptionsCacheLoad(b *testing.B) {
	ix := nixos(b)
	c := indexcache.Cache{Dir: b.TempDir()}
	const key = "/nix/store/00000000000000000000000000000000-source"
	if err := c.Save("options-nixos", key, 1, ix); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		var got options.Index
		if !c.Load("options-nixos", key, 1, &got) {
			b.Fatal("not loaded")
		}
		if len(got.Decls) != len(ix.Decls) {
			b.Fatalf("%d declarations loaded, %d saved", len(got.Decls), len(ix.Decls))
		}
	}
}

// moduleUnit is a unit of a NixOS module whose Env has the generated
// tree's index, with the module text given; the cursor positions are
// computed by the caller.
func moduleUnit(tb testing.TB, ix *options.Index, src string) *unit.Unit {
	tb.Helper()
	text := []byte(src)
	tree := syntax.Parse(text)
	v := syntax.NewView(tree, text)
	tree.Close()
	path := filepath.Join(moduleTree(tb), "host", "configuration.nix")
	return &unit.Unit{
		Path:  path,
		Src:   text,
		View:  v,
		Scope: scope.Analyze(v, scope.Options{File: path}),
		Env:   &unit.Env{Options: map[string]*options.Index{"nixos": ix}, System: "nixos"},
	}
}

// deepService is a generated service with an option set of its own
// (services.<name>.<set>.), the deepest path completion is measured at.
func deepService(tb testing.TB, ix *options.Index) (name, set string) {
	tb.Helper()
	for _, svc := range ix.Children([]string{"services"}) {
		if svc.Decl != nil {
			continue
		}
		for _, ch := range ix.Children([]string{"services", svc.Name}) {
			if ch.Decl == nil && !options.IsWildcard(ch.Name) {
				return svc.Name, ch.Name
			}
		}
	}
	tb.Fatal("no services.<name>.<set> in the generated tree")
	return "", ""
}

const moduleHead = "{ config, lib, pkgs, ... }:\n{\n  networking.hostName = \"box\";\n"

func BenchmarkOptionCompletion(b *testing.B) {
	ix := nixos(b)
	svc, set := deepService(b, ix)
	for _, c := range []struct{ name, line string }{
		{"services", "  services."},
		{"deep", "  services." + svc + "."},
		{"deeper", "  services." + svc + "." + set + "."},
	} {
		b.Run(c.name, func(b *testing.B) {
			src := moduleHead + c.line + "\n}\n"
			u := moduleUnit(b, ix, src)
			off := len(moduleHead) + len(c.line)
			if len(complete.Complete(u, off)) == 0 {
				b.Fatalf("no candidates after %q", c.line)
			}
			b.ReportAllocs()
			b.ResetTimer()
			var n int
			for b.Loop() {
				n = len(complete.Complete(u, off))
			}
			b.ReportMetric(float64(n), "candidates")
		})
	}
}

func BenchmarkOptionHover(b *testing.B) {
	ix := nixos(b)
	svc, _ := deepService(b, ix)
	line := "  services." + svc + ".enable = true;"
	u := moduleUnit(b, ix, moduleHead+line+"\n}\n")
	off := len(moduleHead) + strings.LastIndex(line, "enable") + 2
	now := time.Now()
	if _, ok := hover.Hover(u, off, now); !ok {
		b.Fatalf("no hover on %q", line)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		hover.Hover(u, off, now)
	}
}

// TestOptionCompletionLatency logs the distribution of completion times
// with the generated tree's index loaded, at cursors after services. and
// inside generated services (some with a word begun): p50, p95, p99 and
// the maximum, and the heap the index holds with its query structures
// built. It asserts nothing about time; it runs only with
// FLAKE_LSP_LATENCY=1.
func TestOptionCompletionLatency(t *testing.T) {
	if os.Getenv("FLAKE_LSP_LATENCY") != "1" {
		t.Skip("set FLAKE_LSP_LATENCY=1 to measure completion latency")
	}
	var before, after runtime.MemStats
	moduleTree(t)
	runtime.GC()
	runtime.ReadMemStats(&before)
	ix := nixos(t)
	ix.Children(nil) // the query structures
	runtime.GC()
	runtime.ReadMemStats(&after)
	t.Logf("index: %d options, heap with query structures %.1f MB", ix.Stats.Options, float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/1e6)

	var services []string
	for _, c := range ix.Children([]string{"services"}) {
		if c.Decl == nil {
			services = append(services, c.Name)
		}
	}
	if len(services) == 0 {
		t.Fatal("no services")
	}
	r := rand.New(rand.NewSource(1))
	const n = 2000
	var times []time.Duration
	kinds := [4]string{"services.", "services.<prefix>", "services.<name>.", "services.<name>.e"}
	byKind := make([][]time.Duration, len(kinds))
	empty := 0
	for i := 0; i < n; i++ {
		var line string
		switch svc := services[r.Intn(len(services))]; i % 4 {
		case 0:
			line = "  services."
		case 1:
			line = "  services." + svc[:1+r.Intn(len(svc))]
		case 2:
			line = "  services." + svc + "."
		default:
			line = "  services." + svc + ".e"
		}
		u := moduleUnit(t, ix, moduleHead+line+"\n}\n")
		off := len(moduleHead) + len(line)
		start := time.Now()
		got := complete.Complete(u, off)
		d := time.Since(start)
		times = append(times, d)
		byKind[i%4] = append(byKind[i%4], d)
		if len(got) == 0 {
			empty++
		}
	}
	t.Logf("%d completions (%d without candidates): %s", n, empty, distribution(times))
	for i, k := range kinds {
		t.Logf("  after %-18s %s", k, distribution(byKind[i]))
	}
}

// distribution is the mean, p50, p95, p99 and maximum of times (sorted
// in place).
func distribution(times []time.Duration) string {
	slices.Sort(times)
	var sum time.Duration
	for _, d := range times {
		sum += d
	}
	q := func(p float64) time.Duration {
		return times[min(len(times)-1, int(p*float64(len(times))))].Round(time.Microsecond)
	}
	mean := (sum / time.Duration(len(times))).Round(time.Microsecond)
	return fmt.Sprintf("mean %v, p50 %v, p95 %v, p99 %v, max %v", mean, q(0.50), q(0.95), q(0.99), q(1))
}
