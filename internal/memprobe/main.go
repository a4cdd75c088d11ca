// Command memprobe measures a built flake-lsp's resident memory, talking
// to it over stdio as an editor would, and prints VmRSS and VmHWM from
// /proc. Linux only.
//
// Without -flakes it opens a 650 KB package set
// (benchdata.ScopedPackageSet), makes 200 one-character edits, each
// waiting for its diagnostics, and prints VmRSS after opening and VmRSS
// and VmHWM at the end:
//
//	go build -o /tmp/flake-lsp ./cmd/flake-lsp && go run ./internal/memprobe /tmp/flake-lsp
//
// With -flakes DIR it initializes with DIR as the root, opens every
// flake.nix under DIR (sorted by path; the first -limit ones) and the
// flake.lock beside each, waits for the diagnostics of every opened
// document and for the server to fall silent, prints VmRSS, then makes
// -edits one-character edits spread over the documents (a space inserted
// at the start of a line, then deleted), each waiting for its
// diagnostics, and prints VmRSS and VmHWM:
//
//	go run ./internal/memprobe -flakes testdata/flakes -limit 151 /tmp/flake-lsp
//
// -heap-profile FILE starts the server with `serve --heap-profile FILE`:
// it writes a heap profile (after a collection) when its standard input
// ends, which memprobe closes before it ends the session, so the profile
// holds what the open documents keep. -edits 0 profiles the state after
// opening.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
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

// session is a running server and the messages it sends.
type session struct {
	cmd  *exec.Cmd
	in   io.WriteCloser
	msgs chan map[string]any
}

func start(binary string, args ...string) *session {
	cmd := exec.Command(binary, args...)
	in, _ := cmd.StdinPipe()
	outp, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "memprobe:", err)
		os.Exit(1)
	}
	s := &session{cmd: cmd, in: in, msgs: make(chan map[string]any, 1024)}
	go s.readLoop(bufio.NewReader(outp))
	return s
}

func (s *session) readLoop(r *bufio.Reader) {
	defer close(s.msgs)
	for {
		n := 0
		for {
			l, err := r.ReadString('\n')
			if err != nil {
				return
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
			return
		}
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			panic(err)
		}
		s.msgs <- m
	}
}

func (s *session) send(v any) {
	b, _ := json.Marshal(v)
	fmt.Fprintf(s.in, "Content-Length: %d\r\n\r\n%s", len(b), b)
}

// next is the server's next message; requests from the server (progress
// tokens, configuration) are answered with null.
func (s *session) next(timeout time.Duration) (map[string]any, bool) {
	select {
	case m, ok := <-s.msgs:
		if !ok {
			fmt.Fprintln(os.Stderr, "memprobe: the server ended")
			os.Exit(1)
		}
		if m["method"] != nil && m["id"] != nil {
			s.send(map[string]any{"jsonrpc": "2.0", "id": m["id"], "result": nil})
		}
		return m, true
	case <-time.After(timeout):
		return nil, false
	}
}

// published is the URI and version of a publishDiagnostics message.
func published(m map[string]any) (string, float64, bool) {
	if m["method"] != "textDocument/publishDiagnostics" {
		return "", 0, false
	}
	p := m["params"].(map[string]any)
	v, ok := p["version"].(float64)
	return p["uri"].(string), v, ok
}

// waitAll waits for diagnostics of every URI in want at its version.
func (s *session) waitAll(want map[string]float64) {
	left := len(want)
	done := map[string]bool{}
	for left > 0 {
		m, ok := s.next(2 * time.Minute)
		if !ok {
			fmt.Fprintf(os.Stderr, "memprobe: no diagnostics for %d documents after 2 minutes\n", left)
			os.Exit(1)
		}
		if uri, v, ok := published(m); ok && want[uri] == v && !done[uri] {
			done[uri] = true
			left--
		}
	}
}

// quiet reads messages until the server has sent none for d, at most
// for limit; it reports whether the server fell silent.
func (s *session) quiet(d, limit time.Duration) bool {
	end := time.Now().Add(limit)
	for time.Now().Before(end) {
		if _, ok := s.next(d); !ok {
			return true
		}
	}
	return false
}

func (s *session) initialize(root string) {
	params := map[string]any{"processId": os.Getpid(), "capabilities": map[string]any{
		"textDocument": map[string]any{"publishDiagnostics": map[string]any{"relatedInformation": true, "versionSupport": true}},
	}}
	if root != "" {
		params["rootUri"] = fileURI(root)
	}
	s.send(map[string]any{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": params})
	for {
		m, _ := s.next(time.Minute)
		if m != nil && m["id"] != nil && m["method"] == nil {
			break
		}
	}
	s.send(map[string]any{"jsonrpc": "2.0", "method": "initialized", "params": map[string]any{}})
}

// end closes the server's input (it writes its heap profile then) and
// waits for it.
func (s *session) end() {
	s.in.Close()
	go func() {
		for range s.msgs {
		}
	}()
	_ = s.cmd.Wait()
}

func fileURI(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}

func edit(uri string, version, line int, insert bool) map[string]any {
	pos := map[string]any{"line": line, "character": 0}
	change := map[string]any{"range": map[string]any{"start": pos, "end": pos}, "text": " "}
	if !insert {
		change = map[string]any{"range": map[string]any{"start": pos, "end": map[string]any{"line": line, "character": 1}}, "text": ""}
	}
	return map[string]any{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": map[string]any{
		"textDocument": map[string]any{"uri": uri, "version": version}, "contentChanges": []any{change}}}
}

func open(uri, languageID, text string) map[string]any {
	return map[string]any{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": map[string]any{
		"textDocument": map[string]any{"uri": uri, "languageId": languageID, "version": 1, "text": text}}}
}

func main() {
	flakes := flag.String("flakes", "", "open every flake.nix under this directory and the flake.lock beside it")
	limit := flag.Int("limit", 0, "with -flakes: open only the first N flakes (sorted by path) and their locks")
	edits := flag.Int("edits", -1, "one-character edits after opening (default 200 for the package set, 300 with -flakes)")
	heap := flag.String("heap-profile", "", "have the server write a heap profile to this file when its input ends")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: memprobe [-flakes DIR [-limit N]] [-edits N] [-heap-profile FILE] FLAKE-LSP-BINARY")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	args := []string{"serve"}
	if *heap != "" {
		abs, err := filepath.Abs(*heap)
		if err != nil {
			fmt.Fprintln(os.Stderr, "memprobe:", err)
			os.Exit(1)
		}
		args = append(args, "--heap-profile", abs)
	}
	if *flakes != "" {
		probeFlakes(flag.Arg(0), args, *flakes, *limit, *edits)
		return
	}
	probePackageSet(flag.Arg(0), args, *edits)
}

func probePackageSet(binary string, args []string, edits int) {
	if edits < 0 {
		edits = 200
	}
	s := start(binary, args...)
	s.initialize("")
	text := string(benchdata.ScopedPackageSet(650 << 10))
	uri := "file:///tmp/zzmem/default.nix"
	s.send(open(uri, "nix", text))
	s.waitAll(map[string]float64{uri: 1})
	s.quiet(200*time.Millisecond, time.Second)
	fmt.Println("after open:", status(s.cmd.Process.Pid))
	line := strings.Count(text[:len(text)/2], "\n")
	for v := 2; v <= edits+1; v++ {
		s.send(edit(uri, v, line, v%2 == 0))
		s.waitAll(map[string]float64{uri: float64(v)})
	}
	fmt.Printf("after %d edits: %s\n", edits, status(s.cmd.Process.Pid))
	s.end()
}

func probeFlakes(binary string, args []string, dir string, limit, edits int) {
	if edits < 0 {
		edits = 300
	}
	root, err := filepath.Abs(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "memprobe:", err)
		os.Exit(1)
	}
	var nixFiles []string
	err = filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !e.IsDir() && e.Name() == "flake.nix" {
			nixFiles = append(nixFiles, path)
		}
		return nil
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "memprobe:", err)
		os.Exit(1)
	}
	sort.Strings(nixFiles)
	if limit > 0 && limit < len(nixFiles) {
		nixFiles = nixFiles[:limit]
	}
	type doc struct {
		uri   string
		lines int
		ver   int
	}
	var docs []*doc
	texts := map[string]string{}
	for _, nix := range nixFiles {
		for _, p := range []string{nix, filepath.Join(filepath.Dir(nix), "flake.lock")} {
			b, err := os.ReadFile(p)
			if err != nil {
				continue
			}
			d := &doc{uri: fileURI(p), lines: strings.Count(string(b), "\n"), ver: 1}
			docs = append(docs, d)
			texts[d.uri] = string(b)
		}
	}
	locks := len(docs) - len(nixFiles)

	s := start(binary, args...)
	s.initialize(root)
	want := map[string]float64{}
	began := time.Now()
	for _, d := range docs {
		lang := "nix"
		if strings.HasSuffix(d.uri, ".lock") {
			lang = "json"
		}
		s.send(open(d.uri, lang, texts[d.uri]))
		want[d.uri] = 1
	}
	s.waitAll(want)
	took := time.Since(began)
	note := ""
	if !s.quiet(time.Second, 20*time.Second) {
		note = " (the server was still publishing 20 s later)"
	}
	fmt.Printf("%d flakes + %d locks open (diagnostics in %.2f s): %s%s\n", len(nixFiles), locks, took.Seconds(), status(s.cmd.Process.Pid), note)

	// Edits spread over the documents: the k-th pair inserts a space at
	// the start of a line of document k mod n and deletes it.
	for k := 0; k < edits; k++ {
		d := docs[(k/2)%len(docs)]
		line := (k / 2 / len(docs) * 7) % max(d.lines, 1)
		d.ver++
		s.send(edit(d.uri, d.ver, line, k%2 == 0))
		s.waitAll(map[string]float64{d.uri: float64(d.ver)})
	}
	fmt.Printf("after %d edits: %s\n", edits, status(s.cmd.Process.Pid))
	s.end()
}
