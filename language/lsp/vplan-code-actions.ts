/**
 * Quick fixes for vplan diagnostics. TODO: implement.
 */

import type { LangiumDocument, MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import type { CodeAction, CodeActionParams, Command } from 'vscode-languageserver';
import type { VplanServices } from '../vplan-module.js';

export class VplanCodeActionProvider implements CodeActionProvider {
    constructor(protected readonly services: VplanServices) {}

    getCodeActions(_document: LangiumDocument, _params: CodeActionParams): MaybePromise<Array<Command | CodeAction> | undefined> {
        return undefined;
    }
}
