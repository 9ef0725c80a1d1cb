/**
 * The editor features of the language (formatter, code actions, completion, hover, ...). They are
 * Langium services, so they live with the language; they import LSP types but never `vscode`.
 */

import type { Module } from 'langium';
import type { PartialLangiumServices } from 'langium/lsp';
import type { VplanServices } from '../vplan-module.js';
import { VplanFormatter } from './vplan-formatter.js';
import { VplanCodeActionProvider } from './vplan-code-actions.js';
import { vplanEditorFeatures } from './vplan-editor-features.js';

export const vplanLspModule: Module<VplanServices, PartialLangiumServices> = {
    lsp: {
        Formatter: () => new VplanFormatter(),
        CodeActionProvider: (services) => new VplanCodeActionProvider(services as VplanServices),
        ...vplanEditorFeatures
    }
};
