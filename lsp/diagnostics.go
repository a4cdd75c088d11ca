package lsp

import (
	"context"
	"encoding/json"

	"github.com/flake-lsp/flake-lsp/analysis"
	"github.com/flake-lsp/flake-lsp/analysis/unit"
	"github.com/flake-lsp/flake-lsp/position"
)

// Diagnostic is LSP's Diagnostic (protocol v0.12.0's lacks nothing we
// need, but its Range uses uint32 and its Data has no shape; this keeps
// the JSON exact).
type Diagnostic struct {
	Range              position.Range `json:"range"`
	Severity           int            `json:"severity"`
	Code               string         `json:"code,omitempty"`
	Source             string         `json:"source"`
	Message            string         `json:"message"`
	Tags               []int          `json:"tags,omitempty"`
	RelatedInformation []relatedInfo  `json:"relatedInformation,omitempty"`
	Data               *diagData      `json:"data,omitempty"`
}

type relatedInfo struct {
	Location location `json:"location"`
	Message  string   `json:"message"`
}

type location struct {
	URI   string         `json:"uri"`
	Range position.Range `json:"range"`
}

// diagData carries a diagnostic's quick fix to codeAction.
type diagData struct {
	FixTitle string         `json:"fixTitle,omitempty"`
	FixRange position.Range `json:"fixRange"`
	NewText  string         `json:"newText"`
}

const (
	tagUnnecessary = 1
	tagDeprecated  = 2
)

type publishParams struct {
	URI         string       `json:"uri"`
	Version     *int32       `json:"version,omitempty"`
	Diagnostics []Diagnostic `json:"diagnostics"`
}

// convertDiagnostics turns the diagnostics found in file into LSP form,
// dropping ignored codes (and everything for an excluded file).
func (s *Server) convertDiagnostics(res *Results, file string, st Settings, excluded bool) []Diagnostic {
	out := []Diagnostic{} // never nil: an empty list clears
	if excluded {
		return out
	}
	mappers := map[string]*position.Mapper{}
	mapper := func(f string) *position.Mapper {
		m := mappers[f]
		if m == nil {
			m = position.NewMapper(res.Texts[f])
			mappers[f] = m
		}
		return m
	}
	for _, d := range res.Diagnostics {
		if d.File != file || st.IgnoreCodes[d.Code] {
			continue
		}
		out = append(out, s.toLSP(d, mapper))
	}
	return out
}

func (s *Server) toLSP(d analysis.Diagnostic, mapper func(string) *position.Mapper) Diagnostic {
	m := mapper(d.File)
	out := Diagnostic{Range: m.Range(d.Start, d.End, s.encoding), Severity: int(d.Severity), Code: d.Code,
		Source: "flake-lsp", Message: d.Message}
	if d.Unnecessary {
		out.Tags = append(out.Tags, tagUnnecessary)
	}
	if isDeprecatedCode(d.Code) {
		out.Tags = append(out.Tags, tagDeprecated)
	}
	if s.client.relatedInformation {
		for _, r := range d.Related {
			out.RelatedInformation = append(out.RelatedInformation, relatedInfo{
				Location: location{URI: s.fileURI(r.File), Range: mapper(r.File).Range(r.Start, r.End, s.encoding)},
				Message:  r.Message})
		}
	}
	if d.Fix != nil {
		out.Data = &diagData{FixTitle: d.Fix.Title, FixRange: m.Range(d.Fix.Start, d.Fix.End, s.encoding), NewText: d.Fix.Replacement}
	}
	return out
}

// isDeprecatedCode: codes about deprecated constructs get LSP's
// deprecated tag (clients strike them through).
func isDeprecatedCode(code string) bool {
	switch code {
	case "output-deprecated", "deprecated-legacy-let", "deprecated-url-literal":
		return true
	}
	return false
}

// fileURI is the URI of a file: the open document's own URI if the
// client has it open (it may spell it differently), else a file: URI.
func (s *Server) fileURI(file string) string {
	if d := s.docs.byPath(file); d != nil {
		return d.uri
	}
	if uriPath(file) != "" || file == "" {
		return file
	}
	if s.docs.get(file) != nil {
		return file // an untitled: document keyed by its URI
	}
	return pathURI(file)
}

// publish pushes a snapshot's diagnostics (unless the client pulls them),
// and the diagnostics the analysis found in files the client has not
// opened (a flake.lock analysed with its flake.nix).
func (s *Server) publish(snap *Snapshot) {
	if !s.client.pullDiagnostics {
		v := snap.Version
		s.notify("textDocument/publishDiagnostics", publishParams{URI: snap.URI, Version: &v, Diagnostics: snap.Diagnostics})
	}
	if snap.Kind != kindFlake || snap.Results.LockPath == "" {
		return
	}
	lockPath := snap.Results.LockPath
	if s.docs.byPath(lockPath) != nil {
		return // the open lock document publishes its own
	}
	st := s.currentSettings()
	diags := s.convertDiagnostics(snap.Results, lockPath, st, snap.Excluded || st.excluded(lockPath, s.client.rootPath))
	uri := pathURI(lockPath)
	s.docs.mu.Lock()
	had := s.docs.published[uri]
	s.docs.published[uri] = len(diags) > 0
	s.docs.mu.Unlock()
	if len(diags) > 0 || had {
		s.notify("textDocument/publishDiagnostics", publishParams{URI: uri, Diagnostics: diags})
	}
}

// clear removes a closed document's diagnostics.
func (s *Server) clear(uri string) {
	if !s.client.pullDiagnostics {
		s.notify("textDocument/publishDiagnostics", publishParams{URI: uri, Diagnostics: []Diagnostic{}})
	}
}

// refreshAll re-analyses every open document (settings changed, files
// changed on disk) and asks pull clients to pull again.
func (s *Server) refreshAll() {
	for _, d := range s.docs.all() {
		s.docs.schedule(d)
	}
	s.refreshPull()
}

// refreshPending re-analyses the open documents that may read an index
// that just became ready: those whose latest analysis found an index
// pending, and those not analysed yet or being analysed. Re-analysing
// every document instead made a livelock once more flakes with indexes
// were open than the manager keeps (indexcache.DefaultMaxEntries): each
// refresh asked again for the indexes it had dropped, each of them,
// rebuilt, refreshed everything again.
func (s *Server) refreshPending() {
	for _, d := range s.docs.all() {
		d.mu.Lock()
		snap, running := d.snap, d.running
		d.mu.Unlock()
		if snap == nil || running || snap.Results.pending() {
			s.docs.schedule(d)
		}
	}
	s.refreshPull()
}

// pending: the analysis read a unit whose indexes were not all ready.
func (r *Results) pending() bool {
	for _, u := range []*unit.Unit{r.Unit, r.FlakeUnit} {
		if u != nil && u.Env != nil && len(u.Env.Pending) > 0 {
			return true
		}
	}
	return false
}

func (s *Server) refreshPull() {
	if s.client.pullDiagnostics && s.client.diagnosticRefresh {
		s.goBackground("diagnostic refresh", func(ctx context.Context) {
			_ = s.call(ctx, "workspace/diagnostic/refresh", nil, nil)
		})
	}
}

// documentDiagnostic answers textDocument/diagnostic (pull, LSP 3.17).
func (s *Server) documentDiagnostic(ctx context.Context, params json.RawMessage) (any, error) {
	var p struct {
		TextDocument struct {
			URI string `json:"uri"`
		} `json:"textDocument"`
		PreviousResultID string `json:"previousResultId"`
	}
	if err := decode("textDocument/diagnostic", params, &p); err != nil {
		return nil, err
	}
	snap, err := s.docs.snapshot(ctx, p.TextDocument.URI)
	if err != nil {
		// Not open: nothing to report (the client may pull closed files).
		return map[string]any{"kind": "full", "items": []Diagnostic{}}, nil
	}
	return map[string]any{"kind": "full", "items": snap.Diagnostics}, nil
}
