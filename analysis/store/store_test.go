package store

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"

	"github.com/flake-lsp/flake-lsp/analysis/lockfile"
)

// These tests need no Nix: their expected values were printed by Nix 2.8
// (the commands are given with each) or follow from the NAR format's
// definition. The oracle tests in oracle_test.go check the same code
// against Nix directly.

// A tree of a file "a" ("hello\n"), a symbolic link "l" to it and an empty
// directory "sub": `nix hash path DIR` printed
// sha256-f0NcDEgtL1hlFigGm2qjwVIG55DIIMpxDoYISvvWqzY= and
// `nix store add-path --name source DIR` (into a chroot store) printed
// /nix/store/2sjc8m55w9czr6j4bajcgxa4fdz46x1q-source.
const (
	smallTreeHash = "sha256-f0NcDEgtL1hlFigGm2qjwVIG55DIIMpxDoYISvvWqzY="
	smallTreePath = "/nix/store/2sjc8m55w9czr6j4bajcgxa4fdz46x1q-source"
)

func smallTree(t *testing.T) string {
	dir := t.TempDir()
	build(t, dir, []entry{{path: "a", content: "hello\n"}, {path: "l", link: "a"}, {path: "sub", dir: true}})
	return dir
}

func TestHashPathSmallTree(t *testing.T) {
	h, err := HashPath(smallTree(t))
	if err != nil {
		t.Fatal(err)
	}
	if h.SRI() != smallTreeHash {
		t.Errorf("HashPath = %s, Nix printed %s", h.SRI(), smallTreeHash)
	}
	if h.Base32() != "0dmbsvxll2461rqwl868j3khcln1ldm9n1i82rjmhbrd9065qhvz" || h.Base16() != "7f435c0c482d2f58651628069b6aa3c15206e790c820ca710e86084afbd6ab36" {
		t.Errorf("base-32 %s, base-16 %s differ from `nix hash path --base32/--base16`", h.Base32(), h.Base16())
	}
}

// narString is one string of the NAR format, written out by hand.
func narString(s string) []byte {
	var b bytes.Buffer
	binary.Write(&b, binary.LittleEndian, uint64(len(s)))
	b.WriteString(s)
	for b.Len()%8 != 0 {
		b.WriteByte(0)
	}
	return b.Bytes()
}

func TestWriteNARLayout(t *testing.T) {
	dir := smallTree(t)
	var want []byte
	for _, s := range []string{
		"nix-archive-1", "(", "type", "directory",
		"entry", "(", "name", "a", "node", "(", "type", "regular", "contents", "hello\n", ")", ")",
		"entry", "(", "name", "l", "node", "(", "type", "symlink", "target", "a", ")", ")",
		"entry", "(", "name", "sub", "node", "(", "type", "directory", ")", ")",
		")",
	} {
		want = append(want, narString(s)...)
	}
	var got bytes.Buffer
	if err := WriteNAR(&got, dir); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("NAR differs from the format at byte %d", firstDiff(got.Bytes(), want))
	}
	if want := narString("12345678"); len(want) != 16 {
		t.Errorf("an 8-byte string takes %d bytes, not 16 (no padding after a full word)", len(want))
	}
}

// Store paths printed by Nix 2.8:
//
//	NIX_STORE_DIR=DIR nix-store --print-fixed-path [--recursive] ALGO HASH NAME
func TestStorePathVectors(t *testing.T) {
	nar, err := ParseHash(smallTreeHash)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []struct {
		dir, want string
	}{
		{"/nix/store", smallTreePath},
		{"/x/nix/store", "/x/nix/store/1zcl9hq4xilz28f820qj8pmhdflrrn2f-source"},
		{"/y/s", "/y/s/aqn0lklxnx45vxq4xh7l4cf2rn0p96w2-source"},
		{"/x//y/", "/x/y/fc8ncvrwsni41p1gav1kj70f7klll58x-source"},
		{"/x/y/../z", "/x/z/v57ili637m3zc8vr9z0fmifp8hpc5dpx-source"},
		{"/", "//84wmqiqdl4y3kf3h4j9rsdvv9qz4fk7l-source"},
	} {
		st := Default(func(k string) string {
			if k == "NIX_STORE_DIR" {
				return v.dir
			}
			return ""
		})
		if got, err := st.SourcePath(nar); err != nil || got != v.want {
			t.Errorf("NIX_STORE_DIR=%s: %s, %v; Nix printed %s", v.dir, got, err, v.want)
		}
	}
	def := Store{Dir: DefaultDir}
	if got, _ := def.FixedOutputPath(false, nar, "source"); got != "/nix/store/szllv5xm784nc4bxyxky22jhv3czsash-source" {
		t.Errorf("flat sha256: %s", got)
	}
	sha1Empty, _ := ParseHash("sha1:da39a3ee5e6b4b0d3255bfef95601890afd80709")
	if got, _ := def.FixedOutputPath(true, sha1Empty, "source"); got != "/nix/store/3ivj931ixf2ys089ysaj3fm3bzvjpqyq-source" {
		t.Errorf("recursive sha1: %s", got)
	}
	if _, err := def.SourcePath(sha1Empty); err == nil {
		t.Errorf("SourcePath accepted a sha1 hash")
	}
	if _, err := def.FixedOutputPath(true, Hash{Algo: SHA256, Digest: []byte{1, 2}}, "source"); err == nil {
		t.Errorf("FixedOutputPath accepted a 2-byte sha256 digest")
	}
}

func TestParseStoreSetting(t *testing.T) {
	env := map[string]string{}
	getenv := func(k string) string { return env[k] }
	wd, _ := os.Getwd()
	for _, tc := range []struct {
		setting   string
		env       map[string]string
		dir, real string
	}{
		{"", nil, "/nix/store", "/nix/store"},
		{"auto", nil, "/nix/store", "/nix/store"},
		{"daemon", map[string]string{"NIX_STORE_DIR": "/a/store"}, "/a/store", "/a/store"},
		{"unix:///run/socket", nil, "/nix/store", "/nix/store"},
		{"", map[string]string{"NIX_STORE": "/b/store"}, "/b/store", "/b/store"},
		{"", map[string]string{"NIX_STORE_DIR": "/a/store", "NIX_STORE": "/b/store"}, "/a/store", "/a/store"},
		{"", map[string]string{"NIX_STORE_DIR": "relative"}, "/nix/store", "/nix/store"},
		{"local?store=/x/nix/store", nil, "/x/nix/store", "/x/nix/store"},
		{"local?store=/q//store/", map[string]string{"NIX_STORE_DIR": "/a/store"}, "/q/store", "/q/store"},
		{"local?root=/r", nil, "/nix/store", "/r/nix/store"},
		{"local?root=/r&store=/q/store", nil, "/q/store", "/r/nix/store"},
		{"local?store=/q/store&real=/disk/q", nil, "/q/store", "/disk/q"},
		{"/r", map[string]string{"NIX_STORE_DIR": "/a/store"}, "/a/store", "/r/nix/store"},
		{"./rel", nil, "/nix/store", filepath.Join(wd, "rel", "nix", "store")},
		{"dummy://", nil, "/nix/store", ""},
		{"dummy://?store=/d/store", nil, "/d/store", ""},
		{"ssh-ng://builder?store=/s/store", nil, "/s/store", ""},
		{"file:///var/cache", nil, "/nix/store", ""},
	} {
		env = tc.env
		st, err := Parse(tc.setting, getenv)
		if err != nil || st.Dir != tc.dir || st.Real != tc.real {
			t.Errorf("Parse(%q) with %v = %+v, %v; want dir %s, real %q", tc.setting, tc.env, st, err, tc.dir, tc.real)
		}
	}
	for _, bad := range []string{"local?store=relative", "local?real=relative", "local?store=%zz"} {
		if st, err := Parse(bad, getenv); err == nil {
			t.Errorf("Parse(%q) = %+v, want an error", bad, st)
		}
	}
}

func TestOnDiskAndPresent(t *testing.T) {
	root := t.TempDir()
	st, err := Parse(root, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	if got := st.OnDisk(smallTreePath); got != filepath.Join(root, "nix/store", filepath.Base(smallTreePath)) {
		t.Errorf("OnDisk = %s", got)
	}
	for _, p := range []string{"/nix/storex/abc-source", "/nix/store/", "/other/abc", "relative"} {
		if got := st.OnDisk(p); got != "" {
			t.Errorf("OnDisk(%s) = %s, want \"\"", p, got)
		}
	}
	path, present, err := st.Lookup(smallTreeHash)
	if err != nil || path != smallTreePath || present {
		t.Fatalf("Lookup before: %s %v %v", path, present, err)
	}
	if err := os.MkdirAll(st.OnDisk(smallTreePath), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, present, _ = st.Lookup(smallTreeHash); !present {
		t.Errorf("Lookup does not see %s", st.OnDisk(smallTreePath))
	}
	if _, _, err := st.Lookup("sha256-garbage"); err == nil {
		t.Errorf("Lookup accepted a bad hash")
	}
	remote := Store{Dir: DefaultDir}
	if remote.Present(smallTreePath) || remote.OnDisk(smallTreePath) != "" {
		t.Errorf("a store not on this disk has no paths here")
	}
	slash := Store{Dir: "/", Real: root}
	if got := slash.OnDisk("//abc-source"); got != filepath.Join(root, "abc-source") {
		t.Errorf("OnDisk under the store directory /: %s", got)
	}
}

func TestLocate(t *testing.T) {
	src := `{
  "nodes": {
    "abs": {"locked": {"narHash": "` + smallTreeHash + `", "path": "/src/abs", "type": "path"}, "original": {"path": "/src/abs", "type": "path"}},
    "rel": {"locked": {"path": "./sub/../sub2", "type": "path"}, "original": {"path": "./sub2", "type": "path"}},
    "gh": {"locked": {"dir": "nix", "narHash": "sha256-6htY54dQiSfSkgWMC/PjagGlDl1uV0zhTmQ0C420nwQ=", "owner": "o", "repo": "r", "rev": "0000000000000000000000000000000000000000", "type": "github"}, "original": {"owner": "o", "repo": "r", "type": "github"}},
    "old": {"locked": {"narHash": "sha256:0dmbsvxll2461rqwl868j3khcln1ldm9n1i82rjmhbrd9065qhvz", "type": "tarball", "url": "file:///x.tar.gz"}, "original": {"type": "tarball", "url": "file:///x.tar.gz"}},
    "bad": {"locked": {"narHash": "sha256-nope", "type": "tarball", "url": "file:///y.tar.gz"}, "original": {"type": "tarball", "url": "file:///y.tar.gz"}},
    "root": {"inputs": {"abs": "abs", "rel": "rel", "gh": "gh", "old": "old", "bad": "bad"}}
  },
  "root": "root",
  "version": 7
}`
	lf, _ := lockfile.Parse([]byte(src))
	if lf == nil {
		t.Fatal("lock did not parse")
	}
	st := Store{Dir: DefaultDir, Real: t.TempDir()}
	get := func(name string) (Source, error) {
		n, err := lf.Resolve([]string{name})
		if err != nil {
			t.Fatal(err)
		}
		return st.Locate(n, "/home/u/flake")
	}
	if s, err := get("abs"); err != nil || s.StorePath != smallTreePath || s.LocalDir != "/src/abs" || s.Present || s.OnDisk != filepath.Join(st.Real, filepath.Base(smallTreePath)) {
		t.Errorf("abs: %+v, %v", s, err)
	}
	if s, err := get("rel"); err != nil || s.StorePath != "" || !s.NarHash.IsZero() || s.LocalDir != "/home/u/flake/sub2" {
		t.Errorf("rel: %+v, %v", s, err)
	}
	// The store path of the tarball Nix 2.8 locked with this narHash
	// (TestLocateLockedInputsAgainstNix checks this kind of input live).
	if s, err := get("gh"); err != nil || s.StorePath != "/nix/store/4y314klz73qxfghm8xf3jwrmpn1x85p4-source" || s.LocalDir != "" || s.Subdir != "nix" {
		t.Errorf("gh: %+v, %v", s, err)
	}
	if s, err := get("old"); err != nil || s.StorePath != smallTreePath {
		t.Errorf("a narHash in algo:base32 form: %+v, %v", s, err)
	}
	if _, err := get("bad"); err == nil {
		t.Errorf("bad narHash: no error")
	}
	if _, err := st.Locate(lf.Nodes["root"], "/"); err == nil {
		t.Errorf("the root node has no locked entry: no error")
	}
}
