package lsp

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
	return m
}
