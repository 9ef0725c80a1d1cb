/**
 * Date checks of spec section 7: VP060 (valid dates), VP061 (inside the plan) and VP062 (age
 * matches the member's kind).
 *
 * VP060 covers every date token of a plan (period, phases, measure terms and extensions,
 * interventions, agreements, regie entries, aftercare, meetings, evaluations) and the `checked`
 * date of each measure type declared in the file. Duplicate declarations (VP080) take part in
 * none of these. An invalid plan period silences VP061 and VP062; a date that does not exist is
 * reported once, by VP060, and every check that needs it stays silent.
 *
 * Quick-fix data (`diagnostic.data.fix`):
 * - VP060.calendar: `{ suggestion }`, the nearest existing date in the same month (ISO), when the month exists.
 * - VP060.endNotAfterStart / VP060.extendNotAfter: `{ earliestEnd }`, the first legal (exclusive) end (ISO).
 * - VP061: `{ periodStart, periodEnd }` of the plan (ISO; the end is exclusive).
 * - VP062: `{ kind }`, the member kind that fits the age (`adult` or `child`).
 */

import type { AstNode } from 'langium';
import { isCheckedItem, isExtendItem, isMeasureType, isSpanItem, type Duration } from '../generated/ast.js';
import { firstItem, planNamespace } from '../model/ast-queries.js';
import { addDuration, daysInMonth, formatDay, parseDate, partsFromDay, type Day } from '../model/dates.js';
import { durationValue, type ResolvedPlan } from '../model/plan-model.js';
import type { MessageCatalogue } from '../i18n/locale.js';
import type { FileCheck, PlanCheck, Reporter } from '../validation/report.js';

const MONTHS = {
    en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december']
};

interface CalendarArgs {
    date: string;
    /** 'month' when the month is not 01–12; 'day' when the day does not exist in that month. */
    problem: 'month' | 'day' | 'format';
    year?: number;
    month?: number;
    days?: number;
    suggestion?: string;
}

interface OutsideArgs {
    what: 'measure' | 'intervention' | 'agreement' | 'meeting' | 'evaluation';
    name: string;
    date: string;
    periodStart: string;
    periodEnd: string;
    lastDay: string;
}

const WHAT = {
    en: { measure: 'Measure', intervention: 'Intervention', agreement: 'Agreement', meeting: 'The meeting', evaluation: 'The evaluation' },
    nl: { measure: 'Maatregel', intervention: 'Interventie', agreement: 'Afspraak', meeting: 'Het overleg', evaluation: 'De evaluatie' }
};

export const dateMessages = {
    'VP060.calendar': {
        en: (a: CalendarArgs) =>
            a.problem === 'month'
                ? `'${a.date}' is not a date: months run from 01 to 12. Correct the month.`
                : a.problem === 'day'
                    ? `'${a.date}' is not a date in the calendar: ${MONTHS.en[(a.month ?? 1) - 1]} ${a.year} has ${a.days} days. ` +
                      `Use a day from 01 to ${a.days}${a.suggestion ? `, e.g. ${a.suggestion}` : ''}.`
                    : `'${a.date}' is not a date in the calendar. Write a date that exists, as YYYY-MM-DD.`,
        nl: (a: CalendarArgs) =>
            a.problem === 'month'
                ? `'${a.date}' is geen datum: maanden lopen van 01 tot en met 12. Verbeter de maand.`
                : a.problem === 'day'
                    ? `'${a.date}' bestaat niet in de kalender: ${MONTHS.nl[(a.month ?? 1) - 1]} ${a.year} heeft ${a.days} dagen. ` +
                      `Gebruik een dag van 01 tot en met ${a.days}${a.suggestion ? `, bijvoorbeeld ${a.suggestion}` : ''}.`
                    : `'${a.date}' bestaat niet in de kalender. Schrijf een bestaande datum als JJJJ-MM-DD.`
    },
    'VP060.endNotAfterStart': {
        en: (a: { start: string; end: string; earliestEnd: string }) =>
            `This period ends on ${a.end}, which is not after its start ${a.start}, so it covers no day (a period runs up to but not including its end). ` +
            `Use an end after the start, at the earliest \`to ${a.earliestEnd}\` for one day.`,
        nl: (a: { start: string; end: string; earliestEnd: string }) =>
            `Deze periode eindigt op ${a.end}, en dat is niet na het begin ${a.start}, dus ze omvat geen enkele dag (een periode loopt tot, niet tot en met, het einde). ` +
            `Kies een einde na het begin, op zijn vroegst \`to ${a.earliestEnd}\` voor één dag.`
    },
    'VP060.zeroDuration': {
        en: (a: { duration: string }) =>
            `A period of \`for ${a.duration}\` covers no day. Give it a length of at least 1 day, or remove it.`,
        nl: (a: { duration: string }) =>
            `Een periode van \`for ${a.duration}\` omvat geen enkele dag. Geef haar een lengte van minstens 1 dag, of verwijder haar.`
    },
    'VP060.extendNotAfter': {
        en: (a: { end: string; previousEnd: string; earliestEnd: string }) =>
            `This extension ends on ${a.end}, which is not after the end of the previous term (${a.previousEnd}); an extension starts where the previous term ends. ` +
            `Use a later end, at the earliest \`extend to ${a.earliestEnd}\`, or remove the extension.`,
        nl: (a: { end: string; previousEnd: string; earliestEnd: string }) =>
            `Deze verlenging eindigt op ${a.end}, en dat is niet na het einde van de vorige termijn (${a.previousEnd}); een verlenging begint waar de vorige termijn eindigt. ` +
            `Kies een later einde, op zijn vroegst \`extend to ${a.earliestEnd}\`, of verwijder de verlenging.`
    },
    'VP061.outside': {
        en: (a: OutsideArgs) =>
            `${WHAT.en[a.what]}${a.name ? ` '${a.name}'` : ''} starts on ${a.date}, outside the plan period ${a.periodStart} to ${a.periodEnd} ` +
            `(the end date is not part of it). Move the start to a day from ${a.periodStart} to ${a.lastDay}, or change the plan period.`,
        nl: (a: OutsideArgs) =>
            `${WHAT.nl[a.what]}${a.name ? ` '${a.name}'` : ''} begint op ${a.date}, buiten de planperiode ${a.periodStart} tot ${a.periodEnd} ` +
            `(de einddatum hoort er niet bij). Verplaats het begin naar een dag van ${a.periodStart} tot en met ${a.lastDay}, of pas de planperiode aan.`
    },
    'VP062.childTooOld': {
        en: (a: { member: string; age: number; startYear: number; born: number; bornAfter: number }) =>
            `'${a.member}' is declared a child but is ${a.age} at the plan start (${a.startYear} − ${a.born}); a child is under 18. ` +
            `Change '${a.member}' from \`child\` to \`adult\`, or correct \`born\` (a child here is born after ${a.bornAfter}).`,
        nl: (a: { member: string; age: number; startYear: number; born: number; bornAfter: number }) =>
            `'${a.member}' staat als kind vermeld maar is ${a.age} bij de start van het plan (${a.startYear} − ${a.born}); een kind is jonger dan 18. ` +
            `Verander bij '${a.member}' \`child\` in \`adult\`, of verbeter \`born\` (een kind is hier geboren na ${a.bornAfter}).`
    },
    'VP062.adultTooYoung': {
        en: (a: { member: string; age: number; startYear: number; born: number; bornBy: number }) =>
            `'${a.member}' is declared an adult but is ${a.age} at the plan start (${a.startYear} − ${a.born}); an adult is 18 or older. ` +
            `Change '${a.member}' from \`adult\` to \`child\`, or correct \`born\` (an adult here is born in ${a.bornBy} or earlier).`,
        nl: (a: { member: string; age: number; startYear: number; born: number; bornBy: number }) =>
            `'${a.member}' staat als volwassene vermeld maar is ${a.age} bij de start van het plan (${a.startYear} − ${a.born}); een volwassene is 18 of ouder. ` +
            `Verander bij '${a.member}' \`adult\` in \`child\`, of verbeter \`born\` (een volwassene is hier geboren in ${a.bornBy} of eerder).`
    }
} satisfies MessageCatalogue;

/** VP060 for one date token; returns the day when it exists. */
function checkDate<N extends AstNode>(text: string | undefined, node: N, property: string, report: Reporter): Day | undefined {
    if (text === undefined) return undefined;
    const day = parseDate(text);
    if (day !== undefined) return day;
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    let args: CalendarArgs = { date: text, problem: 'format' };
    let fix: Record<string, unknown> | undefined;
    if (match) {
        const year = Number(match[1]);
        const month = Number(match[2]);
        if (month < 1 || month > 12) {
            args = { date: text, problem: 'month' };
        } else {
            const days = daysInMonth(year, month);
            const dayOfMonth = Math.min(Math.max(Number(match[3]), 1), days);
            const suggestion = `${match[1]}-${match[2]}-${String(dayOfMonth).padStart(2, '0')}`;
            args = { date: text, problem: 'day', year, month, days, suggestion };
            fix = { suggestion };
        }
    }
    report('VP060.calendar', node, args as unknown as Record<string, unknown>, { property: property as never, fix });
    return undefined;
}

function durationText(node: Duration): string {
    return `${node.amount} ${node.unit}`;
}

/** VP060 for `from/period/phase DATE (to DATE | for DUR)`: both dates exist and the end is after the start. */
function checkSpan(node: AstNode & { start?: string; end?: string; duration?: Duration }, report: Reporter): void {
    const start = checkDate(node.start, node, 'start', report);
    const end = checkDate(node.end, node, 'end', report);
    if (start === undefined) return;
    if (node.end !== undefined) {
        if (end !== undefined && end <= start) {
            report('VP060.endNotAfterStart', node, { start: formatDay(start), end: formatDay(end), earliestEnd: formatDay(start + 1) },
                { property: 'end' as never, fix: { earliestEnd: formatDay(start + 1) } });
        }
    } else if (node.duration) {
        const duration = durationValue(node.duration);
        if (duration && addDuration(start, duration) <= start) {
            report('VP060.zeroDuration', node.duration, { duration: durationText(node.duration) });
        }
    }
}

/**
 * VP060 over the plan's own (non-duplicate) constructs, in source order. The grammar puts date
 * tokens in these places only: plan items (period, phase, meeting, evaluation), the items of
 * measures, interventions, agreements and aftercare blocks (`from`, `extend`), and regie entries.
 * Visiting exactly those, with plain loops, replaces a stream over every node of the plan (an
 * iterator object per step).
 */
function checkPlanDates(plan: ResolvedPlan, report: Reporter): void {
    // Later declarations of a name (VP080) take part in no other check.
    const { duplicates } = planNamespace(plan.node);
    for (const item of plan.node.items) {
        switch (item.$type) {
            case 'PlanPeriod':
            case 'Phase':
                checkSpan(item, report);
                break;
            case 'Meeting':
            case 'Evaluation':
                checkDate(item.date, item, 'date', report);
                break;
            case 'Measure':
            case 'Intervention':
            case 'Agreement':
                if (duplicates.has(item)) break;
                checkItemDates(item.items, report);
                break;
            case 'Aftercare':
                checkItemDates(item.items, report);
                break;
            case 'RegieBlock':
                for (const entry of item.entries) checkSpan(entry, report);
                break;
        }
    }
    // Each extension must end after the previous term; only judged when the previous term is valid.
    for (const measure of plan.measures) {
        const terms = measure.terms;
        for (let index = 1; index < terms.length; index++) {
            const term = terms[index];
            const previous = terms[index - 1].interval;
            if (!previous || term.interval || !isExtendItem(term.node)) continue;
            const extend = term.node;
            if (extend.end !== undefined) {
                const end = parseDate(extend.end);
                if (end === undefined) continue; // VP060.calendar above
                report('VP060.extendNotAfter', extend, {
                    end: formatDay(end), previousEnd: formatDay(previous.end), earliestEnd: formatDay(previous.end + 1)
                }, { property: 'end', fix: { earliestEnd: formatDay(previous.end + 1) } });
            } else if (extend.duration && durationValue(extend.duration)) {
                report('VP060.zeroDuration', extend.duration, { duration: durationText(extend.duration) });
            }
        }
    }
}

/** `from` and `extend` items of a measure, intervention, agreement or aftercare block. */
function checkItemDates(items: readonly AstNode[], report: Reporter): void {
    for (const node of items) {
        if (isSpanItem(node)) checkSpan(node, report);
        else if (isExtendItem(node)) checkDate(node.end, node, 'end', report);
    }
}

/** VP061: the listed constructs start inside the plan period (half-open). */
function checkInsidePlan(plan: ResolvedPlan, report: Reporter): void {
    const period = plan.period;
    if (!period) return;
    const outside = (day: Day | undefined): day is Day => day !== undefined && !(period.start <= day && day < period.end);
    // Only a day outside the period is reported: the texts of the message are built then, not for every plan.
    const reportOutside = (what: OutsideArgs['what'], name: string, day: Day, node: AstNode | undefined, property: string) => {
        if (!node) return;
        const common = { periodStart: formatDay(period.start), periodEnd: formatDay(period.end), lastDay: formatDay(period.end - 1) };
        const fix = { periodStart: common.periodStart, periodEnd: common.periodEnd };
        report('VP061.outside', node, { what, name, date: formatDay(day), ...common } satisfies OutsideArgs, { property: property as never, fix });
    };
    for (const m of plan.measures) if (outside(m.start)) reportOutside('measure', m.name, m.start, firstItem(m.node, isSpanItem), 'start');
    for (const i of plan.interventions) if (outside(i.dates.start)) reportOutside('intervention', i.name, i.dates.start, firstItem(i.node, isSpanItem), 'start');
    for (const a of plan.agreements) if (outside(a.dates?.start)) reportOutside('agreement', a.name, a.dates.start, firstItem(a.node, isSpanItem), 'start');
    for (const m of plan.meetings) if (outside(m.day)) reportOutside('meeting', m.title ?? '', m.day, m.node, 'date');
    for (const e of plan.evaluations) if (outside(e.day)) reportOutside('evaluation', e.title ?? '', e.day, e.node, 'date');
}

/** VP062: the declared kind fits the age at the plan start. */
function checkAges(plan: ResolvedPlan, report: Reporter): void {
    if (!plan.period) return;
    const startYear = partsFromDay(plan.period.start).year;
    for (const member of plan.members) {
        if (member.born === undefined || member.age === undefined) continue;
        const args = { member: member.name, age: member.age, startYear, born: member.born };
        if (member.kind === 'child' && member.age >= 18) {
            report('VP062.childTooOld', member.node, { ...args, bornAfter: startYear - 18 }, { property: 'kind', fix: { kind: 'adult' } });
        } else if (member.kind === 'adult' && member.age < 18) {
            report('VP062.adultTooYoung', member.node, { ...args, bornBy: startYear - 18 }, { property: 'kind', fix: { kind: 'child' } });
        }
    }
}

export const datePlanChecks: PlanCheck[] = [
    ({ plan, report }) => {
        checkPlanDates(plan, report);
        checkInsidePlan(plan, report);
        checkAges(plan, report);
    }
];

export const dateFileChecks: FileCheck[] = [
    // The `checked` date of each (non-duplicate) measure type declared in this file.
    ({ file, services, report }) => {
        const globalNames = services.references.GlobalNames;
        for (const declaration of file.declarations) {
            if (!isMeasureType(declaration) || globalNames.earlierDeclaration(declaration, declaration.name)) continue;
            const checked = firstItem(declaration, isCheckedItem);
            if (checked) checkDate(checked.date, checked, 'date', report);
        }
    }
];
