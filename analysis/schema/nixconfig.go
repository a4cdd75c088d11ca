package schema

// SettingType is the type of a nix.conf setting.
type SettingType int

const (
	StringSetting SettingType = iota
	BoolSetting
	IntSetting
	StringsSetting // a list of strings, space-separated in nix.conf
)

// Setting is a nix.conf setting a flake can set in nixConfig.
type Setting struct {
	Name string
	Type SettingType
	// Trusted: applied without confirmation (`accept-flake-config` not
	// needed), with the Nix version that whitelisted it.
	Trusted string
	// Substituter: even accepted, a user the daemon does not trust can
	// only use substituters the system lists as trusted-substituters.
	Substituter bool
	Doc         string
	// Risk says what the setting would do to the user's machine once
	// accepted (with accept-flake-config), for those that weaken its
	// security; Unsafe, when set, is the value that does it (other values
	// are harmless), else any value does.
	Risk, Unsafe string
}

// Settings lists the settings flakes commonly set. Any other name is
// accepted by Nix, which warns "unknown setting" when it applies it.
var Settings = []Setting{
	{Name: "bash-prompt", Type: StringSetting, Trusted: "2.4", Doc: "The prompt of `nix develop` shells."},
	{Name: "bash-prompt-prefix", Type: StringSetting, Trusted: "2.10", Doc: "A prefix added to the `nix develop` prompt."},
	{Name: "bash-prompt-suffix", Type: StringSetting, Trusted: "2.4", Doc: "A suffix added to the `nix develop` prompt."},
	{Name: "flake-registry", Type: StringSetting, Trusted: "2.4", Doc: "The global flake registry to use."},
	{Name: "commit-lockfile-summary", Type: StringSetting, Trusted: "2.18", Doc: "The commit summary `--commit-lock-file` uses."},
	{Name: "commit-lock-file-summary", Type: StringSetting, Trusted: "2.24", Doc: "The commit summary `--commit-lock-file` uses (newer spelling)."},
	{Name: "substituters", Type: StringsSetting, Substituter: true, Doc: "Binary caches to use instead of the configured ones.",
		Risk: "Nix would download build results from these caches instead of building them: whoever runs a cache (and holds a key you trust) decides what those programs are"},
	{Name: "trusted-public-keys", Type: StringsSetting, Doc: "Keys binary cache signatures are checked with.",
		Risk: "Nix would trust any build result signed by these keys, from any cache, as if built on your machine"},
	{Name: "trusted-substituters", Type: StringsSetting, Substituter: true, Doc: "Substituters an untrusted user may enable.",
		Risk: "Nix would let these caches be used by users the daemon does not trust: whoever runs them decides what those programs are"},
	{Name: "post-build-hook", Type: StringSetting, Doc: "A program run after every build.",
		Risk: "Nix would run this program after every build, with the rights of the user or daemon that builds"},
	{Name: "pre-build-hook", Type: StringSetting, Doc: "A program run before every build to add sandbox paths.",
		Risk: "Nix would run this program before every build, with the rights of the user or daemon that builds"},
	{Name: "build-hook", Type: StringSetting, Doc: "The program that sends builds to remote machines.",
		Risk: "Nix would run this program for every build it may send elsewhere"},
	{Name: "builders", Type: StringSetting, Doc: "Remote machines to build on.",
		Risk: "Nix would send your builds, and their inputs, to these machines and use what they send back"},
	{Name: "allowed-users", Type: StringsSetting, Doc: "Users allowed to connect to the Nix daemon.",
		Risk: "the Nix daemon would let these users connect (where the daemon reads it)"},
	{Name: "trusted-users", Type: StringsSetting, Doc: "Users the Nix daemon trusts.",
		Risk: "the Nix daemon would trust these users, who could then change its settings and import unsigned store paths: root-equivalent (where the daemon reads it)"},
	{Name: "allow-unsafe-native-code-during-evaluation", Type: BoolSetting, Doc: "Allows builtins.exec and native plugins during evaluation.",
		Risk: "evaluating Nix code could run any program on your machine (builtins.exec)", Unsafe: "true"},
	{Name: "extra-sandbox-paths", Type: StringsSetting, Doc: "Host paths visible inside the build sandbox.",
		Risk: "builds would see these paths of your machine inside the sandbox"},
	{Name: "allow-import-from-derivation", Type: BoolSetting, Doc: "Whether evaluation may build derivations to import their outputs."},
	{Name: "experimental-features", Type: StringsSetting, Doc: "Experimental Nix features to enable."},
	{Name: "accept-flake-config", Type: BoolSetting, Doc: "Whether to apply flakes' nixConfig without asking."},
	{Name: "sandbox", Type: BoolSetting, Doc: "Whether builds run in a sandbox.",
		Risk: "builds would run outside the sandbox, with network access and every file the build user can read", Unsafe: "false"},
	{Name: "keep-outputs", Type: BoolSetting, Doc: "Keep the outputs of derivations that garbage collection would remove while their derivation is kept."},
	{Name: "keep-derivations", Type: BoolSetting, Doc: "Keep derivations whose outputs are live."},
	{Name: "max-jobs", Type: StringSetting, Doc: "How many builds run at once (a number or `auto`)."},
	{Name: "cores", Type: IntSetting, Doc: "How many cores each build may use (0: all)."},
	{Name: "connect-timeout", Type: IntSetting, Doc: "Seconds to wait when connecting to a binary cache."},
	{Name: "http-connections", Type: IntSetting, Doc: "Parallel connections to binary caches."},
	{Name: "narinfo-cache-negative-ttl", Type: IntSetting, Doc: "Seconds to remember that a path is not in a cache."},
	{Name: "fallback", Type: BoolSetting, Doc: "Build from source when substitution fails."},
	{Name: "builders-use-substitutes", Type: BoolSetting, Doc: "Let remote builders fetch from substituters themselves."},
	{Name: "warn-dirty", Type: BoolSetting, Doc: "Warn about uncommitted changes in Git flakes."},
}

// SettingByName finds a setting, also through the `extra-` prefix that
// appends to list settings.
func SettingByName(name string) (Setting, bool) {
	base := name
	if len(base) > 6 && base[:6] == "extra-" {
		base = base[6:]
	}
	for _, s := range Settings {
		if s.Name == base {
			return s, true
		}
	}
	return Setting{}, false
}

// TypeName names the setting's type for completion details and hover.
func (s Setting) TypeName() string {
	switch s.Type {
	case BoolSetting:
		return "bool"
	case IntSetting:
		return "integer"
	case StringsSetting:
		return "list of strings"
	}
	return "string"
}

// TrustNote says whether Nix applies the setting from a flake without
// asking, and what substituters need besides.
func (s Setting) TrustNote() string {
	note := "Nix asks before applying it unless `accept-flake-config` is set."
	if s.Trusted != "" {
		note = "Applied without asking (since Nix " + s.Trusted + ")."
	}
	if s.Substituter {
		note += " Only takes effect for users the daemon trusts, or for caches the system lists in `trusted-substituters`."
	}
	return note
}
