package indexcache

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

type record struct {
	Path        []string
	Type        string
	Default     string
	Description string
	File        string
	Line, Col   int
}

type index struct {
	Source  string
	Records []record
}

func sample() *index {
	return &index{Source: "/nix/store/abc-source", Records: []record{
		{Path: []string{"services", "nginx", "enable"}, Type: "boolean", Default: "false", Description: "Whether to enable nginx.", File: "nixos/modules/services/web-servers/nginx/default.nix", Line: 12, Col: 5},
		{Path: []string{"services", "nginx", "port"}, Type: "16 bit unsigned integer; between 0 and 65535 (both inclusive)", Default: "80", File: "x.nix", Line: 1},
	}}
}

func TestRoundTrip(t *testing.T) {
	c := Cache{Dir: t.TempDir()}
	want := sample()
	if err := c.Save("options", "/nix/store/abc-source", 3, want); err != nil {
		t.Fatal(err)
	}
	var got index
	if !c.Load("options", "/nix/store/abc-source", 3, &got) {
		t.Fatal("Load: false after Save")
	}
	if !reflect.DeepEqual(&got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	// Another key, kind or version is another entry.
	for _, k := range []struct {
		kind, key string
		version   int
	}{{"options", "/nix/store/abd-source", 3}, {"lib", "/nix/store/abc-source", 3}, {"options", "/nix/store/abc-source", 4}} {
		var v index
		if c.Load(k.kind, k.key, k.version, &v) {
			t.Errorf("Load%v: true", k)
		}
	}
	// Compressed entries load too (Load reads both codecs).
	if err := c.save("options", "z", 1, want, codecGobFlate); err != nil {
		t.Fatal(err)
	}
	var z index
	if !c.Load("options", "z", 1, &z) || !reflect.DeepEqual(&z, want) {
		t.Errorf("compressed entry: %+v", z)
	}
}

func TestPermissions(t *testing.T) {
	c := Cache{Dir: filepath.Join(t.TempDir(), "a", "b")}
	if err := c.Save("options", "k", 1, sample()); err != nil {
		t.Fatal(err)
	}
	p := c.path("options", "k", 1)
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("file mode %v, want 0600", fi.Mode().Perm())
	}
	for _, d := range []string{filepath.Dir(p), c.Dir} {
		di, err := os.Stat(d)
		if err != nil {
			t.Fatal(err)
		}
		if di.Mode().Perm() != 0o700 {
			t.Errorf("%s: mode %v, want 0700", d, di.Mode().Perm())
		}
	}
	// No temporary file is left behind.
	ents, _ := os.ReadDir(filepath.Dir(p))
	if len(ents) != 1 {
		t.Errorf("%d files in the kind directory, want 1", len(ents))
	}
}

func TestVersionMismatch(t *testing.T) {
	c := Cache{Dir: t.TempDir()}
	if err := c.Save("options", "k", 1, sample()); err != nil {
		t.Fatal(err)
	}
	var v index
	if c.Load("options", "k", 2, &v) {
		t.Error("Load of version 2: true, want false")
	}
	// An entry whose header says another version (a file renamed, or
	// written by mistake) is not loaded either.
	if err := os.Rename(c.path("options", "k", 1), c.path("options", "k", 2)); err != nil {
		t.Fatal(err)
	}
	if c.Load("options", "k", 2, &v) {
		t.Error("Load of a file of version 1 under version 2's name: true")
	}
	// A file of another format version of the cache is left alone.
	p := c.path("options", "k", 5)
	data := []byte(magic[:len(magic)-1] + "\x7fwhatever")
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if c.Load("options", "k", 5, &v) {
		t.Error("Load of another format: true")
	}
	if _, err := os.Stat(p); err != nil {
		t.Errorf("the other format's file was removed: %v", err)
	}
}

// TestCorrupt: every truncation and many single-byte changes of a file
// are noticed, without panic, and the file is removed.
func TestCorrupt(t *testing.T) {
	c := Cache{Dir: t.TempDir()}
	if err := c.Save("options", "k", 1, sample()); err != nil {
		t.Fatal(err)
	}
	p := c.path("options", "k", 1)
	good, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	check := func(what string, data []byte) {
		t.Helper()
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		var v index
		if c.Load("options", "k", 1, &v) {
			t.Fatalf("%s: Load true", what)
		}
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("%s: the file was not removed (%v)", what, err)
		}
	}
	for n := 0; n < len(good); n++ {
		check("truncated to "+itoa(n), good[:n])
	}
	for i := len(magic); i < len(good); i++ {
		bad := bytes.Clone(good)
		bad[i] ^= 0x5a
		check("byte "+itoa(i)+" changed", bad)
	}
	check("garbage", []byte("not an index at all, and long enough to have a trailer"))
	check("appended", append(bytes.Clone(good), 0))

	// A valid file that decodes into another type (the index type changed
	// without a new version) is removed too.
	if err := c.Save("options", "k", 1, []string{"a", "b"}); err != nil {
		t.Fatal(err)
	}
	var v index
	if c.Load("options", "k", 1, &v) {
		t.Error("a []string loaded into an index")
	}
	if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the file of the wrong type was not removed (%v)", err)
	}
	// And a valid gob payload corrupted behind a correct checksum.
	payload := []byte{0x03, 0xff, 0x81, 0x03} // a truncated gob message
	if err := decode(payload, codecGob, &v); err == nil {
		t.Error("decode of a bad payload: no error")
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestZeroCache(t *testing.T) {
	var c Cache
	if err := c.Save("options", "k", 1, sample()); err != nil {
		t.Error(err)
	}
	var v index
	if c.Load("options", "k", 1, &v) {
		t.Error("the zero Cache loaded something")
	}
	if err := c.Prune(0); err != nil {
		t.Error(err)
	}
}

func TestDefault(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", dir)
	t.Setenv("HOME", dir)
	c := Default()
	if c.Dir == "" || !strings.HasPrefix(c.Dir, dir) || !strings.HasSuffix(c.Dir, filepath.Join("flake-lsp", "index")) {
		t.Errorf("Default() = %q", c.Dir)
	}
}

func TestTooLarge(t *testing.T) {
	defer func(l int64) { entryLimit = l }(entryLimit)
	entryLimit = 1 << 20
	c := Cache{Dir: t.TempDir()}
	big := make([]byte, entryLimit)
	if err := c.Save("options", "k", 1, big); !errors.Is(err, ErrTooLarge) {
		t.Errorf("Save of %d bytes: %v, want ErrTooLarge", len(big), err)
	}
	ents, _ := os.ReadDir(filepath.Join(c.Dir, "options"))
	if len(ents) != 0 {
		t.Errorf("%d files left", len(ents))
	}
	small := make([]byte, entryLimit-1000)
	if err := c.Save("options", "k", 1, small); err != nil {
		t.Fatalf("Save of %d bytes: %v", len(small), err)
	}
	var got []byte
	if !c.Load("options", "k", 1, &got) || len(got) != len(small) {
		t.Error("the entry just under the limit does not load")
	}
	// A file over the limit is not read.
	entryLimit = 1000
	if c.Load("options", "k", 1, &got) {
		t.Error("an entry over the limit was loaded")
	}
}

func TestKindDir(t *testing.T) {
	for _, k := range []string{"", ".", "..", "a/b", "../x", strings.Repeat("k", 100), "a\x00b"} {
		d := kindDir(k)
		if strings.ContainsAny(d, "/\\\x00") || d == "." || d == ".." || strings.HasPrefix(d, ".") {
			t.Errorf("kindDir(%q) = %q", k, d)
		}
	}
	if kindDir("nixos-options") != "nixos-options" {
		t.Error("a plain kind is not its own directory")
	}
}

func TestPrune(t *testing.T) {
	c := Cache{Dir: t.TempDir()}
	for _, k := range []string{"old", "new", "loaded"} {
		if err := c.Save("options", k, 1, sample()); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.Save("lib", "old", 1, sample()); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-48 * time.Hour)
	for _, p := range []string{c.path("options", "old", 1), c.path("options", "loaded", 1), c.path("lib", "old", 1)} {
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
	// A stale temporary file and a file that is not ours.
	tmp := filepath.Join(c.Dir, "options", tempPrefix+"123")
	other := filepath.Join(c.Dir, "options", "README")
	for _, p := range []string{tmp, other} {
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(p, old, old)
	}
	var v index
	if !c.Load("options", "loaded", 1, &v) { // touches it
		t.Fatal("Load false")
	}
	if err := c.Prune(24 * time.Hour); err != nil {
		t.Fatal(err)
	}
	exists := func(p string) bool { _, err := os.Stat(p); return err == nil }
	if exists(c.path("options", "old", 1)) || exists(tmp) {
		t.Error("old entries not pruned")
	}
	if !exists(c.path("options", "new", 1)) || !exists(c.path("options", "loaded", 1)) || !exists(other) {
		t.Error("pruned too much")
	}
	if exists(filepath.Join(c.Dir, "lib")) {
		t.Error("the emptied kind directory is left")
	}
	if err := (Cache{Dir: filepath.Join(c.Dir, "absent")}).Prune(0); err != nil {
		t.Errorf("Prune of an absent directory: %v", err)
	}
}
