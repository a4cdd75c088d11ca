package lsp

import (
	"context"
	"encoding/json"

	"github.com/flake-lsp/flake-lsp/analysis/outline"
	"github.com/flake-lsp/flake-lsp/position"
)

// Folding ranges and selection ranges: the structure of the tree, for any
// Nix file (neither nil nor nixd offers both).

func (s *Server) foldingRange(ctx context.Context, params json.RawMessage) (any, error) {
	var p positionParams
	if err := decode("textDocument/foldingRange", params, &p); err != nil {
		return nil, err
	}
	snap, err := s.docs.snapshot(ctx, p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	out := []map[string]any{}
	if snap.View == nil || snap.Results == nil || snap.Results.Unit == nil {
		return out, nil
	}
	for _, f := range outline.Folds(snap.Results.Unit) {
		start := snap.Mapper.Position(f.Start, s.encoding).Line
		end := snap.Mapper.Position(f.End, s.encoding).Line
		if !f.Comment {
			end-- // keep the closing line visible
		}
		if end <= start {
			continue
		}
		r := map[string]any{"startLine": start, "endLine": end}
		if f.Comment {
			r["kind"] = "comment"
		}
		out = append(out, r)
	}
	return out, nil
}

type selectionRange struct {
	Range  position.Range  `json:"range"`
	Parent *selectionRange `json:"parent,omitempty"`
}

func (s *Server) selectionRange(ctx context.Context, params json.RawMessage) (any, error) {
	var p struct {
		TextDocument struct {
			URI string `json:"uri"`
		} `json:"textDocument"`
		Positions []position.Position `json:"positions"`
	}
	if err := decode("textDocument/selectionRange", params, &p); err != nil {
		return nil, err
	}
	snap, err := s.docs.snapshot(ctx, p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	out := []*selectionRange{}
	for _, pos := range p.Positions {
		off := snap.Mapper.Offset(pos, s.encoding)
		var ranges [][2]int
		if snap.View != nil && snap.Results != nil && snap.Results.Unit != nil {
			ranges = outline.SelectionRanges(snap.Results.Unit, off)
		}
		if len(ranges) == 0 {
			ranges = [][2]int{{off, off}}
		}
		var chain *selectionRange
		for i := len(ranges) - 1; i >= 0; i-- {
			chain = &selectionRange{Range: snap.Mapper.Range(ranges[i][0], ranges[i][1], s.encoding), Parent: chain}
		}
		out = append(out, chain)
	}
	return out, nil
}
