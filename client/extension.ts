/**
 * The VS Code extension: starts the bundled vplan language server for `.vplan` files.
 */

import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import { workspace } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { renameWithoutErrorLog } from './rename-middleware.js';
import { registerTimelinePreview } from './timeline-preview.js';
import { registerCommands } from './commands.js';
import { SERVER_ENVIRONMENT, SERVER_NODE_FLAGS } from './server-node-flags.js';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
    const serverModule = context.asAbsolutePath(path.join('out', 'server.cjs'));
    const serverOptions: ServerOptions = {
        // SERVER_NODE_FLAGS: a smaller young generation, which keeps the server's peak memory lower.
        // SERVER_ENVIRONMENT: fewer and earlier-trimmed C library arenas, for the same reason.
        run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS], env: { ...process.env, ...SERVER_ENVIRONMENT } } },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6009'], env: { ...process.env, ...SERVER_ENVIRONMENT } } }
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ language: 'vplan' }],
        // Changes of `vplan.*` reach the server as workspace/didChangeConfiguration.
        synchronize: { configurationSection: 'vplan' },
        // A function, so that a restarted server (after a crash or the restart command) gets the
        // current `vplan.locale`, not the one from activation.
        initializationOptions: () => {
            const locale = workspace.getConfiguration('vplan').get<string>('locale', 'auto');
            return { locale: locale === 'auto' ? undefined : locale };
        },
        // A refused rename (a reserved word as the new name) is the user's mistake: shown, not logged as an error.
        middleware: { provideRenameEdits: (document, position, newName, token) => renameWithoutErrorLog(client, document, position, newName, token) }
    };
    client = new LanguageClient('vplan', 'vplan', serverOptions, clientOptions);
    await client.start();
    registerTimelinePreview(context, client);
    registerCommands(context, client);
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
