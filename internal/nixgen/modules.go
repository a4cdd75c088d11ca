package nixgen

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Stats describes a tree written by WriteModuleTree.
type Stats struct {
	Files int   // files written: module-list.nix, rename.nix and the modules
	Bytes int64 // their total size
	// Options is the number of option declarations (mkOption,
	// mkEnableOption, mkPackageOption) at a literal path, including those
	// inside submodules: what an options index should find.
	Options int
	// Computed is the number of option declarations under a computed path
	// (options.services.${name}), which a static index skips.
	Computed int
	// Renamed is the number of mkRenamedOptionModule, mkAliasOptionModule
	// and mkRemovedOptionModule entries (in rename.nix and in modules'
	// imports).
	Renamed int
	// Paths are the dotted paths of the Options, in the order written, with
	// "<name>" for the attribute name of an attrsOf submodule, as NixOS's
	// options.json spells them ("services.foo.instances.<name>.port").
	Paths []string
}

// WriteModuleTree writes under dir a tree shaped like nixpkgs' NixOS
// modules: nixos/modules/module-list.nix listing `modules` files, which
// are nixos/modules/rename.nix and modules-1 modules under
// nixos/modules/<area>/<group>/<name>.nix (a few as <name>/default.nix,
// listed by their directory), in the shapes real modules have: a
// `{ config, lib, pkgs, ... }:` function with `cfg = config.services.<name>`,
// an enable option, a package option, scalar options of the common types,
// nested option sets, a settings submodule with a freeformType, an attrsOf
// submodule of instances, literalExpression defaultTexts, mkIf'd systemd
// services; in three styles (`with lib;`, `inherit (lib) …`, `lib.`-qualified);
// some with options.services.${name} (computed, to be skipped).
//
// The sizes follow nixpkgs (2025: module-list.nix lists about 2,000
// modules; NixOS has some 20,000 options; modules are mostly 3–9 KB, a
// few 50 KB and more, e.g. nginx): WriteModuleTree(dir, 2000, seed) writes
// 20,160 options (632 more under computed paths, 414 renames) in 10.8 MB
// for seed 1. The same arguments write the same bytes.
func WriteModuleTree(dir string, modules int, seed int64) (Stats, error) {
	g := &modGen{r: rand.New(rand.NewSource(seed)), used: map[string]bool{}}
	var st Stats
	root := filepath.Join(dir, "nixos", "modules")
	write := func(rel, text string) error {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			return err
		}
		st.Files++
		st.Bytes += int64(len(text))
		return nil
	}
	var list []string
	var declared [][]string // option paths, for rename.nix to point at
	for i := 0; i < modules-1; i++ {
		m := g.module()
		rel := m.area + "/" + m.group + "/" + m.name + ".nix"
		entry := "./" + rel
		if m.dir {
			rel = m.area + "/" + m.group + "/" + m.name + "/default.nix"
			entry = "./" + m.area + "/" + m.group + "/" + m.name
			if g.r.Intn(2) == 0 {
				entry = "./" + rel
			}
		}
		if err := write(rel, m.text); err != nil {
			return st, err
		}
		list = append(list, entry)
		st.Options += len(m.paths)
		st.Computed += m.computed
		st.Renamed += m.renamed
		st.Paths = append(st.Paths, m.paths...)
		if len(m.paths) > 1 && !strings.Contains(m.paths[1], "<name>") {
			declared = append(declared, strings.Split(m.paths[1], "."))
		}
	}
	if modules >= 1 {
		text, n := g.renameFile(declared, modules/8)
		if err := write("rename.nix", text); err != nil {
			return st, err
		}
		st.Renamed += n
		list = append(list, "./rename.nix")
	}
	sort.Strings(list)
	var b strings.Builder
	b.WriteString("[\n")
	for _, e := range list {
		b.WriteString("  " + e + "\n")
	}
	b.WriteString("]\n")
	if err := write("module-list.nix", b.String()); err != nil {
		return st, err
	}
	return st, nil
}

type modGen struct {
	r    *rand.Rand
	used map[string]bool
}

// genModule is one module file.
type genModule struct {
	area, group, name string
	dir               bool // written as <name>/default.nix
	text              string
	paths             []string
	computed          int
	renamed           int
}

// modAreas: the top-level directories of nixos/modules with the option
// prefix their modules declare under, the groups in them, and their share
// of the modules (in nixpkgs services/ holds about two thirds).
var modAreas = []struct {
	area, prefix string
	weight       int
	groups       []string
}{
	{"services", "services", 66, []string{"networking", "web-apps", "monitoring", "misc", "databases", "mail", "audio", "backup", "security", "hardware", "system", "web-servers", "home-automation", "continuous-integration", "x11", "desktops", "matrix", "torrent", "video", "development", "cluster", "logging", "search", "editors", "games"}},
	{"programs", "programs", 14, []string{"", "wayland", "shell", "editors"}},
	{"hardware", "hardware", 5, []string{"", "video", "network", "cpu"}},
	{"security", "security", 3, []string{"", "pam", "wrappers"}},
	{"virtualisation", "virtualisation", 3, []string{"", "containers"}},
	{"system", "system", 3, []string{"boot", "activation", "etc"}},
	{"config", "environment", 3, []string{"", "console", "xdg"}},
	{"tasks", "boot", 3, []string{"", "filesystems", "network-interfaces"}},
}

var modSyllables = strings.Fields(`ka zo ri mu tel van dor lix pra sen qu bel fin gor hol jas kem lun mor nex
	pol rad sto tux vel wim xan yor zel ar bo ci du el fa gi ho in jo ku lo ma ne os pi ro su ta ul vi`)

var modSuffixes = []string{"", "", "", "", "d", "-server", "-exporter", "-proxy", "-agent", "-daemon", "-web", "-sync", "-relay", "-bridge", "-ui"}

// name returns a fresh module name.
func (g *modGen) name() string {
	for {
		var b strings.Builder
		for range 2 + g.r.Intn(2) {
			b.WriteString(modSyllables[g.r.Intn(len(modSyllables))])
		}
		b.WriteString(modSuffixes[g.r.Intn(len(modSuffixes))])
		n := b.String()
		if !g.used[n] {
			g.used[n] = true
			return n
		}
	}
}

var modWords = strings.Fields(`the service daemon server client configuration file directory path port address
	listen user group data state cache log level whether enable to of for and or is in on with by from which will
	be used when if this that as a an default value values list set attribute string number seconds timeout
	connections requests database backend frontend package plugins extra options arguments command line systemd
	unit network interface firewall open allow deny access token secret key certificate TLS HTTP HTTPS API metrics
	prometheus exporter interval retention size limit maximum minimum number of workers threads process memory
	storage socket host name domain URL endpoint proxy upstream mode settings format JSON YAML TOML INI passed
	directly see upstream documentation for available options note that it must should can may also only
	automatically created started restarted after before boot`)

// sentence returns words of prose ending in a period.
func (g *modGen) sentence(minWords, maxWords int) string {
	n := minWords + g.r.Intn(maxWords-minWords+1)
	ws := make([]string, n)
	for i := range ws {
		ws[i] = modWords[g.r.Intn(len(modWords))]
	}
	ws[0] = strings.ToUpper(ws[0][:1]) + ws[0][1:]
	return strings.Join(ws, " ") + "."
}

// modStyle is how a module reaches lib's functions.
type modStyle uint8

const (
	styleWith    modStyle = iota // with lib; mkOption
	styleInherit                 // inherit (lib) mkOption …; mkOption
	styleQualify                 // lib.mkOption
)

// modWriter writes a module's text and records its options' paths.
type modWriter struct {
	g        *modGen
	b        strings.Builder
	style    modStyle
	name     string
	paths    []string
	computed bool   // the module's options are under a computed path
	big      bool   // one of the few large modules (many options, long scripts)
	pkg      string // how the config refers to the package
	ncomp    int
}

func (w *modWriter) line(indent int, s string) {
	for range indent {
		w.b.WriteString("  ")
	}
	w.b.WriteString(s)
	w.b.WriteByte('\n')
}

// lib qualifies a lib function per the module's style.
func (w *modWriter) lib(f string) string {
	if w.style == styleQualify {
		return "lib." + f
	}
	return f
}

// types qualifies lib.types.
func (w *modWriter) types() string {
	if w.style == styleQualify {
		return "lib.types"
	}
	return "types"
}

func (w *modWriter) record(path []string) {
	if w.computed {
		w.ncomp++
		return
	}
	w.paths = append(w.paths, strings.Join(path, "."))
}

// description writes `description = …;`, one line or an indented string.
func (w *modWriter) description(indent int, path []string) {
	g := w.g
	switch g.r.Intn(10) {
	case 0, 1, 2, 3:
		w.line(indent, "description = "+strconv.Quote(g.sentence(4, 14))+";")
	case 4, 5, 6, 7, 8:
		w.line(indent, "description = ''")
		for range 1 + g.r.Intn(3) {
			w.line(indent+1, g.sentence(8, 22))
			if g.r.Intn(3) == 0 {
				w.line(indent+1, "See {option}`"+strings.Join(path[:len(path)-1], ".")+".enable` and <https://"+w.name+".example.org/docs/configuration>.")
			}
			if g.r.Intn(4) == 0 {
				w.line(indent, "")
			}
		}
		w.line(indent, "'';")
	default:
		w.line(indent, "description = ''")
		w.line(indent+1, g.sentence(6, 12))
		w.line(indent+1, "")
		w.line(indent+1, "::: {.note}")
		w.line(indent+1, g.sentence(6, 16))
		w.line(indent+1, ":::")
		w.line(indent, "'';")
	}
}

// optionTemplate is a scalar option: its name, type, default and maybe an
// example and a defaultText, with %N for the module's name.
type optionTemplate struct {
	name, typ, def, example, defaultText string
}

var modOptions = []optionTemplate{
	{"port", "T.port", "%P", "", ""},
	{"user", "T.str", `"%N"`, "", ""},
	{"group", "T.str", `"%N"`, "", ""},
	{"dataDir", "T.path", `"/var/lib/%N"`, "", ""},
	{"stateDir", "T.str", `"%N"`, "", ""},
	{"openFirewall", "T.bool", "false", "", ""},
	{"listenAddress", "T.str", `"127.0.0.1"`, `"0.0.0.0"`, ""},
	{"logLevel", `T.enum [ "debug" "info" "warn" "error" ]`, `"info"`, "", ""},
	{"extraConfig", "T.lines", `""`, "", ""},
	{"environmentFile", "T.nullOr T.path", "null", `"/run/secrets/%N.env"`, ""},
	{"configFile", "T.nullOr T.path", "null", "", ""},
	{"timeout", "T.ints.positive", "30", "", ""},
	{"interval", "T.str", `"5m"`, `"1h"`, ""},
	{"workers", "T.ints.unsigned", "4", "", ""},
	{"environment", "T.attrsOf T.str", "{ }", `{ RUST_LOG = "debug"; }`, ""},
	{"hostName", "T.str", "config.networking.hostName", "", "config.networking.hostName"},
	{"secretFile", "T.nullOr T.str", "null", "", ""},
	{"autoStart", "T.bool", "true", "", ""},
	{"maxConnections", "T.int", "1024", "", ""},
	{"domain", "T.nullOr T.str", "null", `"%N.example.org"`, ""},
	{"plugins", "T.listOf T.package", "[ ]", "lib.literalExpression \"[ pkgs.%N-plugins.foo ]\"", ""},
	{"mode", `T.enum [ "server" "client" "relay" ]`, `"server"`, "", ""},
	{"startAt", "T.either T.str (T.listOf T.str)", `"daily"`, "", ""},
	{"extraPackages", "T.listOf T.package", "[ ]", "", ""},
	{"cacheDir", "T.path", `"/var/cache/%N"`, "", ""},
	{"baseUrl", "T.str", `"http://localhost:%P"`, "", "\"http://localhost:${toString config.services.%N.port}\""},
	{"retention", "T.str", `"30d"`, "", ""},
	{"maxMemory", "T.nullOr T.ints.positive", "null", "2048", ""},
	{"enableMetrics", "T.bool", "false", "", ""},
	{"socketPath", "T.path", `"/run/%N/%N.sock"`, "", ""},
	{"nice", "T.ints.between (-20) 19", "0", "", ""},
	{"allowedHosts", "T.listOf T.str", `[ "localhost" ]`, "", ""},
	{"home", "T.path", `"/var/lib/%N"`, "", ""},
	{"banner", "T.nullOr T.lines", "null", "", ""},
	{"threads", "T.int", "0", "", ""},
	{"extraEnvironment", "T.attrsOf (T.oneOf [ T.str T.int T.bool ])", "{ }", "", ""},
}

// option writes `<attr> = mkOption { … };` for template t at path.
func (w *modWriter) option(indent int, attr string, path []string, t optionTemplate) {
	g := w.g
	sub := func(s string) string {
		s = strings.ReplaceAll(s, "%N", w.name)
		s = strings.ReplaceAll(s, "%P", strconv.Itoa(1024+g.r.Intn(60000)))
		return strings.ReplaceAll(s, "T.", w.types()+".")
	}
	w.record(path)
	w.line(indent, attr+" = "+w.lib("mkOption")+" {")
	descFirst := g.r.Intn(6) == 0
	if descFirst {
		w.description(indent+1, path)
	}
	w.line(indent+1, "type = "+sub(t.typ)+";")
	w.line(indent+1, "default = "+sub(t.def)+";")
	if t.defaultText != "" {
		w.line(indent+1, "defaultText = "+w.lib("literalExpression")+" "+strconv.Quote(sub(t.defaultText))+";")
	}
	if t.example != "" && g.r.Intn(3) > 0 {
		ex := sub(t.example)
		if strings.HasPrefix(ex, "lib.") && w.style != styleQualify {
			ex = strings.TrimPrefix(ex, "lib.")
		}
		w.line(indent+1, "example = "+ex+";")
	}
	if !descFirst {
		w.description(indent+1, path)
	}
	w.line(indent, "};")
}

// enable writes `enable = mkEnableOption "…";`.
func (w *modWriter) enable(indent int, path []string, what string) {
	w.record(path)
	w.line(indent, path[len(path)-1]+" = "+w.lib("mkEnableOption")+" "+strconv.Quote(what)+";")
}

// pick returns n distinct option templates.
func (g *modGen) pick(n int) []optionTemplate {
	if n > len(modOptions) {
		n = len(modOptions)
	}
	idx := g.r.Perm(len(modOptions))[:n]
	out := make([]optionTemplate, n)
	for i, j := range idx {
		out[i] = modOptions[j]
	}
	return out
}

func extend(path []string, names ...string) []string {
	return append(append([]string(nil), path...), names...)
}

// modNested are option sets that modules nest (`tls = { … };`).
var modNested = []struct {
	name string
	opts []optionTemplate
}{
	{"tls", []optionTemplate{{"certFile", "T.nullOr T.path", "null", "", ""}, {"keyFile", "T.nullOr T.path", "null", "", ""}, {"caFile", "T.nullOr T.path", "null", "", ""}}},
	{"database", []optionTemplate{{"type", `T.enum [ "sqlite" "postgresql" "mysql" ]`, `"sqlite"`, "", ""}, {"host", "T.str", `"localhost"`, "", ""}, {"port", "T.port", "5432", "", ""}, {"name", "T.str", `"%N"`, "", ""}, {"user", "T.str", `"%N"`, "", ""}, {"passwordFile", "T.nullOr T.path", "null", `"/run/keys/%N-db"`, ""}, {"createLocally", "T.bool", "true", "", ""}}},
	{"metrics", []optionTemplate{{"port", "T.port", "9%P", "", ""}, {"listenAddress", "T.str", `"127.0.0.1"`, "", ""}, {"path", "T.str", `"/metrics"`, "", ""}}},
	{"backup", []optionTemplate{{"startAt", "T.str", `"daily"`, "", ""}, {"directory", "T.path", `"/var/backup/%N"`, "", ""}, {"keep", "T.ints.positive", "7", "", ""}}},
	{"smtp", []optionTemplate{{"host", "T.str", `"localhost"`, "", ""}, {"port", "T.port", "25", "", ""}, {"from", "T.str", `"%N@localhost"`, "", ""}, {"passwordFile", "T.nullOr T.path", "null", "", ""}}},
	{"redis", []optionTemplate{{"host", "T.str", `"127.0.0.1"`, "", ""}, {"port", "T.port", "6379", "", ""}, {"createLocally", "T.bool", "true", "", ""}}},
}

// module makes one module.
func (g *modGen) module() genModule {
	total := 0
	for _, a := range modAreas {
		total += a.weight
	}
	k := g.r.Intn(total)
	ai := 0
	for k >= modAreas[ai].weight {
		k -= modAreas[ai].weight
		ai++
	}
	a := modAreas[ai]
	m := genModule{area: a.area, group: a.groups[g.r.Intn(len(a.groups))], name: g.name(), dir: g.r.Intn(30) == 0}
	if m.group == "" {
		m.group = "misc"
	}
	w := &modWriter{g: g, style: modStyle(g.r.Intn(3)), name: m.name, computed: g.r.Intn(40) == 0, big: g.r.Intn(10) == 0}
	prefix := []string{a.prefix, m.name}
	service := a.area == "services"

	// The header.
	switch g.r.Intn(3) {
	case 0:
		w.line(0, "{ config, lib, pkgs, ... }:")
	case 1:
		w.line(0, "{")
		for _, arg := range []string{"config,", "lib,", "pkgs,", "..."} {
			w.line(1, arg)
		}
		w.line(0, "}:")
	default:
		w.line(0, "{ config, lib, pkgs, utils, ... }:")
	}
	w.line(0, "")
	if w.style == styleWith {
		w.line(0, "with lib;")
		w.line(0, "")
	}
	w.line(0, "let")
	sel := a.prefix + "." + m.name
	if w.computed {
		w.line(1, "name = "+strconv.Quote(m.name)+";")
		sel = a.prefix + ".${name}"
	}
	w.line(1, "cfg = config."+sel+";")
	if w.style == styleInherit {
		w.line(1, "inherit (lib) mkOption mkEnableOption mkIf mkDefault types literalExpression;")
	}
	hasSettings := g.r.Intn(2) == 0
	if hasSettings {
		format := []string{"json", "yaml", "toml", "ini"}[g.r.Intn(4)]
		w.line(1, "settingsFormat = pkgs.formats."+format+" { };")
		w.line(1, "configFile = settingsFormat.generate "+strconv.Quote(m.name+"."+format)+" cfg.settings;")
	}
	w.line(0, "in")
	w.line(0, "{")
	if g.r.Intn(12) == 0 {
		old := g.name()
		w.line(1, "imports = [")
		fn := "lib.mkRenamedOptionModule"
		if w.style == styleWith {
			fn = "mkRenamedOptionModule"
		}
		w.line(2, "("+fn+" [ "+strconv.Quote(a.prefix)+" "+strconv.Quote(m.name)+" "+strconv.Quote(old)+" ] [ "+strconv.Quote(a.prefix)+" "+strconv.Quote(m.name)+" \"settings\" "+strconv.Quote(old)+" ])")
		w.line(1, "];")
		w.line(0, "")
		m.renamed++
	}
	if g.r.Intn(5) == 0 {
		w.line(1, "meta.maintainers = with lib.maintainers; [ "+g.name()+" ];")
		w.line(0, "")
	}

	// The options.
	if g.r.Intn(4) == 0 {
		w.line(1, "options = {")
		w.line(2, sel+" = {")
		w.options(3, prefix, hasSettings, service)
		w.line(2, "};")
		w.line(1, "};")
	} else {
		w.line(1, "options."+sel+" = {")
		w.options(2, prefix, hasSettings, service)
		w.line(1, "};")
	}
	w.line(0, "")

	// The config.
	w.config(1, service, hasSettings)
	w.line(0, "}")
	m.text = w.b.String()
	m.paths = w.paths
	m.computed = w.ncomp
	return m
}

// options writes the body of options.<prefix>.<name>.
func (w *modWriter) options(indent int, prefix []string, hasSettings, service bool) {
	g := w.g
	w.enable(indent, extend(prefix, "enable"), strings.TrimSuffix(w.name, "d")+" "+[]string{"service", "daemon", "program", "support"}[g.r.Intn(4)])
	w.pkg = "pkgs." + strings.ReplaceAll(w.name, "-", "_")
	if g.r.Intn(5) > 0 {
		w.pkg = "cfg.package"
		w.record(extend(prefix, "package"))
		switch g.r.Intn(3) {
		case 0:
			w.line(indent, "package = lib.mkPackageOption pkgs "+strconv.Quote(w.name)+" { };")
		case 1:
			w.line(indent, "package = lib.mkPackageOption pkgs [ \"python3Packages\" "+strconv.Quote(w.name)+" ] { };")
		default:
			w.line(indent, "package = "+w.lib("mkOption")+" {")
			w.line(indent+1, "type = "+w.types()+".package;")
			w.line(indent+1, "default = pkgs."+strings.ReplaceAll(w.name, "-", "_")+";")
			w.line(indent+1, "defaultText = "+w.lib("literalExpression")+" "+strconv.Quote("pkgs."+strings.ReplaceAll(w.name, "-", "_"))+";")
			w.line(indent+1, "description = \"The "+w.name+" package to use.\";")
			w.line(indent, "};")
		}
	}
	// Scalar options: most modules have a few, some many.
	n := g.r.Intn(5)
	if w.big {
		n += 10 + g.r.Intn(30)
	}
	for i, t := range g.pick(n) {
		if i > 0 && g.r.Intn(8) == 0 {
			w.line(0, "")
		}
		w.option(indent, t.name, extend(prefix, t.name), t)
	}
	if n > len(modOptions) {
		// A big module: more options than the templates, numbered.
		for i := range n - len(modOptions) {
			t := modOptions[g.r.Intn(len(modOptions))]
			name := t.name + strconv.Itoa(i+2)
			w.option(indent, name, extend(prefix, name), t)
		}
	}
	// Nested option sets.
	for _, j := range g.r.Perm(len(modNested))[:g.r.Intn(3)/2+g.r.Intn(2)*g.r.Intn(2)] {
		ns := modNested[j]
		w.line(0, "")
		w.line(indent, ns.name+" = {")
		if g.r.Intn(2) == 0 {
			w.enable(indent+1, extend(prefix, ns.name, "enable"), ns.name+" for "+w.name)
		}
		for _, t := range ns.opts[:1+g.r.Intn(len(ns.opts))] {
			w.option(indent+1, t.name, extend(prefix, ns.name, t.name), t)
		}
		w.line(indent, "};")
	}
	if hasSettings {
		w.settings(indent, prefix)
	}
	if g.r.Intn(3) == 0 {
		w.option(indent, "extraArgs", extend(prefix, "extraArgs"), optionTemplate{"extraArgs", "T.listOf T.str", "[ ]", `[ "--verbose" ]`, ""})
	}
	if service && g.r.Intn(10) == 0 {
		w.instances(indent, prefix)
	}
}

// settings writes a settings option: a submodule with a freeformType and
// a few declared options, some nested.
func (w *modWriter) settings(indent int, prefix []string) {
	g := w.g
	path := extend(prefix, "settings")
	w.line(0, "")
	w.record(path)
	w.line(indent, "settings = "+w.lib("mkOption")+" {")
	w.line(indent+1, "type = "+w.types()+".submodule {")
	w.line(indent+2, "freeformType = settingsFormat.type;")
	w.line(indent+2, "options = {")
	for _, t := range g.pick(1 + g.r.Intn(3)) {
		w.option(indent+3, t.name, extend(path, t.name), t)
	}
	if g.r.Intn(3) == 0 {
		w.line(indent+3, "server = {")
		for _, t := range g.pick(1 + g.r.Intn(2)) {
			w.option(indent+4, t.name, extend(path, "server", t.name), t)
		}
		w.line(indent+3, "};")
	}
	w.line(indent+2, "};")
	w.line(indent+1, "};")
	w.line(indent+1, "default = { };")
	w.line(indent+1, "example = "+w.lib("literalExpression")+" ''")
	w.line(indent+2, "{")
	w.line(indent+3, "log_level = \"debug\";")
	w.line(indent+3, "listen = \"0.0.0.0:8080\";")
	w.line(indent+2, "}")
	w.line(indent+1, "'';")
	w.description(indent+1, path)
	w.line(indent, "};")
}

// instances writes an attrsOf (submodule ({ name, ... }: …)) option.
func (w *modWriter) instances(indent int, prefix []string) {
	g := w.g
	attr := []string{"instances", "sites", "virtualHosts", "targets", "profiles"}[g.r.Intn(5)]
	path := extend(prefix, attr)
	w.line(0, "")
	w.record(path)
	w.line(indent, attr+" = "+w.lib("mkOption")+" {")
	w.line(indent+1, "type = "+w.types()+".attrsOf (")
	w.line(indent+2, w.types()+".submodule (")
	w.line(indent+3, "{ name, config, ... }:")
	w.line(indent+3, "{")
	w.line(indent+4, "options = {")
	sub := extend(path, "<name>")
	w.enable(indent+5, extend(sub, "enable"), "this instance")
	w.line(indent+5, "name = "+w.lib("mkOption")+" {")
	w.record(extend(sub, "name"))
	w.line(indent+6, "type = "+w.types()+".str;")
	w.line(indent+6, "default = name;")
	w.line(indent+6, "description = \"The name of the instance, by default the attribute name.\";")
	w.line(indent+5, "};")
	for _, t := range g.pick(1 + g.r.Intn(4)) {
		w.option(indent+5, t.name, extend(sub, t.name), t)
	}
	w.line(indent+4, "};")
	w.line(indent+3, "}")
	w.line(indent+2, ")")
	w.line(indent+1, ");")
	w.line(indent+1, "default = { };")
	w.description(indent+1, path)
	w.line(indent, "};")
}

var modHardening = []string{
	"DynamicUser = true;", "PrivateTmp = true;", "PrivateDevices = true;", "ProtectHome = true;",
	"ProtectSystem = \"strict\";", "ProtectClock = true;", "ProtectHostname = true;",
	"ProtectKernelLogs = true;", "ProtectKernelModules = true;", "ProtectKernelTunables = true;",
	"ProtectControlGroups = true;", "ProtectProc = \"invisible\";", "ProcSubset = \"pid\";",
	"RestrictNamespaces = true;", "RestrictRealtime = true;", "RestrictSUIDSGID = true;",
	"LockPersonality = true;", "MemoryDenyWriteExecute = true;", "NoNewPrivileges = true;",
	"RemoveIPC = true;", "CapabilityBoundingSet = \"\";", "UMask = \"0077\";",
	"RestrictAddressFamilies = [ \"AF_INET\" \"AF_INET6\" \"AF_UNIX\" ];",
	"SystemCallArchitectures = \"native\";", "SystemCallFilter = [ \"@system-service\" \"~@privileged\" ];",
}

// config writes the module's config.
func (w *modWriter) config(indent int, service, hasSettings bool) {
	g := w.g
	mkIf := w.lib("mkIf")
	w.line(indent, "config = "+mkIf+" cfg.enable {")
	in := indent + 1
	if g.r.Intn(3) == 0 {
		w.line(in, "assertions = [")
		w.line(in+1, "{")
		w.line(in+2, "assertion = cfg.enable -> config.networking.firewall.enable || true;")
		w.line(in+2, "message = \"services."+w.name+" needs a firewall.\";")
		w.line(in+1, "}")
		w.line(in, "];")
		w.line(0, "")
	}
	if !service {
		w.line(in, "environment.systemPackages = [ "+w.pkg+" ];")
		if hasSettings {
			w.line(in, "environment.etc."+strconv.Quote(w.name+"/config")+".source = configFile;")
		}
		w.line(indent, "};")
		return
	}
	w.line(in, "systemd.services."+strconv.Quote(w.name)+" = {")
	w.line(in+1, "description = "+strconv.Quote(w.g.sentence(2, 6))+";")
	w.line(in+1, "wantedBy = [ \"multi-user.target\" ];")
	w.line(in+1, "after = [ \"network-online.target\" ];")
	w.line(in+1, "wants = [ \"network-online.target\" ];")
	if g.r.Intn(3) == 0 {
		w.line(in+1, "environment = {")
		w.line(in+2, "HOME = \"/var/lib/"+w.name+"\";")
		w.line(in+2, strings.ToUpper(strings.ReplaceAll(w.name, "-", "_"))+"_CONFIG = \"/etc/"+w.name+"/config\";")
		w.line(in+1, "};")
	}
	if w.big {
		// Large modules carry long shell scripts.
		w.line(in+1, "preStart = ''")
		for range 20 + g.r.Intn(300) {
			switch g.r.Intn(4) {
			case 0:
				w.line(in+2, "if [ ! -e \"$STATE_DIRECTORY/"+g.name()+"\" ]; then")
				w.line(in+3, "${pkgs.coreutils}/bin/install -m 0600 ${"+w.pkg+"}/share/"+w.name+"/defaults \"$STATE_DIRECTORY/"+g.name()+"\"")
				w.line(in+2, "fi")
			case 1:
				w.line(in+2, "# "+g.sentence(5, 14))
			default:
				w.line(in+2, "${lib.getExe "+w.pkg+"} "+g.name()+" --"+modWords[g.r.Intn(len(modWords))]+" \"${toString cfg.enable}\"")
			}
		}
		w.line(in+1, "'';")
	}
	w.line(in+1, "serviceConfig = {")
	exec := "${lib.getExe " + w.pkg + "}"
	if hasSettings {
		exec += " --config ${configFile}"
	}
	if g.r.Intn(2) == 0 {
		w.line(in+2, "ExecStart = \""+exec+" ${lib.escapeShellArgs cfg.extraArgs or [ ]}\";")
	} else {
		w.line(in+2, "ExecStart = ''")
		w.line(in+3, exec+" \\")
		w.line(in+3, "  --log-level info")
		w.line(in+2, "'';")
	}
	w.line(in+2, "Restart = \"on-failure\";")
	w.line(in+2, "StateDirectory = "+strconv.Quote(w.name)+";")
	for _, j := range g.r.Perm(len(modHardening))[:g.r.Intn(len(modHardening))] {
		w.line(in+2, modHardening[j])
	}
	w.line(in+1, "};")
	w.line(in, "};")
	if g.r.Intn(2) == 0 {
		w.line(0, "")
		w.line(in, "users.users."+strconv.Quote(w.name)+" = {")
		w.line(in+1, "isSystemUser = true;")
		w.line(in+1, "group = "+strconv.Quote(w.name)+";")
		w.line(in+1, "home = \"/var/lib/"+w.name+"\";")
		w.line(in, "};")
		w.line(in, "users.groups."+strconv.Quote(w.name)+" = { };")
	}
	if g.r.Intn(3) == 0 {
		w.line(0, "")
		w.line(in, "networking.firewall.allowedTCPPorts = "+mkIf+" (cfg.openFirewall or false) [ 8080 ];")
	}
	w.line(indent, "};")
}

// renameFile writes rename.nix: n entries of mkRenamedOptionModule to
// declared options, mkAliasOptionModule and mkRemovedOptionModule.
func (g *modGen) renameFile(declared [][]string, n int) (string, int) {
	var b strings.Builder
	b.WriteString("{ lib, pkgs, ... }:\n\nlet\n  inherit (lib) mkAliasOptionModule mkRenamedOptionModule mkRemovedOptionModule;\nin\n{\n  imports = [\n")
	quote := func(p []string) string {
		q := make([]string, len(p))
		for i, s := range p {
			q[i] = strconv.Quote(s)
		}
		return "[ " + strings.Join(q, " ") + " ]"
	}
	for i := range n {
		switch {
		case len(declared) > 0 && i%3 != 2:
			to := declared[g.r.Intn(len(declared))]
			from := extend(to[:len(to)-1], "old"+strings.ToUpper(to[len(to)-1][:1])+to[len(to)-1][1:])
			fn := "mkRenamedOptionModule"
			if i%7 == 0 {
				fn = "mkAliasOptionModule"
			}
			fmt.Fprintf(&b, "    (%s %s %s)\n", fn, quote(from), quote(to))
		default:
			fmt.Fprintf(&b, "    (mkRemovedOptionModule %s %s)\n", quote([]string{"services", g.name()}), strconv.Quote(g.sentence(5, 15)))
		}
	}
	b.WriteString("  ];\n}\n")
	return b.String(), n
}
