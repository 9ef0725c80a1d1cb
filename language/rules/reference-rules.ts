/**
 * References: VP081, every reference names a declaration of the kind expected there.
 *
 * The linker finds these, not a check over the plan: the document validator turns each linking
 * error into this rule's finding (`processLinkingErrors` in validation/vplan-document-validator.ts,
 * through `referenceFinding` below).
 *
 * No cascades, applied by the document validator: a reference inside a later duplicate (VP080)
 * is not reported; neither is a reference that is a syntax error's own token, one that names a
 * declaration the parser dropped while recovering (`membr bob`: no VP081 on references to bob), nor
 * one the parser re-read after an error on its line (`checkd by vt` becomes `by vt`). The other
 * rules stay silent about the construct holding an unresolved reference.
 *
 * The quick fix offers the nearest declared names of the kind the reference expects ("did you
 * mean"), from the plan or the workspace as the reference allows. The fix computes them from the
 * workspace when it is asked; the check never does (it runs on every keystroke, the fix on request).
 */

import type { Locale } from '../i18n/locale.js';
import { declarationNoun } from '../i18n/phrases.js';
import { isRisk, type Plan } from '../generated/ast.js';
import { planMembers, planSupporters } from '../model/ast-queries.js';
import { nearestNames } from '../model/name-distance.js';
import { defineRule, defineRules, finding, message, text, type FindingArgs } from './rule-unit.js';
import { examplePlan, EXAMPLE_SECTIONS } from './example-plan.js';
import type { FixProposal, FixSupport } from './fix-support.js';


/**
 * Where a name of each kind can be declared (spec section 2): members, supporters and risks in the
 * plan; organisations and plans in a file of the workspace; measure types there or in the built-in
 * catalogue; `checked by` and an action's owner take both.
 */
type DeclaredIn = 'plan' | 'workspace' | 'catalogue' | 'both';

const DECLARED_IN: Record<string, DeclaredIn> = {
    Member: 'plan', Supporter: 'plan', Risk: 'plan', Measure: 'plan', Intervention: 'plan', Agreement: 'plan', AgreementParty: 'plan',
    Organisation: 'workspace', Plan: 'workspace', MeasureType: 'catalogue', Checker: 'both', ActionOwner: 'both'
};

const SCOPE_NAMES: Record<DeclaredIn, Record<Locale, string>> = {
    plan: { en: 'this plan', nl: 'dit plan' },
    workspace: { en: 'this workspace', nl: 'deze werkruimte' },
    catalogue: { en: 'this workspace or the built-in catalogue', nl: 'deze werkruimte of de ingebouwde catalogus' },
    both: { en: 'this plan or workspace', nl: 'dit plan of deze werkruimte' }
};

function scopeName(type: string, locale: Locale): string {
    return SCOPE_NAMES[DECLARED_IN[type] ?? 'both'][locale];
}

const vp081Findings = {
    unresolved: finding<{ name: string; type: string }>({
        en: a => `'${a.name}' is not ${declarationNoun(a.type, 'en')} declared in ${scopeName(a.type, 'en')}; declare it or correct the name.`,
        nl: a => `'${a.name}' is niet gedeclareerd als ${declarationNoun(a.type, 'nl')} in ${scopeName(a.type, 'nl')}; declareer het of verbeter de naam.`
    }),
    wrongKind: finding<{ name: string; type: string; actual: string }>({
        en: a => `'${a.name}' is ${declarationNoun(a.actual, 'en')}, but ${declarationNoun(a.type, 'en')} is expected here.`,
        nl: a => `'${a.name}' is ${declarationNoun(a.actual, 'nl')}, maar hier wordt ${declarationNoun(a.type, 'nl')} verwacht.`
    })
};

const vp081Texts = {
    fixTitle: message<{ name: string }>({
        en: a => `Change to '${a.name}'`,
        nl: a => `Vervang door '${a.name}'`
    })
};

export const vp081 = defineRule({
    code: 'VP081',
    severity: 'error',
    title: { en: 'References resolve', nl: 'Verwijzingen kloppen' },
    findings: vp081Findings,
    texts: vp081Texts,
    // "Did you mean": the nearest names of the kind expected (at most three, only close ones), nearest first.
    fix: (context): FixProposal[] => {
        const { name, type } = context.finding.args;
        // A name lost to a parse error is undefined (the fix runs on files that parse, but the model may be partial).
        const candidates = nearestNames(name, declaredNames(context, type).filter(candidate => typeof candidate === 'string'), 3);
        return candidates.map(candidate => ({
            title: text(vp081Texts.fixTitle, { name: candidate }, context.locale),
            edits: [{ offset: context.start, end: context.end, newText: candidate }],
            preferred: candidates.length === 1
        }));
    },
    docs: {
        checks: 'Every reference names a declaration of the right kind: a member where a member is expected, an organisation in ' +
            '`by`, a measure type after a measure\'s name, and so on. When a declaration of that name exists but is of another ' +
            'kind, the message says so. The message says where such a name can be declared: in the plan (members, supporters, ' +
            'risks), in the workspace (organisations) or also in the built-in catalogue (measure types).',
        why: 'An unresolved reference is a plan that says something about nobody. The checks of the construct holding it stay ' +
            'silent about it, to avoid cascades.',
        example: {
            show: 'measure hv huisverbod {\n    on mark\n    protects sanne, noor\n    by burgemeester_dordrect\n    from 2026-01-12 for 10 days\n    extend for 18 days\n}',
            file: examplePlan({ measures: EXAMPLE_SECTIONS.measures.replace('by burgemeester_dordrecht', 'by burgemeester_dordrect') })
        },
        fix: 'Correct the name, or declare what it refers to. The quick fix offers the nearest declared names of the right kind ' +
            '("did you mean"), at most three.'
    }
});

/** The names a reference of `type` can name, from the plan of the diagnostic or the workspace. */
function declaredNames(context: FixSupport & { plan?: Plan }, type: string): string[] {
    const plan = context.plan;
    const members = () => (plan ? planMembers(plan).map(member => member.name) : []);
    const supporters = () => (plan ? planSupporters(plan).map(supporter => supporter.name) : []);
    const organisations = () => context.organisations.map(organisation => organisation.name);
    switch (type) {
        case 'Member': return members();
        case 'Supporter': return supporters();
        case 'AgreementParty': return [...members(), ...supporters()];
        case 'Risk': return plan ? plan.items.filter(isRisk).map(risk => risk.name) : [];
        case 'Organisation': return organisations();
        case 'MeasureType': return context.measureTypes.map(measureType => measureType.name);
        case 'Checker': return [...supporters(), ...organisations()];
        case 'ActionOwner': return [...members(), ...supporters(), ...organisations()];
        default: return [];
    }
}

/** VP081 has no check of its own: the document validator reports the linker's errors. */
export const referenceRules = defineRules({ rules: [vp081] });

export type ReferenceFinding =
    | { code: 'VP081'; messageId: 'VP081.unresolved'; args: FindingArgs<typeof vp081Findings.unresolved> }
    | { code: 'VP081'; messageId: 'VP081.wrongKind'; args: FindingArgs<typeof vp081Findings.wrongKind> };

/**
 * The finding for a reference the linker could not resolve: `name` as written, `type` the AST
 * type the reference expects, and `actual` the type of a declaration of that name that is
 * visible but of another kind.
 */
export function referenceFinding(name: string, type: string, actual: string | undefined): ReferenceFinding {
    return actual
        ? { code: 'VP081', messageId: 'VP081.wrongKind', args: { name, type, actual } }
        : { code: 'VP081', messageId: 'VP081.unresolved', args: { name, type } };
}
