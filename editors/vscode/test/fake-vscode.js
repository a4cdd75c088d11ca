// A fake `vscode` module: just enough of the VS Code API for
// vscode-languageclient 9 (inside dist/extension.js) to start the real
// server, sync documents and show diagnostics, without downloading VS Code.
// install() hooks Module._load so require("vscode") returns it. Every name
// the code under test reads that the fake lacks is recorded in `missing`.
"use strict";
const Module = require("module");
const path = require("path");
const { URL, pathToFileURL, fileURLToPath } = require("url");

const missing = new Set();

// strict wraps a namespace so reads of absent properties are recorded.
function strict(name, obj) {
  return new Proxy(obj, {
    get(target, prop, receiver) {
      if (typeof prop === "string" && !(prop in target) && prop !== "then" && prop !== "toJSON" && prop !== "__esModule") {
        missing.add(`${name}.${prop}`);
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}

class Disposable {
  constructor(fn) {
    this._fn = fn;
  }
  static from(...items) {
    return new Disposable(() => items.forEach((d) => d && d.dispose && d.dispose()));
  }
  dispose() {
    if (this._fn) {
      const fn = this._fn;
      this._fn = undefined;
      fn();
    }
  }
}

class EventEmitter {
  constructor() {
    this._listeners = new Set();
    this.event = (listener, thisArg, disposables) => {
      const entry = thisArg ? listener.bind(thisArg) : listener;
      this._listeners.add(entry);
      const d = new Disposable(() => this._listeners.delete(entry));
      if (Array.isArray(disposables)) disposables.push(d);
      return d;
    };
  }
  fire(value) {
    for (const l of [...this._listeners]) {
      try {
        l(value);
      } catch (err) {
        console.error("listener failed:", err);
      }
    }
  }
  dispose() {
    this._listeners.clear();
  }
}

class Uri {
  constructor(scheme, authority, p, query, fragment) {
    this.scheme = scheme;
    this.authority = authority || "";
    this.path = p || "/";
    this.query = query || "";
    this.fragment = fragment || "";
  }
  static parse(value) {
    const u = new URL(value);
    return new Uri(u.protocol.replace(/:$/, ""), u.host, decodeURIComponent(u.pathname), u.search.replace(/^\?/, ""), u.hash.replace(/^#/, ""));
  }
  static file(p) {
    return new Uri("file", "", path.resolve(p));
  }
  static joinPath(base, ...parts) {
    return base.with({ path: path.posix.join(base.path, ...parts) });
  }
  static from(c) {
    return new Uri(c.scheme, c.authority, c.path, c.query, c.fragment);
  }
  get fsPath() {
    return this.scheme === "file" ? fileURLToPath(this.toString()) : this.path;
  }
  with(change) {
    return new Uri(change.scheme ?? this.scheme, change.authority ?? this.authority, change.path ?? this.path, change.query ?? this.query, change.fragment ?? this.fragment);
  }
  toString() {
    if (this.scheme === "file") {
      return pathToFileURL(this.path).toString();
    }
    let s = `${this.scheme}:`;
    if (this.authority) s += `//${this.authority}`;
    s += this.path.split("/").map(encodeURIComponent).join("/");
    if (this.query) s += `?${this.query}`;
    if (this.fragment) s += `#${this.fragment}`;
    return s;
  }
  toJSON() {
    return { scheme: this.scheme, authority: this.authority, path: this.path, query: this.query, fragment: this.fragment };
  }
}

class Position {
  constructor(line, character) {
    this.line = line;
    this.character = character;
  }
  isBefore(o) {
    return this.line < o.line || (this.line === o.line && this.character < o.character);
  }
  isEqual(o) {
    return this.line === o.line && this.character === o.character;
  }
}

class Range {
  constructor(a, b, c, d) {
    if (typeof a === "number") {
      this.start = new Position(a, b);
      this.end = new Position(c, d);
    } else {
      this.start = a;
      this.end = b;
    }
  }
  get isEmpty() {
    return this.start.isEqual(this.end);
  }
}

class Location {
  constructor(uri, rangeOrPosition) {
    this.uri = uri;
    this.range = rangeOrPosition instanceof Position ? new Range(rangeOrPosition, rangeOrPosition) : rangeOrPosition;
  }
}

const DiagnosticSeverity = { Error: 0, Warning: 1, Information: 2, Hint: 3 };
const DiagnosticTag = { Unnecessary: 1, Deprecated: 2 };

class Diagnostic {
  constructor(range, message, severity) {
    this.range = range;
    this.message = message;
    this.severity = severity ?? DiagnosticSeverity.Error;
  }
}

class DiagnosticRelatedInformation {
  constructor(location, message) {
    this.location = location;
    this.message = message;
  }
}

class MarkdownString {
  constructor(value = "", supportThemeIcons = false) {
    this.value = value;
    this.supportThemeIcons = supportThemeIcons;
  }
  appendMarkdown(v) {
    this.value += v;
    return this;
  }
  appendText(v) {
    this.value += v;
    return this;
  }
  appendCodeblock(code, lang = "") {
    this.value += "\n```" + lang + "\n" + code + "\n```\n";
    return this;
  }
}

class Hover {
  constructor(contents, range) {
    this.contents = Array.isArray(contents) ? contents : [contents];
    this.range = range;
  }
}

class CompletionItem {
  constructor(label, kind) {
    this.label = label;
    this.kind = kind;
  }
}

class CompletionList {
  constructor(items = [], isIncomplete = false) {
    this.items = items;
    this.isIncomplete = isIncomplete;
  }
}

class SnippetString {
  constructor(value = "") {
    this.value = value;
  }
}

class TextEdit {
  constructor(range, newText) {
    this.range = range;
    this.newText = newText;
  }
  static replace(range, newText) {
    return new TextEdit(range, newText);
  }
}

class WorkspaceEdit {
  constructor() {
    this._edits = [];
  }
  replace(uri, range, newText) {
    this._edits.push({ uri, edit: new TextEdit(range, newText) });
  }
  set(uri, edits) {
    for (const e of edits) this._edits.push({ uri, edit: e });
  }
  entries() {
    return this._edits.map((e) => [e.uri, [e.edit]]);
  }
}

class CodeActionKind {
  constructor(value) {
    this.value = value;
  }
  append(part) {
    return new CodeActionKind(this.value ? `${this.value}.${part}` : part);
  }
  contains(other) {
    return this.value === other.value || other.value.startsWith(this.value + ".");
  }
}
for (const [k, v] of Object.entries({ Empty: "", QuickFix: "quickfix", Refactor: "refactor", RefactorExtract: "refactor.extract", RefactorInline: "refactor.inline", RefactorRewrite: "refactor.rewrite", Source: "source", SourceOrganizeImports: "source.organizeImports", SourceFixAll: "source.fixAll" })) {
  CodeActionKind[k] = new CodeActionKind(v);
}

class CodeAction {
  constructor(title, kind) {
    this.title = title;
    this.kind = kind;
  }
}

class CodeLens {
  constructor(range, command) {
    this.range = range;
    this.command = command;
  }
  get isResolved() {
    return !!this.command;
  }
}

class DocumentLink {
  constructor(range, target) {
    this.range = range;
    this.target = target;
  }
}

class InlayHint {
  constructor(position, label, kind) {
    this.position = position;
    this.label = label;
    this.kind = kind;
  }
}

class SymbolInformation {
  constructor(name, kind, containerName, location) {
    this.name = name;
    this.kind = kind;
    this.containerName = containerName;
    this.location = location;
  }
}

class DocumentSymbol {
  constructor(name, detail, kind, range, selectionRange) {
    Object.assign(this, { name, detail, kind, range, selectionRange, children: [] });
  }
}

class CallHierarchyItem {
  constructor(kind, name, detail, uri, range, selectionRange) {
    Object.assign(this, { kind, name, detail, uri, range, selectionRange });
  }
}

class TypeHierarchyItem {
  constructor(kind, name, detail, uri, range, selectionRange) {
    Object.assign(this, { kind, name, detail, uri, range, selectionRange });
  }
}

class DocumentHighlight {
  constructor(range, kind) {
    this.range = range;
    this.kind = kind;
  }
}

class FoldingRange {
  constructor(start, end, kind) {
    Object.assign(this, { start, end, kind });
  }
}

class SelectionRange {
  constructor(range, parent) {
    this.range = range;
    this.parent = parent;
  }
}

class CancellationError extends Error {
  constructor() {
    super("Canceled");
    this.name = "Canceled";
  }
}

class CancellationTokenSource {
  constructor() {
    const emitter = new EventEmitter();
    this.token = { isCancellationRequested: false, onCancellationRequested: emitter.event };
    this._emitter = emitter;
  }
  cancel() {
    if (!this.token.isCancellationRequested) {
      this.token.isCancellationRequested = true;
      this._emitter.fire(undefined);
    }
  }
  dispose() {
    this._emitter.dispose();
  }
}

class RelativePattern {
  constructor(base, pattern) {
    this.baseUri = typeof base === "string" ? Uri.file(base) : base.uri ?? base;
    this.base = this.baseUri.fsPath;
    this.pattern = pattern;
  }
}

class TabInputText {
  constructor(uri) {
    this.uri = uri;
  }
}
class TabInputTextDiff {
  constructor(original, modified) {
    this.original = original;
    this.modified = modified;
  }
}
class TabInputCustom {
  constructor(uri, viewType) {
    this.uri = uri;
    this.viewType = viewType;
  }
}

// Simple glob for document selectors: ** (any path), * (no slash), ?.
function globToRegExp(glob) {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*" && glob[i + 1] === "*") {
      re += ".*";
      i++;
      if (glob[i + 1] === "/") i++;
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else re += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

function matchScore(selector, doc) {
  if (Array.isArray(selector)) {
    return Math.max(0, ...selector.map((s) => matchScore(s, doc)));
  }
  if (typeof selector === "string") {
    return selector === doc.languageId ? 10 : selector === "*" ? 5 : 0;
  }
  if (selector.notebookType) return 0;
  let score = 0;
  if (selector.language) {
    if (selector.language === doc.languageId) score = 10;
    else if (selector.language === "*") score = 5;
    else return 0;
  }
  if (selector.scheme) {
    if (selector.scheme === doc.uri.scheme) score = Math.max(score, 10);
    else if (selector.scheme === "*") score = Math.max(score, 5);
    else return 0;
  }
  if (selector.pattern) {
    const p = typeof selector.pattern === "string" ? selector.pattern : selector.pattern.pattern;
    const base = typeof selector.pattern === "string" ? "" : selector.pattern.base + "/";
    if (globToRegExp(base + p).test(doc.uri.fsPath) || globToRegExp(p).test(doc.uri.fsPath)) score = Math.max(score, 10);
    else return 0;
  }
  return score;
}

// A text document with the parts the client reads.
class TextDocument {
  constructor(uri, languageId, text) {
    this.uri = uri;
    this.fileName = uri.fsPath;
    this.languageId = languageId;
    this.version = 1;
    this.isDirty = false;
    this.isClosed = false;
    this.isUntitled = uri.scheme === "untitled";
    this.eol = 1;
    this._text = text;
  }
  get lineCount() {
    return this._text.split("\n").length;
  }
  getText(range) {
    if (!range) return this._text;
    return this._text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }
  offsetAt(pos) {
    const lines = this._text.split("\n");
    let off = 0;
    for (let i = 0; i < pos.line && i < lines.length; i++) off += lines[i].length + 1;
    return off + Math.min(pos.character, (lines[pos.line] ?? "").length);
  }
  positionAt(offset) {
    const before = this._text.slice(0, offset).split("\n");
    return new Position(before.length - 1, before[before.length - 1].length);
  }
  lineAt(line) {
    const text = this._text.split("\n")[typeof line === "number" ? line : line.line];
    return { text, range: new Range(line, 0, line, text.length) };
  }
  getWordRangeAtPosition(pos) {
    const text = this.lineAt(pos.line).text;
    const re = /[A-Za-z_][A-Za-z0-9_'-]*/g;
    let m;
    while ((m = re.exec(text))) {
      if (m.index <= pos.character && pos.character <= m.index + m[0].length) {
        return new Range(pos.line, m.index, pos.line, m.index + m[0].length);
      }
    }
    return undefined;
  }
  validateRange(r) {
    return r;
  }
  validatePosition(p) {
    return p;
  }
  save() {
    return Promise.resolve(true);
  }
}

// createFake builds a fresh vscode API with the given configuration tree
// ({"flake-lsp": {...}}) and workspace folder.
function createFake({ settings = {}, folder } = {}) {
  const events = {};
  const ev = (name) => (events[name] = events[name] || new EventEmitter());
  const state = {
    settings,
    documents: [],
    tabs: [],
    activeTextEditor: undefined,
    diagnostics: new Map(), // uri string -> { name, diagnostics }
    diagnosticsChanged: new EventEmitter(),
    messages: [], // { type, message }
    commands: new Map(),
    output: [],
    registrations: [], // languages.register* calls: [name, selector, provider]
    terminals: [], // { name, cwd, sent: [text] }
  };

  const lookup = (key) => {
    let node = state.settings;
    for (const part of key.split(".")) {
      if (node === undefined || node === null || typeof node !== "object") return undefined;
      node = node[part];
    }
    return node;
  };

  function getConfiguration(section, _scope) {
    const prefix = section ? `${section}.` : "";
    const cfg = {
      get(key, def) {
        const v = lookup(prefix + key);
        return v === undefined ? def : JSON.parse(JSON.stringify(v));
      },
      has(key) {
        return lookup(prefix + key) !== undefined;
      },
      inspect(key) {
        return { key: prefix + key, globalValue: lookup(prefix + key) };
      },
      update() {
        return Promise.resolve();
      },
    };
    return strict("WorkspaceConfiguration", cfg);
  }

  const folders = folder ? [{ uri: Uri.file(folder), name: path.basename(folder), index: 0 }] : undefined;

  const workspace = {
    get workspaceFolders() {
      return folders;
    },
    get rootPath() {
      return folder;
    },
    name: folder ? path.basename(folder) : undefined,
    getConfiguration,
    getWorkspaceFolder(uri) {
      return folders && folders.find((f) => uri.fsPath.startsWith(f.uri.fsPath));
    },
    get textDocuments() {
      return state.documents.filter((d) => !d.isClosed);
    },
    notebookDocuments: [],
    onDidChangeConfiguration: ev("config").event,
    onDidOpenTextDocument: ev("open").event,
    onDidCloseTextDocument: ev("close").event,
    onDidChangeTextDocument: ev("change").event,
    onDidSaveTextDocument: ev("save").event,
    onWillSaveTextDocument: ev("willSave").event,
    onDidChangeWorkspaceFolders: ev("folders").event,
    onDidOpenNotebookDocument: ev("nbOpen").event,
    onDidCloseNotebookDocument: ev("nbClose").event,
    onDidChangeNotebookDocument: ev("nbChange").event,
    onDidSaveNotebookDocument: ev("nbSave").event,
    onDidCreateFiles: ev("createFiles").event,
    onDidRenameFiles: ev("renameFiles").event,
    onDidDeleteFiles: ev("deleteFiles").event,
    onWillCreateFiles: ev("willCreateFiles").event,
    onWillRenameFiles: ev("willRenameFiles").event,
    onWillDeleteFiles: ev("willDeleteFiles").event,
    createFileSystemWatcher(glob) {
      state.watchers = (state.watchers || []).concat([glob]);
      return {
        onDidCreate: new EventEmitter().event,
        onDidChange: new EventEmitter().event,
        onDidDelete: new EventEmitter().event,
        ignoreCreateEvents: false,
        ignoreChangeEvents: false,
        ignoreDeleteEvents: false,
        dispose() {},
      };
    },
    applyEdit() {
      return Promise.resolve(true);
    },
    fs: {},
  };

  const tabGroups = {
    get all() {
      return [{ isActive: true, viewColumn: 1, tabs: state.tabs }];
    },
    get activeTabGroup() {
      return this.all[0];
    },
    onDidChangeTabs: ev("tabs").event,
    onDidChangeTabGroups: ev("tabGroups").event,
  };

  function outputChannel(name) {
    return strict("OutputChannel", {
      name,
      append(v) {
        state.output.push(v);
        if (process.env.FAKE_VSCODE_VERBOSE) process.stderr.write(`[${name}] ${v}`);
      },
      appendLine(v) {
        this.append(v + "\n");
      },
      replace(v) {
        state.output.push(v);
      },
      clear() {},
      show() {},
      hide() {},
      dispose() {},
    });
  }

  const message = (type) => (msg, ...items) => {
    state.messages.push({ type, message: msg, items: items.filter((i) => typeof i === "string") });
    return Promise.resolve(undefined);
  };

  const window = {
    createOutputChannel: outputChannel,
    get terminals() {
      return state.terminals;
    },
    createTerminal(opts) {
      const term = { name: opts.name, cwd: opts.cwd, exitStatus: undefined, sent: [], shown: false, show() { this.shown = true; }, sendText(text) { this.sent.push(text); }, dispose() {} };
      state.terminals.push(term);
      return term;
    },
    showErrorMessage: message("error"),
    showWarningMessage: message("warning"),
    showInformationMessage: message("info"),
    get activeTextEditor() {
      return state.activeTextEditor;
    },
    get visibleTextEditors() {
      return state.activeTextEditor ? [state.activeTextEditor] : [];
    },
    onDidChangeActiveTextEditor: ev("activeEditor").event,
    onDidChangeVisibleTextEditors: ev("visibleEditors").event,
    tabGroups: strict("TabGroups", tabGroups),
    withProgress(_options, task) {
      return Promise.resolve(task({ report() {} }, new CancellationTokenSource().token));
    },
    showTextDocument(doc) {
      return Promise.resolve({ document: doc });
    },
  };

  const register = (name) => (selector, provider) => {
    state.registrations.push([name, selector, provider]);
    return new Disposable(() => {
      state.registrations = state.registrations.filter((r) => r[2] !== provider);
    });
  };

  const languages = {
    match: matchScore,
    createDiagnosticCollection(name) {
      const mine = new Map();
      const coll = {
        name,
        set(uri, diags) {
          if (Array.isArray(uri)) {
            for (const [u, d] of uri) this.set(u, d);
            return;
          }
          mine.set(uri.toString(), diags || []);
          state.diagnostics.set(uri.toString(), { name, diagnostics: diags || [] });
          state.diagnosticsChanged.fire(uri.toString());
        },
        get(uri) {
          return mine.get(uri.toString());
        },
        has(uri) {
          return mine.has(uri.toString());
        },
        delete(uri) {
          mine.delete(uri.toString());
          state.diagnostics.delete(uri.toString());
          state.diagnosticsChanged.fire(uri.toString());
        },
        clear() {
          for (const k of mine.keys()) state.diagnostics.delete(k);
          mine.clear();
        },
        forEach(cb) {
          mine.forEach((d, k) => cb(Uri.parse(k), d, coll));
        },
        dispose() {
          this.clear();
        },
      };
      return strict("DiagnosticCollection", coll);
    },
    getLanguages() {
      return Promise.resolve(["nix", "json"]);
    },
  };
  for (const n of ["Hover", "Completion", "Definition", "Declaration", "TypeDefinition", "Implementation", "Reference", "DocumentHighlight", "DocumentSymbol", "WorkspaceSymbol", "CodeActions", "CodeLens", "DocumentFormattingEdit", "DocumentRangeFormattingEdit", "OnTypeFormattingEdit", "Rename", "DocumentLink", "Color", "FoldingRange", "SelectionRange", "CallHierarchy", "TypeHierarchy", "SignatureHelp", "DocumentSemanticTokens", "DocumentRangeSemanticTokens", "LinkedEditingRange", "InlayHints", "InlineValues", "InlineCompletionItem"]) {
    languages[`register${n}Provider`] = register(n);
  }
  languages.registerCompletionItemProvider = register("Completion");

  const commands = {
    registerCommand(id, fn) {
      if (state.commands.has(id)) throw new Error(`command '${id}' already exists`);
      state.commands.set(id, fn);
      return new Disposable(() => state.commands.delete(id));
    },
    executeCommand(id, ...args) {
      const fn = state.commands.get(id);
      return Promise.resolve(fn ? fn(...args) : undefined);
    },
    getCommands() {
      return Promise.resolve([...state.commands.keys()]);
    },
  };

  const vscode = {
    version: "1.82.0",
    env: strict("env", { appName: "Visual Studio Code", language: "en", machineId: "fake", sessionId: "fake", uriScheme: "vscode", remoteName: undefined, openExternal: () => Promise.resolve(true) }),
    workspace: strict("workspace", workspace),
    window: strict("window", window),
    languages: strict("languages", languages),
    commands: strict("commands", commands),
    extensions: strict("extensions", { all: [], getExtension: () => undefined }),
    Uri,
    EventEmitter,
    Disposable,
    Position,
    Range,
    Location,
    Diagnostic,
    DiagnosticSeverity,
    DiagnosticTag,
    DiagnosticRelatedInformation,
    MarkdownString,
    Hover,
    CompletionItem,
    CompletionList,
    CompletionItemKind: Object.fromEntries(["Text", "Method", "Function", "Constructor", "Field", "Variable", "Class", "Interface", "Module", "Property", "Unit", "Value", "Enum", "Keyword", "Snippet", "Color", "File", "Reference", "Folder", "EnumMember", "Constant", "Struct", "Event", "Operator", "TypeParameter", "User", "Issue"].map((k, i) => [k, i])),
    CompletionItemTag: { Deprecated: 1 },
    CompletionTriggerKind: { Invoke: 0, TriggerCharacter: 1, TriggerForIncompleteCompletions: 2 },
    SnippetString,
    TextEdit,
    WorkspaceEdit,
    CodeAction,
    CodeActionKind,
    CodeLens,
    DocumentLink,
    InlayHint,
    SymbolInformation,
    DocumentSymbol,
    CallHierarchyItem,
    TypeHierarchyItem,
    DocumentHighlight,
    FoldingRange,
    SelectionRange,
    CodeActionTriggerKind: { Invoke: 1, Automatic: 2 },
    CancellationError,
    CancellationTokenSource,
    RelativePattern,
    TabInputText,
    TabInputTextDiff,
    TabInputCustom,
    ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
    TextDocumentSaveReason: { Manual: 1, AfterDelay: 2, FocusOut: 3 },
    SymbolKind: Object.fromEntries(["File", "Module", "Namespace", "Package", "Class", "Method", "Property", "Field", "Constructor", "Enum", "Interface", "Function", "Variable", "Constant", "String", "Number", "Boolean", "Array", "Object", "Key", "Null", "EnumMember", "Struct", "Event", "Operator", "TypeParameter"].map((k, i) => [k, i])),
    SymbolTag: { Deprecated: 1 },
    DocumentHighlightKind: { Text: 0, Read: 1, Write: 2 },
    FoldingRangeKind: { Comment: 1, Imports: 2, Region: 3 },
    SignatureHelpTriggerKind: { Invoke: 1, TriggerCharacter: 2, ContentChange: 3 },
    FileType: { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 },
    NotebookCellKind: { Markup: 1, Code: 2 },
    UIKind: { Desktop: 1, Web: 2 },
    EndOfLine: { LF: 1, CRLF: 2 },
    ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
  };

  // Test helpers: what a user does in the editor.
  const helpers = {
    state,
    missing,
    // Opens a document in an editor tab: tab event first, then the
    // document open event (VS Code's order).
    openDocument(file, languageId, text) {
      const doc = new TextDocument(Uri.file(file), languageId, text);
      state.documents.push(doc);
      const tab = { input: new TabInputText(doc.uri), label: path.basename(file), isActive: true, isDirty: false, isPinned: false, isPreview: false };
      state.tabs.push(tab);
      ev("tabs").fire({ opened: [tab], closed: [], changed: [] });
      ev("open").fire(doc);
      state.activeTextEditor = { document: doc, selection: new Range(0, 0, 0, 0), selections: [], visibleRanges: [], options: {}, viewColumn: 1 };
      ev("activeEditor").fire(state.activeTextEditor);
      return doc;
    },
    // Replaces the text in range with newText (an incremental change).
    editDocument(doc, range, newText) {
      const rangeOffset = doc.offsetAt(range.start);
      const rangeLength = doc.offsetAt(range.end) - rangeOffset;
      doc._text = doc._text.slice(0, rangeOffset) + newText + doc._text.slice(rangeOffset + rangeLength);
      doc.version++;
      doc.isDirty = true;
      ev("change").fire({ document: doc, contentChanges: [{ range, rangeOffset, rangeLength, text: newText }], reason: undefined });
    },
    // Changes settings and fires onDidChangeConfiguration.
    setSettings(next) {
      const before = JSON.stringify;
      const prev = state.settings;
      state.settings = next;
      const at = (tree, key) => key.split(".").reduce((n, k) => (n && typeof n === "object" ? n[k] : undefined), tree);
      ev("config").fire({ affectsConfiguration: (s) => before(at(prev, s)) !== before(at(next, s)) });
    },
    // Resolves with the diagnostics of uri once pred(diagnostics) holds.
    waitForDiagnostics(uri, pred, timeoutMs = 15000) {
      const key = uri.toString();
      return new Promise((resolve, reject) => {
        const check = () => {
          const entry = state.diagnostics.get(key);
          if (entry && pred(entry.diagnostics)) {
            clearTimeout(timer);
            sub.dispose();
            resolve(entry.diagnostics);
            return true;
          }
          return false;
        };
        const sub = state.diagnosticsChanged.event((k) => k === key && check());
        const timer = setTimeout(() => {
          sub.dispose();
          reject(new Error(`no matching diagnostics for ${key} within ${timeoutMs} ms; have ${JSON.stringify(state.diagnostics.get(key))}`));
        }, timeoutMs);
        check();
      });
    },
  };
  return { vscode: strict("vscode", vscode), helpers };
}

// install hooks require("vscode") to return the fake; returns an uninstall
// function.
function install(fake) {
  const original = Module._load;
  Module._load = function (request, parent, isMain) {
    if (request === "vscode") return fake;
    return original.call(this, request, parent, isMain);
  };
  return () => {
    Module._load = original;
  };
}

module.exports = { createFake, install, Uri, missing };
