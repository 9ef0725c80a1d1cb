/**
 * What the server does when the editor closes a document (language/lsp/vplan-document-update-handler.ts):
 * the update it fires, decided from the document's file. tests/protocol/close-and-rename.protocol.test.ts
 * shows the effect over stdio (diagnostics, go to definition, names of the closed document).
 */

import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createVplanServices } from '../../../language/vplan-module.js';
import { VplanDocumentUpdateHandler } from '../../../language/lsp/vplan-document-update-handler.js';
import { VplanDocumentBuilder } from '../../../language/workspace/vplan-document-builder.js';
import { BUILTIN_CATALOGUE, BUILTIN_CATALOGUE_URI } from '../../../language/builtin/catalogue.js';

const TEXT = 'organisation vt "Veilig Thuis" kind veiligthuis\n';

/** A handler whose updates are recorded instead of run. */
class RecordingHandler extends VplanDocumentUpdateHandler {
    readonly fired: Array<{ changed: string[]; deleted: string[] }> = [];
    protected override fireDocumentUpdate(changed: URI[], deleted: URI[]): void {
        this.fired.push({ changed: changed.map(String), deleted: deleted.map(String) });
    }
}

let folder: string;
let handler: RecordingHandler;
let builder: VplanDocumentBuilder;

beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'vplan-close-'));
    const { shared } = createVplanServices(NodeFileSystem);
    handler = new RecordingHandler(shared);
    builder = shared.workspace.DocumentBuilder as VplanDocumentBuilder;
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

function close(uri: string, text: string): { changed: string[]; deleted: string[] } | undefined {
    handler.didCloseDocument({ document: TextDocument.create(uri, 'vplan', 7, text) });
    return handler.fired.at(-1);
}

const fileUri = (name: string) => URI.parse(pathToFileURL(join(folder, name)).toString()).toString();

describe.each([['whole', false], ['lean', true]])('closing a document (%s workspace)', (_mode, lean) => {
    beforeEach(() => {
        builder.lean = lean;
    });

    test('closed without saving: read again from its file', () => {
        writeFileSync(join(folder, 'orgs.vplan'), TEXT);
        expect(close(fileUri('orgs.vplan'), TEXT.replace('vt', 'vt_nieuw'))).toEqual({ changed: [fileUri('orgs.vplan')], deleted: [] });
    });

    test('its file deleted while it was open: deleted from the workspace', () => {
        expect(close(fileUri('gone.vplan'), TEXT)).toEqual({ changed: [], deleted: [fileUri('gone.vplan')] });
    });

    test('not a file (untitled): deleted from the workspace', () => {
        expect(close('untitled:Untitled-1', TEXT)).toEqual({ changed: [], deleted: ['untitled:Untitled-1'] });
    });

    test('the built-in catalogue: left as it is', () => {
        expect(close(URI.parse(BUILTIN_CATALOGUE_URI).toString(), BUILTIN_CATALOGUE)).toBeUndefined();
    });

    test(lean ? 'saved: read again all the same, to be parked' : 'saved: nothing to do, it was built from its file\'s text', () => {
        writeFileSync(join(folder, 'orgs.vplan'), TEXT);
        expect(close(fileUri('orgs.vplan'), TEXT)).toEqual(lean ? { changed: [fileUri('orgs.vplan')], deleted: [] } : undefined);
    });
});
