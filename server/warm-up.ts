/**
 * Warm-up of the language server (docs/performance.md, "Warm-up of the language server").
 *
 * After the workspace is loaded, the first edits were several times slower than the rest: the
 * code that only an edit runs (the builder's update, relinking one plan, the validation memo,
 * completion, hover, semantic tokens, ...) was still cold, and V8 interprets cold code before it
 * compiles it. While the workspace loads, the server therefore edits a synthetic plan a few
 * times in a *separate* set of services over an empty file system, and asks it for what an editor
 * asks after an edit. The classes are the same, so V8's compiled code and type feedback carry over;
 * the workspace, its index, its documents and the client see nothing of it (no diagnostics are
 * published, no document is added to the workspace).
 *
 * The warm-up runs while the workspace loads, in small steps of one turn of the event loop each,
 * so that the initialize request, the loading and the first requests interleave with it.
 */

import { DocumentState, EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position } from 'vscode-languageserver-types';
import { createVplanServices } from '../language/vplan-module.js';
import { loadBuiltinCatalogue } from '../language/workspace/builtin-documents.js';
import { EXAMPLE_CATALOGUE, EXAMPLE_SECTIONS, examplePlan } from '../language/rules/example-plan.js';

/** What the warm-up did (for the tests). */
export interface WarmUpResult {
    /** Edits of the synthetic plan that were built. */
    edits: number;
    /** Whether it stopped early because the client changed a document. */
    interrupted: boolean;
}

export interface WarmUpOptions {
    /** Rounds over the edit variants (default 3). */
    rounds?: number;
    /** Called with the diagnostics of each warm-up edit, e.g. to warm the publisher's formatting (never to send them). */
    onDiagnostics?: (diagnostics: readonly Diagnostic[]) => void;
}

const WARM_UP_FOLDER = 'file:///vplan-warm-up/';

/** The texts the synthetic plan goes through: valid, an unknown organisation (VP081), a syntax error, a rule finding. */
export function warmUpTexts(): string[] {
    const valid = examplePlan();
    const variants = [
        valid,
        valid.replace(/\bby (\w+)/, 'by $1_onbekend'),
        valid.replace(EXAMPLE_SECTIONS.header, `${EXAMPLE_SECTIONS.header}\n    status`),
        examplePlan({ regie: '' })
    ];
    return variants.filter((text, index) => index === 0 || text !== valid);
}

/**
 * Starts the warm-up at once, while the client initializes and the workspace's files are read,
 * so that it is done by the time the user edits; its steps interleave with the loading and with
 * any request. Resolves when it is done (never rejects: a failing warm-up only leaves code cold).
 */
export async function startWarmUp(options: WarmUpOptions = {}): Promise<WarmUpResult> {
    try {
        return await warmUp(() => false, options);
    } catch {
        return { edits: 0, interrupted: true };
    }
}

/** Edits a synthetic plan in services of its own; `stop()` is asked between steps. */
export async function warmUp(stop: () => boolean = () => false, options: WarmUpOptions = {}): Promise<WarmUpResult> {
    let edits = 0;
    const step = async (): Promise<boolean> => {
        await new Promise<void>(resolve => setImmediate(resolve));
        return !stop();
    };
    if (!await step()) return { edits, interrupted: true };
    const { shared, Vplan } = createVplanServices(EmptyFileSystem);
    await loadBuiltinCatalogue(shared);
    const documents = shared.workspace.LangiumDocuments;
    const textDocuments = shared.workspace.TextDocuments!;
    const catalogueUri = URI.parse(`${WARM_UP_FOLDER}organisaties.vplan`);
    const planUri = URI.parse(`${WARM_UP_FOLDER}plan.vplan`);
    const catalogue = shared.workspace.LangiumDocumentFactory.fromString(EXAMPLE_CATALOGUE, catalogueUri);
    documents.addDocument(catalogue);
    const texts = warmUpTexts();
    let version = 1;
    const opened = TextDocument.create(planUri.toString(), 'vplan', version, texts[0]);
    textDocuments.set(opened);
    const plan = shared.workspace.LangiumDocumentFactory.fromTextDocument(opened, planUri);
    documents.addDocument(plan);
    if (!await step()) return { edits, interrupted: true };
    await shared.workspace.DocumentBuilder.build([catalogue, plan], { validation: true });

    const rounds = options.rounds ?? 3;
    for (let round = 0; round < rounds; round++) {
        for (const text of texts.slice(round === 0 ? 1 : 0)) {
            if (!await step()) return { edits, interrupted: true };
            textDocuments.set(TextDocument.create(planUri.toString(), 'vplan', ++version, text));
            await shared.workspace.DocumentBuilder.update([planUri], []);
            edits++;
            const document = documents.getDocument(planUri);
            if (!document || document.state < DocumentState.Validated) continue;
            options.onDiagnostics?.(document.diagnostics ?? []);
            if (!await step()) return { edits, interrupted: true };
            await askLikeAnEditor(Vplan, document, text);
        }
    }
    return { edits, interrupted: false };
}

type Services = ReturnType<typeof createVplanServices>['Vplan'];

/** What an editor asks after an edit, and at the cursor: semantic tokens, symbols, hints, lenses, actions, hover, completion. */
async function askLikeAnEditor(services: Services, document: LangiumDocument, text: string): Promise<void> {
    const lsp = services.lsp;
    const textDocument = { uri: document.uri.toString() };
    const lines = text.split('\n');
    const range = { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } };
    const at = (needle: string): Position => {
        const offset = Math.max(0, text.indexOf(needle));
        return document.textDocument.positionAt(offset + Math.min(2, needle.length));
    };
    await lsp.SemanticTokenProvider?.semanticHighlight(document, { textDocument });
    await lsp.DocumentSymbolProvider?.getSymbols(document, { textDocument });
    await lsp.InlayHintProvider?.getInlayHints(document, { textDocument, range });
    await lsp.CodeLensProvider?.provideCodeLens(document, { textDocument });
    await lsp.CodeActionProvider?.getCodeActions(document, { textDocument, range, context: { diagnostics: document.diagnostics ?? [] } });
    for (const needle of ['by ', 'member ', 'measure ', 'from ']) {
        await lsp.HoverProvider?.getHoverContent(document, { textDocument, position: at(needle) });
        await lsp.CompletionProvider?.getCompletion(document, { textDocument, position: at(needle) });
    }
}
