package lsp

import (
	"context"
	"sync/atomic"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/flake-lsp/flake-lsp/position"
)

// Answering from the previous analysis while a newer text is analysed.
//
// A request waits for the analysis of the document's current text
// (store.snapshot). On a large file that analysis takes tens of
// milliseconds after every keystroke, and completion, hover and definition
// asked right after one paid all of it. While the current text's analysis
// runs, those three requests may instead be answered from the previous
// analysis, when every edit since it is small and keeps the tree's shape:
// identifier characters replaced by identifier characters (typing a name,
// a word in a string or comment), at most maxRecentEdits of them, in a
// file of at least recentMinSize bytes. The request's position is mapped
// back through the edits, the answer's ranges forward. Hover and
// definition are answered so only away from the edited text; completion
// also in or next to text inserted since, when the edits there were only
// insertions (typing: the word before the cursor then extends the word the
// previous analysis saw, and the client filters by the longer one), and
// such a list is marked incomplete
// so the client asks again as typing goes on. What such an answer can miss
// is the meaning of the edited names themselves (a binding renamed by the
// keystroke), for the few milliseconds until the new analysis is
// published; diagnostics never come from an older analysis.

// recentMinSize: below this a document's analysis takes about a
// millisecond and requests always wait for it.
const recentMinSize = 64 << 10

// maxRecentEdits bounds the edits an answer may be mapped through (each
// costs a comparison or two); the document keeps at most twice as many.
// Keys repeated or typed fast can outrun an analysis of a large file by a
// dozen edits.
const maxRecentEdits = 64

// recentEdit is one edit of a document's text: [start, oldEnd) of the text
// before it became [start, newEnd).
type recentEdit struct {
	seq                   uint64 // the document's seq after the edit
	start, oldEnd, newEnd int
	word                  bool // identifier characters for identifier characters
}

// isWordByte: the bytes of Nix identifiers (and of words in strings).
func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_' || b == '\'' || b == '-'
}

func allWordBytes(b []byte) bool {
	for _, c := range b {
		if !isWordByte(c) {
			return false
		}
	}
	return true
}

// noteEdits records the edits of one didChange (under d.mu). before and
// after are the texts around it; only a change made of one edit is
// classified (the texts between several edits are not kept).
func (d *document) noteEdits(before, after []byte, edits []sitter.EditInput, full bool) {
	if full || len(edits) != 1 {
		d.recent = append(d.recent, recentEdit{seq: d.seq})
	} else {
		s, oe, ne := int(edits[0].StartIndex), int(edits[0].OldEndIndex), int(edits[0].NewEndIndex)
		// Not right after a "\r": letters there could split or join a
		// CRLF (ranges are mapped within their lines).
		word := s <= oe && oe <= len(before) && s <= ne && ne <= len(after) &&
			allWordBytes(before[s:oe]) && allWordBytes(after[s:ne]) && (s == 0 || before[s-1] != '\r')
		d.recent = append(d.recent, recentEdit{seq: d.seq, start: s, oldEnd: oe, newEnd: ne, word: word})
	}
	if len(d.recent) > 2*maxRecentEdits {
		d.recent = append(d.recent[:0], d.recent[len(d.recent)-maxRecentEdits:]...)
	}
}

// dropRecent forgets the edits a published analysis has seen (under d.mu).
func (d *document) dropRecent(seq uint64) {
	i := 0
	for i < len(d.recent) && d.recent[i].seq <= seq {
		i++
	}
	if i > 0 {
		d.recent = append(d.recent[:0], d.recent[i:]...)
	}
}

// recentMap maps between the text a previous analysis read and the
// document's current text, through word edits.
type recentMap struct {
	edits  []recentEdit     // oldest first
	mapper *position.Mapper // of the current text
	path   string           // the document's file (Results' key)
}

// back maps an offset of the current text to the analysed one. touched:
// the offset is inside or at either end of an edit's new text; inserted:
// every edit it touched was an insertion.
func (m *recentMap) back(off int) (old int, touched, inserted bool) {
	inserted = true
	for i := len(m.edits) - 1; i >= 0; i-- {
		e := m.edits[i]
		if off >= e.start && off <= e.newEnd {
			touched = true
			if e.oldEnd != e.start {
				inserted = false
			}
		}
		switch {
		case off <= e.start:
		case off >= e.newEnd:
			off = off - e.newEnd + e.oldEnd
		default:
			off = e.start + min(off-e.start, e.oldEnd-e.start)
		}
	}
	return off, touched, inserted
}

// forward maps an offset of the analysed text to the current one.
func (m *recentMap) forward(off int) int {
	for _, e := range m.edits {
		switch {
		case off <= e.start:
		case off >= e.oldEnd:
			off = off + e.newEnd - e.oldEnd
		default:
			off = e.start + min(off-e.start, e.newEnd-e.start)
		}
	}
	return off
}

// recentAnswers counts requests answered from a previous analysis (tests).
var recentAnswers atomic.Int64

// recentSnapshot returns the analysis a request at pos of uri is answered
// from, and the offset there. When the current text's analysis is still
// running and the previous one may answer (see above), that one, with
// the map to the current text; otherwise it waits as snapshot does and
// the map is nil. atEdit allows positions in or next to inserted text.
func (st *store) recentSnapshot(ctx context.Context, uri string, pos position.Position, enc position.Encoding, atEdit bool) (*Snapshot, int, *recentMap, error) {
	if d := st.get(uri); d != nil {
		d.mu.Lock()
		snap, seq, text, mapper := d.snap, d.seq, d.text, d.mapper
		var edits []recentEdit
		ok := snap != nil && snap.Seq != seq && snap.View != nil && usable(snap) && mapper != nil &&
			(snap.Kind == kindNix || snap.Kind == kindFlake) && len(text) >= recentMinSize
		if ok {
			for _, e := range d.recent {
				if e.seq > snap.Seq {
					edits = append(edits, e)
				}
			}
			// Every edit since the analysis is known, and small.
			ok = len(edits) > 0 && len(edits) <= maxRecentEdits && edits[0].seq == snap.Seq+1 && edits[len(edits)-1].seq == seq
			for _, e := range edits {
				ok = ok && e.word
			}
		}
		d.mu.Unlock()
		if ok {
			m := &recentMap{edits: edits, mapper: mapper, path: snap.Results.Unit.Path}
			off, touched, inserted := m.back(m.mapper.Offset(pos, enc))
			if !touched || atEdit && inserted {
				recentAnswers.Add(1)
				return snap, off, m, nil
			}
		}
	}
	snap, err := st.snapshot(ctx, uri)
	if err != nil {
		return nil, 0, nil, err
	}
	return snap, snap.Mapper.Offset(pos, enc), nil, nil
}

// rangeOf converts a range of the analysed text to LSP for the current
// text (m nil: they are the same).
func (m *recentMap) rangeOf(snap *Snapshot, start, end int, enc position.Encoding) position.Range {
	if m == nil {
		return snap.Mapper.Range(start, end, enc)
	}
	return m.mapper.Range(m.forward(start), m.forward(end), enc)
}
