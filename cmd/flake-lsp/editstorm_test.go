package main

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
)

// TestEditStorm drives the built binary over stdio with random incremental
// edits of realistic flakes, as an editor would: inserts, deletions and
// replacements anywhere (multi-byte characters, string and interpolation
// fragments), undo-like reversals, whole-document replacements, several
// documents interleaved, didClose and didOpen in between. After every
// burst the server's text (test-only request flake-lsp/documentText) must
// equal the client's, every request must be answered, and its diagnostics
// must equal those of the same text opened fresh beside it (the syntax
// errors only, where the text has some: incremental and fresh error
// recovery may build different trees, which only the other analyses of an
// unrepairable text read). FLAKE_LSP_EDITS sets the number of edits (CI
// runs 3,000; docs/reliability.md has a run of 100,000).
func TestEditStorm(t *testing.T) {
	total := 3000
	if n, err := strconv.Atoi(os.Getenv("FLAKE_LSP_EDITS")); err == nil && n > 0 {
		total = n
	}
	seed := int64(20261207)
	if s, err := strconv.ParseInt(os.Getenv("FLAKE_LSP_EDITS_SEED"), 10, 64); err == nil {
		seed = s
	}
	rng := rand.New(rand.NewSource(seed))
	sources, _ := filepath.Glob("../../testdata/flakes/*/flake.nix")
	sort.Strings(sources)
	if len(sources) < 20 {
		t.Fatalf("only %d flakes", len(sources))
	}

	p := startServer(t, "serve", "--test-requests")
	defer p.cmd.Process.Kill()
	nextID := 0
	call := func(method string, params any) map[string]any {
		t.Helper()
		nextID++
		id := nextID
		b, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": id, "method": method, "params": params})
		p.send(b)
		m := p.until(method+" answer", func(m map[string]any) bool {
			v, ok := m["id"].(float64)
			return ok && int(v) == id && m["method"] == nil
		})
		if e, ok := m["error"]; ok {
			t.Fatalf("%s: %v", method, e)
		}
		return m
	}
	notify := func(method string, params any) {
		b, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "method": method, "params": params})
		p.send(b)
	}
	call("initialize", map[string]any{"processId": nil, "rootUri": nil, "capabilities": map[string]any{
		"textDocument": map[string]any{"diagnostic": map[string]any{}}}})
	notify("initialized", map[string]any{})

	// Three documents, each a flake.nix in a directory of its own with the
	// realistic flake's lock; the fresh copy goes to a sibling directory.
	type doc struct {
		uri, dir, fresh string
		text            []rune
		version         int
		open            bool
	}
	base := t.TempDir()
	var docs []*doc
	for i := 0; i < 3; i++ {
		src := sources[rng.Intn(len(sources))]
		text, _ := os.ReadFile(src)
		lock, _ := os.ReadFile(filepath.Join(filepath.Dir(src), "flake.lock"))
		d := &doc{dir: filepath.Join(base, fmt.Sprintf("d%d", i)), fresh: filepath.Join(base, fmt.Sprintf("f%d", i))}
		for _, dir := range []string{d.dir, d.fresh} {
			os.MkdirAll(dir, 0o755)
			if lock != nil {
				os.WriteFile(filepath.Join(dir, "flake.lock"), lock, 0o644)
			}
		}
		d.uri = "file://" + filepath.Join(d.dir, "flake.nix")
		d.text = []rune(string(text))
		docs = append(docs, d)
	}
	openDoc := func(d *doc) {
		d.version++
		notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": d.uri, "languageId": "nix", "version": d.version, "text": string(d.text)}})
		d.open = true
	}
	for _, d := range docs {
		openDoc(d)
	}

	pieces := []string{";", "=", "{", "}", "[", "]", "(", ")", "\"", "''", "${", "inputs.", "let ", " in ", "\n", "é", "😀", "中文", "# c\n", "x", " ", "url = \"github:a/b\";", ":", "@", "?", "//", "rec {", "\\"}
	// pos is the LSP position (UTF-16) of rune index i.
	pos := func(text []rune, i int) map[string]int {
		line, col := 0, 0
		for _, r := range text[:i] {
			if r == '\n' {
				line, col = line+1, 0
				continue
			}
			col += len(utf16.Encode([]rune{r}))
		}
		return map[string]int{"line": line, "character": col}
	}
	type undo struct {
		d          *doc
		start, end int
		text       []rune
	}
	var last *undo
	edits, bursts, syntaxOnly, full := 0, 0, 0, 0
	for edits < total {
		// A burst of edits on the documents, interleaved.
		n := 10 + rng.Intn(40)
		for k := 0; k < n && edits < total; k++ {
			d := docs[rng.Intn(len(docs))]
			if !d.open {
				openDoc(d)
			}
			var start, end int
			var ins []rune
			switch op := rng.Intn(20); {
			case op == 0: // whole-document replacement
				start, end = 0, len(d.text)
				src, _ := os.ReadFile(sources[rng.Intn(len(sources))])
				ins = []rune(string(src))
			case op == 1 && last != nil && last.d == d: // undo the last edit
				start, end, ins = last.start, last.end, last.text
			default:
				start = rng.Intn(len(d.text) + 1)
				end = start
				if rng.Intn(2) == 0 {
					end = min(len(d.text), start+rng.Intn(12))
				}
				if rng.Intn(3) != 0 {
					ins = []rune(pieces[rng.Intn(len(pieces))])
				}
			}
			change := map[string]any{"range": map[string]any{"start": pos(d.text, start), "end": pos(d.text, end)}, "text": string(ins)}
			removed := append([]rune{}, d.text[start:end]...)
			d.text = append(append(append([]rune{}, d.text[:start]...), ins...), d.text[end:]...)
			last = &undo{d: d, start: start, end: start + len(ins), text: removed}
			d.version++
			notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": d.uri, "version": d.version}, "contentChanges": []any{change}})
			edits++
		}
		bursts++
		// Check every document after the burst.
		for _, d := range docs {
			if !d.open {
				continue
			}
			got := call("flake-lsp/documentText", map[string]any{"textDocument": map[string]any{"uri": d.uri}})["result"].(map[string]any)
			if got["text"] != string(d.text) || int(got["version"].(float64)) != d.version {
				t.Fatalf("after %d edits the server's text of %s (version %v) differs from the client's (version %d)", edits, d.uri, got["version"], d.version)
			}
			mine := pulled(call("textDocument/diagnostic", map[string]any{"textDocument": map[string]any{"uri": d.uri}}), d.dir)
			freshURI := "file://" + filepath.Join(d.fresh, "flake.nix")
			notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": freshURI, "languageId": "nix", "version": 1, "text": string(d.text)}})
			theirs := pulled(call("textDocument/diagnostic", map[string]any{"textDocument": map[string]any{"uri": freshURI}}), d.fresh)
			notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": freshURI}})
			if hasSyntaxError(theirs) {
				syntaxOnly++
				mine, theirs = syntaxErrors(mine), syntaxErrors(theirs)
			} else {
				full++
			}
			if strings.Join(mine, "\n") != strings.Join(theirs, "\n") {
				t.Fatalf("after %d edits (seed %d) the diagnostics of %s differ from those of the same text opened fresh:\nedited:\n%s\nfresh:\n%s\ntext:\n%s",
					edits, seed, d.uri, strings.Join(mine, "\n"), strings.Join(theirs, "\n"), string(d.text))
			}
		}
		// Sometimes close a document; it is opened again by its next edit.
		if rng.Intn(8) == 0 {
			d := docs[rng.Intn(len(docs))]
			notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": d.uri}})
			d.open = false
		}
	}
	call("shutdown", nil)
	notify("exit", nil)
	if code := p.wait(); code != 0 {
		t.Errorf("exit code %d; stderr:\n%s", code, p.err.String())
	}
	t.Logf("%d edits in %d bursts (seed %d): texts equal after every burst; diagnostics equal to a fresh open %d times in full, %d times on the syntax errors (texts with syntax errors)", edits, bursts, seed, full, syntaxOnly)
}

// pulled lists a pulled diagnostic report as comparable lines, the
// document's directory written as DIR.
func pulled(m map[string]any, dir string) []string {
	res, _ := m["result"].(map[string]any)
	items, _ := res["items"].([]any)
	var out []string
	for _, it := range items {
		d := it.(map[string]any)
		r := d["range"].(map[string]any)
		s, e := r["start"].(map[string]any), r["end"].(map[string]any)
		msg := strings.ReplaceAll(fmt.Sprint(d["message"]), dir, "DIR")
		out = append(out, fmt.Sprintf("%v:%v-%v:%v %v %v %s", s["line"], s["character"], e["line"], e["character"], d["severity"], d["code"], msg))
	}
	sort.Strings(out)
	return out
}

func hasSyntaxError(lines []string) bool {
	return len(syntaxErrors(lines)) > 0
}

func syntaxErrors(lines []string) []string {
	var out []string
	for _, l := range lines {
		if strings.Contains(l, " syntax-error ") {
			out = append(out, l)
		}
	}
	return out
}
