/**
 * Every test checks the document builder's updates: which documents it relinks and builds must be
 * those Langium's walk over every document would choose (language/workspace/vplan-document-builder.ts,
 * `updateDocuments`). In process an update with another choice throws, and the test fails after
 * it even where something caught the error; a language server started by a test (directly or by
 * the VS Code extension in code-server) inherits `VPLAN_CHECK_UPDATES` and stops with the
 * difference on stderr (server/command-line.ts).
 */

import { afterEach } from 'vitest';
import { VplanDocumentBuilder } from '../../language/workspace/vplan-document-builder.js';

process.env.VPLAN_CHECK_UPDATES = '1';
const wrongUpdates: string[] = [];
VplanDocumentBuilder.onWrongUpdate = message => {
    wrongUpdates.push(message);
    throw new Error(message);
};

afterEach(() => {
    const wrong = wrongUpdates.splice(0);
    if (wrong.length > 0) throw new Error(wrong.join('\n'));
});
