package lsp

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/flake-lsp/flake-lsp/analysis/semtok"
)

// decodeTokens turns LSP's relative integers back into text spans,
// `line:col len type [mods] "text"` with UTF-16 columns and lengths, the
// text cut from the document by those UTF-16 positions.
func decodeTokens(t *testing.T, text string, data []uint32, types, mods []string) string {
	t.Helper()
	if len(data)%5 != 0 {
		t.Fatalf("data has %d integers, not a multiple of 5", len(data))
	}
	lines := strings.Split(text, "\n")
	var b strings.Builder
	line, char := 0, 0
	for i := 0; i < len(data); i += 5 {
		if data[i] > 0 {
			line += int(data[i])
			char = int(data[i+1])
		} else {
			char += int(data[i+1])
		}
		length := int(data[i+2])
		if line >= len(lines) {
			t.Fatalf("token %d on line %d past the end", i/5, line)
		}
		units := utf16.Encode([]rune(lines[line]))
		if char+length > len(units) {
			t.Fatalf("token %d at %d:%d length %d past the end of line %q", i/5, line, char, length, lines[line])
		}
		fmt.Fprintf(&b, "%d:%d %d %s", line+1, char, length, types[data[i+3]])
		var ms []string
		for bit, name := range mods {
			if data[i+4]&(1<<bit) != 0 {
				ms = append(ms, name)
			}
		}
		if ms != nil {
			fmt.Fprintf(&b, " [%s]", strings.Join(ms, ","))
		}
		fmt.Fprintf(&b, " %q\n", string(utf16.Decode(units[char:char+length])))
	}
	return b.String()
}

// applyEdits applies semantic token edits (sorted, as the server sends
// them) to old.
func applyEdits(old []uint32, edits []semanticTokensEdit) []uint32 {
	out := slices.Clone(old)
	for i := len(edits) - 1; i >= 0; i-- {
		e := edits[i]
		out = slices.Replace(out, e.Start, e.Start+e.DeleteCount, e.Data...)
	}
	return out
}

const semtokFlake = `{
  description = "naïve 😀 flake";
  inputs.nixpkgs.url = "github:NixOS/nixpkgs";
  outputs = { self, nixpkgs }: let
    pkgs = nixpkgs.legacyPackages.x86_64-linux; /* ünï
       côde */ s = ''
      héllo ${pkgs.hello}/bin
    '';
  in {
    packages.x86_64-linux.default = pkgs.writeText "é" s;
  };
}
`

func TestSemanticTokens(t *testing.T) {
	ss := newSession(t, nil)
	var init struct {
		Capabilities struct {
			SemanticTokensProvider struct {
				Legend struct {
					TokenTypes     []string `json:"tokenTypes"`
					TokenModifiers []string `json:"tokenModifiers"`
				} `json:"legend"`
				Range bool `json:"range"`
				Full  struct {
					Delta bool `json:"delta"`
				} `json:"full"`
			} `json:"semanticTokensProvider"`
		} `json:"capabilities"`
	}
	if err := ss.call("initialize", map[string]any{"processId": nil, "capabilities": map[string]any{}}, &init); err != nil {
		t.Fatal(err)
	}
	ss.notify("initialized", map[string]any{})
	prov := init.Capabilities.SemanticTokensProvider
	if !prov.Range || !prov.Full.Delta || len(prov.Legend.TokenTypes) == 0 || len(prov.Legend.TokenModifiers) == 0 {
		t.Fatalf("semanticTokensProvider: %+v", prov)
	}
	types, mods := prov.Legend.TokenTypes, prov.Legend.TokenModifiers
	const uri = "file:///tmp/semtok/flake.nix"
	ss.open(uri, semtokFlake)
	doc := map[string]any{"uri": uri}

	var full semanticTokens
	if err := ss.call("textDocument/semanticTokens/full", map[string]any{"textDocument": doc}, &full); err != nil {
		t.Fatal(err)
	}
	got := decodeTokens(t, semtokFlake, full.Data, types, mods)
	// A few lines that exercise UTF-16 columns and lengths and split
	// multi-line tokens.
	for _, want := range []string{
		`2:16 16 string "\"naïve 😀 flake\""`,
		`3:9 7 namespace [declaration] "nixpkgs"`,
		`4:14 4 namespace [declaration] "self"`,
		`5:48 6 comment "/* ünï"`,
		`6:7 7 comment "côde */"`,
		`6:15 1 variable [declaration] "s"`,
		`7:6 6 string "héllo "`,
		`7:12 2 interpolation "${"`,
		`7:14 4 variable "pkgs"`,
		`7:19 5 property "hello"`,
		`7:25 4 string "/bin"`,
		`10:36 4 variable "pkgs"`,
		`10:41 9 function "writeText"`,
		`10:51 3 string "\"é\""`,
		`10:55 1 variable "s"`,
	} {
		if !strings.Contains(got, want+"\n") {
			t.Errorf("full tokens lack %s; got:\n%s", want, got)
		}
	}
	if full.ResultID == "" {
		t.Fatal("no resultId")
	}

	// Range: the tokens of line 7 only.
	var rng semanticTokens
	if err := ss.call("textDocument/semanticTokens/range", map[string]any{"textDocument": doc,
		"range": map[string]any{"start": map[string]any{"line": 6, "character": 0}, "end": map[string]any{"line": 7, "character": 0}}}, &rng); err != nil {
		t.Fatal(err)
	}
	gotRange := decodeTokens(t, semtokFlake, rng.Data, types, mods)
	wantRange := `7:6 6 string "héllo "
7:12 2 interpolation "${"
7:14 4 variable "pkgs"
7:19 5 property "hello"
7:24 1 interpolation "}"
7:25 4 string "/bin"
`
	if gotRange != wantRange {
		t.Errorf("range tokens:\n%s\nwant\n%s", gotRange, wantRange)
	}

	// A keystroke, then a delta against the full result.
	ss.change(uri, 2, [5]any{9, 36, 9, 40, "pkgs.lib"})
	edited := strings.Replace(semtokFlake, `default = pkgs.writeText`, `default = pkgs.lib.writeText`, 1)
	var raw json.RawMessage
	if err := ss.call("textDocument/semanticTokens/full/delta", map[string]any{"textDocument": doc, "previousResultId": full.ResultID}, &raw); err != nil {
		t.Fatal(err)
	}
	var delta semanticTokensDelta
	if err := json.Unmarshal(raw, &delta); err != nil || delta.Edits == nil {
		t.Fatalf("delta answer %s: %v", raw, err)
	}
	if len(delta.Edits) != 1 || len(delta.Edits[0].Data) > 15 {
		t.Errorf("delta %s: want one small edit", raw)
	}
	patched := applyEdits(full.Data, delta.Edits)
	var fresh semanticTokens
	if err := ss.call("textDocument/semanticTokens/full", map[string]any{"textDocument": doc}, &fresh); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(patched, fresh.Data) {
		t.Errorf("delta applied:\n%s\nfull:\n%s", decodeTokens(t, edited, patched, types, mods), decodeTokens(t, edited, fresh.Data, types, mods))
	}
	if !strings.Contains(decodeTokens(t, edited, fresh.Data, types, mods), `10:41 3 property "lib"`) {
		t.Errorf("the edit is not in the tokens:\n%s", decodeTokens(t, edited, fresh.Data, types, mods))
	}

	// Nothing changed: an empty delta. An unknown id: the whole result.
	if err := ss.call("textDocument/semanticTokens/full/delta", map[string]any{"textDocument": doc, "previousResultId": fresh.ResultID}, &raw); err != nil {
		t.Fatal(err)
	}
	delta = semanticTokensDelta{}
	if err := json.Unmarshal(raw, &delta); err != nil || delta.Edits == nil || len(delta.Edits) != 0 {
		t.Errorf("delta without change: %s", raw)
	}
	if err := ss.call("textDocument/semanticTokens/full/delta", map[string]any{"textDocument": doc, "previousResultId": "no-such-id"}, &raw); err != nil {
		t.Fatal(err)
	}
	var again semanticTokens
	if err := json.Unmarshal(raw, &again); err != nil || !slices.Equal(again.Data, fresh.Data) {
		t.Errorf("delta against an unknown id: %s", raw)
	}
}

func TestSemanticTokensUTF8AndLock(t *testing.T) {
	ss := newSession(t, nil)
	ss.initialize(map[string]any{"general": map[string]any{"positionEncodings": []string{"utf-8"}}})
	const uri = "file:///tmp/semtok8/a.nix"
	text := "{ é = \"ü\"; }\n"
	ss.open(uri, text)
	var full semanticTokens
	if err := ss.call("textDocument/semanticTokens/full", map[string]any{"textDocument": map[string]any{"uri": uri}}, &full); err != nil {
		t.Fatal(err)
	}
	// `é` is not a Nix name: an error; the string after it is 4 bytes.
	want := []uint32{0, 7, 4, uint32(semtok.String), 0}
	if len(full.Data) < 5 || !slices.Equal(full.Data[len(full.Data)-5:], want) {
		t.Errorf("utf-8 tokens %v, want them to end with %v", full.Data, want)
	}
	const lock = "file:///tmp/semtok8/flake.lock"
	ss.open(lock, `{"nodes": {}, "root": "root", "version": 7}`)
	if err := ss.call("textDocument/semanticTokens/full", map[string]any{"textDocument": map[string]any{"uri": lock}}, &full); err != nil {
		t.Fatal(err)
	}
	if full.Data == nil || len(full.Data) != 0 {
		t.Errorf("flake.lock tokens: %v", full.Data)
	}
}

func TestDiffTokens(t *testing.T) {
	a := []uint32{0, 1, 2, 3, 0, 1, 0, 2, 3, 0, 0, 4, 1, 1, 0}
	for _, b := range [][]uint32{
		{0, 1, 2, 3, 0, 1, 0, 2, 3, 0, 0, 4, 1, 1, 0},
		{0, 1, 2, 3, 0, 1, 0, 3, 3, 0, 0, 4, 1, 1, 0},
		{0, 1, 2, 3, 0},
		{},
		{0, 1, 2, 3, 0, 0, 4, 1, 1, 0, 1, 0, 2, 3, 0, 0, 4, 1, 1, 0},
		{0, 4, 1, 1, 0},
	} {
		edits := diffTokens(a, b)
		if got := applyEdits(a, edits); !slices.Equal(got, b) {
			t.Errorf("%v -> %v: edits %+v give %v", a, b, edits, got)
		}
		for _, e := range edits {
			if e.Start%5 != 0 || e.DeleteCount%5 != 0 {
				t.Errorf("%v -> %v: edit %+v not on token boundaries", a, b, e)
			}
		}
	}
}

// Above maxFileSize the other features are off, but tokens still come,
// from the tree alone: names are variables, attribute names properties.
func TestSemanticTokensLargeFile(t *testing.T) {
	ss := newSession(t, nil)
	var init map[string]any
	if err := ss.call("initialize", map[string]any{"processId": nil, "capabilities": map[string]any{},
		"initializationOptions": map[string]any{"maxFileSize": 10}}, &init); err != nil {
		t.Fatal(err)
	}
	ss.notify("initialized", map[string]any{})
	const uri = "file:///tmp/semtok-large/a.nix"
	text := "let x = map; in { a = x; }\n"
	ss.open(uri, text)
	var full semanticTokens
	if err := ss.call("textDocument/semanticTokens/full", map[string]any{"textDocument": map[string]any{"uri": uri}}, &full); err != nil {
		t.Fatal(err)
	}
	got := decodeTokens(t, text, full.Data, semtok.TypeNames[:], semtok.ModifierNames)
	want := `1:0 3 keyword "let"
1:4 1 variable [declaration] "x"
1:8 3 variable "map"
1:13 2 keyword "in"
1:18 1 property [declaration] "a"
1:22 1 variable "x"
`
	if got != want {
		t.Errorf("tokens of a large file:\n%s\nwant\n%s", got, want)
	}
}
