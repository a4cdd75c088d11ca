package main

import (
	"bytes"
	"encoding/json"
	"github.com/flake-lsp/flake-lsp/internal/treecopy"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// copyInto copies the tree at src into dst (merging directories).
func copyInto(t *testing.T, src, dst string) {
	t.Helper()
	if err := treecopy.Copy(src, dst); err != nil {
		t.Fatal(err)
	}
}

// costs are the parts of index's text output that vary from run to run
// (times, heap) or with the temporary directory's name (the encoded
// root's length).
var costs = regexp.MustCompile(`read in [^;]+; gob [^;]+; heap .*`)

func TestIndexCommand(t *testing.T) {
	np := t.TempDir()
	copyInto(t, "../../testdata/index/nixpkgs", np)
	copyInto(t, "../../testdata/env/nixos", np)
	hm := "../../testdata/env/home-manager"
	empty := t.TempDir()

	cases := []struct {
		name   string
		args   []string
		code   int
		stdout string // with costs masked and the nixpkgs directory as NP
		stderr string // a substring
	}{
		{
			name: "nixpkgs with NixOS modules",
			args: []string{"index", np},
			stdout: `NP: nixpkgs, options of nixos
  lib          93 entries, 38 documented (40.9%), 0 skipped
               13 files, 8.6 KB COSTS
  packages     16 packages (2 by-name, 3 aliases), 1 skipped
               2 files, 1.0 KB COSTS
  nixos        11 options, 2 renamed, 1 removed, 0 skipped (100.0% indexed), 0 unresolved imports, 1 open prefixes
               4 files, 2.6 KB COSTS
`,
		},
		{
			name: "home-manager",
			args: []string{"index", hm},
			stdout: hm + `: module tree, options of home-manager
  home-manager 3 options, 0 renamed, 0 removed, 0 skipped (100.0% indexed), 0 unresolved imports, 0 open prefixes
               2 files, 459 B COSTS
`,
		},
		{
			name:   "nothing to index",
			args:   []string{"index", empty},
			code:   1,
			stdout: empty + ": unknown: nothing to index (no lib/, no pkgs/top-level/all-packages.nix, no module list)\n",
		},
		{name: "missing", args: []string{"index", filepath.Join(empty, "nope")}, code: 1, stderr: "no such file"},
		{name: "a file", args: []string{"index", "index.go"}, code: 1, stderr: "is not a directory"},
		{name: "no directory", args: []string{"index"}, code: 2, stderr: "usage: flake-lsp index"},
		{name: "unknown flag", args: []string{"index", "--bogus", np}, code: 2, stderr: "flag provided but not defined"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(c.args, nil, &out, &errOut)
			if code != c.code {
				t.Errorf("exit %d, want %d; stderr %q", code, c.code, errOut.String())
			}
			got := strings.ReplaceAll(costs.ReplaceAllString(out.String(), "COSTS"), np, "NP")
			if got != c.stdout {
				t.Errorf("stdout:\n%s\nwant:\n%s", got, c.stdout)
			}
			if !strings.Contains(errOut.String(), c.stderr) {
				t.Errorf("stderr %q, want %q in it", errOut.String(), c.stderr)
			}
		})
	}
}

func TestIndexCommandJSON(t *testing.T) {
	np := t.TempDir()
	copyInto(t, "../../testdata/index/nixpkgs", np)
	copyInto(t, "../../testdata/env/nixos", np)
	hm := "../../testdata/env/home-manager"

	var out, errOut bytes.Buffer
	if code := run([]string{"index", "--json", np, hm}, nil, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	dec := json.NewDecoder(&out)
	var reports []indexReport
	for dec.More() {
		var r indexReport
		if err := dec.Decode(&r); err != nil {
			t.Fatal(err)
		}
		reports = append(reports, r)
	}
	if len(reports) != 2 {
		t.Fatalf("%d objects, want one per directory", len(reports))
	}
	// What is built is the same from run to run; what it costs is not
	// (times, heap) or depends on the directory's name (the encoding).
	type want struct {
		index                                                   string
		entries, documented, options, renamed, removed, skipped int
		files                                                   int
		bytes                                                   int64
		share                                                   float64
	}
	cases := []struct {
		dir, kind string
		layouts   []string
		indexes   []want
	}{
		{np, "nixpkgs", []string{"nixos"}, []want{
			{index: "lib", entries: 93, documented: 38, files: 13, bytes: 8550},
			{index: "packages", entries: 16, skipped: 1, files: 2, bytes: 1032},
			{index: "nixos", options: 11, renamed: 2, removed: 1, files: 4, bytes: 2615, share: 1},
		}},
		{hm, "module tree", []string{"home-manager"}, []want{
			{index: "home-manager", options: 3, files: 2, bytes: 459, share: 1},
		}},
	}
	for i, c := range cases {
		r := reports[i]
		if r.Dir != c.dir || r.Kind != c.kind || strings.Join(r.Layouts, ",") != strings.Join(c.layouts, ",") {
			t.Errorf("report %d: %s %q %v, want %s %q %v", i, r.Dir, r.Kind, r.Layouts, c.dir, c.kind, c.layouts)
		}
		if len(r.Indexes) != len(c.indexes) {
			t.Errorf("%s: %d indexes, want %d", c.dir, len(r.Indexes), len(c.indexes))
			continue
		}
		for j, w := range c.indexes {
			s := r.Indexes[j]
			got := want{s.Index, s.Entries, s.Documented, s.Options, s.Renamed, s.Removed, s.Skipped, s.Files, s.Bytes, s.Share}
			if got != w {
				t.Errorf("%s: %+v, want %+v", c.dir, got, w)
			}
			if s.Error != "" || s.GobBytes <= 0 || s.BuildMS <= 0 {
				t.Errorf("%s %s: error %q, gob %d bytes, built in %vms", c.dir, s.Index, s.Error, s.GobBytes, s.BuildMS)
			}
		}
	}
}
