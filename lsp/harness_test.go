package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
)

// session is an in-process client connected to a server over net.Pipe:
// it records what the server sends and answers the server's requests.
type session struct {
	t      testing.TB
	server *Server
	conn   jsonrpc2.Conn
	done   chan int // the server's exit code

	mu       sync.Mutex
	cond     *sync.Cond
	diags    map[string][]publishParams // by URI, in arrival order
	logs     []string
	requests []string          // methods the server called
	config   json.RawMessage   // answer to workspace/configuration
	regs     []json.RawMessage // registrations received
	progress []json.RawMessage // $/progress notifications
}

func newSession(t testing.TB, setup func(*Server)) *session {
	t.Helper()
	serverSide, clientSide := net.Pipe()
	srv := newServer(Options{Version: "test", Log: NewLogger(io.Discard, LevelDebug), IndexCache: "-", WaitIndexes: true})
	if setup != nil {
		setup(srv)
	}
	ss := &session{t: t, server: srv, done: make(chan int, 1), diags: map[string][]publishParams{}, config: json.RawMessage("{}")}
	ss.cond = sync.NewCond(&ss.mu)
	go func() { ss.done <- srv.serve(context.Background(), serverSide) }()
	ss.conn = jsonrpc2.NewConn(jsonrpc2.NewStream(clientSide))
	ss.conn.Go(context.Background(), ss.handle)
	t.Cleanup(func() {
		ss.conn.Close()
		select {
		case <-ss.done:
		case <-time.After(10 * time.Second):
			t.Errorf("server did not stop after the client closed the connection")
		}
	})
	return ss
}

func (ss *session) handle(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
	// The answer is sent after the lock is released: a test goroutine
	// waiting for the lock must never wait for the server to read.
	result, answer := ss.record(req)
	if _, ok := req.(*jsonrpc2.Call); ok && answer {
		return reply(ctx, result, nil)
	}
	return nil
}

// record notes what the server sent and returns the answer to a request.
func (ss *session) record(req jsonrpc2.Request) (result any, answer bool) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	defer ss.cond.Broadcast()
	switch req.Method() {
	case "textDocument/publishDiagnostics":
		var p publishParams
		if err := json.Unmarshal(req.Params(), &p); err != nil {
			ss.t.Errorf("bad publishDiagnostics: %v", err)
		}
		if p.Diagnostics == nil {
			ss.t.Errorf("publishDiagnostics with null diagnostics for %s", p.URI)
		}
		ss.diags[p.URI] = append(ss.diags[p.URI], p)
		return nil, false
	case "window/logMessage", "window/showMessage":
		var p struct{ Message string }
		_ = json.Unmarshal(req.Params(), &p)
		if req.Method() == "window/showMessage" {
			p.Message = "show: " + p.Message
		}
		ss.logs = append(ss.logs, p.Message)
		return nil, false
	case "$/progress":
		ss.progress = append(ss.progress, append(json.RawMessage(nil), req.Params()...))
		return nil, false
	case "workspace/configuration":
		ss.requests = append(ss.requests, req.Method())
		return []json.RawMessage{ss.config}, true
	case "client/registerCapability":
		ss.requests = append(ss.requests, req.Method())
		ss.regs = append(ss.regs, req.Params())
		return nil, true
	}
	ss.requests = append(ss.requests, req.Method())
	return nil, true
}

// call sends a request and decodes the result into out (may be nil).
func (ss *session) call(method string, params, out any) error {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	_, err := ss.conn.Call(ctx, method, params, out)
	return err
}

func (ss *session) notify(method string, params any) {
	ss.t.Helper()
	if err := ss.conn.Notify(context.Background(), method, params); err != nil {
		ss.t.Fatalf("notify %s: %v", method, err)
	}
}

// initialize runs the handshake with the given client capabilities.
func (ss *session) initialize(caps map[string]any) {
	ss.t.Helper()
	if caps == nil {
		caps = map[string]any{}
	}
	var res map[string]any
	if err := ss.call("initialize", map[string]any{"processId": nil, "rootUri": nil, "capabilities": caps}, &res); err != nil {
		ss.t.Fatalf("initialize: %v", err)
	}
	ss.notify("initialized", map[string]any{})
}

func (ss *session) open(uri, text string) {
	ss.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": "nix", "version": 1, "text": text}})
}

// change sends one didChange with range edits [line, char, endLine,
// endChar, text] (UTF-16 positions).
func (ss *session) change(uri string, version int, edits ...[5]any) {
	var changes []map[string]any
	for _, e := range edits {
		changes = append(changes, map[string]any{
			"range": map[string]any{"start": map[string]any{"line": e[0], "character": e[1]},
				"end": map[string]any{"line": e[2], "character": e[3]}},
			"text": e[4]})
	}
	ss.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": version},
		"contentChanges": changes})
}

// waitDiags waits for a publishDiagnostics for uri that satisfies ok (the
// latest one is checked each time one arrives) and returns it.
func (ss *session) waitDiags(uri string, what string, ok func(publishParams) bool) publishParams {
	ss.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	timer := time.AfterFunc(20*time.Second, func() { ss.mu.Lock(); ss.cond.Broadcast(); ss.mu.Unlock() })
	defer timer.Stop()
	ss.mu.Lock()
	defer ss.mu.Unlock()
	for {
		if list := ss.diags[uri]; len(list) > 0 && ok(list[len(list)-1]) {
			return list[len(list)-1]
		}
		if time.Now().After(deadline) {
			ss.t.Fatalf("no diagnostics for %s with %s; got %s", uri, what, ss.describe(uri))
		}
		ss.cond.Wait()
	}
}

func (ss *session) describe(uri string) string {
	list := ss.diags[uri]
	if len(list) == 0 {
		return "none"
	}
	b, _ := json.Marshal(list[len(list)-1])
	return fmt.Sprintf("%d publications, last %s", len(list), b)
}

func hasCode(code string) func(publishParams) bool {
	return func(p publishParams) bool {
		for _, d := range p.Diagnostics {
			if d.Code == code {
				return true
			}
		}
		return false
	}
}

func isEmpty(p publishParams) bool { return len(p.Diagnostics) == 0 }

func rpcCode(err error) int64 {
	if e, ok := err.(*jsonrpc2.Error); ok {
		return int64(e.Code)
	}
	return 0
}

// waitLog waits for a log or shown message starting with prefix.
func (ss *session) waitLog(what, prefix string) {
	ss.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	timer := time.AfterFunc(20*time.Second, func() { ss.mu.Lock(); ss.cond.Broadcast(); ss.mu.Unlock() })
	defer timer.Stop()
	ss.mu.Lock()
	defer ss.mu.Unlock()
	for {
		for _, l := range ss.logs {
			if strings.HasPrefix(l, prefix) {
				return
			}
		}
		if time.Now().After(deadline) {
			ss.t.Fatalf("no %s (%q...) in %q", what, prefix, ss.logs)
		}
		ss.cond.Wait()
	}
}
