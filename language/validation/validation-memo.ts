/**
 * Validation results kept per document and reused while nothing they depend on has changed.
 *
 * Every plan refers to the shared catalogue, so an edit of the catalogue relinks and revalidates
 * every plan of the workspace. Most such edits (a title, a comment, a new organisation) change
 * nothing any check of those plans reads. The checks of a document read:
 *
 * - its own syntax tree, which a reparse replaces (so the memo is keyed on the AST root);
 * - the settings of its folder (vplan.config.json: thresholds, severities; not the locale: the
 *   raw diagnostics are a message id and its arguments, rendered in the locale afterwards, so a
 *   change of `vplan.locale` only renders them again);
 * - the declarations in other documents its references resolve to, through the views the rules
 *   declare they read (model/declaration-views.ts): an organisation's name (never its title: no
 *   check can read it), a measure type's name, title, legal frame and `requires`;
 * - the kinds of the organisations its checks actually read in its last validation (the views
 *   note every read of a kind while a check runs: `readingKinds`): a check that did not look at a
 *   kind took the same path whatever the kind, so a catalogue edit of a kind revalidates only the
 *   documents that read it (an organisation that is only a provider of help is named, its kind
 *   unread);
 * - the names it cannot resolve, and which declaration of that name exists elsewhere (VP081);
 * - whether its own global declarations are the first of their name, and where the first one is
 *   (VP080 names its file and line).
 *
 * `dependencySignature` writes all of that down as a list of strings. Equal signatures mean equal raw
 * diagnostics (before severities and locale are applied), which tests/language/validation/validation-memo.test.ts
 * checks against full builds from scratch.
 */

import { AstUtils, type AstNode, type AstNodeDescription, type LangiumDocument, type URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { isMeasureType, isOrganisation, isVplanFile, type Organisation } from '../generated/ast.js';
import { declarationOf, kindOf, KindReads, measureTypeView, organisationView, viewSignature, type OrganisationView } from '../model/declaration-views.js';
import { CROSS_FILE_READS } from '../rules/registry.js';
import type { GlobalNames } from '../references/vplan-scope.js';

interface MemoEntry {
    optionsKey: string;
    config: object;
    signature: string[];
    /** The organisations whose kind the validation read (`kindKey`), sorted: their kinds are parts of `signature`. */
    kindKeys: readonly string[];
    diagnostics: Diagnostic[];
}

/**
 * How an organisation whose kind was read is named in a signature: its document's URI and its
 * name. Its kind now is looked up by these (`kindPart`), so the organisation need not be named by
 * a reference of the document.
 */
function kindKey(view: OrganisationView): string {
    return `${AstUtils.getDocument(declarationOf(view)).uri.toString()}|${view.name}`;
}

/** Finds an organisation by its document's URI and its name, as the index has it now. */
export type OrganisationLookup = (uri: string, name: string) => Organisation | undefined;

/**
 * What a check can read of a declaration in another document, with that document's URI: the view
 * the rules declare they read (rules/rule-unit.ts `reads`, model/declaration-views.ts), or, for
 * anything no rule declares, the declaration's whole text (the safe choice).
 */
const semanticTextByTarget = new WeakMap<object, string>();

function semanticText(target: AstNode, documentUri: string): string {
    const view = isOrganisation(target) && CROSS_FILE_READS.has('organisation') ? organisationView(target)
        : isMeasureType(target) && CROSS_FILE_READS.has('measureType') ? measureTypeView(target)
            : undefined;
    const key: object = view ?? target;
    let text = semanticTextByTarget.get(key);
    if (text === undefined) {
        // One string per view or declaration, shared by the signatures of every document that names it.
        // An organisation's kind is left out: it is a part of its own where a check read it (`kindPart`).
        const exposed = view?.declaration === 'organisation' ? `organisation ${view.name}` : view ? viewSignature(view) : target.$cstNode?.text ?? '';
        text = `${documentUri}|${exposed}`;
        semanticTextByTarget.set(key, text);
    }
    return text;
}

function earlierPart(name: string, earlier: AstNodeDescription): string {
    return `=${name}<${earlier.documentUri.toString()}:${earlier.nameSegment?.range.start.line}:${earlier.type}`;
}

function sameParts(a: readonly string[], b: readonly string[]): boolean {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
}

export class ValidationMemo {
    protected readonly entries = new WeakMap<AstNode, MemoEntry>();

    constructor(protected readonly globalNames: GlobalNames, protected readonly organisationAt: OrganisationLookup = () => undefined) {}

    /**
     * The memoized raw diagnostics of the document, or those `validate` computes (and are kept).
     * `validate` notes in the reads it is given the organisations whose kind its checks read.
     */
    async validate(document: LangiumDocument, optionsKey: string, settings: { config: object },
        validate: (reads: KindReads) => Promise<Diagnostic[]>): Promise<Diagnostic[]> {
        const root = document.parseResult.value;
        const entry = this.entries.get(root);
        const base = this.baseSignature(document);
        const reads = new KindReads();
        if (base === undefined) return validate(reads);
        const signature = [...base, ...this.kindParts(entry?.kindKeys ?? [])];
        if (entry && entry.optionsKey === optionsKey && entry.config === settings.config
            && sameParts(entry.signature, signature)) {
            return entry.diagnostics;
        }
        const diagnostics = await validate(reads);
        const read = reads.all ? this.organisationsNamedBy(document) : reads.views;
        const kindKeys = [...new Set([...read].map(kindKey))].sort();
        // The kinds read now are parts of the signature kept with the result.
        const kept = sameParts(kindKeys, entry?.kindKeys ?? []) ? signature : [...base, ...this.kindParts(kindKeys)];
        this.entries.set(root, { optionsKey, config: settings.config, signature: kept, kindKeys, diagnostics });
        return diagnostics;
    }

    /** Every organisation the document's references resolve to: what its checks can read the kind of. */
    protected organisationsNamedBy(document: LangiumDocument): OrganisationView[] {
        const named: OrganisationView[] = [];
        for (const reference of document.references) {
            const target = 'ref' in reference ? reference.ref : undefined;
            if (isOrganisation(target)) named.push(organisationView(target));
        }
        return named;
    }

    /** The organisations whose kind the document's last validation read (`kindKey`), for a parked plan's record. */
    kindKeysOf(document: LangiumDocument): readonly string[] {
        return this.entries.get(document.parseResult.value)?.kindKeys ?? [];
    }

    /**
     * Everything outside the document's own syntax tree that its diagnostics depend on, with the
     * kinds its last validation read.
     */
    dependencySignature(document: LangiumDocument): string[] | undefined {
        const base = this.baseSignature(document);
        return base && [...base, ...this.kindParts(this.kindKeysOf(document))];
    }

    protected kindParts(kindKeys: readonly string[]): string[] {
        return kindKeys.map(key => this.kindPart(key));
    }

    /** The kind an organisation has now, as a signature part (`?` when it is gone). */
    protected kindPart(key: string): string {
        const bar = key.lastIndexOf('|');
        const organisation = this.organisationAt(key.slice(0, bar), key.slice(bar + 1));
        return `~${key}=${organisation ? kindOf(organisationView(organisation)) ?? '' : '?'}`;
    }

    /** The signature without the kinds read. */
    protected baseSignature(document: LangiumDocument): string[] | undefined {
        const parts: string[] = [];
        const root = document.parseResult.value;
        const uri = document.uri;
        const key = uri.toString();
        for (const reference of document.references) {
            // vplan has no multi-references (`[+Type]`); should one appear, it is never memoized.
            if (!('ref' in reference)) return undefined;
            const description = reference.$nodeDescription;
            // Resolved in this document: part of its own syntax tree (most references).
            if (description && (description.documentUri === uri || description.documentUri.toString() === key)) continue;
            const target = reference.ref;
            if (description && target) {
                parts.push(semanticText(target, description.documentUri.toString()));
            } else if (reference.error) {
                const name = reference.$refText;
                parts.push(`!${name}:${this.globalNames.firstDeclarations(this.globalNames.keyOf(uri)).get(name)?.type ?? ''}`);
            }
        }
        if (isVplanFile(root)) {
            for (const declaration of root.declarations) {
                if (!declaration.name) continue;
                const earlier = this.globalNames.earlierDeclaration(declaration, declaration.name);
                if (earlier) parts.push(earlierPart(declaration.name, earlier));
            }
        }
        return parts;
    }

    /**
     * The same signature for a parked document (workspace/parked-plans.ts), whose syntax tree is
     * released: from its references that leave the file, in order, with what each resolves to now
     * (`nodeOf` loads a target), its global declarations with their name offsets, and the kinds
     * its last validation read (`kindKeysOf`, kept in its record). Undefined when a target cannot
     * be loaded.
     */
    parkedDependencySignature(uri: URI, references: ReadonlyArray<{ name: string; target: AstNodeDescription | undefined }>,
        declarations: ReadonlyArray<{ name: string; offset: number }>, kindKeys: readonly string[],
        nodeOf: (description: AstNodeDescription) => AstNode | undefined): string[] | undefined {
        const parts: string[] = [];
        const key = uri.toString();
        const first = this.globalNames.firstDeclarations(this.globalNames.keyOf(uri));
        for (const { name, target } of references) {
            if (target) {
                const node = nodeOf(target);
                if (!node) return undefined;
                parts.push(semanticText(node, target.documentUri.toString()));
            } else {
                parts.push(`!${name}:${first.get(name)?.type ?? ''}`);
            }
        }
        for (const { name, offset } of declarations) {
            const earlier = first.get(name);
            if (earlier && !(earlier.documentUri.toString() === key && earlier.nameSegment?.offset === offset)) parts.push(earlierPart(name, earlier));
        }
        for (const kindKey of kindKeys) parts.push(this.kindPart(kindKey));
        return parts;
    }
}
