// flake-lsp for VS Code: starts the flake-lsp language server for Nix files
// and flake.lock, passes it the "flake-lsp" settings, and offers a restart
// command.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
} from "vscode-languageclient/node";

const SECTION = "flake-lsp";

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;
// Serialises start/stop/restart so a settings change during start-up does
// not start two servers.
let pending: Promise<void> = Promise.resolve();
let restartTimer: NodeJS.Timeout | undefined;

/** What activate() returns (for other extensions and for the tests). */
export interface FlakeLspApi {
  /** The running client, if any. */
  readonly client: LanguageClient | undefined;
  /** Stops the server (if running) and starts it again. */
  restart(): Promise<void>;
}

/**
 * The settings the server reads (lsp/settings.go): diagnostics.ignore,
 * exclude, maxFileSize, formatter. The client-only keys (path, logLevel,
 * trace) are left out so the server does not log them as unknown.
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
  return out;
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
    await vscode.commands.executeCommand("workbench.action.openSettings", "flake-lsp.path");
  } else if (choice === "Show Output") {
    output?.show(true);
  }
}

async function startClient(): Promise<void> {
  const cfg = vscode.workspace.getConfiguration(SECTION);
  const configured = cfg.get<string>("path", "flake-lsp") || "flake-lsp";
  const logLevel = cfg.get<string>("logLevel", "info") || "info";
  const command = findBinary(expandPath(configured));
  if (!command) {
    void reportMissing(configured);
    return;
  }

  const serverOptions: ServerOptions = {
    command,
    args: ["serve", "--stdio", "--log-level", logLevel],
    options: { cwd: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath },
  };
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
  output?.appendLine(`flake-lsp: starting ${command} ${serverOptions.args?.join(" ")}`);
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

async function stopClient(): Promise<void> {
  const c = client;
  client = undefined;
  if (c && c.state !== State.Stopped) {
    await c.stop().catch((err) => output?.appendLine(`flake-lsp: stopping the server: ${err}`));
  }
  if (c) {
    await c.dispose().catch(() => undefined);
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
  context.subscriptions.push(output);
  context.subscriptions.push(vscode.commands.registerCommand("flake-lsp.restartServer", restart));
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      // The server pulls the other settings itself; these two are on its
      // command line.
      if (e.affectsConfiguration("flake-lsp.path") || e.affectsConfiguration("flake-lsp.logLevel")) {
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
    restart,
  };
}

export function deactivate(): Promise<void> {
  clearTimeout(restartTimer);
  return queue(stopClient);
}
