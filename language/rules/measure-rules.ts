/**
 * Measures: VP030 (within the legal limit, over the measure-limit facts of
 * analysis/measure-facts.ts), VP031 (eligible subject), VP032 (unchecked limit) and VP033 (imposed
 * by the right authority). Each measure is judged by the four rules in turn; a rule over several
 * measures at once (v2: VP034, required measures, over analysis/requirement-facts.ts) runs after
 * that loop.
 *
 * No cascades: a measure whose type does not resolve (VP081) gets none of these; a measure with an
 * invalid term (VP060) gets no VP030 (its length is unknown); a `by` that does not resolve or has no
 * valid kind gets no VP033. Duplicate measures (VP080) are not in the resolved plan. VP034 is
 * silent for a measure whose type (or a type it requires) or dates are invalid or unresolved, and
 * for a member on whom another measure of an unknown type, or of a required type with invalid
 * dates, runs (see the facts).
 */

import { isByItem, isExtendItem, isMeasure, isOnItem, isSpanItem } from '../generated/ast.js';
import { firstItem, itemsOf } from '../model/ast-queries.js';
import { addDuration, formatDay, formatDuration, type DurationValue } from '../model/dates.js';
import { hasLimit, type MeasureTypeView, type OrganisationView, type ResolvedMeasure, type ResolvedPlan } from '../model/plan-model.js';
import type { MeasureLimitFacts, TermFacts } from '../analysis/measure-facts.js';
import { fits, type MeasureRequirement } from '../analysis/requirement-facts.js';
import { dayCount, durationText, orList } from '../i18n/phrases.js';
import { defineRule, defineRules, finding, message, text, type ModuleFindings, type RuleReporter } from './rule-unit.js';
import { EXAMPLE_CATALOGUE, EXAMPLE_SECTIONS, examplePlan } from './example-plan.js';
import { byKindPreference, insertItem, nodeAt, removeNode, setEnd, unusedPlanName, type FixProposal } from './fix-support.js';

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
    /** `total`: how many extensions follow the term; they all lie beyond the limit and go too. */
    later?: number;
    /**
     * `term`: the next term is written `extend to DATE`, so cutting this one lengthens it past the
     * term max: its index and its latest end once this term is cut.
     */
    nextIndex?: number;
    nextMaxEnd?: string;
}

/**
 * Quick-fix data of VP030: the term to shorten (0 = the first, k = the k-th `extend`), its latest
 * legal (exclusive) end, its longest legal length in days (0: remove the extension), for
 * `term max` that limit as written (`1 year`) and the latest end of a next `extend to` (see
 * LimitArgs); a `total` fix removes every extension after the term.
 */
type LimitFix = { termIndex: number; maxEnd: string; maxDays: number; maxDuration?: string; nextMaxEnd?: string };

type SubjectArgs = { measure: string; type: string; member: string };
/**
 * VP032: without `initial` the first term runs to the plan end (`planEnd`, exclusive); with it, it
 * runs for `initial` through `initialLastDay`.
 */
type UncheckedArgs = { measure: string; type: string; start: string; planEnd?: string; initial?: DurationValue; initialLastDay?: string };
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
    fixRemove: message<{ maxEnd: string; count: number }>({
        en: a => `Remove the ${a.count === 1 ? 'extension' : `${a.count} extensions`}: the limit is reached on ${a.maxEnd}`,
        nl: a => `${a.count === 1 ? 'Verlenging' : `${a.count} verlengingen`} verwijderen: het maximum is op ${a.maxEnd} bereikt`
    }),
    fixShortenAndRemove: message<{ end: string; count: number }>({
        en: a => `Shorten the term to the legal maximum (${a.end}) and remove the ${a.count === 1 ? 'extension' : `${a.count} extensions`} after it`,
        nl: a => `Termijn inkorten tot het wettelijk maximum (${a.end}) en de ${a.count === 1 ? 'verlenging' : `${a.count} verlengingen`} erna verwijderen`
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
                `End this term at ${a.maxEnd} at the latest (\`to ${a.maxEnd}\`, at most ${a.maxDays} days)` +
                (a.nextMaxEnd ? `, and let ${termName.en(a.nextIndex ?? 0)}, which then starts on ${a.maxEnd}, end at ${a.nextMaxEnd} at the latest (\`extend to ${a.nextMaxEnd}\`)` : '') + '.',
            nl: a =>
                `${capitalise(termName.nl(a.termIndex))} van maatregel '${a.measure}' duurt ${a.actualDays} dagen (${a.start} tot ${a.end}), ` +
                `langer dan de maximale termijn van ${durationText(a.limit, 'nl')} voor '${a.type}' (${basisText.nl(a.basis)}). ` +
                `Laat deze termijn uiterlijk op ${a.maxEnd} eindigen (\`to ${a.maxEnd}\`, hoogstens ${a.maxDays} dagen)` +
                (a.nextMaxEnd ? `, en laat ${termName.nl(a.nextIndex ?? 0)}, die dan op ${a.maxEnd} begint, uiterlijk op ${a.nextMaxEnd} eindigen (\`extend to ${a.nextMaxEnd}\`)` : '') + '.'
        }),
        total: finding<LimitArgs, LimitFix>({
            en: a =>
                `With ${termName.en(a.termIndex)}, measure '${a.measure}' runs ${a.actualDays} days in total (${a.start} to ${a.end}), ` +
                `longer than the total max of ${durationText(a.limit, 'en')} for '${a.type}' (${basisText.en(a.basis)}). ` +
                (a.maxDays > 0
                    ? `Let ${termName.en(a.termIndex)} end at ${a.maxEnd} at the latest (\`to ${a.maxEnd}\`, at most ${a.maxDays} days)` +
                      (a.later ? ` and remove the ${a.later === 1 ? 'extension' : `${a.later} extensions`} after it` : '') + '.'
                    : `The limit is already reached at ${a.maxEnd}: remove ${termName.en(a.termIndex)}` +
                      (a.later ? ` and the ${a.later === 1 ? 'extension' : `${a.later} extensions`} after it` : '') + '.'),
            nl: a =>
                `Met ${termName.nl(a.termIndex)} duurt maatregel '${a.measure}' in totaal ${a.actualDays} dagen (${a.start} tot ${a.end}), ` +
                `langer dan het totale maximum van ${durationText(a.limit, 'nl')} voor '${a.type}' (${basisText.nl(a.basis)}). ` +
                (a.maxDays > 0
                    ? `Laat ${termName.nl(a.termIndex)} uiterlijk op ${a.maxEnd} eindigen (\`to ${a.maxEnd}\`, hoogstens ${a.maxDays} dagen)` +
                      (a.later ? ` en verwijder de ${a.later === 1 ? 'verlenging' : `${a.later} verlengingen`} erna` : '') + '.'
                    : `Het maximum is op ${a.maxEnd} al bereikt: verwijder ${termName.nl(a.termIndex)}` +
                      (a.later ? ` en de ${a.later === 1 ? 'verlenging' : `${a.later} verlengingen`} erna` : '') + '.')
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
        // Past the total max, every later extension lies beyond the limit too: they go with it.
        const later = finding.key === 'total' ? limits.terms.slice(termIndex + 1).map(t => t.term.node) : [];
        if (maxDays === 0 && isExtendItem(term)) {
            // The limit is reached before this extension starts: it goes, with the line break before it.
            const removed = [term, ...later];
            return [{
                title: text(vp030Texts.fixRemove, { maxEnd, count: removed.length }, context.locale),
                edits: removed.map(node => removeNode(context.file, node)),
                preferred: true
            }];
        }
        // `term max` reads best as the limit itself (`for 1 year`); a total is cut at its last day.
        const end = finding.key === 'term' && finding.fix?.maxDuration ? `for ${finding.fix.maxDuration}` : `to ${maxEnd}`;
        const edit = setEnd(term, end);
        if (!edit) return [];
        const edits = [edit, ...later.map(node => removeNode(context.file, node))];
        // A next `extend to` would start earlier and so run longer: it ends at its own latest end.
        const next = finding.key === 'term' && finding.fix?.nextMaxEnd ? limits.terms[termIndex + 1]?.term.node : undefined;
        const nextEdit = next ? setEnd(next, `to ${finding.fix!.nextMaxEnd}`) : undefined;
        if (nextEdit) edits.push(nextEdit);
        const title = later.length > 0
            ? text(vp030Texts.fixShortenAndRemove, { end, count: later.length }, context.locale)
            : text(vp030Texts.fixShorten, { end }, context.locale);
        return [{ title, edits, preferred: true }];
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

/** How long a first term without an end runs: its type's `initial`, else to the end of the plan. */
const uncheckedRun = {
    en: (a: UncheckedArgs) => a.initial && a.initialLastDay
        ? `for its type's \`initial\` of ${durationText(a.initial, 'en')} (through ${a.initialLastDay})`
        : a.planEnd ? `to the end of the plan (${a.planEnd})` : 'to the end of the plan',
    nl: (a: UncheckedArgs) => a.initial && a.initialLastDay
        ? `zo lang als de \`initial\` van het type, ${durationText(a.initial, 'nl')} (tot en met ${a.initialLastDay})`
        : a.planEnd ? `tot het einde van het plan (${a.planEnd})` : 'tot het einde van het plan'
};

export const vp032 = defineRule({
    code: 'VP032',
    severity: 'warning',
    title: { en: 'Unchecked limit', nl: 'Ongecontroleerde termijn' },
    findings: {
        noEnd: finding<UncheckedArgs>({
            en: a =>
                `Measure type '${a.type}' has no legal limit (no \`term max\` or \`total max\`), and the first term of measure '${a.measure}' states no end, ` +
                `so it would run ${uncheckedRun.en(a)} unchecked. ` +
                `Give the first term an explicit end, e.g. \`from ${a.start} for 3 months\` or \`from ${a.start} to <date>\`.`,
            nl: a =>
                `Maatregeltype '${a.type}' heeft geen wettelijke termijn (geen \`term max\` of \`total max\`), en de eerste termijn van maatregel '${a.measure}' heeft geen einde, ` +
                `dus die loopt ongecontroleerd ${uncheckedRun.nl(a)}. ` +
                `Geef de eerste termijn een expliciet einde, bijvoorbeeld \`from ${a.start} for 3 months\` of \`from ${a.start} to <datum>\`.`
        })
    },
    docs: {
        checks: 'A measure whose type has no `term max` and no `total max` states an explicit end (`for` or `to`) for its first term; ' +
            '`initial` does not excuse it, and neither does an `extend`. The message says how long the first term runs as written: ' +
            'the type\'s `initial` when it has one, else to the end of the plan.',
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

type RequiredArgs = {
    measure: string;
    type: string;
    /** The required types, as the measure type's `requires` names them. */
    requires: string[];
    member: string;
    /** The first day without a required measure, the (exclusive) end of that stretch, its last day and its length. */
    start: string;
    end: string;
    lastDay: string;
    days: number;
    /** A measure of a required type on the member that ends on `start` and may be extended to `end`. */
    previous?: string;
    /** The required type to suggest for a new measure over the stretch. */
    suggested: string;
};

/** Quick-fix data of VP034: which measure and member, and the stretch's first day. */
type RequiredFix = { measure: string; member: string; start: string };

const vp034Texts = {
    fixExtend: message<{ name: string; end: string }>({
        en: a => `Extend '${a.name}' over those days (extend to ${a.end})`,
        nl: a => `'${a.name}' over die dagen verlengen (extend to ${a.end})`
    }),
    fixAdd: message<{ type: string; member: string; start: string; lastDay: string; organisation: string }>({
        en: a => `Add a measure of type ${a.type} on '${a.member}' from ${a.start} through ${a.lastDay}, by ${a.organisation}`,
        nl: a => `Maatregel van type ${a.type} toevoegen voor '${a.member}' van ${a.start} tot en met ${a.lastDay}, door ${a.organisation}`
    })
};

export const vp034 = defineRule({
    code: 'VP034',
    severity: 'error',
    title: { en: 'Required measure runs', nl: 'Vereiste maatregel loopt' },
    findings: {
        missing: finding<RequiredArgs, RequiredFix>({
            en: a =>
                `Measure '${a.measure}' (${a.type}) may only run while a measure of type ${orList(a.requires, 'en')} runs on the same member, ` +
                `but none runs on '${a.member}' from ${a.start} for ${dayCount(a.days, 'en')} (through ${a.lastDay}). ` +
                (a.previous ? `Extend '${a.previous}' over those days (\`extend to ${a.end}\`), or add` : 'Add') +
                ` a measure of type ${a.suggested} with \`on ${a.member}\` and \`from ${a.start} to ${a.end}\`.`,
            nl: a =>
                `Maatregel '${a.measure}' (${a.type}) mag alleen lopen zolang er voor hetzelfde gezinslid een maatregel van type ${orList(a.requires, 'nl')} loopt, ` +
                `maar voor '${a.member}' loopt er geen vanaf ${a.start}, ${dayCount(a.days, 'nl')} lang (tot en met ${a.lastDay}). ` +
                (a.previous ? `Verleng '${a.previous}' over die dagen (\`extend to ${a.end}\`), of voeg` : 'Voeg') +
                ` een maatregel van type ${a.suggested} toe met \`on ${a.member}\` en \`from ${a.start} to ${a.end}\`.`
        })
    },
    texts: vp034Texts,
    cascade: { droppedBlock: true, droppedCoverage: true },
    fix: (context): FixProposal[] => {
        const { plan, facts, locale } = context;
        const fix = context.finding.fix;
        if (!plan || !facts || !fix) return [];
        const requirement = facts.requirements.find(r => r.measure.name === fix.measure);
        const gap = requirement?.gaps.find(g => g.member.name === fix.member && formatDay(g.start) === fix.start);
        if (!requirement || !gap) return [];
        const end = formatDay(gap.end);
        const proposals: FixProposal[] = [];
        // The required measure that ends where the stretch begins runs on: an extension (verlenging) within its limits.
        if (gap.previous && gap.previousCanExtend) {
            const previous = gap.previous.node;
            proposals.push({
                title: text(vp034Texts.fixExtend, { name: previous.name, end }, locale),
                edits: [insertItem(context, previous, `extend to ${end}`, item => isSpanItem(item) || isExtendItem(item), false)],
                preferred: true
            });
        }
        // Else (or also) the required measure itself, of a type that fits the member and the stretch, by an authority of the workspace.
        const added = requiredMeasure(requirement, gap, context.measureTypes, context.organisations);
        if (added) {
            const name = unusedPlanName(`${added.type.name}_${gap.member.name}`, plan);
            const item = `measure ${name} ${added.type.name} {\non ${gap.member.name}\nby ${added.organisation.name}\nfrom ${formatDay(gap.start)} to ${end}\n}`;
            proposals.push({
                title: text(vp034Texts.fixAdd, {
                    type: added.type.name, member: gap.member.name, start: formatDay(gap.start), lastDay: formatDay(gap.end - 1), organisation: added.organisation.name
                }, locale),
                edits: [insertItem(context, plan, item, candidate => candidate === requirement.measure.node, true)],
                preferred: proposals.length === 0
            });
        }
        return proposals;
    },
    docs: {
        checks: 'On every day of the plan period on which a measure whose type `requires` other types runs, each member it is `on` is ' +
            'the `on` of a measure of one of those types that runs that day. One diagnostic per measure, on the measure, naming the ' +
            'first such day and member and how long the stretch lasts. Silent for a measure whose type, a type it requires, or its ' +
            'dates are invalid or do not resolve, and for a member that is `on` another measure whose type does not resolve or that ' +
            'is of a required type with invalid dates (its days are unknown).',
        why: 'A *machtiging uithuisplaatsing* is given within an ondertoezichtstelling (BW Boek 1, art. 1:265b): without a running ' +
            '(voorlopige) OTS there is no placement [S10a, S11, S12]. The built-in catalogue says so with ' +
            '`requires ots, voorlopige_ots`.',
        example: {
            show: 'measure uhp uithuisplaatsing {\n    on noor\n    by rechtbank_rotterdam\n    from 2026-03-02 for 6 months\n}\n// no ots or voorlopige_ots on noor',
            // The GI holds regie while the placement runs, so that only VP034 shows.
            file: examplePlan({
                measures: `${EXAMPLE_SECTIONS.measures}\n\n    measure uhp uithuisplaatsing {\n        on noor\n        by rechtbank_rotterdam\n        from 2026-03-02 for 6 months\n    }`,
                regie: EXAMPLE_SECTIONS.regie.replace(
                    'wijkteam_dordrecht from 2026-02-09 "Warme overdracht na het huisverbod"',
                    'wijkteam_dordrecht from 2026-02-09 to 2026-03-02 "Warme overdracht na het huisverbod"\n' +
                    '        gi_zhz from 2026-03-02 to 2026-09-02 "Jeugdbescherming tijdens de uithuisplaatsing"\n' +
                    '        wijkteam_dordrecht from 2026-09-02'
                )
            })
        },
        fix: 'Record the measure the placement runs within: an `ots` (or `voorlopige_ots`) `on` the child over those days, or an ' +
            '`extend` of the OTS that ends too early. If the placement really ends earlier, end it when the OTS ends. The quick fix ' +
            'extends an OTS that ends on the first uncovered day when its limits allow it, and adds an OTS over the stretch ' +
            'imposed by an organisation of the workspace of a kind its type names (a `rechter`); it offers nothing when no such ' +
            'organisation exists.'
    }
});

/**
 * The measure VP034's quick fix adds over a stretch: the type the message suggests, else the first
 * other required type that can be imposed on the member and lasts the stretch in one term, imposed by an
 * organisation of a kind the type names (the requiring measure's own `by` first, as the same court
 * often gives both); a type without `imposed by` takes the requiring measure's `by`.
 */
function requiredMeasure(
    requirement: MeasureRequirement, gap: MeasureRequirement['gaps'][number],
    measureTypes: readonly MeasureTypeView[], organisations: readonly OrganisationView[]
): { type: MeasureTypeView; organisation: OrganisationView } | undefined {
    // The suggested type first: the one the message names.
    const names = [gap.suggestedType, ...requirement.requires.filter(name => name !== gap.suggestedType)];
    for (const name of names) {
        const type = measureTypes.find(t => t.name === name);
        if (!type || !fits(type, gap.member, gap)) continue;
        const own = requirement.measure.by;
        let organisation: OrganisationView | undefined;
        if (type.imposedBy.length === 0) organisation = own;
        else if (own?.kind && type.imposedBy.includes(own.kind)) organisation = own;
        else organisation = byKindPreference(organisations, type.imposedBy).find(o => o.kind !== undefined && type.imposedBy.includes(o.kind));
        if (organisation) return { type, organisation };
    }
    return undefined;
}

const RULES = [vp030, vp031, vp032, vp033, vp034] as const;
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
        for (const requirement of facts.requirements) reportRequirement(requirement, report);
    }
});

/** VP034: the first stretch of days on which a member of the measure has none of the required measures running. */
function reportRequirement(requirement: MeasureRequirement, report: Report): void {
    const gap = requirement.gaps[0];
    if (!gap) return;
    const { measure } = requirement;
    const start = formatDay(gap.start);
    report('VP034.missing', measure.node, {
        measure: measure.name, type: measure.type!.name, requires: [...requirement.requires], member: gap.member.name,
        start, end: formatDay(gap.end), lastDay: formatDay(gap.end - 1), days: gap.end - gap.start,
        previous: gap.previousCanExtend ? gap.previous?.name : undefined, suggested: gap.suggestedType
    }, { property: 'name', fix: { measure: measure.name, member: gap.member.name, start } });
}

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
            // Cut here, a next `extend to DATE` starts earlier: past its own term max it is cut too (unless it already is, reported on its own).
            const next = limits.terms[term.index + 1];
            const nextMaxEnd = addDuration(term.termMaxEnd!, termMax);
            if (next && !next.exceedsTermMax && isExtendItem(next.term.node) && next.term.node.end !== undefined && next.term.interval.end > nextMaxEnd) {
                found.nextIndex = next.index;
                found.nextMaxEnd = formatDay(nextMaxEnd);
            }
            report('VP030.term', term.term.node, found, {
                fix: { termIndex: term.index, maxEnd: found.maxEnd, maxDays, maxDuration: formatDuration(termMax), nextMaxEnd: found.nextMaxEnd }
            });
        }
    }
    // The diagnostic sits on the first term whose end passes the limit: that is the one to shorten.
    const beyond = limits.firstBeyondTotal;
    if (totalMax && totalMaxEnd !== undefined && beyond && measure.interval) {
        const maxDays = Math.max(0, totalMaxEnd - beyond.term.interval.start);
        const found = args(beyond, totalMax, measure.interval.start, totalMaxEnd, maxDays);
        const later = limits.terms.length - 1 - beyond.index;
        if (later > 0) found.later = later;
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
    // The model gives a first term without an end its type's `initial`, if any: the message says so.
    const firstEnd = measure.terms[0]?.interval?.end;
    const byInitial = type.initial !== undefined && firstEnd !== undefined;
    report('VP032.noEnd', first, {
        measure: measure.name, type: type.name, start: first.start ?? '<date>',
        planEnd: plan.period ? formatDay(plan.period.end) : undefined,
        initial: byInitial ? type.initial : undefined,
        initialLastDay: byInitial ? formatDay(firstEnd - 1) : undefined
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
