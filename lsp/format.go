package lsp

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os/exec"
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
	cmdline := s.currentSettings().Formatter
	if len(cmdline) == 0 {
		return nil, jsonrpc2.Errorf(jsonrpc2.InvalidRequest, "no formatter configured: set \"flake-lsp.formatter\", e.g. [\"nixfmt\"]")
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
