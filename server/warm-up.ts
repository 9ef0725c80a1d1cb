/**
 * Warm-up of the language server (docs/performance.md, "The language server's first edits: warm-up").
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
 * The warm-up starts when the files of a large workspace are read and runs in small steps of one
 * turn of the event loop each, interleaved with the initial build; after it, a step runs only when
 * the workspace has no build running or queued, so that the client's edits go first.
 */

import { DocumentState, EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position } from 'vscode-languageserver-types';
import { createVplanServices } from '../language/vplan-module.js';
import { loadBuiltinCatalogue } from '../language/workspace/builtin-documents.js';
import { VplanDocumentBuilder } from '../language/workspace/vplan-document-builder.js';
import { EXAMPLE_CATALOGUE, EXAMPLE_SECTIONS, examplePlan } from '../language/rules/example-plan.js';

/** What the warm-up did (for the tests). */
export interface WarmUpResult {
    /** Edits of the synthetic plan that were built. */
    edits: number;
    /** Whether it stopped early: `stop()` asked it to, or it failed (then the code just stays cold). */
    interrupted: boolean;
}

export interface WarmUpOptions {
    /** Rounds over the edit variants (default 2; the editor's requests are asked in the last round only). */
    rounds?: number;
    /** Awaited before every step (the server: until its own workspace has no build running or queued). */
    beforeStep?: () => Promise<unknown>;
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
 * A workspace of fewer documents is not warmed up: it loads in a few hundred milliseconds, which
 * the warm-up would lengthen by half, and its first edits are only a little slower than the rest
 * (docs/performance.md). A larger one takes long enough to load to hide it.
 */
export const WARM_UP_MIN_DOCUMENTS = 200;

/**
 * Starts the warm-up once the workspace's files are read, if there are at least
 * `WARM_UP_MIN_DOCUMENTS`; its steps interleave with the initial build. Once the initial build is
 * done, every step waits until the workspace has no build running or queued, so that an edit of
 * the client goes first and waits for one step at most. Resolves when it is done or skipped
 * (never rejects: a failing warm-up only leaves the code cold).
 */
export async function startWarmUp(shared: LangiumSharedServices, options: WarmUpOptions & { minDocuments?: number } = {}): Promise<WarmUpResult> {
    try {
        await shared.workspace.WorkspaceManager.ready;
        // A lean load (language/workspace/parked-plans.ts) validates every plan as it loads, which
        // runs the code of an edit anyway; a warm-up would only add its services to the peak memory.
        const builder = shared.workspace.DocumentBuilder;
        if (builder instanceof VplanDocumentBuilder && builder.lean) return { edits: 0, interrupted: false };
        if (shared.workspace.LangiumDocuments.all.count() < (options.minDocuments ?? WARM_UP_MIN_DOCUMENTS)) return { edits: 0, interrupted: false };
        const lock = shared.workspace.WorkspaceLock;
        // The initial build is over when a build first indexes the references of its documents (the
        // initial build validates nothing itself; the first build, or the build of an edit that
        // cancelled it and took its documents over).
        let built = false;
        const listener = shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.IndexedReferences, () => {
            built = true;
            listener.dispose();
        });
        // From then on, a read runs once every write queued before it (builds of edits) is done.
        const beforeStep = () => built ? lock.read(() => undefined) : Promise.resolve();
        try {
            return await warmUp(() => false, { ...options, beforeStep });
        } finally {
            listener.dispose();
        }
    } catch {
        return { edits: 0, interrupted: true };
    }
}

/** Edits a synthetic plan in services of its own; `stop()` is asked between steps. */
export async function warmUp(stop: () => boolean = () => false, options: WarmUpOptions = {}): Promise<WarmUpResult> {
    let edits = 0;
    const step = async (): Promise<boolean> => {
        await new Promise<void>(resolve => setImmediate(resolve));
        await options.beforeStep?.();
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

    const rounds = options.rounds ?? 2;
    for (let round = 0; round < rounds; round++) {
        for (const text of texts.slice(round === 0 ? 1 : 0)) {
            if (!await step()) return { edits, interrupted: true };
            textDocuments.set(TextDocument.create(planUri.toString(), 'vplan', ++version, text));
            await shared.workspace.DocumentBuilder.update([planUri], []);
            edits++;
            const document = documents.getDocument(planUri);
            if (!document || document.state < DocumentState.Validated) continue;
            options.onDiagnostics?.(document.diagnostics ?? []);
            if (round < rounds - 1) continue;
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
