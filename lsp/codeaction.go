package lsp

import (
	"context"
	"encoding/json"

	"github.com/flake-lsp/flake-lsp/position"
)

// codeAction offers the quick fixes the analyses attached to diagnostics
// (a typo'd scheme or attribute, a follows that removes a duplicate, an
// unused binding to remove...). The fix travels in the diagnostic's data;
// for clients that do not send data back, the snapshot's diagnostics are
// matched by range and code.
func (s *Server) codeAction(ctx context.Context, params json.RawMessage) (any, error) {
	var p struct {
		TextDocument struct {
			URI string `json:"uri"`
		} `json:"textDocument"`
		Range   position.Range `json:"range"`
		Context struct {
			Diagnostics []Diagnostic `json:"diagnostics"`
			Only        []string     `json:"only"`
		} `json:"context"`
	}
	if err := decode("textDocument/codeAction", params, &p); err != nil {
		return nil, err
	}
	out := []map[string]any{}
	if len(p.Context.Only) > 0 && !contains(p.Context.Only, "quickfix") {
		return out, nil
	}
	snap, err := s.docs.snapshot(ctx, p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	add := func(d Diagnostic) {
		if d.Data == nil || d.Data.FixTitle == "" {
			return
		}
		key := d.Code + d.Data.FixTitle + d.Data.NewText
		if seen[key] {
			return
		}
		seen[key] = true
		out = append(out, map[string]any{
			"title":       d.Data.FixTitle,
			"kind":        "quickfix",
			"diagnostics": []Diagnostic{d},
			"isPreferred": true,
			"edit": map[string]any{"changes": map[string]any{
				p.TextDocument.URI: []map[string]any{{"range": d.Data.FixRange, "newText": d.Data.NewText}},
			}},
		})
	}
	for _, d := range p.Context.Diagnostics {
		if d.Data != nil {
			add(d)
			continue
		}
		for _, own := range snap.Diagnostics {
			if own.Code == d.Code && own.Range == d.Range {
				add(own)
			}
		}
	}
	// Also the fixes of diagnostics under the requested range the client
	// did not list (some clients send none).
	for _, own := range snap.Diagnostics {
		if overlaps(own.Range, p.Range) {
			add(own)
		}
	}
	return out, nil
}

func overlaps(a, b position.Range) bool {
	return !before(a.End, b.Start) && !before(b.End, a.Start)
}

func before(a, b position.Position) bool {
	return a.Line < b.Line || a.Line == b.Line && a.Character < b.Character
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
