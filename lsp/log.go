package lsp

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// Level is a log level, ordered like LSP's MessageType (lower is more
// severe).
type Level int

const (
	LevelError Level = iota + 1
	LevelWarn
	LevelInfo
	LevelDebug
)

// ParseLevel reads error, warn(ing), info or debug.
func ParseLevel(s string) (Level, error) {
	switch strings.ToLower(s) {
	case "error":
		return LevelError, nil
	case "warn", "warning":
		return LevelWarn, nil
	case "info":
		return LevelInfo, nil
	case "debug", "log", "trace":
		return LevelDebug, nil
	}
	return 0, fmt.Errorf("unknown log level %q (use error, warn, info or debug)", s)
}

// Logger writes to a stream (stderr or a file) and, while a session is
// attached, to the client as window/logMessage. Never to stdout, which
// carries the protocol.
type Logger struct {
	mu         sync.Mutex
	w          io.Writer
	level      Level
	server     *Server
	clientOnly bool // while a client gets the messages, w does not
}

// NewLogger logs messages at level or more severe to w.
func NewLogger(w io.Writer, level Level) *Logger {
	return &Logger{w: w, level: level}
}

// NewStderrLogger is NewLogger for standard error: while an initialized
// session is attached, messages go to the client only. Editors show the
// server's standard error in the same place as window/logMessage (VS
// Code's output channel, Neovim's lsp.log), which showed each line twice.
func NewStderrLogger(w io.Writer, level Level) *Logger {
	return &Logger{w: w, level: level, clientOnly: true}
}

func (l *Logger) attach(s *Server) {
	l.mu.Lock()
	l.server = s
	l.mu.Unlock()
}

func (l *Logger) detach() {
	l.mu.Lock()
	l.server = nil
	l.mu.Unlock()
}

func (l *Logger) logf(level Level, format string, args ...any) {
	if l == nil || level > l.level {
		return
	}
	msg := fmt.Sprintf(format, args...)
	l.mu.Lock()
	s := l.server
	toClient := s != nil && s.state.Load() != stateNew
	if !toClient || !l.clientOnly {
		fmt.Fprintf(l.w, "%s %s %s\n", time.Now().Format("15:04:05.000"), [...]string{"", "ERROR", "WARN", "INFO", "DEBUG"}[level], msg)
	}
	l.mu.Unlock()
	if toClient {
		if level == LevelDebug {
			// Editors print messages of type Log (4) bare, without the
			// time and level they give the others.
			msg = "[Debug - " + time.Now().Format("15:04:05.000") + "] " + msg
		}
		// Not s.notify: its own failures are logged, which would recurse.
		_ = s.conn.Notify(context.WithoutCancel(s.ctx), "window/logMessage", map[string]any{"type": int(level), "message": msg})
	}
}

// Errorf logs an error.
func (l *Logger) Errorf(format string, args ...any) { l.logf(LevelError, format, args...) }

// Warnf logs a warning.
func (l *Logger) Warnf(format string, args ...any) { l.logf(LevelWarn, format, args...) }

// Infof logs information.
func (l *Logger) Infof(format string, args ...any) { l.logf(LevelInfo, format, args...) }

// Debugf logs details.
func (l *Logger) Debugf(format string, args ...any) { l.logf(LevelDebug, format, args...) }
