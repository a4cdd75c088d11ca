package lsp

import (
	"context"
	"encoding/json"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/flake-lsp/flake-lsp/analysis/semtok"
	"github.com/flake-lsp/flake-lsp/position"
)

// Semantic tokens: analysis/semtok classifies the text (memoised per
// snapshot); this file encodes its tokens as LSP's relative integers and
// answers full, full/delta and range requests.

// semanticTokensOptions is LSP's SemanticTokensOptions: protocol v0.12.0
// has the legend type but not these fields.
type semanticTokensOptions struct {
	Legend semanticTokensLegend `json:"legend"`
	Range  bool                 `json:"range"`
	Full   semanticTokensFull   `json:"full"`
}

type semanticTokensLegend struct {
	TokenTypes     []string `json:"tokenTypes"`
	TokenModifiers []string `json:"tokenModifiers"`
}

type semanticTokensFull struct {
	Delta bool `json:"delta"`
}

func semanticTokensProvider() semanticTokensOptions {
	return semanticTokensOptions{
		Legend: semanticTokensLegend{TokenTypes: semtok.TypeNames[:], TokenModifiers: semtok.ModifierNames},
		Range:  true,
		Full:   semanticTokensFull{Delta: true},
	}
}

// semanticTokens is LSP's SemanticTokens (data always present).
type semanticTokens struct {
	ResultID string   `json:"resultId,omitempty"`
	Data     []uint32 `json:"data"`
}

type semanticTokensEdit struct {
	Start       int      `json:"start"`
	DeleteCount int      `json:"deleteCount"`
	Data        []uint32 `json:"data,omitempty"`
}

type semanticTokensDelta struct {
	ResultID string               `json:"resultId,omitempty"`
	Edits    []semanticTokensEdit `json:"edits"`
}

// tokenCache is the last full result sent for a document, which the next
// delta request names by its id.
type tokenCache struct {
	mu   sync.Mutex
	id   string
	data []uint32
}

var resultIDs atomic.Uint64

// encodedTokens are a snapshot's tokens, in bytes and encoded for the
// client.
type encodedTokens struct {
	toks []semtok.Token
	data []uint32
}

// snapshotTokens computes the snapshot's tokens once.
func (s *Server) snapshotTokens(snap *Snapshot) encodedTokens {
	snap.tokensOnce.Do(func() {
		snap.tokens.data = []uint32{}
		if res := snap.Results; res != nil && res.Unit != nil && snap.View != nil {
			snap.tokens.toks = semtok.Tokens(res.Unit)
			snap.tokens.data = encodeTokens(snap.Text, snap.tokens.toks, s.encoding)
		}
	})
	return snap.tokens
}

type semanticTokensParams struct {
	TextDocument struct {
		URI string `json:"uri"`
	} `json:"textDocument"`
	PreviousResultID string         `json:"previousResultId"`
	Range            position.Range `json:"range"`
}

func (s *Server) tokensSnapshot(ctx context.Context, method string, params json.RawMessage, p *semanticTokensParams) (*Snapshot, *document, error) {
	if err := decode(method, params, p); err != nil {
		return nil, nil, err
	}
	snap, err := s.docs.snapshot(ctx, p.TextDocument.URI)
	if err != nil {
		return nil, nil, err
	}
	return snap, s.docs.get(p.TextDocument.URI), nil
}

// remember stores data as the document's latest full result and returns
// its id.
func remember(d *document, data []uint32) string {
	id := strconv.FormatUint(resultIDs.Add(1), 10)
	if d != nil {
		d.tokens.mu.Lock()
		d.tokens.id, d.tokens.data = id, data
		d.tokens.mu.Unlock()
	}
	return id
}

func (s *Server) semanticTokensFull(ctx context.Context, params json.RawMessage) (any, error) {
	var p semanticTokensParams
	snap, d, err := s.tokensSnapshot(ctx, "textDocument/semanticTokens/full", params, &p)
	if err != nil {
		return nil, err
	}
	data := s.snapshotTokens(snap).data
	return semanticTokens{ResultID: remember(d, data), Data: data}, nil
}

func (s *Server) semanticTokensDelta(ctx context.Context, params json.RawMessage) (any, error) {
	var p semanticTokensParams
	snap, d, err := s.tokensSnapshot(ctx, "textDocument/semanticTokens/full/delta", params, &p)
	if err != nil {
		return nil, err
	}
	data := s.snapshotTokens(snap).data
	var prev []uint32
	known := false
	if d != nil {
		d.tokens.mu.Lock()
		if d.tokens.id != "" && d.tokens.id == p.PreviousResultID {
			prev, known = d.tokens.data, true
		}
		d.tokens.mu.Unlock()
	}
	id := remember(d, data)
	if !known {
		// An id this server no longer has: the whole result instead.
		return semanticTokens{ResultID: id, Data: data}, nil
	}
	return semanticTokensDelta{ResultID: id, Edits: diffTokens(prev, data)}, nil
}

func (s *Server) semanticTokensRange(ctx context.Context, params json.RawMessage) (any, error) {
	var p semanticTokensParams
	snap, _, err := s.tokensSnapshot(ctx, "textDocument/semanticTokens/range", params, &p)
	if err != nil {
		return nil, err
	}
	all := s.snapshotTokens(snap)
	start := snap.Mapper.Offset(p.Range.Start, s.encoding)
	end := snap.Mapper.Offset(p.Range.End, s.encoding)
	toks := all.toks
	i := sort.Search(len(toks), func(i int) bool { return toks[i].End > start })
	j := sort.Search(len(toks), func(j int) bool { return toks[j].Start >= end })
	if i > j {
		i = j
	}
	return semanticTokens{Data: encodeTokens(snap.Text, toks[i:j], s.encoding)}, nil
}

// diffTokens is one edit turning old into cur: what lies between their
// common prefix and common suffix, both cut to whole tokens.
func diffTokens(old, cur []uint32) []semanticTokensEdit {
	n := min(len(old), len(cur))
	prefix := 0
	for prefix < n && old[prefix] == cur[prefix] {
		prefix++
	}
	prefix -= prefix % 5
	suffix := 0
	for suffix < n-prefix && old[len(old)-1-suffix] == cur[len(cur)-1-suffix] {
		suffix++
	}
	suffix -= suffix % 5
	if prefix == len(old) && prefix == len(cur) {
		return []semanticTokensEdit{}
	}
	edit := semanticTokensEdit{Start: prefix, DeleteCount: len(old) - prefix - suffix}
	if ins := cur[prefix : len(cur)-suffix]; len(ins) > 0 {
		edit.Data = ins
	}
	return []semanticTokensEdit{edit}
}

// encodeTokens writes tokens (sorted, each on one line) as LSP's five
// relative integers each: line delta, start delta, length, type and
// modifiers, with characters counted in enc. One pass over the text.
func encodeTokens(src []byte, toks []semtok.Token, enc position.Encoding) []uint32 {
	data := make([]uint32, 0, 5*len(toks))
	line, pos := 0, 0 // the line at pos
	col := 0          // characters from the line's start to pos
	prevLine, prevChar := 0, 0
	for _, tok := range toks {
		for pos < tok.Start {
			c := src[pos]
			switch {
			case c == '\n' || c == '\r':
				if c == '\r' && pos+1 < len(src) && src[pos+1] == '\n' {
					pos++
				}
				pos++
				line++
				col = 0
			case c < utf8.RuneSelf || enc == position.UTF8:
				pos++
				col++
			default:
				r, size := utf8.DecodeRune(src[pos:])
				pos += size
				col += runeUnits(r, enc)
			}
		}
		length := tok.End - tok.Start
		if enc != position.UTF8 {
			length = 0
			for i := tok.Start; i < tok.End; {
				if src[i] < utf8.RuneSelf {
					i++
					length++
					continue
				}
				r, size := utf8.DecodeRune(src[i:])
				i += size
				length += runeUnits(r, enc)
			}
		}
		deltaChar := col
		if line == prevLine {
			deltaChar = col - prevChar
		}
		data = append(data, uint32(line-prevLine), uint32(deltaChar), uint32(length), uint32(tok.Type), uint32(tok.Mods))
		prevLine, prevChar = line, col
	}
	return data
}

func runeUnits(r rune, enc position.Encoding) int {
	if enc == position.UTF16 && r != utf8.RuneError {
		return utf16.RuneLen(r)
	}
	return 1
}
