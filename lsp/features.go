package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"go.lsp.dev/protocol"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"go.lsp.dev/jsonrpc2"

	"github.com/flake-lsp/flake-lsp/analysis/complete"
	"github.com/flake-lsp/flake-lsp/analysis/hover"
	"github.com/flake-lsp/flake-lsp/analysis/navigate"
	"github.com/flake-lsp/flake-lsp/analysis/outline"
	"github.com/flake-lsp/flake-lsp/analysis/unit"
	"github.com/flake-lsp/flake-lsp/position"
)

// The editing features: each handler fetches the document's snapshot,
// asks an analysis package, and converts byte offsets to positions.

type positionParams struct {
	TextDocument struct {
		URI string `json:"uri"`
	} `json:"textDocument"`
	Position position.Position `json:"position"`
}

// at decodes TextDocumentPositionParams and returns the snapshot and the
// byte offset.
func (s *Server) at(ctx context.Context, method string, params json.RawMessage, p *positionParams) (*Snapshot, int, error) {
	if err := decode(method, params, p); err != nil {
		return nil, 0, err
	}
	snap, err := s.docs.snapshot(ctx, p.TextDocument.URI)
	if err != nil {
		return nil, 0, err
	}
	return snap, snap.Mapper.Offset(p.Position, s.encoding), nil
}

// atRecent is at for the requests that may be answered from the previous
// analysis while the current text's runs (recent.go); recent maps between
// the two texts, nil when snap is the current text's.
func (s *Server) atRecent(ctx context.Context, method string, params json.RawMessage, p *positionParams, atEdit bool) (*Snapshot, int, *recentMap, error) {
	if err := decode(method, params, p); err != nil {
		return nil, 0, nil, err
	}
	return s.docs.recentSnapshot(ctx, p.TextDocument.URI, p.Position, s.encoding, atEdit)
}

// now is the clock hovers date the lock with (a variable for tests).
var now = time.Now

func (s *Server) addFeatureMethods(m map[string]method) {
	m["textDocument/completion"] = method{fn: s.completion}
	m["textDocument/hover"] = method{fn: s.hover}
	m["textDocument/definition"] = method{fn: s.definition}
	m["textDocument/references"] = method{fn: s.references}
	m["textDocument/documentHighlight"] = method{fn: s.highlight}
	m["textDocument/prepareRename"] = method{fn: s.prepareRename}
	m["textDocument/rename"] = method{fn: s.rename}
	m["textDocument/documentSymbol"] = method{fn: s.documentSymbol}
	m["textDocument/documentLink"] = method{fn: s.documentLink}
	m["workspace/symbol"] = method{fn: s.workspaceSymbol}
	m["textDocument/foldingRange"] = method{fn: s.foldingRange}
	m["textDocument/selectionRange"] = method{fn: s.selectionRange}
	m["textDocument/semanticTokens/full"] = method{fn: s.semanticTokensFull}
	m["textDocument/semanticTokens/full/delta"] = method{fn: s.semanticTokensDelta}
	m["textDocument/semanticTokens/range"] = method{fn: s.semanticTokensRange}
	m["textDocument/codeLens"] = method{fn: s.codeLens}
	m["textDocument/inlayHint"] = method{fn: s.inlayHints}
	m["inlayHint/resolve"] = method{fn: s.resolveInlayHint}
}

func (s *Server) addFeatureCapabilities(c *serverCapabilities) {
	c.CompletionProvider = map[string]any{"triggerCharacters": []string{".", ":", "/", "\"", "?", "&"}}
	c.HoverProvider = true
	c.DefinitionProvider = true
	c.ReferencesProvider = true
	c.DocumentHighlightProvider = true
	c.RenameProvider = map[string]any{"prepareProvider": true}
	c.DocumentSymbolProvider = true
	c.WorkspaceSymbolProvider = true
	c.DocumentLinkProvider = map[string]any{"resolveProvider": false}
	c.FoldingRangeProvider = true
	c.SelectionRangeProvider = true
	c.SemanticTokensProvider = semanticTokensProvider()
	c.CodeLensProvider = &protocol.CodeLensOptions{}
	c.InlayHintProvider = map[string]any{"resolveProvider": true}
}

// usable reports whether heavy features run on the snapshot.
func usable(snap *Snapshot) bool {
	return snap.Results != nil && snap.Results.Unit != nil && !snap.Large
}

var completionKinds = map[complete.Kind]int{
	complete.Keyword: 14, complete.Variable: 6, complete.Function: 3, complete.Field: 5,
	complete.Module: 9, complete.Value: 12, complete.Constant: 21, complete.Folder: 19,
}

// completionItem is an LSP CompletionItem (typed: it encodes faster
// than a map, and a list can hold over a hundred).
type completionItem struct {
	Label         string            `json:"label"`
	Kind          int               `json:"kind"`
	Detail        string            `json:"detail,omitempty"`
	Documentation map[string]string `json:"documentation,omitempty"`
	SortText      string            `json:"sortText"`
	FilterText    string            `json:"filterText,omitempty"`
	TextEdit      textEdit          `json:"textEdit"`
	Tags          []int             `json:"tags,omitempty"`
}

type textEdit struct {
	Range   position.Range `json:"range"`
	NewText string         `json:"newText"`
}

type completionList struct {
	IsIncomplete bool             `json:"isIncomplete"`
	Items        []completionItem `json:"items"`
}

func (s *Server) completion(ctx context.Context, params json.RawMessage) (any, error) {
	var p positionParams
	snap, off, recent, err := s.atRecent(ctx, "textDocument/completion", params, &p, true)
	if err != nil {
		return nil, err
	}
	list := completionList{Items: []completionItem{}}
	if !usable(snap) || snap.View == nil {
		return list, nil
	}
	cands, incomplete := complete.List(snap.Results.Unit, off)
	if recent != nil && incomplete {
		// Cut by the shorter word the previous analysis saw: wait for
		// the current one instead.
		if snap, err = s.docs.snapshot(ctx, p.TextDocument.URI); err != nil {
			return nil, err
		}
		off, recent = snap.Mapper.Offset(p.Position, s.encoding), nil
		if !usable(snap) || snap.View == nil {
			return list, nil
		}
		cands, incomplete = complete.List(snap.Results.Unit, off)
	}
	// From the previous analysis: ask again as typing goes on.
	list.IsIncomplete = incomplete || recent != nil
	list.Items = make([]completionItem, 0, len(cands))
	ranges := map[[2]int]position.Range{} // most candidates share one
	for i, c := range cands {
		start, end := c.Start, c.End
		if start > off {
			start = off
		}
		if end < off {
			end = off
		}
		r, ok := ranges[[2]int{start, end}]
		if !ok {
			r = recent.rangeOf(snap, start, end, s.encoding)
			ranges[[2]int{start, end}] = r
		}
		item := completionItem{Label: c.Label, Kind: completionKinds[c.Kind], Detail: c.Detail, SortText: sortKey(i),
			TextEdit: textEdit{Range: r, NewText: c.NewText}}
		if start < off {
			// The client filters by the text it replaces.
			item.FilterText = c.NewText
		}
		if c.Doc != "" {
			item.Documentation = s.markup(c.Doc)
		}
		if c.Deprecated {
			item.Tags = []int{1}
		}
		list.Items = append(list.Items, item)
	}
	return list, nil
}

func sortKey(i int) string { return strconv.Itoa(10000 + i) }

// markup is Markdown for clients that render it, plain text otherwise.
func (s *Server) markup(md string) map[string]string {
	if s.client.markdown {
		return map[string]string{"kind": "markdown", "value": md}
	}
	return map[string]string{"kind": "plaintext", "value": md}
}

func (s *Server) hover(ctx context.Context, params json.RawMessage) (any, error) {
	var p positionParams
	snap, off, recent, err := s.atRecent(ctx, "textDocument/hover", params, &p, false)
	if err != nil {
		return nil, err
	}
	if !usable(snap) {
		return nil, nil
	}
	res := snap.Results
	var h hover.Result
	var ok bool
	if snap.Kind == kindLock {
		h, ok = hover.LockHover(res.Unit, res.FlakeUnit, off, now())
	} else {
		h, ok = hover.Hover(res.Unit, off, now())
	}
	if !ok {
		return nil, nil
	}
	return map[string]any{"contents": s.markup(h.Markdown), "range": recent.rangeOf(snap, h.Start, h.End, s.encoding)}, nil
}

// locations converts navigate locations, in any file, to LSP.
func (s *Server) locations(snap *Snapshot, locs []navigate.Location) []location {
	out := []location{}
	for _, l := range locs {
		text, ok := snap.Results.Texts[l.Path]
		var r position.Range
		switch {
		case l.Start < 0:
			// A whole file: its start.
		case ok && snap.Results.Unit != nil && l.Path == snap.Results.Unit.Path:
			r = snap.Mapper.Range(l.Start, l.End, s.encoding) // this document
		case ok:
			r = position.NewMapper(text).Range(l.Start, l.End, s.encoding)
		default:
			data, _, err := s.readText(l.Path)
			if err != nil {
				continue
			}
			r = position.NewMapper(data).Range(l.Start, l.End, s.encoding)
		}
		if l.Start < 0 {
			if _, err := os.Stat(l.Path); err != nil {
				continue
			}
		}
		out = append(out, location{URI: s.fileURI(l.Path), Range: r})
	}
	return out
}

func (s *Server) definition(ctx context.Context, params json.RawMessage) (any, error) {
	var p positionParams
	snap, off, recent, err := s.atRecent(ctx, "textDocument/definition", params, &p, false)
	if err != nil {
		return nil, err
	}
	if !usable(snap) {
		return []location{}, nil
	}
	res := snap.Results
	if snap.Kind == kindLock {
		return s.locations(snap, navigate.LockDefinition(res.Unit, res.FlakeUnit, off)), nil
	}
	locs := navigate.Definition(res.Unit, off)
	if recent != nil {
		// Places in this file move with the edits made since the
		// analysis; the others are where they were.
		out := make([]location, 0, len(locs))
		for _, l := range locs {
			if l.Path == recent.path && l.Start >= 0 {
				out = append(out, location{URI: s.fileURI(l.Path), Range: recent.rangeOf(snap, l.Start, l.End, s.encoding)})
				continue
			}
			out = append(out, s.locations(snap, []navigate.Location{l})...)
		}
		return out, nil
	}
	return s.locations(snap, locs), nil
}

func (s *Server) references(ctx context.Context, params json.RawMessage) (any, error) {
	var p struct {
		positionParams
		Context struct {
			IncludeDeclaration bool `json:"includeDeclaration"`
		} `json:"context"`
	}
	if err := decode("textDocument/references", params, &p); err != nil {
		return nil, err
	}
	snap, err := s.docs.snapshot(ctx, p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	if !usable(snap) {
		return []location{}, nil
	}
	off := snap.Mapper.Offset(p.Position, s.encoding)
	var locs []navigate.Location
	for _, o := range navigate.References(snap.Results.Unit, off, p.Context.IncludeDeclaration) {
		locs = append(locs, o.Location)
	}
	return s.locations(snap, locs), nil
}

func (s *Server) highlight(ctx context.Context, params json.RawMessage) (any, error) {
	var p positionParams
	snap, off, err := s.at(ctx, "textDocument/documentHighlight", params, &p)
	if err != nil {
		return nil, err
	}
	out := []map[string]any{}
	if !usable(snap) {
		return out, nil
	}
	for _, o := range navigate.Highlights(snap.Results.Unit, off) {
		kind := 2 // Read
		if o.Write {
			kind = 3
		}
		out = append(out, map[string]any{"range": snap.Mapper.Range(o.Start, o.End, s.encoding), "kind": kind})
	}
	return out, nil
}

func (s *Server) prepareRename(ctx context.Context, params json.RawMessage) (any, error) {
	var p positionParams
	snap, off, err := s.at(ctx, "textDocument/prepareRename", params, &p)
	if err != nil {
		return nil, err
	}
	if !usable(snap) {
		return nil, nil
	}
	loc, name, err := navigate.PrepareRename(snap.Results.Unit, off)
	if err != nil {
		if errors.Is(err, navigate.ErrCannotRename) && err == navigate.ErrCannotRename {
			return nil, nil // nothing here: the client says so itself
		}
		return nil, jsonrpc2.Errorf(jsonrpc2.InvalidRequest, "%v", err)
	}
	return map[string]any{"range": snap.Mapper.Range(loc.Start, loc.End, s.encoding), "placeholder": name}, nil
}

func (s *Server) rename(ctx context.Context, params json.RawMessage) (any, error) {
	var p struct {
		positionParams
		NewName string `json:"newName"`
	}
	if err := decode("textDocument/rename", params, &p); err != nil {
		return nil, err
	}
	snap, err := s.docs.snapshot(ctx, p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	if !usable(snap) {
		return nil, jsonrpc2.Errorf(jsonrpc2.InvalidRequest, "the document is too large for rename")
	}
	off := snap.Mapper.Offset(p.Position, s.encoding)
	edits, err := navigate.Rename(snap.Results.Unit, off, p.NewName)
	if err != nil {
		return nil, jsonrpc2.Errorf(jsonrpc2.InvalidRequest, "%v", err)
	}
	// An input keeps its pin: its name in flake.lock changes too.
	edits = append(edits, navigate.RenameLock(snap.Results.Unit, off, p.NewName)...)
	changes := map[string][]map[string]any{}
	mappers := map[string]*position.Mapper{}
	for _, e := range edits {
		m := mappers[e.Path]
		if m == nil {
			text, ok := snap.Results.Texts[e.Path]
			if !ok {
				return nil, jsonrpc2.Errorf(jsonrpc2.InternalError, "rename: no text for %s", e.Path)
			}
			m = position.NewMapper(text)
			mappers[e.Path] = m
		}
		uri := s.fileURI(e.Path)
		changes[uri] = append(changes[uri], map[string]any{"range": m.Range(e.Start, e.End, s.encoding), "newText": e.NewText})
	}
	return map[string]any{"changes": changes}, nil
}

var symbolKinds = map[outline.Kind]int{
	outline.Namespace: 3, outline.Module: 2, outline.Function: 12, outline.Variable: 13,
	outline.Field: 8, outline.String: 15, outline.Package: 4,
}

type documentSymbol struct {
	Name           string           `json:"name"`
	Detail         string           `json:"detail,omitempty"`
	Kind           int              `json:"kind"`
	Range          position.Range   `json:"range"`
	SelectionRange position.Range   `json:"selectionRange"`
	Children       []documentSymbol `json:"children,omitempty"`
}

func (s *Server) convertSymbols(m *position.Mapper, syms []outline.Symbol) []documentSymbol {
	out := []documentSymbol{}
	for _, sym := range syms {
		out = append(out, documentSymbol{Name: sym.Name, Detail: sym.Detail, Kind: symbolKinds[sym.Kind],
			Range: m.Range(sym.Start, sym.End, s.encoding), SelectionRange: m.Range(sym.SelStart, sym.SelEnd, s.encoding),
			Children: s.convertSymbols(m, sym.Children)})
	}
	return out
}

func (s *Server) documentSymbol(ctx context.Context, params json.RawMessage) (any, error) {
	var p positionParams
	if err := decode("textDocument/documentSymbol", params, &p); err != nil {
		return nil, err
	}
	snap, err := s.docs.snapshot(ctx, p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	if !usable(snap) || snap.View == nil {
		return []documentSymbol{}, nil
	}
	return s.convertSymbols(snap.Mapper, outline.Symbols(snap.Results.Unit)), nil
}

func (s *Server) documentLink(ctx context.Context, params json.RawMessage) (any, error) {
	var p positionParams
	if err := decode("textDocument/documentLink", params, &p); err != nil {
		return nil, err
	}
	snap, err := s.docs.snapshot(ctx, p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	out := []map[string]any{}
	if !usable(snap) {
		return out, nil
	}
	var links []outline.Link
	if snap.Kind == kindLock {
		links = outline.LockLinks(snap.Results.Lock)
	} else {
		links = outline.Links(snap.Results.Unit)
	}
	for _, l := range links {
		target := l.Target
		if l.IsFile {
			target = pathURI(target)
		}
		item := map[string]any{"range": snap.Mapper.Range(l.Start, l.End, s.encoding), "target": target}
		if l.Tooltip != "" {
			item["tooltip"] = l.Tooltip
		}
		out = append(out, item)
	}
	return out, nil
}

// workspaceSymbol searches the symbols of open documents and of the
// flake.nix files under the workspace root.
func (s *Server) workspaceSymbol(ctx context.Context, params json.RawMessage) (any, error) {
	var p struct {
		Query string `json:"query"`
	}
	if err := decode("workspace/symbol", params, &p); err != nil {
		return nil, err
	}
	query := strings.ToLower(p.Query)
	out := []map[string]any{}
	seen := map[string]bool{}
	add := func(uri string, m *position.Mapper, syms []outline.Symbol, container string) {
		var walk func(syms []outline.Symbol, container string)
		walk = func(syms []outline.Symbol, container string) {
			for _, sym := range syms {
				if len(out) >= 1000 {
					return
				}
				if query == "" || fuzzy(strings.ToLower(sym.Name), query) {
					item := map[string]any{"name": sym.Name, "kind": symbolKinds[sym.Kind],
						"location": location{URI: uri, Range: m.Range(sym.SelStart, sym.SelEnd, s.encoding)}}
					if container != "" {
						item["containerName"] = container
					}
					out = append(out, item)
				}
				walk(sym.Children, sym.Name)
			}
		}
		walk(syms, container)
	}
	for _, d := range s.docs.all() {
		snap, err := s.docs.snapshot(ctx, d.uri)
		if err != nil || !usable(snap) || snap.View == nil {
			continue
		}
		seen[d.path] = true
		add(d.uri, snap.Mapper, outline.Symbols(snap.Results.Unit), "")
	}
	for _, path := range s.workspaceFlakes(ctx) {
		if seen[path] || ctx.Err() != nil {
			continue
		}
		u, err := s.loadUnit(path)
		if err != nil {
			continue
		}
		add(pathURI(path), position.NewMapper(u.Src), outline.Symbols(u), filepath.Base(filepath.Dir(path)))
	}
	return out, nil
}

// fuzzy matches the query's characters in order.
func fuzzy(name, query string) bool {
	i := 0
	for j := 0; j < len(name) && i < len(query); j++ {
		if name[j] == query[i] {
			i++
		}
	}
	return i == len(query)
}

// workspaceFlakes lists flake.nix files under the root (bounded).
func (s *Server) workspaceFlakes(ctx context.Context) []string {
	root := s.client.rootPath
	if root == "" {
		return nil
	}
	var out []string
	_ = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || ctx.Err() != nil || len(out) >= 200 {
			return filepath.SkipDir
		}
		name := d.Name()
		if d.IsDir() && p != root && (name == ".git" || name == "node_modules" || strings.HasPrefix(name, "result") || strings.HasPrefix(name, ".")) {
			return filepath.SkipDir
		}
		if !d.IsDir() && name == "flake.nix" {
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out
}

// loadUnit analyses a file from disk (for workspace symbols).
func (s *Server) loadUnit(path string) (*unit.Unit, error) {
	data, err := s.opts.ReadFile(path)
	if err != nil {
		return nil, err
	}
	d := &document{uri: pathURI(path), path: path, kind: kindOf("", path)}
	tree := parseForLoad(data)
	defer tree.Close()
	snap := s.analyze(d, data, nil, tree, nil, 0, 0)
	return snap.Results.Unit, nil
}
