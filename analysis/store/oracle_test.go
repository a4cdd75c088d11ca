package store

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flake-lsp/flake-lsp/analysis/lockfile"
)

// These tests ask Nix 2.8 (nix, nix-store) for the answers, without a
// daemon and without touching the machine's store: every store is a
// temporary directory.

const nixCommand = "--extra-experimental-features nix-command --extra-experimental-features flakes"

func needNix(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"nix", "nix-store"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skip("SKIPPED: " + tool + " is not installed; this test checks our hashes and store paths against real Nix")
		}
	}
}

// runNix runs a Nix tool with a private HOME and caches, and returns its
// standard output. env adds variables; NIX_STORE_DIR and NIX_STORE are
// set only if env sets them.
func runNix(t *testing.T, env []string, name string, args ...string) []byte {
	t.Helper()
	home := t.TempDir()
	cmd := exec.Command(name, args...)
	// The store directory is the tests' to choose: only what env says.
	for _, e := range os.Environ() {
		if !strings.HasPrefix(e, "NIX_STORE_DIR=") && !strings.HasPrefix(e, "NIX_STORE=") {
			cmd.Env = append(cmd.Env, e)
		}
	}
	cmd.Env = append(cmd.Env, "HOME="+home, "XDG_CACHE_HOME="+filepath.Join(home, ".cache"),
		"XDG_CONFIG_HOME="+filepath.Join(home, ".config"), "NIX_CONFIG=build-users-group =")
	cmd.Env = append(cmd.Env, env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	return stdout.Bytes()
}

func nixLine(t *testing.T, env []string, name string, args ...string) string {
	t.Helper()
	return strings.TrimSpace(string(runNix(t, env, name, args...)))
}

// entry is one thing to create in a test tree: a file (with its mode), a
// directory (Dir) or a symbolic link (Link).
type entry struct {
	path    string
	content string
	mode    os.FileMode
	dir     bool
	link    string
}

func build(t *testing.T, root string, entries []entry) {
	t.Helper()
	for _, e := range entries {
		p := filepath.Join(root, e.path)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		var err error
		switch {
		case e.dir:
			err = os.MkdirAll(p, 0o755)
		case e.link != "":
			err = os.Symlink(e.link, p)
		default:
			mode := e.mode
			if mode == 0 {
				mode = 0o644
			}
			if err = os.WriteFile(p, []byte(e.content), mode); err == nil {
				err = os.Chmod(p, mode) // not masked by the umask
			}
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

// trees exercise every part of the NAR format and the ordering of names.
var trees = map[string][]entry{
	"files": {
		{path: "empty"},
		{path: "one", content: "1"},
		{path: "seven", content: "1234567"},
		{path: "eight", content: "12345678"},
		{path: "nine", content: "123456789"},
		{path: "big", content: strings.Repeat("0123456789abcdef", 20000) + "tail"},
		{path: "exec", content: "#!/bin/sh\necho hi\n", mode: 0o755},
		{path: "owner-exec-only", content: "x", mode: 0o700},
		{path: "group-exec-only", content: "x", mode: 0o654},
		{path: "others-exec-only", content: "x", mode: 0o645},
		{path: "read-only", content: "x", mode: 0o444},
		{path: "nul-bytes", content: "a\x00b\x00\x00"},
	},
	"symlinks": {
		{path: "target", content: "t"},
		{path: "dir/inner", content: "i"},
		{path: "to-file", link: "target"},
		{path: "to-dir", link: "dir"},
		{path: "dangling", link: "does/not/exist"},
		{path: "absolute", link: "/nonexistent/absolute/target"},
		{path: "eight-byte-target", link: "12345678"},
		{path: "to-parent", link: ".."},
		{path: "non-ascii-target", link: "日本語/é"},
		{path: "dir/up", link: "../target"},
	},
	"directories": {
		{path: "empty", dir: true},
		{path: "a/b/c/d/e/f", content: "deep"},
		{path: "a/b/empty", dir: true},
		{path: "a/x", content: "x"},
		{path: "nested-empty/one/two", dir: true},
		{path: "z", content: "last"},
	},
	"names": {
		// Byte order puts upper case first, "f" before "é", U+FF21
		// before U+1F600 (UTF-16 order is the other way round), and
		// "\uFFFD" before "\xff" and "\uFFFE" before "\xff" (as runes,
		// the invalid byte decodes to U+FFFD: a tie, and after U+FFFE).
		{path: "B", content: "B"},
		{path: "a", content: "a"},
		{path: "a.b", content: "a.b"},
		{path: "a-b", content: "a-b"},
		{path: "a0", content: "a0"},
		{path: "aa", content: "aa"},
		{path: "é", content: "e acute"},
		{path: "f", content: "f"},
		{path: "e\u0301", content: "e and combining acute"},
		{path: "\uff21", content: "fullwidth A"},
		{path: "😀", content: "emoji"},
		{path: "\ufffd", content: "replacement character"},
		{path: "\ufffe", content: "noncharacter"},
		{path: "\xff", content: "invalid UTF-8"},
		{path: "\xc3", content: "truncated UTF-8"},
		{path: "日本/語", content: "nested non-ASCII"},
		{path: " space", content: "leading space"},
		{path: "new\nline", content: "newline in a name"},
		{path: strings.Repeat("n", 255), content: "a name of 255 bytes"},
	},
	"mixed": {
		{path: "flake.nix", content: "{ outputs = _: { }; }\n"},
		{path: "bin/run", content: "#!/bin/sh\n", mode: 0o755},
		{path: "bin/run-link", link: "run"},
		{path: "lib/.hidden", content: "hidden"},
		{path: "lib/empty", dir: true},
		{path: "lib/Ünïcödé.nix", content: "{ }"},
		{path: "result", link: "/nix/store/00000000000000000000000000000000-x"},
	},
	"empty": {},
}

func TestNARHashAndStorePathAgainstNix(t *testing.T) {
	needNix(t)
	tmp := t.TempDir()
	// A chroot store: paths in /nix/store, kept in tmp/root/nix/store.
	chrootSetting := filepath.Join(tmp, "root")
	chroot, err := Parse(chrootSetting, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	// A store with another store directory.
	other := filepath.Join(tmp, "other")
	otherSetting := "local?store=" + other + "/nix/store&state=" + other + "/state&log=" + other + "/log"
	otherStore, err := Parse(otherSetting, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	if chroot.Dir != DefaultDir || otherStore.Dir != other+"/nix/store" {
		t.Fatalf("Parse: %+v, %+v", chroot, otherStore)
	}
	for name, entries := range trees {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(tmp, "trees", name)
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			build(t, dir, entries)

			// The NAR itself, byte for byte.
			var ours bytes.Buffer
			if err := WriteNAR(&ours, dir); err != nil {
				t.Fatal(err)
			}
			theirs := runNix(t, nil, "nix-store", "--dump", dir)
			if !bytes.Equal(ours.Bytes(), theirs) {
				t.Errorf("our NAR (%d bytes) differs from `nix-store --dump` (%d bytes) at byte %d",
					ours.Len(), len(theirs), firstDiff(ours.Bytes(), theirs))
			}

			// The NAR hash.
			h, err := HashPath(dir)
			if err != nil {
				t.Fatal(err)
			}
			nixHash := nixLine(t, nil, "nix", append(strings.Fields(nixCommand), "hash", "path", "--type", "sha256", dir)...)
			if h.SRI() != nixHash {
				t.Errorf("HashPath = %s, `nix hash path` = %s", h.SRI(), nixHash)
			}

			// The store path, in both stores, and its presence after Nix
			// added the tree.
			for _, st := range []struct {
				setting string
				store   Store
			}{{chrootSetting, chroot}, {otherSetting, otherStore}} {
				want, present, err := st.store.Lookup(h.SRI())
				if err != nil {
					t.Fatal(err)
				}
				if present {
					t.Errorf("%s: %s present before Nix added it", st.setting, want)
				}
				got := nixLine(t, nil, "nix", append(strings.Fields(nixCommand), "--store", st.setting, "store", "add-path", "--name", "source", dir)...)
				if got != want {
					t.Errorf("%s: our store path %s, Nix added %s", st.setting, want, got)
				}
				if !st.store.Present(got) {
					t.Errorf("%s: %s not found on disk after Nix added it (looked at %s)", st.setting, got, st.store.OnDisk(got))
				}
			}
		})
	}
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// A single file or symbolic link can be the whole NAR too.
func TestNARHashOfNonDirectoriesAgainstNix(t *testing.T) {
	needNix(t)
	dir := t.TempDir()
	build(t, dir, []entry{
		{path: "file", content: "hello\n"},
		{path: "script", content: "#!/bin/sh\n", mode: 0o755},
		{path: "link", link: "file"},
	})
	for _, name := range []string{"file", "script", "link"} {
		p := filepath.Join(dir, name)
		var ours bytes.Buffer
		if err := WriteNAR(&ours, p); err != nil {
			t.Fatal(err)
		}
		if theirs := runNix(t, nil, "nix-store", "--dump", p); !bytes.Equal(ours.Bytes(), theirs) {
			t.Errorf("%s: NAR differs from `nix-store --dump` at byte %d", name, firstDiff(ours.Bytes(), theirs))
		}
		h, err := HashPath(p)
		if err != nil {
			t.Fatal(err)
		}
		if want := nixLine(t, nil, "nix", append(strings.Fields(nixCommand), "hash", "path", "--type", "sha256", p)...); h.SRI() != want {
			t.Errorf("%s: HashPath = %s, nix = %s", name, h.SRI(), want)
		}
	}
}

// FixedOutputPath for every kind of fixed-output path, under several store
// directories, against `nix-store --print-fixed-path`.
func TestFixedOutputPathAgainstNix(t *testing.T) {
	needNix(t)
	digests := []Hash{
		Sum(SHA256, []byte("")),
		Sum(SHA256, []byte("a source tree")),
		Sum(SHA1, []byte("abc")),
		Sum(MD5, []byte("abc")),
		Sum(SHA512, []byte("abc")),
	}
	dirs := []string{"", "/nix/store", "/x/nix/store", "/gnu/store", "/", "/x//y/", "/x/y/../z"}
	names := []string{"source", "hello-2.12", "a?=+-._Z9", "..", strings.Repeat("x", MaxNameLen)}
	for _, dirEnv := range dirs {
		st := Default(func(v string) string {
			if v == "NIX_STORE_DIR" {
				return dirEnv
			}
			return ""
		})
		var env []string
		if dirEnv != "" {
			env = []string{"NIX_STORE_DIR=" + dirEnv}
		}
		for _, h := range digests {
			for _, recursive := range []bool{true, false} {
				names := names
				if !h.Equal(digests[0]) {
					names = names[:1]
				}
				for _, name := range names {
					got, err := st.FixedOutputPath(recursive, h, name)
					if err != nil {
						t.Fatal(err)
					}
					args := []string{"--print-fixed-path"}
					if recursive {
						args = append(args, "--recursive")
					}
					args = append(args, h.Algo.String(), h.Base32(), name)
					if want := nixLine(t, env, "nix-store", args...); got != want {
						t.Errorf("NIX_STORE_DIR=%q recursive=%v %s %s: ours %s, Nix %s", dirEnv, recursive, h.SRI(), name, got, want)
					}
				}
			}
		}
	}
	// Names Nix refuses, we refuse.
	for _, name := range []string{"", "a b", "a/b", "é", strings.Repeat("x", MaxNameLen+1)} {
		if _, err := Default(nil).FixedOutputPath(true, digests[0], name); err == nil {
			t.Errorf("name %q accepted", name)
		}
		cmd := exec.Command("nix-store", "--print-fixed-path", "--recursive", "sha256", digests[0].Base32(), name)
		cmd.Env = append(os.Environ(), "NIX_STORE_DIR="+DefaultDir, "HOME="+t.TempDir())
		if out, err := cmd.CombinedOutput(); err == nil {
			t.Errorf("Nix accepted the name %q: %s", name, out)
		}
	}
}

// The store directory of each kind of `store` setting and environment,
// against the paths `nix-store --store SETTING --print-fixed-path` prints.
func TestStoreSettingAgainstNix(t *testing.T) {
	needNix(t)
	tmp := t.TempDir()
	h := Sum(SHA256, []byte("x"))
	for _, tc := range []struct {
		setting string
		env     map[string]string
	}{
		{"", nil},
		{"", map[string]string{"NIX_STORE_DIR": "/a/store"}},
		{"", map[string]string{"NIX_STORE": "/b/store"}},
		{"", map[string]string{"NIX_STORE_DIR": "/a/store", "NIX_STORE": "/b/store"}},
		{"dummy://", nil},
		{"dummy://?store=/d/store", nil},
		{"dummy://?store=/d//store/", map[string]string{"NIX_STORE_DIR": "/a/store"}},
		{"dummy://", map[string]string{"NIX_STORE_DIR": "/a/store"}},
		{"local?root=" + tmp + "/r1", nil},
		{"local?root=" + tmp + "/r2&store=/q/store", nil},
		{tmp + "/r3", map[string]string{"NIX_STORE_DIR": "/a/store"}},
		{"local?store=" + tmp + "/s4/store&state=" + tmp + "/s4/state&log=" + tmp + "/s4/log", nil},
	} {
		getenv := func(v string) string { return tc.env[v] }
		st, err := Parse(tc.setting, getenv)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tc.setting, err)
		}
		got, err := st.SourcePath(h)
		if err != nil {
			t.Fatal(err)
		}
		var env []string
		for k, v := range tc.env {
			env = append(env, k+"="+v)
		}
		args := []string{}
		if tc.setting != "" {
			args = append(args, "--store", tc.setting)
		}
		args = append(args, "--print-fixed-path", "--recursive", "sha256", h.Base32(), "source")
		if want := nixLine(t, env, "nix-store", args...); got != want {
			t.Errorf("store %q env %v: ours %s, Nix %s", tc.setting, tc.env, got, want)
		}
	}
}

// A flake locked by Nix, with path (absolute and relative), tarball (one
// with ?dir=) and git inputs: for each input, Locate gives the store path
// Nix evaluates the input's outPath to, finds it on disk after Nix fetched it,
// and for path inputs the directory Nix read.
func TestLocateLockedInputsAgainstNix(t *testing.T) {
	needNix(t)
	tmp := t.TempDir()
	build(t, tmp, []entry{
		{path: "dep/default.nix", content: "{ }\n"},
		{path: "dep/bin/tool", content: "#!/bin/sh\n", mode: 0o755},
		{path: "dep/link", link: "default.nix"},
		{path: "tarsrc/src/a", content: "a\n"},
		{path: "tarsrc/src/b", link: "a"},
		{path: "tarsrc2/top/sub/flake.nix", content: "{ outputs = _: { }; }\n"},
		{path: "tarsrc2/top/README", content: "the flake is in sub\n"},
		{path: "gitsrc/a", content: "in git\n"},
		{path: "gitsrc/bin/x", content: "#!/bin/sh\n", mode: 0o755},
		{path: "flake/sub/flake.nix", content: "{ outputs = _: { }; }\n"},
		{path: "flake/sub/data", content: "sub\n"},
	})
	flakeDir := filepath.Join(tmp, "flake")
	inputs := `  inputs.dep = { url = "path:` + tmp + `/dep"; flake = false; };
  inputs.sub = { url = "path:./sub"; };
`
	wantSubdirs := map[string]string{}
	if _, err := exec.LookPath("tar"); err == nil {
		for _, tar := range [][]string{{"src.tar.gz", "tarsrc", "src"}, {"src2.tar.gz", "tarsrc2", "top"}} {
			cmd := exec.Command("tar", "czf", filepath.Join(tmp, tar[0]), "-C", filepath.Join(tmp, tar[1]), tar[2])
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("tar: %v %s", err, out)
			}
		}
		inputs += `  inputs.tarball = { url = "file://` + tmp + `/src.tar.gz"; flake = false; };
  inputs.indir = { url = "file://` + tmp + `/src2.tar.gz?dir=sub"; };
`
		wantSubdirs["indir"] = "sub"
	} else {
		t.Log("no tar: the tarball inputs are left out")
	}
	count := 2 + len(wantSubdirs)*2
	if _, err := exec.LookPath("git"); err == nil {
		gitDir := filepath.Join(tmp, "gitsrc")
		for _, args := range [][]string{{"init", "-q"}, {"add", "a", "bin"}, {"-c", "user.name=test", "-c", "user.email=test@localhost", "commit", "-q", "-m", "one"}} {
			cmd := exec.Command("git", args...)
			cmd.Dir = gitDir
			cmd.Env = append(os.Environ(), "HOME="+tmp, "GIT_CONFIG_NOSYSTEM=1")
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("git %v: %v %s", args, err, out)
			}
		}
		inputs += `  inputs.gitrepo = { url = "git+file://` + gitDir + `"; flake = false; };
`
		count++
	} else {
		t.Log("no git: the git input is left out")
	}
	build(t, flakeDir, []entry{{path: "flake.nix", content: "{\n" + inputs +
		`  outputs = inputs: { srcs = builtins.mapAttrs (n: v: v.outPath) (removeAttrs inputs [ "self" ]); };
}
`}})
	storeSetting := filepath.Join(tmp, "root")
	nixArgs := append(strings.Fields(nixCommand), "--store", storeSetting, "--offline")
	runNix(t, nil, "nix", append(nixArgs, "flake", "lock", flakeDir)...)
	var outPaths map[string]string
	if err := json.Unmarshal(runNix(t, nil, "nix", append(nixArgs, "eval", "--json", flakeDir+"#srcs")...), &outPaths); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(flakeDir, "flake.lock"))
	if err != nil {
		t.Fatal(err)
	}
	lf, problems := lockfile.Parse(src)
	if lf == nil || len(problems) > 0 {
		t.Fatalf("flake.lock: %v", problems)
	}
	st, err := Parse(storeSetting, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(outPaths) != count {
		t.Fatalf("Nix evaluated %d inputs, not %d: %v", len(outPaths), count, outPaths)
	}
	wantDirs := map[string]string{"dep": filepath.Join(tmp, "dep"), "sub": filepath.Join(flakeDir, "sub")}
	for name, want := range outPaths {
		n, err := lf.Resolve([]string{name})
		if err != nil {
			t.Fatal(err)
		}
		s, err := st.Locate(n, flakeDir)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if s.StorePath != want {
			t.Errorf("%s: Locate says %s, Nix evaluates the input to %s", name, s.StorePath, want)
		}
		if !s.Present || s.OnDisk != filepath.Join(tmp, "root", want) {
			t.Errorf("%s: present=%v on disk at %q after Nix fetched it", name, s.Present, s.OnDisk)
		}
		if s.Subdir != wantSubdirs[name] {
			t.Errorf("%s: Subdir = %q, want %q", name, s.Subdir, wantSubdirs[name])
		} else if _, err := os.Stat(filepath.Join(s.OnDisk, s.Subdir, "flake.nix")); s.Subdir != "" && err != nil {
			t.Errorf("%s: no flake.nix in the source's %s: %v", name, s.Subdir, err)
		}
		if s.LocalDir != wantDirs[name] {
			t.Errorf("%s: LocalDir = %q, want %q", name, s.LocalDir, wantDirs[name])
		}
		if s.LocalDir != "" {
			// The directory still hashes to the lock's narHash.
			if h, err := HashPath(s.LocalDir); err != nil || !h.Equal(s.NarHash) {
				t.Errorf("%s: %s hashes to %v (%v), the lock says %v", name, s.LocalDir, h, err, s.NarHash)
			}
		}
	}
}
