package lsp

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand"
	"net"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/flake-lsp/flake-lsp/syntax"
)

// refOffset is the byte offset of a UTF-16 position in text whose lines
// end with "\n", as LSP asks servers to clamp: past the end of a line is
// its end, past the last line is the end of text, inside a surrogate pair
// is the start of that character.
func refOffset(text string, line, char int) int {
	start := 0
	for i := 0; i < line; i++ {
		nl := strings.IndexByte(text[start:], '\n')
		if nl < 0 {
			return len(text)
		}
		start += nl + 1
	}
	units := 0
	for i, r := range text[start:] {
		if r == '\n' {
			return start + i
		}
		w := 1
		if r >= 0x10000 {
			w = 2
		}
		if units+w > char {
			return start + i
		}
		units += w
	}
	return len(text)
}

// rawClient speaks bytes to a server, for input no well-behaved client
// library would produce.
type rawClient struct {
	t    *testing.T
	srv  *Server
	conn net.Conn
	in   *bufio.Reader
	done chan int
}

func newRawClient(t *testing.T) *rawClient {
	serverSide, clientSide := net.Pipe()
	srv := newServer(Options{Version: "test"})
	rc := &rawClient{t: t, srv: srv, conn: clientSide, in: bufio.NewReader(clientSide), done: make(chan int, 1)}
	go func() { rc.done <- srv.serve(context.Background(), serverSide) }()
	t.Cleanup(func() {
		clientSide.Close()
		select {
		case <-rc.done:
		case <-time.After(10 * time.Second):
			t.Error("server did not stop")
		}
	})
	return rc
}

func (rc *rawClient) send(raw string) {
	rc.t.Helper()
	go func() { _, _ = io.WriteString(rc.conn, raw) }() // net.Pipe blocks until read
}

func frame(body string) string {
	return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body)
}

// next reads the next message the server sends that is not a log or
// diagnostics notification.
func (rc *rawClient) next() map[string]any {
	rc.t.Helper()
	for {
		_ = rc.conn.SetReadDeadline(time.Now().Add(10 * time.Second))
		length := -1
		for {
			line, err := rc.in.ReadString('\n')
			if err != nil {
				rc.t.Fatalf("reading header: %v", err)
			}
			line = strings.TrimSpace(line)
			if line == "" {
				break
			}
			if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
				length, _ = strconv.Atoi(v)
			}
		}
		body := make([]byte, length)
		if _, err := io.ReadFull(rc.in, body); err != nil {
			rc.t.Fatalf("reading body: %v", err)
		}
		var msg map[string]any
		if err := json.Unmarshal(body, &msg); err != nil {
			rc.t.Fatalf("server sent invalid JSON %q", body)
		}
		if m, _ := msg["method"].(string); m == "window/logMessage" || m == "textDocument/publishDiagnostics" {
			continue
		}
		return msg
	}
}

func errorCode(msg map[string]any) int {
	e, _ := msg["error"].(map[string]any)
	c, _ := e["code"].(float64)
	return int(c)
}

// TestMalformedJSONRPC: every kind of broken message is answered with a
// JSON-RPC error and the session goes on.
func TestMalformedJSONRPC(t *testing.T) {
	rc := newRawClient(t)
	cases := []struct {
		raw  string
		code int
	}{
		{frame(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}`), -32700}, // truncated JSON
		{frame(`not json at all`), -32700},
		{frame(`{"jsonrpc":"2.0","id":1.5,"method":"initialize"}`), -32600},              // fractional id
		{frame(`{"jsonrpc":"2.0","id":{"x":1},"method":"initialize"}`), -32600},          // object id
		{frame(`{"jsonrpc":"2.0","id":3,"method":42}`), -32600},                          // method not a string
		{frame(`{"jsonrpc":"2.0","id":4,"method":"initialize","params":"str"}`), -32600}, // params a string
		{"Content-Length: abc\r\n\r\n", -32700},
		{"X-Nonsense\r\n\r\n", -32700},
		{"Content-Type: x\r\n\r\n", -32700}, // no Content-Length
		{frame("\xff\xfe\x00binary"), -32700},
	}
	for i, c := range cases {
		rc.send(c.raw)
		msg := rc.next()
		if got := errorCode(msg); got != c.code {
			t.Errorf("case %d %q: answered %v, want error %d", i, c.raw, msg, c.code)
		}
	}
	// Still alive: a proper initialize works.
	rc.send(frame(`{"jsonrpc":"2.0","id":7,"method":"initialize","params":{"capabilities":{}}}`))
	if msg := rc.next(); msg["result"] == nil {
		t.Fatalf("initialize after garbage: %v", msg)
	}
	// A string id is echoed as a string.
	rc.send(frame(`{"jsonrpc":"2.0","id":"abc","method":"shutdown"}`))
	if msg := rc.next(); msg["id"] != "abc" || msg["error"] != nil {
		t.Fatalf("shutdown with string id: %v", msg)
	}
}

// TestRandomBytesAndEdits throws random bytes at the framing layer, then
// random (often invalid) edits at a document, and checks the server keeps
// answering and its text matches the edits applied by a reference.
func TestRandomBytesAndEdits(t *testing.T) {
	seed := time.Now().UnixNano()
	r := rand.New(rand.NewSource(seed))
	t.Logf("seed %d", seed)
	rc := newRawClient(t)
	for i := 0; i < 200; i++ {
		n := r.Intn(200)
		b := make([]byte, n)
		r.Read(b)
		// Keep the header parseable often enough to reach the JSON layer.
		if r.Intn(2) == 0 {
			rc.send(frame(string(b)))
		} else {
			rc.send(string(b) + "\r\n\r\n")
		}
	}
	// Drain the error replies: wait until a request gets its answer.
	rc.send(frame(`{"jsonrpc":"2.0","id":99,"method":"initialize","params":{"capabilities":{}}}`))
	for {
		msg := rc.next()
		if id, _ := msg["id"].(float64); id == 99 {
			break
		}
	}

	ss := newSession(t, nil)
	ss.initialize(nil)
	uri := "file:///tmp/rand/a.nix"
	text := "{ a = \"é😀\"; b = [ 1 2 ]; c = x: x + 1; }\n"
	ss.open(uri, text)
	ref := text
	for v := 2; v < 300; v++ {
		// Pick a span in UTF-16 units, sometimes beyond the end of line or
		// inside a surrogate pair, as buggy clients do.
		lines := strings.Count(ref, "\n") + 1
		line := r.Intn(lines + 1)
		ch, end := r.Intn(40), 0
		end = ch + r.Intn(3)
		ins := []string{"", "{", "}", "\"", "${", "''", "é", "😀", "日本", "\n", "let ", " in ", "#", "/*", "\x00", "\t"}[r.Intn(16)]
		ss.change(uri, v, [5]any{line, ch, line, end, ins})
		a, b := refOffset(ref, line, ch), refOffset(ref, line, end)
		ref = ref[:a] + ins + ref[b:]
	}
	// The server answers after all that.
	var report struct {
		Kind string `json:"kind"`
	}
	if err := ss.call("textDocument/diagnostic", map[string]any{"textDocument": map[string]any{"uri": uri}}, &report); err != nil || report.Kind != "full" {
		t.Fatalf("after random edits: %v %+v", err, report)
	}
	d := ss.server.docs.get(uri)
	d.mu.Lock()
	final := d.text
	d.mu.Unlock()
	if !utf8.Valid(final) {
		t.Errorf("text is no longer valid UTF-8 (seed %d)", seed)
	}
	if string(final) != ref {
		t.Fatalf("server text differs from the reference (seed %d):\n%q\n%q", seed, final, ref)
	}
	// The tree the server kept matches a fresh parse of its text.
	snap, err := ss.server.docs.snapshot(context.Background(), uri)
	if err != nil {
		t.Fatal(err)
	}
	if string(snap.Text) != string(final) {
		t.Fatalf("snapshot text differs from the document's")
	}
	// With syntax errors, tree-sitter's error recovery depends on which old
	// subtrees an incremental parse reuses, so only the verdict must agree
	// (syntax.TestIncrementalMatchesFresh measures how rarely they differ).
	fresh := syntax.Parse(snap.Text)
	defer fresh.Close()
	freshView := syntax.NewView(fresh, snap.Text)
	freshErrs, keptErrs := len(fresh.ErrorsIn(freshView)) > 0, false
	for _, d := range snap.Diagnostics {
		keptErrs = keptErrs || d.Code == syntax.Code
	}
	switch {
	case freshErrs != keptErrs:
		t.Fatalf("the kept tree says syntax errors: %v, a fresh parse: %v (seed %d)", keptErrs, freshErrs, seed)
	case !freshErrs && !reflect.DeepEqual(freshView.Nodes, snap.View.Nodes):
		t.Fatalf("incrementally parsed tree differs from a fresh parse (seed %d)", seed)
	}
}

// TestClientThatDoesNotReadWhileWriting: a client may write several
// messages before it reads any answer (and some answer our requests from
// their reading loop, so they cannot read while they write). The server's
// reading goroutine must never wait for the client to read: over an
// unbuffered pipe, a server that wrote its answers from the reading
// goroutine deadlocked on the second message here (CI hung on the same
// pattern in a test client).
func TestClientThatDoesNotReadWhileWriting(t *testing.T) {
	rc := newRawClient(t)
	const n = 100 // more than the server's 64 KB read buffer holds
	pad := strings.Repeat("# padding\\n", 100)
	var raw strings.Builder
	raw.WriteString(frame(`{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{}}}`))
	raw.WriteString(frame(`{"jsonrpc":"2.0","method":"initialized","params":{}}`))
	for i := 1; i <= n; i++ {
		// Malformed (answered from the reading goroutine), a document
		// opened (diagnostics pushed) and a request, in turn.
		raw.WriteString(frame(`not json`))
		raw.WriteString(frame(fmt.Sprintf(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///d%d/flake.nix","languageId":"nix","version":1,"text":"%s{ outputs = { self }: { }; }"}}}`, i, pad)))
		raw.WriteString(frame(fmt.Sprintf(`{"jsonrpc":"2.0","id":%d,"method":"textDocument/documentSymbol","params":{"textDocument":{"uri":"file:///d%d/flake.nix"}}}`, i, i)))
	}
	_ = rc.conn.SetWriteDeadline(time.Now().Add(20 * time.Second))
	if _, err := io.WriteString(rc.conn, raw.String()); err != nil {
		t.Fatalf("the server stopped reading while its answers waited: %v", err)
	}
	_ = rc.conn.SetWriteDeadline(time.Time{})
	answered := map[float64]bool{}
	parseErrors := 0
	for len(answered) < n+1 || parseErrors < n {
		msg := rc.next()
		if id, ok := msg["id"].(float64); ok {
			answered[id] = true
		} else if errorCode(msg) == -32700 {
			parseErrors++
		}
	}
}
