/**
 * Rename without an error in the log when the server refuses: vscode-languageclient logs every
 * failed request as `[error] Request textDocument/rename failed`, also when the server refuses a
 * new name that is a reserved word or no identifier (language/lsp/vplan-rename.ts), which is the
 * user's mistake, not a fault. This middleware sends the request itself and turns the server's
 * refusal into an Error with its message, which VS Code shows at the rename box. (A refusal in
 * `prepareRename`, such as a built-in measure type, is not logged by the client in the first place.)
 */

import type { CancellationToken, Position, TextDocument, WorkspaceEdit } from 'vscode';
import { LSPErrorCodes, RenameRequest, ResponseError, type LanguageClient } from 'vscode-languageclient/node';

/** The LSP error code the server refuses a rename with. */
const REQUEST_FAILED = LSPErrorCodes.RequestFailed;

export async function renameWithoutErrorLog(
    client: LanguageClient | undefined, document: TextDocument, position: Position, newName: string, token: CancellationToken
): Promise<WorkspaceEdit | null | undefined> {
    if (!client) return undefined;
    const params = {
        textDocument: client.code2ProtocolConverter.asTextDocumentIdentifier(document),
        position: client.code2ProtocolConverter.asPosition(position),
        newName
    };
    try {
        const result = await client.sendRequest(RenameRequest.type, params, token);
        if (token.isCancellationRequested || !result) return null;
        return await client.protocol2CodeConverter.asWorkspaceEdit(result, token);
    } catch (error) {
        if (error instanceof ResponseError && error.code === REQUEST_FAILED) throw new Error(error.message, { cause: error });
        throw error;
    }
}
