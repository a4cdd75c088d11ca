package lsp

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	"go.lsp.dev/jsonrpc2"
)

// maxMessage bounds one message's body; a larger Content-Length is
// answered with an error and its body skipped, not allocated.
const maxMessage = 256 << 20

// stream frames LSP messages (Content-Length headers) like jsonrpc2's own
// stream, but survives malformed input: jsonrpc2's stream returns an error
// for a bad header or body, and its connection then shuts down. Here a
// malformed message is answered with a JSON-RPC error (id null) and
// reading goes on; only end of input or a broken pipe ends the stream.
//
// Writes are queued and written by one goroutine of the stream's own, so
// that no goroutine of the server ever blocks on the client reading: a
// handler on the reading goroutine that sends a notification while the
// client is itself blocked writing to us (a client that answers our
// requests from its reading loop) would otherwise deadlock both ends.
type stream struct {
	conn io.ReadWriteCloser
	in   *bufio.Reader
	log  func(format string, args ...any)

	mu      sync.Mutex
	cond    *sync.Cond
	queue   [][]byte // framed messages not yet written
	queued  int      // their bytes
	closing bool
	err     error         // the first write error; later writes fail with it
	written chan struct{} // closed when the writer has stopped
}

// maxQueued bounds the bytes waiting for a client that does not read;
// past it Write waits (a client that never reads gets nothing anyway).
const maxQueued = 64 << 20

func newStream(conn io.ReadWriteCloser, log func(string, ...any)) *stream {
	s := &stream{conn: conn, in: bufio.NewReaderSize(conn, 64<<10), log: log, written: make(chan struct{})}
	s.cond = sync.NewCond(&s.mu)
	go s.writer()
	return s
}

// writer writes queued messages in order until the stream is closed and
// the queue drained, or a write fails.
func (s *stream) writer() {
	defer close(s.written)
	for {
		s.mu.Lock()
		for len(s.queue) == 0 && !s.closing {
			s.cond.Wait()
		}
		batch := s.queue
		s.queue = nil
		s.queued = 0
		s.cond.Broadcast() // room for writers waiting on maxQueued
		s.mu.Unlock()
		if len(batch) == 0 {
			return // closing, nothing left
		}
		for _, frame := range batch {
			if _, err := s.conn.Write(frame); err != nil {
				s.mu.Lock()
				s.err = err
				s.queue, s.queued = nil, 0
				s.cond.Broadcast()
				s.mu.Unlock()
				return
			}
		}
	}
}

func (s *stream) Read(ctx context.Context) (jsonrpc2.Message, int64, error) {
	for {
		if err := ctx.Err(); err != nil {
			return nil, 0, err
		}
		body, n, err := s.readFrame()
		if err != nil {
			return nil, n, err
		}
		if body == nil {
			continue // a framing error, already answered
		}
		msg, err := decodeMessage(body)
		if err != nil {
			s.log("malformed message: %v", err)
			s.writeError(err)
			continue
		}
		return msg, n, nil
	}
}

// errFraming marks a recoverable problem with one message's header.
var errFraming = errors.New("framing")

// readFrame reads one message; it returns a nil body (and no error) for a
// message it answered with an error itself.
func (s *stream) readFrame() ([]byte, int64, error) {
	var total, length int64 = 0, -1
	bad, headers := "", 0
	for {
		line, err := s.in.ReadString('\n')
		total += int64(len(line))
		if err != nil {
			if err == io.EOF && total == 0 {
				return nil, total, io.EOF
			}
			if err == io.EOF {
				return nil, total, io.ErrUnexpectedEOF
			}
			return nil, total, err
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			if headers == 0 {
				continue // stray blank line between messages
			}
			break
		}
		headers++
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			bad = fmt.Sprintf("invalid header line %q", truncate(line, 80))
			continue
		}
		if strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			v, err := strconv.ParseInt(strings.TrimSpace(value), 10, 64)
			if err != nil || v < 0 {
				bad = fmt.Sprintf("invalid Content-Length %q", truncate(value, 40))
				continue
			}
			length = v
		}
	}
	switch {
	case length < 0 && bad == "":
		bad = "missing Content-Length header"
	case length > maxMessage:
		if _, err := io.CopyN(io.Discard, s.in, length); err != nil {
			return nil, total, err
		}
		bad = fmt.Sprintf("message of %d bytes exceeds the limit of %d", length, maxMessage)
	}
	if bad != "" {
		if length > 0 && length <= maxMessage {
			if _, err := io.CopyN(io.Discard, s.in, length); err != nil {
				return nil, total, err
			}
		}
		s.log("%s", bad)
		s.writeError(fmt.Errorf("%w: %s", errFraming, bad))
		return nil, total, nil
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(s.in, body); err != nil {
		return nil, total, io.ErrUnexpectedEOF
	}
	return body, total + length, nil
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n] + "..."
	}
	return s
}

// decodeMessage checks the envelope before jsonrpc2 decodes it, so that a
// message jsonrpc2 would misread (a fractional or huge id, a non-string
// method) gets a precise error.
func decodeMessage(body []byte) (jsonrpc2.Message, error) {
	var env struct {
		ID     json.RawMessage `json:"id"`
		Method json.RawMessage `json:"method"`
		Params json.RawMessage `json:"params"`
		Result json.RawMessage `json:"result"`
		Error  json.RawMessage `json:"error"`
	}
	if err := json.Unmarshal(body, &env); err != nil {
		return nil, &jsonrpc2.Error{Code: jsonrpc2.ParseError, Message: "parse error: " + err.Error()}
	}
	if len(env.ID) > 0 && string(env.ID) != "null" {
		var id jsonrpc2.ID
		if err := id.UnmarshalJSON(env.ID); err != nil {
			return nil, &jsonrpc2.Error{Code: jsonrpc2.InvalidRequest, Message: "invalid request id " + truncate(string(env.ID), 40)}
		}
	}
	if len(env.Method) > 0 {
		var m string
		if err := json.Unmarshal(env.Method, &m); err != nil {
			return nil, &jsonrpc2.Error{Code: jsonrpc2.InvalidRequest, Message: "method is not a string"}
		}
	}
	if len(env.Params) > 0 && env.Params[0] != '{' && env.Params[0] != '[' && string(env.Params) != "null" {
		return nil, &jsonrpc2.Error{Code: jsonrpc2.InvalidRequest, Message: "params must be an object or an array"}
	}
	msg, err := jsonrpc2.DecodeMessage(body)
	if err != nil {
		return nil, &jsonrpc2.Error{Code: jsonrpc2.InvalidRequest, Message: "invalid request: " + err.Error()}
	}
	return msg, nil
}

// writeError answers a message that could not be read; its id is unknown,
// so the response carries id null as JSON-RPC prescribes.
func (s *stream) writeError(err error) {
	var rpcErr *jsonrpc2.Error
	if !errors.As(err, &rpcErr) {
		rpcErr = &jsonrpc2.Error{Code: jsonrpc2.InvalidRequest, Message: err.Error()}
		if errors.Is(err, errFraming) {
			rpcErr.Code = jsonrpc2.ParseError
		}
	}
	data, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": nil, "error": rpcErr})
	s.writeRaw(data)
}

func (s *stream) Write(ctx context.Context, msg jsonrpc2.Message) (int64, error) {
	data, err := encodeMessage(msg)
	if err != nil {
		return 0, fmt.Errorf("marshaling message: %w", err)
	}
	return s.writeRaw(data)
}

// encodeMessage writes a successful response around its already encoded
// result: going through json.Marshal would validate and copy the result
// twice more (jsonrpc2's MarshalJSON re-encodes it, encoding/json then
// compacts that), which for a large completion list costs more than the
// completion itself.
func encodeMessage(msg jsonrpc2.Message) ([]byte, error) {
	if r, ok := msg.(*jsonrpc2.Response); ok && r.Err() == nil {
		id := r.ID()
		idJSON, err := id.MarshalJSON()
		if err != nil {
			return nil, err
		}
		result := r.Result()
		if len(result) == 0 {
			result = json.RawMessage("null")
		}
		data := make([]byte, 0, len(result)+len(idJSON)+40)
		data = append(data, `{"jsonrpc":"2.0","result":`...)
		data = append(data, result...)
		data = append(data, `,"id":`...)
		data = append(data, idJSON...)
		return append(data, '}'), nil
	}
	if m, ok := msg.(json.Marshaler); ok {
		return m.MarshalJSON()
	}
	return json.Marshal(msg)
}

// writeRaw frames data and queues it for the writer.
func (s *stream) writeRaw(data []byte) (int64, error) {
	frame := make([]byte, 0, len(data)+32)
	frame = append(frame, "Content-Length: "...)
	frame = strconv.AppendInt(frame, int64(len(data)), 10)
	frame = append(frame, "\r\n\r\n"...)
	frame = append(frame, data...)
	s.mu.Lock()
	defer s.mu.Unlock()
	for s.queued > maxQueued && s.err == nil && !s.closing {
		s.cond.Wait()
	}
	switch {
	case s.err != nil:
		return 0, s.err
	case s.closing:
		return 0, io.ErrClosedPipe
	}
	s.queue = append(s.queue, frame)
	s.queued += len(frame)
	s.cond.Broadcast()
	return int64(len(frame)), nil
}

// flushTimeout bounds how long Close waits for queued messages to reach a
// client that is not reading.
const flushTimeout = time.Second

// Close writes what is queued (waiting at most flushTimeout) and closes
// the connection.
func (s *stream) Close() error {
	s.mu.Lock()
	s.closing = true
	s.cond.Broadcast()
	s.mu.Unlock()
	select {
	case <-s.written:
	case <-time.After(flushTimeout):
	}
	err := s.conn.Close()
	// A write in progress fails once conn is closed, except on a blocking
	// file (stdout) that only a reader of the other end can release.
	select {
	case <-s.written:
	case <-time.After(flushTimeout):
	}
	return err
}
