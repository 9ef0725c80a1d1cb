/**
 * Extension commands other than the timeline preview: restart the language server and show its
 * output. Titles live in package.nls*.json; the ids are declared in package.json.
 */

import type { ExtensionContext } from 'vscode';
import { commands, window, l10n } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

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
                void window.showErrorMessage(l10n.t('The vplan language server could not be restarted: {0}', String(error)));
            }
        }),
        commands.registerCommand(SHOW_OUTPUT_COMMAND, () => {
            client.outputChannel.show(true);
        })
    );
}
