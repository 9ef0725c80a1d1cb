/**
 * What other files need to know of a `.vplan` file without loading it: the global names it
 * declares (plans, organisations, measure types, with their positions) and the names it refers to.
 * A summary is a pure function of the file's text (and vplan's version), so it can be kept in a
 * cache keyed by content and reused across runs (the git diff driver, `vplan check --changed`,
 * checks in batches).
 *
 * A file that is not loaded takes part in its workspace through its summary: its names are in the
 * index as stub descriptions (`VplanIndexManager.setStubExports`), so "first declaration wins"
 * (VP080) and "a name of another kind" (VP081) see it; a file whose declarations a loaded file
 * refers to is loaded itself (workspace/partial-build.ts), so references only resolve to real nodes.
 */

import type { AstNodeDescription, DocumentSegment, LangiumCoreServices, LangiumDocument, URI } from 'langium';
import { isVplanFile } from '../generated/ast.js';
import { referenceInfosOf } from './vplan-index-services.js';
import { ownString } from './own-strings.js';

/** Bump when the summary's shape or meaning changes: cached summaries of another version are ignored. */
export const SUMMARY_FORMAT = 2;

export interface DeclarationSummary {
    name: string;
    /** The AST type (`Plan`, `Organisation`, `MeasureType`). */
    type: string;
    /** The AST node path, to load the node when the file is loaded. */
    path: string;
    /** The name's position: offset, end and 0-based line and character of both. */
    offset: number;
    end: number;
    range: [startLine: number, startCharacter: number, endLine: number, endCharacter: number];
    /**
     * A digest of the declaration's whole text (not the text: the summary cache keeps no plan
     * text), so that `vplan check --changed` can tell a declaration that changed from one that
     * only moved (cli/changed-files.ts).
     */
    digest: string;
}

export interface FileSummary {
    format: number;
    declarations: DeclarationSummary[];
    /** Every name the file's references use (local names included: only global ones matter). */
    references: string[];
}

/** The summary of a parsed document (its references need not be linked). */
export function summarize(document: LangiumDocument, describe: (node: import('langium').AstNode, name: string) => AstNodeDescription): FileSummary {
    const root = document.parseResult.value;
    const declarations: DeclarationSummary[] = [];
    if (isVplanFile(root)) {
        for (const declaration of root.declarations) {
            if (!declaration.name) continue;
            const description = describe(declaration, declaration.name);
            const segment = description.nameSegment;
            if (!segment) continue;
            declarations.push({
                name: declaration.name,
                type: declaration.$type,
                path: description.path,
                offset: segment.offset,
                end: segment.end,
                range: [segment.range.start.line, segment.range.start.character, segment.range.end.line, segment.range.end.character],
                digest: digestOf(declaration.$cstNode?.text ?? '')
            });
        }
    }
    const references = [...new Set(referenceInfosOf(document).map(info => info.reference.$refText))];
    return { format: SUMMARY_FORMAT, declarations, references };
}

/** A 53-bit hash of a text (cyrb53) in base 36: enough to tell two versions of one declaration apart. */
export function digestOf(text: string): string {
    let h1 = 0xdeadbeef;
    let h2 = 0x41c6ce57;
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        h1 = Math.imul(h1 ^ code, 2654435761);
        h2 = Math.imul(h2 ^ code, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** The summary of a text, parsed now with the language's services (the syntax tree is not kept). */
export function summarizeText(language: LangiumCoreServices, uri: URI, text: string): FileSummary {
    const document = language.shared.workspace.LangiumDocumentFactory.fromString(text, uri);
    const describer = language.workspace.AstNodeDescriptionProvider;
    return summarize(document, (node, name) => describer.createDescription(node, name, document));
}

/** A description of a declaration in a file that is not loaded: its name, type and position, no node. */
class StubDescription implements AstNodeDescription {
    readonly node = undefined;
    readonly nameSegment: DocumentSegment;
    readonly selectionSegment: DocumentSegment;

    constructor(readonly documentUri: URI, private readonly summary: DeclarationSummary) {
        const [startLine, startCharacter, endLine, endCharacter] = summary.range;
        this.nameSegment = {
            offset: summary.offset,
            end: summary.end,
            length: summary.end - summary.offset,
            range: { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } }
        };
        this.selectionSegment = this.nameSegment;
    }

    get name(): string { return this.summary.name; }
    get type(): string { return this.summary.type; }
    get path(): string { return this.summary.path; }
}

export function stubDescriptions(uri: URI, summary: FileSummary): AstNodeDescription[] {
    return summary.declarations.map(declaration => new StubDescription(uri, declaration));
}

/** The stub of an indexed declaration (a parked document's exports, parked-plans.ts): the same name, type, path and position, no node. */
export function stubOf(description: AstNodeDescription): AstNodeDescription {
    const segment = description.nameSegment;
    const range = segment?.range;
    return new StubDescription(description.documentUri, {
        name: ownString(description.name),
        type: description.type,
        path: description.path,
        offset: segment?.offset ?? 0,
        end: segment?.end ?? 0,
        range: range ? [range.start.line, range.start.character, range.end.line, range.end.character] : [0, 0, 0, 0],
        digest: ''
    });
}
