/**
 * Helpers for the tests of language/diff: each side is a workspace of its own (fresh services, as
 * the CLI loads them), given as file texts by path; the file compared is `plan.vplan` unless said.
 */

import { URI, type LangiumDocument } from 'langium';
import type { VplanFile } from '../../../language/generated/ast.js';
import { loadBuiltinCatalogue } from '../../../language/workspace/builtin-documents.js';
import { diffChangeSet, singleFileDiff, type DiffSideInput, type DiffSourceFile, type SingleFileDiff, type DiffDiagnostic } from '../../../language/diff/plan-diff.js';
import { renderDiffText } from '../../../language/diff/plan-diff-text.js';
import type { Locale } from '../../../language/i18n/locale.js';
import { createTestServices } from '../../helpers.js';

const SEVERITIES = { 1: 'error', 2: 'warning', 3: 'info', 4: 'info' } as const;

/** Loads the files of one side in a workspace of its own and returns them as the diff reads them. */
export async function side(files: Record<string, string>): Promise<DiffSideInput> {
    const services = createTestServices();
    await loadBuiltinCatalogue(services.shared);
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const documents: Array<[string, LangiumDocument<VplanFile>]> = Object.entries(files).map(([path, text]) => {
        const document = factory.fromString<VplanFile>(text, URI.file(`/workspace/${path}`));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        return [path, document];
    });
    await services.shared.workspace.DocumentBuilder.build(documents.map(([, d]) => d), { validation: true });
    const sourceFiles = new Map<string, DiffSourceFile>();
    const diagnostics: Array<DiffDiagnostic & { key: string }> = [];
    for (const [path, document] of documents) {
        sourceFiles.set(path, { label: path, text: files[path], root: document.parseResult.value });
        for (const d of document.diagnostics ?? []) {
            diagnostics.push({
                key: path, file: path, line: d.range.start.line + 1, column: d.range.start.character + 1,
                severity: SEVERITIES[(d.severity ?? 1) as 1 | 2 | 3 | 4], code: String(d.code), message: String(d.message)
            });
        }
    }
    return { files: sourceFiles, diagnostics };
}

/** The diff of `plan.vplan` (or `subject`) between two workspaces given as texts. */
export async function diffOf(oldFiles: Record<string, string>, newFiles: Record<string, string>, subject = 'plan.vplan'): Promise<SingleFileDiff> {
    const oldSide = await side(oldFiles);
    const newSide = await side(newFiles);
    const pair = { old: subject in oldFiles ? subject : undefined, new: subject in newFiles ? subject : undefined };
    return singleFileDiff(diffChangeSet(oldSide, newSide, [pair]), { old: subject, new: subject });
}

export function textOf(diff: SingleFileDiff, locale: Locale = 'en'): string {
    return renderDiffText(diff, locale);
}
