package options

import (
	"bytes"
	"context"
	"encoding/gob"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

var (
	fixtureOnce sync.Once
	fixtures    map[string]*Index
)

// fixture is the index of testdata/index/<tree>, built once.
func fixture(t testing.TB, tree string) *Index {
	t.Helper()
	fixtureOnce.Do(func() {
		fixtures = map[string]*Index{}
		for _, name := range []string{"nixos", "home-manager", "nix-darwin"} {
			root := "testdata/index/" + name
			ls := Detect(root)
			if len(ls) != 1 || ls[0].Name != name {
				panic("detect " + name)
			}
			ix, err := BuildLayout(context.Background(), root, ls[0])
			if err != nil {
				panic(err)
			}
			fixtures[name] = ix
		}
	})
	return fixtures[tree]
}

func p(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ".")
}

func TestDetect(t *testing.T) {
	for _, tree := range []string{"nixos", "home-manager", "nix-darwin"} {
		ls := Detect("testdata/index/" + tree)
		if len(ls) != 1 || ls[0].Name != tree {
			t.Errorf("Detect(%s) = %v", tree, ls)
		}
	}
	if ls := Detect("testdata"); len(ls) != 0 {
		t.Errorf("Detect(testdata) = %v", ls)
	}
}

func TestLookup(t *testing.T) {
	ix := fixture(t, "nixos")
	tests := []struct {
		path string
		want string // Type, or "-" when not declared
		kind Kind
	}{
		{"services.openssh.enable", "boolean", Option},
		{"services.openssh.ports", "list of 16 bit unsigned integer; between 0 and 65535 (both inclusive)", Option},
		{"services.openssh.settings.PermitRootLogin", `one of "yes", "without-password", "prohibit-password", "forced-commands-only", "no"`, Option},
		{"services.openssh.listenAddresses.*.addr", "null or string", Option},
		{"services.openssh.listenAddresses.3.port", "null or 16 bit unsigned integer; between 0 and 65535 (both inclusive)", Option},
		{"services.openssh.hostKeys", "list of attribute set", Option},
		{"services.nginx.virtualHosts.example.locations.root.proxyPass", "null or string", Option},
		{"services.nginx.virtualHosts.<name>.serverName", "string", Option},
		{"users.users.alice.extraGroups", "list of string", Option},
		{"users.users.alice.openssh.authorizedKeys.keys", "list of (optionally newline-terminated) single-line string", Option},
		{"users.users.alice.shell", "null or shell package or path, not containing newlines or colons", Option},
		{"users.groups.wheel.gid", "null or signed integer", Option},
		{"virtualisation.podman.enable", "boolean", Option},
		{"virtualisation.helper", "signed integer", Option},
		{"misc.imported", "boolean", Option},
		{"services.openssh.permitRootLogin", "", Renamed},
		{"services.fourStore", "", Removed},
		{"services.openssh", "-", 0},
		{"services.openssh.enabled", "-", 0},
		{"users.users.alice", "-", 0},
		{"", "-", 0},
	}
	for _, tt := range tests {
		d, ok := ix.Lookup(p(tt.path))
		if tt.want == "-" {
			if ok {
				t.Errorf("Lookup(%s) = %+v, want none", tt.path, d)
			}
			continue
		}
		if !ok {
			t.Errorf("Lookup(%s): not found", tt.path)
			continue
		}
		if d.Type != tt.want || d.Kind != tt.kind {
			t.Errorf("Lookup(%s) = %v %q, want %v %q", tt.path, d.Kind, d.Type, tt.kind, tt.want)
		}
	}
}

func TestDecls(t *testing.T) {
	nixos, hm := fixture(t, "nixos"), fixture(t, "home-manager")
	get := func(ix *Index, path string) *Decl {
		t.Helper()
		d, ok := ix.Lookup(p(path))
		if !ok {
			t.Fatalf("%s not declared", path)
		}
		return d
	}
	check := func(what, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %q, want %q", what, got, want)
		}
	}
	d := get(nixos, "services.openssh.enable")
	check("mkEnableOption description", d.Description, "Whether to enable the OpenSSH secure shell daemon.")
	check("mkEnableOption default", d.Default, "false")
	check("file", d.File, "nixos/modules/services/networking/ssh/sshd.nix")
	src := readFixture(t, "nixos/"+d.File)
	check("name range", src[d.Start:d.End], "enable")

	d = get(nixos, "services.openssh.ports")
	check("indented description", d.Description, "Specifies on which ports the SSH daemon listens.\n\nUse `openFirewall` to open them.")
	check("default", d.Default, "[ 22 ]")
	check("mdDoc", get(nixos, "services.openssh.openFirewall").Description, "Whether to open the firewall.")
	d = get(nixos, "services.openssh.package")
	check("mkPackageOption type", d.Type, "package")
	check("mkPackageOption default", d.Default, "pkgs.openssh")
	check("mkPackageOption description", d.Description, "The openssh package to use.")
	d = get(nixos, "services.openssh.listenAddresses")
	check("literalExpression example", d.Example, `[ { addr = "192.168.3.1"; port = 22; } ]`)
	check("listOf submodule", d.Type, "list of (submodule)")
	if !d.Submodule {
		t.Error("listenAddresses: not a submodule")
	}
	if d := get(nixos, "services.openssh.moduliFile"); !d.Internal || d.ReadOnly {
		t.Errorf("moduliFile internal %v readOnly %v", d.Internal, d.ReadOnly)
	}
	d = get(nixos, "services.nginx.virtualHosts.x.serverName")
	check("defaultText", d.Default, "name")
	check("lines", get(nixos, "services.nginx.virtualHosts.x.locations.y.extraConfig").Type, `strings concatenated with "\n"`)
	check("either", get(nixos, "services.nginx.workerProcesses").Type, `signed integer or value "auto" (singular enum)`)
	check("attrsOf submodule", get(nixos, "users.users").Type, "attribute set of (submodule)")
	check("attrsOf anything", get(nixos, "services.settingsOnly").Type, "attribute set of anything")
	check("helper of the file", get(nixos, "virtualisation.helper").Description, "made by a helper")

	d = get(nixos, "services.openssh.permitRootLogin")
	if !reflect.DeepEqual(d.To, p("services.openssh.settings.PermitRootLogin")) {
		t.Errorf("renamed to %v", d.To)
	}
	check("renamed range", readFixture(t, "nixos/"+d.File)[d.Start:d.End][:22], "lib.mkRenamedOptionMod")
	check("removed message", get(nixos, "services.fourStore").Message, "The fourStore module has been removed")
	check("removed indented message", get(nixos, "programs.way-cooler").Message, "way-cooler is abandoned by its author.")
	check("removed by map", get(nixos, "services.beegfsEnable").Message, "gone")
	d = get(nixos, "services.old.x")
	if d.Kind != Renamed || !reflect.DeepEqual(d.To, p("services.new.x")) {
		t.Errorf("mkRenamedOptionModuleWith: %+v", d)
	}
	for _, path := range []string{"networking.enableIPv6", "environment.checkConfigurationOptions", "services.nginx.stateDir", "services.a.one", "services.a.two", "services.nginx.logFile"} {
		if d := get(nixos, path); d.Kind != Renamed || len(d.To) == 0 {
			t.Errorf("%s: %+v", path, d)
		}
	}
	check("renamed through a function of the file", strings.Join(get(nixos, "services.nginx.logFile").To, "."), "services.nginx.logError")

	d = get(hm, "programs.git.package")
	check("mkPackageOption example", d.Example, "pkgs.gitFull")
	check("mkPackageOption extraDescription", d.Description, "The git package to use. Use `gitFull` for send-email.")
	d = get(hm, "programs.python.package")
	check("mkPackageOption nullable", d.Type, "null or package")
	check("mkPackageOption list", d.Default, "pkgs.python3Packages.python")
	d = get(hm, "programs.git.signing.signByDefault")
	check("mkEnableOption // override", d.Default, "true")
	check("nullOr submodule", get(hm, "programs.git.signing").Type, "null or (submodule)")
	check("let-bound type", get(hm, "programs.git.settings").Type, "attribute set of attribute set of (string or boolean or signed integer)")
	check("hm helper", get(hm, "programs.git.enableBashIntegration").Type, "boolean")
	check("oneOf", get(hm, "home.sessionVariables").Type, "lazy attribute set of (string or path or signed integer or floating point number)")
	d = get(hm, "programs.browser.profiles.work.isDefault")
	check("parametrised module", d.File, "modules/programs/browser/mkBrowserModule.nix")
	check("parameter in a description", get(hm, "programs.browser.enable").Description, "Whether to enable Browser.")
	if !hm.IsOpen(p("programs.browser.old.x")) || hm.IsOpen(p("programs.browser.profiles.work.isDefaul")) {
		t.Error("unknown import helper: its literal paths are not open, or too much is")
	}
	check("ints.between", get(fixture(t, "nix-darwin"), "system.stateVersion").Type, "integer between 1 and 6 (both inclusive)")
}

func readFixture(t *testing.T, rel string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/index/" + rel)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestChildren(t *testing.T) {
	ix := fixture(t, "nixos")
	names := func(cs []Child) string {
		var out []string
		for _, c := range cs {
			s := c.Name
			if c.Decl == nil {
				s += "/"
			}
			out = append(out, s)
		}
		return strings.Join(out, " ")
	}
	tests := []struct{ prefix, want string }{
		{"", "environment/ misc/ networking/ programs/ services/ users/ virtualisation/"},
		{"services.openssh", "enable extraConfig hostKeys listenAddresses moduliFile openFirewall package permitRootLogin ports settings"},
		{"services.openssh.settings", "PermitRootLogin X11Forwarding"},
		{"services.openssh.listenAddresses", "*/"},
		{"services.openssh.listenAddresses.0", "addr port"},
		{"users.users", "<name>/"},
		{"users.users.alice", "extraGroups isNormalUser name openssh/ shell uid"},
		{"users.users.alice.openssh.authorizedKeys", "keys"},
		{"services.nginx.virtualHosts.a.locations.b", "extraConfig proxyPass"},
		{"services.nope", ""},
	}
	for _, tt := range tests {
		if got := names(ix.Children(p(tt.prefix))); got != tt.want {
			t.Errorf("Children(%s) = %q, want %q", tt.prefix, got, tt.want)
		}
	}
}

func TestIsOpen(t *testing.T) {
	ix := fixture(t, "nixos")
	tests := []struct {
		path string
		want bool
	}{
		{"services.openssh.settings.UseDns", true},              // freeformType
		{"services.openssh.settings.Match.foo", true},           // below freeform
		{"services.openssh.hostKeys.anything", true},            // not a submodule
		{"services.settingsOnly.a.b", true},                     // attrsOf anything
		{"virtualisation.containers.docker.enable", true},       // computed name
		{"virtualisation.external", true},                       // unknown helper
		{"virtualisation.external.sub", true},                   //
		{"virtualisation.generated.alpha", true},                // genAttrs of a literal list
		{"services.openssh.permitRootLogin.x", true},            // below a renamed option
		{"services.openssh.enabled", false},                     // a typo: claimable
		{"services.openssh.listenAddresses.0.address", false},   // listOf submodule
		{"users.users.alice.extraGroup", false},                 // attrsOf submodule
		{"users.users.alice.openssh.authorizedKeys.key", false}, //
		{"virtualisation.generated.gamma", false},               // not among the names
		{"virtualisation.podman.enabled", false},                //
		{"nothing.here", false},                                 //
	}
	for _, tt := range tests {
		if got := ix.IsOpen(p(tt.path)); got != tt.want {
			t.Errorf("IsOpen(%s) = %v, want %v", tt.path, got, tt.want)
		}
	}
}

func TestClosest(t *testing.T) {
	ix := fixture(t, "nixos")
	tests := []struct {
		path string
		n    int
		want []string
	}{
		{"services.openssh.enabel", 3, []string{"services.openssh.enable"}},
		{"services.openssh.port", 1, []string{"services.openssh.ports"}},
		{"users.users.alice.extraGroup", 3, []string{"users.users.alice.extraGroups"}},
		{"services.openssh.settings.permitRootLogin", 2, []string{"services.openssh.settings.PermitRootLogin"}},
		{"services.openssh.zzzzzzzzzzz", 3, nil},
		{"", 3, nil},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range ix.Closest(p(tt.path), tt.n) {
			got = append(got, strings.Join(c, "."))
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Closest(%s) = %q, want %q", tt.path, got, tt.want)
		}
	}
}

func TestMerge(t *testing.T) {
	nixos, hm := fixture(t, "nixos"), fixture(t, "home-manager")
	m := Merge(nixos, hm)
	if len(m.Decls) != len(nixos.Decls)+len(hm.Decls) {
		t.Fatalf("merged %d decls", len(m.Decls))
	}
	if m.Root != "" || m.Stats.Options != nixos.Stats.Options+hm.Stats.Options {
		t.Errorf("root %q stats %+v", m.Root, m.Stats)
	}
	d, ok := m.Lookup(p("programs.git.enable"))
	if !ok || d.Root != hm.Root || !strings.HasSuffix(m.Abs(d), "testdata/index/home-manager/modules/programs/git.nix") {
		t.Errorf("merged git.enable: %+v %s", d, m.Abs(d))
	}
	if _, ok := m.Lookup(p("users.users.a.uid")); !ok {
		t.Error("merged: users.users.a.uid missing")
	}
	if !m.IsOpen(p("services.openssh.settings.x")) || m.IsOpen(p("programs.git.nope")) {
		t.Error("merged IsOpen")
	}
	for i := 1; i < len(m.Decls); i++ {
		if comparePath(m.Decls[i-1].Path, m.Decls[i].Path) > 0 {
			t.Fatalf("not sorted at %d", i)
		}
	}
	// Same root: Root kept, Decl.Root empty.
	s := Merge(nixos, nixos)
	if s.Root != nixos.Root || s.Decls[0].Root != "" {
		t.Errorf("same-root merge: %q %q", s.Root, s.Decls[0].Root)
	}
}

func TestStats(t *testing.T) {
	ix := fixture(t, "nixos")
	s := ix.Stats
	if s.Files != 7 || s.Options != 37 || s.Renamed != 8 || s.Removed != 4 || s.Skipped != 4 || s.Bytes == 0 || s.Took <= 0 {
		t.Errorf("stats %+v", s)
	}
	n := map[Kind]int{}
	for _, d := range ix.Decls {
		n[d.Kind]++
	}
	if n[Option] != s.Options || n[Renamed] != s.Renamed || n[Removed] != s.Removed {
		t.Errorf("counts %v vs %+v", n, s)
	}
}

func TestBuildFiles(t *testing.T) {
	// Build follows the imports of the files named.
	ix, err := Build(context.Background(), "testdata/index/nixos", []string{"nixos/modules/services/networking/ssh/sshd.nix"})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := ix.Lookup(p("services.openssh.hostKeys")); !ok || ix.Stats.Files != 2 {
		t.Errorf("imports not followed: %+v", ix.Stats)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Build(ctx, "testdata/index/nixos", []string{"nixos/modules/rename.nix"}); err == nil {
		t.Error("cancelled build: no error")
	}
}

func TestGobRoundTrip(t *testing.T) {
	ix := fixture(t, "nixos")
	ix.Children(nil) // built query structures are not encoded
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(ix); err != nil {
		t.Fatal(err)
	}
	var back Index
	if err := gob.NewDecoder(&buf).Decode(&back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back.Decls, ix.Decls) || !reflect.DeepEqual(back.Open, ix.Open) || back.Stats != ix.Stats {
		t.Fatal("round trip changed the index")
	}
	if d, ok := back.Lookup(p("users.users.bob.uid")); !ok || d.Type != "null or signed integer" {
		t.Error("Lookup after round trip")
	}
	if !back.IsOpen(p("services.openssh.settings.x")) || len(back.Children(p("services.openssh"))) != 10 {
		t.Error("queries after round trip")
	}
}

func TestRender(t *testing.T) {
	tests := []struct{ src, want string }{
		{"types.bool", "boolean"},
		{"lib.types.port", "16 bit unsigned integer; between 0 and 65535 (both inclusive)"},
		{"types.listOf types.str", "list of string"},
		{"types.listOf (types.listOf types.str)", "list of list of string"},
		{"types.listOf (types.nullOr types.str)", "list of (null or string)"},
		{"types.nullOr (types.listOf types.str)", "null or (list of string)"},
		{"types.attrsOf (types.submodule { })", "attribute set of (submodule)"},
		{`types.enum [ "a" "b" ]`, `one of "a", "b"`},
		{`types.enum [ 1 true ]`, `one of 1, true`},
		{"types.either types.str (types.listOf types.str)", "string or list of string"},
		{"types.either (types.listOf types.str) types.str", "(list of string) or string"},
		{"with types; oneOf [ str int bool ]", "string or signed integer or boolean"},
		{"types.uniq types.str", "string"},
		{"types.functionTo types.str", "function that evaluates to a(n) string"},
		{`types.separatedString ","`, `strings concatenated with ","`},
		{"types.ints.u8", "8 bit unsigned integer; between 0 and 255 (both inclusive)"},
		{"types.nonEmptyListOf types.str", "non-empty (list of string)"},
		{"types.coercedTo types.str f (types.listOf types.str)", "(list of string) or string convertible to it"},
		{"settingsFormat.type", "settingsFormat.type"},
		{"types.attrsOf (  pkgs.formats.json { }\n ).type", "attribute set of (( pkgs.formats.json { } ).type)"},
	}
	for _, tt := range tests {
		src := []byte("{ lib, types, ... }: { options.x = lib.mkOption { type = " + tt.src + "; }; }")
		f := parseText("t.nix", src)
		w := &walker{top: f, handled: map[*file]map[uint32]bool{}}
		w.module(rootOf(f), nil, 0)
		if len(w.res.decls) != 1 {
			t.Errorf("%s: %d decls", tt.src, len(w.res.decls))
			continue
		}
		if got := w.res.decls[0].Type; got != tt.want {
			t.Errorf("%s = %q, want %q", tt.src, got, tt.want)
		}
	}
}

func TestIndentedStrings(t *testing.T) {
	tests := []struct{ src, want string }{
		{"''\n    a\n      b\n  ''", "a\n  b\n"},
		{"''  x ''", "x "},
		{"''\n  a ''${b} ''' c\n''", "a ${b} '' c\n"},
		{"''\n  ${x}\n    y\n''", "${x}\n  y\n"},
		{`"a\nb\"c"`, "a\nb\"c"},
	}
	for _, tt := range tests {
		f := parseText("t.nix", []byte(tt.src))
		n := f.v.Child(f.v.Root(), "expression")
		got, ok := stringValue(f.v, n, true)
		if !ok || got != tt.want {
			t.Errorf("%s = %q, want %q", tt.src, got, tt.want)
		}
	}
}

// TestSelfReferentialSubmodule: a submodule whose options include an option
// of its own type is read once and its repetition left open (the build
// used to recurse without end: a fuzzed module, kept in
// testdata/fuzz/FuzzBuild).
func TestSelfReferentialSubmodule(t *testing.T) {
	root := t.TempDir()
	module := `{ lib, ... }:
let
  userOpts = { name, ... }: {
    options.shell = lib.mkOption { type = lib.types.str; };
    options.users = lib.mkOption { type = lib.types.attrsOf (lib.types.submodule userOpts); };
    options.more = lib.mkOption { type = lib.types.submoduleWith { modules = [ userOpts ]; }; };
  };
in {
  options.users.users = lib.mkOption { type = lib.types.attrsOf (lib.types.submodule userOpts); };
}
`
	if err := os.WriteFile(filepath.Join(root, "m.nix"), []byte(module), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	ix, err := Build(ctx, root, []string{"m.nix"})
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"users.users.<name>.shell", "users.users.<name>.users", "users.users.<name>.more"} {
		if _, ok := ix.Lookup(p(path)); !ok {
			t.Errorf("%s not found", path)
		}
	}
	if !ix.IsOpen(p("users.users.alice.users.bob.shell")) {
		t.Error("the repetition is not open")
	}
	if _, ok := ix.Lookup(p("users.users.<name>.users.<name>.shell")); ok {
		t.Error("the repetition was read again")
	}
}
