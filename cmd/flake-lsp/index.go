package main

import (
	"bufio"
	"context"
	"encoding/gob"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/flake-lsp/flake-lsp/analysis/nixpkgs"
	"github.com/flake-lsp/flake-lsp/analysis/options"
)

// indexReport is what `flake-lsp index` says of one directory.
type indexReport struct {
	Dir     string       `json:"dir"`
	Kind    string       `json:"kind"`              // "nixpkgs", "nixpkgs lib", "module tree", "unknown"
	Layouts []string     `json:"layouts,omitempty"` // option layouts detected
	Indexes []indexStats `json:"indexes"`
}

// indexStats describes one index build.
type indexStats struct {
	Index string `json:"index"` // "lib", "packages", or the layout name ("nixos", ...)
	Error string `json:"error,omitempty"`

	// Options indexes.
	Options    int     `json:"options,omitempty"`
	Renamed    int     `json:"renamed,omitempty"`
	Removed    int     `json:"removed,omitempty"`
	Unresolved int     `json:"unresolved,omitempty"` // imports not followed
	Open       int     `json:"open,omitempty"`       // open prefixes
	Share      float64 `json:"share,omitempty"`      // options / (options + skipped)

	// Lib and package indexes.
	Entries    int     `json:"entries,omitempty"`
	Documented int     `json:"documented,omitempty"`
	DocShare   float64 `json:"documented_share,omitempty"` // documented / entries (lib)
	ByName     int     `json:"by_name,omitempty"`          // packages from pkgs/by-name
	Aliases    int     `json:"aliases,omitempty"`          // packages from aliases.nix

	Skipped   int     `json:"skipped"`
	Files     int     `json:"files"`
	Bytes     int64   `json:"bytes"`      // bytes read
	BuildMS   float64 `json:"build_ms"`   // the indexer's own time (Stats.Took)
	GobBytes  int64   `json:"gob_bytes"`  // size of the index encoded with encoding/gob
	HeapBytes int64   `json:"heap_bytes"` // Go heap in use after the build (after a GC), minus before
}

// runIndex implements `flake-lsp index`: for each directory, which trees
// it holds and what indexing them statically finds and costs. Exit 0 when
// every directory had something to index and every build succeeded, 1
// otherwise, 2 on usage errors.
func runIndex(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("index", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print one JSON object per directory")
	fs.Usage = func() {
		fmt.Fprint(stderr, "usage: flake-lsp index [--json] DIR...\n"+
			"Builds the indexes flake-lsp makes of a nixpkgs tree (lib, packages, NixOS options),\n"+
			"a nixpkgs lib, home-manager or nix-darwin (options), without evaluating anything,\n"+
			"and reports their sizes and costs.\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	status := 0
	for _, dir := range fs.Args() {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			out.Flush()
			if err == nil {
				err = fmt.Errorf("%s is not a directory", dir)
			}
			fmt.Fprintf(stderr, "flake-lsp index: %v\n", err)
			status = 1
			continue
		}
		r := indexDir(context.Background(), dir)
		if len(r.Indexes) == 0 {
			status = 1
		}
		for _, s := range r.Indexes {
			if s.Error != "" {
				status = 1
			}
		}
		if *asJSON {
			if err := enc.Encode(r); err != nil {
				fmt.Fprintf(stderr, "flake-lsp index: %v\n", err)
				return 2
			}
		} else {
			writeIndexReport(out, r)
		}
	}
	return status
}

// indexDir builds every index dir supports, one at a time.
func indexDir(ctx context.Context, dir string) indexReport {
	r := indexReport{Dir: dir, Kind: "unknown"}
	layouts := options.Detect(dir)
	for _, l := range layouts {
		r.Layouts = append(r.Layouts, l.Name)
	}
	isNixpkgs := nixpkgs.IsNixpkgs(dir)
	hasLib := nixpkgs.HasLib(dir)
	switch {
	case isNixpkgs:
		r.Kind = "nixpkgs"
	case hasLib:
		r.Kind = "nixpkgs lib"
	case len(layouts) > 0:
		r.Kind = "module tree"
	}
	if hasLib {
		r.Indexes = append(r.Indexes, measure("lib", func() (any, error) {
			return nixpkgs.BuildLib(ctx, dir)
		}))
	}
	if isNixpkgs {
		r.Indexes = append(r.Indexes, measure("packages", func() (any, error) {
			return nixpkgs.BuildPackages(ctx, dir)
		}))
	}
	for _, l := range layouts {
		r.Indexes = append(r.Indexes, measure(l.Name, func() (any, error) {
			return options.BuildLayout(ctx, dir, l)
		}))
	}
	return r
}

// measure runs build and describes the index it returns: its own
// statistics, the heap it holds and the size of its encoding.
func measure(name string, build func() (any, error)) indexStats {
	s := indexStats{Index: name}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	ix, err := build()
	runtime.GC()
	runtime.ReadMemStats(&after)
	if err != nil {
		s.Error = err.Error()
		return s
	}
	s.HeapBytes = int64(after.HeapAlloc) - int64(before.HeapAlloc)
	switch ix := ix.(type) {
	case *nixpkgs.Lib:
		st := ix.Stats
		s.Entries, s.Documented, s.Skipped = len(ix.Entries), st.Documented, st.Skipped
		if s.Entries > 0 {
			s.DocShare = float64(s.Documented) / float64(s.Entries)
		}
		s.Files, s.Bytes, s.BuildMS = st.Files, st.Bytes, ms(st.Took)
	case *nixpkgs.Packages:
		st := ix.Stats
		s.Entries, s.Skipped = len(ix.Entries), st.Skipped
		for _, p := range ix.Entries {
			if p.ByName {
				s.ByName++
			}
			if p.Alias {
				s.Aliases++
			}
		}
		s.Files, s.Bytes, s.BuildMS = st.Files, st.Bytes, ms(st.Took)
	case *options.Index:
		st := ix.Stats
		s.Options, s.Renamed, s.Removed, s.Skipped = st.Options, st.Renamed, st.Removed, st.Skipped
		s.Unresolved, s.Open = st.Unresolved, len(ix.Open)
		if st.Options+st.Skipped > 0 {
			s.Share = float64(st.Options) / float64(st.Options+st.Skipped)
		}
		s.Files, s.Bytes, s.BuildMS = st.Files, st.Bytes, ms(st.Took)
	}
	var cw countingWriter
	if err := gob.NewEncoder(&cw).Encode(ix); err != nil {
		s.Error = "gob: " + err.Error()
	}
	s.GobBytes = cw.n
	runtime.KeepAlive(ix)
	return s
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	return len(p), nil
}

func writeIndexReport(w io.Writer, r indexReport) {
	kind := r.Kind
	if len(r.Layouts) > 0 {
		kind += ", options of " + strings.Join(r.Layouts, ", ")
	}
	if len(r.Indexes) == 0 {
		kind += ": nothing to index (no lib/, no pkgs/top-level/all-packages.nix, no module list)"
	}
	fmt.Fprintf(w, "%s: %s\n", r.Dir, kind)
	for _, s := range r.Indexes {
		if s.Error != "" {
			fmt.Fprintf(w, "  %-12s error: %s\n", s.Index, s.Error)
			continue
		}
		var what string
		switch s.Index {
		case "lib":
			what = fmt.Sprintf("%s entries, %s documented (%s), %s skipped",
				count(s.Entries), count(s.Documented), percent(s.DocShare), count(s.Skipped))
		case "packages":
			what = fmt.Sprintf("%s packages (%s by-name, %s aliases), %s skipped",
				count(s.Entries), count(s.ByName), count(s.Aliases), count(s.Skipped))
		default:
			what = fmt.Sprintf("%s options, %s renamed, %s removed, %s skipped (%s indexed), %s unresolved imports, %s open prefixes",
				count(s.Options), count(s.Renamed), count(s.Removed), count(s.Skipped), percent(s.Share), count(s.Unresolved), count(s.Open))
		}
		fmt.Fprintf(w, "  %-12s %s\n  %-12s %s files, %s read in %s; gob %s; heap %s\n",
			s.Index, what, "", count(s.Files), size(s.Bytes),
			time.Duration(s.BuildMS*float64(time.Millisecond)).Round(time.Millisecond/10), size(s.GobBytes), size(s.HeapBytes))
	}
}

// count writes n with thousands separators.
func count(n int) string {
	s := fmt.Sprint(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

func percent(f float64) string { return fmt.Sprintf("%.1f%%", 100*f) }

// size writes a byte count in B, KB or MB (powers of 1,000).
func size(n int64) string {
	switch a := max(n, -n); {
	case a < 1000:
		return fmt.Sprintf("%d B", n)
	case a < 1000*1000:
		return fmt.Sprintf("%.1f KB", float64(n)/1e3)
	default:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	}
}
