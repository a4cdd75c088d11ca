package indexcache

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// events collects a Manager's progress events.
type events struct {
	mu  sync.Mutex
	evs []Event
}

func (e *events) add(ev Event) {
	e.mu.Lock()
	e.evs = append(e.evs, ev)
	e.mu.Unlock()
}

func (e *events) all() []Event {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]Event(nil), e.evs...)
}

func (x *index) Summary() string { return fmt.Sprintf("%d options", len(x.Records)) }

func waitCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func TestGetBuildsOnce(t *testing.T) {
	c := Cache{Dir: t.TempDir()}
	m := NewManager(c, nil)
	defer m.Close()
	var builds atomic.Int32
	release := make(chan struct{})
	build := func(ctx context.Context) (*index, error) {
		builds.Add(1)
		<-release
		return sample(), nil
	}
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, ok := Get(m, "options", "/nix/store/abc-source", 1, true, build); ok {
				t.Error("Get: ready before the build ended")
			}
		}()
	}
	wg.Wait()
	close(release)
	var got []*index
	var mu sync.Mutex
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			x, err := Wait(waitCtx(t), m, "options", "/nix/store/abc-source", 1, true, build)
			if err != nil {
				t.Error(err)
			}
			mu.Lock()
			got = append(got, x)
			mu.Unlock()
		}()
	}
	wg.Wait()
	if n := builds.Load(); n != 1 {
		t.Errorf("%d builds, want 1", n)
	}
	for _, x := range got {
		if x != got[0] {
			t.Error("Wait returned different indexes")
		}
	}
	if x, ok := Get(m, "options", "/nix/store/abc-source", 1, true, build); !ok || x != got[0] {
		t.Error("Get after the build: not the index")
	}
	// It was saved: another Manager loads it without building.
	m2 := NewManager(c, nil)
	defer m2.Close()
	x, err := Wait(waitCtx(t), m2, "options", "/nix/store/abc-source", 1, true, func(context.Context) (*index, error) {
		t.Error("built again although cached")
		return nil, errors.New("no")
	})
	if err != nil || len(x.Records) != 2 {
		t.Errorf("from cache: %v, %v", x, err)
	}
}

func TestNotCacheable(t *testing.T) {
	c := Cache{Dir: t.TempDir()}
	// An entry on disk for the key is not used either.
	if err := c.Save("options", "/home/u/nixpkgs", 1, sample()); err != nil {
		t.Fatal(err)
	}
	os.Remove(c.path("options", "/home/u/nixpkgs", 1))
	m := NewManager(c, nil)
	defer m.Close()
	if _, err := Wait(waitCtx(t), m, "options", "/home/u/nixpkgs", 1, false, func(context.Context) (*index, error) { return sample(), nil }); err != nil {
		t.Fatal(err)
	}
	ents, err := os.ReadDir(c.Dir + "/options")
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != 0 {
		t.Errorf("cacheable=false wrote %d files", len(ents))
	}
}

func TestFailedBuildRemembered(t *testing.T) {
	m := NewManager(Cache{Dir: t.TempDir()}, nil)
	defer m.Close()
	var builds atomic.Int32
	boom := errors.New("boom")
	build := func(context.Context) (*index, error) { builds.Add(1); return nil, boom }
	if _, err := Wait(waitCtx(t), m, "options", "k", 1, true, build); !errors.Is(err, boom) {
		t.Fatalf("Wait: %v, want boom", err)
	}
	for range 5 {
		if _, ok := Get(m, "options", "k", 1, true, build); ok {
			t.Error("Get of a failed build: ok")
		}
	}
	if _, err := Wait(waitCtx(t), m, "options", "k", 1, true, build); !errors.Is(err, boom) {
		t.Errorf("Wait again: %v", err)
	}
	if !errors.Is(m.Err("options", "k"), boom) {
		t.Errorf("Err: %v", m.Err("options", "k"))
	}
	if n := builds.Load(); n != 1 {
		t.Errorf("%d builds, want 1", n)
	}
	m.Forget("options", "k")
	if m.Err("options", "k") != nil {
		t.Error("Err after Forget")
	}
	Wait(waitCtx(t), m, "options", "k", 1, true, build)
	if n := builds.Load(); n != 2 {
		t.Errorf("%d builds after Forget, want 2", n)
	}
	// A panic is a failure, not a crash.
	_, err := Wait(waitCtx(t), m, "options", "p", 1, true, func(context.Context) (*index, error) { panic("oops") })
	if err == nil {
		t.Error("a panicking build succeeded")
	}
	// Neither nil, nil.
	if _, err := Wait(waitCtx(t), m, "options", "n", 1, true, func(context.Context) (*index, error) { return nil, nil }); err == nil {
		t.Error("a build returning nil, nil succeeded")
	}
}

func TestCloseCancels(t *testing.T) {
	m := NewManager(Cache{Dir: t.TempDir()}, nil)
	started := make(chan struct{})
	var sawDone atomic.Bool
	Get(m, "options", "k", 1, true, func(ctx context.Context) (*index, error) {
		close(started)
		<-ctx.Done()
		sawDone.Store(true)
		return nil, ctx.Err()
	})
	<-started
	// A second build waits for the slot; Close must end it too.
	var queuedRan atomic.Bool
	Get(m, "lib", "k", 1, true, func(ctx context.Context) (*index, error) {
		queuedRan.Store(true)
		return sample(), nil
	})
	done := make(chan struct{})
	go func() { m.Close(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Close did not return")
	}
	if !sawDone.Load() {
		t.Error("the build did not see ctx.Done")
	}
	if queuedRan.Load() {
		t.Error("a queued build ran after Close")
	}
	if _, err := Wait(waitCtx(t), m, "options", "k", 1, true, func(context.Context) (*index, error) { return sample(), nil }); !errors.Is(err, ErrClosed) {
		t.Errorf("Wait after Close: %v", err)
	}
	m.Close() // twice is fine
}

func TestProgressEvents(t *testing.T) {
	var evs events
	c := Cache{Dir: t.TempDir()}
	m := NewManager(c, evs.add)
	defer m.Close()
	m.SetTitle("options", "Indexing NixOS options")
	build := func(ctx context.Context) (*index, error) {
		ReportProgress(ctx, "half", 50)
		return sample(), nil
	}
	if _, err := Wait(waitCtx(t), m, "options", "/nix/store/a-source", 1, true, build); err != nil {
		t.Fatal(err)
	}
	m2 := NewManager(c, evs.add)
	defer m2.Close()
	if _, err := Wait(waitCtx(t), m2, "options", "/nix/store/a-source", 1, true, build); err != nil {
		t.Fatal(err)
	}
	if _, err := Wait(waitCtx(t), m2, "lib", "/nix/store/b", 1, true, func(context.Context) (*index, error) { return nil, errors.New("no lib") }); err == nil {
		t.Fatal("no error")
	}
	got := evs.all()
	want := []struct {
		kind    EventKind
		title   string
		message string
		percent int
	}{
		{Begin, "Indexing NixOS options", "/nix/store/a-source", -1},
		{Report, "Indexing NixOS options", "half", 50},
		{End, "Indexing NixOS options", "2 options", -1},
		{Begin, "Indexing options", "/nix/store/a-source", -1},
		{End, "Indexing options", "2 options (from cache)", -1},
		{Begin, "Indexing lib", "/nix/store/b", -1},
		{End, "Indexing lib", "no lib", -1},
	}
	if len(got) != len(want) {
		t.Fatalf("events %+v, want %d", got, len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Kind != w.kind || g.Title != w.title || g.Message != w.message || g.Percent != w.percent {
			t.Errorf("event %d: %+v, want %+v", i, g, w)
		}
	}
	tokens := []string{got[0].Token, got[3].Token, got[5].Token}
	if got[1].Token != tokens[0] || got[2].Token != tokens[0] || got[4].Token != tokens[1] || got[6].Token != tokens[2] {
		t.Errorf("tokens differ within a build: %+v", got)
	}
	if tokens[0] == "" || tokens[1] == tokens[2] {
		t.Errorf("tokens not one per build: %q", tokens)
	}
}

func TestCancelledBuildEnds(t *testing.T) {
	var evs events
	m := NewManager(Cache{}, evs.add)
	started := make(chan struct{})
	Get(m, "options", "k", 1, true, func(ctx context.Context) (*index, error) {
		close(started)
		<-ctx.Done()
		return nil, ctx.Err()
	})
	<-started
	m.Close()
	got := evs.all()
	if len(got) != 2 || got[0].Kind != Begin || got[1].Kind != End || got[1].Message != "cancelled" || got[0].Token != got[1].Token {
		t.Errorf("events %+v", got)
	}
}

func TestOnReady(t *testing.T) {
	m := NewManager(Cache{}, nil)
	defer m.Close()
	type call struct{ kind, key string }
	calls := make(chan call, 10)
	m.OnReady(func(kind, key string) {
		// The index is available from inside the callback.
		if kind == "options" {
			if _, ok := Get(m, "options", "k", 1, false, func(context.Context) (*index, error) { return nil, errors.New("rebuilt") }); !ok {
				t.Error("Get from OnReady: not ready")
			}
		}
		calls <- call{kind, key}
	})
	Wait(waitCtx(t), m, "options", "k", 1, false, func(context.Context) (*index, error) { return sample(), nil })
	Wait(waitCtx(t), m, "lib", "k", 1, false, func(context.Context) (*index, error) { return nil, errors.New("x") })
	for _, want := range []call{{"options", "k"}, {"lib", "k"}} {
		select {
		case c := <-calls:
			if c != want {
				t.Errorf("OnReady(%v), want %v", c, want)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("OnReady not called")
		}
	}
	select {
	case c := <-calls:
		t.Errorf("extra OnReady call %v", c)
	case <-time.After(20 * time.Millisecond):
	}
}

func TestForgetCancelsAndRebuilds(t *testing.T) {
	m := NewManager(Cache{}, nil)
	defer m.Close()
	started := make(chan struct{})
	var first atomic.Bool
	first.Store(true)
	var builds atomic.Int32
	build := func(ctx context.Context) (*index, error) {
		builds.Add(1)
		if first.Swap(false) {
			close(started)
			<-ctx.Done()
			return nil, ctx.Err()
		}
		return sample(), nil
	}
	res := make(chan error, 1)
	go func() {
		_, err := Wait(waitCtx(t), m, "options", "k", 1, false, build)
		res <- err
	}()
	<-started
	m.Forget("options", "k")
	if err := <-res; err != nil {
		t.Errorf("Wait across Forget: %v", err)
	}
	if n := builds.Load(); n != 2 {
		t.Errorf("%d builds, want 2", n)
	}
	// Another version is another build.
	if _, err := Wait(waitCtx(t), m, "options", "k", 2, false, build); err != nil {
		t.Fatal(err)
	}
	if n := builds.Load(); n != 3 {
		t.Errorf("%d builds, want 3", n)
	}
}

func TestConcurrencyLimit(t *testing.T) {
	m := NewManager(Cache{}, nil)
	defer m.Close()
	for _, limit := range []int{1, 3} {
		m.SetLimits(limit, 100)
		var running, peak atomic.Int32
		build := func(ctx context.Context) (*index, error) {
			n := running.Add(1)
			for {
				p := peak.Load()
				if n <= p || peak.CompareAndSwap(p, n) {
					break
				}
			}
			time.Sleep(5 * time.Millisecond)
			running.Add(-1)
			return sample(), nil
		}
		var wg sync.WaitGroup
		for i := range 12 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := Wait(waitCtx(t), m, "options", fmt.Sprint(limit, "-", i), 1, false, build); err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
		if p := peak.Load(); p > int32(limit) || limit == 1 && p != 1 {
			t.Errorf("limit %d: peak %d builds at once", limit, p)
		}
	}
}

func TestLRU(t *testing.T) {
	m := NewManager(Cache{}, nil)
	defer m.Close()
	m.SetLimits(1, 3)
	var builds atomic.Int32
	build := func(context.Context) (*index, error) { builds.Add(1); return sample(), nil }
	get := func(k string) {
		if _, err := Wait(waitCtx(t), m, "options", k, 1, false, build); err != nil {
			t.Fatal(err)
		}
	}
	get("a")
	get("b")
	get("c")
	get("a") // a is now the most recent; b the least
	get("d") // drops b
	if n := builds.Load(); n != 4 {
		t.Fatalf("%d builds, want 4", n)
	}
	for _, k := range []string{"a", "c", "d"} {
		if _, ok := Get(m, "options", k, 1, false, build); !ok {
			t.Errorf("%s dropped", k)
		}
	}
	if _, ok := Get(m, "options", "b", 1, false, build); ok {
		t.Error("b kept")
	}
}

func TestTypeChange(t *testing.T) {
	m := NewManager(Cache{Dir: t.TempDir()}, nil)
	defer m.Close()
	if _, err := Wait(waitCtx(t), m, "options", "k", 1, true, func(context.Context) (*index, error) { return sample(), nil }); err != nil {
		t.Fatal(err)
	}
	type other struct{ N int }
	x, err := Wait(waitCtx(t), m, "options", "k", 1, true, func(context.Context) (*other, error) { return &other{7}, nil })
	if err != nil || x.N != 7 {
		t.Errorf("another type for the same entry: %v, %v", x, err)
	}
}
