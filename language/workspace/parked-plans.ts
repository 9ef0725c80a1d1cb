/**
 * The lean language server (issue 14, item 4; docs/performance.md, "The lean server"): the syntax
 * trees of plans that are not open in the editor are released after their build ("parked"), and
 * read again from their file when something they depend on changes in a way their diagnostics
 * can see.
 *
 * A parked document stays in `LangiumDocuments` (so Langium's bookkeeping of deletions, builds and
 * ordering goes on as before) with an empty syntax tree, its published diagnostics and its build
 * state. What other features need of it is kept here, without syntax nodes:
 *
 * - in the index: its declarations as stubs (file-summary.ts), which is all that "first
 *   declaration wins" (VP080) and "a name of another kind" (VP081) read of another file, and its
 *   references into other files as node-free reference descriptions, which is all that find
 *   references and rename read (Langium's `DefaultReferences`, the references and rename
 *   providers: source URI, segment, target URI and path);
 * - its names that reach outside the file (in the order of its references), its own global
 *   declarations and the organisations whose kind its checks read, from which
 *   `ValidationMemo.parkedDependencySignature` recomputes its dependency
 *   signature: while that equals the signature of its last validation, its diagnostics cannot have
 *   changed (validation-memo.ts), so a catalogue edit that only moves or retitles what it names
 *   costs a few map lookups instead of a re-read;
 * - what the editor shows of it elsewhere: its plan-local names for workspace symbols, and its
 *   regie periods for the hover of an organisation.
 *
 * Only files that declare nothing but plans are parked: no reference of another file can resolve
 * into them (references name organisations, measure types and plan-local names), so no loaded
 * syntax tree ever points into a parked one. The document builder decides when to park and when
 * to read again (vplan-document-builder.ts); a document is parked only if the signature computed
 * without its tree equals the one computed with it, so a case this record cannot reproduce is
 * simply never parked.
 */

import {
    AstUtils, CstUtils, DocumentState, GrammarUtils, URI,
    type AstNode, type AstNodeDescription, type LangiumDocument, type LangiumSharedCoreServices, type Reference, type ReferenceDescription
} from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Range } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isPlan, isVplanFile, type VplanFile } from '../generated/ast.js';
import type { VplanServices } from '../vplan-module.js';
import { planNamespace } from '../model/ast-queries.js';
import { forgetPlanFacts, planFacts } from '../analysis/plan-facts.js';
import type { Interval } from '../model/plan-model.js';
import type { ValidationMemo } from '../validation/validation-memo.js';
import { VplanDocumentValidator } from '../validation/vplan-document-validator.js';
import { VplanScopeProvider } from '../references/vplan-scope.js';
import { isBuiltinUri } from './builtin-documents.js';
import { referenceInfosOf, VplanIndexManager } from './vplan-index-services.js';
import { stubOf } from './file-summary.js';
import { ownData, ownString } from './own-strings.js';

/**
 * How many plans a lean server builds at a time, when it loads them first and when it reads parked
 * ones again: the most plan trees it holds at once besides the open ones (docs/performance.md:
 * batches of 20 or 25 gave no lower peak).
 */
export const LEAN_BATCH = 50;

/**
 * A reference of a parked plan that does not resolve inside its own file, and, while it resolves,
 * its description in the index (what find references and rename read). One object per reference,
 * its position in numbers: a parked plan keeps some twenty of them.
 */
export class ParkedReference implements ReferenceDescription {
    readonly local = false;

    constructor(
        readonly sourceUri: URI,
        readonly sourcePath: string,
        /** The name, and the reference type (`Organisation`, `MeasureType`, ...) to resolve it again. */
        readonly name: string,
        readonly type: string,
        /** The name's offset and end, and its 0-based start and end line and character. */
        private readonly offset: number,
        private readonly end: number,
        private readonly startLine: number,
        private readonly startCharacter: number,
        private readonly endLine: number,
        private readonly endCharacter: number,
        /** What it resolves to now (empty while it does not resolve). */
        public targetUri: URI,
        public targetPath: string
    ) {}

    get resolved(): boolean {
        return this.targetPath !== UNRESOLVED;
    }

    get segment(): ReferenceDescription['segment'] {
        return {
            offset: this.offset, end: this.end, length: this.end - this.offset,
            range: { start: { line: this.startLine, character: this.startCharacter }, end: { line: this.endLine, character: this.endCharacter } }
        };
    }
}

const UNRESOLVED = '\u0000';

/** Plan-local names, as workspace symbols show them: names, plans, and per name its kind and range packed. */
export interface ParkedSymbols {
    readonly names: readonly string[];
    readonly plans: readonly string[];
    /** Per name: plan index, symbol kind, start line, start character, end line, end character. */
    readonly data: Int32Array;
}

/** A regie period of a parked plan, as the hover of its organisation lists it. */
export interface ParkedRegiePeriod {
    readonly plan: string;
    /** Index into `references`: the period's organisation. */
    readonly reference: number;
    readonly interval: Interval;
}

export interface ParkedRecord {
    readonly references: ParkedReference[];
    readonly declarations: ReadonlyArray<{ name: string; offset: number }>;
    /** The dependency signature of its last validation, recomputed from this record (its parts hold no text of the tree). */
    signature: readonly string[];
    /** The organisations whose kind its last validation read (`ValidationMemo.kindKeysOf`): their kinds are parts of the signature. */
    kindKeys: readonly string[];
    readonly symbols: ParkedSymbols;
    readonly regie: readonly ParkedRegiePeriod[];
}

/** The workspace symbols of a parked plan (vplan-symbols.ts), unpacked. */
export function parkedSymbols(symbols: ParkedSymbols): Array<{ name: string; kind: number; container: string; range: Range }> {
    return symbols.names.map((name, i) => {
        const [plan, kind, startLine, startCharacter, endLine, endCharacter] = symbols.data.subarray(i * 6, i * 6 + 6);
        return { name, kind, container: symbols.plans[plan], range: { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } } };
    });
}

/** A parked document's placeholder syntax tree: an empty file, so that features that walk every document skip it. */
function emptyRoot(document: LangiumDocument): VplanFile {
    return { $type: 'VplanFile', declarations: [], $document: document } as unknown as VplanFile;
}

export class ParkedPlans {
    protected readonly records = new Map<string, ParkedRecord>();

    constructor(protected readonly shared: LangiumSharedCoreServices) {}

    isParked(uri: URI | string): boolean {
        return this.records.has(uri.toString());
    }

    get size(): number {
        return this.records.size;
    }

    /** The record of a parked document (undefined when it is loaded). */
    recordOf(uri: URI | string): ParkedRecord | undefined {
        return this.records.get(uri.toString());
    }

    /** Forgets a document's record: it is being read again, or it was deleted. */
    forget(uri: URI | string): void {
        this.records.delete(uri.toString());
    }

    /** Whether a built document may be parked: a workspace file that declares nothing but plans, validated. */
    canPark(document: LangiumDocument): boolean {
        if (document.uri.scheme !== 'file' || isBuiltinUri(document.uri) || this.isParked(document.uri)) return false;
        if (document.state !== DocumentState.Validated || !document.diagnostics) return false;
        const root = document.parseResult.value;
        return isVplanFile(root) && root.declarations.every(isPlan);
    }

    /** Releases the document's syntax tree; false (nothing changed) when its record could not reproduce its signature. */
    park(document: LangiumDocument): boolean {
        const services = this.services(document.uri);
        const index = this.shared.workspace.IndexManager;
        const memo = services && memoOf(services);
        if (!services || !memo || !(index instanceof VplanIndexManager)) return false;
        const signature = memo.dependencySignature(document);
        if (signature === undefined) return false;
        const record = this.recordFor(document, services);
        record.kindKeys = memo.kindKeysOf(document).map(ownString);
        const recomputed = this.signatureOf(document.uri, record, services, memo);
        if (recomputed === undefined || !sameParts(recomputed, signature)) return false;
        record.signature = recomputed;

        const key = document.uri.toString();
        const stubs = index.exportsOf(key).map(stubOf);
        index.park(document.uri, stubs, this.referenceDescriptions(record));
        const root = document.parseResult.value;
        if (isVplanFile(root)) root.declarations.filter(isPlan).forEach(forgetPlanFacts);
        document.parseResult = { value: emptyRoot(document), lexerErrors: [], parserErrors: [] };
        // Nor its text: read from the file if anything asks (nothing in vplan does for a closed plan).
        const fileSystem = this.shared.workspace.FileSystemProvider;
        const languageId = services.LanguageMetaData.languageId;
        Object.defineProperty(document, 'textDocument', {
            configurable: true,
            get: () => TextDocument.create(key, languageId, 0, readOrEmpty(() => fileSystem.readFileSync(document.uri)))
        });
        document.references = [];
        document.localSymbols = undefined;
        // Names in diagnostics (messages, arguments) are views into the text as well.
        document.diagnostics = ownData(document.diagnostics);
        this.records.set(key, record);
        return true;
    }

    /**
     * After a build of other documents that it may depend on: whether the parked document's
     * diagnostics still hold. If so, its references into other files are brought up to date (a
     * declaration may have moved) and true is returned; false means it must be read again.
     */
    stillHolds(uri: URI): boolean {
        const record = this.records.get(uri.toString());
        const services = this.services(uri);
        const index = this.shared.workspace.IndexManager;
        const memo = services && memoOf(services);
        if (!record || !services || !memo || !(index instanceof VplanIndexManager)) return false;
        const targets = record.references.map(reference => this.resolve(uri, reference, services));
        const signature = this.signatureOf(uri, record, services, memo, targets);
        if (signature === undefined || !sameParts(signature, record.signature)) return false;
        let moved = false;
        record.references.forEach((reference, i) => {
            const target = targets[i];
            if (!target || (target.path === reference.targetPath && target.documentUri.toString() === reference.targetUri.toString())) return;
            reference.targetUri = target.documentUri;
            reference.targetPath = target.path;
            moved = true;
        });
        if (moved) index.setReferenceDescriptions(uri, this.referenceDescriptions(record));
        return true;
    }

    protected services(uri: URI): VplanServices | undefined {
        try {
            return this.shared.ServiceRegistry.getServices(uri) as VplanServices;
        } catch {
            return undefined;
        }
    }

    protected resolve(uri: URI, reference: ParkedReference, services: VplanServices): AstNodeDescription | undefined {
        const scope = services.references.ScopeProvider;
        return scope instanceof VplanScopeProvider ? scope.resolveGlobal(uri, reference.type, reference.name) : undefined;
    }

    protected signatureOf(uri: URI, record: ParkedRecord, services: VplanServices, memo: ValidationMemo,
        targets: Array<AstNodeDescription | undefined> = record.references.map(reference => this.resolve(uri, reference, services))): string[] | undefined {
        const documents = this.shared.workspace.LangiumDocuments;
        const locator = services.workspace.AstNodeLocator;
        const nodeOf = (description: AstNodeDescription): AstNode | undefined => {
            if (description.node) return description.node;
            const target = documents.getDocument(description.documentUri);
            return target && !this.isParked(target.uri) ? locator.getAstNode(target.parseResult.value, description.path) : undefined;
        };
        return memo.parkedDependencySignature(uri, record.references.map((reference, i) => ({ name: reference.name, target: targets[i] })),
            record.declarations, record.kindKeys, nodeOf);
    }

    protected recordFor(document: LangiumDocument, services: VplanServices): ParkedRecord {
        const key = document.uri.toString();
        const reflection = services.shared.AstReflection;
        const locator = services.workspace.AstNodeLocator;
        const infos = new Map(referenceInfosOf(document).map(info => [info.reference, info]));
        const references: ParkedReference[] = [];
        const indexOf = new Map<Reference, number>();
        for (const reference of document.references) {
            if (!('ref' in reference)) continue;
            const description = reference.$nodeDescription;
            if (description && description.documentUri.toString() === key) continue;
            const info = infos.get(reference);
            if (!info) continue;
            indexOf.set(reference, references.length);
            const segment = CstUtils.toDocumentSegment(reference.$refNode!);
            const { start, end } = segment.range;
            references.push(new ParkedReference(document.uri, locator.getAstNodePath(info.container), ownString(reference.$refText), reflection.getReferenceType(info),
                segment.offset, segment.end, start.line, start.character, end.line, end.character,
                description?.documentUri ?? document.uri, description?.path ?? UNRESOLVED));
        }
        const root = document.parseResult.value as VplanFile;
        const nameProvider = services.references.NameProvider;
        const declarations = root.declarations.flatMap(declaration => {
            const offset = nameProvider.getNameNode(declaration)?.offset;
            return declaration.name && offset !== undefined ? [{ name: ownString(declaration.name), offset }] : [];
        });
        const kinds = (this.shared as Partial<LangiumSharedServices>).lsp?.NodeKindProvider;
        const names: string[] = [];
        const plans: string[] = [];
        const data: number[] = [];
        const regie: ParkedRegiePeriod[] = [];
        for (const plan of root.declarations.filter(isPlan)) {
            plans.push(ownString(plan.name));
            if (kinds) {
                for (const declaration of planNamespace(plan).declarations) {
                    const range = (GrammarUtils.findNodeForProperty(declaration.$cstNode, 'name') ?? declaration.$cstNode)?.range;
                    if (!declaration.name || !range) continue;
                    names.push(ownString(declaration.name));
                    data.push(plans.length - 1, kinds.getSymbolKind(declaration), range.start.line, range.start.character, range.end.line, range.end.character);
                }
            }
            for (const { entry } of planFacts(plan).regie.periods.slice().sort((a, b) => a.index - b.index)) {
                const reference = entry.organisation && entry.node.organisation ? indexOf.get(entry.node.organisation) : undefined;
                if (reference !== undefined && entry.interval) regie.push({ plan: plans[plans.length - 1], reference, interval: { start: entry.interval.start, end: entry.interval.end } });
            }
        }
        return { references, declarations, signature: [], kindKeys: [], symbols: { names, plans, data: Int32Array.from(data) }, regie };
    }

    protected referenceDescriptions(record: ParkedRecord): ReferenceDescription[] {
        return record.references.filter(reference => reference.resolved);
    }
}

/** The AST node path of a node, as parked references name their targets. */
export function pathOf(node: AstNode, services: VplanServices): { uri: string; path: string } {
    return { uri: AstUtils.getDocument(node).uri.toString(), path: services.workspace.AstNodeLocator.getAstNodePath(node) };
}

/** The document validator's memo: the one home of dependency signatures. */
function memoOf(services: VplanServices): ValidationMemo | undefined {
    const validator = services.validation.DocumentValidator;
    return validator instanceof VplanDocumentValidator ? validator.memo : undefined;
}

function readOrEmpty(read: () => string): string {
    try {
        return read();
    } catch {
        return '';
    }
}

function sameParts(a: readonly string[], b: readonly string[]): boolean {
    return a.length === b.length && a.every((part, i) => part === b[i]);
}
