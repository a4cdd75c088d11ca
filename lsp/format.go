package lsp

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"go.lsp.dev/jsonrpc2"

	"github.com/flake-lsp/flake-lsp/position"
)

// formatTimeout bounds one run of the user's formatter.
const formatTimeout = 10 * time.Second

// formatting runs the configured formatter (setting "formatter", e.g.
// ["nixfmt"] or "alejandra -q") on the document's text and replaces the
// whole text with its output. A document with syntax errors is left
// alone: formatters reject it, and the error is already shown.
func (s *Server) formatting(ctx context.Context, params json.RawMessage) (any, error) {
	var p struct {
		TextDocument struct {
			URI string `json:"uri"`
		} `json:"textDocument"`
	}
	if err := decode("textDocument/formatting", params, &p); err != nil {
		return nil, err
	}
	cmdline := s.formatter()
	if len(cmdline) == 0 {
		// Said to the user, not as a failed request ("Request
		// textDocument/formatting failed" tells them nothing).
		s.showMessage(2, noFormatter)
		return []any{}, nil
	}
	snap, err := s.docs.snapshot(ctx, p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	if snap.Kind != kindNix && snap.Kind != kindFlake {
		return []any{}, nil
	}
	for _, d := range snap.Diagnostics {
		if d.Code == "syntax-error" {
			return nil, jsonrpc2.Errorf(jsonrpc2.InvalidRequest, "not formatting: the document has syntax errors")
		}
	}
	out, err := s.format(ctx, cmdline, snap.Text)
	if err != nil {
		return nil, jsonrpc2.Errorf(jsonrpc2.InternalError, "%v", err)
	}
	if bytes.Equal(out, snap.Text) {
		return []any{}, nil
	}
	end := snap.Mapper.Position(len(snap.Text), s.encoding)
	return []map[string]any{{
		"range":   position.Range{End: end},
		"newText": string(out),
	}}, nil
}

const noFormatter = "flake-lsp: no Nix formatter found. Install nixfmt, alejandra or nixpkgs-fmt, or set \"flake-lsp.formatter\" to a command that formats Nix from standard input (e.g. [\"nixfmt\"])."

// knownFormatters are looked up on PATH, in this order, when the settings
// name none: each reads Nix on standard input and writes it formatted.
var knownFormatters = [][]string{{"nixfmt"}, {"alejandra", "--quiet", "-"}, {"nixpkgs-fmt"}}

// showMessage shows a message to the user (type 1 error ... 4 log).
func (s *Server) showMessage(typ int, msg string) {
	s.notify("window/showMessage", map[string]any{"type": typ, "message": msg})
}

// registerFormatting registers the formatting capability with the client
// when a formatter appears after initialize (set in the settings) and the
// client allows dynamic registration; once.
func (s *Server) registerFormatting(ctx context.Context) {
	if !s.client.dynamicFormatting || len(s.formatter()) == 0 || !s.formattingRegistered.CompareAndSwap(false, true) {
		return
	}
	err := s.call(ctx, "client/registerCapability", map[string]any{"registrations": []map[string]any{{
		"id": "flake-lsp-formatting", "method": "textDocument/formatting",
		"registerOptions": map[string]any{"documentSelector": []map[string]any{{"language": "nix"}, {"pattern": "**/*.nix"}}},
	}}}, nil)
	if err != nil {
		s.log.Warnf("client/registerCapability (formatting): %v", err)
	}
}

// formatter is the configured formatter, or the first known one on PATH.
func (s *Server) formatter() []string {
	if f := s.currentSettings().Formatter; len(f) > 0 {
		return f
	}
	for _, f := range knownFormatters {
		if onPath(f[0]) {
			return f
		}
	}
	return nil
}

// onPath reports whether an executable file of that name is in a PATH
// directory (found without running anything).
func onPath(name string) bool {
	for _, dir := range filepath.SplitList(os.Getenv("PATH")) {
		if dir == "" {
			dir = "."
		}
		if fi, err := os.Stat(filepath.Join(dir, name)); err == nil && fi.Mode().IsRegular() && fi.Mode().Perm()&0o111 != 0 {
			return true
		}
	}
	return false
}

func runFormatter(ctx context.Context, cmdline []string, text []byte) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, formatTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, cmdline[0], cmdline[1:]...)
	cmd.Stdin = bytes.NewReader(text)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if ctx.Err() == context.DeadlineExceeded {
			return nil, fmt.Errorf("formatter %q did not finish in %v", cmdline[0], formatTimeout)
		}
		if msg != "" {
			return nil, fmt.Errorf("formatter %q failed: %v: %s", cmdline[0], err, truncate(msg, 500))
		}
		return nil, fmt.Errorf("formatter %q failed: %v", cmdline[0], err)
	}
	if stdout.Len() == 0 && len(text) > 0 {
		return nil, fmt.Errorf("formatter %q printed nothing; it must read standard input and print the result", cmdline[0])
	}
	return stdout.Bytes(), nil
}
