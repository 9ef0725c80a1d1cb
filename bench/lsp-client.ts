/**
 * A minimal LSP client over stdio for the benchmark and the server tests: spawns the bundled
 * server, speaks JSON-RPC through vscode-languageserver-protocol, and records every
 * publishDiagnostics with the time it arrived.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
    createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection
} from 'vscode-languageserver-protocol/node';
import {
    DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, ExitNotification, InitializedNotification,
    InitializeRequest, PublishDiagnosticsNotification, ShutdownRequest, type Diagnostic, type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol';

export interface DiagnosticsEvent {
    uri: string;
    diagnostics: Diagnostic[];
    /** performance.now() when the notification arrived. */
    at: number;
}

export interface LanguageServerSession {
    child: ChildProcess;
    connection: ProtocolConnection;
    /** Every publishDiagnostics so far, in arrival order. */
    events: DiagnosticsEvent[];
    /** The latest diagnostics per URI. */
    latest: Map<string, Diagnostic[]>;
    stderr: () => string;
    open(uri: string, text: string, version?: number): void;
    change(uri: string, text: string, version: number): void;
    /** Resolves with the first diagnostics event after `since` for `uri` that satisfies `accept`. */
    waitForDiagnostics(uri: string, accept?: (diagnostics: Diagnostic[]) => boolean, since?: number, timeoutMs?: number): Promise<DiagnosticsEvent>;
    /** Resolves when every URI in `uris` got diagnostics after `since`; returns the time of the last one. */
    waitForAll(uris: Iterable<string>, since: number, timeoutMs?: number): Promise<number>;
    shutdown(): Promise<void>;
}

export interface StartOptions {
    serverPath: string;
    workspaceFolder?: string;
    /** Extra node arguments, e.g. `--require` a preload script. */
    nodeArgs?: string[];
    env?: NodeJS.ProcessEnv;
    nodePath?: string;
    locale?: string;
}

export function fileUri(path: string): string {
    return pathToFileURL(path).toString();
}

export async function startLanguageServer(options: StartOptions): Promise<LanguageServerSession> {
    const child = spawn(options.nodePath ?? process.execPath, [...(options.nodeArgs ?? []), options.serverPath, '--stdio'], {
        stdio: ['pipe', 'pipe', 'pipe'],
        env: options.env ?? process.env
    });
    let stderrText = '';
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => { stderrText = (stderrText + chunk).slice(-20_000); });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const events: DiagnosticsEvent[] = [];
    const latest = new Map<string, Diagnostic[]>();
    type Waiter = () => boolean;
    let waiters: Waiter[] = [];
    connection.onNotification(PublishDiagnosticsNotification.type, (params: PublishDiagnosticsParams) => {
        const event = { uri: params.uri, diagnostics: params.diagnostics, at: performance.now() };
        events.push(event);
        latest.set(params.uri, params.diagnostics);
        waiters = waiters.filter(waiter => !waiter());
    });
    // The server may ask for configuration and register capabilities; answer like a plain client.
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();

    const folder = options.workspaceFolder;
    await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: folder ? fileUri(folder) : null,
        workspaceFolders: folder ? [{ uri: fileUri(folder), name: 'workspace' }] : null,
        locale: options.locale ?? 'en',
        capabilities: {
            textDocument: {
                publishDiagnostics: { relatedInformation: false },
                synchronization: { didSave: false, dynamicRegistration: false },
                hover: { contentFormat: ['markdown', 'plaintext'] },
                documentSymbol: { hierarchicalDocumentSymbolSupport: true }
            },
            // As VS Code: the editor watches files for the server (else the server watches them itself).
            workspace: { workspaceFolders: true, configuration: false, didChangeWatchedFiles: { dynamicRegistration: true } }
        }
    });
    await connection.sendNotification(InitializedNotification.type, {});

    const waitUntil = <T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> =>
        new Promise((resolve, reject) => {
            const now = check();
            if (now !== undefined) return resolve(now);
            const timer = setTimeout(() => {
                waiters = waiters.filter(w => w !== waiter);
                reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; server stderr: ${stderrText.slice(-2000)}`));
            }, timeoutMs);
            const waiter = () => {
                const value = check();
                if (value === undefined) return false;
                clearTimeout(timer);
                resolve(value);
                return true;
            };
            waiters.push(waiter);
        });

    return {
        child, connection, events, latest,
        stderr: () => stderrText,
        open(uri, text, version = 1) {
            void connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'vplan', version, text } });
        },
        change(uri, text, version) {
            void connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
        },
        waitForDiagnostics(uri, accept = () => true, since = 0, timeoutMs = 60_000) {
            return waitUntil(() => events.find(e => e.at >= since && e.uri === uri && accept(e.diagnostics)), timeoutMs, `diagnostics of ${uri}`);
        },
        waitForAll(uris, since, timeoutMs = 120_000) {
            const pending = new Set(uris);
            let scanned = 0;
            let last = since;
            return waitUntil(() => {
                for (; scanned < events.length; scanned++) {
                    const e = events[scanned];
                    if (e.at >= since && pending.delete(e.uri)) last = e.at;
                }
                return pending.size === 0 ? last : undefined;
            }, timeoutMs, `diagnostics of ${pending.size} documents`);
        },
        async shutdown() {
            const exited = new Promise<void>(resolve => {
                if (child.exitCode !== null) resolve();
                else child.once('exit', () => resolve());
            });
            try {
                await Promise.race([connection.sendRequest(ShutdownRequest.type), new Promise(r => setTimeout(r, 5_000))]);
                await connection.sendNotification(ExitNotification.type);
            } catch { /* the server may already be gone */ }
            const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
            await exited;
            clearTimeout(timer);
            connection.dispose();
        }
    };
}
