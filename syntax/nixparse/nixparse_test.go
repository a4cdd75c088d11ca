package nixparse

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flake-lsp/flake-lsp/internal/nixoracle"
)

// TestPositionsAgainstNix: on every .nix file under testdata/ (the parse
// corpus has 200 invalid files written to break Nix's parser in every
// way), Check finds an error exactly when Nix reports a syntax error, and
// its first error is at the line and column Nix reports.
func TestPositionsAgainstNix(t *testing.T) {
	if !nixoracle.Available() {
		t.Skip("SKIPPED: nix-instantiate is not installed (apt-get install nix-bin); the position test did not run")
	}
	var files []string
	err := filepath.WalkDir(filepath.Join("..", "..", "testdata"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".nix") && !strings.Contains(p, "/newer/") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	abs := make([]string, len(files))
	for i, f := range files {
		abs[i], _ = filepath.Abs(f)
	}
	results, err := nixoracle.Files(abs)
	if err != nil {
		t.Fatal(err)
	}
	var rejected, same int
	for i, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		r := results[i]
		if strings.Contains(string(src), "|>") || strings.Contains(string(src), "<|") {
			continue // pipes: Nix 2.8 has none
		}
		got := Check(src)
		switch r.Verdict {
		case nixoracle.NoVerdict:
			continue
		case nixoracle.Accept, nixoracle.BindingError:
			if len(got.Errors) > 0 {
				e := got.Errors[0]
				l, c := lineColBytes(src, e.NixOffset)
				t.Errorf("%s: Nix parses it, we say %d:%d %s", f, l, c, e.Message)
			}
			continue
		}
		rejected++
		if len(got.Errors) == 0 {
			if !got.Deep {
				t.Errorf("%s: Nix: %d:%d %s; we find no error", f, r.Line, r.Col, r.Message)
			}
			continue
		}
		l, c := lineColBytes(src, got.Errors[0].NixOffset)
		if l == r.Line && c == r.Col {
			same++
		} else {
			t.Errorf("%s: Nix: %d:%d %s; we: %d:%d %s", f, r.Line, r.Col, r.Message, l, c, got.Errors[0].Message)
		}
	}
	t.Logf("%d files, %d rejected by Nix, %d at Nix's exact position", len(files), rejected, same)
}

// lineColBytes is Nix's position: 1-based line, 1-based byte column.
func lineColBytes(src []byte, off int) (int, int) {
	line, start := 1, 0
	for i := 0; i < off && i < len(src); i++ {
		if src[i] == '\n' {
			line, start = line+1, i+1
		}
	}
	return line, off - start + 1
}

// Messages and places for the mistakes people make, each checked against
// Nix 2.8's position (the comment after each case).
func TestMessages(t *testing.T) {
	for _, c := range []struct {
		src, at, msg string // at: line:col (1-based, byte column) of Start
	}{
		{"{\n  a = 1\n}\n", "2:8", "expected ';'"},                     // Nix 3:1
		{"{\n  a = \"x\"\n  b = 2;\n}\n", "2:10", "expected ';'"},      // Nix 3:5
		{"let a = 1; a", "1:12", "expected 'in'"},                      // Nix 1:13
		{"{ a = ; }", "1:7", "unexpected ';', expected an expression"}, // Nix 1:7
		{"[ 1 2\n", "1:6", "unexpected end of file, expected ']' (to close the '[' at 1:1)"},
		{"if a b else c", "1:6", "expected 'then'"},              // Nix 1:8
		{"{ a, b }\n  a", "2:3", "expected ':'"},                 // Nix 2:3
		{"a == b == c", "1:8", "unexpected '=='"},                // Nix 1:8
		{"x: x ~ y", "1:6", `unexpected character "~"`},          // Nix 1:6
		{"{ a = ./foo/ ; }", "1:7", "path has a trailing slash"}, // Nix 1:13
		{"{ a = 99999999999999999999; }", "1:7", "invalid integer '99999999999999999999'"},
		{"\uFEFF1", "1:1", "unexpected byte-order mark: Nix files must not start with one"},
		{"{\n  a = {\n    x = 1;\n  b = 2;\n}\n", "5:2", "unexpected end of file (this '{' at 2:7 seems to be unclosed)"},
		{"{\n  inputs = {\n    a.url = \"x\";\n  ;\n  outputs = _: { };\n}\n", "4:3", "expected '}' (this '{' at 2:12 seems to be unclosed)"},
		{"{ a = \"x; }\n", "1:8", `unexpected end of file, expected '"' (the string at 1:7 is not closed)`},
		{"{ a = 1; } }", "1:12", "unexpected '}'"},
		{"f let x", "1:7", "unexpected 'x', expected '{'"},
	} {
		res := Check([]byte(c.src))
		if len(res.Errors) == 0 {
			t.Errorf("%q: no error", c.src)
			continue
		}
		e := res.Errors[0]
		l, col := lineColBytes([]byte(c.src), e.Start)
		if at := fmt.Sprintf("%d:%d", l, col); at != c.at || e.Message != c.msg {
			t.Errorf("%q: %s %q, want %s %q", c.src, at, e.Message, c.at, c.msg)
		}
		if len(res.Errors) != 1 {
			t.Errorf("%q: %d errors, want 1", c.src, len(res.Errors))
		}
	}
}
