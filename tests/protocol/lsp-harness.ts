/**
 * A small LSP client for protocol tests: spawns the BUNDLED language server (out/server.cjs,
 * built by `npx node esbuild.mjs` / `npm test`) over stdio, with a workspace folder in a temp
 * directory, and speaks JSON-RPC through vscode-languageserver-protocol.
 *
 *     const server = await startServer({ workspaceFiles: { 'plan.vplan': text }, locale: 'nl' });
 *     await server.open(server.uri('plan.vplan'), text);
 *     const diagnostics = await server.waitForDiagnostics(server.uri('plan.vplan'));
 *     const hover = await server.request('textDocument/hover', { ... });
 *     await server.stop();
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
    createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection
} from 'vscode-languageserver-protocol/node';
import type { ClientCapabilities, Diagnostic, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const SERVER_BUNDLE = fileURLToPath(new URL('../../out/server.cjs', import.meta.url));

export interface StartOptions {
    /** Files written into the workspace folder before the server starts: relative path → text. */
    workspaceFiles?: Record<string, string>;
    /** The client's locale sent in `initialize` (e.g. 'nl', 'en-US'). */
    locale?: string;
    /** Sent as `initializationOptions` (e.g. `{ locale: 'nl' }`). */
    initializationOptions?: unknown;
    /** The Node binary that runs the server; defaults to the one running the tests. */
    nodePath?: string;
    /** Extra client capabilities, merged over sensible defaults. */
    capabilities?: ClientCapabilities;
    /** Extra environment variables of the server process (e.g. `VPLAN_LEAN_MIN_FILES`). */
    env?: Record<string, string>;
}

export interface LspServer {
    /** The temp folder holding the workspace files. */
    readonly workspaceDir: string;
    readonly initializeResult: InitializeResult;
    readonly connection: ProtocolConnection;
    /** The `file:` URI of a path relative to the workspace folder. */
    uri(relativePath: string): string;
    open(uri: string, text: string): Promise<void>;
    /** Replaces the whole text of an open document. */
    change(uri: string, text: string): Promise<void>;
    /**
     * Resolves with the diagnostics of `uri` as soon as the latest published set passes the
     * predicate (by default: any set at all), including a set published before the call.
     */
    waitForDiagnostics(uri: string, predicate?: (diagnostics: Diagnostic[]) => boolean): Promise<Diagnostic[]>;
    /** Resolves with the first defined value of `check`, asked again after every notification from the server. */
    waitUntil<T>(what: string, check: () => T | undefined): Promise<T>;
    request<R = unknown>(method: string, params: unknown): Promise<R>;
    notify(method: string, params: unknown): Promise<void>;
    /** Every publishDiagnostics so far, in arrival order. */
    readonly publications: PublishDiagnosticsParams[];
    /** Every other notification the server sent that no handler here consumes (`vplan/timelineChanged`, ...), in arrival order. */
    readonly notifications: Array<{ method: string; params: unknown }>;
    /** The method of every capability the server registered with `client/registerCapability`. */
    readonly registrations: string[];
    /** Every `window/logMessage` of the server, in arrival order. */
    readonly logs: Array<{ type: number; message: string }>;
    /** The value of every `$/progress` the server sent (work-done progress: begin, report, end), in arrival order. */
    readonly progress: Array<{ kind: string; title?: string; message?: string; percentage?: number }>;
    /** Text the server wrote to stderr so far (for failure messages). */
    stderr(): string;
    /** shutdown → exit, then removes the workspace folder. */
    stop(): Promise<void>;
}

const DEFAULT_CAPABILITIES: ClientCapabilities = {
    // Watches files for the server, as VS Code does (file-watching.protocol.test.ts starts servers whose client does not).
    workspace: { workspaceFolders: true, applyEdit: true, workspaceEdit: { documentChanges: false }, didChangeWatchedFiles: { dynamicRegistration: true } },
    textDocument: {
        synchronization: { didSave: true },
        publishDiagnostics: { relatedInformation: true },
        completion: { completionItem: { snippetSupport: true } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        rename: { prepareSupport: true },
        semanticTokens: {
            requests: { full: true, range: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative']
        }
    }
};

/** Safety net so that a broken server fails a test instead of hanging it (not a timing assertion). */
const WAIT_LIMIT_MS = 20_000;

/**
 * A whole server and a lean one (every plan that is not open parked: language/workspace/parked-plans.ts),
 * as `describe.each` rows: the mode's name and the server's extra environment.
 */
export const WHOLE_AND_LEAN: Array<[string, Record<string, string>]> = [
    ['whole', {}],
    ['lean (closed plans parked)', { VPLAN_LEAN_MIN_FILES: '0' }]
];

export async function startServer(options: StartOptions = {}): Promise<LspServer> {
    if (!existsSync(SERVER_BUNDLE)) {
        throw new Error(`${SERVER_BUNDLE} is missing: build it first with \`npx node esbuild.mjs\` (npm test does this).`);
    }
    const workspaceDir = mkdtempSync(join(tmpdir(), 'vplan-lsp-'));
    for (const [path, text] of Object.entries(options.workspaceFiles ?? {})) {
        const file = join(workspaceDir, path);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, text);
    }
    const child: ChildProcess = spawn(options.nodePath ?? process.execPath, [SERVER_BUNDLE, '--stdio'], {
        cwd: workspaceDir, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, LANG: 'C', LC_ALL: 'C', ...options.env }
    });
    let stderr = '';
    child.stderr!.on('data', chunk => { stderr += String(chunk); });
    const exited = new Promise<number | null>(done => child.on('exit', code => done(code)));

    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const latest = new Map<string, Diagnostic[]>();
    const waiters = new Set<() => void>();
    const publications: PublishDiagnosticsParams[] = [];
    const notifications: Array<{ method: string; params: unknown }> = [];
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
        publications.push(params);
        latest.set(params.uri, params.diagnostics);
        waiters.forEach(check => check());
    });
    // Requests a client must answer.
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    const registrations: string[] = [];
    connection.onRequest('client/registerCapability', (params: { registrations: Array<{ method: string }> }) => {
        registrations.push(...params.registrations.map(registration => registration.method));
        return null;
    });
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/semanticTokens/refresh', () => null);
    connection.onRequest('workspace/inlayHint/refresh', () => null);
    connection.onRequest('workspace/codeLens/refresh', () => null);
    const logs: LspServer['logs'] = [];
    connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
        logs.push(params);
        waiters.forEach(check => check());
    });
    // vscode-jsonrpc hands `$/progress` for a token nobody listens to (all of them here) to this handler.
    const progress: LspServer['progress'] = [];
    (connection as unknown as { onUnhandledProgress(handler: (params: { value: LspServer['progress'][number] }) => void): void }).onUnhandledProgress(params => {
        progress.push(params.value);
        waiters.forEach(check => check());
    });
    // vscode-jsonrpc's star handler receives every notification no handler above takes.
    (connection as unknown as { onNotification(handler: (method: string, params: unknown) => void): void }).onNotification((method, params) => {
        notifications.push({ method, params });
        waiters.forEach(check => check());
    });
    connection.listen();

    const rootUri = pathToFileURL(workspaceDir).toString();
    const capabilities = mergeDeep(DEFAULT_CAPABILITIES, options.capabilities ?? {});
    const initializeResult = await withLimit(connection.sendRequest<InitializeResult>('initialize', {
        processId: process.pid,
        rootUri,
        locale: options.locale,
        capabilities,
        initializationOptions: options.initializationOptions,
        workspaceFolders: [{ uri: rootUri, name: 'workspace' }]
    }), 'initialize', () => stderr);
    await connection.sendNotification('initialized', {});

    const versions = new Map<string, number>();
    const server: LspServer = {
        workspaceDir,
        initializeResult,
        connection,
        publications,
        notifications,
        logs,
        registrations,
        progress,
        uri: relativePath => pathToFileURL(join(workspaceDir, relativePath)).toString(),
        async open(uri, text) {
            versions.set(uri, 1);
            latest.delete(uri);
            await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'vplan', version: 1, text } });
        },
        async change(uri, text) {
            const version = (versions.get(uri) ?? 1) + 1;
            versions.set(uri, version);
            latest.delete(uri);
            await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
        },
        waitForDiagnostics(uri, predicate = () => true) {
            return withLimit(new Promise<Diagnostic[]>(done => {
                const check = () => {
                    const diagnostics = latest.get(uri);
                    if (diagnostics && predicate(diagnostics)) {
                        waiters.delete(check);
                        done(diagnostics);
                    }
                };
                waiters.add(check);
                check();
            }), `diagnostics for ${uri}`, () => stderr);
        },
        waitUntil(what, check) {
            return withLimit(new Promise(done => {
                const probe = () => {
                    const value = check();
                    if (value !== undefined) {
                        waiters.delete(probe);
                        done(value);
                    }
                };
                waiters.add(probe);
                probe();
            }), what, () => stderr);
        },
        request: (method, params) => withLimit(connection.sendRequest(method, params), method, () => stderr),
        notify: (method, params) => connection.sendNotification(method, params),
        stderr: () => stderr,
        async stop() {
            try {
                await withLimit(connection.sendRequest('shutdown'), 'shutdown', () => stderr);
                await connection.sendNotification('exit');
                await withLimit(exited, 'exit', () => stderr);
            } finally {
                connection.dispose();
                if (child.exitCode === null) child.kill();
                rmSync(workspaceDir, { recursive: true, force: true });
            }
        }
    };
    return server;
}

function withLimit<T>(promise: Promise<T>, what: string, stderr: () => string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<never>((_, fail) => {
        timer = setTimeout(() => fail(new Error(`No answer for ${what}. Server stderr:\n${stderr()}`)), WAIT_LIMIT_MS);
    });
    return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

function mergeDeep<T>(base: T, extra: unknown): T {
    if (typeof base !== 'object' || base === null || typeof extra !== 'object' || extra === null) return (extra ?? base) as T;
    const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
    for (const [key, value] of Object.entries(extra)) {
        out[key] = key in out ? mergeDeep(out[key], value) : value;
    }
    return out as T;
}
