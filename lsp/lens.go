package lsp

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"

	"github.com/flake-lsp/flake-lsp/analysis/inlay"
	"github.com/flake-lsp/flake-lsp/analysis/lens"
	"github.com/flake-lsp/flake-lsp/position"
)

// RunInTerminal is the client-side command a code lens carries: the
// editor opens a terminal and runs the command line there. The server
// never runs it.
const RunInTerminal = "flake-lsp.runInTerminal"

type lspCommand struct {
	Title     string `json:"title"`
	Command   string `json:"command"`
	Arguments []any  `json:"arguments,omitempty"`
}

type codeLens struct {
	Range   position.Range `json:"range"`
	Command lspCommand     `json:"command"`
}

// terminalCommand is the argument of RunInTerminal.
type terminalCommand struct {
	Command string `json:"command"` // the shell command line
	Cwd     string `json:"cwd"`     // where to run it
	Name    string `json:"name"`    // the terminal's name: the flake's
}

type documentParams struct {
	TextDocument struct {
		URI string `json:"uri"`
	} `json:"textDocument"`
}

func (s *Server) codeLens(ctx context.Context, params json.RawMessage) (any, error) {
	var p documentParams
	if err := decode("textDocument/codeLens", params, &p); err != nil {
		return nil, err
	}
	snap, err := s.docs.snapshot(ctx, p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	out := []codeLens{}
	st := s.currentSettings()
	if !st.CodeLens || !usable(snap) || snap.Kind != kindFlake {
		return out, nil
	}
	opt := lens.Options{Ref: ".", LegacyUpdate: st.nixOlderThan(2, 19)}
	cwd, name := "", "flake"
	if snap.Path != "" {
		dir := filepath.Dir(snap.Path)
		cwd, name = dir, filepath.Base(dir)
		// A sub-flake of the workspace is named from the workspace root
		// (`./dir#name`), where the terminal opens.
		if root := s.client.rootPath; root != "" {
			if rel, err := filepath.Rel(root, dir); err == nil && rel != "." && !strings.HasPrefix(rel, "..") {
				opt.Ref, cwd = "./"+filepath.ToSlash(rel), root
			}
		}
	}
	for _, l := range lens.Lenses(snap.Results.Unit, opt) {
		out = append(out, codeLens{
			Range: snap.Mapper.Range(l.Start, l.End, s.encoding),
			Command: lspCommand{Title: l.Title, Command: RunInTerminal,
				Arguments: []any{terminalCommand{Command: l.Command, Cwd: cwd, Name: "nix: " + name}}},
		})
	}
	return out, nil
}

type inlayHint struct {
	Position    position.Position `json:"position"`
	Label       string            `json:"label"`
	PaddingLeft bool              `json:"paddingLeft"`
	Tooltip     *markup           `json:"tooltip,omitempty"`
	Data        *inlayData        `json:"data,omitempty"`
}

type markup struct {
	Kind  string `json:"kind"`
	Value string `json:"value"`
}

// inlayData lets inlayHint/resolve find the hint again.
type inlayData struct {
	URI    string `json:"uri"`
	Offset int    `json:"offset"`
}

func (s *Server) inlayHints(ctx context.Context, params json.RawMessage) (any, error) {
	var p struct {
		TextDocument struct {
			URI string `json:"uri"`
		} `json:"textDocument"`
		Range position.Range `json:"range"`
	}
	if err := decode("textDocument/inlayHint", params, &p); err != nil {
		return nil, err
	}
	snap, err := s.docs.snapshot(ctx, p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	out := []inlayHint{}
	if !s.currentSettings().InlayHints || !usable(snap) || snap.Kind != kindFlake {
		return out, nil
	}
	start := snap.Mapper.Offset(p.Range.Start, s.encoding)
	end := snap.Mapper.Offset(p.Range.End, s.encoding)
	for _, h := range inlay.Hints(snap.Results.Unit, start, end, now()) {
		out = append(out, inlayHint{Position: snap.Mapper.Position(h.Offset, s.encoding), Label: h.Label, PaddingLeft: true,
			Data: &inlayData{URI: p.TextDocument.URI, Offset: h.Offset}})
	}
	return out, nil
}

// resolveInlayHint adds the tooltip: the full revision, date and narHash.
func (s *Server) resolveInlayHint(ctx context.Context, params json.RawMessage) (any, error) {
	var h inlayHint
	if err := decode("inlayHint/resolve", params, &h); err != nil {
		return nil, err
	}
	if h.Data == nil {
		return h, nil
	}
	snap, err := s.docs.snapshot(ctx, h.Data.URI)
	if err != nil || !usable(snap) || snap.Kind != kindFlake {
		return h, nil
	}
	for _, c := range inlay.Hints(snap.Results.Unit, h.Data.Offset, h.Data.Offset, now()) {
		if c.Offset == h.Data.Offset && c.Label == h.Label {
			h.Tooltip = &markup{Kind: "markdown", Value: c.Tooltip}
			break
		}
	}
	return h, nil
}
