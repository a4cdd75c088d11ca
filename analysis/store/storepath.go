package store

import (
	"crypto/sha256"
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// DefaultDir is the store directory when nothing says otherwise.
const DefaultDir = "/nix/store"

// SourceName is the name Nix gives every fetched flake input tree.
const SourceName = "source"

// HashPartLen is the length of the hash part of a store path's base name.
const HashPartLen = 32

// MaxNameLen is the longest name a store path may have.
const MaxNameLen = 211

// Store says where store paths are: Dir, the store directory written in
// store paths ("/nix/store"), and Real, where that directory is on this
// machine's disk. Real differs from Dir for a chroot store (a store whose
// `root` is a directory: its paths are `/nix/store/...` but live under
// root), and is "" when the store is not a directory here (a binary cache,
// a remote machine, `dummy://`), where nothing can be looked up.
type Store struct {
	Dir  string
	Real string
}

// Default is the store Nix uses with no `store` setting: DefaultDir, or
// the store directory the environment names (see EnvDir), on this disk.
func Default(getenv func(string) string) Store {
	d := EnvDir(getenv)
	return Store{Dir: d, Real: d}
}

// EnvDir is the store directory the environment names: NIX_STORE_DIR,
// else NIX_STORE, else DefaultDir. Nix 2.8 canonicalises the value
// (collapsing "//", "." and "..", dropping a trailing "/"), and so do we; a
// relative value, which Nix refuses, and an empty one, which makes Nix 2.8
// abort, count as unset. getenv is os.Getenv when nil.
func EnvDir(getenv func(string) string) string {
	if getenv == nil {
		getenv = os.Getenv
	}
	for _, v := range []string{"NIX_STORE_DIR", "NIX_STORE"} {
		if s := getenv(v); s != "" {
			if d, err := canonPath(s); err == nil {
				return d
			}
			return DefaultDir
		}
	}
	return DefaultDir
}

// canonPath is Nix's lexical canonicalisation of an absolute path.
func canonPath(p string) (string, error) {
	if !strings.HasPrefix(p, "/") {
		return "", fmt.Errorf("not an absolute path: '%s'", p)
	}
	return path.Clean(p), nil
}

// Parse reads a `store` setting (Nix's --store option or nix.conf's store
// =) the way Nix 2.8 opens a store, as far as where its paths are goes:
//
//   - "", "auto", "daemon", "local", "unix://..." and their forms with
//     parameters ("local?store=/x/nix/store"): a store on this machine;
//   - an absolute path, or one starting with "./" (relative to the working
//     directory): a chroot store with that root, i.e. `local?root=PATH`;
//   - any other URI (binary caches, ssh://, dummy://): paths not on this
//     disk.
//
// The parameters that matter are `store` (the store directory, else the
// environment's, see EnvDir), `root` (a chroot: the paths live in
// ROOT/nix/store whatever the store directory) and `real` (where the
// paths live, overriding both). getenv is os.Getenv when nil.
//
// Not modelled: Nix's fallback, for `auto` when /nix is not writable by a
// non-root user, to a chroot store in the user's home.
func Parse(setting string, getenv func(string) string) (Store, error) {
	uri, query, _ := strings.Cut(setting, "?")
	params, err := url.ParseQuery(query)
	if err != nil {
		return Store{}, fmt.Errorf("store '%s': bad parameters: %v", setting, err)
	}
	s := Store{Dir: EnvDir(getenv)}
	if d := params.Get("store"); d != "" {
		if s.Dir, err = canonPath(d); err != nil {
			return Store{}, fmt.Errorf("store '%s': %v", setting, err)
		}
	}
	local := false
	root := params.Get("root")
	switch {
	case uri == "" || uri == "auto" || uri == "daemon" || uri == "local" || strings.HasPrefix(uri, "unix://"):
		local = true
	case strings.HasPrefix(uri, "/") || strings.HasPrefix(uri, "./"):
		local = true
		root = uri
	}
	if !local {
		return s, nil
	}
	if root != "" {
		abs, err := filepath.Abs(root)
		if err != nil {
			return Store{}, fmt.Errorf("store '%s': %v", setting, err)
		}
		s.Real = filepath.Join(abs, "nix", "store")
	} else {
		s.Real = s.Dir
	}
	if r := params.Get("real"); r != "" {
		if s.Real, err = canonPath(r); err != nil {
			return Store{}, fmt.Errorf("store '%s': %v", setting, err)
		}
	}
	return s, nil
}

// OnDisk is where the store path p (in s.Dir) is on this machine, or ""
// when the store is not here or p is not in it.
func (s Store) OnDisk(p string) string {
	if s.Real == "" {
		return ""
	}
	prefix := s.Dir + "/"
	if s.Dir == "/" {
		prefix = "//"
	}
	rest, ok := strings.CutPrefix(p, prefix)
	if !ok || rest == "" {
		return ""
	}
	// Only what lies inside the store: `..` would lead out of it (found
	// by FuzzStoreSetting; store paths made here never hold one).
	joined := filepath.Join(s.Real, rest)
	if !strings.HasPrefix(joined, strings.TrimSuffix(s.Real, "/")+"/") {
		return ""
	}
	return joined
}

// CheckName reports whether name may end a store path, as Nix 2.8 checks
// it: not empty, at most MaxNameLen bytes, of letters, digits and
// "+-._?=". (Nix 2.8 accepts "." and ".."; so does this.)
func CheckName(name string) error {
	if name == "" {
		return fmt.Errorf("store path name is empty")
	}
	if len(name) > MaxNameLen {
		return fmt.Errorf("store path name '%s' is longer than %d characters", name, MaxNameLen)
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || strings.IndexByte("+-._?=", c) >= 0) {
			return fmt.Errorf("store path name '%s' contains illegal character '%c'", name, c)
		}
	}
	return nil
}

// MakePath is a store path as Nix computes one from a type, a hash and a
// name: the fingerprint "<type>:<algo>:<base-16 digest>:<store dir>:<name>"
// is hashed with SHA-256, the 32 bytes are folded to 20 by XOR (byte i goes
// into byte i mod 20), and the result, in Nix base-32, is the hash part of
// "<store dir>/<hash part>-<name>".
func (s Store) MakePath(typ string, h Hash, name string) (string, error) {
	if err := CheckName(name); err != nil {
		return "", err
	}
	fp := typ + ":" + h.Algo.String() + ":" + h.Base16() + ":" + s.Dir + ":" + name
	sum := sha256.Sum256([]byte(fp))
	var folded [20]byte
	for i, b := range sum {
		folded[i%20] ^= b
	}
	return s.Dir + "/" + EncodeBase32(folded[:]) + "-" + name, nil
}

// FixedOutputPath is the store path of content added to the store with a
// known hash: recursive says h is the hash of the NAR serialisation (a
// tree), otherwise of a single file's bytes. A recursive SHA-256 is a
// "source" path made directly from h; any other is an "output:out" path
// made from the SHA-256 of "fixed:out:[r:]<algo>:<base-16 digest>:".
func (s Store) FixedOutputPath(recursive bool, h Hash, name string) (string, error) {
	if h.Algo.Size() == 0 || len(h.Digest) != h.Algo.Size() {
		return "", fmt.Errorf("not a valid %v hash", h.Algo)
	}
	if recursive && h.Algo == SHA256 {
		return s.MakePath("source", h, name)
	}
	r := ""
	if recursive {
		r = "r:"
	}
	inner := Sum(SHA256, []byte("fixed:out:"+r+h.Algo.String()+":"+h.Base16()+":"))
	return s.MakePath("output:out", inner, name)
}

// SourcePath is the store path of a fetched flake input whose NAR hash
// (flake.lock's narHash) is narHash: every input tree is added to the
// store as "source", hashed recursively with SHA-256.
func (s Store) SourcePath(narHash Hash) (string, error) {
	if narHash.Algo != SHA256 {
		return "", fmt.Errorf("a source's NAR hash is SHA-256, not %v", narHash.Algo)
	}
	return s.FixedOutputPath(true, narHash, SourceName)
}
