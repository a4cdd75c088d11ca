package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/flake-lsp/flake-lsp/lsp"
)

// stdio joins standard input and output into the server's connection.
type stdio struct {
	io.Reader
	io.Writer
}

func (stdio) Close() error { return nil }

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
	return lsp.Serve(context.Background(), stdio{stdin, stdout}, lsp.Options{Version: version, Log: log, TestRequests: *testRequests, IndexCache: *indexCache})
}
