/**
 * Starts the language server: Langium's `startLanguageServer` (langium/lsp, language-server.ts),
 * handler for handler, except that diagnostics are published by vplan's DiagnosticsPublisher
 * (versions, coalesced bursts, plain text and rule links) instead of Langium's
 * `addDiagnosticsHandler`. tests/protocol/server-start.protocol.test.ts checks that the server
 * advertises what Langium's would.
 */

import {
    addCallHierarchyHandler, addCodeActionHandler, addCodeLensHandler, addCompletionHandler, addConfigurationChangeHandler,
    addDocumentHighlightHandler, addDocumentLinkHandler, addDocumentSymbolHandler, addDocumentUpdateHandler,
    addExecuteCommandHandler, addFileOperationHandler, addFindReferencesHandler, addFoldingRangeHandler, addFormattingHandler,
    addGoToDeclarationHandler, addGoToImplementationHandler, addGoToTypeDefinitionHandler, addGotoDefinitionHandler,
    addHoverHandler, addInlayHintHandler, addRenameHandler, addSemanticTokenHandler, addSignatureHelpHandler,
    addTextDocumentContentRequestHandler, addTypeHierarchyHandler, addWorkspaceSymbolHandler, type LangiumSharedServices
} from 'langium/lsp';
import type { DiagnosticsPublisher } from './diagnostics-publisher.js';

export function startVplanLanguageServer(services: LangiumSharedServices, publisher: DiagnosticsPublisher): void {
    const connection = services.lsp.Connection;
    if (!connection) throw new Error('Starting a language server requires the languageServer.Connection service to be set.');

    addDocumentUpdateHandler(connection, services);
    addFileOperationHandler(connection, services);
    publisher.register();
    addCompletionHandler(connection, services);
    addFindReferencesHandler(connection, services);
    addDocumentSymbolHandler(connection, services);
    addGotoDefinitionHandler(connection, services);
    addGoToTypeDefinitionHandler(connection, services);
    addGoToImplementationHandler(connection, services);
    addDocumentHighlightHandler(connection, services);
    addFoldingRangeHandler(connection, services);
    addFormattingHandler(connection, services);
    addCodeActionHandler(connection, services);
    addRenameHandler(connection, services);
    addHoverHandler(connection, services);
    addInlayHintHandler(connection, services);
    addSemanticTokenHandler(connection, services);
    addExecuteCommandHandler(connection, services);
    addSignatureHelpHandler(connection, services);
    addCallHierarchyHandler(connection, services);
    addTypeHierarchyHandler(connection, services);
    addCodeLensHandler(connection, services);
    addTextDocumentContentRequestHandler(connection, services);
    addDocumentLinkHandler(connection, services);
    addConfigurationChangeHandler(connection, services);
    addGoToDeclarationHandler(connection, services);
    addWorkspaceSymbolHandler(connection, services);

    connection.onInitialize(params => services.lsp.LanguageServer.initialize(params));
    connection.onInitialized(params => services.lsp.LanguageServer.initialized(params));

    // The text document manager listens for open, change and close; then the connection starts listening.
    services.workspace.TextDocuments.listen(connection);
    connection.listen();
}
