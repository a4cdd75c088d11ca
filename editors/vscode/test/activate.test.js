// activate() with the bundled extension (dist/extension.js, real
// vscode-languageclient inside) and a fake `vscode` module, spawning the real
// server: the client reaches the running state, diagnostics arrive for an
// opened flake.nix and follow edits and settings, hover and completion go
// through the client, the restart command and deactivate() work.
"use strict";
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const os = require("node:os");
const { test } = require("node:test");
const { createFake, install } = require("./fake-vscode");
const h = require("./helpers");

const BUNDLE = path.resolve(__dirname, "../dist/extension.js");
const FIXTURE = path.join(__dirname, "fixtures/client-capabilities.json");
const State = { Stopped: 1, Running: 2, Starting: 3 };

function loadExtension(fake) {
  assert.ok(fs.existsSync(BUNDLE), `${BUNDLE} is missing: run \`npm run build\` first`);
  const uninstall = install(fake.vscode);
  delete require.cache[BUNDLE];
  try {
    return require(BUNDLE);
  } finally {
    // The bundle keeps its own reference to the fake.
    uninstall();
  }
}

function fakeContext(dir) {
  return {
    subscriptions: [],
    extensionPath: path.resolve(__dirname, ".."),
    extensionUri: { fsPath: path.resolve(__dirname, "..") },
    storagePath: dir,
    globalStoragePath: dir,
    logPath: dir,
    extensionMode: 3,
    globalState: { get: () => undefined, update: () => Promise.resolve(), keys: () => [] },
    workspaceState: { get: () => undefined, update: () => Promise.resolve(), keys: () => [] },
    asAbsolutePath: (p) => path.resolve(__dirname, "..", p),
  };
}

const hasCode = (code) => (diags) => diags.some((d) => (d.code?.value ?? d.code) === code);
const lacksCode = (code) => (diags) => !hasCode(code)(diags);

test("activate starts the server through vscode-languageclient; diagnostics, hover, completion, settings, restart, deactivate", { timeout: 60000 }, async (t) => {
  const bin = h.serverBinary();
  const dir = h.makeFlakeDir();
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const settings = {
    "flake-lsp": {
      path: bin,
      logLevel: "debug",
      diagnostics: { ignore: ["url-registry-id"] },
      exclude: ["vendor/**"],
      maxFileSize: 1048576,
      formatter: [],
      trace: { server: "off" },
    },
  };
  const fake = createFake({ settings, folder: dir });
  const ext = loadExtension(fake);
  const ctx = fakeContext(dir);

  const api = await ext.activate(ctx);
  // A failed assertion must not leave the client and server running: the
  // test runner would wait for them forever. (deactivate twice is fine.)
  t.after(async () => {
    await ext.deactivate().catch(() => {});
    const p = api.serverProcess;
    if (p && h.isAlive(p.pid)) p.kill();
  });
  const client = api.client;
  assert.ok(client, `no client; messages: ${JSON.stringify(fake.helpers.state.messages)}`);
  assert.equal(client.state, State.Running);
  assert.equal(client.initializeResult.serverInfo.name, "flake-lsp");
  assert.ok(client.initializeResult.capabilities.diagnosticProvider, "server should offer pull diagnostics to a client that declares them");
  const pid = api.serverProcess && api.serverProcess.pid;
  assert.ok(pid && h.isAlive(pid), "server process should be alive");
  assert.ok(fake.helpers.state.commands.has("flake-lsp.restartServer"));

  // The capabilities the real client sends are what protocol.test.js sends.
  const caps = client.computeClientCapabilities();
  if (process.env.UPDATE_FIXTURES) {
    fs.writeFileSync(FIXTURE, JSON.stringify(caps, null, 2) + "\n");
  }
  assert.deepEqual(caps, JSON.parse(fs.readFileSync(FIXTURE, "utf8")), "client capabilities changed: rerun with UPDATE_FIXTURES=1 and review");

  // Open flake.nix: the syntax error arrives at its UTF-16 column.
  const doc = fake.helpers.openDocument(path.join(dir, "flake.nix"), "nix", h.FLAKE_NIX);
  let diags = await fake.helpers.waitForDiagnostics(doc.uri, hasCode("syntax-error"));
  const syntax = diags.find((d) => (d.code?.value ?? d.code) === "syntax-error");
  assert.equal(syntax.range.start.line, h.BROKEN.line);
  assert.equal(syntax.range.start.character, h.BROKEN.character);
  assert.equal(syntax.severity, 0 /* Error */);
  assert.equal(syntax.message, "expected ';'");

  // flake.lock is synchronised too (documentSelector pattern), as JSON.
  const lock = fake.helpers.openDocument(path.join(dir, "flake.lock"), "json", h.FLAKE_LOCK);
  await fake.helpers.waitForDiagnostics(lock.uri, () => true);

  // Hover and completion through the providers the client registered.
  const reg = (name) => {
    const r = fake.helpers.state.registrations.find((x) => x[0] === name);
    assert.ok(r, `client registered no ${name} provider`);
    return r[2];
  };
  const token = new fake.vscode.CancellationTokenSource().token;
  fake.helpers.state.activeTextEditor = { document: doc };
  const hover = await reg("Hover").provideHover(doc, new fake.vscode.Position(2, 12), token);
  assert.ok(hover && hover.contents.length > 0, "hover on inputs.nixpkgs");
  const hoverText = hover.contents.map((c) => c.value ?? String(c)).join("\n");
  assert.match(hoverText, /nixpkgs/);
  const completion = await reg("Completion").provideCompletionItems(doc, new fake.vscode.Position(2, 2), token, { triggerKind: 0 });
  const items = Array.isArray(completion) ? completion : completion.items;
  assert.ok(items.length > 0, "completion at the start of an attribute in the flake");

  // Fix the error with an incremental edit; then break it again.
  fake.helpers.editDocument(doc, new fake.vscode.Range(h.FIX_AT.line, h.FIX_AT.character, h.FIX_AT.line, h.FIX_AT.character), ";");
  await fake.helpers.waitForDiagnostics(doc.uri, lacksCode("syntax-error"));
  fake.helpers.editDocument(doc, new fake.vscode.Range(h.FIX_AT.line, h.FIX_AT.character, h.FIX_AT.line, h.FIX_AT.character + 1), "");
  diags = await fake.helpers.waitForDiagnostics(doc.uri, hasCode("syntax-error"));

  // The server got the settings (only its own keys) from workspace/configuration.
  await h.waitFor(() => fake.helpers.state.output.join("").includes("settings from workspace/configuration"), 5000, "the server's settings log line");
  const out = fake.helpers.state.output.join("");
  assert.match(out, /settings from workspace\/configuration: \{"diagnostics":\{"ignore":\["url-registry-id"\]\},"exclude":\["vendor\/\*\*"\],"maxFileSize":1048576,"formatter":\[\],"codeLens":\{"enable":true\},"inlayHints":\{"enable":true\},"indexes":\{"enable":true\}\}/);
  assert.doesNotMatch(out, /unknown setting/);
  // Each log line once: after initialize the server logs to the client
  // only, not also to stderr (which the client shows in the same channel,
  // in the server's own format, with a timestamp).
  assert.doesNotMatch(out, /\d\d:\d\d:\d\d\.\d{3} DEBUG settings from workspace\/configuration/);

  // Changing a setting reaches the server, which refreshes diagnostics.
  fake.helpers.setSettings({ "flake-lsp": { ...settings["flake-lsp"], diagnostics: { ignore: ["syntax-error"] } } });
  await fake.helpers.waitForDiagnostics(doc.uri, lacksCode("syntax-error"));

  // Back: the syntax error is reported again.
  fake.helpers.setSettings(settings);
  await fake.helpers.waitForDiagnostics(doc.uri, hasCode("syntax-error"));

  // The restart command: a new server process, running again.
  await fake.helpers.state.commands.get("flake-lsp.restartServer")();
  const client2 = api.client;
  assert.ok(client2 && client2 !== client);
  assert.equal(client2.state, State.Running);
  const pid2 = api.serverProcess.pid;
  assert.notEqual(pid2, pid);
  await h.waitFor(() => !h.isAlive(pid), 5000, "the first server to exit");
  await fake.helpers.waitForDiagnostics(doc.uri, hasCode("syntax-error"));

  // Changing flake-lsp.logLevel (on the server's command line) restarts it.
  fake.helpers.setSettings({ "flake-lsp": { ...settings["flake-lsp"], logLevel: "info" } });
  await h.waitFor(() => api.client && api.client !== client2 && api.client.state === State.Running, 10000, "a restart after the logLevel change");
  const client3 = api.client;
  const pid3 = api.serverProcess.pid;
  await h.waitFor(() => !h.isAlive(pid2), 5000, "the second server to exit");

  // An intended restart is not reported as an error.
  assert.doesNotMatch(fake.helpers.state.output.join(""), /exited with code 0|\[Error\]/);

  // Code lenses come through the real client from the server; each runs
  // its command in one terminal named after the flake.
  const lensProvider = fake.helpers.state.registrations.find((r) => r[0] === "CodeLens");
  assert.ok(lensProvider, "no code lens provider registered");
  const lenses = await lensProvider[2].provideCodeLenses(doc, new fake.vscode.CancellationTokenSource().token);
  const titles = lenses.map((l) => l.command && l.command.title);
  assert.ok(titles.includes("nix flake update nixpkgs"), `lenses: ${titles}`);
  const update = lenses.find((l) => l.command.title === "nix flake update nixpkgs").command;
  assert.equal(update.command, "flake-lsp.runInTerminal");
  await fake.helpers.state.commands.get(update.command)(...update.arguments);
  await fake.helpers.state.commands.get(update.command)(...update.arguments);
  assert.equal(fake.helpers.state.terminals.length, 1);
  const term = fake.helpers.state.terminals[0];
  assert.equal(term.name, "nix: " + path.basename(dir));
  assert.equal(term.cwd, dir);
  assert.deepEqual(term.sent, ["nix flake update nixpkgs", "nix flake update nixpkgs"]);

  // deactivate stops the client and the server exits.
  await ext.deactivate();
  assert.equal(client3.state, State.Stopped);
  await h.waitFor(() => !h.isAlive(pid3), 5000, "the server to exit after deactivate");
  for (const d of ctx.subscriptions) d.dispose();

  const errors = fake.helpers.state.messages.filter((m) => m.type === "error");
  assert.deepEqual(errors, [], "no error messages shown");
  // Everything the client read exists in the fake (else the fake hides a gap).
  assert.deepEqual([...fake.helpers.missing], [], "the fake vscode module lacks names the client read");
  t.diagnostic(`hover: ${JSON.stringify(hoverText.slice(0, 80))}; ${items.length} completion items, e.g. ${items.slice(0, 5).map((i) => i.label.label ?? i.label).join(", ")}`);
});

test("a missing binary gives a clear error message and no client", async () => {
  const fake = createFake({ settings: { "flake-lsp": { path: "/nonexistent/flake-lsp" } } });
  const ext = loadExtension(fake);
  const api = await ext.activate(fakeContext("/tmp"));
  assert.equal(api.client, undefined);
  await h.waitFor(() => fake.helpers.state.messages.length > 0, 2000, "an error message");
  const [msg] = fake.helpers.state.messages;
  assert.equal(msg.type, "error");
  assert.match(msg.message, /"\/nonexistent\/flake-lsp" was not found/);
  assert.match(msg.message, /flake-lsp\.path/);
  assert.deepEqual(msg.items, ["Open Settings", "Show Output"]);
  await ext.deactivate();
});

test("without flake-lsp on PATH the binary a platform .vsix bundles is used", async () => {
  const extDir = fs.mkdtempSync(path.join(os.tmpdir(), "flake-lsp-ext-"));
  const serverDir = path.join(extDir, "server", `${process.platform}-${process.arch}`);
  fs.mkdirSync(serverDir, { recursive: true });
  const bundled = path.join(serverDir, "flake-lsp");
  fs.copyFileSync(h.serverBinary(), bundled);
  fs.chmodSync(bundled, 0o644); // as an unpacked .vsix may leave it
  const savedPath = process.env.PATH;
  process.env.PATH = fs.mkdtempSync(path.join(os.tmpdir(), "empty-path-"));
  const fake = createFake({ settings: { "flake-lsp": {} } });
  const ext = loadExtension(fake);
  const ctx = { ...fakeContext(extDir), extensionPath: extDir, extensionUri: { fsPath: extDir } };
  let api;
  try {
    api = await ext.activate(ctx);
    assert.ok(api.client, `no client; messages: ${JSON.stringify(fake.helpers.state.messages)}`);
    assert.match(fake.helpers.state.output.join(""), new RegExp(`starting ${bundled.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} serve`));
  } finally {
    process.env.PATH = savedPath;
    await ext.deactivate();
  }
});
