// Spawns the real flake-lsp binary and speaks LSP to it with
// vscode-languageserver-protocol, as vscode-languageclient 9 does: the
// initialize request carries the capabilities the real client computes
// (fixtures/client-capabilities.json, kept equal to them by
// activate.test.js), settings come as initializationOptions and through
// workspace/configuration, diagnostics are pulled, positions are UTF-16.
"use strict";
const assert = require("node:assert/strict");
const cp = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const { pathToFileURL } = require("node:url");
const { test } = require("node:test");
const p = require("vscode-languageserver-protocol/node");
const h = require("./helpers");

const capabilities = require("./fixtures/client-capabilities.json");
const settings = { diagnostics: { ignore: ["url-registry-id"] }, exclude: [], maxFileSize: 2097152, formatter: [] };

test("the server speaks LSP to a VS Code-like client: initialize, pull diagnostics, hover, completion, shutdown, exit", { timeout: 30000 }, async (t) => {
  const bin = h.serverBinary();
  const dir = h.makeFlakeDir();
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const proc = cp.spawn(bin, ["serve", "--stdio", "--log-level", "debug"], { cwd: dir, stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  proc.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise((resolve) => proc.on("exit", (code, signal) => resolve({ code, signal })));
  t.after(() => proc.exitCode === null && proc.kill());

  const conn = p.createProtocolConnection(new p.StreamMessageReader(proc.stdout), new p.StreamMessageWriter(proc.stdin));
  const seen = { configuration: [], registrations: [], logs: [], published: [], refreshes: 0 };
  conn.onRequest(p.ConfigurationRequest.type, (params) => {
    seen.configuration.push(params);
    return params.items.map((item) => (item.section === "flake-lsp" ? settings : null));
  });
  conn.onRequest(p.RegistrationRequest.type, (params) => {
    seen.registrations.push(...params.registrations);
    return null;
  });
  conn.onRequest(p.UnregistrationRequest.type, () => null);
  conn.onRequest(p.WorkDoneProgressCreateRequest.type, () => null);
  conn.onRequest(p.DiagnosticRefreshRequest.type, () => {
    seen.refreshes++;
    return null;
  });
  conn.onNotification(p.LogMessageNotification.type, (m) => seen.logs.push(m.message));
  conn.onNotification(p.PublishDiagnosticsNotification.type, (m) => seen.published.push(m));
  conn.onNotification("$/progress", () => {});
  conn.listen();

  const rootUri = pathToFileURL(dir).toString();
  const init = await conn.sendRequest(p.InitializeRequest.type, {
    processId: process.pid,
    clientInfo: { name: "Visual Studio Code", version: "1.82.0" },
    locale: "en",
    rootPath: dir,
    rootUri,
    capabilities,
    initializationOptions: settings,
    trace: "off",
    workspaceFolders: [{ uri: rootUri, name: path.basename(dir) }],
  });
  assert.equal(init.serverInfo.name, "flake-lsp");
  const caps = init.capabilities;
  assert.ok([undefined, "utf-16"].includes(caps.positionEncoding), `position encoding ${caps.positionEncoding}`);
  assert.equal(caps.textDocumentSync.change, p.TextDocumentSyncKind.Incremental);
  assert.ok(caps.textDocumentSync.openClose);
  assert.ok(caps.diagnosticProvider, "pull diagnostics offered");
  assert.ok(caps.hoverProvider);
  assert.ok(caps.completionProvider);
  await conn.sendNotification(p.InitializedNotification.type, {});

  // The server registers for configuration changes and watched files and
  // asks for section "flake-lsp".
  await h.waitFor(() => seen.configuration.length > 0, 5000, "workspace/configuration");
  assert.deepEqual(seen.configuration[0].items, [{ section: "flake-lsp" }]);
  const methods = seen.registrations.map((r) => r.method).sort();
  assert.deepEqual(methods, ["workspace/didChangeConfiguration", "workspace/didChangeWatchedFiles"]);

  const uri = pathToFileURL(path.join(dir, "flake.nix")).toString();
  await conn.sendNotification(p.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "nix", version: 1, text: h.FLAKE_NIX } });
  const pull = (u = uri, previousResultId) => conn.sendRequest(p.DocumentDiagnosticRequest.type, { textDocument: { uri: u }, identifier: "flake-lsp", previousResultId });

  // The syntax error, at its UTF-16 column on a line with "é" and "🚀".
  const first = await pull();
  assert.equal(first.kind, "full");
  const syntax = first.items.filter((d) => d.code === "syntax-error");
  assert.equal(syntax.length, 1, JSON.stringify(first.items));
  assert.deepEqual(syntax[0].range.start, h.BROKEN);
  assert.equal(syntax[0].severity, p.DiagnosticSeverity.Error);
  assert.ok(!first.items.some((d) => d.code === "url-registry-id"), "ignored code reported");

  // flake.lock opened as JSON, as VS Code does: pulled as well.
  const lockUri = pathToFileURL(path.join(dir, "flake.lock")).toString();
  await conn.sendNotification(p.DidOpenTextDocumentNotification.type, { textDocument: { uri: lockUri, languageId: "json", version: 1, text: h.FLAKE_LOCK } });
  const lockReport = await pull(lockUri);
  assert.equal(lockReport.kind, "full");

  // Hover on `nixpkgs` in inputs.nixpkgs.url: markdown about the input.
  const hover = await conn.sendRequest(p.HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 12 } });
  assert.ok(hover, "hover result");
  assert.equal(hover.contents.kind, "markdown");
  assert.match(hover.contents.value, /nixpkgs/);

  // Completion of a top-level flake attribute.
  const completion = await conn.sendRequest(p.CompletionRequest.type, { textDocument: { uri }, position: { line: 2, character: 2 }, context: { triggerKind: p.CompletionTriggerKind.Invoked } });
  const items = Array.isArray(completion) ? completion : completion.items;
  assert.ok(items.map((i) => i.label).includes("nixConfig"), JSON.stringify(items.map((i) => i.label)));

  // An incremental edit after the non-ASCII text fixes the error.
  await conn.sendNotification(p.DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: h.FIX_AT, end: h.FIX_AT }, rangeLength: 0, text: ";" }],
  });
  const second = await pull(uri, first.resultId);
  assert.equal(second.kind, "full");
  assert.deepEqual(second.items.filter((d) => d.code === "syntax-error"), []);

  // Semantic tokens, with the legend of the capabilities: the first token
  // of the flake is the `description` attribute, a declared property.
  const legend = caps.semanticTokensProvider.legend;
  assert.ok(caps.semanticTokensProvider.full.delta && caps.semanticTokensProvider.range);
  const tokens = await conn.sendRequest(p.SemanticTokensRequest.type, { textDocument: { uri } });
  assert.ok(tokens.data.length > 0 && tokens.data.length % 5 === 0, JSON.stringify(tokens));
  const firstLine = h.FLAKE_NIX.split("\n")[tokens.data[0]];
  const word = firstLine.slice(tokens.data[1], tokens.data[1] + tokens.data[2]);
  assert.ok(/^[a-zA-Z]+$/.test(word), `first token ${JSON.stringify(word)}`);
  assert.equal(legend.tokenTypes[tokens.data[3]], "property");
  const delta = await conn.sendRequest(p.SemanticTokensDeltaRequest.type, { textDocument: { uri }, previousResultId: tokens.resultId });
  assert.ok(Array.isArray(delta.edits), JSON.stringify(delta));

  // Unchanged document, same result id: "unchanged" (or a full report).
  if (second.resultId) {
    const third = await pull(uri, second.resultId);
    assert.ok(third.kind === "unchanged" || third.items.length === second.items.length);
  }

  // With pull diagnostics the server does not also push them.
  assert.deepEqual(seen.published.filter((m) => m.diagnostics.length > 0), []);

  await conn.sendNotification(p.DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  assert.equal(await conn.sendRequest(p.ShutdownRequest.type), null);
  await conn.sendNotification(p.ExitNotification.type);
  // Then, like vscode-languageclient's stop(), end and dispose the
  // connection (this closes the server's standard input).
  conn.end();
  conn.dispose();
  const timeout = setTimeout(() => proc.kill("SIGKILL"), 5000);
  const { code, signal } = await exited;
  clearTimeout(timeout);
  assert.equal(signal, null, `server killed by ${signal}; stderr:\n${stderr}`);
  assert.equal(code, 0, `exit code ${code}; stderr:\n${stderr}`);
  assert.doesNotMatch(stderr, /unknown setting|panic|ERROR/);
});
