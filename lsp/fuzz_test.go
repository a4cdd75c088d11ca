package lsp

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/flake-lsp/flake-lsp/analysis/complete"
	"github.com/flake-lsp/flake-lsp/analysis/hover"
	"github.com/flake-lsp/flake-lsp/analysis/navigate"
	"github.com/flake-lsp/flake-lsp/analysis/outline"
	"github.com/flake-lsp/flake-lsp/analysis/semtok"
	"github.com/flake-lsp/flake-lsp/analysis/unit"
	"github.com/flake-lsp/flake-lsp/check"
)

// fuzzSeedFlakes are every third realistic flake (with its lock): every
// offset of each is tried when the seeds run as a test, under the race
// detector in CI.
func fuzzSeedFlakes(f *testing.F) (nix, lock [][]byte) {
	files, _ := filepath.Glob("../testdata/flakes/*/flake.nix")
	if len(files) < 40 {
		f.Fatalf("only %d flakes", len(files))
	}
	for i := 0; i < len(files); i += 3 {
		src, err := os.ReadFile(files[i])
		if err != nil {
			f.Fatal(err)
		}
		l, _ := os.ReadFile(filepath.Join(filepath.Dir(files[i]), "flake.lock"))
		nix, lock = append(nix, src), append(lock, l)
	}
	return nix, lock
}

// FuzzFeatures analyses any bytes as flake.nix (with any bytes as its
// lock) the way the server does, then asks for completion, hover,
// definition, references, highlights and rename at every offset, and for
// the semantic tokens, symbols, folds and links: no panic, and every
// range inside the text.
func FuzzFeatures(f *testing.F) {
	nix, lock := fuzzSeedFlakes(f)
	for i := range nix {
		f.Add(nix[i], lock[i])
	}
	f.Add([]byte("{ inputs.a.url = \"github:o/r\"; outputs = { self, a }: let x = a; in { p = x.é😀; }; }"), []byte{})
	f.Fuzz(func(t *testing.T, src, lockSrc []byte) {
		const path, lockPath = "/fuzz/flake.nix", "/fuzz/flake.lock"
		in := check.Input{Path: path, Src: src, Flake: true}
		if len(lockSrc) > 0 {
			in.LockPath, in.LockSrc = lockPath, lockSrc
		}
		out := check.Analyze(in)
		u := &unit.Unit{Path: path, Src: src, View: out.View, Scope: out.Scope, Flake: out.Flake, Lock: out.Lock, LockPath: in.LockPath, LockSrc: in.LockSrc}
		inside := func(what string, off, start, end int) {
			if start < 0 || end < start || end > len(src) {
				t.Fatalf("%s at offset %d: range [%d,%d) outside the text of %d bytes", what, off, start, end, len(src))
			}
		}
		insideFile := func(what string, off int, file string, start, end int) {
			switch file {
			case path:
				inside(what, off, start, end)
			case lockPath:
				if start < 0 || end < start || end > len(lockSrc) {
					t.Fatalf("%s at offset %d: range [%d,%d) outside the lock of %d bytes", what, off, start, end, len(lockSrc))
				}
			}
		}
		prev := 0
		for _, tok := range semtok.Tokens(u) {
			inside("semantic token", -1, tok.Start, tok.End)
			if tok.Start < prev || tok.Start == tok.End {
				t.Fatalf("semantic token [%d,%d) after one ending at %d, or empty", tok.Start, tok.End, prev)
			}
			if i := bytes.IndexAny(src[tok.Start:tok.End], "\n"); i >= 0 {
				t.Fatalf("semantic token [%d,%d) spans a line break", tok.Start, tok.End)
			}
			prev = tok.End
		}
		for _, s := range outline.Symbols(u) {
			inside("symbol", -1, s.Start, s.End)
		}
		for _, fo := range outline.Folds(u) {
			inside("fold", -1, fo.Start, fo.End)
		}
		for _, l := range outline.Links(u) {
			inside("link", -1, l.Start, l.End)
		}
		for off := 0; off <= len(src); off++ {
			for _, c := range complete.Complete(u, off) {
				inside("completion "+c.Label, off, c.Start, c.End)
			}
			if h, ok := hover.Hover(u, off, time.Time{}); ok {
				inside("hover", off, h.Start, h.End)
			}
			for _, l := range navigate.Definition(u, off) {
				insideFile("definition", off, l.Path, l.Start, l.End)
			}
			for _, o := range navigate.References(u, off, true) {
				insideFile("reference", off, o.Path, o.Start, o.End)
			}
			for _, o := range navigate.Highlights(u, off) {
				inside("highlight", off, o.Start, o.End)
			}
			if loc, _, err := navigate.PrepareRename(u, off); err == nil {
				insideFile("rename target", off, loc.Path, loc.Start, loc.End)
				if edits, err := navigate.Rename(u, off, "renamed"); err == nil {
					for _, e := range edits {
						insideFile("rename edit", off, e.Path, e.Start, e.End)
					}
				}
			}
		}
	})
}

// fuzzConn is a connection whose input is a fixed text and whose output
// is recorded. At the end of the text it waits until the server has
// answered every request and written nothing for a while (at most one
// second, or until the server stops) before it reports end of file:
// the server stops reading there and drops what it has yet to write, as
// for a client that left.
type fuzzConn struct {
	in     io.Reader
	server *Server
	mu     sync.Mutex
	out    bytes.Buffer
}

func (c *fuzzConn) Read(p []byte) (int, error) {
	n, err := c.in.Read(p)
	if err != io.EOF {
		return n, err
	}
	deadline := time.Now().Add(time.Second)
	last := -1
	for time.Now().Before(deadline) && c.server.ctx.Err() == nil {
		c.server.pendingMu.Lock()
		busy := len(c.server.pending) > 0
		c.server.pendingMu.Unlock()
		c.mu.Lock()
		size := c.out.Len()
		c.mu.Unlock()
		if !busy && size == last {
			break
		}
		last = size
		time.Sleep(5 * time.Millisecond)
	}
	return n, err
}
func (c *fuzzConn) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.out.Write(p)
}
func (c *fuzzConn) Close() error { return nil }

// fuzzSession is the start of a session a fuzzed input may continue.
var fuzzSession = frame(`{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}`) +
	frame(`{"jsonrpc":"2.0","method":"initialized","params":{}}`)

// FuzzServer feeds any bytes to the server's framing and dispatch (after
// an initialize when the flag says so) until end of input: the server
// must stop, log no panic, and write only well-formed messages. It reads
// no file and runs no formatter.
func FuzzServer(f *testing.F) {
	nix, _ := fuzzSeedFlakes(f)
	open := func(uri string, text []byte) string {
		t, _ := json.Marshal(string(text))
		return frame(fmt.Sprintf(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":%q,"languageId":"nix","version":1,"text":%s}}}`, uri, t))
	}
	at := func(id int, method, uri string, line, char int) string {
		return frame(fmt.Sprintf(`{"jsonrpc":"2.0","id":%d,"method":%q,"params":{"textDocument":{"uri":%q},"position":{"line":%d,"character":%d}}}`, id, method, uri, line, char))
	}
	for i, src := range nix[:5] {
		uri := fmt.Sprintf("file:///fuzz/%d/flake.nix", i)
		s := open(uri, src) +
			frame(fmt.Sprintf(`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":%q,"version":2},"contentChanges":[{"range":{"start":{"line":1,"character":2},"end":{"line":3,"character":0}},"text":"inputs.x.url = \"github:a/b\";\n"}]}}`, uri)) +
			at(1, "textDocument/completion", uri, 2, 8) + at(2, "textDocument/hover", uri, 4, 6) +
			at(3, "textDocument/definition", uri, 5, 10) +
			frame(fmt.Sprintf(`{"jsonrpc":"2.0","id":4,"method":"textDocument/rename","params":{"textDocument":{"uri":%q},"position":{"line":6,"character":5},"newName":"renamed"}}`, uri)) +
			frame(fmt.Sprintf(`{"jsonrpc":"2.0","id":5,"method":"textDocument/semanticTokens/full","params":{"textDocument":{"uri":%q}}}`, uri)) +
			frame(`{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":1}}`) +
			frame(fmt.Sprintf(`{"jsonrpc":"2.0","id":6,"method":"textDocument/formatting","params":{"textDocument":{"uri":%q},"options":{"tabSize":2,"insertSpaces":true}}}`, uri))
		if i == 0 {
			s = frame(`{"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{"settings":{"flake-lsp":{"formatter":["x"]}}}}`) + s
		}
		f.Add([]byte(s), true)
	}
	f.Add([]byte(fuzzSession), false)
	f.Add([]byte(frame(`{"jsonrpc":"2.0","id":7,"method":"shutdown"}`)+frame(`{"jsonrpc":"2.0","method":"exit"}`)), true)
	f.Add([]byte("Content-Length: 5\r\n\r\n{}{}{Content-Length: x\r\n\r\n"), true)
	f.Fuzz(func(t *testing.T, data []byte, initialize bool) {
		input := data
		if initialize {
			input = append([]byte(fuzzSession), data...)
		}
		var logs bytes.Buffer
		logw := &syncWriter{w: &logs}
		logger := NewLogger(logw, LevelError)
		srv := newServer(Options{Version: "fuzz", Log: logger, ReadFile: func(string) ([]byte, error) { return nil, fs.ErrNotExist }})
		srv.format = func(context.Context, []string, []byte) ([]byte, error) {
			return nil, fmt.Errorf("no formatter runs in this test")
		}
		conn := &fuzzConn{in: bytes.NewReader(input), server: srv}
		done := make(chan int, 1)
		go func() { done <- srv.serve(context.Background(), conn) }()
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			t.Fatalf("the server did not stop at the end of its input")
		}
		logw.mu.Lock()
		logged := logs.String()
		logw.mu.Unlock()
		if strings.Contains(logged, "panic") {
			t.Fatalf("the server panicked: %s", logged)
		}
		conn.mu.Lock()
		defer conn.mu.Unlock()
		msgs := checkFrames(t, conn.out.Bytes())
		if initialize {
			answered := false
			for _, m := range msgs {
				if id, ok := m["id"].(float64); ok && id == 0 && m["result"] != nil && m["method"] == nil {
					answered = true
				}
			}
			if !answered {
				t.Fatalf("initialize got no result: %v", msgs)
			}
		}
	})
}

// syncWriter serialises writes to w.
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

// checkFrames checks that out is a sequence of messages, each a
// Content-Length header, a blank line and that many bytes of a JSON-RPC
// 2.0 object, and returns the messages.
func checkFrames(t *testing.T, out []byte) (msgs []map[string]any) {
	t.Helper()
	r := bufio.NewReader(bytes.NewReader(out))
	for {
		length := -1
		for {
			line, err := r.ReadString('\n')
			if err == io.EOF && line == "" && length < 0 {
				return msgs
			}
			if err != nil {
				t.Fatalf("output ends inside a header: %q", line)
			}
			if !strings.HasSuffix(line, "\r\n") {
				t.Fatalf("header line without CRLF: %q", line)
			}
			line = strings.TrimSuffix(line, "\r\n")
			if line == "" {
				break
			}
			if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
				n, err := strconv.Atoi(v)
				if err != nil || n < 0 {
					t.Fatalf("bad Content-Length %q", v)
				}
				length = n
			}
		}
		if length < 0 {
			t.Fatalf("a message without Content-Length")
		}
		body := make([]byte, length)
		if _, err := io.ReadFull(r, body); err != nil {
			t.Fatalf("output ends inside a message body of %d bytes", length)
		}
		var msg map[string]any
		if err := json.Unmarshal(body, &msg); err != nil || msg["jsonrpc"] != "2.0" {
			t.Fatalf("the server wrote %q: not a JSON-RPC 2.0 object (%v)", body, err)
		}
		msgs = append(msgs, msg)
	}
}
