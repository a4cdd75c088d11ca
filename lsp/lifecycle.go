package lsp

import (
	"context"
	"encoding/json"
	"path/filepath"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"github.com/flake-lsp/flake-lsp/position"
)

// clientInfo is what the client said about itself in initialize.
type clientInfo struct {
	name, version        string
	rootPath             string
	pullDiagnostics      bool // textDocument.diagnostic present
	diagnosticRefresh    bool
	relatedInformation   bool
	configuration        bool // workspace/configuration supported
	dynamicConfiguration bool // didChangeConfiguration can be registered
	dynamicWatchers      bool // didChangeWatchedFiles can be registered
	dynamicFormatting    bool // textDocument/formatting can be registered
	workDoneProgress     bool
	markdown             bool
	snippets             bool
}

// initializeParams is the part of InitializeParams the server reads,
// decoded leniently (protocol.InitializeParams rejects a null processId
// written as a string and similar oddities clients do send).
type initializeParams struct {
	ProcessID  any    `json:"processId"`
	RootURI    string `json:"rootUri"`
	RootPath   string `json:"rootPath"`
	ClientInfo *struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	} `json:"clientInfo"`
	InitializationOptions json.RawMessage `json:"initializationOptions"`
	WorkspaceFolders      []struct {
		URI string `json:"uri"`
	} `json:"workspaceFolders"`
	Capabilities struct {
		General struct {
			PositionEncodings []string `json:"positionEncodings"`
		} `json:"general"`
		Workspace struct {
			Configuration          bool `json:"configuration"`
			DidChangeConfiguration struct {
				DynamicRegistration bool `json:"dynamicRegistration"`
			} `json:"didChangeConfiguration"`
			DidChangeWatchedFiles struct {
				DynamicRegistration bool `json:"dynamicRegistration"`
			} `json:"didChangeWatchedFiles"`
			Diagnostics struct {
				RefreshSupport bool `json:"refreshSupport"`
			} `json:"diagnostics"`
		} `json:"workspace"`
		TextDocument struct {
			Diagnostic         *json.RawMessage `json:"diagnostic"`
			PublishDiagnostics struct {
				RelatedInformation bool `json:"relatedInformation"`
			} `json:"publishDiagnostics"`
			Hover struct {
				ContentFormat []string `json:"contentFormat"`
			} `json:"hover"`
			Completion struct {
				CompletionItem struct {
					SnippetSupport bool `json:"snippetSupport"`
				} `json:"completionItem"`
			} `json:"completion"`
			Formatting struct {
				DynamicRegistration bool `json:"dynamicRegistration"`
			} `json:"formatting"`
		} `json:"textDocument"`
		Window struct {
			WorkDoneProgress bool `json:"workDoneProgress"`
		} `json:"window"`
	} `json:"capabilities"`
}

// serverCapabilities adds LSP 3.17 fields protocol v0.12.0 lacks.
type serverCapabilities struct {
	protocol.ServerCapabilities
	// These shadow protocol's fields of the same JSON name (a shallower
	// field wins in encoding/json): its types lack trigger characters.
	CompletionProvider   any                 `json:"completionProvider,omitempty"`
	DocumentLinkProvider any                 `json:"documentLinkProvider,omitempty"`
	PositionEncoding     string              `json:"positionEncoding,omitempty"`
	DiagnosticProvider   *diagnosticProvider `json:"diagnosticProvider,omitempty"`
	InlayHintProvider    any                 `json:"inlayHintProvider,omitempty"`
}

type diagnosticProvider struct {
	Identifier            string `json:"identifier,omitempty"`
	InterFileDependencies bool   `json:"interFileDependencies"`
	WorkspaceDiagnostics  bool   `json:"workspaceDiagnostics"`
}

type initializeResult struct {
	Capabilities serverCapabilities   `json:"capabilities"`
	ServerInfo   *protocol.ServerInfo `json:"serverInfo,omitempty"`
}

func (s *Server) initialize(ctx context.Context, params json.RawMessage) (any, error) {
	var p initializeParams
	if len(params) > 0 && string(params) != "null" {
		if err := json.Unmarshal(params, &p); err != nil {
			return nil, invalidParams("initialize", err)
		}
	}
	c := &s.client
	if p.ClientInfo != nil {
		c.name, c.version = p.ClientInfo.Name, p.ClientInfo.Version
	}
	switch {
	case p.RootURI != "":
		c.rootPath = uriPath(p.RootURI)
	case len(p.WorkspaceFolders) > 0:
		c.rootPath = uriPath(p.WorkspaceFolders[0].URI)
	default:
		c.rootPath = p.RootPath
	}
	caps := p.Capabilities
	c.pullDiagnostics = caps.TextDocument.Diagnostic != nil && string(*caps.TextDocument.Diagnostic) != "null"
	c.diagnosticRefresh = caps.Workspace.Diagnostics.RefreshSupport
	c.relatedInformation = caps.TextDocument.PublishDiagnostics.RelatedInformation
	c.configuration = caps.Workspace.Configuration
	c.dynamicConfiguration = caps.Workspace.DidChangeConfiguration.DynamicRegistration
	c.dynamicWatchers = caps.Workspace.DidChangeWatchedFiles.DynamicRegistration
	c.dynamicFormatting = caps.TextDocument.Formatting.DynamicRegistration
	c.workDoneProgress = caps.Window.WorkDoneProgress
	c.snippets = caps.TextDocument.Completion.CompletionItem.SnippetSupport
	for _, f := range caps.TextDocument.Hover.ContentFormat {
		if f == "markdown" {
			c.markdown = true
		}
	}
	// The client lists encodings by preference; utf-16 when it lists none.
	s.encoding = position.UTF16
	encName := "utf-16"
	for _, e := range caps.General.PositionEncodings {
		if enc, ok := encodings[e]; ok {
			s.encoding, encName = enc, e
			break
		}
	}
	if len(p.InitializationOptions) > 0 && string(p.InitializationOptions) != "null" {
		s.setSettings(p.InitializationOptions, "initializationOptions")
	}
	s.log.Infof("initialize: client %s %s, root %q, position encoding %s, pull diagnostics %v",
		c.name, c.version, c.rootPath, encName, c.pullDiagnostics)

	result := initializeResult{ServerInfo: &protocol.ServerInfo{Name: "flake-lsp", Version: s.opts.Version}}
	result.Capabilities.PositionEncoding = encName
	result.Capabilities.TextDocumentSync = &protocol.TextDocumentSyncOptions{
		OpenClose: true,
		Change:    protocol.TextDocumentSyncKindIncremental,
		Save:      &protocol.SaveOptions{IncludeText: false},
	}
	if c.pullDiagnostics {
		result.Capabilities.DiagnosticProvider = &diagnosticProvider{Identifier: "flake-lsp", InterFileDependencies: true}
	}
	// Formatting only with a formatter to run (configured, or found on
	// PATH); one configured later is registered then, where the client
	// allows it.
	if len(s.formatter()) > 0 {
		result.Capabilities.DocumentFormattingProvider = true
		s.formattingRegistered.Store(true)
	}
	result.Capabilities.CodeActionProvider = map[string]any{"codeActionKinds": []string{"quickfix"}}
	s.addFeatureCapabilities(&result.Capabilities)
	return result, nil
}

var encodings = map[string]position.Encoding{"utf-8": position.UTF8, "utf-16": position.UTF16, "utf-32": position.UTF32}

// initialized registers for configuration changes and lock-file changes
// (when the client allows dynamic registration) and fetches the settings.
func (s *Server) initialized(ctx context.Context, params json.RawMessage) (any, error) {
	s.goBackground("initialized", func(ctx context.Context) {
		var regs []map[string]any
		if s.client.dynamicWatchers {
			regs = append(regs, map[string]any{
				"id": "flake-lsp-watch", "method": "workspace/didChangeWatchedFiles",
				"registerOptions": map[string]any{"watchers": []map[string]any{
					{"globPattern": "**/flake.lock"}, {"globPattern": "**/flake.nix"},
				}},
			})
		}
		if s.client.dynamicConfiguration {
			regs = append(regs, map[string]any{"id": "flake-lsp-config", "method": "workspace/didChangeConfiguration"})
		}
		if len(regs) > 0 {
			if err := s.call(ctx, "client/registerCapability", map[string]any{"registrations": regs}, nil); err != nil {
				s.log.Warnf("client/registerCapability: %v", err)
			}
		}
		s.fetchSettings(ctx)
	})
	return nil, nil
}

// fetchSettings asks the client for section "flake-lsp".
func (s *Server) fetchSettings(ctx context.Context) {
	if !s.client.configuration {
		return
	}
	var res []json.RawMessage
	err := s.call(ctx, "workspace/configuration", map[string]any{
		"items": []map[string]any{{"section": "flake-lsp"}},
	}, &res)
	if err != nil {
		s.log.Warnf("workspace/configuration: %v", err)
		return
	}
	if len(res) > 0 {
		s.setSettings(res[0], "workspace/configuration")
		s.refreshAll()
	}
}

func (s *Server) setSettings(raw json.RawMessage, from string) {
	st, problems := applySettings(raw)
	for _, p := range problems {
		s.log.Warnf("%s: %s", from, p)
	}
	s.settingsMu.Lock()
	s.settings = st
	s.settingsMu.Unlock()
	s.log.Debugf("settings from %s: %s", from, truncate(string(raw), 500))
	if from != "initializationOptions" {
		s.goBackground("register formatting", s.registerFormatting)
	}
}

func (s *Server) currentSettings() Settings {
	s.settingsMu.RLock()
	defer s.settingsMu.RUnlock()
	return s.settings
}

func (s *Server) didChangeConfiguration(ctx context.Context, params json.RawMessage) (any, error) {
	var p struct {
		Settings json.RawMessage `json:"settings"`
	}
	_ = json.Unmarshal(params, &p)
	if s.client.configuration {
		// Pull: the pushed value may be partial or null (VS Code sends
		// null when the server registered for the notification).
		s.goBackground("configuration", s.fetchSettings)
		return nil, nil
	}
	if len(p.Settings) > 0 && string(p.Settings) != "null" {
		s.setSettings(p.Settings, "didChangeConfiguration")
		s.refreshAll()
	}
	return nil, nil
}

// didChangeWatchedFiles: a flake.nix or flake.lock changed on disk;
// re-analyse the open documents of that flake.
func (s *Server) didChangeWatchedFiles(ctx context.Context, params json.RawMessage) (any, error) {
	var p struct {
		Changes []struct {
			URI  string `json:"uri"`
			Type int    `json:"type"`
		} `json:"changes"`
	}
	if err := decode("workspace/didChangeWatchedFiles", params, &p); err != nil {
		return nil, err
	}
	for _, c := range p.Changes {
		path := uriPath(c.URI)
		if path == "" {
			continue
		}
		s.log.Debugf("file changed on disk: %s (%d)", path, c.Type)
		if k := kindOf(c.URI, path); k == kindLock || k == kindFlake {
			s.docs.touchFlake(filepath.Dir(path), nil)
		}
	}
	s.refreshPull()
	return nil, nil
}

// errNotOpen answers requests about documents the client has not opened.
func errNotOpen(uri string) error {
	return jsonrpc2.Errorf(jsonrpc2.InvalidParams, "document not open: %s", uri)
}
