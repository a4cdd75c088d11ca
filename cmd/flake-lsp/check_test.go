package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckCommand(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad")
	os.MkdirAll(bad, 0o755)
	// A syntax error after non-ASCII text, and an unknown attribute.
	os.WriteFile(filepath.Join(bad, "flake.nix"), []byte("{\n  description = \"é🙂\";\n  outputs = { self }: { };\n  foo = 1;\n  x = [ 1 2\n}\n"), 0o644)
	good := filepath.Join(dir, "good")
	os.MkdirAll(good, 0o755)
	os.WriteFile(filepath.Join(good, "flake.nix"), []byte("{ outputs = { self }: { }; }\n"), 0o644)
	other := filepath.Join(dir, "lib.nix")
	os.WriteFile(other, []byte("x: x.if\n"), 0o644)

	var out, errOut bytes.Buffer
	if code := run([]string{"check", good}, nil, &out, &errOut); code != 0 || out.Len() != 0 {
		t.Fatalf("good flake: exit %d, %q %q", code, out.String(), errOut.String())
	}
	out.Reset()
	if code := run([]string{"check", "--format", "json", bad}, nil, &out, &errOut); code != 1 {
		t.Fatalf("bad flake: exit %d", code)
	}
	var diags []struct {
		Path  string `json:"path"`
		Range struct {
			Start struct{ Line, Character int }
		} `json:"range"`
		Severity, Code, Message string
	}
	if err := json.Unmarshal(out.Bytes(), &diags); err != nil {
		t.Fatalf("not one JSON array: %v\n%s", err, out.String())
	}
	codes := map[string]bool{}
	for _, d := range diags {
		codes[d.Code] = true
		if d.Path != filepath.Join(bad, "flake.nix") {
			t.Errorf("path %q", d.Path)
		}
	}
	// With a syntax error, the flake analysis' findings in flake.nix are
	// withheld (they would be built on error recovery's guesses).
	if !codes["syntax-error"] || codes["flake-unknown-attribute"] {
		t.Errorf("codes %v", codes)
	}
	out.Reset()
	if code := run([]string{"check", "--min-severity", "error", "--format", "sarif", bad}, nil, &out, &errOut); code != 1 {
		t.Fatalf("sarif: exit %d", code)
	}
	var sarif map[string]any
	if err := json.Unmarshal(out.Bytes(), &sarif); err != nil || sarif["version"] != "2.1.0" {
		t.Fatalf("sarif: %v %v", err, sarif["version"])
	}
	out.Reset()
	if code := run([]string{"check", other}, nil, &out, &errOut); code != 1 || !strings.Contains(out.String(), "lib.nix:1:6: error: unexpected keyword 'if'") {
		t.Fatalf("non-flake file: exit %d, %q", code, out.String())
	}
	for _, args := range [][]string{{"check"}, {"check", filepath.Join(dir, "missing")}, {"check", "--format", "xml", good}, {"check", "--min-severity", "loud", good}} {
		errOut.Reset()
		if code := run(args, nil, &out, &errOut); code != 2 || errOut.Len() == 0 {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut.String())
		}
	}
}

// Positions in JSON are UTF-16: 🙂 counts two units.
func TestCheckJSONUsesUTF16(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "flake.nix"), []byte("{ description = \"🙂\"; outputs = { self }: { }; bar = 1; }"), 0o644)
	var out, errOut bytes.Buffer
	run([]string{"check", "--format", "json", dir}, nil, &out, &errOut)
	if !strings.Contains(out.String(), `"character": 47`) {
		t.Fatalf("want bar at UTF-16 character 47:\n%s", out.String())
	}
}
