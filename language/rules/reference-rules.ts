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
 */

import type { Locale } from '../i18n/locale.js';
import { defineRule, defineRules, finding, type FindingArgs } from './rule-unit.js';
import { examplePlan, EXAMPLE_SECTIONS } from './example-plan.js';

/** A declaration's or reference's AST type as a noun with its article ("an organisation"), since English needs "a" or "an". */
const KIND_NAMES: Record<string, Record<Locale, string>> = {
    Member: { en: 'a household member', nl: 'een gezinslid' },
    Supporter: { en: 'a supporter', nl: 'een steunfiguur' },
    Organisation: { en: 'an organisation', nl: 'een organisatie' },
    MeasureType: { en: 'a measure type', nl: 'een soort maatregel' },
    Plan: { en: 'a plan', nl: 'een plan' },
    Risk: { en: 'a risk', nl: 'een risico' },
    Measure: { en: 'a measure', nl: 'een maatregel' },
    Intervention: { en: 'an intervention', nl: 'een interventie' },
    Agreement: { en: 'an agreement', nl: 'een afspraak' },
    AgreementParty: { en: 'a household member or supporter', nl: 'een gezinslid of steunfiguur' },
    Checker: { en: 'an organisation or supporter', nl: 'een organisatie of steunfiguur' }
};

function kindName(type: string, locale: Locale): string {
    return KIND_NAMES[type]?.[locale] ?? type;
}

const vp081Findings = {
    unresolved: finding<{ name: string; type: string }>({
        en: a => `'${a.name}' is not ${kindName(a.type, 'en')} declared in this plan or workspace; declare it or correct the name.`,
        nl: a => `'${a.name}' is niet gedeclareerd als ${kindName(a.type, 'nl')} in dit plan of deze werkruimte; declareer het of verbeter de naam.`
    }),
    wrongKind: finding<{ name: string; type: string; actual: string }>({
        en: a => `'${a.name}' is ${kindName(a.actual, 'en')}, but ${kindName(a.type, 'en')} is expected here.`,
        nl: a => `'${a.name}' is ${kindName(a.actual, 'nl')}, maar hier wordt ${kindName(a.type, 'nl')} verwacht.`
    })
};

export const vp081 = defineRule({
    code: 'VP081',
    severity: 'error',
    title: { en: 'References resolve', nl: 'Verwijzingen kloppen' },
    findings: vp081Findings,
    docs: {
        checks: 'Every reference names a declaration of the right kind: a member where a member is expected, an organisation in ' +
            '`by`, a measure type after a measure\'s name, and so on. When a declaration of that name exists but is of another ' +
            'kind, the message says so.',
        why: 'An unresolved reference is a plan that says something about nobody. The checks of the construct holding it stay ' +
            'silent about it, to avoid cascades.',
        example: {
            show: 'measure hv huisverbod {\n    on mark\n    protects sanne, noor\n    by burgemeester_dordrect\n    from 2026-01-12 for 10 days\n    extend for 18 days\n}',
            file: examplePlan({ measures: EXAMPLE_SECTIONS.measures.replace('by burgemeester_dordrecht', 'by burgemeester_dordrect') })
        },
        fix: 'Correct the name, or declare what it refers to.'
    }
});

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
