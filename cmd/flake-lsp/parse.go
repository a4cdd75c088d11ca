package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/flake-lsp/flake-lsp/syntax"
)

// runParse implements `flake-lsp parse`: exit 0 when every file parses, 1
// when any has a syntax error, 2 on usage or I/O errors.
func runParse(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("parse", flag.ContinueOnError)
	fs.SetOutput(stderr)
	quiet := fs.Bool("quiet", false, "print only syntax errors, as PATH:LINE:COL: syntax error: MESSAGE")
	fs.Usage = func() {
		fmt.Fprint(stderr, "usage: flake-lsp parse [--quiet] FILE...  (\"-\" reads standard input)\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	status := 0
	for _, name := range fs.Args() {
		src, err := readInput(name, stdin)
		if err != nil {
			out.Flush()
			fmt.Fprintf(stderr, "flake-lsp parse: %v\n", err)
			status = 2
			continue
		}
		tree := syntax.Parse(src)
		root := tree.RootNode()
		display := name
		if name == "-" {
			display = "<stdin>"
		}
		if !*quiet {
			if fs.NArg() > 1 {
				fmt.Fprintf(out, "%s\n", display)
			}
			if err := syntax.WriteSExpr(out, root); err != nil {
				fmt.Fprintf(stderr, "flake-lsp parse: %v\n", err)
				return 2
			}
		}
		errs := tree.Errors(src)
		for _, e := range errs {
			fmt.Fprintf(out, "%s:%d:%d: syntax error: %s\n", display, e.Start.Row+1, e.Start.Column+1, e.Message)
		}
		if len(errs) > 0 && status == 0 {
			status = 1
		}
	}
	return status
}

func readInput(name string, stdin io.Reader) ([]byte, error) {
	if name == "-" {
		return io.ReadAll(stdin)
	}
	fi, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("%s is a directory", name)
	}
	return os.ReadFile(name)
}
