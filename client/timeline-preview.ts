/** The timeline preview webview. TODO: implement. */

import type { ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export function registerTimelinePreview(_context: ExtensionContext, _client: LanguageClient): void {
    // TODO
}
