// Package lsp is flake-lsp's language server: JSON-RPC over stdio
// (go.lsp.dev/jsonrpc2 with a framing of our own), the LSP lifecycle,
// documents with incremental sync, and diagnostics pushed to or pulled by
// the client. Features read immutable snapshots of documents; the
// analyses themselves live in analysis/.
package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"go.lsp.dev/jsonrpc2"

	"github.com/flake-lsp/flake-lsp/analysis/deps"
	"github.com/flake-lsp/flake-lsp/position"
)

// LSP error codes jsonrpc2 v0.10 does not define.
const (
	codeServerNotInitialized = -32002
	codeRequestCancelled     = -32800
	codeContentModified      = -32801
)

// gcBallast is the size of the heap ballast (see serve).
const gcBallast = 16 << 20

// Options configure a server.
type Options struct {
	Version  string
	Log      *Logger // nil: discard
	ReadFile func(path string) ([]byte, error)
	// OnPublish, if set, is told after each publication of a document's
	// diagnostics how long it took since the change it reflects arrived
	// (for benchmarks: the server-side latency).
	OnPublish func(uri string, version int32, sinceChange time.Duration)
	// TestRequests adds flake-lsp/documentText, for tests that drive the
	// binary (`serve --test-requests`).
	TestRequests bool
	// IndexCache is the directory indexes of the inputs' sources are
	// cached in ("": the user's cache directory; "-": none).
	IndexCache string
	// WaitIndexes: analyses wait for the indexes they need (tests, and
	// batch runs) instead of answering without them until they are ready.
	WaitIndexes bool
}

// lifecycle states.
const (
	stateNew int32 = iota
	stateInitialized
	stateShutdown
)

// Server is one LSP session.
type Server struct {
	opts Options
	log  *Logger
	conn jsonrpc2.Conn

	// beforeAnalysis, when set (tests), is called by a document's worker
	// before each analysis: blocking in it holds the analyses.
	beforeAnalysis func()

	state    atomic.Int32
	exitCode chan int

	// formattingRegistered: the client knows the server formats.
	formattingRegistered atomic.Bool

	// Handlers of requests in flight, by id, for $/cancelRequest.
	pendingMu sync.Mutex
	pending   map[string]context.CancelFunc

	client   clientInfo
	encoding position.Encoding

	docs *store

	settingsMu sync.RWMutex
	settings   Settings

	// depsResolver finds the flakes of locked inputs in the store (see
	// resolver; made again when the `store` setting changes; depsStore
	// is the key it was made for).
	depsMu       sync.Mutex
	depsResolver *deps.Resolver
	depsStore    string

	// envs builds the indexes of the inputs' sources (lsp/env.go).
	envs envState

	// format runs the user's formatter (runFormatter; tests that feed
	// the server arbitrary input replace it, as no settings they send may
	// run a program).
	format func(ctx context.Context, cmdline []string, text []byte) ([]byte, error)

	wg      sync.WaitGroup // background goroutines
	ctx     context.Context
	cancel  context.CancelFunc
	methods map[string]method
}

// method handles one request or notification. params is the raw JSON
// ("null" when absent). Notifications' results are ignored.
type method struct {
	fn func(ctx context.Context, params json.RawMessage) (any, error)
	// sync methods run on the reading goroutine, in order: every
	// notification that changes state (didOpen, didChange) is sync, so a
	// request that follows sees its effect.
	sync bool
}

// Serve runs a session on rwc until the client sends exit or closes the
// stream, and returns the process exit code (0 after shutdown+exit).
func Serve(ctx context.Context, rwc io.ReadWriteCloser, opts Options) int {
	s := newServer(opts)
	return s.serve(ctx, rwc)
}

func newServer(opts Options) *Server {
	log := opts.Log
	if log == nil {
		log = NewLogger(io.Discard, LevelError)
	}
	if opts.ReadFile == nil {
		opts.ReadFile = readFileLimited
	}
	s := &Server{
		opts:     opts,
		log:      log,
		exitCode: make(chan int, 1),
		pending:  map[string]context.CancelFunc{},
		settings: defaultSettings(),
		format:   runFormatter,
	}
	s.docs = newStore(s)
	s.methods = s.methodTable()
	return s
}

func (s *Server) serve(ctx context.Context, rwc io.ReadWriteCloser) int {
	// A heap ballast: the live heap of a session is small (a few MB), so
	// the garbage collector's goal is small too and it ran every few
	// keystrokes, each time adding ~1 ms to one keystroke's diagnostics.
	// The ballast is never written, so its pages stay virtual: it raises
	// the collector's goal without using memory.
	// Its headroom (up to the ballast plus the live heap of garbage) is
	// returned to the system when a burst of opened documents is analysed
	// (idleFree, memory.go).
	ballast := make([]byte, gcBallast)
	defer runtime.KeepAlive(ballast)
	s.ctx, s.cancel = context.WithCancel(ctx)
	defer s.cancel()
	st := newStream(rwc, func(f string, a ...any) { s.log.Warnf(f, a...) })
	s.conn = jsonrpc2.NewConn(st)
	s.log.attach(s)
	s.conn.Go(s.ctx, s.handle)
	code := 1
	select {
	case code = <-s.exitCode:
	case <-s.conn.Done():
		if err := s.conn.Err(); err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, context.Canceled) {
			s.log.Errorf("connection ended: %v", err)
		}
		if s.state.Load() == stateShutdown {
			code = 0
		}
	case <-ctx.Done():
	}
	s.log.detach()
	s.cancel()
	s.cancelAll()
	s.docs.close()
	s.closeEnvs()
	s.wg.Wait()
	s.conn.Close()
	// Closing stdio does not unblock a read of standard input; the process
	// exits with the code anyway. Pipes and sockets do close.
	select {
	case <-s.conn.Done():
	case <-time.After(time.Second):
	}
	return code
}

// handle is the jsonrpc2 handler; it runs on the reading goroutine.
func (s *Server) handle(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) (err error) {
	call, isCall := req.(*jsonrpc2.Call)
	params := req.Params()
	if len(params) == 0 {
		params = json.RawMessage("null")
	}
	name := req.Method()
	defer func() {
		if r := recover(); r != nil {
			s.log.Errorf("panic in %s: %v\n%s", name, r, debug.Stack())
			if isCall {
				err = reply(context.WithoutCancel(ctx), nil, jsonrpc2.Errorf(jsonrpc2.InternalError, "internal error in %s: %v", name, r))
			}
			err = nil
		}
	}()
	switch name {
	case "exit":
		code := 1
		if s.state.Load() == stateShutdown {
			code = 0
		}
		select {
		case s.exitCode <- code:
		default:
		}
		return nil
	case "$/cancelRequest":
		s.cancelRequest(params)
		return nil
	}
	state := s.state.Load()
	switch {
	case name == "initialize" && state == stateNew:
		res, err := s.initialize(ctx, params)
		if err == nil {
			s.state.Store(stateInitialized)
		}
		return reply(ctx, res, err)
	case name == "initialize":
		return reply(ctx, nil, jsonrpc2.Errorf(jsonrpc2.InvalidRequest, "initialize was already sent"))
	case state == stateNew:
		if isCall {
			return reply(ctx, nil, jsonrpc2.Errorf(codeServerNotInitialized, "the server is not initialized: send initialize first"))
		}
		return nil // notifications before initialize are dropped
	case state == stateShutdown:
		if isCall {
			return reply(ctx, nil, jsonrpc2.Errorf(jsonrpc2.InvalidRequest, "the server is shutting down: only exit is accepted"))
		}
		return nil
	case name == "shutdown":
		s.state.Store(stateShutdown)
		s.cancelAll()
		return reply(ctx, nil, nil)
	}
	m, ok := s.methods[name]
	if !ok {
		if isCall {
			return reply(ctx, nil, jsonrpc2.Errorf(jsonrpc2.MethodNotFound, "method not supported: %s", name))
		}
		return nil // unknown notifications ($/setTrace, ...) are ignored
	}
	if !isCall {
		if m.sync {
			if _, err := m.fn(ctx, params); err != nil {
				s.log.Warnf("%s: %v", name, err)
			}
			return nil
		}
		s.goBackground(name, func(ctx context.Context) {
			if _, err := m.fn(ctx, params); err != nil {
				s.log.Warnf("%s: %v", name, err)
			}
		})
		return nil
	}
	if m.sync {
		res, err := m.fn(ctx, params)
		return reply(ctx, res, toRPCError(err))
	}
	key := idKey(call.ID())
	rctx, cancel := context.WithCancel(s.ctx)
	s.pendingMu.Lock()
	s.pending[key] = cancel
	s.pendingMu.Unlock()
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		defer func() {
			s.pendingMu.Lock()
			delete(s.pending, key)
			s.pendingMu.Unlock()
			cancel()
		}()
		var res any
		var err error
		func() {
			defer func() {
				if r := recover(); r != nil {
					s.log.Errorf("panic in %s: %v\n%s", name, r, debug.Stack())
					res, err = nil, jsonrpc2.Errorf(jsonrpc2.InternalError, "internal error in %s: %v", name, r)
				}
			}()
			res, err = m.fn(rctx, params)
		}()
		if rctx.Err() != nil && s.ctx.Err() == nil {
			res, err = nil, jsonrpc2.Errorf(codeRequestCancelled, "request cancelled")
		}
		// The reply must go out even though rctx is cancelled.
		if werr := reply(context.WithoutCancel(ctx), res, toRPCError(err)); werr != nil {
			s.log.Debugf("reply to %s: %v", name, werr)
		}
	}()
	return nil
}

// idKey renders a request id as it appears in JSON (numbers bare,
// strings quoted), the form $/cancelRequest's id is compared in.
func idKey(id jsonrpc2.ID) string {
	b, _ := id.MarshalJSON()
	return string(b)
}

func (s *Server) cancelRequest(params json.RawMessage) {
	var p struct {
		ID json.RawMessage `json:"id"`
	}
	if json.Unmarshal(params, &p) != nil || len(p.ID) == 0 {
		return
	}
	// Normalise 7.0 to 7 and "x" stays "x".
	key := string(p.ID)
	var f float64
	if json.Unmarshal(p.ID, &f) == nil && f == float64(int64(f)) {
		key = fmt.Sprint(int64(f))
	}
	s.pendingMu.Lock()
	cancel := s.pending[key]
	s.pendingMu.Unlock()
	if cancel != nil {
		cancel()
	}
}

func (s *Server) cancelAll() {
	s.pendingMu.Lock()
	for _, c := range s.pending {
		c()
	}
	s.pendingMu.Unlock()
}

// goBackground runs f on its own goroutine, recovering panics; Serve
// waits for it before returning.
func (s *Server) goBackground(name string, f func(ctx context.Context)) {
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		defer func() {
			if r := recover(); r != nil {
				s.log.Errorf("panic in %s: %v\n%s", name, r, debug.Stack())
			}
		}()
		f(s.ctx)
	}()
}

// toRPCError keeps jsonrpc2 errors and codes everything else as
// InternalError (jsonrpc2 would send code 0).
func toRPCError(err error) error {
	if err == nil {
		return nil
	}
	var e *jsonrpc2.Error
	if errors.As(err, &e) {
		return e
	}
	if errors.Is(err, context.Canceled) {
		return jsonrpc2.Errorf(codeRequestCancelled, "request cancelled")
	}
	return jsonrpc2.Errorf(jsonrpc2.InternalError, "%v", err)
}

// invalidParams is the error for params that do not decode.
func invalidParams(method string, err error) error {
	return jsonrpc2.Errorf(jsonrpc2.InvalidParams, "%s: invalid params: %v", method, err)
}

// decode unmarshals params into v, reporting InvalidParams.
func decode(method string, params json.RawMessage, v any) error {
	if len(params) == 0 || string(params) == "null" {
		return invalidParams(method, errors.New("params are missing"))
	}
	if err := json.Unmarshal(params, v); err != nil {
		return invalidParams(method, err)
	}
	return nil
}

// notify sends a notification to the client; errors (a closed stream) are
// logged at debug level.
func (s *Server) notify(method string, params any) {
	if err := s.conn.Notify(context.WithoutCancel(s.ctx), method, params); err != nil {
		s.log.Debugf("notify %s: %v", method, err)
	}
}

// call sends a request to the client and waits for its answer.
func (s *Server) call(ctx context.Context, method string, params, result any) error {
	_, err := s.conn.Call(ctx, method, params, result)
	return err
}
