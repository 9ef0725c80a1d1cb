/**
 * The VS Code extension: starts the bundled vplan language server for `.vplan` files.
 */

import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import { workspace } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerTimelinePreview } from './timeline-preview.js';
import { registerCommands } from './commands.js';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
    const serverModule = context.asAbsolutePath(path.join('out', 'server.cjs'));
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const locale = workspace.getConfiguration('vplan').get<string>('locale', 'auto');
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ language: 'vplan' }],
        synchronize: { configurationSection: 'vplan' },
        initializationOptions: { locale: locale === 'auto' ? undefined : locale }
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
