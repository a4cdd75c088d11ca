package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// binary builds flake-lsp once per test run.
func binary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "flake-lsp-bin")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "flake-lsp")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// lspProcess is the built server on real pipes.
type lspProcess struct {
	t     *testing.T
	cmd   *exec.Cmd
	stdin io.WriteCloser
	msgs  chan map[string]any
	err   strings.Builder
	// patience bounds each wait for a message (20 s when zero): a hang
	// fails the test rather than stalling it.
	patience time.Duration
}

func startServer(t *testing.T, args ...string) *lspProcess {
	p := &lspProcess{t: t, msgs: make(chan map[string]any, 1000)}
	p.cmd = exec.Command(binary(t), args...)
	p.cmd.Stderr = &p.err
	var err error
	if p.stdin, err = p.cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	stdout, err := p.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		defer close(p.msgs)
		in := bufio.NewReader(stdout)
		for {
			length := -1
			for {
				line, err := in.ReadString('\n')
				if err != nil {
					return
				}
				line = strings.TrimSpace(line)
				if line == "" {
					break
				}
				if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
					length, _ = strconv.Atoi(v)
				} else {
					t.Errorf("unexpected header or stray output on stdout: %q", line)
				}
			}
			body := make([]byte, length)
			if _, err := io.ReadFull(in, body); err != nil {
				return
			}
			var m map[string]any
			if err := json.Unmarshal(body, &m); err != nil {
				t.Errorf("invalid JSON on stdout: %q", body)
				return
			}
			p.msgs <- m
		}
	}()
	return p
}

func (p *lspProcess) send(body []byte) {
	p.t.Helper()
	if _, err := fmt.Fprintf(p.stdin, "Content-Length: %d\r\n\r\n%s", len(body), body); err != nil {
		p.t.Fatalf("write: %v", err)
	}
}

// until reads messages until one satisfies ok, answering the server's own
// requests (registerCapability, workspace/configuration) like a client.
func (p *lspProcess) until(what string, ok func(map[string]any) bool) map[string]any {
	p.t.Helper()
	patience := p.patience
	if patience == 0 {
		patience = 20 * time.Second
	}
	timeout := time.After(patience)
	for {
		select {
		case m, open := <-p.msgs:
			if !open {
				p.t.Fatalf("server closed stdout waiting for %s; stderr:\n%s", what, p.err.String())
			}
			if method, _ := m["method"].(string); method != "" && m["id"] != nil {
				var result any
				if method == "workspace/configuration" {
					result = []any{nil}
				}
				b, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": m["id"], "result": result})
				p.send(b)
			}
			if ok(m) {
				return m
			}
		case <-timeout:
			p.t.Fatalf("timed out waiting for %s; stderr:\n%s", what, p.err.String())
		}
	}
}

func (p *lspProcess) wait() int {
	done := make(chan error, 1)
	go func() { done <- p.cmd.Wait() }()
	select {
	case err := <-done:
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode()
		}
		if err != nil {
			p.t.Fatal(err)
		}
		return 0
	case <-time.After(20 * time.Second):
		p.cmd.Process.Kill()
		p.t.Fatal("server did not exit")
		return -1
	}
}

func diagCodes(m map[string]any) []string {
	params, _ := m["params"].(map[string]any)
	list, _ := params["diagnostics"].([]any)
	if list == nil {
		res, _ := m["result"].(map[string]any)
		list, _ = res["items"].([]any)
	}
	var codes []string
	for _, d := range list {
		codes = append(codes, fmt.Sprint(d.(map[string]any)["code"]))
	}
	return codes
}

// TestClientSequences replays what Neovim 0.7.2 and VS Code send (see
// testdata/clients/README.md) to the built binary over real stdio.
func TestClientSequences(t *testing.T) {
	files, _ := filepath.Glob("testdata/clients/*.jsonl")
	if len(files) < 2 {
		t.Fatal("client sequences missing")
	}
	flakeText, err := os.ReadFile("testdata/clients/flake.nix")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			root := t.TempDir()
			if err := os.WriteFile(filepath.Join(root, "flake.nix"), flakeText, 0o644); err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			p := startServer(t, "--stdio")
			var publishes [][]string
			for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
				line = strings.ReplaceAll(line, "${ROOT}", strings.ReplaceAll(root, "/", `\/`))
				var msg map[string]any
				if err := json.Unmarshal([]byte(line), &msg); err != nil {
					t.Fatalf("bad transcript line: %v", err)
				}
				method, _ := msg["method"].(string)
				p.send([]byte(line))
				switch {
				case msg["id"] != nil:
					resp := p.until("the answer to "+method, func(m map[string]any) bool {
						if m["method"] != nil {
							if m["method"] == "textDocument/publishDiagnostics" {
								publishes = append(publishes, diagCodes(m))
							}
							return false
						}
						return fmt.Sprint(m["id"]) == fmt.Sprint(msg["id"])
					})
					if resp["error"] != nil {
						t.Fatalf("%s answered with %v", method, resp["error"])
					}
					switch method {
					case "initialize":
						caps := resp["result"].(map[string]any)["capabilities"].(map[string]any)
						if sync, _ := caps["textDocumentSync"].(map[string]any); sync["change"] != 2.0 || sync["save"] == nil {
							t.Errorf("textDocumentSync %v: want incremental with save", caps["textDocumentSync"])
						}
					case "shutdown":
						if r, ok := resp["result"]; !ok || r != nil {
							t.Errorf("shutdown result %v, want null", resp["result"])
						}
					case "textDocument/diagnostic":
						publishes = append(publishes, diagCodes(resp))
					}
				case method == "textDocument/didOpen" || method == "textDocument/didChange":
					if strings.Contains(f, "neovim") { // a push client
						m := p.until("diagnostics", func(m map[string]any) bool { return m["method"] == "textDocument/publishDiagnostics" })
						publishes = append(publishes, diagCodes(m))
					}
				}
			}
			if code := p.wait(); code != 0 {
				t.Errorf("exit code %d after shutdown and exit; stderr:\n%s", code, p.err.String())
			}
			// Open: no diagnostics; after deleting the ';': a syntax error.
			if len(publishes) < 2 || len(publishes[0]) != 0 || !strings.Contains(strings.Join(publishes[len(publishes)-1], " "), "syntax-error") {
				t.Errorf("diagnostics seen: %v", publishes)
			}
		})
	}
}

// TestRealNeovim drives Neovim itself (headless) as the LSP client,
// through the plugin in editors/neovim.
func TestRealNeovim(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		t.Skip("nvim is not installed (apt-get install neovim); the recorded Neovim sequence still runs in TestClientSequences")
	}
	dir := t.TempDir()
	flakeText, _ := os.ReadFile("testdata/clients/flake.nix")
	os.WriteFile(filepath.Join(dir, "flake.nix"), flakeText, 0o644)
	script, _ := os.ReadFile("testdata/nvim/diagnostics.lua")
	plugin, err := filepath.Abs("../../editors/neovim")
	if err != nil {
		t.Fatal(err)
	}
	lua := strings.NewReplacer("@BIN@", binary(t), "@DIR@", dir, "@PLUGIN@", plugin).Replace(string(script))
	os.WriteFile(filepath.Join(dir, "test.lua"), []byte(lua), 0o644)
	cmd := exec.Command(nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", "luafile "+filepath.Join(dir, "test.lua"))
	cmd.Dir = dir
	done := make(chan []byte, 1)
	go func() { out, _ := cmd.CombinedOutput(); done <- out }()
	select {
	case out := <-done:
		if cmd.ProcessState.ExitCode() != 0 {
			result, _ := os.ReadFile(filepath.Join(dir, "result.txt"))
			t.Fatalf("nvim exited %d: %s\n%s", cmd.ProcessState.ExitCode(), out, result)
		}
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		t.Fatal("nvim hung")
	}
	result, err := os.ReadFile(filepath.Join(dir, "result.txt"))
	if err != nil {
		t.Fatal(err)
	}
	got := string(result)
	for _, want := range []string{
		"open: 0 diagnostics",
		"hover: **input `nixpkgs`** — GitHub NixOS/nixpkgs, branch or tag nixos-unstable",
		"definition: 2:9",
		"completion has legacyPackages: true",
		"rename edits: 3",
		"semantic tokens: delta true, range true, 14 types",
		"first token: 1:2 property",
		"code lenses: nix build .#packages.x86_64-linux.default | nix flake update | nix flake update nixpkgs",
		"lens command: flake-lsp.runInTerminal in true",
		"lens ran in: true, terminal: terminal",
		"user command: true",
		"stopped",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("Neovim saw:\n%s\nwant a line with %q", got, want)
		}
	}
}
