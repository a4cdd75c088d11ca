package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/flake-lsp/flake-lsp/internal/benchdata"
)

// TestCancelledRequestsLeaveNoGoroutine cancels requests in flight on a
// large document, then closes the session: once each request is
// answered (cancelled or not), no goroutine of it is left, and once the
// session is closed, none of the session's.
func TestCancelledRequestsLeaveNoGoroutine(t *testing.T) {
	before := goleak.IgnoreCurrent()
	rc := newRawClient(t)
	rc.send(frame(`{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{}}}`))
	if msg := rc.next(); msg["result"] == nil {
		t.Fatalf("initialize: %v", msg)
	}
	text, _ := json.Marshal(string(benchdata.ScopedPackageSet(300 << 10)))
	uri := "file:///tmp/cancel/all-packages.nix"
	// One send: each send writes from a goroutine of its own, so two are
	// not ordered.
	rc.send(frame(`{"jsonrpc":"2.0","method":"initialized","params":{}}`) +
		frame(fmt.Sprintf(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":%q,"languageId":"nix","version":1,"text":%s}}}`, uri, text)) +
		frame(fmt.Sprintf(`{"jsonrpc":"2.0","id":1,"method":"textDocument/documentSymbol","params":{"textDocument":{"uri":%q}}}`, uri)))
	// The session's own goroutines are running after this answer; the
	// requests below must add none that outlive them.
	if msg := rc.next(); msg["error"] != nil {
		t.Fatalf("documentSymbol: %v", msg)
	}
	session := goleak.IgnoreCurrent()

	const n = 20
	methods := []string{"textDocument/semanticTokens/full", "textDocument/documentSymbol", "textDocument/foldingRange", "textDocument/documentLink"}
	var batch strings.Builder
	for id := 100; id < 100+n; id++ {
		batch.WriteString(frame(fmt.Sprintf(`{"jsonrpc":"2.0","id":%d,"method":%q,"params":{"textDocument":{"uri":%q}}}`, id, methods[id%len(methods)], uri)))
		batch.WriteString(frame(fmt.Sprintf(`{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":%d}}`, id)))
	}
	rc.send(batch.String())
	cancelled := 0
	for answered := 0; answered < n; {
		msg := rc.next()
		id, _ := msg["id"].(float64)
		if id < 100 || id >= 100+n {
			t.Fatalf("unexpected message %v", msg)
		}
		answered++
		switch code := errorCode(msg); {
		case code == codeRequestCancelled:
			cancelled++
		case code != 0:
			t.Fatalf("request %v: error %v", id, msg)
		}
	}
	t.Logf("%d of %d requests cancelled before they finished", cancelled, n)
	if cancelled == 0 {
		t.Errorf("no request was cancelled in flight: the test did not test cancellation")
	}
	// Replies are written before a handler's goroutine ends: give the
	// last ones a moment, then nothing of the requests may remain.
	if err := goleak.Find(session); err != nil {
		t.Fatalf("goroutines left by cancelled requests: %v", err)
	}
	rc.srv.pendingMu.Lock()
	left := len(rc.srv.pending)
	rc.srv.pendingMu.Unlock()
	if left != 0 {
		t.Fatalf("%d requests still registered as pending", left)
	}

	rc.close(t)
	if err := goleak.Find(before); err != nil {
		t.Fatalf("goroutines left by a closed session: %v", err)
	}
}

// close closes the client's end and waits for the server to stop.
func (rc *rawClient) close(t *testing.T) {
	t.Helper()
	rc.conn.Close()
	select {
	case code := <-rc.done:
		rc.done <- code // for the cleanup of newRawClient
	case <-time.After(10 * time.Second):
		t.Fatal("server did not stop")
	}
}

// close closes the client's connection and waits for the server to stop.
func (ss *session) close(t *testing.T) {
	t.Helper()
	ss.conn.Close()
	select {
	case code := <-ss.done:
		ss.done <- code // for the cleanup of newSession
	case <-time.After(10 * time.Second):
		t.Fatal("server did not stop")
	}
}

// TestConcurrentDocumentsAndRequests: editors keep several documents
// open, and their edits and requests interleave. Here each of 16
// documents has its own goroutine that replaces its text and then asks
// for its symbols, which must be those of exactly that text (the edit was
// applied before the request was read, and no other document's text
// leaks in), while other goroutines send hover, completion, semantic
// tokens and diagnostics requests at random documents. At the end every
// document's text and pulled diagnostics match a fresh analysis.
func TestConcurrentDocumentsAndRequests(t *testing.T) {
	before := goleak.IgnoreCurrent()
	func() {
		ss := newSession(t, nil)
		defer ss.close(t)
		ss.initialize(nil)
		const docs, edits = 16, 25
		uri := func(d int) string { return fmt.Sprintf("file:///tmp/concurrent/d%02d.nix", d) }
		textOf := func(d, k int) string {
			// Binding names carry the document and the version; `u` is
			// unused at every other version.
			if k%2 == 0 {
				return fmt.Sprintf("let u = 1; in {\n  d%d_v%d = %d;\n  s = \"é😀\";\n}\n", d, k, k)
			}
			return fmt.Sprintf("{\n  d%d_v%d = %d;\n  s = \"é😀\";\n}\n", d, k, k)
		}
		for d := 0; d < docs; d++ {
			ss.open(uri(d), textOf(d, 1))
		}
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()
		errs := make(chan error, docs+8)
		var wg sync.WaitGroup
		stop := make(chan struct{})
		for d := 0; d < docs; d++ {
			wg.Add(1)
			go func(d int) {
				defer wg.Done()
				for k := 2; k <= edits; k++ {
					err := ss.conn.Notify(ctx, "textDocument/didChange", map[string]any{
						"textDocument":   map[string]any{"uri": uri(d), "version": k},
						"contentChanges": []map[string]any{{"text": textOf(d, k)}},
					})
					if err != nil {
						errs <- err
						return
					}
					var syms []documentSymbol
					if _, err := ss.conn.Call(ctx, "textDocument/documentSymbol", map[string]any{"textDocument": map[string]any{"uri": uri(d)}}, &syms); err != nil {
						errs <- fmt.Errorf("doc %d version %d: documentSymbol: %v", d, k, err)
						return
					}
					want := fmt.Sprintf("d%d_v%d", d, k)
					if !hasSymbol(syms, want) {
						errs <- fmt.Errorf("doc %d version %d: symbols %+v, want %s", d, k, syms, want)
						return
					}
				}
			}(d)
		}
		var noise sync.WaitGroup
		var noiseCalls atomic.Int64
		for g := 0; g < 4; g++ {
			noise.Add(1)
			go func(seed int64) {
				defer noise.Done()
				r := rand.New(rand.NewSource(seed))
				for {
					select {
					case <-stop:
						return
					default:
					}
					doc := map[string]any{"uri": uri(r.Intn(docs))}
					pos := map[string]any{"line": r.Intn(4), "character": r.Intn(20)}
					var err error
					noiseCalls.Add(1)
					switch r.Intn(4) {
					case 0:
						_, err = ss.conn.Call(ctx, "textDocument/hover", map[string]any{"textDocument": doc, "position": pos}, nil)
					case 1:
						_, err = ss.conn.Call(ctx, "textDocument/completion", map[string]any{"textDocument": doc, "position": pos}, nil)
					case 2:
						_, err = ss.conn.Call(ctx, "textDocument/semanticTokens/full", map[string]any{"textDocument": doc}, nil)
					default:
						_, err = ss.conn.Call(ctx, "textDocument/diagnostic", map[string]any{"textDocument": doc}, nil)
					}
					if err != nil && rpcCode(err) != codeContentModified && rpcCode(err) != codeRequestCancelled {
						errs <- fmt.Errorf("concurrent request: %v", err)
						return
					}
				}
			}(int64(g))
		}
		wg.Wait()
		close(stop)
		noise.Wait()
		close(errs)
		t.Logf("%d requests beside the edits", noiseCalls.Load())
		for err := range errs {
			t.Error(err)
		}
		if t.Failed() {
			return
		}
		// Every document ends at its last text, with the diagnostics a
		// session that opens that text alone finds.
		fresh := newSession(t, nil)
		defer fresh.close(t)
		fresh.initialize(nil)
		for d := 0; d < docs; d++ {
			doc := ss.server.docs.get(uri(d))
			doc.mu.Lock()
			text := string(doc.text)
			doc.mu.Unlock()
			if want := textOf(d, edits); text != want {
				t.Errorf("doc %d: text %q, want %q", d, text, want)
			}
			fresh.open(uri(d), textOf(d, edits))
			if got, want := pullDiagnostics(t, ss, uri(d)), pullDiagnostics(t, fresh, uri(d)); got != want {
				t.Errorf("doc %d: diagnostics\n%s\nwant (fresh session)\n%s", d, got, want)
			}
		}
	}()
	// Both sessions are closed: nothing of theirs may be left.
	if err := goleak.Find(before); err != nil {
		t.Fatalf("goroutines left after the sessions closed: %v", err)
	}
}

func hasSymbol(syms []documentSymbol, name string) bool {
	for _, s := range syms {
		if s.Name == name || hasSymbol(s.Children, name) {
			return true
		}
	}
	return false
}

// pullDiagnostics renders the pulled diagnostics of a document, one per
// line.
func pullDiagnostics(t *testing.T, ss *session, uri string) string {
	t.Helper()
	var report struct {
		Kind  string `json:"kind"`
		Items []struct {
			Range   json.RawMessage `json:"range"`
			Code    any             `json:"code"`
			Message string          `json:"message"`
		} `json:"items"`
	}
	if err := ss.call("textDocument/diagnostic", map[string]any{"textDocument": map[string]any{"uri": uri}}, &report); err != nil {
		t.Fatalf("diagnostic %s: %v", uri, err)
	}
	var b strings.Builder
	for _, it := range report.Items {
		fmt.Fprintf(&b, "%s %v %s\n", it.Range, it.Code, it.Message)
	}
	return b.String()
}
