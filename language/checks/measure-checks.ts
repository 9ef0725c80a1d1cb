/**
 * Measure checks of spec section 7: VP030 (within the legal limit), VP031 (eligible subject),
 * VP032 (unchecked limit) and VP033 (imposed by the right authority).
 *
 * No cascades: a measure whose type does not resolve (VP081) gets none of these; a measure with an
 * invalid term (VP060) gets no VP030. Duplicate measures (VP080) are not in the resolved plan.
 *
 * Quick-fix data (`diagnostic.data.fix`):
 * - VP030.term / VP030.total: `{ termIndex, maxEnd, maxDays, maxDuration? }`
 *   - `termIndex`: 0 for the first term (`from ...`), k for the k-th `extend` (in source order);
 *   - `maxEnd`: the latest allowed (exclusive) end of that term as ISO date, i.e. `to <maxEnd>` is legal;
 *   - `maxDays`: the longest legal length of that term in days (`for <maxDays> days`; 0 = remove the extension);
 *   - `maxDuration`: only for VP030.term, the type's `term max` as written in canonical form (`1 year`).
 * - VP031, VP032, VP033: no fix data.
 */

import { isByItem, isOnItem, isSpanItem, type Member } from '../generated/ast.js';
import { firstItem, itemsOf } from '../model/ast-queries.js';
import { addDuration, formatDay, formatDuration, type DurationUnit, type DurationValue } from '../model/dates.js';
import { hasLimit, organisationKind, type MeasureTerm, type ResolvedMeasure } from '../model/plan-model.js';
import type { MessageCatalogue } from '../i18n/locale.js';
import type { FileCheck, PlanCheck, Reporter } from '../validation/report.js';

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

const termName = {
    en: (i: number) => (i === 0 ? 'the first term' : `extension ${i}`),
    nl: (i: number) => (i === 0 ? 'de eerste termijn' : `verlenging ${i}`)
};

const basisText = {
    en: (basis?: string) => (basis ? `legal basis: ${basis}` : 'no legal basis given in the measure type'),
    nl: (basis?: string) => (basis ? `wettelijke grondslag: ${basis}` : 'geen wettelijke grondslag opgegeven bij het maatregeltype')
};

const NL_UNITS: Record<DurationUnit, [string, string]> = {
    day: ['dag', 'dagen'], week: ['week', 'weken'], month: ['maand', 'maanden'], year: ['jaar', 'jaar']
};

const limitText = {
    en: (d: DurationValue) => formatDuration(d),
    nl: (d: DurationValue) => `${d.amount} ${NL_UNITS[d.unit][d.amount === 1 ? 0 : 1]}`
};

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const measureMessages = {
    'VP030.term': {
        en: (a: LimitArgs) =>
            `${capitalise(termName.en(a.termIndex))} of measure '${a.measure}' runs ${a.actualDays} days (${a.start} to ${a.end}), ` +
            `longer than the term max of ${limitText.en(a.limit)} for '${a.type}' (${basisText.en(a.basis)}). ` +
            `End this term at ${a.maxEnd} at the latest (\`to ${a.maxEnd}\`, at most ${a.maxDays} days).`,
        nl: (a: LimitArgs) =>
            `${capitalise(termName.nl(a.termIndex))} van maatregel '${a.measure}' duurt ${a.actualDays} dagen (${a.start} tot ${a.end}), ` +
            `langer dan de maximale termijn van ${limitText.nl(a.limit)} voor '${a.type}' (${basisText.nl(a.basis)}). ` +
            `Laat deze termijn uiterlijk op ${a.maxEnd} eindigen (\`to ${a.maxEnd}\`, hoogstens ${a.maxDays} dagen).`
    },
    'VP030.total': {
        en: (a: LimitArgs) =>
            `With ${termName.en(a.termIndex)}, measure '${a.measure}' runs ${a.actualDays} days in total (${a.start} to ${a.end}), ` +
            `longer than the total max of ${limitText.en(a.limit)} for '${a.type}' (${basisText.en(a.basis)}). ` +
            (a.maxDays > 0
                ? `Let ${termName.en(a.termIndex)} end at ${a.maxEnd} at the latest (\`to ${a.maxEnd}\`, at most ${a.maxDays} days).`
                : `The limit is already reached at ${a.maxEnd}: remove ${termName.en(a.termIndex)}.`),
        nl: (a: LimitArgs) =>
            `Met ${termName.nl(a.termIndex)} duurt maatregel '${a.measure}' in totaal ${a.actualDays} dagen (${a.start} tot ${a.end}), ` +
            `langer dan het totale maximum van ${limitText.nl(a.limit)} voor '${a.type}' (${basisText.nl(a.basis)}). ` +
            (a.maxDays > 0
                ? `Laat ${termName.nl(a.termIndex)} uiterlijk op ${a.maxEnd} eindigen (\`to ${a.maxEnd}\`, hoogstens ${a.maxDays} dagen).`
                : `Het maximum is op ${a.maxEnd} al bereikt: verwijder ${termName.nl(a.termIndex)}.`)
    },
    'VP031.adult': {
        en: (a: { measure: string; type: string; member: string }) =>
            `Measure '${a.measure}' of type '${a.type}' can only be imposed on adults (subject adult), but '${a.member}' is a child. ` +
            `Remove '${a.member}' from \`on\` (protect them with \`protects\` instead) or choose a measure type for minors.`,
        nl: (a: { measure: string; type: string; member: string }) =>
            `Maatregel '${a.measure}' van type '${a.type}' kan alleen aan volwassenen worden opgelegd (subject adult), maar '${a.member}' is een kind. ` +
            `Haal '${a.member}' weg bij \`on\` (bescherm het kind met \`protects\`) of kies een maatregeltype voor minderjarigen.`
    },
    'VP031.minor': {
        en: (a: { measure: string; type: string; member: string }) =>
            `Measure '${a.measure}' of type '${a.type}' can only be imposed on minors (subject minor), but '${a.member}' is an adult. ` +
            `Remove '${a.member}' from \`on\` or choose a measure type for adults.`,
        nl: (a: { measure: string; type: string; member: string }) =>
            `Maatregel '${a.measure}' van type '${a.type}' kan alleen aan minderjarigen worden opgelegd (subject minor), maar '${a.member}' is volwassen. ` +
            `Haal '${a.member}' weg bij \`on\` of kies een maatregeltype voor volwassenen.`
    },
    'VP032.noEnd': {
        en: (a: { measure: string; type: string; start: string; planEnd?: string }) =>
            `Measure type '${a.type}' has no legal limit (no \`term max\` or \`total max\`), and the first term of measure '${a.measure}' states no end, ` +
            `so it would run ${a.planEnd ? `to the end of the plan (${a.planEnd})` : 'to the end of the plan'} unchecked. ` +
            `Give the first term an explicit end, e.g. \`from ${a.start} for 3 months\` or \`from ${a.start} to <date>\`.`,
        nl: (a: { measure: string; type: string; start: string; planEnd?: string }) =>
            `Maatregeltype '${a.type}' heeft geen wettelijke termijn (geen \`term max\` of \`total max\`), en de eerste termijn van maatregel '${a.measure}' heeft geen einde, ` +
            `dus die loopt ongecontroleerd ${a.planEnd ? `tot het einde van het plan (${a.planEnd})` : 'tot het einde van het plan'}. ` +
            `Geef de eerste termijn een expliciet einde, bijvoorbeeld \`from ${a.start} for 3 months\` of \`from ${a.start} to <datum>\`.`
    },
    'VP033.authority': {
        en: (a: { measure: string; type: string; organisation: string; kind: string; allowed: string }) =>
            `Measure '${a.measure}' of type '${a.type}' is imposed by '${a.organisation}' (kind ${a.kind}), ` +
            `but only these kinds can impose it: ${a.allowed}. Choose an organisation of one of those kinds for \`by\`.`,
        nl: (a: { measure: string; type: string; organisation: string; kind: string; allowed: string }) =>
            `Maatregel '${a.measure}' van type '${a.type}' wordt opgelegd door '${a.organisation}' (soort ${a.kind}), ` +
            `maar alleen deze soorten kunnen hem opleggen: ${a.allowed}. Kies bij \`by\` een organisatie van een van die soorten.`
    }
} satisfies MessageCatalogue;

/** VP030: each term against `term max`, the running total against `total max`. */
function checkLimits(measure: ResolvedMeasure, report: Reporter): void {
    const type = measure.type;
    // An invalid term (VP060) silences VP030 for the whole measure: its length is unknown.
    if (!type || !measure.interval || measure.terms.length === 0) return;
    const terms = measure.terms as Array<MeasureTerm & { interval: NonNullable<MeasureTerm['interval']> }>;
    const common = { measure: measure.name, type: type.name, basis: type.basis };

    if (type.termMax) {
        const termMax = type.termMax;
        terms.forEach((term, termIndex) => {
            const maxEnd = addDuration(term.interval.start, termMax);
            if (term.interval.end <= maxEnd) return;
            const maxDays = maxEnd - term.interval.start;
            report('VP030.term', term.node, {
                ...common, termIndex, limit: termMax,
                actualDays: term.interval.end - term.interval.start,
                start: formatDay(term.interval.start), end: formatDay(term.interval.end),
                maxEnd: formatDay(maxEnd), maxDays
            } satisfies LimitArgs, { fix: { termIndex, maxEnd: formatDay(maxEnd), maxDays, maxDuration: formatDuration(termMax) } });
        });
    }

    if (type.totalMax) {
        const start = measure.interval.start;
        const maxEnd = addDuration(start, type.totalMax);
        // The diagnostic sits on the first term whose end passes the limit: that is the one to shorten.
        const termIndex = terms.findIndex(term => term.interval.end > maxEnd);
        if (termIndex >= 0) {
            const term = terms[termIndex];
            const maxDays = Math.max(0, maxEnd - term.interval.start);
            report('VP030.total', term.node, {
                ...common, termIndex, limit: type.totalMax,
                actualDays: term.interval.end - start,
                start: formatDay(start), end: formatDay(term.interval.end),
                maxEnd: formatDay(maxEnd), maxDays
            } satisfies LimitArgs, { fix: { termIndex, maxEnd: formatDay(maxEnd), maxDays } });
        }
    }
}

/** VP031: the declared kind of each member `on` the measure against the type's subject. */
function checkSubject(measure: ResolvedMeasure, report: Reporter): void {
    const subject = measure.type?.subject;
    if (!measure.type || subject === undefined || subject === 'any') return;
    for (const onItem of itemsOf(measure.node, isOnItem)) {
        onItem.members.forEach((reference, index) => {
            const member = reference.ref as Member | undefined;
            if (!member) return;
            const args = { measure: measure.name, type: measure.type!.name, member: member.name };
            if (subject === 'adult' && member.kind === 'child') {
                report('VP031.adult', onItem, args, { property: 'members', index });
            } else if (subject === 'minor' && member.kind === 'adult') {
                report('VP031.minor', onItem, args, { property: 'members', index });
            }
        });
    }
}

/** VP032: a type without a limit needs an explicit end on the first term (`initial`/`extend` do not count). */
function checkUncheckedLimit(measure: ResolvedMeasure, planEnd: number | undefined, report: Reporter): void {
    const type = measure.type;
    if (!type || hasLimit(type) || measure.firstTermHasEnd) return;
    const first = firstItem(measure.node, isSpanItem);
    if (!first) return; // a missing `from` is VP005
    report('VP032.noEnd', first, {
        measure: measure.name, type: type.name, start: first.start ?? '<date>',
        planEnd: planEnd !== undefined ? formatDay(planEnd) : undefined
    });
}

/** VP033: the `by` organisation's kind against the type's `imposed by`. */
function checkAuthority(measure: ResolvedMeasure, report: Reporter): void {
    const type = measure.type;
    if (!type || type.imposedBy.length === 0 || !measure.by) return;
    const kind = organisationKind(measure.by);
    if (kind === undefined || type.imposedBy.includes(kind)) return;
    const byItem = firstItem(measure.node, isByItem);
    if (!byItem) return;
    report('VP033.authority', byItem, {
        measure: measure.name, type: type.name, organisation: measure.by.name, kind, allowed: type.imposedBy.join(', ')
    }, { property: 'organisation' });
}

export const measurePlanChecks: PlanCheck[] = [
    ({ plan, report }) => {
        for (const measure of plan.measures) {
            // An unresolved type (VP081) silences VP030–VP033.
            if (!measure.type) continue;
            checkLimits(measure, report);
            checkSubject(measure, report);
            checkUncheckedLimit(measure, plan.period?.end, report);
            checkAuthority(measure, report);
        }
    }
];

export const measureFileChecks: FileCheck[] = [];
