package grammar

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// cli is the tree-sitter CLI the project uses; tests that need it are
// skipped, visibly, where it is absent.
func cli(t *testing.T) string {
	p, err := filepath.Abs(filepath.Join("..", "..", "shared", "tools", "tree-sitter"))
	if err != nil {
		t.Fatal(err)
	}
	if env := os.Getenv("TREE_SITTER"); env != "" {
		p = env
	}
	if _, err := os.Stat(p); err != nil {
		t.Skipf("SKIPPED: no tree-sitter CLI at %s", p)
	}
	return p
}

// TestGeneratedFilesMatchGrammar regenerates the parser from grammar.js in
// a scratch directory and checks the committed files are the same.
func TestGeneratedFilesMatchGrammar(t *testing.T) {
	ts := cli(t)
	dir := t.TempDir()
	grammarJS, err := os.ReadFile("grammar.js")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "grammar.js"), grammarJS, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(ts, "generate", "--abi", "14", "--no-bindings")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TREE_SITTER_LIBDIR="+t.TempDir())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("tree-sitter generate: %v\n%s", err, out)
	}
	for _, f := range []string{"src/parser.c", "src/grammar.json", "src/node-types.json", "src/tree_sitter/parser.h"} {
		want, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from what grammar.js generates: run go generate ./grammar/...", f)
		}
	}
	kinds := filepath.Join(t.TempDir(), "kinds.go")
	gen := exec.Command("go", "run", "./internal/genkinds", "-o", kinds, "src/node-types.json")
	if out, err := gen.CombinedOutput(); err != nil {
		t.Fatalf("genkinds: %v\n%s", err, out)
	}
	want, _ := os.ReadFile(kinds)
	got, _ := os.ReadFile("kinds.go")
	if !bytes.Equal(got, want) {
		t.Error("kinds.go is stale: run go generate ./grammar/...")
	}
}

// TestCorpus runs the grammar's corpus tests (test/corpus/*.txt) with the
// tree-sitter CLI.
func TestCorpus(t *testing.T) {
	ts := cli(t)
	cmd := exec.Command(ts, "test")
	cmd.Env = append(os.Environ(), "TREE_SITTER_LIBDIR="+t.TempDir(), "NO_COLOR=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("tree-sitter test failed: %v\n%s", err, out)
	}
	passed := 0
	for _, line := range bytes.Split(out, []byte("\n")) {
		if bytes.Contains(line, []byte("✓")) {
			passed++
		}
	}
	t.Logf("%d corpus cases passed", passed)
	if bytes.Contains(out, []byte("✗")) {
		t.Fatalf("corpus failures:\n%s", out)
	}
}
