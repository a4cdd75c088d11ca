package lsp

import (
	"context"
	"encoding/json"
)

// methodTable lists every method the server answers. Notifications that
// change documents are sync (see method).
func (s *Server) methodTable() map[string]method {
	m := map[string]method{
		"initialized":                      {fn: s.initialized, sync: true},
		"textDocument/didOpen":             {fn: s.didOpen, sync: true},
		"textDocument/didChange":           {fn: s.didChange, sync: true},
		"textDocument/didSave":             {fn: s.didSave, sync: true},
		"textDocument/didClose":            {fn: s.didClose, sync: true},
		"workspace/didChangeConfiguration": {fn: s.didChangeConfiguration, sync: true},
		"workspace/didChangeWatchedFiles":  {fn: s.didChangeWatchedFiles, sync: true},
		"textDocument/diagnostic":          {fn: s.documentDiagnostic},
		"textDocument/formatting":          {fn: s.formatting},
		"textDocument/codeAction":          {fn: s.codeAction},
	}
	s.addFeatureMethods(m)
	if s.opts.TestRequests {
		m["flake-lsp/documentText"] = method{fn: s.documentText}
	}
	return m
}

// documentText answers the test-only request flake-lsp/documentText with
// the server's text of an open document and its version, so that a test
// driving the binary can check that edits were applied as the client did.
func (s *Server) documentText(ctx context.Context, params json.RawMessage) (any, error) {
	var p documentParams
	if err := decode("flake-lsp/documentText", params, &p); err != nil {
		return nil, err
	}
	d := s.docs.get(p.TextDocument.URI)
	if d == nil {
		return nil, errNotOpen(p.TextDocument.URI)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	return map[string]any{"text": string(d.text), "version": d.version}, nil
}
