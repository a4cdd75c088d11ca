#!/usr/bin/env node
// End-to-end test of the flake-lsp extension in real VS Code: installs the
// .vsix into code-server (VS Code 1.100 in a browser), opens a flake with
// mistakes and a stale flake.lock in chromium (puppeteer-core), and checks
// what a user sees: squiggles, colours, hover, completion, code lenses,
// inlay hints, and a squiggle going away when the mistake is fixed.
//
//   node e2e.js --vsix FILE --server BIN --storefixture BIN [--out DIR] [--chromium BIN]
//
// The flake's nixpkgs input is a fixture tree (testdata/index/nixpkgs with
// testdata/env/nixos's NixOS modules) that storefixture puts into a
// temporary Nix store at its NAR hash's path; the lock names that hash, so
// the server indexes it: option completion, lib hover and option checks in
// configuration.nix.
//
// Exits 0 when every check passed, 1 when one failed, 2 when the test
// could not run; code-server and chromium are killed in every case.
"use strict";
const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const http = require("http");
const net = require("net");
const os = require("os");
const path = require("path");

function parseArgs(argv) {
  const opts = {
    vsix: process.env.FLAKE_LSP_VSIX,
    server: process.env.FLAKE_LSP_BIN,
    out: path.join(__dirname, "out"),
    chromium: process.env.CHROMIUM || "/usr/bin/chromium",
    storefixture: process.env.FLAKE_LSP_STOREFIXTURE,
    timeout: 180, // seconds for the whole run
    keep: false,
  };
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    if (a === "--vsix") opts.vsix = val();
    else if (a === "--server") opts.server = val();
    else if (a === "--out") opts.out = val();
    else if (a === "--chromium") opts.chromium = val();
    else if (a === "--storefixture") opts.storefixture = val();
    else if (a === "--timeout") opts.timeout = Number(val());
    else if (a === "--keep") opts.keep = true;
    else usage(`unknown argument ${a}`);
  }
  if (!opts.vsix || !opts.server) usage("--vsix and --server are required");
  if (!opts.storefixture) usage("--storefixture is required (go build -o bin/storefixture ./internal/storefixture)");
  for (const k of ["vsix", "server", "chromium", "storefixture"]) {
    opts[k] = path.resolve(opts[k]);
    if (!fs.existsSync(opts[k])) usage(`${k} not found: ${opts[k]}`);
  }
  opts.out = path.resolve(opts.out);
  return opts;
}

function usage(msg) {
  console.error(`e2e: ${msg}\nusage: node e2e.js --vsix FILE --server BIN --storefixture BIN [--out DIR] [--chromium BIN] [--timeout SECONDS] [--keep]`);
  process.exit(2);
}

// ---- the fixture: a flake with mistakes and a stale lock ----

// Line 18 lacks the ';' after `]` (a syntax error, fixed by typing it);
// line 19 uses `sytem` (an undefined variable, left as it is); nixpkgs'
// URL names another branch than the lock (lock-stale-input, reported once
// the syntax error is gone); the lock still has flake-utils, which
// flake.nix no longer declares (lock-unused-input in flake.lock).
const FLAKE_NIX = `{
  description = "A flake with mistakes, for the end-to-end test";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-25.05";
    home-manager = {
      url = "github:nix-community/home-manager/release-24.11";
      inputs.nixpkgs.follows = "nixpkgs";
    };
  };

  outputs = { self, nixpkgs, home-manager, ... }@inputs:
    let
      system = "x86_64-linux";
      pkgs = nixpkgs.legacyPackages.\${system};
    in {
      packages.x86_64-linux.default = pkgs.hello;
      devShells.x86_64-linux.default = pkgs.mkShell { packages = [ pkgs.go ] };
      checks.x86_64-linux.hello = self.packages.\${sytem}.default;
      nixosConfigurations.kiosk = nixpkgs.lib.nixosSystem {
        inherit system;
        modules = [ home-manager.nixosModules.home-manager ./configuration.nix ];
      };
    };
}
`;
const BROKEN_LINE = 18; // 1-based, as VS Code shows it
const BROKEN_TEXT = "pkgs.mkShell { packages = [ pkgs.go ] };";

const NIXPKGS_REV = "30e58f6b0f5f364b7f07e32e7ac08246b79e8a4e";
const flakeLock = (nixpkgsNarHash) => JSON.stringify(
  {
    nodes: {
      "flake-utils": {
        locked: { lastModified: 1731533236, narHash: "sha256-l0KFg5HjrsfsO/JpG+r7fRrqm12kzFHyUHqHCVpMMbI=", owner: "numtide", repo: "flake-utils", rev: "11707dc2f618dd54ca8739b309ec4fc024de578b", type: "github" },
        original: { owner: "numtide", repo: "flake-utils", type: "github" },
      },
      "home-manager": {
        inputs: { nixpkgs: ["nixpkgs"] },
        locked: { lastModified: 1741745342, narHash: "sha256-IHL1XMJJEPYLYCurJ5MLA7WA8Gf16PERFfFJd8w3Dx0=", owner: "nix-community", repo: "home-manager", rev: "9114fc71c94f4649c14e2e543df1617d5a31b7a2", type: "github" },
        original: { owner: "nix-community", ref: "release-24.11", repo: "home-manager", type: "github" },
      },
      nixpkgs: {
        locked: { lastModified: 1741599027, narHash: nixpkgsNarHash, owner: "NixOS", repo: "nixpkgs", rev: NIXPKGS_REV, type: "github" },
        original: { owner: "NixOS", ref: "nixos-24.11", repo: "nixpkgs", type: "github" },
      },
      root: { inputs: { "flake-utils": "flake-utils", "home-manager": "home-manager", nixpkgs: "nixpkgs" } },
    },
    root: "root",
    version: 7,
  },
  null,
  2,
) + "\n";

// A NixOS module of the flake (nixosConfigurations.kiosk's modules): line
// 3 misspells services.openssh (unknown-option, from the fixture's NixOS
// options), line 5 is where option completion is typed.
const CONFIGURATION_NIX = `{ config, lib, pkgs, ... }:
{
  services.opensh.enable = true;
  networking = lib.mkIf true { hostName = "kiosk"; };

}
`;
const REPO = path.resolve(__dirname, "..", "..", "..");

// ---- checks ----

const results = [];
function check(name, ok, saw) {
  results.push({ name, ok: !!ok, saw });
  console.log(`${ok ? "PASS" : "FAIL"} ${name}: ${saw}`);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Polls fn until it returns a truthy value or ms pass; returns the last value.
async function poll(fn, ms, every = 250) {
  const end = Date.now() + ms;
  let v;
  for (;;) {
    v = await fn();
    if (v || Date.now() >= end) return v;
    await sleep(every);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function httpOk(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode >= 200 && res.statusCode < 400);
    });
    req.on("error", () => resolve(false));
    req.setTimeout(2000, () => {
      req.destroy();
      resolve(false);
    });
  });
}

// ---- processes, killed whatever happens ----

const children = new Set(); // spawned process groups
let browser;
let cleaning; // the cleanup's promise, once started
let tmpDir; // removed at the end unless --keep

// One cleanup, however many callers (the watchdog, a signal, the end of
// the run): each waits for it to finish before the process exits.
function cleanup() {
  cleaning = cleaning || doCleanup();
  return cleaning;
}

async function doCleanup() {
  if (browser) {
    const proc = browser.process();
    await Promise.race([browser.close().catch(() => {}), sleep(5000)]);
    if (proc && proc.exitCode === null && proc.signalCode === null) {
      try {
        proc.kill("SIGKILL");
      } catch {}
    }
  }
  for (const child of children) {
    killGroup(child, "SIGTERM");
  }
  const gone = async (ms) => {
    const end = Date.now() + ms;
    while ([...children].some(groupAlive)) {
      if (Date.now() >= end) return false;
      await sleep(100);
    }
    return true;
  };
  if (!(await gone(5000))) {
    for (const child of children) {
      if (groupAlive(child)) console.error(`e2e: code-server's process group ${child.pid} outlived SIGTERM; SIGKILL`);
      killGroup(child, "SIGKILL");
    }
    if (!(await gone(3000))) console.error("e2e: processes of code-server's group are still running after SIGKILL");
  }
}

function groupAlive(child) {
  try {
    process.kill(-child.pid, 0);
    return true;
  } catch {
    return false;
  }
}

function killGroup(child, sig) {
  try {
    process.kill(-child.pid, sig); // the group: code-server, its extension host, flake-lsp
  } catch {}
}

const codeServerBin = path.join(__dirname, "node_modules", ".bin", "code-server");

function codeServerEnv(tmp) {
  // Keep code-server's own files (config.yaml, caches) out of $HOME.
  return {
    ...process.env,
    HOME: path.join(tmp, "home"),
    XDG_CONFIG_HOME: path.join(tmp, "home", ".config"),
    XDG_DATA_HOME: path.join(tmp, "home", ".local", "share"),
    XDG_CACHE_HOME: path.join(tmp, "home", ".cache"),
    // No flake-lsp on PATH: the extension must find it through the
    // flake-lsp.path setting.
    PATH: (process.env.PATH || "")
      .split(path.delimiter)
      .filter((d) => d && !fs.existsSync(path.join(d, "flake-lsp")))
      .join(path.delimiter),
  };
}

// ---- driving the editor ----

async function keys(page, ...combo) {
  // combo: ["Control", "KeyP"]: hold all but the last, press the last.
  const mods = combo.slice(0, -1);
  for (const m of mods) await page.keyboard.down(m);
  await page.keyboard.press(combo[combo.length - 1]);
  for (const m of mods.reverse()) await page.keyboard.up(m);
}

async function openFile(page, name) {
  await keys(page, "Control", "KeyP");
  await page.waitForSelector(".quick-input-widget input", { visible: true, timeout: 15000 });
  await page.keyboard.type(name, { delay: 20 });
  // Wait until the first result is the file itself, then open it.
  await poll(
    () =>
      page.evaluate((name) => {
        const row = document.querySelector(".quick-input-list .monaco-list-row");
        return !!row && (row.getAttribute("aria-label") || row.textContent || "").includes(name);
      }, name),
    15000,
  );
  await page.keyboard.press("Enter");
  await poll(
    () =>
      page.evaluate((name) => {
        const tab = document.querySelector(".tabs-container .tab.active");
        return !!tab && (tab.getAttribute("aria-label") || tab.textContent || "").includes(name);
      }, name),
    15000,
  );
}

// In the active editor: the visible lines' text, the lines with error and
// warning squiggles, token colours, code lenses, inlay hints.
function editorState(page) {
  return page.evaluate(() => {
    const ed = document.querySelector(".editor-group-container.active .monaco-editor") || document.querySelector(".monaco-editor");
    if (!ed) return null;
    const clean = (t) => t.replace(/\u00a0/g, " ");
    // Lines and their overlays (where squiggles are drawn) share a top.
    const byTop = new Map();
    for (const l of ed.querySelectorAll(".view-lines .view-line")) {
      byTop.set(Math.round(parseFloat(l.style.top)), clean(l.textContent));
    }
    const squiggled = (cls) => {
      const out = [];
      for (const o of ed.querySelectorAll(".view-overlays > div")) {
        if (o.querySelector(cls)) out.push(byTop.get(Math.round(parseFloat(o.style.top))) ?? "?");
      }
      return out;
    };
    // Injected text (inlay hints) is a span with a dynamic class
    // (dyn-rule-*; some versions name it *inlay*); the rest are tokens.
    const injected = (s) => /dyn-rule|inlay/.test(s.className);
    const colours = {};
    for (const s of ed.querySelectorAll(".view-lines .view-line span span")) {
      if (injected(s) || !s.textContent.trim()) continue;
      const c = getComputedStyle(s).color;
      (colours[c] = colours[c] || []).push(clean(s.textContent));
    }
    const texts = (els) => [...new Set([...els].map((e) => clean(e.textContent).trim()).filter((t) => t))];
    return {
      lines: [...byTop.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]),
      errors: ed.querySelectorAll(".squiggly-error").length,
      warnings: ed.querySelectorAll(".squiggly-warning").length,
      errorLines: squiggled(".squiggly-error"),
      warningLines: squiggled(".squiggly-warning"),
      colours,
      lenses: texts(ed.querySelectorAll(".codelens-decoration")),
      inlay: texts([...ed.querySelectorAll(".view-lines .view-line span")].filter(injected)),
    };
  });
}

// The token at the middle of `word` on the first visible line containing
// `context` (word's occurrence within context): its page point and colour.
async function tokenAt(page, context, word) {
  return page.evaluate(
    (context, word) => {
      const ed = document.querySelector(".editor-group-container.active .monaco-editor") || document.querySelector(".monaco-editor");
      for (const line of ed.querySelectorAll(".view-lines .view-line")) {
        const text = line.textContent.replace(/\u00a0/g, " ");
        const at = text.indexOf(context);
        if (at < 0) continue;
        let offset = at + context.indexOf(word) + Math.floor(word.length / 2);
        // Find the text node holding that character.
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (offset < n.length) {
            const r = document.createRange();
            r.setStart(n, offset);
            r.setEnd(n, offset + 1);
            const b = r.getBoundingClientRect();
            return { x: b.left + b.width / 2, y: b.top + b.height / 2, colour: getComputedStyle(n.parentElement).color, token: n.textContent };
          }
          offset -= n.length;
        }
      }
      return null;
    },
    context,
    word,
  );
}

async function problems(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll(".markers-panel .monaco-list-row")].map((r) => (r.getAttribute("aria-label") || r.textContent).replace(/\u00a0/g, " ")),
  );
}

async function shot(page, opts, name) {
  const file = path.join(opts.out, name);
  await page.screenshot({ path: file });
  console.log(`screenshot ${file}`);
}

// ---- the test ----

async function run(opts) {
  const puppeteer = require("puppeteer-core");
  const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "flake-lsp-e2e-")));
  tmpDir = tmp;
  const userData = path.join(tmp, "user-data");
  const extensions = path.join(tmp, "extensions");
  const work = path.join(tmp, "work");
  fs.mkdirSync(path.join(userData, "User"), { recursive: true });
  fs.mkdirSync(extensions, { recursive: true });
  fs.mkdirSync(work, { recursive: true });
  fs.mkdirSync(opts.out, { recursive: true });
  // The nixpkgs input's source, in a store of the test's own.
  const storeDir = path.join(tmp, "store");
  const sf = spawnSync(opts.storefixture, [storeDir, `nixpkgs=${path.join(REPO, "testdata/index/nixpkgs")}+${path.join(REPO, "testdata/env/nixos")}`], { encoding: "utf8", timeout: 60000 });
  const sfOut = /^nixpkgs (sha256-\S+)$/m.exec(sf.stdout || "");
  if (sf.status !== 0 || !sfOut) throw new Error(`storefixture failed (${sf.status}): ${sf.stdout}\n${sf.stderr}`);
  fs.writeFileSync(path.join(work, "flake.nix"), FLAKE_NIX);
  fs.writeFileSync(path.join(work, "flake.lock"), flakeLock(sfOut[1]));
  fs.writeFileSync(path.join(work, "configuration.nix"), CONFIGURATION_NIX);

  // Settings, written before code-server starts (it ignores later edits
  // from outside). flake-lsp is not on PATH: the extension finds the
  // server through flake-lsp.path only.
  const settings = {
    "flake-lsp.path": opts.server,
    "workbench.startupEditor": "none",
    "workbench.tips.enabled": false,
    "workbench.enableExperiments": false,
    "extensions.ignoreRecommendations": true,
    "extensions.autoCheckUpdates": false,
    "extensions.autoUpdate": false,
    "telemetry.telemetryLevel": "off",
    "update.mode": "none",
    "security.workspace.trust.enabled": false,
    "editor.codeLens": true,
    "editor.inlayHints.enabled": "on",
    "editor.semanticHighlighting.enabled": true,
    "editor.minimap.enabled": false,
    "editor.hover.delay": 300,
    "workbench.colorTheme": "Default Dark Modern",
  };
  fs.writeFileSync(path.join(userData, "User", "settings.json"), JSON.stringify(settings, null, 2));
  const env = codeServerEnv(tmp);
  env.NIX_STORE_DIR = storeDir; // inherited by the extension's server
  fs.mkdirSync(env.XDG_CONFIG_HOME, { recursive: true });
  const config = path.join(tmp, "code-server.yaml");
  fs.writeFileSync(config, "auth: none\ncert: false\n");

  const common = ["--config", config, "--user-data-dir", userData, "--extensions-dir", extensions];
  let t0 = Date.now();
  const inst = spawnSync(codeServerBin, [...common, "--install-extension", opts.vsix], { env, encoding: "utf8", timeout: 60000 });
  if (inst.status !== 0) {
    throw new Error(`code-server --install-extension failed (${inst.status}): ${inst.stdout}\n${inst.stderr}`);
  }
  const installed = fs.readdirSync(extensions).filter((d) => d.startsWith("flake-lsp."));
  check("the .vsix installs into code-server", installed.length === 1, `extensions dir has ${JSON.stringify(fs.readdirSync(extensions))} (${Date.now() - t0} ms)`);

  const port = await freePort();
  const log = fs.openSync(path.join(opts.out, "code-server.log"), "w");
  const cs = spawn(
    codeServerBin,
    [
      ...common,
      "--bind-addr", `127.0.0.1:${port}`,
      "--auth", "none",
      "--disable-telemetry",
      "--disable-update-check",
      "--disable-workspace-trust",
      "--disable-getting-started-override",
      work,
    ],
    { env, detached: true, stdio: ["ignore", log, log] },
  );
  children.add(cs);
  const base = `http://127.0.0.1:${port}`;
  t0 = Date.now();
  const up = await poll(() => httpOk(`${base}/healthz`), 30000, 200);
  if (!up) throw new Error(`code-server did not answer on ${base} within 30 s (see ${opts.out}/code-server.log)`);
  console.log(`code-server up on ${base} in ${Date.now() - t0} ms`);

  browser = await puppeteer.launch({
    executablePath: opts.chromium,
    headless: true,
    defaultViewport: { width: 1280, height: 800 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--window-size=1280,800",
      `--user-data-dir=${path.join(tmp, "chromium")}`,
    ],
  });
  const page = await browser.newPage();
  page.on("pageerror", (e) => console.log(`page error: ${e.message}`));
  await page.goto(`${base}/?folder=${encodeURIComponent(work)}`, { waitUntil: "domcontentloaded", timeout: 30000 });
  await page.waitForSelector(".monaco-workbench", { timeout: 30000 });
  await poll(() => page.evaluate(() => !!document.querySelector(".explorer-folders-view .monaco-list-row")), 20000);

  // 1. flake.nix as opened: error squiggles where the two errors are.
  await openFile(page, "flake.nix");
  const errorsOn = (st, text) => st.errorLines.some((l) => l.includes(text));
  let st = await poll(async () => {
    const s = await editorState(page);
    return s && errorsOn(s, BROKEN_TEXT) && errorsOn(s, "${sytem}") ? s : null;
  }, 30000);
  st = st || (await editorState(page));
  check(
    "flake.nix: error squiggles on the line missing ';' and on the line using 'sytem'",
    errorsOn(st, BROKEN_TEXT) && errorsOn(st, "${sytem}"),
    `${st.errors} .squiggly-error, on lines ${JSON.stringify(st.errorLines.map((l) => l.trim()))}`,
  );

  // Token colours: the extension's TextMate grammar, then the server's
  // semantic tokens (inputs, parameters, builtins, ...) on top.
  st = await poll(async () => {
    const s = await editorState(page);
    return s && Object.keys(s.colours).length >= 5 && s.lenses.length && s.inlay.length ? s : null;
  }, 20000);
  st = st || (await editorState(page));
  const colours = Object.entries(st.colours);
  check(
    "flake.nix: at least five token colours",
    colours.length >= 5,
    `${colours.length} colours: ${colours.map(([c, words]) => `${c} ${JSON.stringify([...new Set(words)].slice(0, 4))}`).join("; ")}`,
  );
  // The grammar colours `nixpkgs.url` as one attribute path; the server's
  // semantic tokens tell the input (namespace) from the attribute.
  const semantic = await poll(async () => {
    const [input, attr] = [await tokenAt(page, "nixpkgs.url", "nixpkgs"), await tokenAt(page, "nixpkgs.url", "url")];
    return input && attr && input.colour !== attr.colour ? { input, attr } : null;
  }, 10000);
  const sawSemantic = semantic || { input: await tokenAt(page, "nixpkgs.url", "nixpkgs"), attr: await tokenAt(page, "nixpkgs.url", "url") };
  check(
    "flake.nix: semantic tokens colour the input `nixpkgs` unlike the attribute `url` in `nixpkgs.url`",
    !!semantic,
    `nixpkgs ${sawSemantic.input && sawSemantic.input.colour}, url ${sawSemantic.attr && sawSemantic.attr.colour}`,
  );
  check("flake.nix: a code lens `nix flake update`", st.lenses.includes("nix flake update"), `lenses ${JSON.stringify(st.lenses)}`);
  const rev = NIXPKGS_REV.slice(0, 7);
  check(
    `flake.nix: an inlay hint with nixpkgs' locked revision and age ("${rev} · ...")`,
    st.inlay.some((t) => new RegExp(`^${rev} · \\d+ \\w+`).test(t)),
    `inlay hints ${JSON.stringify(st.inlay)}`,
  );

  // The Problems panel lists both errors with the server's messages.
  await keys(page, "Control", "Shift", "KeyM");
  let probs = await poll(async () => {
    const p = await problems(page);
    return p.some((t) => t.includes("expected ';'")) && p.some((t) => t.includes("undefined variable 'sytem'")) ? p : null;
  }, 10000);
  probs = probs || (await problems(page));
  check(
    "Problems panel: \"expected ';'\" and \"undefined variable 'sytem'\"",
    probs.some((t) => t.includes("expected ';'")) && probs.some((t) => t.includes("undefined variable 'sytem'")),
    JSON.stringify(probs),
  );
  await keys(page, "Control", "KeyJ"); // close the panel
  await keys(page, "Control", "Digit1"); // back to the editor

  // 2. Fix the syntax error by typing ';' after `]`: its squiggle goes,
  // the other stays, and the stale lock is reported on nixpkgs' URL.
  const lineText = FLAKE_NIX.split("\n")[BROKEN_LINE - 1];
  await keys(page, "Control", "KeyG");
  await page.waitForSelector(".quick-input-widget input", { visible: true, timeout: 15000 });
  await page.keyboard.type(`${BROKEN_LINE}:${lineText.indexOf("] };") + 2}`);
  await page.keyboard.press("Enter");
  await sleep(300);
  await page.keyboard.type(";");
  const fixed = BROKEN_TEXT.replace("] }", "]; }");
  st = await poll(async () => {
    const s = await editorState(page);
    return s && s.lines.some((l) => l.includes(fixed)) && !errorsOn(s, fixed) && errorsOn(s, "${sytem}") && s.warningLines.some((l) => l.includes("nixpkgs.url")) ? s : null;
  }, 20000);
  st = st || (await editorState(page));
  check(
    "after typing ';': the line's error squiggle is gone, 'sytem' keeps its own",
    st.lines.some((l) => l.includes(fixed)) && !errorsOn(st, fixed) && errorsOn(st, "${sytem}"),
    `error squiggles on ${JSON.stringify(st.errorLines.map((l) => l.trim()))}`,
  );
  check(
    "after typing ';': a warning squiggle on nixpkgs' URL (lock-stale-input)",
    st.warningLines.some((l) => l.includes("nixpkgs.url")),
    `warning squiggles on ${JSON.stringify(st.warningLines.map((l) => l.trim()))}`,
  );
  await keys(page, "Control", "Shift", "KeyM");
  probs = await poll(async () => {
    const p = await problems(page);
    return !p.some((t) => t.includes("expected ';'")) && p.some((t) => t.includes("lock-stale-input") || t.includes("was made for another reference")) ? p : null;
  }, 10000);
  probs = probs || (await problems(page));
  check(
    "Problems panel after the fix: no \"expected ';'\", the stale lock reported",
    !probs.some((t) => t.includes("expected ';'")) && probs.some((t) => t.includes("was made for another reference of 'nixpkgs'")),
    JSON.stringify(probs),
  );
  await keys(page, "Control", "KeyJ");
  await keys(page, "Control", "Digit1");

  // Screenshot: the top of the flake, squiggles, colours, lenses, hints.
  await keys(page, "Control", "Home");
  await page.mouse.move(1000, 720); // below the text: no hover
  await sleep(1000);
  await shot(page, opts, "vscode-flake.png");

  // 3. Hover on the input name `nixpkgs`.
  const pt = await tokenAt(page, "nixpkgs.url", "nixpkgs");
  if (!pt) throw new Error("line `nixpkgs.url` not visible");
  await page.mouse.move(pt.x, pt.y);
  const hoverText = () =>
    page.evaluate(() => [...document.querySelectorAll(".monaco-hover:not(.hidden)")].map((h) => h.innerText).join("\n"));
  let hover = await poll(async () => {
    const t = await hoverText();
    return t.includes("input nixpkgs") && t.includes(NIXPKGS_REV.slice(0, 12)) ? t : null;
  }, 10000);
  hover = hover || (await hoverText());
  check(
    "hover on the input `nixpkgs`: the reference and the locked commit",
    hover.includes("input nixpkgs") && hover.includes(NIXPKGS_REV.slice(0, 12)),
    JSON.stringify(hover),
  );
  await shot(page, opts, "vscode-hover.png");
  await page.mouse.move(1000, 720);
  await page.keyboard.press("Escape");

  // 4. Completion after typing `inputs.` (the outputs' `@inputs`).
  await keys(page, "Control", "KeyG");
  await page.waitForSelector(".quick-input-widget input", { visible: true, timeout: 15000 });
  await page.keyboard.type("17");
  await page.keyboard.press("Enter");
  await sleep(300);
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.keyboard.type("extra = inputs.", { delay: 30 });
  const suggestions = () =>
    page.evaluate(() =>
      [...document.querySelectorAll(".suggest-widget.visible .monaco-list-row")].map((r) => (r.getAttribute("aria-label") || r.textContent).replace(/\u00a0/g, " ")),
    );
  let items = await poll(async () => {
    const it = await suggestions();
    return it.some((t) => t.startsWith("nixpkgs")) && it.some((t) => t.startsWith("home-manager")) ? it : null;
  }, 10000);
  items = items || (await suggestions());
  check(
    "completion after typing `inputs.`: the inputs nixpkgs and home-manager",
    items.some((t) => t.startsWith("nixpkgs")) && items.some((t) => t.startsWith("home-manager")),
    JSON.stringify(items),
  );
  await shot(page, opts, "vscode-completion.png");
  await page.keyboard.press("Escape");

  // 5. flake.lock: the entry flake.nix no longer declares is reported.
  await openFile(page, "flake.lock");
  await sleep(500);
  await page.keyboard.press("F8"); // next problem: reveals it, shows the message
  const marker = () => page.evaluate(() => [...document.querySelectorAll(".marker-widget")].map((m) => m.innerText.replace(/\u00a0/g, " ")).join("\n"));
  let lockState = await poll(async () => {
    const s = await editorState(page);
    const m = await marker();
    return s && s.warningLines.some((l) => l.includes('"flake-utils": "flake-utils"')) && m.includes("lock-unused-input") ? { s, m } : null;
  }, 15000);
  lockState = lockState || { s: await editorState(page), m: await marker() };
  check(
    "flake.lock: a warning squiggle on the unused input, lock-unused-input",
    lockState.s.warningLines.some((l) => l.includes('"flake-utils": "flake-utils"')) && lockState.m.includes("lock-unused-input"),
    `${lockState.s.warnings} .squiggly-warning on ${JSON.stringify(lockState.s.warningLines.map((l) => l.trim()))}; F8 shows ${JSON.stringify(lockState.m)}`,
  );
  await shot(page, opts, "vscode-lock.png");

  // 6. configuration.nix, a module of the flake's nixosSystem: the
  // fixture nixpkgs' options (indexed in the background) check it.
  await openFile(page, "configuration.nix");
  let mod = await poll(async () => {
    const s = await editorState(page);
    return s && s.warningLines.some((l) => l.includes("services.opensh.enable")) ? s : null;
  }, 30000);
  mod = mod || (await editorState(page));
  check(
    "configuration.nix: a warning squiggle on the misspelt option `services.opensh` (unknown-option)",
    mod.warningLines.some((l) => l.includes("services.opensh.enable")),
    `warning squiggles on ${JSON.stringify(mod.warningLines.map((l) => l.trim()))}`,
  );

  // 7. Hover on `mkIf` of `lib.mkIf`: its doc comment from nixpkgs' lib.
  const mk = await tokenAt(page, "lib.mkIf", "mkIf");
  if (!mk) throw new Error("line `lib.mkIf` not visible");
  await page.mouse.move(mk.x, mk.y);
  let libHover = await poll(async () => {
    const t = await hoverText();
    return t.includes("Makes a definition conditional") ? t : null;
  }, 10000);
  libHover = libHover || (await hoverText());
  check("hover on `lib.mkIf`: its documentation from the nixpkgs source", libHover.includes("Makes a definition conditional"), JSON.stringify(libHover));
  await page.mouse.move(1000, 720);
  await page.keyboard.press("Escape");

  // 8. Typing `services.openssh.` on the empty line: the options declared
  // there.
  await keys(page, "Control", "KeyG");
  await page.waitForSelector(".quick-input-widget input", { visible: true, timeout: 15000 });
  await page.keyboard.type("5");
  await page.keyboard.press("Enter");
  await sleep(300);
  await page.keyboard.type("  services.openssh.", { delay: 30 });
  let opt = await poll(async () => {
    const it = await suggestions();
    return it.some((t) => t.startsWith("enable")) && it.some((t) => t.startsWith("settings")) ? it : null;
  }, 10000);
  opt = opt || (await suggestions());
  check(
    "completion after typing `services.openssh.` in a module: the options enable, ports, settings",
    opt.some((t) => t.startsWith("enable")) && opt.some((t) => t.startsWith("settings")) && opt.some((t) => t.startsWith("ports")),
    JSON.stringify(opt),
  );
  await shot(page, opts, "vscode-options.png");
  await page.keyboard.press("Escape");
}

function removeTmp(opts) {
  if (!tmpDir) return;
  if (opts.keep) {
    console.log(`kept ${tmpDir}`);
  } else {
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
}

let options;

async function main() {
  const opts = parseArgs(process.argv);
  options = opts;
  const watchdog = setTimeout(async () => {
    console.error(`e2e: timed out after ${opts.timeout} s`);
    await cleanup();
    removeTmp(opts);
    process.exit(2);
  }, opts.timeout * 1000);
  let code = 0;
  try {
    await run(opts);
    code = results.every((r) => r.ok) && results.length > 0 ? 0 : 1;
  } catch (e) {
    console.error(`e2e: ${e && e.stack ? e.stack : e}`);
    code = 2;
  } finally {
    clearTimeout(watchdog);
    await cleanup();
    removeTmp(opts);
  }
  const failed = results.filter((r) => !r.ok);
  console.log(`${results.length - failed.length} of ${results.length} checks passed${code === 2 ? " before the test stopped" : ""}`);
  process.exit(code || (failed.length ? 1 : 0));
}

for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(sig, async () => {
    console.error(`e2e: ${sig}`);
    await cleanup();
    if (options) removeTmp(options);
    process.exit(2);
  });
}

main();
