package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestLimits opens, in the built binary over stdio, the inputs a server
// must survive, and requires an answer to each (diagnostics published, a
// request answered) and the server still serving afterwards. It logs the
// time to the answer and the process's peak resident memory, the figures
// docs/reliability.md records (`go test -run TestLimits -v ./cmd/flake-lsp/`);
// no figure is asserted (they depend on the machine).
func TestLimits(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("SKIPPED in -short and under the race detector: builds inputs of up to 200 MB; .ci/run runs it on its own (go test -run TestLimits ./cmd/flake-lsp/)")
	}
	dir := t.TempDir()
	rng := rand.New(rand.NewSource(7))
	binary := make([]byte, 50<<20)
	rng.Read(binary)
	var longLine strings.Builder
	longLine.WriteString("[ ")
	for longLine.Len() < 5<<20 {
		fmt.Fprintf(&longLine, "\"x%d\" ", longLine.Len())
	}
	longLine.WriteString("]\n")
	var inputs strings.Builder
	inputs.WriteString("{\n  inputs = {\n")
	for i := 0; i < 10000; i++ {
		fmt.Fprintf(&inputs, "    in%d.url = \"github:o/r%d\";\n", i, i)
	}
	inputs.WriteString("  };\n  outputs = { self, ... }: { };\n}\n")
	cyclicLock := `{"nodes": {"a": {"inputs": {"b": ["b"]}, "locked": {"lastModified": 1, "narHash": "sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "owner": "o", "repo": "a", "rev": "0000000000000000000000000000000000000000", "type": "github"}, "original": {"owner": "o", "repo": "a", "type": "github"}}, "b": {"inputs": {"a": ["a", "b", "a"]}, "locked": {"lastModified": 1, "narHash": "sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "owner": "o", "repo": "b", "rev": "0000000000000000000000000000000000000000", "type": "github"}, "original": {"owner": "o", "repo": "b", "type": "github"}}, "root": {"inputs": {"a": "a", "b": ["a", "b"]}}}, "root": "root", "version": 7}`
	cases := []struct {
		name, file string
		text       []byte
		lock       string
	}{
		{"50 MB of binary data", "binary.nix", binary, ""},
		{"a 5 MB line", "line.nix", []byte(longLine.String()), ""},
		{"100,000 nested parentheses", "parens.nix", []byte(strings.Repeat("(", 100000) + "1" + strings.Repeat(")", 100000)), ""},
		{"100,000 nested lists", "lists.nix", []byte(strings.Repeat("[", 100000) + strings.Repeat("]", 100000)), ""},
		{"100,000 nested attribute sets", "sets.nix", []byte(strings.Repeat("{a=", 100000) + "1" + strings.Repeat(";}", 100000)), ""},
		{"100,000 unclosed parentheses", "open.nix", []byte(strings.Repeat("(", 100000)), ""},
		{"a 10,000-input flake", "inputs/flake.nix", []byte(inputs.String()), ""},
		{"a lock with a cycle in its follows", "cycle/flake.nix", []byte("{\n  inputs.a.url = \"github:o/a\";\n  inputs.b.follows = \"a/b\";\n  outputs = { self, a, b }: { };\n}\n"), cyclicLock},
	}
	p := startServer(t, "serve")
	defer p.cmd.Process.Kill()
	// Decoding the 50 MB and 200 MB messages takes 8-15 s on an idle
	// machine of two cores and more under load: wait longer than for other
	// answers, still failing on a hang.
	p.patience = 2 * time.Minute
	id := 0
	request := func(method string, params any) (map[string]any, time.Duration) {
		t.Helper()
		id++
		want := id
		b, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": want, "method": method, "params": params})
		start := time.Now()
		p.send(b)
		m := p.until(method, func(m map[string]any) bool {
			v, ok := m["id"].(float64)
			return ok && int(v) == want && m["method"] == nil
		})
		return m, time.Since(start)
	}
	request("initialize", map[string]any{"processId": nil, "rootUri": nil, "capabilities": map[string]any{"textDocument": map[string]any{"diagnostic": map[string]any{}}}})
	for _, c := range cases {
		path := filepath.Join(dir, c.file)
		os.MkdirAll(filepath.Dir(path), 0o755)
		if c.lock != "" {
			os.WriteFile(filepath.Join(filepath.Dir(path), "flake.lock"), []byte(c.lock), 0o644)
		}
		os.WriteFile(path, c.text, 0o644)
		uri := "file://" + path
		b, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "nix", "version": 1, "text": string(c.text)}}})
		start := time.Now()
		p.send(b)
		m, _ := request("textDocument/diagnostic", map[string]any{"textDocument": map[string]any{"uri": uri}})
		took := time.Since(start)
		if m["error"] != nil {
			t.Errorf("%s: %v", c.name, m["error"])
		}
		// Still serving: a hover in the document is answered.
		_, hoverTook := request("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": map[string]int{"line": 0, "character": 1}})
		t.Logf("%-36s %4d diagnostics after %7.2fs, hover %6.3fs, peak resident %s", c.name+":", len(diagCodes(m)), took.Seconds(), hoverTook.Seconds(), peakRSS(p.cmd.Process.Pid))
		b, _ = json.Marshal(map[string]any{"jsonrpc": "2.0", "method": "textDocument/didClose", "params": map[string]any{"textDocument": map[string]any{"uri": uri}}})
		p.send(b)
	}
	// A 200 MB message: over the 256 MB limit it would be refused unread;
	// under it, read and answered (here: a didOpen of 200 MB of text).
	big := bytes.Repeat([]byte("# 200 MB of comment\n"), 10<<20)
	b, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": map[string]any{"textDocument": map[string]any{"uri": "file:///tmp/big.nix", "languageId": "nix", "version": 1, "text": string(big)}}})
	start := time.Now()
	p.send(b)
	m, _ := request("textDocument/diagnostic", map[string]any{"textDocument": map[string]any{"uri": "file:///tmp/big.nix"}})
	t.Logf("%-36s %4d diagnostics after %7.2fs, peak resident %s", "a 200 MB message:", len(diagCodes(m)), time.Since(start).Seconds(), peakRSS(p.cmd.Process.Pid))
	request("shutdown", nil)
	b, _ = json.Marshal(map[string]any{"jsonrpc": "2.0", "method": "exit"})
	p.send(b)
	if code := p.wait(); code != 0 {
		t.Errorf("exit %d; stderr:\n%s", code, p.err.String())
	}
}

// peakRSS reads a process's peak resident memory (VmHWM) on Linux.
func peakRSS(pid int) string {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return "?"
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "?"
}
