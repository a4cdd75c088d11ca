package lsp

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
)

func TestLifecycle(t *testing.T) {
	ss := newSession(t, nil)
	err := ss.call("textDocument/hover", map[string]any{}, nil)
	if rpcCode(err) != codeServerNotInitialized {
		t.Fatalf("request before initialize: %v, want code -32002", err)
	}
	ss.initialize(nil)
	if err := ss.call("initialize", map[string]any{"capabilities": map[string]any{}}, nil); rpcCode(err) != int64(jsonrpc2.InvalidRequest) {
		t.Fatalf("second initialize: %v", err)
	}
	if err := ss.call("flake/noSuchMethod", nil, nil); rpcCode(err) != int64(jsonrpc2.MethodNotFound) {
		t.Fatalf("unknown method: %v", err)
	}
	ss.notify("$/setTrace", map[string]any{"value": "off"}) // ignored, no reply
	// shutdown and exit without params, as VS Code and Neovim send them.
	if err := ss.call("shutdown", nil, nil); err != nil {
		t.Fatalf("shutdown: %v", err)
	}
	if err := ss.call("textDocument/hover", map[string]any{}, nil); rpcCode(err) != int64(jsonrpc2.InvalidRequest) {
		t.Fatalf("request after shutdown: %v", err)
	}
	ss.notify("exit", nil)
	select {
	case code := <-ss.done:
		if code != 0 {
			t.Fatalf("exit after shutdown: code %d", code)
		}
		ss.done <- code
	case <-time.After(10 * time.Second):
		t.Fatal("no exit")
	}
}

func TestExitWithoutShutdown(t *testing.T) {
	ss := newSession(t, nil)
	ss.initialize(nil)
	ss.notify("exit", nil)
	code := <-ss.done
	ss.done <- code
	if code != 1 {
		t.Fatalf("exit without shutdown: code %d, want 1", code)
	}
}

func TestEOFEndsServer(t *testing.T) {
	ss := newSession(t, nil)
	ss.initialize(nil)
	ss.open("file:///tmp/eof/a.nix", "let x = 1; in x")
	ss.conn.Close()
	select {
	case <-ss.done:
		ss.done <- 1
	case <-time.After(10 * time.Second):
		t.Fatal("server did not end at end of input")
	}
}

func TestCancelNumericID(t *testing.T) {
	started := make(chan struct{})
	ss := newSession(t, func(s *Server) {
		s.methods["flake/test/block"] = method{fn: func(ctx context.Context, _ json.RawMessage) (any, error) {
			close(started)
			<-ctx.Done()
			return "finished", nil
		}}
	})
	ss.initialize(nil)
	errc := make(chan error, 1)
	go func() { errc <- ss.call("flake/test/block", nil, nil) }()
	<-started
	// The client conn numbers its requests 1 (initialize), 2 (this one).
	ss.notify("$/cancelRequest", map[string]any{"id": 2})
	select {
	case err := <-errc:
		if rpcCode(err) != codeRequestCancelled {
			t.Fatalf("cancelled request answered %v, want -32800", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("cancelled request never answered")
	}
	if err := ss.call("textDocument/diagnostic", map[string]any{"textDocument": map[string]any{"uri": "file:///x.nix"}}, nil); err != nil {
		t.Fatalf("server unusable after a cancel: %v", err)
	}
}

func TestPanicIsAnswered(t *testing.T) {
	ss := newSession(t, func(s *Server) {
		s.methods["flake/test/panic"] = method{fn: func(context.Context, json.RawMessage) (any, error) {
			var list []int
			_ = list[len(list)] // index out of range
			return nil, nil
		}}
		s.methods["flake/test/panicSync"] = method{sync: true, fn: func(context.Context, json.RawMessage) (any, error) {
			panic("sync boom")
		}}
	})
	ss.initialize(nil)
	for _, m := range []string{"flake/test/panic", "flake/test/panicSync"} {
		err := ss.call(m, nil, nil)
		if rpcCode(err) != int64(jsonrpc2.InternalError) || !strings.Contains(err.Error(), "internal error") {
			t.Fatalf("%s: %v", m, err)
		}
	}
	ss.open("file:///tmp/p/a.nix", "{ a = 1; ")
	ss.waitDiags("file:///tmp/p/a.nix", "a syntax error after the panics", hasCode("syntax-error"))
}

func TestInvalidParams(t *testing.T) {
	ss := newSession(t, nil)
	ss.initialize(nil)
	if err := ss.call("textDocument/diagnostic", []int{1, 2}, nil); rpcCode(err) != int64(jsonrpc2.InvalidParams) {
		t.Fatalf("array params: %v", err)
	}
	ss.notify("textDocument/didOpen", map[string]any{"textDocument": 42})
	ss.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": "file:///nope.nix"}})
	ss.open("file:///tmp/ok/a.nix", "1 +")
	ss.waitDiags("file:///tmp/ok/a.nix", "a syntax error", hasCode("syntax-error"))
}

// TestIncrementalSyncNonASCII edits text with emoji (two UTF-16 units,
// four bytes) and CJK (one unit, three bytes) and checks the server's
// text and the diagnostics' UTF-16 columns.
func TestIncrementalSyncNonASCII(t *testing.T) {
	ss := newSession(t, nil)
	ss.initialize(nil)
	uri := "file:///tmp/u/a.nix"
	ss.open(uri, "{\n  a = \"😀 日本\";\n  b = 2;\n}\n")
	ss.waitDiags(uri, "no diagnostics", isEmpty)
	// Replace 日本 (characters 10-12 of line 1: `  a = "` is 7, 😀 is 2, space 1).
	ss.change(uri, 2, [5]any{1, 10, 1, 12, "中文字"})
	// Insert a comment with an emoji before b, then break the binding.
	ss.change(uri, 3, [5]any{2, 2, 2, 2, "/*🎉"}, [5]any{2, 6, 2, 6, "*/"})
	ss.change(uri, 4, [5]any{2, 13, 2, 14, ""}) // delete the ';'
	p := ss.waitDiags(uri, "a syntax error", func(p publishParams) bool { return *p.Version == 4 && hasCode("syntax-error")(p) })
	d := ss.server.docs.get(uri)
	d.mu.Lock()
	text := string(d.text)
	d.mu.Unlock()
	if want := "{\n  a = \"😀 中文字\";\n  /*🎉*/b = 2\n}\n"; text != want {
		t.Fatalf("text after edits:\n%q\nwant\n%q", text, want)
	}
	// The missing ';' is reported right after the 2: UTF-16 column 13 of
	// line 2 (byte column 15).
	got := p.Diagnostics[0].Range.Start
	if got.Line != 2 || got.Character != 13 {
		t.Errorf("error at %+v, want 2:13 (%s)", got, p.Diagnostics[0].Message)
	}
	// A diagnostic after emoji on the same line: columns in UTF-16.
	ss.change(uri, 5, [5]any{2, 13, 2, 13, "; c = 😀 ;"})
	p = ss.waitDiags(uri, "an error at the emoji", func(p publishParams) bool { return *p.Version == 5 && len(p.Diagnostics) > 0 })
	r := p.Diagnostics[0].Range
	// "  /*🎉*/b = 2; c = 😀 ;": reported where Nix stops, at the emoji
	// after `c = `: UTF-16 columns 19 to 21 (bytes 21 to 25).
	if r.Start.Line != 2 || r.Start.Character != 19 || r.End.Character != 21 {
		t.Errorf("error at the emoji at %+v, want 2:19-2:21 (%s)", r, p.Diagnostics[0].Message)
	}
}

// TestDiagnosticsOpenChangeSaveClose: pushed on open, change and save;
// cleared with an empty list on fix and on close.
func TestDiagnosticsOpenChangeSaveClose(t *testing.T) {
	ss := newSession(t, nil)
	ss.initialize(nil)
	uri := "file:///tmp/d/flake.nix"
	ss.open(uri, "{ outputs = { self }: { }; inputs = 3; }")
	ss.waitDiags(uri, "an inputs error", func(p publishParams) bool { return len(p.Diagnostics) > 0 && !hasCode("syntax-error")(p) })
	ss.change(uri, 2, [5]any{0, 36, 0, 37, "{ }"})
	ss.waitDiags(uri, "an empty list", func(p publishParams) bool { return *p.Version == 2 && isEmpty(p) })
	n := len(ss.diags[uri])
	ss.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": uri}})
	ss.waitDiags(uri, "a push after save", func(publishParams) bool { return len(ss.diags[uri]) > n })
	ss.change(uri, 3, [5]any{0, 0, 0, 0, "("})
	ss.waitDiags(uri, "a syntax error", hasCode("syntax-error"))
	ss.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
	ss.waitDiags(uri, "cleared on close", isEmpty)
}

// TestLockFileChanges: a flake.nix is re-diagnosed when its flake.lock
// changes on disk (didChangeWatchedFiles) and when the lock is opened and
// edited; the lock document gets its own diagnostics.
func TestLockFileChanges(t *testing.T) {
	dir := t.TempDir()
	flakeText := `{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
  outputs = { self, nixpkgs }: { lib = nixpkgs.lib; };
}
`
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("flake.nix", flakeText)
	write("flake.lock", lockWithout)
	ss := newSession(t, nil)
	ss.initialize(map[string]any{"workspace": map[string]any{"didChangeWatchedFiles": map[string]any{"dynamicRegistration": true}}})
	uri := pathURI(filepath.Join(dir, "flake.nix"))
	ss.open(uri, flakeText)
	ss.waitDiags(uri, "lock-missing-input", hasCode("lock-missing-input"))
	write("flake.lock", lockWith)
	ss.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": pathURI(filepath.Join(dir, "flake.lock")), "type": 2}}})
	ss.waitDiags(uri, "no diagnostics once the lock has the input", isEmpty)
	// The watcher was registered dynamically (in the background, after
	// initialized).
	deadline := time.Now().Add(10 * time.Second)
	var regs string
	for time.Now().Before(deadline) {
		ss.mu.Lock()
		regs = string(mustJSON(ss.regs))
		ss.mu.Unlock()
		if strings.Contains(regs, "**/flake.lock") {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if !strings.Contains(regs, "**/flake.lock") {
		t.Errorf("no flake.lock watcher registered: %s", regs)
	}
	// Open the lock and break it in the editor: the flake.nix follows the
	// editor's text, and the lock gets a JSON error.
	lockURI := pathURI(filepath.Join(dir, "flake.lock"))
	ss.open(lockURI, lockWith)
	ss.waitDiags(lockURI, "no lock diagnostics", isEmpty)
	ss.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": lockURI, "version": 2},
		"contentChanges": []any{map[string]any{"text": lockWithout}}})
	ss.waitDiags(uri, "lock-missing-input from the open lock", hasCode("lock-missing-input"))
	ss.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": lockURI, "version": 3},
		"contentChanges": []any{map[string]any{"text": `{"nodes": `}}})
	p := ss.waitDiags(lockURI, "a JSON error", func(p publishParams) bool { return len(p.Diagnostics) > 0 })
	if p.Diagnostics[0].Severity != 1 {
		t.Errorf("lock JSON error: %+v", p.Diagnostics[0])
	}
}

func mustJSON(v any) []byte {
	b, _ := json.Marshal(v)
	return b
}

const lockWithout = `{
  "nodes": {
    "root": {}
  },
  "root": "root",
  "version": 7
}
`

const lockWith = `{
  "nodes": {
    "nixpkgs": {
      "locked": {
        "lastModified": 1732014248,
        "narHash": "sha256-y/MEyuJ5oBWrWAic/14LaIr/u5E0wRVzyYsouYY3W6w=",
        "owner": "NixOS",
        "repo": "nixpkgs",
        "rev": "23e89b7da85c3640bbc2173fe04f4bd114342367",
        "type": "github"
      },
      "original": {
        "owner": "NixOS",
        "ref": "nixos-unstable",
        "repo": "nixpkgs",
        "type": "github"
      }
    },
    "root": {
      "inputs": {
        "nixpkgs": "nixpkgs"
      }
    }
  },
  "root": "root",
  "version": 7
}
`

// TestSettings: ignored codes, excluded files and the size limit take
// effect when the configuration changes; unknown keys are logged.
func TestSettings(t *testing.T) {
	ss := newSession(t, nil)
	ss.initialize(map[string]any{"workspace": map[string]any{"configuration": true}})
	uri := "file:///tmp/s/a.nix"
	ss.open(uri, "{ a = 1")
	ss.waitDiags(uri, "a syntax error", hasCode("syntax-error"))
	ss.mu.Lock()
	ss.config = json.RawMessage(`{"diagnostics": {"ignore": ["syntax-error"]}, "bogus": 1}`)
	ss.mu.Unlock()
	ss.notify("workspace/didChangeConfiguration", map[string]any{"settings": nil})
	ss.waitDiags(uri, "the error ignored", isEmpty)
	ss.mu.Lock()
	logs := strings.Join(ss.logs, "\n")
	ss.mu.Unlock()
	if !strings.Contains(logs, `unknown setting "bogus"`) {
		t.Errorf("unknown setting not logged: %s", logs)
	}
	ss.mu.Lock()
	ss.config = json.RawMessage(`{"exclude": ["a.nix"]}`)
	ss.mu.Unlock()
	ss.notify("workspace/didChangeConfiguration", map[string]any{"settings": nil})
	other := "file:///tmp/s/b.nix"
	ss.open(other, "{ b = ")
	ss.waitDiags(other, "a syntax error in b.nix", hasCode("syntax-error"))
	ss.waitDiags(uri, "nothing for the excluded file", isEmpty)
}

// TestSettingsPushed: without workspace/configuration the pushed settings
// and initializationOptions are used.
func TestSettingsPushed(t *testing.T) {
	ss := newSession(t, nil)
	var res map[string]any
	if err := ss.call("initialize", map[string]any{"capabilities": map[string]any{},
		"initializationOptions": map[string]any{"diagnostics": map[string]any{"ignore": []string{"syntax-error"}}}}, &res); err != nil {
		t.Fatal(err)
	}
	ss.notify("initialized", map[string]any{})
	uri := "file:///tmp/s2/a.nix"
	ss.open(uri, "{ a = 1")
	ss.waitDiags(uri, "the error ignored from initializationOptions", isEmpty)
	ss.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"flake-lsp": map[string]any{}}})
	ss.waitDiags(uri, "the error back after the settings changed", hasCode("syntax-error"))
}

// TestPullDiagnostics: a client that declares textDocument.diagnostic
// pulls; nothing is pushed for its documents.
func TestPullDiagnostics(t *testing.T) {
	ss := newSession(t, nil)
	var res struct {
		Capabilities struct {
			DiagnosticProvider *diagnosticProvider `json:"diagnosticProvider"`
		} `json:"capabilities"`
	}
	if err := ss.call("initialize", map[string]any{"capabilities": map[string]any{"textDocument": map[string]any{"diagnostic": map[string]any{}}}}, &res); err != nil {
		t.Fatal(err)
	}
	if res.Capabilities.DiagnosticProvider == nil {
		t.Fatal("diagnosticProvider not advertised to a pull client")
	}
	ss.notify("initialized", map[string]any{})
	uri := "file:///tmp/pull/a.nix"
	ss.open(uri, "let in")
	var report struct {
		Kind  string       `json:"kind"`
		Items []Diagnostic `json:"items"`
	}
	if err := ss.call("textDocument/diagnostic", map[string]any{"textDocument": map[string]any{"uri": uri}}, &report); err != nil {
		t.Fatal(err)
	}
	if report.Kind != "full" || len(report.Items) == 0 || report.Items[0].Code != "syntax-error" {
		t.Fatalf("pulled %+v", report)
	}
	ss.mu.Lock()
	pushed := len(ss.diags[uri])
	ss.mu.Unlock()
	if pushed != 0 {
		t.Errorf("%d pushes to a pull client", pushed)
	}
}
