// flake-lsp for VS Code: starts the flake-lsp language server for Nix files
// and flake.lock, passes it the "flake-lsp" settings, and offers a restart
// command.
import * as cp from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
  StreamInfo,
} from "vscode-languageclient/node";

const SECTION = "flake-lsp";

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;
// Serialises start/stop/restart so a settings change during start-up does
// not start two servers.
let pending: Promise<void> = Promise.resolve();
let restartTimer: NodeJS.Timeout | undefined;
let extensionPath: string | undefined;

/** What activate() returns (for other extensions and for the tests). */
export interface FlakeLspApi {
  /** The running client, if any. */
  readonly client: LanguageClient | undefined;
  /** Stops the server (if running) and starts it again. */
  restart(): Promise<void>;
  /** The server process of the running client, if any. */
  readonly serverProcess: cp.ChildProcess | undefined;
}

/**
 * The settings the server reads (lsp/settings.go): diagnostics.ignore,
 * exclude, maxFileSize, formatter, codeLens.enable, inlayHints.enable,
 * indexes.enable, nixVersion, store. The client-only keys (path, logLevel, trace) are left
 * out so the server does not log them as unknown.
 */
export function serverSettings(scope?: vscode.ConfigurationScope): Record<string, unknown> {
  const cfg = vscode.workspace.getConfiguration(SECTION, scope);
  const out: Record<string, unknown> = {
    diagnostics: { ignore: cfg.get<string[]>("diagnostics.ignore", []) },
    exclude: cfg.get<string[]>("exclude", []),
  };
  const max = cfg.get<number>("maxFileSize");
  if (typeof max === "number") {
    out.maxFileSize = max;
  }
  const formatter = cfg.get<string[] | string>("formatter");
  if (formatter !== undefined && formatter !== null) {
    out.formatter = formatter;
  }
  out.codeLens = { enable: cfg.get<boolean>("codeLens.enable", true) };
  out.inlayHints = { enable: cfg.get<boolean>("inlayHints.enable", true) };
  out.indexes = { enable: cfg.get<boolean>("indexes.enable", true) };
  const nixVersion = cfg.get<string>("nixVersion", "");
  if (nixVersion) {
    out.nixVersion = nixVersion;
  }
  const store = cfg.get<string>("store", "");
  if (store) {
    out.store = store;
  }
  return out;
}

/** The argument of the code lenses' command (lsp/lens.go terminalCommand). */
interface TerminalCommand {
  command: string;
  cwd: string;
  name: string;
}

/**
 * Runs a code lens's command line in an integrated terminal named after the
 * flake (one per flake, reused), in the flake's directory.
 */
export function runInTerminal(arg: TerminalCommand): void {
  if (!arg || typeof arg.command !== "string") {
    return;
  }
  const name = arg.name || "nix";
  let term = vscode.window.terminals.find((t) => t.name === name && t.exitStatus === undefined);
  if (!term) {
    term = vscode.window.createTerminal({ name, cwd: arg.cwd || undefined });
  }
  term.show(true);
  term.sendText(arg.command, true);
}

/** The server binary bundled in a platform .vsix, if any. */
function bundledBinary(): string | undefined {
  if (!extensionPath) {
    return undefined;
  }
  const exe = process.platform === "win32" ? "flake-lsp.exe" : "flake-lsp";
  const candidate = path.join(extensionPath, "server", `${process.platform}-${process.arch}`, exe);
  if (!isExecutable(candidate) && fs.existsSync(candidate) && process.platform !== "win32") {
    // An unpacked .vsix may lose the executable bit.
    try {
      fs.chmodSync(candidate, 0o755);
    } catch {
      return undefined;
    }
  }
  return isExecutable(candidate) ? candidate : undefined;
}

/** Expands "~" and "${workspaceFolder}" and resolves relative paths. */
function expandPath(p: string): string {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (folder) {
    p = p.split("${workspaceFolder}").join(folder);
  }
  if (p === "~" || p.startsWith("~/")) {
    p = path.join(os.homedir(), p.slice(1));
  }
  if (folder && (p.startsWith("./") || p.startsWith("../"))) {
    p = path.resolve(folder, p);
  }
  return p;
}

function isExecutable(file: string): boolean {
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) {
      return false;
    }
    if (process.platform !== "win32") {
      fs.accessSync(file, fs.constants.X_OK);
    }
    return true;
  } catch {
    return false;
  }
}

/** The binary's full path, or undefined when it cannot be found. */
export function findBinary(command: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (command.includes("/") || command.includes(path.sep)) {
    return isExecutable(command) ? command : undefined;
  }
  const exts = process.platform === "win32" ? (env.PATHEXT ?? ".EXE").split(";").concat([""]) : [""];
  for (const dir of (env.PATH ?? "").split(path.delimiter)) {
    if (!dir) {
      continue;
    }
    for (const ext of exts) {
      const candidate = path.join(dir, command + ext);
      if (isExecutable(candidate)) {
        return candidate;
      }
    }
  }
  return undefined;
}

async function reportMissing(command: string): Promise<void> {
  const msg = `flake-lsp: cannot start the language server: "${command}" was not found. Install flake-lsp and put it on PATH, or set "flake-lsp.path" to the binary (then run "flake-lsp: Restart Server").`;
  output?.appendLine(msg);
  const choice = await vscode.window.showErrorMessage(msg, "Open Settings", "Show Output");
  if (choice === "Open Settings") {
    // In a remote window a machine-scoped setting lives in the remote
    // settings: open those, where it can be set.
    if (vscode.env.remoteName) {
      try {
        await vscode.commands.executeCommand("workbench.action.openRemoteSettings", { query: "flake-lsp.path" });
        return;
      } catch {
        // older editors: the settings page below
      }
    }
    await vscode.commands.executeCommand("workbench.action.openSettings", "flake-lsp.path");
  } else if (choice === "Show Output") {
    output?.show(true);
  }
}

async function startClient(): Promise<void> {
  const cfg = vscode.workspace.getConfiguration(SECTION);
  const configured = cfg.get<string>("path", "flake-lsp") || "flake-lsp";
  const logLevel = cfg.get<string>("logLevel", "info") || "info";
  // The configured binary, else (with the default setting) the one this
  // platform's .vsix bundles.
  let command = findBinary(expandPath(configured));
  if (!command && configured === "flake-lsp") {
    command = bundledBinary();
  }
  if (!command) {
    void reportMissing(configured);
    return;
  }

  // The process is started here rather than by the client library, which
  // logs every exit as an error ("Server process exited with code 0" on
  // each intended restart): an exit is an error only when unexpected.
  const args = ["serve", "--stdio", "--log-level", logLevel];
  const exe = command;
  let stopping = false;
  const serverOptions: ServerOptions = async (): Promise<StreamInfo> => {
    const child = cp.spawn(exe, args, { cwd: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath, stdio: ["pipe", "pipe", "pipe"] });
    child.stderr?.on("data", (chunk: Buffer) => output?.append(chunk.toString()));
    child.on("exit", (code, signal) => {
      if (stopping || code === 0) {
        output?.appendLine(`flake-lsp: the server exited${code === 0 ? "" : ` (${signal ?? code})`}`);
      } else {
        output?.appendLine(`[Error] flake-lsp: the server exited unexpectedly with ${signal ? `signal ${signal}` : `code ${code}`}`);
      }
    });
    await new Promise<void>((resolve, reject) => {
      child.once("spawn", () => resolve());
      child.once("error", reject);
    });
    serverProcesses.set(clientId, child);
    return { reader: child.stdout!, writer: child.stdin!, detached: false };
  };
  const clientId = ++clients;
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "nix" },
      { scheme: "untitled", language: "nix" },
      // flake.lock is JSON (package.json associates the file name with
      // the json language); the server checks it against flake.nix.
      { scheme: "file", language: "json", pattern: "**/flake.lock" },
    ],
    synchronize: { configurationSection: SECTION },
    initializationOptions: () => serverSettings(),
    outputChannel: output,
    traceOutputChannel: output,
    middleware: {
      workspace: {
        // Answer section "flake-lsp" with the server's keys only.
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) {
            return result;
          }
          return params.items.map((item, i) => {
            if (item.section !== SECTION) {
              return result[i];
            }
            const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
            return serverSettings(scope);
          });
        },
      },
    },
  };

  const c = new LanguageClient("flake-lsp", "flake-lsp", serverOptions, clientOptions);
  client = c;
  stoppers.set(c, () => {
    stopping = true;
  });
  clientIds.set(c, clientId);
  output?.appendLine(`flake-lsp: starting ${command} ${args.join(" ")}`);
  try {
    await c.start();
  } catch (err) {
    if (client === c) {
      client = undefined;
    }
    // vscode-languageclient has already shown its own error messages.
    const detail = err instanceof Error ? err.message : String(err);
    output?.appendLine(`flake-lsp: cannot start the language server "${command}": ${detail}. Set "flake-lsp.path" to another binary, then run "flake-lsp: Restart Server".`);
    await c.dispose().catch(() => undefined);
  }
}

// The processes started for each client, to end them if they outlive
// stop() (the client library cannot kill a process it did not start).
let clients = 0;
const serverProcesses = new Map<number, cp.ChildProcess>();
const clientIds = new WeakMap<LanguageClient, number>();
const stoppers = new WeakMap<LanguageClient, () => void>();

async function stopClient(): Promise<void> {
  const c = client;
  client = undefined;
  if (!c) {
    return;
  }
  stoppers.get(c)?.();
  if (c.state !== State.Stopped) {
    await c.stop(5000).catch((err) => output?.appendLine(`flake-lsp: stopping the server: ${err}`));
  }
  await c.dispose().catch(() => undefined);
  const id = clientIds.get(c);
  const child = id === undefined ? undefined : serverProcesses.get(id);
  if (id !== undefined) {
    serverProcesses.delete(id);
  }
  if (child && child.exitCode === null && child.signalCode === null) {
    // It did not exit after shutdown and exit: end it.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        resolve();
      }, 2000);
      child.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

function queue(step: () => Promise<void>): Promise<void> {
  pending = pending.then(step, step);
  return pending;
}

function restart(): Promise<void> {
  return queue(async () => {
    await stopClient();
    await startClient();
  });
}

export async function activate(context: vscode.ExtensionContext): Promise<FlakeLspApi> {
  output = vscode.window.createOutputChannel("flake-lsp");
  extensionPath = context.extensionPath;
  context.subscriptions.push(output);
  context.subscriptions.push(vscode.commands.registerCommand("flake-lsp.restartServer", restart));
  context.subscriptions.push(vscode.commands.registerCommand("flake-lsp.runInTerminal", runInTerminal));
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      // The server pulls the other settings itself; these two are on its
      // command line.
      // A path set while no server runs (it was not found) applies at
      // once too.
      if (e.affectsConfiguration("flake-lsp.path") || e.affectsConfiguration("flake-lsp.logLevel") || (!client && e.affectsConfiguration(SECTION))) {
        // Later, so the client first sends its didChangeConfiguration for
        // this change (stopping under it makes the client report an error).
        clearTimeout(restartTimer);
        restartTimer = setTimeout(() => void restart(), 250);
      }
    }),
  );
  await queue(startClient);
  return {
    get client() {
      return client;
    },
    get serverProcess() {
      const id = client ? clientIds.get(client) : undefined;
      return id === undefined ? undefined : serverProcesses.get(id);
    },
    restart,
  };
}

export function deactivate(): Promise<void> {
  clearTimeout(restartTimer);
  return queue(stopClient);
}
