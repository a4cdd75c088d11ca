package nixpkgs

import (
	"bytes"
	"context"
	"encoding/gob"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const fixture = "../../testdata/index/nixpkgs"

func buildFixtureLib(t testing.TB) *Lib {
	t.Helper()
	l, err := BuildLib(context.Background(), fixture)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func splitPath(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ".")
}

func TestDetect(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		root         string
		nixpkgs, lib bool
	}{
		{fixture, true, true},
		{filepath.Join(fixture, "lib"), false, true}, // lib/ itself
		{filepath.Join(fixture, "pkgs"), false, false},
		{dir, false, false},
		{filepath.Join(dir, "missing"), false, false},
	} {
		if got := IsNixpkgs(c.root); got != c.nixpkgs {
			t.Errorf("IsNixpkgs(%s) = %v", c.root, got)
		}
		if got := HasLib(c.root); got != c.lib {
			t.Errorf("HasLib(%s) = %v", c.root, got)
		}
	}
	if _, err := BuildLib(context.Background(), dir); err != ErrNoLib {
		t.Errorf("BuildLib of an empty directory: %v", err)
	}
}

func TestLibLookup(t *testing.T) {
	l := buildFixtureLib(t)
	for _, c := range []struct {
		path    string
		kind    EntryKind
		file    string
		name    string // the text at Start:End
		args    []string
		aliasOf string
		typ     string
		doc     string // a prefix of Doc, "-" for none
	}{
		{path: "strings", kind: Set, file: "lib/default.nix", name: "strings", doc: "Functions on strings."},
		{path: "strings.concatStringsSep", kind: Function, file: "lib/strings.nix", name: "concatStringsSep",
			args: []string{"separator", "strings"}, aliasOf: "builtins.concatStringsSep",
			typ: "concatStringsSep :: string -> [string] -> string", doc: "Joins a list of strings, putting a separator between each two."},
		{path: "strings.hasPrefix", kind: Function, file: "lib/strings.nix", name: "hasPrefix", args: []string{"pref", "str"},
			typ: "hasPrefix :: string -> string -> bool", doc: "Tells whether a string begins with a prefix."},
		{path: "strings.removePrefix", kind: Function, file: "lib/strings.nix", name: "removePrefix", args: []string{"prefix", "str"},
			typ: "removePrefix :: string -> string -> string", doc: "Old-style comment: removes a prefix when it is there.\n\nType:"},
		{path: "strings.stringToCharacters", kind: Function, file: "lib/strings.nix", name: "stringToCharacters", args: []string{"s"},
			doc: "Line comment: turns a string into a list of its characters,\none string per character."},
		{path: "strings.lowerChars", kind: Value, file: "lib/strings.nix", name: "lowerChars", doc: "-"},
		{path: "strings.stringLength", kind: Function, file: "lib/strings.nix", name: "stringLength", args: []string{"s"},
			aliasOf: "builtins.stringLength", doc: "The length of"},
		{path: "concatStringsSep", kind: Function, file: "lib/default.nix", name: "concatStringsSep", aliasOf: "strings.concatStringsSep",
			args: []string{"separator", "strings"}, typ: "concatStringsSep :: string -> [string] -> string", doc: "Joins a list"},
		{path: "toJSON", kind: Function, file: "lib/default.nix", name: "toJSON", aliasOf: "builtins.toJSON", args: []string{"e"}},
		{path: "mkIf", kind: Function, file: "lib/default.nix", name: "mkIf", aliasOf: "modules.mkIf", args: []string{"condition", "content"},
			typ: "mkIf :: Bool -> a -> { _type :: String; condition :: Bool; content :: a; }", doc: "Makes a definition conditional"},
		{path: "modules.mkIf", kind: Function, file: "lib/modules.nix", name: "mkIf", args: []string{"condition", "content"},
			typ: "mkIf :: Bool -> a -> { _type :: String; condition :: Bool; content :: a; }", doc: "Makes a definition conditional: it counts only when `condition` is true.\n\n# Type"},
		{path: "modules.mkDefault", kind: Value, file: "lib/modules.nix", name: "mkDefault", doc: "Priority 1000: below a plain definition."},
		{path: "mkForce", kind: Value, file: "lib/default.nix", name: "mkForce", aliasOf: "modules.mkForce", doc: "Priority 50"},
		{path: "mkOption", kind: Function, file: "lib/default.nix", name: "mkOption", aliasOf: "options.mkOption",
			args: []string{"{ default, type, description, ... }@attrs"}, doc: "Declares an option."},
		{path: "foldl'", kind: Function, file: "lib/default.nix", name: "foldl'", aliasOf: "lists.foldl'",
			args: []string{"op", "start", "list"}, typ: "foldl' :: (acc -> x -> acc) -> acc -> [x] -> acc"},
		{path: "lists.map", kind: Function, file: "lib/lists.nix", name: "map", aliasOf: "builtins.map", args: []string{"f", "list"}, doc: "Applies f"},
		{path: "lists.safe", kind: Set, file: "lib/lists.nix", name: "safe", doc: "-"},
		{path: "lists.safe.head", kind: Function, file: "lib/lists.nix", name: "head", args: []string{"default", "list"},
			doc: "The first element of a list, or the default when it is empty."},
		{path: "lists.safe.deep.last", kind: Function, file: "lib/lists.nix", name: "last", args: []string{"list"}, doc: "-"},
		{path: "attrsets.or", kind: Function, file: "lib/attrsets.nix", name: `"or"`, args: []string{"a", "b"}},
		{path: "trivial.id", kind: Function, file: "lib/trivial.nix", name: "id", args: []string{"x"}, typ: "id :: a -> a"},
		{path: "trivial.pipe", kind: Function, file: "lib/trivial.nix", name: "pipe", typ: "pipe :: a -> [<functions>] -> <return type of last function>"},
		{path: "trivial.release", kind: Value, file: "lib/trivial.nix", name: "release", doc: "The fixture's release name."},
		{path: "fixedPoints.fix", kind: Function, file: "lib/fixed-points.nix", name: "fix", args: []string{"f"}, typ: "fix :: (a -> a) -> a"},
		{path: "fixedPoints.extends", kind: Function, file: "lib/fixed-points.nix", name: "extends", args: []string{"overlay", "f", "final"},
			doc: "Layers an overlay over a function of its own result.\nThe overlay sees both"},
		{path: "fixedPoints.makeExtensible", kind: Function, file: "lib/fixed-points.nix", name: "makeExtensible", args: []string{"rattrs"}, doc: "Makes a set extensible through its `extend` attribute."},
		{path: "types", kind: Set, file: "lib/default.nix", name: "types", doc: "Option types, checked when modules are evaluated."},
		{path: "types.bool", kind: Value, file: "lib/types.nix", name: "bool", doc: "A boolean, true or false."},
		{path: "types.ints", kind: Set, file: "lib/types.nix", name: "ints", doc: "Integers of given widths."},
		{path: "types.ints.u8", kind: Value, file: "lib/types.nix", name: "u8", doc: "An 8-bit unsigned integer."},
		{path: "types.mkOptionType", kind: Function, file: "lib/types.nix", name: "mkOptionType", args: []string{"{ name, description, check, ... }"}},
		{path: "licenses.mit", kind: Set, file: "lib/licenses.nix", name: "mit"},
		{path: "maintainers.carol-c", kind: Set, file: "lib/maintainers.nix", name: `"carol-c"`},
		{path: "systems.doubles.linux", kind: Value, file: "lib/systems/doubles.nix", name: "linux", doc: "The Linux systems."},
		{path: "systems.doubles.all", kind: Value, file: "lib/systems/doubles.nix", name: "all", doc: "-"},
		{path: "systems.elaborate", kind: Function, file: "lib/systems/default.nix", name: "elaborate", args: []string{"system"}},
		{path: "linux", kind: Value, file: "lib/default.nix", name: "linux", aliasOf: "systems.doubles.linux", doc: "The Linux systems."},
		{path: "platformsAlias", kind: Set, file: "lib/default.nix", name: "platformsAlias", aliasOf: "systems.doubles", doc: "an older name"},
		// Through an alias.
		{path: "platformsAlias.darwin", kind: Value, file: "lib/systems/doubles.nix", name: "darwin"},
	} {
		t.Run(c.path, func(t *testing.T) {
			e, ok := l.Lookup(splitPath(c.path))
			if !ok {
				t.Fatal("not found")
			}
			src, err := os.ReadFile(filepath.Join(fixture, e.File))
			if err != nil {
				t.Fatal(err)
			}
			if e.Kind != c.kind || e.File != c.file || string(src[e.Start:e.End]) != c.name {
				t.Errorf("got %v in %s at %q, want %v in %s at %q", e.Kind, e.File, src[e.Start:e.End], c.kind, c.file, c.name)
			}
			if !slices.Equal(e.Args, c.args) {
				t.Errorf("args %q, want %q", e.Args, c.args)
			}
			if got := strings.Join(e.AliasOf, "."); got != c.aliasOf {
				t.Errorf("alias of %q, want %q", got, c.aliasOf)
			}
			if e.Type != c.typ {
				t.Errorf("type %q, want %q", e.Type, c.typ)
			}
			if c.doc == "-" && e.Doc != "" || c.doc != "-" && !strings.HasPrefix(e.Doc, c.doc) {
				t.Errorf("doc %q, want it to start with %q", e.Doc, c.doc)
			}
		})
	}
	for _, p := range []string{"nothing", "strings.nothing", "types.bool.name", "licenses.mit.spdxId", "trivial.warn.x"} {
		if e, ok := l.Lookup(splitPath(p)); ok {
			t.Errorf("Lookup(%s) found %+v", p, e)
		}
	}
}

// The doc of a `/** */` comment: markers, the common indentation and the
// blank lines at either end stripped, nothing else.
func TestDocText(t *testing.T) {
	l := buildFixtureLib(t)
	e, _ := l.Lookup(splitPath("trivial.id"))
	want := "Returns its argument unchanged.\n\n# Inputs\n\n`x`\n\n: The value to return.\n\n# Type\n\n```\nid :: a -> a\n```\n\n" +
		"# Examples\n:::{.example}\n## `lib.trivial.id` usage example\n\n```nix\nid 3\n=> 3\n```\n\n:::"
	if e.Doc != want {
		t.Errorf("doc:\n%s\nwant:\n%s", e.Doc, want)
	}
	for _, c := range []struct{ comment, doc string }{
		{"/** One line. */", "One line."},
		{"/**\n    Indented\n      more\n    back\n  */", "Indented\n  more\nback"},
		{"/* Old\n   * starred\n   * lines\n   */", "Old\nstarred\nlines"},
		{"/**\n\n  Blank lines around\n\n*/", "Blank lines around"},
	} {
		if got := blockDoc(c.comment); got != c.doc {
			t.Errorf("blockDoc(%q) = %q, want %q", c.comment, got, c.doc)
		}
	}
	for _, c := range []struct{ doc, typ string }{
		{"x\n\n# Type\n\n```\nf :: a -> b\n```\n\n# Examples\n```nix\n# Type\n```", "f :: a -> b"},
		{"# Type {#anchor}\n```\ng :: a\n  -> b\n```", "g :: a\n-> b"},
		{"Type: h :: int", "h :: int"},
		{"```\n# Type\nnot a heading\n```", ""},
		{"no type", ""},
	} {
		if got := docType(c.doc); got != c.typ {
			t.Errorf("docType(%q) = %q, want %q", c.doc, got, c.typ)
		}
	}
}

func TestLibChildren(t *testing.T) {
	l := buildFixtureLib(t)
	names := func(es []LibEntry) string {
		var s []string
		for _, e := range es {
			s = append(s, e.Path[len(e.Path)-1])
		}
		return strings.Join(s, " ")
	}
	for _, c := range []struct{ prefix, want string }{
		{"strings", "concatStringsSep hasPrefix lowerChars removePrefix stringLength stringToCharacters substring"},
		{"modules", "mkDefault mkForce mkIf mkMerge mkOverride"},
		{"types.ints", "u16 u8"},
		{"lists", "foldl' head map safe singleton tail"},
		{"lists.safe", "deep head"},
		{"licenses", "gpl3Only mit unfree"},
		{"maintainers", "alice bob carol-c"},
		{"systems", "doubles elaborate flakeExposed"},
		{"platformsAlias", "all darwin linux"}, // through the alias
		{"types.bool", ""},
		{"nothing", ""},
	} {
		if got := names(l.Children(splitPath(c.prefix))); got != c.want {
			t.Errorf("Children(%s) = %s, want %s", c.prefix, got, c.want)
		}
	}
	top := l.Children(nil)
	want := "attrsets concatStringsSep const extends fix fixedPoints foldl' fromJSON hasPrefix id licenses linux lists maintainers " +
		"map mapAttrs mkDefault mkEnableOption mkForce mkIf mkMerge mkOption modules optionalAttrs options pipe platformsAlias " +
		"singleton strings systems toJSON trivial types"
	if got := names(top); got != want {
		t.Errorf("top level:\n%s\nwant\n%s", got, want)
	}
	// Children are stored entries: an alias's doc is Resolve's to fill.
	for _, e := range top {
		if e.Path[0] == "mkIf" {
			if e.Doc != "" || !strings.HasPrefix(l.Resolve(e).Doc, "Makes a definition") {
				t.Errorf("mkIf: stored doc %q, resolved %q", e.Doc, l.Resolve(e).Doc)
			}
		}
	}
}

func TestLibStats(t *testing.T) {
	l := buildFixtureLib(t)
	s := l.Stats
	if s.Files != 13 || s.Entries != len(l.Entries) || s.Skipped != 0 || s.Bytes < 5000 || s.Took <= 0 {
		t.Errorf("stats %+v", s)
	}
	documented := 0
	for i, e := range l.Entries {
		if e.Doc != "" {
			documented++
		}
		if i > 0 && slices.Compare(l.Entries[i-1].Path, e.Path) >= 0 {
			t.Errorf("entries out of order: %v then %v", l.Entries[i-1].Path, e.Path)
		}
	}
	if s.Documented != documented || documented < 30 {
		t.Errorf("documented %d, counted %d", s.Documented, documented)
	}
}

// A checkout of lib/ alone (root holds default.nix and trivial.nix) gives
// the same entries, with files relative to it.
func TestLibOnly(t *testing.T) {
	full := buildFixtureLib(t)
	l, err := BuildLib(context.Background(), filepath.Join(fixture, "lib"))
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Entries) != len(full.Entries) {
		t.Fatalf("%d entries, %d from the whole tree", len(l.Entries), len(full.Entries))
	}
	for i, e := range l.Entries {
		if "lib/"+e.File != full.Entries[i].File || e.Start != full.Entries[i].Start {
			t.Errorf("%v: %s:%d, from the whole tree %s:%d", e.Path, e.File, e.Start, full.Entries[i].File, full.Entries[i].Start)
		}
	}
}

func TestLibGob(t *testing.T) {
	l := buildFixtureLib(t)
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(l); err != nil {
		t.Fatal(err)
	}
	var got Lib
	if err := gob.NewDecoder(&buf).Decode(&got); err != nil {
		t.Fatal(err)
	}
	if got.Root != l.Root || got.Stats != l.Stats || len(got.Entries) != len(l.Entries) {
		t.Fatalf("round trip: %+v", got.Stats)
	}
	for _, p := range []string{"mkIf", "strings.concatStringsSep", "platformsAlias.linux"} {
		a, _ := l.Lookup(splitPath(p))
		b, ok := got.Lookup(splitPath(p))
		if !ok || a.Doc != b.Doc || a.Type != b.Type || !slices.Equal(a.Args, b.Args) {
			t.Errorf("%s after a round trip: %+v, before %+v", p, b, a)
		}
	}
}

func TestLibCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := BuildLib(ctx, fixture); err == nil {
		t.Error("BuildLib with a cancelled context succeeded")
	}
}
