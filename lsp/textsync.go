package lsp

import (
	"context"
	"encoding/json"
	"path/filepath"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/flake-lsp/flake-lsp/position"
	"github.com/flake-lsp/flake-lsp/syntax"
)

type textDocumentItem struct {
	URI     string `json:"uri"`
	Version int32  `json:"version"`
	Text    string `json:"text"`
}

type versionedDoc struct {
	URI     string `json:"uri"`
	Version int32  `json:"version"`
}

// contentChange keeps Range a pointer: protocol v0.12.0 decodes a missing
// range (a full replacement) and an insert at 0:0 alike.
type contentChange struct {
	Range *position.Range `json:"range"`
	Text  string          `json:"text"`
}

func (s *Server) didOpen(ctx context.Context, params json.RawMessage) (any, error) {
	var p struct {
		TextDocument textDocumentItem `json:"textDocument"`
	}
	if err := decode("textDocument/didOpen", params, &p); err != nil {
		return nil, err
	}
	d := s.docs.open(p.TextDocument.URI, p.TextDocument.Version, []byte(p.TextDocument.Text))
	if d.kind == kindLock || d.kind == kindFlake {
		s.docs.touchFlake(filepath.Dir(d.path), d)
	}
	return nil, nil
}

func (s *Server) didChange(ctx context.Context, params json.RawMessage) (any, error) {
	var p struct {
		TextDocument   versionedDoc    `json:"textDocument"`
		ContentChanges []contentChange `json:"contentChanges"`
	}
	if err := decode("textDocument/didChange", params, &p); err != nil {
		return nil, err
	}
	d := s.docs.get(p.TextDocument.URI)
	if d == nil {
		s.log.Warnf("didChange for a document that is not open: %s", p.TextDocument.URI)
		return nil, nil
	}
	s.docs.change(d, p.TextDocument.Version, func(text []byte, m *position.Mapper) ([]byte, *position.Mapper, []sitter.EditInput, bool) {
		return applyChanges(text, m, p.ContentChanges, s.encoding)
	})
	if d.kind == kindLock || d.kind == kindFlake {
		s.docs.touchFlake(filepath.Dir(d.path), d)
	}
	return nil, nil
}

// applyChanges applies LSP content changes in order to text, whose Mapper
// is m (nil if not made yet). It returns the new text and its Mapper (nil
// after a whole replacement: made when needed), the tree-sitter edits, and
// whether the text was replaced whole (then the tree is reparsed from
// scratch). Each edit moves the line starts it does not touch instead of
// indexing the text again (0.9 ms a keystroke at 650 KB).
func applyChanges(text []byte, m *position.Mapper, changes []contentChange, enc position.Encoding) ([]byte, *position.Mapper, []sitter.EditInput, bool) {
	var edits []sitter.EditInput
	full := false
	for _, c := range changes {
		if c.Range == nil {
			text, m, full, edits = []byte(c.Text), nil, true, nil
			continue
		}
		if m == nil {
			m = position.NewMapper(text)
		}
		start, end := m.Offset(c.Range.Start, enc), m.Offset(c.Range.End, enc)
		if start > end {
			start, end = end, start
		}
		var e sitter.EditInput
		text, e = syntax.Edit{Start: start, OldEnd: end, Text: []byte(c.Text)}.Apply(text)
		m = m.Edited(text, start, end, start+len(c.Text))
		if !full {
			edits = append(edits, e)
		}
	}
	return text, m, edits, full
}

func (s *Server) didSave(ctx context.Context, params json.RawMessage) (any, error) {
	var p struct {
		TextDocument versionedDoc `json:"textDocument"`
	}
	if err := decode("textDocument/didSave", params, &p); err != nil {
		return nil, err
	}
	d := s.docs.get(p.TextDocument.URI)
	if d == nil {
		return nil, nil
	}
	// Analyse again on save: path inputs and siblings on disk may have
	// changed, and "diagnostics on save" clients expect a fresh push.
	s.docs.schedule(d)
	if d.kind == kindLock || d.kind == kindFlake {
		s.docs.touchFlake(filepath.Dir(d.path), d)
	}
	return nil, nil
}

func (s *Server) didClose(ctx context.Context, params json.RawMessage) (any, error) {
	var p struct {
		TextDocument versionedDoc `json:"textDocument"`
	}
	if err := decode("textDocument/didClose", params, &p); err != nil {
		return nil, err
	}
	d := s.docs.closeDoc(p.TextDocument.URI)
	if d == nil {
		return nil, nil
	}
	s.clear(d.uri)
	if d.kind == kindLock || d.kind == kindFlake {
		// The sibling now reads this file from disk.
		s.docs.touchFlake(filepath.Dir(d.path), nil)
	}
	return nil, nil
}
