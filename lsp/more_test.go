package lsp

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/flake-lsp/flake-lsp/position"
)

func TestFormatting(t *testing.T) {
	// No formatter on PATH and none configured: formatting is not
	// advertised, and a request anyway is told to the user what to set.
	path := os.Getenv("PATH")
	t.Setenv("PATH", t.TempDir())
	ss := newSession(t, nil)
	var res struct {
		Capabilities map[string]any `json:"capabilities"`
	}
	if err := ss.call("initialize", map[string]any{"processId": nil, "rootUri": nil, "capabilities": map[string]any{
		"workspace":    map[string]any{"configuration": true},
		"textDocument": map[string]any{"formatting": map[string]any{"dynamicRegistration": true}},
	}}, &res); err != nil {
		t.Fatal(err)
	}
	if _, ok := res.Capabilities["documentFormattingProvider"]; ok {
		t.Errorf("formatting advertised without a formatter: %v", res.Capabilities["documentFormattingProvider"])
	}
	ss.notify("initialized", map[string]any{})
	uri := "file:///tmp/fmt/a.nix"
	ss.open(uri, "{ a=1; \"é\" = \"😀\"; }\n")
	ss.waitDiags(uri, "no diagnostics", isEmpty)
	var edits []struct {
		Range   map[string]map[string]int `json:"range"`
		NewText string                    `json:"newText"`
	}
	err := ss.call("textDocument/formatting", map[string]any{"textDocument": map[string]any{"uri": uri}, "options": map[string]any{"tabSize": 2}}, &edits)
	if err != nil || len(edits) != 0 {
		t.Fatalf("without a formatter: %v %v", edits, err)
	}
	ss.waitLog("the message to the user", "show: flake-lsp: no Nix formatter found")
	os.Setenv("PATH", path)
	ss.mu.Lock()
	ss.config = json.RawMessage(`{"formatter": ["sed", "s/a=1/a = 1/"]}`)
	ss.mu.Unlock()
	ss.notify("workspace/didChangeConfiguration", map[string]any{"settings": nil})
	deadline := time.Now().Add(10 * time.Second)
	for len(ss.server.currentSettings().Formatter) == 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if err := ss.call("textDocument/formatting", map[string]any{"textDocument": map[string]any{"uri": uri}, "options": map[string]any{"tabSize": 2}}, &edits); err != nil {
		t.Fatal(err)
	}
	// The formatter configured now is registered with the client.
	ss.mu.Lock()
	var regs string
	for _, r := range ss.regs {
		regs += string(r)
	}
	ss.mu.Unlock()
	if !strings.Contains(regs, "flake-lsp-formatting") {
		t.Errorf("formatting not registered once a formatter was set: %s", regs)
	}
	// One edit over the whole text; its end is in UTF-16 (line 1, char 0).
	if len(edits) != 1 || edits[0].NewText != "{ a = 1; \"é\" = \"😀\"; }\n" || edits[0].Range["end"]["line"] != 1 || edits[0].Range["end"]["character"] != 0 {
		t.Fatalf("edits %+v", edits)
	}
	ss.mu.Lock()
	ss.config = json.RawMessage(`{"formatter": "false"}`)
	ss.mu.Unlock()
	ss.notify("workspace/didChangeConfiguration", map[string]any{"settings": nil})
	for time.Now().Before(deadline) && ss.server.currentSettings().Formatter[0] != "false" {
		time.Sleep(10 * time.Millisecond)
	}
	if err := ss.call("textDocument/formatting", map[string]any{"textDocument": map[string]any{"uri": uri}}, &edits); err == nil || !strings.Contains(err.Error(), `formatter "false" failed`) {
		t.Fatalf("failing formatter: %v", err)
	}
}

// TestLockDocumentDiagnostics: an open flake.lock gets its own findings
// (an input the flake no longer declares), computed against the flake.nix
// on disk, then against the open one.
func TestLockDocumentDiagnostics(t *testing.T) {
	dir := t.TempDir()
	flakeText := "{\n  outputs = { self }: { };\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "flake.nix"), []byte(flakeText), 0o644); err != nil {
		t.Fatal(err)
	}
	ss := newSession(t, nil)
	ss.initialize(nil)
	lockURI := pathURI(filepath.Join(dir, "flake.lock"))
	ss.open(lockURI, lockWith)
	ss.waitDiags(lockURI, "lock-unused-input", hasCode("lock-unused-input"))
	// Declaring the input in the open flake.nix clears the lock's finding.
	uri := pathURI(filepath.Join(dir, "flake.nix"))
	ss.open(uri, "{\n  inputs.nixpkgs.url = \"github:NixOS/nixpkgs/nixos-unstable\";\n  outputs = { self, nixpkgs }: { lib = nixpkgs.lib; };\n}\n")
	ss.waitDiags(lockURI, "nothing once flake.nix declares the input", isEmpty)
	ss.waitDiags(uri, "nothing in flake.nix", isEmpty)
}

// TestNoGoroutineLeak: a whole session, with documents still open when
// the client goes away, leaves no goroutine behind.
func TestNoGoroutineLeak(t *testing.T) {
	before := runtime.NumGoroutine()
	func() {
		ss := newSession(t, nil)
		ss.initialize(nil)
		for i := 0; i < 5; i++ {
			uri := "file:///tmp/leak/" + string(rune('a'+i)) + ".nix"
			ss.open(uri, "{ a = 1; }")
			ss.change(uri, 2, [5]any{0, 2, 0, 3, "b"})
		}
		_ = ss.call("shutdown", nil, nil)
		ss.notify("exit", nil)
		code := <-ss.done
		ss.done <- code
		ss.conn.Close()
		<-ss.conn.Done()
	}()
	deadline := time.Now().Add(10 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		buf := make([]byte, 1<<20)
		t.Fatalf("%d goroutines before, %d after:\n%s", before, n, buf[:runtime.Stack(buf, true)])
	}
}

// TestCodeActions: the quick fix a diagnostic carries is offered, whether
// or not the client sends the diagnostic's data back.
func TestCodeActions(t *testing.T) {
	ss := newSession(t, nil)
	ss.initialize(nil)
	uri := "file:///tmp/ca/flake.nix"
	ss.open(uri, "{\n  inputs.nixpkgs.url = \"githbu:NixOS/nixpkgs\";\n  outputs = { self, nixpkgs }: { lib = nixpkgs.lib; };\n}\n")
	p := ss.waitDiags(uri, "url-scheme-typo", hasCode("url-scheme-typo"))
	var d Diagnostic
	for _, x := range p.Diagnostics {
		if x.Code == "url-scheme-typo" {
			d = x
		}
	}
	for _, withData := range []bool{true, false} {
		sent := d
		if !withData {
			sent.Data = nil
		}
		var actions []struct {
			Title string `json:"title"`
			Kind  string `json:"kind"`
			Edit  struct {
				Changes map[string][]struct {
					Range   position.Range `json:"range"`
					NewText string         `json:"newText"`
				} `json:"changes"`
			} `json:"edit"`
		}
		if err := ss.call("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": uri}, "range": d.Range,
			"context": map[string]any{"diagnostics": []Diagnostic{sent}}}, &actions); err != nil {
			t.Fatal(err)
		}
		if len(actions) == 0 || actions[0].Kind != "quickfix" {
			t.Fatalf("data %v: actions %+v", withData, actions)
		}
		e := actions[0].Edit.Changes[uri]
		if len(e) != 1 || e[0].NewText != "github" || e[0].Range.Start.Line != 1 {
			t.Errorf("data %v: edit %+v", withData, e)
		}
	}
}

// TestFoldingAndSelection: folds keep the closing line visible; selection
// ranges grow from the name at the cursor to the whole file, in UTF-16.
func TestFoldingAndSelection(t *testing.T) {
	ss := newSession(t, nil)
	ss.initialize(nil)
	uri := "file:///tmp/fold/a.nix"
	text := "{\n  a = [\n    \"😀\"\n    2\n  ];\n  b = x: x;\n}\n"
	ss.open(uri, text)
	ss.waitDiags(uri, "no diagnostics", isEmpty)
	var folds []struct {
		StartLine int `json:"startLine"`
		EndLine   int `json:"endLine"`
	}
	if err := ss.call("textDocument/foldingRange", map[string]any{"textDocument": map[string]any{"uri": uri}}, &folds); err != nil {
		t.Fatal(err)
	}
	if len(folds) != 2 || folds[0].StartLine != 0 || folds[0].EndLine != 5 || folds[1].StartLine != 1 || folds[1].EndLine != 3 {
		t.Errorf("folds %+v", folds)
	}
	var sel []selectionRange
	// On the 2 of line 3, after the emoji line.
	if err := ss.call("textDocument/selectionRange", map[string]any{"textDocument": map[string]any{"uri": uri},
		"positions": []position.Position{{Line: 3, Character: 4}, {Line: 2, Character: 6}}}, &sel); err != nil {
		t.Fatal(err)
	}
	if len(sel) != 2 {
		t.Fatalf("selection %+v", sel)
	}
	var chain []position.Range
	for r := &sel[0]; r != nil; r = r.Parent {
		chain = append(chain, r.Range)
	}
	// 2, the list, the binding, the set, the file.
	if len(chain) < 4 || chain[0].Start.Character != 4 || chain[0].End.Character != 5 || chain[1].Start != (position.Position{Line: 1, Character: 6}) {
		t.Errorf("chain %+v", chain)
	}
	// In `"😀"` (UTF-16 columns 4 to 8, the emoji two units): its text,
	// then the string.
	if r := sel[1].Range; r.Start.Character != 5 || r.End.Character != 7 || sel[1].Parent == nil ||
		sel[1].Parent.Range.Start.Character != 4 || sel[1].Parent.Range.End.Character != 8 {
		t.Errorf("emoji string selection %+v then %+v", r, sel[1].Parent)
	}
}

// TestStderrLoggerClientOnly: a stderr logger writes to its stream until a
// client has initialized, then to the client only (editors show the
// server's stderr beside its window/logMessage); a plain logger (a log
// file) gets every line.
func TestStderrLoggerClientOnly(t *testing.T) {
	for _, stderrMode := range []bool{true, false} {
		var buf syncBuffer
		log := NewLogger(&buf, LevelInfo)
		if stderrMode {
			log = NewStderrLogger(&buf, LevelInfo)
		}
		ss := newSession(t, func(s *Server) { s.log = log })
		log.Infof("before initialize")
		ss.initialize(nil)
		log.Infof("after initialize")
		deadline := time.Now().Add(10 * time.Second)
		for {
			ss.mu.Lock()
			got := strings.Join(ss.logs, "\n")
			ss.mu.Unlock()
			if strings.Contains(got, "after initialize") {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("the client never got the log line; it got %q", got)
			}
			time.Sleep(5 * time.Millisecond)
		}
		out := buf.String()
		if !strings.Contains(out, "before initialize") {
			t.Errorf("stderr mode %v: the stream lacks the line logged before initialize: %q", stderrMode, out)
		}
		if strings.Contains(out, "after initialize") == stderrMode {
			t.Errorf("stderr mode %v: the stream has the line logged after initialize: %v (%q)", stderrMode, !stderrMode, out)
		}
	}
}

// syncBuffer is a bytes.Buffer safe for the logger's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
