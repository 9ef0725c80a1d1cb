/**
 * Narrow views of the declarations a plan names in other files: organisations and measure types.
 *
 * A plan's diagnostics are kept while nothing they depend on changes (validation/validation-memo.ts),
 * so a check may read of another file's declaration only what its dependency signature records.
 * Checks see such declarations only through these views: a check that wants more (an
 * organisation's title, a measure type's source) does not compile, and the signature is the views'
 * own text. Editor features, the timeline and the export may reach the declaration itself with
 * `declarationOf`; rules may not (eslint.config.mjs forbids the import in language/rules/).
 */

import type { AstNode } from 'langium';
import type { Checker, MeasureType, Organisation, Supporter } from '../generated/ast.js';
import { isBasisItem, isImposedByItem, isInitialItem, isModeItem, isRegieKindItem, isRequiresItem, isSubjectItem, isTermMaxItem, isTotalMaxItem, isOrganisation } from '../generated/ast.js';
import { firstItem } from './ast-queries.js';
import { parseUnit, type DurationValue } from './dates.js';
import type { Duration } from '../generated/ast.js';
import { isValueOf, type MeasureMode, type OrganisationKind, type Subject } from './vocabulary.js';

/** What a check may read of an organisation: its name and kind. */
export interface OrganisationView {
    readonly declaration: 'organisation';
    readonly name: string;
    /** The kind when it is a value word; `undefined` when missing or unknown (VP005/VP000). */
    readonly kind?: OrganisationKind;
}

/** What a check may read of a measure type: its name, title and legal frame. */
export interface MeasureTypeView {
    readonly declaration: 'measureType';
    readonly name: string;
    readonly title?: string;
    readonly mode?: MeasureMode;
    readonly basis?: string;
    readonly initial?: DurationValue;
    readonly termMax?: DurationValue;
    readonly totalMax?: DurationValue;
    readonly subject: Subject;
    readonly imposedBy: readonly OrganisationKind[];
    readonly regie?: OrganisationKind;
    /** v2: the names of the measure types one of which must run alongside (unresolved ones left out). */
    readonly requires: readonly string[];
    /** v2: a name in `requires` does not resolve (VP081): what the type requires is not known in full. */
    readonly requiresUnresolved: boolean;
}

export type DeclarationView = OrganisationView | MeasureTypeView;

/** What a check reads of a `checked by` target: an organisation's view or the plan's own supporter. */
export type CheckerView = OrganisationView | Supporter;

const declarations = new WeakMap<DeclarationView, Organisation | MeasureType>();
const organisationViews = new WeakMap<Organisation, OrganisationView>();
/** Keyed on the node and its document's reference list, which every relinking replaces (`requires` resolves names). */
const measureTypeViews = new WeakMap<MeasureType, { references: unknown; view: MeasureTypeView }>();
const signatures = new WeakMap<DeclarationView, string>();

/** A duration node read into a value; `undefined` when its unit is not a unit word (VP000). */
export function durationValue(node: Duration | undefined): DurationValue | undefined {
    if (!node) return undefined;
    const unit = parseUnit(node.unit);
    // An amount too large for a number (Infinity) is kept: date arithmetic saturates on it (VP060).
    return unit === undefined || typeof node.amount !== 'number' || Number.isNaN(node.amount) ? undefined : { amount: node.amount, unit };
}

/**
 * The organisations whose kind the checks of one document read while it is validated: the memo
 * then depends on those kinds only, so an organisation's new kind revalidates only the documents
 * whose checks looked at it (validation/validation-memo.ts). `all` when the checks ran where reads
 * are not noted (then every kind the document names counts as read).
 */
export class KindReads {
    readonly views = new Set<OrganisationView>();
    all = false;
}

/** Where the kind reads of the check running now go; checks are synchronous, so one at a time. */
let currentReads: KindReads | undefined;
const kindValues = new WeakMap<OrganisationView, OrganisationKind | undefined>();

/** Runs a check (its synchronous part: all of a vplan check), noting the organisations whose kind it reads. */
export function readingKinds<T>(reads: KindReads | undefined, check: () => T): T {
    const outer = currentReads;
    currentReads = reads;
    try {
        return check();
    } finally {
        currentReads = outer;
    }
}

/** An organisation's kind, not noted as read: for the memo's own comparisons. */
export function kindOf(view: OrganisationView): OrganisationKind | undefined {
    return kindValues.get(view);
}

export function organisationView(node: Organisation): OrganisationView {
    let view = organisationViews.get(node);
    if (!view) {
        const created = { declaration: 'organisation' as const, name: node.name } as OrganisationView;
        kindValues.set(created, isValueOf('organisationKind', node.kind) ? node.kind : undefined);
        // An own, enumerable property as before (JSON and spreads see it), noted when read.
        Object.defineProperty(created, 'kind', {
            enumerable: true,
            get: () => {
                currentReads?.views.add(created);
                return kindOf(created);
            }
        });
        view = Object.freeze(created);
        organisationViews.set(node, view);
        declarations.set(view, node);
    }
    return view;
}

export function measureTypeView(node: MeasureType): MeasureTypeView {
    const references = documentReferences(node);
    const cached = measureTypeViews.get(node);
    let view = cached && cached.references === references ? cached.view : undefined;
    if (!view) {
        const mode = firstItem(node, isModeItem)?.value;
        const subject = firstItem(node, isSubjectItem)?.value;
        const regie = firstItem(node, isRegieKindItem)?.kind;
        const requires: string[] = [];
        let requiresUnresolved = false;
        for (const reference of firstItem(node, isRequiresItem)?.types ?? []) {
            // The name as declared: a required type is compared with the type of other measures.
            const target = reference.ref;
            if (target) requires.push(target.name);
            else requiresUnresolved = true;
        }
        view = Object.freeze({
            declaration: 'measureType' as const,
            name: node.name,
            title: node.title,
            mode: isValueOf('mode', mode) ? mode : undefined,
            basis: firstItem(node, isBasisItem)?.text,
            initial: durationValue(firstItem(node, isInitialItem)?.duration),
            termMax: durationValue(firstItem(node, isTermMaxItem)?.duration),
            totalMax: durationValue(firstItem(node, isTotalMaxItem)?.duration),
            subject: isValueOf('subject', subject) ? subject : 'any',
            imposedBy: (firstItem(node, isImposedByItem)?.kinds ?? []).filter((k): k is OrganisationKind => isValueOf('organisationKind', k)),
            regie: isValueOf('organisationKind', regie) ? regie : undefined,
            requires,
            requiresUnresolved
        });
        measureTypeViews.set(node, { references, view });
        declarations.set(view, node);
    }
    return view;
}

/** The document's reference list (replaced whenever the document is relinked), or the root when detached. */
function documentReferences(node: AstNode): unknown {
    let root: AstNode = node;
    while (root.$container) root = root.$container;
    return (root as { $document?: { references?: unknown } }).$document?.references ?? root;
}

/** The view of a `checked by` target. */
export function checkerView(node: Checker): CheckerView {
    return isOrganisation(node) ? organisationView(node) : node;
}

export function isOrganisationView(value: unknown): value is OrganisationView {
    return typeof value === 'object' && value !== null && (value as { declaration?: unknown }).declaration === 'organisation';
}

/** Whether a measure type has a checked limit (`term max` or `total max`). */
export function hasLimit(view: MeasureTypeView): boolean {
    return view.termMax !== undefined || view.totalMax !== undefined;
}

/**
 * The declaration behind a view, for editor features, the timeline and the export (an
 * organisation's title, a declaration's position). Rules never call this.
 */
export function declarationOf(view: OrganisationView): Organisation;
export function declarationOf(view: MeasureTypeView): MeasureType;
export function declarationOf(view: DeclarationView): Organisation | MeasureType {
    return declarations.get(view)!;
}

/**
 * The text of everything a view exposes: equal texts mean a check reads the same. A measure
 * type's `requires` names are part of it; so the memo needs no other record of them.
 */
export function viewSignature(view: DeclarationView): string {
    let signature = signatures.get(view);
    if (signature === undefined) {
        signature = JSON.stringify(view);
        signatures.set(view, signature);
    }
    return signature;
}
