package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseCommand(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.nix")
	bad := filepath.Join(dir, "bad.nix")
	os.WriteFile(good, []byte("{ a = \"é🙂\"; }\n"), 0o644)
	os.WriteFile(bad, []byte("{\n  a = 1\n}\n"), 0o644)
	cases := []struct {
		name       string
		args       []string
		stdin      string
		code       int
		stdout     []string // substrings
		stderr     []string
		emptyStdio bool
	}{
		{name: "valid file", args: []string{"parse", good}, code: 0, stdout: []string{"(source_file [0, 0] - [1, 0]", "(binding"}},
		{name: "syntax error", args: []string{"parse", bad}, code: 1, stdout: []string{"(MISSING \";\"", bad + ":2:8: syntax error: expected ';'"}},
		{name: "quiet", args: []string{"parse", "--quiet", good, bad}, code: 1, stdout: []string{bad + ":2:8: syntax error: expected ';'"}},
		{name: "stdin", args: []string{"parse", "--quiet", "-"}, stdin: "x: x.if", code: 1, stdout: []string{"<stdin>:1:6: syntax error: unexpected keyword 'if'"}},
		{name: "missing file", args: []string{"parse", filepath.Join(dir, "nope.nix")}, code: 2, stderr: []string{"no such file"}},
		{name: "directory", args: []string{"parse", dir}, code: 2, stderr: []string{"is a directory"}},
		{name: "unknown flag", args: []string{"parse", "--bogus", good}, code: 2, stderr: []string{"flag provided but not defined: -bogus"}},
		{name: "no files", args: []string{"parse"}, code: 2, stderr: []string{"usage: flake-lsp parse"}},
		{name: "unknown command", args: []string{"frobnicate"}, code: 2, stderr: []string{"unknown command"}},
		{name: "version", args: []string{"--version"}, code: 0, stdout: []string{"flake-lsp "}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(c.args, strings.NewReader(c.stdin), &out, &errOut)
			if code != c.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, c.code, out.String(), errOut.String())
			}
			for _, s := range c.stdout {
				if !strings.Contains(out.String(), s) {
					t.Errorf("stdout lacks %q:\n%s", s, out.String())
				}
			}
			for _, s := range c.stderr {
				if !strings.Contains(errOut.String(), s) {
					t.Errorf("stderr lacks %q:\n%s", s, errOut.String())
				}
			}
		})
	}
}

func TestParseQuietPrintsOnlyErrors(t *testing.T) {
	var out, errOut bytes.Buffer
	code := run([]string{"parse", "--quiet", "-"}, strings.NewReader("{ a = 1; }"), &out, &errOut)
	if code != 0 || out.Len() != 0 || errOut.Len() != 0 {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out.String(), errOut.String())
	}
}
