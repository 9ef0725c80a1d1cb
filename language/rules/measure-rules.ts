/**
 * Measures: VP030 (within the legal limit, over the measure-limit facts of
 * analysis/measure-facts.ts), VP031 (eligible subject), VP032 (unchecked limit) and VP033 (imposed
 * by the right authority). Each measure is judged by the four rules in turn; a rule over several
 * measures at once (v2: VP034, required measures) runs after that loop.
 *
 * No cascades: a measure whose type does not resolve (VP081) gets none of these; a measure with an
 * invalid term (VP060) gets no VP030 (its length is unknown); a `by` that does not resolve or has no
 * valid kind gets no VP033. Duplicate measures (VP080) are not in the resolved plan.
 */

import { CstUtils } from 'langium';
import { isByItem, isExtendItem, isMeasure, isOnItem, isSpanItem } from '../generated/ast.js';
import { firstItem, itemsOf } from '../model/ast-queries.js';
import { formatDay, formatDuration, type DurationValue } from '../model/dates.js';
import { hasLimit, type ResolvedMeasure, type ResolvedPlan } from '../model/plan-model.js';
import type { MeasureLimitFacts, TermFacts } from '../analysis/measure-facts.js';
import { durationText } from '../i18n/phrases.js';
import { defineRule, defineRules, finding, message, text, type ModuleFindings, type RuleReporter } from './rule-unit.js';
import { EXAMPLE_CATALOGUE, EXAMPLE_SECTIONS, examplePlan } from './example-plan.js';
import { nodeAt, setEnd, significantLeaves, type FixProposal } from './fix-support.js';

interface LimitArgs {
    measure: string;
    type: string;
    /** 0 = the first term, k = the k-th extension. */
    termIndex: number;
    limit: DurationValue;
    actualDays: number;
    start: string;
    end: string;
    basis?: string;
    maxEnd: string;
    maxDays: number;
}

/**
 * Quick-fix data of VP030: the term to shorten (0 = the first, k = the k-th `extend`), its latest
 * legal (exclusive) end, its longest legal length in days (0: remove the extension) and, for
 * `term max`, that limit as written (`1 year`).
 */
type LimitFix = { termIndex: number; maxEnd: string; maxDays: number; maxDuration?: string };

type SubjectArgs = { measure: string; type: string; member: string };
type UncheckedArgs = { measure: string; type: string; start: string; planEnd?: string };
type AuthorityArgs = { measure: string; type: string; organisation: string; kind: string; allowed: string };

const termName = {
    en: (i: number) => (i === 0 ? 'the first term' : `extension ${i}`),
    nl: (i: number) => (i === 0 ? 'de eerste termijn' : `verlenging ${i}`)
};

const basisText = {
    en: (basis?: string) => (basis ? `legal basis: ${basis}` : 'no legal basis given in the measure type'),
    nl: (basis?: string) => (basis ? `wettelijke grondslag: ${basis}` : 'geen wettelijke grondslag opgegeven bij het maatregeltype')
};

const capitalise = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

const vp030Texts = {
    fixShorten: message<{ end: string }>({
        en: a => `Shorten the term to the legal maximum (${a.end})`,
        nl: a => `Termijn inkorten tot het wettelijk maximum (${a.end})`
    }),
    fixRemove: message<{ maxEnd: string }>({
        en: a => `Remove the extension: the limit is reached on ${a.maxEnd}`,
        nl: a => `Verlenging verwijderen: het maximum is op ${a.maxEnd} bereikt`
    })
};

export const vp030 = defineRule({
    code: 'VP030',
    severity: 'error',
    title: { en: 'Within the legal limit', nl: 'Binnen de wettelijke termijn' },
    findings: {
        term: finding<LimitArgs, LimitFix>({
            en: a =>
                `${capitalise(termName.en(a.termIndex))} of measure '${a.measure}' runs ${a.actualDays} days (${a.start} to ${a.end}), ` +
                `longer than the term max of ${durationText(a.limit, 'en')} for '${a.type}' (${basisText.en(a.basis)}). ` +
                `End this term at ${a.maxEnd} at the latest (\`to ${a.maxEnd}\`, at most ${a.maxDays} days).`,
            nl: a =>
                `${capitalise(termName.nl(a.termIndex))} van maatregel '${a.measure}' duurt ${a.actualDays} dagen (${a.start} tot ${a.end}), ` +
                `langer dan de maximale termijn van ${durationText(a.limit, 'nl')} voor '${a.type}' (${basisText.nl(a.basis)}). ` +
                `Laat deze termijn uiterlijk op ${a.maxEnd} eindigen (\`to ${a.maxEnd}\`, hoogstens ${a.maxDays} dagen).`
        }),
        total: finding<LimitArgs, LimitFix>({
            en: a =>
                `With ${termName.en(a.termIndex)}, measure '${a.measure}' runs ${a.actualDays} days in total (${a.start} to ${a.end}), ` +
                `longer than the total max of ${durationText(a.limit, 'en')} for '${a.type}' (${basisText.en(a.basis)}). ` +
                (a.maxDays > 0
                    ? `Let ${termName.en(a.termIndex)} end at ${a.maxEnd} at the latest (\`to ${a.maxEnd}\`, at most ${a.maxDays} days).`
                    : `The limit is already reached at ${a.maxEnd}: remove ${termName.en(a.termIndex)}.`),
            nl: a =>
                `Met ${termName.nl(a.termIndex)} duurt maatregel '${a.measure}' in totaal ${a.actualDays} dagen (${a.start} tot ${a.end}), ` +
                `langer dan het totale maximum van ${durationText(a.limit, 'nl')} voor '${a.type}' (${basisText.nl(a.basis)}). ` +
                (a.maxDays > 0
                    ? `Laat ${termName.nl(a.termIndex)} uiterlijk op ${a.maxEnd} eindigen (\`to ${a.maxEnd}\`, hoogstens ${a.maxDays} dagen).`
                    : `Het maximum is op ${a.maxEnd} al bereikt: verwijder ${termName.nl(a.termIndex)}.`)
        })
    },
    texts: vp030Texts,
    fix: (context): FixProposal[] => {
        const measure = nodeAt(context.file, context.start, isMeasure);
        const limits = measure ? context.facts?.measureLimits.find(l => l.measure.node === measure) : undefined;
        if (!measure || !limits) return [];
        const { finding } = context;
        const termIndex = finding.fix?.termIndex ?? finding.args.termIndex;
        const maxEnd = finding.fix?.maxEnd ?? finding.args.maxEnd;
        const maxDays = finding.fix?.maxDays ?? finding.args.maxDays;
        const term = limits.terms[termIndex]?.term.node;
        if (!term || !maxEnd) return [];
        if (maxDays === 0 && isExtendItem(term)) {
            // The limit is reached before this extension starts: it goes, with the line break before it.
            const leaves = CstUtils.flattenCst(context.file.$cstNode!).toArray();
            const first = leaves.findIndex(leaf => leaf.offset === term.$cstNode!.offset);
            const from = first > 0 ? leaves[first - 1].end : term.$cstNode!.offset;
            return [{
                title: text(vp030Texts.fixRemove, { maxEnd }, context.locale),
                edits: [{ offset: from, end: significantLeaves(term).at(-1)!.end, newText: '' }],
                preferred: true
            }];
        }
        // `term max` reads best as the limit itself (`for 1 year`); a total is cut at its last day.
        const end = finding.key === 'term' && finding.fix?.maxDuration ? `for ${finding.fix.maxDuration}` : `to ${maxEnd}`;
        const edit = setEnd(term, end);
        return edit ? [{ title: text(vp030Texts.fixShorten, { end }, context.locale), edits: [edit], preferred: true }] : [];
    },
    docs: {
        checks: 'No term of a measure (the first, or one `extend`) is longer than its type\'s `term max`, and the first term plus all ' +
            'extensions are not longer than its `total max`. Lengths compare as calendar dates. The message gives the limit, the ' +
            'actual length and the legal `basis`. A first term without an end lasts the type\'s `initial`, else `term max`, else ' +
            '`total max`. Silent for a measure whose type does not resolve or whose terms have an invalid date.',
        why: 'A plan that records an impossible measure is wrong. Limits in the built-in catalogue: huisverbod 10 days, at most 28 in ' +
            'total [S1w, S2w]; OTS at most 1 year per term [S7, S8]; voorlopige OTS 3 months [S9]; machtiging uithuisplaatsing 1 year ' +
            'per term [S10a]; art. 38v Sr 5 years [S13]; gedragsaanwijzing 90 days [S14a]; proeftijd 3 years [S15]; crisismaatregel ' +
            '3 days and zorgmachtiging 12 months [S18a, S19b]; Toezicht en begeleiding 2 years [S20a].',
        example: {
            show: 'measure hv huisverbod {\n    on mark\n    protects sanne, noor\n    by burgemeester_dordrecht\n    from 2026-01-12 for 10 days\n    extend for 21 days\n}',
            // Veilig Thuis keeps regie while the (too long) huisverbod runs, so that only VP030 shows.
            file: examplePlan({
                measures: EXAMPLE_SECTIONS.measures.replace('extend for 18 days', 'extend for 21 days'),
                regie: EXAMPLE_SECTIONS.regie.replace('to 2026-02-09', 'to 2026-02-12').replace('wijkteam_dordrecht from 2026-02-09', 'wijkteam_dordrecht from 2026-02-12')
            })
        },
        fix: 'End the term at the latest date the message names (here `extend for 18 days`, or `extend to 2026-02-09`).'
    }
});

export const vp031 = defineRule({
    code: 'VP031',
    severity: 'error',
    title: { en: 'Eligible subject', nl: 'Toegestane betrokkene' },
    findings: {
        adult: finding<SubjectArgs>({
            en: a =>
                `Measure '${a.measure}' of type '${a.type}' can only be imposed on adults (subject adult), but '${a.member}' is a child. ` +
                `Remove '${a.member}' from \`on\` (protect them with \`protects\` instead) or choose a measure type for minors.`,
            nl: a =>
                `Maatregel '${a.measure}' van type '${a.type}' kan alleen aan volwassenen worden opgelegd (subject adult), maar '${a.member}' is een kind. ` +
                `Haal '${a.member}' weg bij \`on\` (bescherm het kind met \`protects\`) of kies een maatregeltype voor minderjarigen.`
        }),
        minor: finding<SubjectArgs>({
            en: a =>
                `Measure '${a.measure}' of type '${a.type}' can only be imposed on minors (subject minor), but '${a.member}' is an adult. ` +
                `Remove '${a.member}' from \`on\` or choose a measure type for adults.`,
            nl: a =>
                `Maatregel '${a.measure}' van type '${a.type}' kan alleen aan minderjarigen worden opgelegd (subject minor), maar '${a.member}' is volwassen. ` +
                `Haal '${a.member}' weg bij \`on\` of kies een maatregeltype voor volwassenen.`
        })
    },
    docs: {
        checks: 'A measure whose type has `subject adult` is not `on` a child, and one with `subject minor` is not `on` an adult (by ' +
            'the member\'s declared kind). The diagnostic is on the member\'s name in the `on` list.',
        why: 'Only an adult can receive a huisverbod [S1w]; an OTS or out-of-home placement is for minors [S7, S10a]; ' +
            'jeugdreclassering is for youths [S20c].',
        example: {
            show: 'member noor child born 2015 roles witness\n// ...\nmeasure hv huisverbod {\n    on noor\n    protects sanne\n    by burgemeester_dordrecht\n    from 2026-01-12 for 10 days\n    extend for 18 days\n}',
            file: examplePlan({ measures: EXAMPLE_SECTIONS.measures.replace('on mark', 'on noor').replace('protects sanne, noor', 'protects sanne') })
        },
        fix: 'Put the child in `protects` instead, or choose a measure type for minors.'
    }
});

export const vp032 = defineRule({
    code: 'VP032',
    severity: 'warning',
    title: { en: 'Unchecked limit', nl: 'Ongecontroleerde termijn' },
    findings: {
        noEnd: finding<UncheckedArgs>({
            en: a =>
                `Measure type '${a.type}' has no legal limit (no \`term max\` or \`total max\`), and the first term of measure '${a.measure}' states no end, ` +
                `so it would run ${a.planEnd ? `to the end of the plan (${a.planEnd})` : 'to the end of the plan'} unchecked. ` +
                `Give the first term an explicit end, e.g. \`from ${a.start} for 3 months\` or \`from ${a.start} to <date>\`.`,
            nl: a =>
                `Maatregeltype '${a.type}' heeft geen wettelijke termijn (geen \`term max\` of \`total max\`), en de eerste termijn van maatregel '${a.measure}' heeft geen einde, ` +
                `dus die loopt ongecontroleerd ${a.planEnd ? `tot het einde van het plan (${a.planEnd})` : 'tot het einde van het plan'}. ` +
                `Geef de eerste termijn een expliciet einde, bijvoorbeeld \`from ${a.start} for 3 months\` of \`from ${a.start} to <datum>\`.`
        })
    },
    docs: {
        checks: 'A measure whose type has no `term max` and no `total max` states an explicit end (`for` or `to`) for its first term; ' +
            '`initial` does not excuse it, and neither does an `extend`.',
        why: 'For some measures (voorwaardelijk sepot, among others) no legal maximum could be verified [S17, S20a]; the plan must then ' +
            'say itself how long the measure runs.',
        example: {
            show: 'measure sepot voorwaardelijk_sepot {\n    on mark\n    by om_zhz\n    from 2026-01-20\n}',
            file: examplePlan({ measures: `${EXAMPLE_SECTIONS.measures}\n\n    measure sepot voorwaardelijk_sepot {\n        on mark\n        by om_zhz\n        from 2026-01-20\n    }` }),
            catalogue: `${EXAMPLE_CATALOGUE}organisation om_zhz "Openbaar Ministerie, arrondissement Rotterdam" kind om\n`
        },
        fix: 'Add the end of the first term, e.g. `from 2026-01-20 for 6 months`.'
    }
});

export const vp033 = defineRule({
    code: 'VP033',
    severity: 'warning',
    title: { en: 'Imposed by the right authority', nl: 'Opgelegd door de juiste instantie' },
    findings: {
        authority: finding<AuthorityArgs>({
            en: a =>
                `Measure '${a.measure}' of type '${a.type}' is imposed by '${a.organisation}' (kind ${a.kind}), ` +
                `but only these kinds can impose it: ${a.allowed}. Choose an organisation of one of those kinds for \`by\`.`,
            nl: a =>
                `Maatregel '${a.measure}' van type '${a.type}' wordt opgelegd door '${a.organisation}' (soort ${a.kind}), ` +
                `maar alleen deze soorten kunnen hem opleggen: ${a.allowed}. Kies bij \`by\` een organisatie van een van die soorten.`
        })
    },
    docs: {
        checks: 'A measure\'s `by` organisation is of one of the kinds its type names in `imposed by`; a type without `imposed by` ' +
            'accepts any. Silent when the `by` does not resolve.',
        why: 'A huisverbod is the mayor\'s, or a police officer\'s on the mayor\'s behalf [S4w]; an OTS is imposed by the juvenile ' +
            'judge [S7, S8]; a gedragsaanwijzing by the public prosecutor [S14a].',
        example: {
            show: 'measure hv huisverbod {\n    on mark\n    protects sanne, noor\n    by veiligthuis_zhz\n    from 2026-01-12 for 10 days\n    extend for 18 days\n}',
            file: examplePlan({ measures: EXAMPLE_SECTIONS.measures.replace('by burgemeester_dordrecht', 'by veiligthuis_zhz') })
        },
        fix: 'Name an organisation of an allowed kind in `by` (for a huisverbod: the burgemeester or the politie).'
    }
});

const RULES = [vp030, vp031, vp032, vp033] as const;
type Report = RuleReporter<ModuleFindings<typeof RULES>>;

export const measureRules = defineRules({
    rules: RULES,
    reads: ['organisation', 'measureType'],
    plan: ({ facts, report }) => {
        for (const limits of facts.measureLimits) {
            const measure = limits.measure;
            // An unresolved type (VP081) silences VP030–VP033.
            if (!measure.type) continue;
            reportLimits(limits, report);
            reportSubjects(measure, report);
            reportUncheckedLimit(measure, facts.plan, report);
            reportAuthority(measure, report);
        }
    }
});

/** VP030: each term against `term max`, then the running total against `total max`. */
function reportLimits(limits: MeasureLimitFacts, report: Report): void {
    const { measure, termMax, totalMax, totalMaxEnd } = limits;
    const common = { measure: measure.name, type: measure.type!.name, basis: measure.type!.basis };
    const args = (term: TermFacts, limit: DurationValue, start: number, maxEnd: number, maxDays: number): LimitArgs => ({
        ...common, termIndex: term.index, limit,
        actualDays: term.term.interval.end - start,
        start: formatDay(start), end: formatDay(term.term.interval.end),
        maxEnd: formatDay(maxEnd), maxDays
    });
    if (termMax) {
        for (const term of limits.terms) {
            if (!term.exceedsTermMax) continue;
            const interval = term.term.interval;
            const maxDays = term.termMaxEnd! - interval.start;
            const found = args(term, termMax, interval.start, term.termMaxEnd!, maxDays);
            report('VP030.term', term.term.node, found, {
                fix: { termIndex: term.index, maxEnd: found.maxEnd, maxDays, maxDuration: formatDuration(termMax) }
            });
        }
    }
    // The diagnostic sits on the first term whose end passes the limit: that is the one to shorten.
    const beyond = limits.firstBeyondTotal;
    if (totalMax && totalMaxEnd !== undefined && beyond && measure.interval) {
        const maxDays = Math.max(0, totalMaxEnd - beyond.term.interval.start);
        const found = args(beyond, totalMax, measure.interval.start, totalMaxEnd, maxDays);
        report('VP030.total', beyond.term.node, found, { fix: { termIndex: beyond.index, maxEnd: found.maxEnd, maxDays } });
    }
}

/**
 * VP031: the declared kind of each member `on` the measure against the type's subject, on the
 * member's reference. The references are read in source order next to the resolved `on` list,
 * which holds the members of the references that resolve, in the same order.
 */
function reportSubjects(measure: ResolvedMeasure, report: Report): void {
    const subject = measure.type?.subject;
    if (!measure.type || subject === undefined || subject === 'any') return;
    let next = 0;
    for (const onItem of itemsOf(measure.node, isOnItem)) {
        onItem.members.forEach((reference, index) => {
            const target = measure.on[next];
            if (!target || target.name !== reference.$refText) return; // does not resolve (VP081)
            next++;
            // The member is a node of this plan: its declared kind is read where it is written.
            const kind = target.kind;
            const args = { measure: measure.name, type: measure.type!.name, member: target.name };
            if (subject === 'adult' && kind === 'child') report('VP031.adult', onItem, args, { property: 'members', index });
            else if (subject === 'minor' && kind === 'adult') report('VP031.minor', onItem, args, { property: 'members', index });
        });
    }
}

/** VP032: a type without a limit needs an explicit end on the first term (`initial` and `extend` do not count). */
function reportUncheckedLimit(measure: ResolvedMeasure, plan: ResolvedPlan, report: Report): void {
    const type = measure.type;
    if (!type || hasLimit(type) || measure.firstTermHasEnd) return;
    const first = firstItem(measure.node, isSpanItem);
    if (!first) return; // a missing `from` is VP005
    report('VP032.noEnd', first, {
        measure: measure.name, type: type.name, start: first.start ?? '<date>',
        planEnd: plan.period ? formatDay(plan.period.end) : undefined
    });
}

/** VP033: the `by` organisation's kind against the type's `imposed by`. */
function reportAuthority(measure: ResolvedMeasure, report: Report): void {
    const type = measure.type;
    if (!type || type.imposedBy.length === 0 || !measure.by) return;
    const kind = measure.by.kind;
    if (kind === undefined || type.imposedBy.includes(kind)) return;
    const byItem = firstItem(measure.node, isByItem);
    if (!byItem) return;
    report('VP033.authority', byItem, {
        measure: measure.name, type: type.name, organisation: measure.by.name, kind, allowed: type.imposedBy.join(', ')
    }, { property: 'organisation' });
}
