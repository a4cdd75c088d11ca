package lsp

import (
	"context"
	"errors"
	"github.com/flake-lsp/flake-lsp/internal/safefs"
	"net/url"
	"path/filepath"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/flake-lsp/flake-lsp/position"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// docKind says which analyses a document gets.
type docKind int

const (
	kindNix   docKind = iota // any .nix file
	kindFlake                // flake.nix
	kindLock                 // flake.lock
	kindOther                // not analysed (diagnostics cleared)
)

func kindOf(uri, path string) docKind {
	name := path
	if name == "" {
		name = uri
	}
	switch base := filepath.Base(filepath.FromSlash(name)); {
	case base == "flake.nix":
		return kindFlake
	case base == "flake.lock":
		return kindLock
	case filepath.Ext(base) == ".nix":
		return kindNix
	}
	return kindOther
}

// uriPath is the file path of a file: URI, "" for other schemes
// (untitled:, ...). Documents are keyed by the URI exactly as the client
// sent it; the path is only for finding sibling files on disk.
func uriPath(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" {
		return ""
	}
	return filepath.FromSlash(u.Path)
}

// pathURI makes a file: URI for a path (for files the client has not
// opened, such as a flake.lock read from disk).
func pathURI(path string) string {
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(path)}
	return u.String()
}

// document is an open document. Its text and pending edits change on the
// reading goroutine; one worker at a time parses and analyses it and
// publishes an immutable Snapshot.
type document struct {
	uri, path string
	kind      docKind

	mu      sync.Mutex
	text    []byte
	mapper  *position.Mapper // of text; nil until made
	version int32
	seq     uint64             // counts changes; a snapshot is current when its Seq equals it
	changed time.Time          // when the latest change arrived
	edits   []sitter.EditInput // applied to text, not yet to tree
	reparse bool               // the next parse must start afresh
	tree    *syntax.Tree       // owned by the worker
	snap    *Snapshot          // latest analysis
	updated chan struct{}      // closed when snap changes
	running bool               // a worker is active
	dirty   bool               // analysis needed
	// analyzing: the worker is analysing a text (snap changes when it
	// is done).
	analyzing bool
	closed    bool // didClose received
	// parsing is when the worker's current parse started (zero when none
	// runs); cancelParse stops it, for a newer edit.
	parsing     time.Time
	cancelParse context.CancelFunc

	tokens tokenCache // the last semantic tokens sent (semtok.go)

	// recent lists the latest edits, for answers from the previous
	// analysis while the current text's runs (recent.go).
	recent []recentEdit
	large  bool // counted in largeDocs (memory.go)
}

// store holds the open documents by URI.
type store struct {
	s    *Server
	mu   sync.Mutex
	docs map[string]*document
	// published remembers which URIs have diagnostics showing that no open
	// document owns (a flake.lock analysed with its flake.nix), to clear
	// them later.
	published map[string]bool
	// idle returns free memory to the system when the workers fall idle
	// after documents were opened or closed (memory.go).
	idle idleFree
}

func newStore(s *Server) *store {
	return &store{s: s, docs: map[string]*document{}, published: map[string]bool{}}
}

func (st *store) get(uri string) *document {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.docs[uri]
}

// byPath finds the open document of a file path.
func (st *store) byPath(path string) *document {
	if path == "" {
		return nil
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	for _, d := range st.docs {
		if d.path == path {
			return d
		}
	}
	return nil
}

func (st *store) all() []*document {
	st.mu.Lock()
	defer st.mu.Unlock()
	out := make([]*document, 0, len(st.docs))
	for _, d := range st.docs {
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].uri < out[j].uri })
	return out
}

func (st *store) open(uri string, version int32, text []byte) *document {
	path := uriPath(uri)
	d := &document{uri: uri, path: path, kind: kindOf(uri, path), text: text, version: version,
		seq: 1, reparse: true, updated: make(chan struct{})}
	d.setLarge(len(text))
	st.mu.Lock()
	old := st.docs[uri]
	st.docs[uri] = d
	st.mu.Unlock()
	st.idle.opened()
	if old != nil { // opened twice: the new text wins
		old.mu.Lock()
		old.closed = true
		old.setLarge(-1)
		old.mu.Unlock()
		st.release(old)
	}
	st.schedule(d)
	return d
}

func (st *store) closeDoc(uri string) *document {
	st.mu.Lock()
	d := st.docs[uri]
	delete(st.docs, uri)
	st.mu.Unlock()
	if d == nil {
		return nil
	}
	st.idle.opened()
	d.mu.Lock()
	d.closed = true
	d.setLarge(-1)
	d.mu.Unlock()
	st.release(d)
	return d
}

// release frees the tree of a closed document unless its worker still
// runs (the worker frees it then).
func (st *store) release(d *document) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if !d.running && d.tree != nil {
		d.tree.Close()
		d.tree = nil
	}
	if d.updated != nil {
		close(d.updated)
		d.updated = nil
	}
}

// change applies edits to the text (already converted to byte offsets).
func (st *store) change(d *document, version int32, apply func(text []byte, m *position.Mapper) ([]byte, *position.Mapper, []sitter.EditInput, bool)) {
	d.mu.Lock()
	before := d.text
	text, mapper, edits, full := apply(d.text, d.mapper)
	d.text, d.mapper = text, mapper
	d.setLarge(len(text))
	d.version = version
	d.seq++
	d.noteEdits(before, text, edits, full)
	d.changed = time.Now()
	if full {
		d.reparse, d.edits = true, nil
	} else if !d.reparse {
		d.edits = append(d.edits, edits...)
	}
	if !d.parsing.IsZero() && time.Since(d.parsing) > cancelAfter && d.cancelParse != nil {
		// A parse this slow is lost in error recovery (see syntax.Parse):
		// its text is stale now, so stop it and parse the new one.
		d.cancelParse()
		d.cancelParse = nil
	}
	d.mu.Unlock()
	st.schedule(d)
}

// tooLarge: above eight times maxFileSize (16 MB by default) a Nix text
// is not even parsed.
func tooLarge(text []byte, st Settings) bool {
	return st.MaxFileSize > 0 && len(text) > 8*st.MaxFileSize
}

// cancelAfter: a newer edit cancels a parse running longer than this (a
// normal reparse, even of a 650 KB file, takes well under it; stopping one
// would cost the next a parse from scratch).
const cancelAfter = 50 * time.Millisecond

// parseCancels counts parses a newer edit stopped (for tests).
var parseCancels atomic.Int64

// schedule marks d for analysis and starts its worker if none runs.
func (st *store) schedule(d *document) {
	d.mu.Lock()
	if d.closed {
		d.mu.Unlock()
		return
	}
	d.dirty = true
	if d.running {
		d.mu.Unlock()
		return
	}
	d.running = true
	d.mu.Unlock()
	st.idle.begin()
	st.s.goBackground("analysis of "+d.uri, func(ctx context.Context) {
		defer st.idle.end()
		st.work(ctx, d)
	})
}

// work analyses d until no change is pending. Changes that arrive during
// an analysis are coalesced into the next one, so a burst of keystrokes
// costs one analysis per finished analysis, and the first keystroke is
// analysed at once.
func (st *store) work(ctx context.Context, d *document) {
	defer func() {
		if r := recover(); r != nil {
			d.mu.Lock()
			d.running, d.analyzing = false, false
			d.reparse = true
			d.mu.Unlock()
			panic(r) // goBackground logs it
		}
	}()
	for {
		d.mu.Lock()
		if !d.dirty || d.closed || ctx.Err() != nil {
			d.running = false
			if d.closed && d.tree != nil {
				d.tree.Close()
				d.tree = nil
			}
			d.mu.Unlock()
			return
		}
		d.dirty, d.analyzing = false, true
		text, mapper, edits, reparse, seq, version, changed := d.text, d.mapper, d.edits, d.reparse, d.seq, d.version, d.changed
		d.edits, d.reparse = nil, false
		tree := d.tree
		d.tree = nil
		var prev *syntax.View
		if d.snap != nil {
			prev = d.snap.View
		}
		d.mu.Unlock()

		if (d.kind == kindNix || d.kind == kindFlake) && tooLarge(text, st.s.currentSettings()) {
			// Not parsed at all (analyze says so): a 200 MB text takes
			// tens of seconds to parse and features are off above
			// maxFileSize anyway.
			if tree != nil {
				tree.Close()
			}
			tree = nil
			reparse = true
		} else if d.kind == kindNix || d.kind == kindFlake {
			pctx, cancel := context.WithCancel(ctx)
			d.mu.Lock()
			d.parsing, d.cancelParse = time.Now(), cancel
			d.mu.Unlock()
			var err error
			if reparse {
				if tree != nil {
					tree.Close()
				}
				tree, err = syntax.ParseContext(pctx, text)
			} else {
				tree, err = syntax.ReparseContext(pctx, tree, edits, text)
			}
			cancel()
			d.mu.Lock()
			d.parsing, d.cancelParse = time.Time{}, nil
			if err != nil {
				// Stopped for a newer text: the old tree is gone, so the
				// next parse starts afresh.
				parseCancels.Add(1)
				d.reparse, d.edits, d.analyzing = true, nil, false
				d.mu.Unlock()
				continue
			}
			d.mu.Unlock()
		}
		if hold := st.s.beforeAnalysis; hold != nil {
			hold() // tests hold analyses here
		}
		if mapper == nil {
			mapper = position.NewMapper(text)
			d.mu.Lock()
			if d.seq == seq {
				d.mapper = mapper
			}
			d.mu.Unlock()
		}
		snap := st.s.analyze(d, text, mapper, tree, prev, seq, version)

		d.mu.Lock()
		d.tree = tree
		stale := d.seq != seq
		d.snap, d.analyzing = snap, false
		d.dropRecent(snap.Seq)
		if d.updated != nil {
			close(d.updated)
			d.updated = make(chan struct{})
		}
		closed := d.closed
		d.mu.Unlock()
		if !closed && !stale && d.kind == kindFlake {
			st.relinkLock(d, snap)
		}
		if !closed && !stale {
			st.s.publish(snap)
			if f := st.s.opts.OnPublish; f != nil && !changed.IsZero() {
				f(snap.URI, snap.Version, time.Since(changed))
			}
		}
	}
}

// relinkLock re-analyses the open flake.lock beside the flake.nix d when
// its snapshot does not read snap, d's new analysis: the lock's analysis
// shares the flake.nix's (lockFromFlake), and one that read an earlier
// analysis would keep that one alive beside the new (after a
// re-analysis of the flake.nix alone: indexes ready, a race with an edit
// of the lock).
func (st *store) relinkLock(d *document, snap *Snapshot) {
	if d.path == "" || snap.View == nil {
		return
	}
	ld := st.byPath(filepath.Join(filepath.Dir(d.path), "flake.lock"))
	if ld == nil || ld.kind != kindLock {
		return
	}
	ld.mu.Lock()
	ls := ld.snap
	ld.mu.Unlock()
	if ls != nil && ls.Results != nil && ls.Results.FlakeUnit != nil && ls.Results.FlakeUnit.View != snap.View {
		st.schedule(ld)
	}
}

// errClosed: the document was closed while a request waited for it.
var errClosed = errors.New("document closed")

// snapshot waits for the analysis of the document's current text.
func (st *store) snapshot(ctx context.Context, uri string) (*Snapshot, error) {
	d := st.get(uri)
	if d == nil {
		return nil, errNotOpen(uri)
	}
	for {
		d.mu.Lock()
		snap, seq, ch, closed := d.snap, d.seq, d.updated, d.closed
		d.mu.Unlock()
		if snap != nil && snap.Seq == seq {
			return snap, nil
		}
		if closed || ch == nil {
			return nil, errClosed
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

// touchFlake re-analyses the open documents that depend on the flake in
// dir (its flake.nix and flake.lock), after one of them changed.
func (st *store) touchFlake(dir string, except *document) {
	for _, name := range []string{"flake.nix", "flake.lock"} {
		if d := st.byPath(filepath.Join(dir, name)); d != nil && d != except {
			st.schedule(d)
		}
	}
}

// close ends every worker (at shutdown).
func (st *store) close() {
	st.mu.Lock()
	docs := st.docs
	st.docs = map[string]*document{}
	st.mu.Unlock()
	for _, d := range docs {
		d.mu.Lock()
		d.closed = true
		d.setLarge(-1)
		d.mu.Unlock()
		st.release(d)
	}
	st.idle.stop()
}

// readText is the text of a file: the open document's if the client has
// it open (edits not yet saved count), else the file on disk.
func (s *Server) readText(path string) ([]byte, bool, error) {
	if d := s.docs.byPath(path); d != nil {
		d.mu.Lock()
		defer d.mu.Unlock()
		return d.text, true, nil
	}
	data, err := s.opts.ReadFile(path)
	return data, false, err
}

// readFileLimited reads a file from disk, refusing huge ones (a lock file
// is small; a huge one is not worth freezing the server for).
func readFileLimited(path string) ([]byte, error) {
	// A regular file only: a flake.lock linked to /dev/zero or a FIFO
	// must not be read forever or block.
	return safefs.ReadFile(path, 64<<20)
}

// Snapshot is the immutable state of a document after one analysis.
// Handlers read it without locks.
type Snapshot struct {
	URI, Path string
	Kind      docKind
	Seq       uint64
	Version   int32
	Text      []byte
	Mapper    *position.Mapper
	View      *syntax.View // nil for flake.lock
	Large     bool         // above the size limit: heavy analyses skipped
	Excluded  bool
	Results   *Results
	// Diagnostics of this document, filtered by the settings, in LSP form.
	Diagnostics []Diagnostic

	tokensOnce sync.Once
	tokens     encodedTokens // semantic tokens, made on first request
}
