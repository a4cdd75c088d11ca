package lsp

import (
	"strings"
	"testing"
	"time"
)

// TestNewerEditCancelsRunawayParse: while a text keeps the parser busy
// (a 2 MB string of escapes: half a second or more), other documents are
// answered, and a newer edit stops the stale parse instead of waiting for
// it. (The text was a runaway error recovery, `[(a + b c ]"`, until the
// grammar lost its `word` rule: without keyword extraction none is known.)
func TestNewerEditCancelsRunawayParse(t *testing.T) {
	ss := newSession(t, nil)
	ss.initialize(nil)
	a, b := "file:///tmp/runaway/a.nix", "file:///tmp/runaway/b.nix"
	slow := "\"" + strings.Repeat(`abcdefgh\n`, 200_000) + "\""
	ss.open(a, slow)
	d := waitFor(t, "the parse of a to start", func() *document { return ss.server.docs.get(a) })
	parsingLong := func() bool {
		d.mu.Lock()
		defer d.mu.Unlock()
		return !d.parsing.IsZero() && time.Since(d.parsing) > cancelAfter
	}
	waitFor(t, "a's parse to run long", func() *document {
		if parsingLong() {
			return d
		}
		return nil
	})
	// Another document is analysed and answered meanwhile.
	ss.open(b, "{ x = 1; }\n")
	ss.waitDiags(b, "b's diagnostics", isEmpty)
	var hover map[string]any
	if err := ss.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": b}, "position": map[string]int{"line": 0, "character": 2}}, &hover); err != nil {
		t.Fatal(err)
	}
	if !parsingLong() {
		t.Skip("SKIPPED: the runaway parse finished before b was answered; nothing left to cancel on this machine")
	}
	before := parseCancels.Load()
	ss.change(a, 2, [5]any{0, 0, 0, len(slow), "[ 1 ]"})
	ss.waitDiags(a, "the new text's diagnostics", func(p publishParams) bool { return p.Version != nil && *p.Version == 2 && len(p.Diagnostics) == 0 })
	if parseCancels.Load() == before {
		t.Errorf("the stale parse was not cancelled")
	}
}

func waitFor[T any](t *testing.T, what string, f func() *T) *T {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if v := f(); v != nil {
			return v
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", what)
	return nil
}
