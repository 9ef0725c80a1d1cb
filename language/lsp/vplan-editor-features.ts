/**
 * The editor features of the language server beyond formatting and quick fixes: completion,
 * hover, semantic tokens, inlay hints, code lens, rename and symbols (docs/editor.md). Each
 * entry maps a Langium `lsp` service key to its factory; go to definition, references,
 * highlights and folding are Langium's defaults. `vplanSharedEditorFeatures` holds the shared
 * services: symbol kinds, and the content of the built-in catalogue (`vplan-builtin:` URIs) for
 * clients that support `workspace/textDocumentContent` (LSP 3.18).
 */

import {
    DefaultTextDocumentContentProvider, type LangiumLSPServices, type LangiumSharedLSPServices, type LangiumSharedServices
} from 'langium/lsp';
import { URI } from 'langium';
import type { VplanServices } from '../vplan-module.js';
import { BUILTIN_CATALOGUE_URI } from '../builtin/catalogue.js';
import { VplanCompletionProvider } from './vplan-completion.js';
import { VplanHoverProvider } from './vplan-hover.js';
import { VplanSemanticTokenProvider } from './vplan-semantic-tokens.js';
import { VplanInlayHintProvider } from './vplan-inlay-hints.js';
import { VplanCodeLensProvider } from './vplan-code-lens.js';
import { VplanDocumentUpdateHandler } from './vplan-document-update-handler.js';
import { VplanRenameProvider } from './vplan-rename.js';
import { VplanDocumentSymbolProvider, VplanNodeKindProvider, VplanWorkspaceSymbolProvider } from './vplan-symbols.js';

/** Factories of `lsp` services, in the shape a Langium module's `lsp` section takes. */
export type LspFactories<I, S> = { [K in keyof S]?: (services: I) => S[K] };

export const vplanEditorFeatures: LspFactories<VplanServices, LangiumLSPServices['lsp']> = {
    CompletionProvider: (services) => new VplanCompletionProvider(services),
    HoverProvider: (services) => new VplanHoverProvider(services),
    SemanticTokenProvider: (services) => new VplanSemanticTokenProvider(services),
    InlayHintProvider: (services) => new VplanInlayHintProvider(services),
    CodeLensProvider: (services) => new VplanCodeLensProvider(services),
    RenameProvider: (services) => new VplanRenameProvider(services),
    DocumentSymbolProvider: (services) => new VplanDocumentSymbolProvider(services)
};

export const BUILTIN_SCHEME = URI.parse(BUILTIN_CATALOGUE_URI).scheme;

export const vplanSharedEditorFeatures: LspFactories<LangiumSharedServices, LangiumSharedLSPServices['lsp']> = {
    NodeKindProvider: () => new VplanNodeKindProvider(),
    DocumentUpdateHandler: (shared) => new VplanDocumentUpdateHandler(shared),
    WorkspaceSymbolProvider: (shared) => new VplanWorkspaceSymbolProvider(shared),
    TextDocumentContentProvider: (shared) => new DefaultTextDocumentContentProvider(shared, BUILTIN_SCHEME)
};
