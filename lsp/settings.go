package lsp

import (
	"encoding/json"
	"fmt"
	"path"
	"path/filepath"
	"sort"
	"strings"

	nixstore "github.com/flake-lsp/flake-lsp/analysis/store"
)

// Settings are the user's configuration, section "flake-lsp" of
// workspace/configuration (also accepted as initializationOptions and in
// didChangeConfiguration).
type Settings struct {
	// IgnoreCodes: diagnostics with these codes are not reported.
	IgnoreCodes map[string]bool
	// Exclude: glob patterns (matched against the path relative to the
	// workspace root, and against the base name) of files that get no
	// diagnostics.
	Exclude []string
	// MaxFileSize: above this many bytes only syntax errors are reported
	// and heavy features are skipped (large generated files).
	MaxFileSize int
	// Formatter: the command (and arguments) that formats Nix text from
	// stdin to stdout, e.g. ["nixfmt"].
	Formatter []string
	// CodeLens and InlayHints turn those features on (both default on).
	CodeLens, InlayHints bool
	// Indexes: read the inputs' sources for nixpkgs' lib and packages and
	// the option declarations (default on; `indexes.enable`).
	Indexes bool
	// NixVersion is the user's Nix ("2.18"), for commands whose form
	// changed; empty for a current one.
	NixVersion string
	// Store is Nix's `store` setting, for where the sources of locked
	// inputs are (analysis/store.Parse); empty: the default store
	// (NIX_STORE_DIR, else /nix/store).
	Store string
}

func defaultSettings() Settings {
	return Settings{IgnoreCodes: map[string]bool{}, MaxFileSize: 2 << 20, CodeLens: true, InlayHints: true, Indexes: true}
}

// nixOlderThan reports whether the configured Nix version is older than
// major.minor (false when none is configured).
func (st Settings) nixOlderThan(major, minor int) bool {
	var ma, mi int
	if n, _ := fmt.Sscanf(st.NixVersion, "%d.%d", &ma, &mi); n < 2 {
		return false
	}
	return ma < major || ma == major && mi < minor
}

// settingsKeys documents the accepted keys (for the unknown-key log line).
var settingsKeys = []string{"diagnostics.ignore", "exclude", "maxFileSize", "formatter", "codeLens.enable", "inlayHints.enable", "indexes.enable", "nixVersion", "store"}

// applySettings reads a settings object over the defaults. Unknown keys and
// values of the wrong type are reported (for a log line) and ignored.
func applySettings(raw json.RawMessage) (Settings, []string) {
	st := defaultSettings()
	var problems []string
	if len(raw) == 0 || string(raw) == "null" {
		return st, nil
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		return st, []string{fmt.Sprintf("settings are not an object: %v", err)}
	}
	// Accept {"flake-lsp": {...}} too (some clients send the whole tree).
	if inner, ok := obj["flake-lsp"]; ok && len(obj) == 1 {
		if err := json.Unmarshal(inner, &obj); err != nil {
			return st, []string{fmt.Sprintf("settings are not an object: %v", err)}
		}
	}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := obj[k]
		bad := func(want string) {
			problems = append(problems, fmt.Sprintf("setting %q: expected %s, got %s", k, want, truncate(string(v), 60)))
		}
		switch k {
		case "diagnostics":
			var d map[string]json.RawMessage
			if json.Unmarshal(v, &d) != nil {
				bad("an object")
				continue
			}
			for dk, dv := range d {
				if dk != "ignore" {
					problems = append(problems, fmt.Sprintf("unknown setting \"diagnostics.%s\" ignored (known: %s)", dk, strings.Join(settingsKeys, ", ")))
					continue
				}
				var codes []string
				if json.Unmarshal(dv, &codes) != nil {
					problems = append(problems, fmt.Sprintf("setting \"diagnostics.ignore\": expected a list of codes, got %s", truncate(string(dv), 60)))
					continue
				}
				for _, c := range codes {
					st.IgnoreCodes[c] = true
				}
			}
		case "exclude":
			if json.Unmarshal(v, &st.Exclude) != nil {
				bad("a list of glob patterns")
				continue
			}
			for _, p := range st.Exclude {
				if _, err := path.Match(p, ""); err != nil {
					problems = append(problems, fmt.Sprintf("setting \"exclude\": bad pattern %q", p))
				}
			}
		case "maxFileSize":
			var n float64
			if json.Unmarshal(v, &n) != nil || n < 0 {
				bad("a number of bytes")
				continue
			}
			st.MaxFileSize = int(n)
		case "formatter":
			var cmd []string
			var one string
			switch {
			case json.Unmarshal(v, &cmd) == nil:
			case json.Unmarshal(v, &one) == nil:
				cmd = strings.Fields(one)
			default:
				bad("a command (string or list of strings)")
				continue
			}
			st.Formatter = cmd
		case "codeLens", "inlayHints", "indexes":
			var o struct {
				Enable *bool `json:"enable"`
			}
			if json.Unmarshal(v, &o) != nil || o.Enable == nil {
				bad(`an object {"enable": true|false}`)
				continue
			}
			switch k {
			case "codeLens":
				st.CodeLens = *o.Enable
			case "inlayHints":
				st.InlayHints = *o.Enable
			default:
				st.Indexes = *o.Enable
			}
		case "nixVersion":
			if json.Unmarshal(v, &st.NixVersion) != nil {
				bad(`a version string like "2.18"`)
			}
		case "store":
			var sv string
			if json.Unmarshal(v, &sv) != nil {
				bad(`a store like "local?root=/x" or "/x" (a chroot store)`)
				continue
			}
			if _, err := nixstore.Parse(sv, nil); err != nil {
				problems = append(problems, fmt.Sprintf("setting \"store\": %v", err))
				continue
			}
			st.Store = sv
		default:
			problems = append(problems, fmt.Sprintf("unknown setting %q ignored (known: %s)", k, strings.Join(settingsKeys, ", ")))
		}
	}
	return st, problems
}

// excluded reports whether a file matches an exclude pattern.
func (st Settings) excluded(file, root string) bool {
	if file == "" || len(st.Exclude) == 0 {
		return false
	}
	rel := file
	if root != "" {
		if r, err := filepath.Rel(root, file); err == nil && !strings.HasPrefix(r, "..") {
			rel = r
		}
	}
	rel = filepath.ToSlash(rel)
	for _, p := range st.Exclude {
		if ok, _ := path.Match(p, rel); ok {
			return true
		}
		if ok, _ := path.Match(p, path.Base(rel)); ok {
			return true
		}
		// "dir/**" excludes everything under dir.
		if prefix, ok := strings.CutSuffix(p, "/**"); ok && (rel == prefix || strings.HasPrefix(rel, prefix+"/")) {
			return true
		}
	}
	return false
}
