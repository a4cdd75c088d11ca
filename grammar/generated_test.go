package grammar

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
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

// TestCorpus runs the grammar's corpus tests (test/corpus/*.txt) and
// the highlight tests of the queries (test/highlight/*.nix) with the
// tree-sitter CLI.
func TestCorpus(t *testing.T) {
	ts := cli(t)
	cmd := exec.Command(ts, "test", "--config-path", highlightConfig(t))
	cmd.Env = append(os.Environ(), "TREE_SITTER_LIBDIR="+t.TempDir(), "NO_COLOR=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("tree-sitter test failed: %v\n%s", err, out)
	}
	corpus, highlight := out, []byte(nil)
	if i := bytes.Index(out, []byte("syntax highlighting:")); i >= 0 {
		corpus, highlight = out[:i], out[i:]
	}
	count := func(b []byte) int { return bytes.Count(b, []byte("✓")) }
	t.Logf("%d corpus cases passed, %d highlight test files passed", count(corpus), count(highlight))
	if bytes.Contains(out, []byte("✗")) {
		t.Fatalf("failures:\n%s", out)
	}
	files, _ := filepath.Glob(filepath.Join("test", "highlight", "*.nix"))
	if len(files) == 0 || count(highlight) != len(files) {
		t.Fatalf("%d highlight test files, %d passed:\n%s", len(files), count(highlight), highlight)
	}
}

// highlightConfig writes a tree-sitter config for the highlight tests:
// the grammar's parent directory among the parser directories, and a
// theme naming every capture of queries/highlights.scm (the highlighter
// reports only the names the theme lists).
func highlightConfig(t *testing.T) string {
	query, err := os.ReadFile(filepath.Join("queries", "highlights.scm"))
	if err != nil {
		t.Fatal(err)
	}
	theme := map[string]string{}
	for _, m := range regexp.MustCompile(`@([a-z][a-z.]*)`).FindAllSubmatch(query, -1) {
		theme[string(m[1])] = fmt.Sprintf("#%06x", len(theme)*0x1f1f1f%0xffffff)
	}
	dir, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	config, err := json.Marshal(map[string]any{"parser-directories": []string{dir}, "theme": theme})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "config.json")
	if err := os.WriteFile(path, config, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestQueries checks that every query compiles against the grammar and
// that the injections find the shell scripts of test/queries/injections.nix
// and nothing else.
func TestQueries(t *testing.T) {
	ts := cli(t)
	config := highlightConfig(t)
	run := func(query string) string {
		cmd := exec.Command(ts, "query", "--config-path", config, filepath.Join("queries", query), filepath.Join("test", "queries", "injections.nix"))
		cmd.Env = append(os.Environ(), "TREE_SITTER_LIBDIR="+t.TempDir(), "NO_COLOR=1")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("tree-sitter query %s: %v\n%s", query, err, out)
		}
		return string(out)
	}
	for _, q := range []string{"highlights.scm", "locals.scm", "folds.scm"} {
		if out := run(q); !strings.Contains(out, "capture:") {
			t.Errorf("%s captures nothing:\n%s", q, out)
		}
	}
	out := run("injections.scm")
	for _, want := range []string{"text: `buildPhase`", "text: `writeShellScript`", "text: `runCommand`", "text: `{NIX_BUILD_CORES} `"} {
		if !strings.Contains(out, want) {
			t.Errorf("injections.scm: no %s in\n%s", want, out)
		}
	}
	for _, unwanted := range []string{"`description`", "`installPhase`"} {
		if strings.Contains(out, unwanted) {
			t.Errorf("injections.scm: %s injected:\n%s", unwanted, out)
		}
	}
}
