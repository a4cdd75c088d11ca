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
