package store

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzHash: any string as a hash (as a lock's narHash or a `sha256:...`
// hash is read). No panic; a hash that parses has its algorithm's size,
// and reads back equal from each of its notations; its source path is
// in the store directory, named source, with 32 base-32 characters.
func FuzzHash(f *testing.F) {
	for _, s := range []string{
		"sha256-2ZpL0xq5SFMZRUsBn1J5M4xdjXCu1Ls9ftFPIkBMKNo=",
		"sha256:1b8m03r63zqhnjf7l5wnldhh7c134ap5vpj0850ymkq1iyzicy5s",
		"sha256:d9a4af" + strings.Repeat("0", 58),
		"sha512-" + strings.Repeat("A", 86) + "==",
		"md5:0123456789abcdef0123456789abcdef", "sha1-", "sha256-", ":", "-", "",
	} {
		f.Add(s)
	}
	st := Store{Dir: DefaultDir, Real: DefaultDir}
	f.Fuzz(func(t *testing.T, s string) {
		h, err := ParseHash(s)
		if err != nil {
			return
		}
		if len(h.Digest) != h.Algo.Size() {
			t.Fatalf("%q: %d bytes for %v", s, len(h.Digest), h.Algo)
		}
		for _, text := range []string{h.SRI(), h.Algo.String() + ":" + h.Base16(), h.Algo.String() + ":" + h.Base32(), h.Algo.String() + ":" + h.Base64()} {
			back, err := ParseHash(text)
			if err != nil || !back.Equal(h) {
				t.Fatalf("%q: %q reads back as %v, %v", s, text, back, err)
			}
		}
		if _, err := ParseSRI(h.SRI()); err != nil {
			t.Fatalf("%q: its SRI %q: %v", s, h.SRI(), err)
		}
		p, err := st.SourcePath(h)
		if err != nil {
			return // only SHA-256 NAR hashes make source paths
		}
		base := strings.TrimPrefix(p, DefaultDir+"/")
		if base == p || len(base) != 32+len("-source") || !strings.HasSuffix(base, "-source") || strings.ContainsRune(base[:32], '/') {
			t.Fatalf("%q: source path %q", s, p)
		}
		if st.OnDisk(p) != p {
			t.Fatalf("%q: %q on disk at %q", s, p, st.OnDisk(p))
		}
	})
}

// FuzzStoreSetting: any `store` setting. No panic; a setting that parses
// gives an absolute, clean store directory, and where its paths are on
// this disk (if anywhere) is absolute too; no path outside the store
// directory is ever mapped onto the disk.
func FuzzStoreSetting(f *testing.F) {
	for _, s := range []string{"", "auto", "daemon", "local", "/x", "./x", "local?root=/x", "local?store=/x/nix/store",
		"local?real=/r&store=/s", "https://cache.example", "dummy://", "ssh://host", "unix:///sock", "?store=%zz", "local?store=relative"} {
		f.Add(s)
	}
	getenv := func(string) string { return "" }
	f.Fuzz(func(t *testing.T, setting string) {
		st, err := Parse(setting, getenv)
		if err != nil {
			return
		}
		if !filepath.IsAbs(st.Dir) || filepath.Clean(st.Dir) != st.Dir {
			t.Fatalf("%q: store directory %q", setting, st.Dir)
		}
		if st.Real != "" && !filepath.IsAbs(st.Real) {
			t.Fatalf("%q: real %q", setting, st.Real)
		}
		inside := strings.TrimSuffix(st.Real, "/") + "/" // "/" for a store at the root
		for _, p := range []string{st.Dir, st.Dir + "x/a", "/elsewhere/a", st.Dir + "/../a"} {
			if got := st.OnDisk(p); got != "" && !strings.HasPrefix(got, inside) {
				t.Fatalf("%q: %q on disk at %q", setting, p, got)
			}
		}
	})
}

// FuzzNAR: a small tree made from the fuzzer's bytes (files with those
// contents and names, one executable, a symbolic link, a nested
// directory). No panic; the NAR is a whole number of 8-byte words and
// starts with the NAR magic; writing it twice gives the same bytes; the
// hash is the SHA-256 of those bytes.
func FuzzNAR(f *testing.F) {
	f.Add("a", []byte("hello\n"), "b", true, "../x")
	f.Add("é", []byte{}, "Z", false, "a")
	f.Fuzz(func(t *testing.T, name string, data []byte, name2 string, exec bool, target string) {
		if len(data) > 1<<16 || !validName(name) || !validName(name2) || name == name2 || strings.ContainsRune(target, 0) || len(target) > 200 {
			return
		}
		dir := t.TempDir()
		tree := filepath.Join(dir, "t")
		mode := os.FileMode(0o644)
		if exec {
			mode = 0o755
		}
		if err := os.MkdirAll(filepath.Join(tree, "sub"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(tree, name), data, mode); err != nil {
			return // a name this file system refuses
		}
		if target != "" {
			if err := os.Symlink(target, filepath.Join(tree, "sub", name2)); err != nil {
				return
			}
		}
		var a, b bytes.Buffer
		if err := WriteNAR(&a, tree); err != nil {
			t.Fatal(err)
		}
		if err := WriteNAR(&b, tree); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) || a.Len()%8 != 0 {
			t.Fatalf("NAR of %d bytes, stable %v", a.Len(), bytes.Equal(a.Bytes(), b.Bytes()))
		}
		if !bytes.HasPrefix(a.Bytes(), []byte("\x0d\x00\x00\x00\x00\x00\x00\x00nix-archive-1")) {
			t.Fatalf("NAR starts %q", a.Bytes()[:min(a.Len(), 24)])
		}
		h, err := HashPath(tree)
		if err != nil {
			t.Fatal(err)
		}
		if !h.Equal(Sum(SHA256, a.Bytes())) {
			t.Fatalf("HashPath %v is not the SHA-256 of the NAR", h)
		}
	})
}

func validName(s string) bool {
	return s != "" && s != "." && s != ".." && len(s) < 100 && !strings.ContainsAny(s, "/\x00")
}
