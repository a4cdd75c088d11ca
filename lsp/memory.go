package lsp

import (
	"runtime/debug"
	"sync"
	"time"
)

// idleFree returns the heap's free memory to the system once the
// analyses fall idle after documents were opened or closed.
//
// With the heap ballast (serve) the collector lets up to the ballast
// plus the live heap of garbage accumulate, and the runtime hands pages
// back to the system only slowly: after an editor opens a workspace's
// flakes at once (hundreds of analyses in a burst), the process stayed
// resident at about twice what the documents keep. One forced
// collection when the burst is over (debug.FreeOSMemory: a collection
// and the return of every free page) brings it down to what is live.
// Edits do not trigger it: they change little of what is live, and a
// forced collection between keystrokes would cost their latency.
type idleFree struct {
	mu      sync.Mutex
	busy    int  // workers running
	changed bool // documents opened or closed since the last release
	timer   *time.Timer
	// free is debug.FreeOSMemory (tests count the calls).
	free func()
}

// idleFreeAfter: the release waits for the analyses to have been idle
// this long (an editor opening files sends them one after another).
const idleFreeAfter = 300 * time.Millisecond

// begin: a worker starts.
func (f *idleFree) begin() {
	f.mu.Lock()
	f.busy++
	if f.timer != nil {
		f.timer.Stop()
		f.timer = nil
	}
	f.mu.Unlock()
}

// opened: a document was opened or closed.
func (f *idleFree) opened() {
	f.mu.Lock()
	f.changed = true
	f.mu.Unlock()
}

// end: a worker stops; the last one arms the release.
func (f *idleFree) end() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.busy--
	if f.busy > 0 || !f.changed {
		return
	}
	if f.timer != nil {
		f.timer.Stop()
	}
	f.timer = time.AfterFunc(idleFreeAfter, f.release)
}

func (f *idleFree) release() {
	f.mu.Lock()
	if f.busy > 0 || !f.changed {
		f.mu.Unlock()
		return
	}
	f.changed, f.timer = false, nil
	free := f.free
	f.mu.Unlock()
	if free == nil {
		free = debug.FreeOSMemory
	}
	free()
}

// stop cancels a pending release (at the end of the session).
func (f *idleFree) stop() {
	f.mu.Lock()
	if f.timer != nil {
		f.timer.Stop()
		f.timer = nil
	}
	f.changed = false
	f.mu.Unlock()
}

// While a document of largeGCSize bytes or more is open, the collector's
// goal is raised to largeGCPercent. Each keystroke in a 650 KB package set
// allocates about 30 MB (the View, scopes, diagnostics) against a live
// heap of about 33 MB with the ballast, so with the default percent a
// collection ran on nearly every keystroke, on the cores the analysis
// needs (see docs/performance.md, Large files: 200 took the keystroke's
// p95 from 27-39 ms to 20-27 ms; 300 did no better). The cost is memory,
// only in such sessions: up to twice the live heap of garbage between
// collections (peak 99 -> 148 MB with one 650 KB set and 200 edits).
const (
	largeGCSize    = 256 << 10
	largeGCPercent = 200
)

// largeDocs counts the open large documents of every session in the
// process (the collector's setting is the process's).
var largeDocs struct {
	sync.Mutex
	n    int
	base int // the setting before the first one opened (GOGC)
}

// noteLarge records that a large document was opened (on) or closed.
func noteLarge(on bool) {
	largeDocs.Lock()
	defer largeDocs.Unlock()
	if on {
		largeDocs.n++
		if largeDocs.n == 1 {
			largeDocs.base = debug.SetGCPercent(largeGCPercent)
			if largeDocs.base < 0 || largeDocs.base > largeGCPercent {
				debug.SetGCPercent(largeDocs.base) // off or higher already: keep it
			}
		}
		return
	}
	largeDocs.n--
	if largeDocs.n == 0 {
		debug.SetGCPercent(largeDocs.base)
	}
}

// setLarge updates d's part in largeDocs for a text of size bytes (under
// d.mu, or before d is shared); size < 0: d is closed.
func (d *document) setLarge(size int) {
	large := size >= largeGCSize && !d.closed
	if large != d.large {
		d.large = large
		noteLarge(large)
	}
}
