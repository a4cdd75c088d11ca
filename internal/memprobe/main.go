// Command memprobe measures a built flake-lsp's resident memory: it opens
// a 650 KB package set (benchdata.ScopedPackageSet) over stdio, makes 200
// one-character edits, each waiting for its diagnostics, and prints VmRSS
// and VmHWM from /proc after opening and at the end. Linux only.
//
//	go build -o /tmp/flake-lsp ./cmd/flake-lsp && go run ./internal/memprobe /tmp/flake-lsp
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"github.com/flake-lsp/flake-lsp/internal/benchdata"
)

func status(pid int) string {
	b, _ := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "VmRSS") || strings.HasPrefix(l, "VmHWM") {
			out = append(out, strings.Join(strings.Fields(l), " "))
		}
	}
	return strings.Join(out, ", ")
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: memprobe FLAKE-LSP-BINARY")
		os.Exit(2)
	}
	cmd := exec.Command(os.Args[1])
	in, _ := cmd.StdinPipe()
	outp, _ := cmd.StdoutPipe()
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		panic(err)
	}
	r := bufio.NewReader(outp)
	send := func(v any) {
		b, _ := json.Marshal(v)
		fmt.Fprintf(in, "Content-Length: %d\r\n\r\n%s", len(b), b)
	}
	read := func() map[string]any {
		n := 0
		for {
			l, err := r.ReadString('\n')
			if err != nil {
				panic(err)
			}
			l = strings.TrimSpace(l)
			if l == "" {
				break
			}
			if v, ok := strings.CutPrefix(l, "Content-Length: "); ok {
				n, _ = strconv.Atoi(v)
			}
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(r, b); err != nil {
			panic(err)
		}
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			panic(err)
		}
		return m
	}
	waitVersion := func(v float64) {
		for {
			m := read()
			if m["method"] == "textDocument/publishDiagnostics" {
				p := m["params"].(map[string]any)
				if ver, ok := p["version"].(float64); ok && ver == v {
					return
				}
			}
		}
	}
	send(map[string]any{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": map[string]any{"capabilities": map[string]any{}}})
	for read()["id"] == nil {
	}
	send(map[string]any{"jsonrpc": "2.0", "method": "initialized", "params": map[string]any{}})
	text := string(benchdata.ScopedPackageSet(650 << 10))
	uri := "file:///tmp/zzmem/default.nix"
	send(map[string]any{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "nix", "version": 1, "text": text}}})
	waitVersion(1)
	time.Sleep(200 * time.Millisecond)
	fmt.Println("after open:", status(cmd.Process.Pid))
	line := strings.Count(text[:len(text)/2], "\n")
	for v := 2; v <= 201; v++ {
		var change map[string]any
		if v%2 == 0 {
			change = map[string]any{"range": map[string]any{"start": map[string]any{"line": line, "character": 2}, "end": map[string]any{"line": line, "character": 2}}, "text": "x"}
		} else {
			change = map[string]any{"range": map[string]any{"start": map[string]any{"line": line, "character": 2}, "end": map[string]any{"line": line, "character": 3}}, "text": ""}
		}
		send(map[string]any{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": map[string]any{"textDocument": map[string]any{"uri": uri, "version": v}, "contentChanges": []any{change}}})
		waitVersion(float64(v))
	}
	fmt.Println("after 200 edits:", status(cmd.Process.Pid))
	in.Close()
	_ = cmd.Wait()
}
