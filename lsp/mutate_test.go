package lsp

import (
	"math/rand"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/flake-lsp/flake-lsp/analysis/complete"
	"github.com/flake-lsp/flake-lsp/analysis/hover"
	"github.com/flake-lsp/flake-lsp/analysis/lockfile"
	"github.com/flake-lsp/flake-lsp/analysis/navigate"
	"github.com/flake-lsp/flake-lsp/analysis/outline"
	"github.com/flake-lsp/flake-lsp/analysis/unit"
	"github.com/flake-lsp/flake-lsp/check"
)

// TestFeaturesOnMutatedFlakes runs every editing feature at random
// offsets of randomly damaged realistic flakes (bytes deleted, tokens
// duplicated, text cut short, non-ASCII inserted): half-typed text must
// never make a feature panic or return ranges outside the text.
func TestFeaturesOnMutatedFlakes(t *testing.T) {
	files, _ := filepath.Glob("../testdata/flakes/*/flake.nix")
	if len(files) < 40 {
		t.Fatalf("only %d flakes", len(files))
	}
	seed := time.Now().UnixNano()
	r := rand.New(rand.NewSource(seed))
	t.Logf("seed %d", seed)
	inserts := []string{"{", "}", "[", "\"", "''", "${", ";", "=", ".", "é", "😀", "inputs.", "let ", " in", "#", "\n", ":", "@", "?"}
	n := 0
	for _, f := range files {
		orig, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lockSrc, _ := os.ReadFile(filepath.Join(filepath.Dir(f), "flake.lock"))
		for m := 0; m < 6; m++ {
			src := append([]byte{}, orig...)
			switch m % 3 {
			case 0: // delete a span
				a := r.Intn(len(src))
				b := min(len(src), a+1+r.Intn(20))
				src = append(src[:a], src[b:]...)
			case 1: // insert a token
				a := r.Intn(len(src) + 1)
				ins := inserts[r.Intn(len(inserts))]
				src = append(src[:a], append([]byte(ins), src[a:]...)...)
			default: // cut short
				src = src[:r.Intn(len(src)+1)]
			}
			in := check.Input{Path: f, Src: src, Flake: true}
			if lockSrc != nil {
				in.LockPath, in.LockSrc = filepath.Join(filepath.Dir(f), "flake.lock"), lockSrc
			}
			out := check.Analyze(in)
			u := &unit.Unit{Path: f, Src: src, View: out.View, Scope: out.Scope, Flake: out.Flake, Lock: out.Lock, LockPath: in.LockPath, LockSrc: lockSrc}
			inside := func(what string, start, end int) {
				if start < 0 || end < start || end > len(src) {
					t.Fatalf("%s: %s range [%d,%d) outside the text of %d bytes (seed %d)", f, what, start, end, len(src), seed)
				}
			}
			outline.Symbols(u)
			for _, f := range outline.Folds(u) {
				inside("fold", f.Start, f.End)
			}
			for _, l := range outline.Links(u) {
				inside("link", l.Start, l.End)
			}
			for k := 0; k < 40; k++ {
				off := r.Intn(len(src) + 1)
				n++
				for _, r := range outline.SelectionRanges(u, off) {
					inside("selection", r[0], r[1])
				}
				for _, c := range complete.Complete(u, off) {
					inside("completion", c.Start, c.End)
				}
				if h, ok := hover.Hover(u, off, time.Now()); ok {
					inside("hover", h.Start, h.End)
				}
				for _, l := range navigate.Definition(u, off) {
					if l.Path == f {
						inside("definition", l.Start, l.End)
					}
				}
				for _, o := range navigate.References(u, off, true) {
					inside("reference", o.Start, o.End)
				}
				if _, _, err := navigate.PrepareRename(u, off); err == nil {
					if edits, err := navigate.Rename(u, off, "renamed"); err == nil {
						for _, e := range edits {
							inside("rename", e.Start, e.End)
						}
					}
				}
			}
		}
	}
	// The lock side too: features on damaged locks.
	lf, _ := lockfile.Parse([]byte(`{"nodes": {"root": {"inputs": {"a": "a"}}, "a": {"locked": {"type": "github", "rev": 1}}}, "root": "root", "version": 7`))
	outline.LockLinks(lf)
	navigate.LockInputAt(&unit.Unit{Lock: lf}, 10)
	t.Logf("%d positions", n)
}
