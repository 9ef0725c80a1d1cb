/** Extension commands other than the timeline preview. TODO: implement. */

import type { ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export function registerCommands(_context: ExtensionContext, _client: LanguageClient): void {
    // TODO
}
