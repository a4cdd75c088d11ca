package lsp

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestCodeLensAndInlayHints: a flake-utils flake on disk with its lock
// gets code lenses carrying the terminal command, and inlay hints with
// the locked revision whose tooltip comes on resolve; settings turn both
// off.
func TestCodeLensAndInlayHints(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"flake.nix", "flake.lock"} {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "flakes", "utils-tool-01", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	src, _ := os.ReadFile(filepath.Join(dir, "flake.nix"))
	ss := newSession(t, nil)
	ss.initialize(map[string]any{"workspace": map[string]any{"configuration": true}})
	uri := "file://" + filepath.Join(dir, "flake.nix")
	ss.open(uri, string(src))
	ss.waitDiags(uri, "the first diagnostics", func(publishParams) bool { return true })
	doc := map[string]any{"uri": uri}

	var lenses []codeLens
	if err := ss.call("textDocument/codeLens", map[string]any{"textDocument": doc}, &lenses); err != nil {
		t.Fatal(err)
	}
	titles := map[string]bool{}
	for _, l := range lenses {
		titles[l.Command.Title] = true
		if l.Command.Command != RunInTerminal || len(l.Command.Arguments) != 1 {
			t.Fatalf("lens command %+v", l.Command)
		}
	}
	for _, want := range []string{"nix flake update", "nix flake update nixpkgs", "nix build .#hashbrown", "nix run .#hashbrown", "nix develop .#default"} {
		if !titles[want] {
			t.Errorf("no lens %q in %v", want, titles)
		}
	}
	raw, _ := json.Marshal(lenses[0].Command.Arguments[0])
	var arg terminalCommand
	if err := json.Unmarshal(raw, &arg); err != nil || arg.Cwd != dir || arg.Name != "nix: "+filepath.Base(dir) {
		t.Errorf("terminal argument %s", raw)
	}

	var hints []inlayHint
	rng := map[string]any{"start": map[string]int{"line": 0, "character": 0}, "end": map[string]int{"line": 200, "character": 0}}
	if err := ss.call("textDocument/inlayHint", map[string]any{"textDocument": doc, "range": rng}, &hints); err != nil {
		t.Fatal(err)
	}
	if len(hints) == 0 || !strings.Contains(hints[0].Label, " · ") || hints[0].Tooltip != nil || hints[0].Data == nil {
		t.Fatalf("hints %+v", hints)
	}
	var resolved inlayHint
	if err := ss.call("inlayHint/resolve", hints[0], &resolved); err != nil {
		t.Fatal(err)
	}
	if resolved.Tooltip == nil || !strings.Contains(resolved.Tooltip.Value, "narHash") {
		t.Errorf("resolved %+v", resolved)
	}

	ss.mu.Lock()
	ss.config = json.RawMessage(`{"codeLens": {"enable": false}, "inlayHints": {"enable": false}}`)
	ss.mu.Unlock()
	ss.notify("workspace/didChangeConfiguration", map[string]any{"settings": nil})
	deadline := time.Now().Add(10 * time.Second)
	for ss.server.currentSettings().CodeLens && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if err := ss.call("textDocument/codeLens", map[string]any{"textDocument": doc}, &lenses); err != nil || len(lenses) != 0 {
		t.Errorf("lenses after turning them off: %v %v", lenses, err)
	}
	if err := ss.call("textDocument/inlayHint", map[string]any{"textDocument": doc, "range": rng}, &hints); err != nil || len(hints) != 0 {
		t.Errorf("hints after turning them off: %v %v", hints, err)
	}
}
