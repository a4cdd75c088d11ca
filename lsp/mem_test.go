package lsp

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestLockSharesOpenFlake: with its flake.nix open, a flake.lock document
// keeps no analysis of its own (the flake.nix's View, scopes, model and
// parsed lock are shared), and finds what it finds alone, with the
// flake.nix on disk, before and after an edit of either file.
func TestLockSharesOpenFlake(t *testing.T) {
	nixFiles, _ := filepath.Glob("../testdata/flakes/*/flake.nix")
	sort.Strings(nixFiles)
	type pair struct{ name, nix, lock string }
	var cases []pair
	for _, f := range nixFiles {
		lock, err := os.ReadFile(filepath.Join(filepath.Dir(f), "flake.lock"))
		if err != nil {
			continue
		}
		nix, _ := os.ReadFile(f)
		cases = append(cases, pair{filepath.Base(filepath.Dir(f)), string(nix), string(lock)})
		if len(cases) == 12 {
			break
		}
	}
	// A lock with an input the flake no longer declares.
	cases = append(cases, pair{"unused", "{\n  outputs = { self }: { };\n}\n", lockWith})
	if len(cases) < 5 {
		t.Fatalf("only %d flakes with locks in testdata/flakes", len(cases))
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			nixPath, lockPath := filepath.Join(dir, "flake.nix"), filepath.Join(dir, "flake.lock")
			if err := os.WriteFile(nixPath, []byte(c.nix), 0o644); err != nil {
				t.Fatal(err)
			}
			nixURI, lockURI := pathURI(nixPath), pathURI(lockPath)
			// Alone: the lock analyses the flake.nix on disk itself.
			alone := newSession(t, nil)
			alone.initialize(nil)
			alone.open(lockURI, c.lock)
			want := settled(t, alone, lockURI, 1)
			if want.Results.FlakeUnit == nil {
				t.Fatalf("no flake unit for the lock alone")
			}

			ss := newSession(t, nil)
			ss.initialize(nil)
			ss.open(nixURI, c.nix)
			ss.open(lockURI, c.lock)
			// The lock is re-analysed after the edit of the other file
			// (touchFlake), possibly once both look settled: poll.
			check := func(when string, lockVersion, nixVersion int32, want *Snapshot) {
				t.Helper()
				deadline := time.Now().Add(10 * time.Second)
				for {
					lock, flake := settled(t, ss, lockURI, lockVersion), settled(t, ss, nixURI, nixVersion)
					var problems []string
					if lock.Results.FlakeUnit == nil || lock.Results.FlakeUnit.View != flake.View || lock.Results.FlakeUnit.Scope != flake.Results.Unit.Scope {
						problems = append(problems, "the lock document does not share the flake.nix's View and scopes")
					}
					if lock.Results.Lock == nil || lock.Results.Lock != flake.Results.Lock {
						problems = append(problems, "the lock document does not share the flake.nix's parse of the lock")
					}
					if want != nil {
						got, _ := json.Marshal(lock.Diagnostics)
						exp, _ := json.Marshal(want.Diagnostics)
						if string(got) != string(exp) {
							problems = append(problems, "diagnostics of the lock\n got "+string(got)+"\nwant "+string(exp))
						}
					}
					if len(problems) == 0 {
						return
					}
					if time.Now().After(deadline) {
						for _, p := range problems {
							t.Errorf("%s: %s", when, p)
						}
						return
					}
					time.Sleep(10 * time.Millisecond)
				}
			}
			check("after opening", 1, 1, want)
			// An edit of the lock (a space before its first line break),
			// then of the flake.nix (a comment).
			ss.change(lockURI, 2, [5]any{0, 1, 0, 1, " "})
			check("after an edit of the lock", 2, 1, nil)
			ss.change(nixURI, 2, [5]any{0, 0, 0, 0, "# x\n"})
			check("after an edit of the flake.nix", 2, 2, nil)
		})
	}
}

// settled is the snapshot of uri at version once no document of the
// session is being analysed.
func settled(t *testing.T, ss *session, uri string, version int32) *Snapshot {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		d := ss.server.docs.get(uri)
		idle := d != nil
		if d != nil {
			d.mu.Lock()
			idle = d.version == version
			d.mu.Unlock()
		}
		for _, d := range ss.server.docs.all() {
			d.mu.Lock()
			if d.running || d.dirty || d.snap == nil || d.snap.Seq != d.seq {
				idle = false
			}
			d.mu.Unlock()
		}
		if idle {
			snap, err := ss.server.docs.snapshot(context.Background(), uri)
			if err != nil {
				t.Fatal(err)
			}
			return snap
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("the documents were still being analysed after 10 s")
	return nil
}

// TestIdleFree: memory is returned once the workers fall idle after
// documents were opened, once per burst, and not after edits alone.
func TestIdleFree(t *testing.T) {
	var n atomic.Int32
	f := &idleFree{free: func() { n.Add(1) }}
	wait := func() { time.Sleep(idleFreeAfter + 200*time.Millisecond) }
	// A burst: documents opened, workers overlapping.
	for i := 0; i < 3; i++ {
		f.opened()
		f.begin()
	}
	f.end()
	f.end()
	wait()
	if n.Load() != 0 {
		t.Fatalf("released while a worker still ran")
	}
	f.end()
	wait()
	if n.Load() != 1 {
		t.Fatalf("released %d times after the burst, want 1", n.Load())
	}
	// Edits: workers come and go, nothing opened.
	for i := 0; i < 3; i++ {
		f.begin()
		f.end()
	}
	wait()
	if n.Load() != 1 {
		t.Fatalf("released after edits alone")
	}
	// A worker starting before the delay is over postpones the release.
	f.opened()
	f.begin()
	f.end()
	time.Sleep(idleFreeAfter / 3)
	f.begin()
	wait()
	if n.Load() != 1 {
		t.Fatalf("released while a worker ran")
	}
	f.end()
	f.stop()
	wait()
	if n.Load() != 1 {
		t.Fatalf("released after stop")
	}
}

// TestLargeDocumentsRaiseGCPercent: opening a document of largeGCSize
// bytes raises the collector's percent, typing keeps it, and closing it
// (or shrinking it) restores the setting before.
func TestLargeDocumentsRaiseGCPercent(t *testing.T) {
	percent := func() int {
		p := debug.SetGCPercent(-1)
		debug.SetGCPercent(p)
		return p
	}
	base := percent()
	if base >= largeGCPercent || base < 0 {
		t.Skipf("GOGC is %d here: nothing to raise", base)
	}
	ss := newSession(t, nil)
	ss.initialize(nil)
	big := "{\n" + strings.Repeat("  a = 1;\n", largeGCSize/9+1) + "}\n"
	// A request after notifications: the server has handled them.
	barrier := func() {
		ss.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": "file:///small.nix"}, "position": map[string]int{"line": 0, "character": 0}}, nil)
	}
	ss.open("file:///big.nix", big)
	ss.open("file:///small.nix", "{ }")
	barrier()
	if got := percent(); got != largeGCPercent {
		t.Fatalf("with a large document open: GC percent %d, want %d", got, largeGCPercent)
	}
	ss.change("file:///big.nix", 2, [5]any{1, 2, 1, 2, "b"})
	barrier()
	if got := percent(); got != largeGCPercent {
		t.Fatalf("after an edit: GC percent %d", got)
	}
	// Replaced by a small text, then large again, then closed.
	ss.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": "file:///big.nix", "version": 3},
		"contentChanges": []map[string]any{{"text": "{ }"}}})
	barrier()
	if got := percent(); got != base {
		t.Fatalf("after the text shrank: GC percent %d, want %d", got, base)
	}
	ss.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": "file:///big.nix", "version": 4},
		"contentChanges": []map[string]any{{"text": big}}})
	barrier()
	if got := percent(); got != largeGCPercent {
		t.Fatalf("large again: GC percent %d", got)
	}
	ss.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": "file:///big.nix"}})
	barrier()
	if got := percent(); got != base {
		t.Fatalf("after closing it: GC percent %d, want %d", got, base)
	}
}
