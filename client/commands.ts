/**
 * Extension commands other than the timeline preview: restart the language server and show its
 * output. Titles live in package.nls*.json; the ids are declared in package.json; messages in client-texts.ts.
 */

import type { ExtensionContext } from 'vscode';
import { commands, window } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { text } from '../language/i18n/locale.js';
import { clientTexts } from './client-texts.js';
import { currentLocale } from './client-locale.js';

export const RESTART_SERVER_COMMAND = 'vplan.restartServer';
export const SHOW_OUTPUT_COMMAND = 'vplan.showOutput';

export function registerCommands(context: ExtensionContext, client: LanguageClient): void {
    context.subscriptions.push(
        commands.registerCommand(RESTART_SERVER_COMMAND, async () => {
            try {
                // restart() also starts a client that stopped after too many crashes.
                await client.restart();
            } catch (error) {
                client.outputChannel.show(true);
                void window.showErrorMessage(text(clientTexts.restartFailed, { error: String(error) }, currentLocale()));
            }
        }),
        commands.registerCommand(SHOW_OUTPUT_COMMAND, () => {
            client.outputChannel.show(true);
        })
    );
}
