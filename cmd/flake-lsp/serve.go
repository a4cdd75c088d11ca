package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"sync"

	"github.com/flake-lsp/flake-lsp/lsp"
)

// stdio joins standard input and output into the server's connection.
type stdio struct {
	io.Reader
	io.Writer
}

func (stdio) Close() error { return nil }

// profileAtEOF writes a heap profile when its reader ends: the client has
// closed the server's input, and the documents are still open (the
// server closes them only once it has seen the end). The Go runtime's
// own figures go to stderr.
type profileAtEOF struct {
	r      io.Reader
	path   string
	log    *lsp.Logger
	stderr io.Writer
	once   sync.Once
}

func (p *profileAtEOF) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	if err == io.EOF {
		p.once.Do(p.write)
	}
	return n, err
}

func (p *profileAtEOF) write() {
	f, err := os.Create(p.path)
	if err != nil {
		p.log.Errorf("heap profile: %v", err)
		return
	}
	defer f.Close()
	runtime.GC()
	if err := pprof.WriteHeapProfile(f); err != nil {
		p.log.Errorf("heap profile: %v", err)
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Fprintf(p.stderr, "flake-lsp: heap profile written to %s; Go heap in use %.1f MB (live objects %.1f MB), idle %.1f MB of which %.1f MB released to the OS, stacks %.1f MB, from the OS %.1f MB in all\n",
		p.path, mb(m.HeapInuse), mb(m.HeapAlloc), mb(m.HeapIdle), mb(m.HeapReleased), mb(m.StackSys), mb(m.Sys))
	fmt.Fprintf(p.stderr, "flake-lsp: %d collections, next at a heap of %.1f MB\n", m.NumGC, mb(m.NextGC))
}

func mb(n uint64) float64 { return float64(n) / (1 << 20) }

// runServe serves LSP on stdin/stdout. Logs go to the client once it has
// initialized, to stderr before (or all to --log-file besides the client),
// never to stdout, which carries the protocol.
func runServe(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Bool("stdio", true, "talk LSP over standard input and output (the only transport; accepted for clients that pass it)")
	level := fs.String("log-level", "info", "log level: error, warn, info or debug (sent to the client as window/logMessage once initialized; to standard error before)")
	logFile := fs.String("log-file", "", "append every log line to this file (as well as to the client) instead of standard error")
	testRequests := fs.Bool("test-requests", false, "also answer flake-lsp/documentText (the server's text of an open document), for tests")
	indexCache := fs.String("index-cache", "", "directory the indexes of input sources are cached in (default: <user cache directory>/flake-lsp/index; - : none)")
	heapProfile := fs.String("heap-profile", "", "write a heap profile (after a collection) to this file when standard input ends, before the documents are closed (for measuring memory: internal/memprobe)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "flake-lsp: serve takes no arguments, got %q\n", fs.Args())
		return 2
	}
	lvl, err := lsp.ParseLevel(*level)
	if err != nil {
		fmt.Fprintf(stderr, "flake-lsp: %v\n", err)
		return 2
	}
	log := lsp.NewStderrLogger(stderr, lvl)
	if *logFile != "" {
		f, err := os.OpenFile(*logFile, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
		if err != nil {
			fmt.Fprintf(stderr, "flake-lsp: %v\n", err)
			return 2
		}
		defer f.Close()
		log = lsp.NewLogger(f, lvl)
	}
	log.Infof("flake-lsp %s serving LSP on stdio", version)
	if *heapProfile != "" {
		runtime.MemProfileRate = 4096 // finer than the default 512 KB
		stdin = &profileAtEOF{r: stdin, path: *heapProfile, log: log, stderr: stderr}
	}
	return lsp.Serve(context.Background(), stdio{stdin, stdout}, lsp.Options{Version: version, Log: log, TestRequests: *testRequests, IndexCache: *indexCache})
}
