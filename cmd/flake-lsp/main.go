// Command flake-lsp is a language server for Nix flakes. Subcommands:
//
//	flake-lsp [serve] [--stdio] [--log-level L] [--log-file F]
//	                                    serve LSP on standard input/output
//	flake-lsp check [--format ...] PATH...  lint flakes, exit 1 on errors
//	flake-lsp parse [--quiet] FILE...   print syntax trees, exit 1 on errors
//	flake-lsp index [--json] DIR...     build the indexes of nixpkgs/module trees, print their costs
//	flake-lsp version                   print the version
package main

import (
	"fmt"
	"io"
	"os"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

const usage = `usage: flake-lsp <command> [arguments]

commands:
  serve [--stdio] [--log-level error|warn|info|debug] [--log-file FILE]
                            serve LSP on standard input and output (the
                            default when no command is given)
  check [--format text|json|sarif] [--min-severity LEVEL] PATH...
                            report what Nix would reject in flakes (and
                            syntax errors in any .nix file); exit 1 on errors
  parse [--quiet] FILE...   parse Nix files ("-" reads standard input) and
                            print their syntax trees; exit 1 on syntax errors
  index [--json] DIR...     build the indexes of a nixpkgs tree, a nixpkgs lib,
                            home-manager or nix-darwin (lib, packages,
                            options; nothing evaluated) and print their sizes,
                            build times and memory
  version                   print the version
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "serve" || args[0] == "--stdio" || len(args[0]) > 2 && args[0][:2] == "--" && args[0] != "--version" && args[0] != "--help" {
		if len(args) > 0 && args[0] == "serve" {
			args = args[1:]
		}
		return runServe(args, stdin, stdout, stderr)
	}
	switch args[0] {
	case "parse":
		return runParse(args[1:], stdin, stdout, stderr)
	case "check":
		return runCheck(args[1:], stdout, stderr)
	case "index":
		return runIndex(args[1:], stdout, stderr)
	case "version", "--version":
		fmt.Fprintf(stdout, "flake-lsp %s\n", version)
		return 0
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "flake-lsp: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
}
