package lsp

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/flake-lsp/flake-lsp/grammar"
	"github.com/flake-lsp/flake-lsp/internal/benchdata"
	"github.com/flake-lsp/flake-lsp/position"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// TestRecentAnswers holds the analyses of a large file after random word
// edits (in names, strings and comments) and asks for completion, hover
// and definition meanwhile: they must be answered (from the previous
// analysis; a request that waited would block the test), and once the
// analysis is let through, fresh answers must agree: exactly, away from
// edits that only touched strings and comments; for edits of names,
// completion at the end of the typed text must offer everything the fresh
// list offers for the word typed, and every range must lie in the text.
func TestRecentAnswers(t *testing.T) {
	src := strings.ReplaceAll(string(benchdata.ScopedPackageSet(100_000)), "{ };\n", "{ }; # built from its source tarball\n")
	if len(src) < recentMinSize {
		t.Fatalf("text of %d bytes is under recentMinSize", len(src))
	}
	gate := &sync.Mutex{}
	ss := newSession(t, func(s *Server) {
		s.beforeAnalysis = func() {
			gate.Lock()
			defer gate.Unlock()
		}
	})
	ss.initialize(nil)
	dir := t.TempDir()
	path := filepath.Join(dir, "all-packages.nix")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	uri := pathURI(path)
	ss.open(uri, src)
	waitVersion := func(v int) {
		ss.waitDiags(uri, fmt.Sprintf("version %d", v), func(p publishParams) bool { return p.Version != nil && *p.Version == int32(v) })
	}
	waitVersion(1)

	rng := rand.New(rand.NewSource(7))
	text := src
	version := 1
	var inert, named, compared, completions, differ int
	before := recentAnswers.Load()
	asked := 0
	for trial := 0; trial < 40; trial++ {
		// An insertion or replacement of letters inside a word of the
		// text (a name, a word of a string or of a comment).
		var off int
		for {
			off = 1 + rng.Intn(len(text)-2)
			if isWordByte(text[off-1]) && isWordByte(text[off]) && text[off-1] >= 'a' {
				break
			}
		}
		tree := syntax.Parse([]byte(text))
		view := syntax.NewView(tree, []byte(text))
		kind := view.Kind(view.At(off))
		tree.Close()
		isInert := kind == grammar.KindComment || kind == grammar.KindStringFragment
		end := off
		if rng.Intn(3) == 0 {
			end = off + 1 // replace one letter
		}
		ins := string("xyz"[:1+rng.Intn(3)])
		if !isInert && end > off {
			end = off // names: insertions (completion at their end)
		}
		m := position.NewMapper([]byte(text))
		from, to := m.Position(off, position.UTF16), m.Position(end, position.UTF16)
		gate.Lock()
		version++
		ss.change(uri, version, [5]any{from.Line, from.Character, to.Line, to.Character, ins})
		text = text[:off] + ins + text[end:]
		nm := position.NewMapper([]byte(text))
		cursor := off + len(ins)

		// Requests while the analysis of the new text is held.
		type ask struct {
			method string
			at     int
		}
		var asks []ask
		for len(asks) < 12 {
			at := rng.Intn(len(text))
			if at >= off-1 && at <= cursor+1 {
				continue
			}
			asks = append(asks, ask{[]string{"textDocument/hover", "textDocument/definition", "textDocument/completion"}[len(asks)%3], at})
		}
		// The rest of the edited line moved: ask about its words too.
		for at := cursor + 2; at < len(text) && text[at] != '\n'; at++ {
			if isWordByte(text[at]) && !isWordByte(text[at-1]) {
				asks = append(asks, ask{"textDocument/hover", at}, ask{"textDocument/definition", at}, ask{"textDocument/completion", at})
			}
		}
		if !isInert {
			asks = append(asks, ask{"textDocument/completion", cursor})
		}
		call := func(a ask) json.RawMessage {
			var out json.RawMessage
			params := map[string]any{"textDocument": map[string]any{"uri": uri}, "position": nm.Position(a.at, position.UTF16)}
			if err := ss.call(a.method, params, &out); err != nil {
				t.Fatalf("%s at %d: %v", a.method, a.at, err)
			}
			if len(out) == 0 {
				out = json.RawMessage("null")
			}
			return out
		}
		held := make([]json.RawMessage, len(asks))
		for i, a := range asks {
			held[i] = call(a)
			asked++
		}
		gate.Unlock()
		waitVersion(version)
		if isInert {
			inert++
		} else {
			named++
		}
		for i, a := range asks {
			fresh := call(a)
			checkRanges(t, held[i], nm)
			if a.method == "textDocument/completion" {
				h, f := completionLabels(t, held[i], text, a.at), completionLabels(t, fresh, text, a.at)
				completions++
				if a.at == cursor {
					// Everything offered now for the word typed was
					// offered, bar the name being typed itself.
					word := wordBefore(text, cursor)
					for l := range f {
						if !h[l] && l != word {
							t.Errorf("trial %d: completion at the end of %q lacks %q", trial, word, l)
						}
					}
					continue
				}
				if isInert && !sameSet(h, f) {
					t.Errorf("trial %d: completion at %d after an edit of a %s: %d labels held, %d fresh", trial, a.at, kind, len(h), len(f))
				}
				continue
			}
			compared++
			if string(held[i]) != string(fresh) {
				differ++
				if isInert {
					t.Errorf("trial %d: %s at %d after an edit of a %s:\nheld  %s\nfresh %s", trial, a.method, a.at, kind, held[i], fresh)
				}
			}
		}
	}
	if got := recentAnswers.Load() - before; got < int64(asked) {
		t.Errorf("%d of %d requests answered from the previous analysis", got, asked)
	}
	t.Logf("%d edits in strings or comments, %d in names; %d hovers and definitions compared, %d differed (after edits of names), %d completions", inert, named, compared, differ, completions)
	if inert < 5 || named < 5 {
		t.Errorf("too few edits of a kind: %d inert, %d names", inert, named)
	}
}

// checkRanges fails when a range in an answer lies outside the text.
func checkRanges(t *testing.T, raw json.RawMessage, m *position.Mapper) {
	t.Helper()
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if r, ok := v["range"].(map[string]any); ok {
				for _, k := range []string{"start", "end"} {
					p := r[k].(map[string]any)
					line := int(p["line"].(float64))
					if line < 0 || line >= m.LineCount() {
						t.Errorf("range %v outside the text", r)
					}
				}
			}
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	walk(v)
}

// completionLabels are the labels a client shows: those matching the word
// before the position.
func completionLabels(t *testing.T, raw json.RawMessage, text string, at int) map[string]bool {
	t.Helper()
	var list completionList
	if err := json.Unmarshal(raw, &list); err != nil {
		t.Fatal(err)
	}
	word := wordBefore(text, at)
	out := map[string]bool{}
	for _, it := range list.Items {
		filter := it.FilterText
		if filter == "" {
			filter = it.Label
		}
		if strings.HasPrefix(filter, word) || strings.HasPrefix(it.Label, word) {
			out[it.Label] = true
		}
	}
	return out
}

func wordBefore(text string, at int) string {
	i := at
	for i > 0 && isWordByte(text[i-1]) {
		i--
	}
	return text[i:at]
}

func sameSet(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	ka := make([]string, 0, len(a))
	for k := range a {
		ka = append(ka, k)
		if !b[k] {
			return false
		}
	}
	sort.Strings(ka)
	return true
}
