package lsp

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/flake-lsp/flake-lsp/position"
)

var update = flag.Bool("update", false, "rewrite golden files")

// marker is ⁅op⁆ or ⁅op:arg⁆ in a features test file: c (completion,
// ⁅c:N⁆ the first N items), ci:label (one completion item with its
// documentation), h, d, r, hl, pr, n:newName.
var markerRE = regexp.MustCompile(`⁅([a-z]+)(?::([^⁆]*))?⁆`)

type marker struct {
	file, op, arg string
	pos           position.Position
	section       int
}

// featureCase is one testdata/features/*.txt: files (txtar-like
// sections `-- name --`) with markers, and whole-file requests in the
// header (`symbols FILE`, `links FILE`, `workspace-symbols QUERY`). A
// file name given again starts a new version of that file: the harness
// sends it as a didChange and runs that section's markers against it, so
// one case can walk through half-typed states.
type featureCase struct {
	header   []string
	files    map[string]string // the first version of each file
	order    []string
	sections []section
	markers  []marker
}

type section struct{ file, text string }

func parseFeatureCase(t *testing.T, path string) *featureCase {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fc := &featureCase{files: map[string]string{}}
	cur := ""
	var body []string
	flush := func() {
		if cur == "" {
			return
		}
		text := strings.Join(body, "\n")
		// Markers are removed; their positions are taken in the clean text.
		var clean strings.Builder
		last := 0
		for _, m := range markerRE.FindAllStringSubmatchIndex(text, -1) {
			clean.WriteString(text[last:m[0]])
			pos := position.NewMapper([]byte(clean.String())).Position(clean.Len(), position.UTF16)
			mk := marker{file: cur, op: text[m[2]:m[3]], pos: pos, section: len(fc.sections)}
			if m[4] >= 0 {
				mk.arg = text[m[4]:m[5]]
			}
			fc.markers = append(fc.markers, mk)
			last = m[1]
		}
		clean.WriteString(text[last:])
		if _, again := fc.files[cur]; !again {
			fc.files[cur] = clean.String()
			fc.order = append(fc.order, cur)
		}
		fc.sections = append(fc.sections, section{cur, clean.String()})
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "-- ") && strings.HasSuffix(line, " --") {
			flush()
			cur, body = strings.TrimSuffix(strings.TrimPrefix(line, "-- "), " --"), nil
			continue
		}
		if cur == "" {
			if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
				fc.header = append(fc.header, line)
			}
			continue
		}
		body = append(body, line)
	}
	flush()
	return fc
}

// TestFeatures runs every request marked in testdata/features/*.txt
// through a real session and compares the answers with the .golden file
// beside it (go test ./lsp -run TestFeatures -update rewrites them).
func TestFeatures(t *testing.T) {
	files, _ := filepath.Glob("../testdata/features/*.txt")
	if len(files) == 0 {
		t.Fatal("no feature tests")
	}
	now = func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }
	defer func() { now = time.Now }()
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".txt"), func(t *testing.T) {
			got := runFeatureCase(t, parseFeatureCase(t, f))
			golden := strings.TrimSuffix(f, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("answers differ from %s (rerun with -update and review the diff):\n%s", golden, diffLines(string(want), got))
			}
		})
	}
}

func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var out []string
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			out = append(out, fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, a, b))
			if len(out) > 20 {
				break
			}
		}
	}
	return strings.Join(out, "\n")
}

func runFeatureCase(t *testing.T, fc *featureCase) string {
	dir := t.TempDir()
	for name, text := range fc.files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ss := newSession(t, nil)
	var res map[string]any
	// A chroot store that does not exist: its paths read /nix/store/...,
	// none of the fixtures' inputs is there whatever this machine's store
	// holds, and the answers name the same place on every machine. (A test
	// that sets NIX_STORE_DIR to a store of its own keeps that.)
	init := map[string]any{}
	if os.Getenv("NIX_STORE_DIR") == "" {
		init["store"] = "/nonexistent-flake-lsp-test-store"
	}
	if err := ss.call("initialize", map[string]any{"rootUri": pathURI(dir), "capabilities": map[string]any{
		"textDocument": map[string]any{"hover": map[string]any{"contentFormat": []string{"markdown"}}}},
		"initializationOptions": init}, &res); err != nil {
		t.Fatal(err)
	}
	ss.notify("initialized", map[string]any{})
	uriOf := func(name string) string { return pathURI(filepath.Join(dir, name)) }
	rel := func(uri string) string {
		p := uriPath(uri)
		if r, err := filepath.Rel(dir, p); err == nil {
			return r
		}
		return uri
	}
	opened := map[string]bool{}
	open := func(name string) {
		if !opened[name] {
			opened[name] = true
			ss.open(uriOf(name), fc.files[name])
		}
	}
	closed := map[string]bool{} // `closed FILE`: only on disk
	for _, h := range fc.header {
		if op, arg, _ := strings.Cut(h, " "); op == "closed" {
			closed[arg] = true
		}
	}
	for _, name := range fc.order {
		if strings.HasSuffix(name, ".nix") && !closed[name] {
			open(name)
		}
	}
	var out strings.Builder
	rangeText := func(r map[string]any) string {
		s, e := r["start"].(map[string]any), r["end"].(map[string]any)
		return fmt.Sprintf("%v:%v-%v:%v", s["line"], s["character"], e["line"], e["character"])
	}
	for _, h := range fc.header {
		op, arg, _ := strings.Cut(h, " ")
		if op == "closed" {
			continue
		}
		fmt.Fprintf(&out, "== %s\n", h)
		switch op {
		case "symbols":
			open(arg)
			var syms []documentSymbol
			if err := ss.call("textDocument/documentSymbol", map[string]any{"textDocument": map[string]any{"uri": uriOf(arg)}}, &syms); err != nil {
				fmt.Fprintf(&out, "error: %v\n", err)
			}
			var walk func(syms []documentSymbol, indent string)
			walk = func(syms []documentSymbol, indent string) {
				for _, s := range syms {
					fmt.Fprintf(&out, "%s%s [%d] %q %d:%d-%d:%d\n", indent, s.Name, s.Kind, s.Detail, s.Range.Start.Line, s.Range.Start.Character, s.Range.End.Line, s.Range.End.Character)
					walk(s.Children, indent+"  ")
				}
			}
			walk(syms, "")
		case "links":
			open(arg)
			var links []map[string]any
			if err := ss.call("textDocument/documentLink", map[string]any{"textDocument": map[string]any{"uri": uriOf(arg)}}, &links); err != nil {
				fmt.Fprintf(&out, "error: %v\n", err)
			}
			for _, l := range links {
				target := l["target"].(string)
				if strings.HasPrefix(target, "file:") {
					target = "file:" + rel(target)
				}
				fmt.Fprintf(&out, "%s %s\n", rangeText(l["range"].(map[string]any)), target)
			}
		case "diagnostics":
			// What was published for the file (its first version).
			open(arg)
			pub := ss.waitDiags(uriOf(arg), "a publication", func(publishParams) bool { return true })
			for _, d := range pub.Diagnostics {
				r := d.Range
				fmt.Fprintf(&out, "%d:%d-%d:%d %d %s: %s", r.Start.Line, r.Start.Character, r.End.Line, r.End.Character, d.Severity, d.Code, d.Message)
				if d.Data != nil && d.Data.FixTitle != "" {
					fmt.Fprintf(&out, " [fix %q: %q]", d.Data.FixTitle, d.Data.NewText)
				}
				out.WriteString("\n")
			}
		case "workspace-symbols":
			var syms []map[string]any
			if err := ss.call("workspace/symbol", map[string]any{"query": arg}, &syms); err != nil {
				fmt.Fprintf(&out, "error: %v\n", err)
			}
			var lines []string
			for _, s := range syms {
				loc := s["location"].(map[string]any)
				lines = append(lines, fmt.Sprintf("%s [%v] %s %s", s["name"], s["kind"], rel(loc["uri"].(string)), rangeText(loc["range"].(map[string]any))))
			}
			sort.Strings(lines)
			out.WriteString(strings.Join(lines, "\n") + "\n")
		}
	}
	versions := map[string]int{}
	current := map[string]int{} // the section each open file shows
	for i, sec := range fc.sections {
		if _, seen := current[sec.file]; !seen {
			current[sec.file] = i
		}
	}
	for _, m := range fc.markers {
		open(m.file)
		if current[m.file] != m.section {
			// A later version of the file: replace its text.
			current[m.file] = m.section
			versions[m.file]++
			ss.notify("textDocument/didChange", map[string]any{
				"textDocument":   map[string]any{"uri": uriOf(m.file), "version": 1 + versions[m.file]},
				"contentChanges": []any{map[string]any{"text": fc.sections[m.section].text}}})
		}
		fmt.Fprintf(&out, "== %s:%d:%d %s", m.file, m.pos.Line, m.pos.Character, m.op)
		if m.arg != "" {
			fmt.Fprintf(&out, " %s", m.arg)
		}
		out.WriteString("\n")
		pp := map[string]any{"textDocument": map[string]any{"uri": uriOf(m.file)}, "position": m.pos}
		var raw json.RawMessage
		var err error
		switch m.op {
		case "c", "ci":
			err = ss.call("textDocument/completion", pp, &raw)
		case "h":
			err = ss.call("textDocument/hover", pp, &raw)
		case "d":
			err = ss.call("textDocument/definition", pp, &raw)
		case "r":
			pp["context"] = map[string]any{"includeDeclaration": true}
			err = ss.call("textDocument/references", pp, &raw)
		case "hl":
			err = ss.call("textDocument/documentHighlight", pp, &raw)
		case "pr":
			err = ss.call("textDocument/prepareRename", pp, &raw)
		case "n":
			pp["newName"] = m.arg
			err = ss.call("textDocument/rename", pp, &raw)
		default:
			t.Fatalf("unknown marker op %q", m.op)
		}
		if err != nil {
			fmt.Fprintf(&out, "error: %v\n", err)
			continue
		}
		out.WriteString(formatAnswer(m.op, raw, rel, rangeText, m.arg))
	}
	return out.String()
}

func formatAnswer(op string, raw json.RawMessage, rel func(string) string, rangeText func(map[string]any) string, arg string) string {
	var out strings.Builder
	if string(raw) == "null" || len(raw) == 0 {
		return "null\n"
	}
	var v any
	_ = json.Unmarshal(raw, &v)
	switch op {
	case "c":
		items := v.(map[string]any)["items"].([]any)
		if arg != "" { // ⁅c:N⁆ shows only the first N
			var n int
			fmt.Sscan(arg, &n)
			if n < len(items) {
				items = items[:n]
			}
		}
		for _, it := range items {
			m := it.(map[string]any)
			te := m["textEdit"].(map[string]any)
			fmt.Fprintf(&out, "%s [%v] %s → %q @%s\n", m["label"], m["kind"], str(m["detail"]), te["newText"], rangeText(te["range"].(map[string]any)))
		}
		fmt.Fprintf(&out, "(%d items)\n", len(v.(map[string]any)["items"].([]any)))
	case "ci":
		// ⁅ci:label⁆ shows one item whole: detail and documentation.
		for _, it := range v.(map[string]any)["items"].([]any) {
			m := it.(map[string]any)
			if m["label"] != arg {
				continue
			}
			te := m["textEdit"].(map[string]any)
			fmt.Fprintf(&out, "%s [%v] %s → %q @%s\n", m["label"], m["kind"], str(m["detail"]), te["newText"], rangeText(te["range"].(map[string]any)))
			if doc, ok := m["documentation"].(map[string]any); ok {
				out.WriteString(doc["value"].(string) + "\n")
			}
			if tags, ok := m["tags"]; ok {
				fmt.Fprintf(&out, "tags %v\n", tags)
			}
			return out.String()
		}
		out.WriteString("no item " + arg + "\n")
	case "h":
		m := v.(map[string]any)
		contents := m["contents"].(map[string]any)["value"].(string)
		if r, ok := m["range"].(map[string]any); ok {
			fmt.Fprintf(&out, "@%s\n", rangeText(r))
		}
		out.WriteString(contents + "\n")
	case "d", "r":
		for _, l := range v.([]any) {
			loc := l.(map[string]any)
			fmt.Fprintf(&out, "%s %s\n", rel(loc["uri"].(string)), rangeText(loc["range"].(map[string]any)))
		}
	case "hl":
		for _, h := range v.([]any) {
			m := h.(map[string]any)
			fmt.Fprintf(&out, "%s kind %v\n", rangeText(m["range"].(map[string]any)), m["kind"])
		}
	case "pr":
		m := v.(map[string]any)
		fmt.Fprintf(&out, "%s %q\n", rangeText(m["range"].(map[string]any)), m["placeholder"])
	case "n":
		changes := v.(map[string]any)["changes"].(map[string]any)
		var uris []string
		for u := range changes {
			uris = append(uris, u)
		}
		sort.Strings(uris)
		for _, u := range uris {
			for _, e := range changes[u].([]any) {
				m := e.(map[string]any)
				fmt.Fprintf(&out, "%s %s → %q\n", rel(u), rangeText(m["range"].(map[string]any)), m["newText"])
			}
		}
	}
	return out.String()
}

func str(v any) string {
	if v == nil {
		return ""
	}
	return fmt.Sprint(v)
}
