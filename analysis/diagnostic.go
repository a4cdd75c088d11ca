// Package analysis holds what flake-lsp knows about Nix files, free of LSP
// types: the diagnostic type shared by its sub-packages (flake, lockfile,
// flakeref) and by the command line and the server.
package analysis

// Severity follows LSP's numbering.
type Severity int

const (
	Error Severity = iota + 1
	Warning
	Information
	Hint
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	case Information:
		return "information"
	case Hint:
		return "hint"
	}
	return "unknown"
}

// Diagnostic is one finding, at a byte range of one file.
type Diagnostic struct {
	File       string // the file it is in (flake.nix or flake.lock)
	Start, End int
	Severity   Severity
	Code       string // stable, kebab-case
	Message    string
	// Unnecessary marks code that can be removed (LSP's tag 1).
	Unnecessary bool
	// Fix, when set, replaces [Start, End) of File with Replacement.
	Fix *Fix
	// Related points at other places that explain this one.
	Related []Related
}

// Fix is a quick fix: a text replacement.
type Fix struct {
	Title       string
	Start, End  int
	Replacement string
}

// Related is another location with a note.
type Related struct {
	File       string
	Start, End int
	Message    string
}
