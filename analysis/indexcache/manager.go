package indexcache

import (
	"container/list"
	"context"
	"errors"
	"fmt"
	"reflect"
	"runtime/debug"
	"strconv"
	"sync"
	"sync/atomic"
)

// Event reports a build's progress (a server turns these into its
// protocol's progress messages, LSP's $/progress). Every build that begins
// ends: a Begin is followed by any number of Reports and one End, all with
// the Begin's Token, delivered in that order from the build's goroutine.
type Event struct {
	Token   string    // one per build
	Kind    EventKind // Begin, Report, End
	Title   string    // "Indexing NixOS options" (see SetTitle)
	Message string    // the key ("/nix/store/…-source"); at End "12,345 options (from cache)", "cancelled" or the error
	Percent int       // 0 to 100, -1 when unknown
}

// EventKind is the stage of a build an Event reports.
type EventKind uint8

const (
	Begin EventKind = iota
	Report
	End
)

func (k EventKind) String() string {
	switch k {
	case Begin:
		return "Begin"
	case Report:
		return "Report"
	case End:
		return "End"
	}
	return "EventKind(" + strconv.Itoa(int(k)) + ")"
}

// Summarizer may be implemented by an index (by *T): its summary ("12,345
// options") is the message of the build's End event. Without it the
// message is "done".
type Summarizer interface{ Summary() string }

// ErrClosed is returned by Wait once the Manager is closed.
var ErrClosed = errors.New("indexcache: manager closed")

// Default limits of a Manager (see SetLimits).
const (
	DefaultMaxBuilds  = 1
	DefaultMaxEntries = 8
)

// Manager builds indexes in the background, one build at a time per
// (kind, key) and at most a few at a time in all (one by default: it runs
// beside an editor), loading from the cache when it can, and keeps the
// results in memory: a bounded number of finished entries, the least
// recently used dropped first (a dropped cacheable entry is loaded from
// disk again when asked for). A failed build is remembered, not retried,
// until Forget.
//
// Methods and functions are safe for concurrent use. Close must be called
// to stop the builds.
type Manager struct {
	cache    Cache
	progress func(Event)
	ctx      context.Context
	cancel   context.CancelFunc
	wg       sync.WaitGroup
	seq      atomic.Uint64

	mu         sync.Mutex
	closed     bool
	entries    map[ident]*entry
	lru        list.List // of *entry, finished ones, most recently used first
	maxEntries int
	maxBuilds  int
	running    int
	waiters    []chan struct{}
	onReady    []func(kind, key string)
	titles     map[string]string
	logf       func(format string, args ...any)
}

type ident struct{ kind, key string }

// entry is one index, being built or finished.
type entry struct {
	id      ident
	version int
	typ     reflect.Type // T
	cancel  context.CancelFunc
	done    chan struct{} // closed when finished
	elem    *list.Element // in lru once finished, while in entries
	forgot  bool          // removed by Forget (or replaced) before it finished

	// Set before done is closed.
	val any // *T
	err error
}

// NewManager returns a Manager that caches in c (the zero Cache: memory
// only) and reports builds to progress (nil: not at all). progress is
// called from the builders' goroutines, one event at a time per build; it
// should return quickly.
func NewManager(c Cache, progress func(Event)) *Manager {
	ctx, cancel := context.WithCancel(context.Background())
	return &Manager{
		cache: c, progress: progress, ctx: ctx, cancel: cancel,
		entries: map[ident]*entry{}, maxEntries: DefaultMaxEntries, maxBuilds: DefaultMaxBuilds,
		titles: map[string]string{},
	}
}

// SetLimits sets how many builds may run at once (default 1) and how many
// finished indexes are kept in memory (default 8); values below 1 leave a
// limit as it is. Lowering the number of entries drops the least recently
// used at once.
func (m *Manager) SetLimits(builds, entries int) {
	m.mu.Lock()
	if builds >= 1 {
		m.maxBuilds = builds
		for m.running < m.maxBuilds && len(m.waiters) > 0 {
			m.running++
			close(m.waiters[0])
			m.waiters = m.waiters[1:]
		}
	}
	if entries >= 1 {
		m.maxEntries = entries
		m.evictLocked()
	}
	m.mu.Unlock()
}

// SetTitle sets the Title of the events of builds of kind ("Indexing NixOS
// options"); the default is "Indexing " + kind.
func (m *Manager) SetTitle(kind, title string) {
	m.mu.Lock()
	m.titles[kind] = title
	m.mu.Unlock()
}

// SetLog sets where the Manager reports what goes wrong without failing a
// build: an index that could not be saved to the cache.
func (m *Manager) SetLog(logf func(format string, args ...any)) {
	m.mu.Lock()
	m.logf = logf
	m.mu.Unlock()
}

// OnReady registers f to be called once per finished build (succeeded or
// failed, not cancelled), from the builder's goroutine, after the result
// is available to Get, so that a server can publish again what depends on
// the index. f should return quickly; it may call the Manager.
func (m *Manager) OnReady(f func(kind, key string)) {
	m.mu.Lock()
	m.onReady = append(m.onReady, f)
	m.mu.Unlock()
}

// Get returns the index for (kind, key) when it is ready. Otherwise it
// starts loading or building it in the background, unless that is already
// under way or has failed, and returns ok=false; later calls return it
// once ready. key is usually a store path. cacheable is false for sources
// that can change (a directory outside the store): their index is kept in
// memory only, neither loaded from nor saved to the cache.
//
// The build function receives a context that ends when the Manager is
// closed or the entry forgotten; it may report progress with
// ReportProgress(ctx, …). It runs at most once per (kind, key) until Forget, and a panic in it
// is a failed build. An entry asked for with another version or another T
// than the one it holds is started again.
func Get[T any](m *Manager, kind, key string, version int, cacheable bool, build func(ctx context.Context) (*T, error)) (idx *T, ok bool) {
	e := start(m, kind, key, version, cacheable, build)
	if e == nil {
		return nil, false
	}
	select {
	case <-e.done:
	default:
		return nil, false
	}
	if e.err != nil {
		return nil, false
	}
	return e.val.(*T), true
}

// Wait is Get that blocks until the index is ready (nil error), has failed
// (the build's error), the Manager is closed (ErrClosed) or ctx ends
// (ctx.Err(); the build goes on). For tests and batch use (flake-lsp
// check).
func Wait[T any](ctx context.Context, m *Manager, kind, key string, version int, cacheable bool, build func(ctx context.Context) (*T, error)) (*T, error) {
	for {
		e := start(m, kind, key, version, cacheable, build)
		if e == nil {
			return nil, ErrClosed
		}
		select {
		case <-e.done:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		m.mu.Lock()
		forgot, closed := e.forgot, m.closed
		m.mu.Unlock()
		switch {
		case e.err == nil:
			return e.val.(*T), nil
		case closed:
			return nil, ErrClosed
		case forgot:
			continue // forgotten while building: the next one is wanted
		}
		return nil, e.err
	}
}

// Err returns the error of the failed build for (kind, key), nil when
// there is none (not started, under way, succeeded, or forgotten).
func (m *Manager) Err(kind, key string) error {
	m.mu.Lock()
	e := m.entries[ident{kind, key}]
	m.mu.Unlock()
	if e == nil {
		return nil
	}
	select {
	case <-e.done:
		return e.err
	default:
		return nil
	}
}

// start returns the entry for (kind, key), starting its build if there is
// none or it is of another version or type; nil once the Manager is
// closed.
func start[T any](m *Manager, kind, key string, version int, cacheable bool, build func(ctx context.Context) (*T, error)) *entry {
	id := ident{kind, key}
	typ := reflect.TypeFor[T]()
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return nil
	}
	if e := m.entries[id]; e != nil {
		if e.version == version && e.typ == typ {
			if e.elem != nil {
				m.lru.MoveToFront(e.elem)
			}
			return e
		}
		m.removeLocked(e)
	}
	ctx, cancel := context.WithCancel(m.ctx)
	e := &entry{id: id, version: version, typ: typ, cancel: cancel, done: make(chan struct{})}
	m.entries[id] = e
	work := func(ctx context.Context) (any, bool, error) {
		if cacheable {
			v := new(T)
			if m.cache.Load(kind, key, version, v) {
				return v, true, nil
			}
		}
		v, err := build(ctx)
		if err == nil && v == nil {
			err = errors.New("the build returned no index")
		}
		if err != nil {
			return nil, false, err
		}
		if cacheable && ctx.Err() == nil {
			if err := m.cache.Save(kind, key, version, v); err != nil {
				m.log("indexcache: saving %s %s: %v", kind, key, err)
			}
		}
		return v, false, nil
	}
	m.wg.Add(1)
	go m.run(ctx, e, work)
	return e
}

// run is the goroutine of one entry: it waits for its turn, loads or
// builds, and publishes the result.
func (m *Manager) run(ctx context.Context, e *entry, work func(context.Context) (any, bool, error)) {
	defer m.wg.Done()
	defer e.cancel()
	if !m.acquire(ctx, e) {
		err := ctx.Err()
		if err == nil {
			err = context.Canceled
		}
		m.finish(e, nil, err)
		return
	}
	defer m.release()
	m.mu.Lock()
	title := m.titles[e.id.kind]
	m.mu.Unlock()
	if title == "" {
		title = "Indexing " + e.id.kind
	}
	token := "flake-lsp/index/" + strconv.FormatUint(m.seq.Add(1), 10)
	m.emit(Event{Token: token, Kind: Begin, Title: title, Message: e.id.key, Percent: -1})
	if m.progress != nil {
		ctx = context.WithValue(ctx, reporterKey{}, func(msg string, pct int) {
			m.emit(Event{Token: token, Kind: Report, Title: title, Message: msg, Percent: pct})
		})
	}
	val, fromCache, err := safely(ctx, work)
	if err == nil && ctx.Err() != nil {
		val, err = nil, ctx.Err() // forgotten or closed meanwhile: not the wanted result
	}
	var msg string
	switch {
	case err != nil && ctx.Err() != nil:
		msg = "cancelled"
	case err != nil:
		msg = err.Error()
	default:
		msg = "done"
		if s, ok := val.(Summarizer); ok {
			msg = s.Summary()
		}
		if fromCache {
			msg += " (from cache)"
		}
	}
	m.emit(Event{Token: token, Kind: End, Title: title, Message: msg, Percent: -1})
	if m.finish(e, val, err) {
		m.mu.Lock()
		fs := append([]func(kind, key string){}, m.onReady...)
		m.mu.Unlock()
		for _, f := range fs {
			f(e.id.kind, e.id.key)
		}
	}
}

// safely runs work, turning a panic into an error.
func safely(ctx context.Context, work func(context.Context) (any, bool, error)) (val any, fromCache bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			val, fromCache, err = nil, false, fmt.Errorf("indexcache: the build panicked: %v\n%s", r, debug.Stack())
		}
	}()
	return work(ctx)
}

// finish publishes an entry's result and reports whether it is still the
// wanted entry (neither forgotten nor cancelled).
func (m *Manager) finish(e *entry, val any, err error) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	e.val, e.err = val, err
	close(e.done)
	if m.entries[e.id] != e {
		return false
	}
	if m.closed {
		return false
	}
	e.elem = m.lru.PushFront(e)
	m.evictLocked()
	return true
}

// evictLocked drops the least recently used finished entries over the
// limit.
func (m *Manager) evictLocked() {
	for m.lru.Len() > m.maxEntries {
		m.removeLocked(m.lru.Back().Value.(*entry))
	}
}

// removeLocked removes an entry, cancelling its build if under way.
func (m *Manager) removeLocked(e *entry) {
	if m.entries[e.id] == e {
		delete(m.entries, e.id)
	}
	if e.elem != nil {
		m.lru.Remove(e.elem)
		e.elem = nil
	}
	e.forgot = true
	e.cancel()
}

// Forget drops the index for (kind, key), finished or failed, cancelling
// its build if one is under way; the next Get builds it again. The cache
// file, if any, stays: use it for a source that changed (cacheable false)
// or to retry a failed build.
func (m *Manager) Forget(kind, key string) {
	m.mu.Lock()
	if e := m.entries[ident{kind, key}]; e != nil {
		m.removeLocked(e)
	}
	m.mu.Unlock()
}

// Close cancels the builds under way and waits for their goroutines to
// end (each still sends its End event). After Close, Get returns nothing
// and Wait ErrClosed. Close may be called more than once.
func (m *Manager) Close() {
	m.mu.Lock()
	m.closed = true
	m.mu.Unlock()
	m.cancel()
	m.wg.Wait()
}

// acquire waits for a build slot for e; false when ctx ends first or e
// is not wanted any more (forgotten, or the Manager closed: checked under
// the lock, since ctx is cancelled a moment after).
func (m *Manager) acquire(ctx context.Context, e *entry) bool {
	m.mu.Lock()
	if m.closed || e.forgot {
		m.mu.Unlock()
		return false
	}
	if m.running < m.maxBuilds {
		m.running++
		m.mu.Unlock()
		return true
	}
	ch := make(chan struct{})
	m.waiters = append(m.waiters, ch)
	m.mu.Unlock()
	select {
	case <-ch:
		m.mu.Lock()
		unwanted := m.closed || e.forgot
		m.mu.Unlock()
		if !unwanted && ctx.Err() == nil {
			return true
		}
		m.release() // both happened: the build is not wanted any more
		return false
	case <-ctx.Done():
	}
	m.mu.Lock()
	for i, w := range m.waiters {
		if w == ch {
			m.waiters = append(m.waiters[:i], m.waiters[i+1:]...)
			m.mu.Unlock()
			return false
		}
	}
	m.mu.Unlock()
	m.release() // the slot was handed over meanwhile: pass it on
	return false
}

// release gives a build slot to the next waiter or frees it.
func (m *Manager) release() {
	m.mu.Lock()
	if len(m.waiters) > 0 && m.running <= m.maxBuilds {
		close(m.waiters[0])
		m.waiters = m.waiters[1:]
	} else {
		m.running--
	}
	m.mu.Unlock()
}

func (m *Manager) emit(ev Event) {
	if m.progress != nil {
		m.progress(ev)
	}
}

func (m *Manager) log(format string, args ...any) {
	m.mu.Lock()
	logf := m.logf
	m.mu.Unlock()
	if logf != nil {
		logf(format, args...)
	}
}

type reporterKey struct{}

// ReportProgress sends a Report event (message, percent 0–100 or -1) for the build
// whose context ctx is; with any other context it does nothing. Builders
// should report a few times a second at most.
func ReportProgress(ctx context.Context, message string, percent int) {
	if f, ok := ctx.Value(reporterKey{}).(func(string, int)); ok {
		f(message, percent)
	}
}
