/**
 * Dates: VP060 (valid dates), VP061 (inside the plan) and VP062 (age matches the member's kind).
 *
 * VP060 covers every date token of a plan (period, phases, measure terms and extensions,
 * interventions, agreements, regie entries, aftercare, meetings, evaluations) and, as a file
 * check, the `checked` date of each measure type declared in the file. It has three parts, each
 * the one place where its v2 additions go: a written date (`writtenDay`), a period written as
 * `from DATE (to DATE | for DUR)` (`checkSpan`), and each extension against the term before it
 * (`checkExtensions`).
 *
 * No cascades: duplicate declarations (VP080) take part in none of these (plan-level ones are
 * skipped here and left out of the resolved plan; a duplicate measure type by `earlierDeclaration`).
 * A date that does not exist is reported once, by VP060, and every check that needs it stays
 * silent: an invalid plan period silences VP061 and VP062, an extension after an invalid term
 * is not judged.
 */

import type { AstNode } from 'langium';
import { isCheckedItem, isExtendItem, isMeasureType, isSpanItem, type Duration } from '../generated/ast.js';
import { firstItem, planNamespace } from '../model/ast-queries.js';
import { addDuration, daysInMonth, formatDay, parseDate, partsFromDay, type Day } from '../model/dates.js';
import { durationValue, type Interval, type ResolvedMember, type ResolvedPlan } from '../model/plan-model.js';
import { defineRule, defineRules, finding, type ModuleFindings, type RuleReporter } from './rule-unit.js';
import { EXAMPLE_SECTIONS, examplePlan } from './example-plan.js';

// ---------------------------------------------------------------------------------------------
// VP060

const MONTH_NAMES = {
    en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december']
};

type CalendarArgs = {
    date: string;
    /** 'month' when the month is not 01–12; 'day' when the day does not exist in that month. */
    problem: 'month' | 'day' | 'format';
    year?: number;
    month?: number;
    days?: number;
    /** The nearest existing date in the same month. */
    suggestion?: string;
};

type EndArgs = { start: string; end: string; earliestEnd: string };
type ExtendArgs = { end: string; previousEnd: string; earliestEnd: string };

export const vp060 = defineRule({
    code: 'VP060',
    severity: 'error',
    title: { en: 'Valid dates', nl: 'Geldige data' },
    findings: {
        calendar: finding<CalendarArgs>({
            en: a =>
                a.problem === 'month'
                    ? `'${a.date}' is not a date: months run from 01 to 12. Correct the month.`
                    : a.problem === 'day'
                        ? `'${a.date}' is not a date in the calendar: ${MONTH_NAMES.en[(a.month ?? 1) - 1]} ${a.year} has ${a.days} days. ` +
                          `Use a day from 01 to ${a.days}${a.suggestion ? `, e.g. ${a.suggestion}` : ''}.`
                        : `'${a.date}' is not a date in the calendar. Write a date that exists, as YYYY-MM-DD.`,
            nl: a =>
                a.problem === 'month'
                    ? `'${a.date}' is geen datum: maanden lopen van 01 tot en met 12. Verbeter de maand.`
                    : a.problem === 'day'
                        ? `'${a.date}' bestaat niet in de kalender: ${MONTH_NAMES.nl[(a.month ?? 1) - 1]} ${a.year} heeft ${a.days} dagen. ` +
                          `Gebruik een dag van 01 tot en met ${a.days}${a.suggestion ? `, bijvoorbeeld ${a.suggestion}` : ''}.`
                        : `'${a.date}' bestaat niet in de kalender. Schrijf een bestaande datum als JJJJ-MM-DD.`
        }),
        endNotAfterStart: finding<EndArgs>({
            en: a => `This period ends on ${a.end}, which is not after its start ${a.start}, so it covers no day (a period runs up to but not including its end). ` +
                `Use an end after the start, at the earliest \`to ${a.earliestEnd}\` for one day.`,
            nl: a => `Deze periode eindigt op ${a.end}, en dat is niet na het begin ${a.start}, dus ze omvat geen enkele dag (een periode loopt tot, niet tot en met, het einde). ` +
                `Kies een einde na het begin, op zijn vroegst \`to ${a.earliestEnd}\` voor één dag.`
        }),
        zeroDuration: finding<{ duration: string }>({
            en: a => `A period of \`for ${a.duration}\` covers no day. Give it a length of at least 1 day, or remove it.`,
            nl: a => `Een periode van \`for ${a.duration}\` omvat geen enkele dag. Geef haar een lengte van minstens 1 dag, of verwijder haar.`
        }),
        extendNotAfter: finding<ExtendArgs>({
            en: a => `This extension ends on ${a.end}, which is not after the end of the previous term (${a.previousEnd}); an extension starts where the previous term ends. ` +
                `Use a later end, at the earliest \`extend to ${a.earliestEnd}\`, or remove the extension.`,
            nl: a => `Deze verlenging eindigt op ${a.end}, en dat is niet na het einde van de vorige termijn (${a.previousEnd}); een verlenging begint waar de vorige termijn eindigt. ` +
                `Kies een later einde, op zijn vroegst \`extend to ${a.earliestEnd}\`, of verwijder de verlenging.`
        })
    },
    docs: {
        checks: 'Every date exists in the calendar (`2026-02-30` and `2026-13-01` do not); every end lies after its start (`to` the ' +
            'start date itself, or `for 0 days`, is an empty period); each `extend to` lies after the previous end; the plan period ' +
            'ends after it starts. This covers every date of a plan (period, phases, measure terms and extensions, interventions, ' +
            'agreements, regie entries, aftercare, meetings, evaluations) and the `checked` date of a measure type.',
        why: 'Every other date check builds on valid dates (language reference, section 1); an invalid date silences the checks ' +
            'that need it.',
        example: {
            show: 'phase safety from 2026-01-12 to 2026-02-30',
            file: examplePlan({ phases: EXAMPLE_SECTIONS.phases.replace('phase safety from 2026-01-12 to 2026-03-01', 'phase safety from 2026-01-12 to 2026-02-30') })
        },
        fix: 'Use a date that exists (the message suggests the nearest one) and an end after the start.'
    }
});

// ---------------------------------------------------------------------------------------------
// VP061

/** What starts outside the plan period (v2 adds incidents). */
type Dated = 'measure' | 'intervention' | 'agreement' | 'meeting' | 'evaluation';

type OutsideArgs = {
    what: Dated;
    name: string;
    date: string;
    periodStart: string;
    periodEnd: string;
    lastDay: string;
};

const WHAT: Record<'en' | 'nl', Record<Dated, string>> = {
    en: { measure: 'Measure', intervention: 'Intervention', agreement: 'Agreement', meeting: 'The meeting', evaluation: 'The evaluation' },
    nl: { measure: 'Maatregel', intervention: 'Interventie', agreement: 'Afspraak', meeting: 'Het overleg', evaluation: 'De evaluatie' }
};

export const vp061 = defineRule({
    code: 'VP061',
    severity: 'warning',
    title: { en: 'Inside the plan', nl: 'Binnen de planperiode' },
    findings: {
        outside: finding<OutsideArgs>({
            en: a => `${WHAT.en[a.what]}${a.name ? ` '${a.name}'` : ''} starts on ${a.date}, outside the plan period ${a.periodStart} to ${a.periodEnd} ` +
                `(the end date is not part of it). Move the start to a day from ${a.periodStart} to ${a.lastDay}, or change the plan period.`,
            nl: a => `${WHAT.nl[a.what]}${a.name ? ` '${a.name}'` : ''} begint op ${a.date}, buiten de planperiode ${a.periodStart} tot ${a.periodEnd} ` +
                `(de einddatum hoort er niet bij). Verplaats het begin naar een dag van ${a.periodStart} tot en met ${a.lastDay}, of pas de planperiode aan.`
        })
    },
    docs: {
        checks: 'Measures, interventions, agreements, meetings and evaluations start within the plan period (half-open: a meeting ' +
            'on the plan\'s end date is outside). Aftercare, phases and regie entries are not concerned. Silent when the plan period ' +
            'is invalid.',
        why: 'What the plan records should happen while the plan runs; a start outside it is usually a typo in the year. The rule ' +
            'is a design choice of vplan.',
        example: {
            show: 'period 2026-01-12 to 2027-01-12\nevaluation 2027-01-12 "Eindevaluatie"',
            file: examplePlan({ extra: '    evaluation 2027-01-12 "Eindevaluatie"' })
        },
        fix: 'Correct the date, or lengthen the plan period.'
    }
});

// ---------------------------------------------------------------------------------------------
// VP062

type AgeArgs = { member: string; age: number; startYear: number; born: number };

export const vp062 = defineRule({
    code: 'VP062',
    severity: 'warning',
    title: { en: 'Age matches', nl: 'Leeftijd klopt' },
    findings: {
        childTooOld: finding<AgeArgs & { bornAfter: number }>({
            en: a => `'${a.member}' is declared a child but is ${a.age} at the plan start (${a.startYear} − ${a.born}); a child is under 18. ` +
                `Change '${a.member}' from \`child\` to \`adult\`, or correct \`born\` (a child here is born after ${a.bornAfter}).`,
            nl: a => `'${a.member}' staat als kind vermeld maar is ${a.age} bij de start van het plan (${a.startYear} − ${a.born}); een kind is jonger dan 18. ` +
                `Verander bij '${a.member}' \`child\` in \`adult\`, of verbeter \`born\` (een kind is hier geboren na ${a.bornAfter}).`
        }),
        adultTooYoung: finding<AgeArgs & { bornBy: number }>({
            en: a => `'${a.member}' is declared an adult but is ${a.age} at the plan start (${a.startYear} − ${a.born}); an adult is 18 or older. ` +
                `Change '${a.member}' from \`adult\` to \`child\`, or correct \`born\` (an adult here is born in ${a.bornBy} or earlier).`,
            nl: a => `'${a.member}' staat als volwassene vermeld maar is ${a.age} bij de start van het plan (${a.startYear} − ${a.born}); een volwassene is 18 of ouder. ` +
                `Verander bij '${a.member}' \`adult\` in \`child\`, of verbeter \`born\` (een volwassene is hier geboren in ${a.bornBy} of eerder).`
        })
    },
    docs: {
        checks: 'A `child` is under 18 at the plan start, and an `adult` with `born` is 18 or older. Ages are whole years: plan ' +
            'start year − `born`. Silent when the plan period is invalid.',
        why: 'Which measures apply depends on majority: a huisverbod only for adults [S1w], an OTS only for minors [S7].',
        example: {
            show: 'period 2026-01-12 to 2027-01-12\nhousehold {\n    member joost child born 2006 no-action "Woont op kamers"\n}',
            file: examplePlan({
                household: EXAMPLE_SECTIONS.household.replace('    }', '        member joost child born 2006 no-action "Woont op kamers"\n    }'),
                meetings: EXAMPLE_SECTIONS.meetings.replace('client noor heard', 'client noor heard\n        client joost heard')
            })
        },
        fix: 'Correct the birth year, or the kind (`adult`).'
    }
});

const RULES = [vp060, vp061, vp062] as const;
type Report = RuleReporter<ModuleFindings<typeof RULES>>;

// ---------------------------------------------------------------------------------------------
// VP060: the checks

/** The day of a written date, or `undefined` after reporting VP060 when it does not exist. */
function writtenDay<N extends AstNode>(text: string | undefined, node: N, property: string, report: Report): Day | undefined {
    if (text === undefined) return undefined;
    const day = parseDate(text);
    if (day !== undefined) return day;
    report('VP060.calendar', node, calendarProblem(text), { property: property as never });
    return undefined;
}

/** Why a date token is not a date: its month, its day, or (not a date token at all) its form. */
function calendarProblem(text: string): CalendarArgs {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!match) return { date: text, problem: 'format' };
    const year = Number(match[1]);
    const month = Number(match[2]);
    if (month < 1 || month > 12) return { date: text, problem: 'month' };
    const days = daysInMonth(year, month);
    const dayOfMonth = Math.min(Math.max(Number(match[3]), 1), days);
    const suggestion = `${match[1]}-${match[2]}-${String(dayOfMonth).padStart(2, '0')}`;
    return { date: text, problem: 'day', year, month, days, suggestion };
}

/** A duration as written, e.g. `0 weeks`. */
function writtenDuration(node: Duration): string {
    return `${node.amount} ${node.unit}`;
}

/** `from/period/phase DATE (to DATE | for DUR)`: both dates exist and the end is after the start. */
function checkSpan(node: AstNode & { start?: string; end?: string; duration?: Duration }, report: Report): void {
    const start = writtenDay(node.start, node, 'start', report);
    const end = writtenDay(node.end, node, 'end', report);
    if (start === undefined) return;
    if (node.end !== undefined) {
        if (end !== undefined && end <= start) {
            report('VP060.endNotAfterStart', node, { start: formatDay(start), end: formatDay(end), earliestEnd: formatDay(start + 1) }, { property: 'end' as never });
        }
    } else if (node.duration) {
        const duration = durationValue(node.duration);
        if (duration && addDuration(start, duration) <= start) {
            report('VP060.zeroDuration', node.duration, { duration: writtenDuration(node.duration) });
        }
    }
}

/** `from` and `extend` items of a measure, intervention, agreement or aftercare block. */
function checkItemDates(items: readonly AstNode[], report: Report): void {
    for (const node of items) {
        if (isSpanItem(node)) checkSpan(node, report);
        else if (isExtendItem(node)) writtenDay(node.end, node, 'end', report);
    }
}

/**
 * Every date the plan writes, over its own (non-duplicate) constructs, in source order. The
 * grammar puts date tokens in these places only: plan items (period, phase, meeting, evaluation),
 * the items of measures, interventions, agreements and aftercare blocks (`from`, `extend`), and
 * regie entries. Visiting exactly those, with plain loops, replaces a stream over every node of
 * the plan (an iterator object per step).
 */
function checkPlanDates(plan: ResolvedPlan, report: Report): void {
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
                writtenDay(item.date, item, 'date', report);
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
}

/** Each extension ends after the previous term; judged only when the previous term is valid. */
function checkExtensions(plan: ResolvedPlan, report: Report): void {
    for (const measure of plan.measures) {
        const terms = measure.terms;
        for (let index = 1; index < terms.length; index++) {
            const term = terms[index];
            const previous = terms[index - 1].interval;
            if (!previous || term.interval || !isExtendItem(term.node)) continue;
            const extend = term.node;
            if (extend.end !== undefined) {
                const end = parseDate(extend.end);
                if (end === undefined) continue; // VP060.calendar, by checkPlanDates
                report('VP060.extendNotAfter', extend, {
                    end: formatDay(end), previousEnd: formatDay(previous.end), earliestEnd: formatDay(previous.end + 1)
                }, { property: 'end' });
            } else if (extend.duration && durationValue(extend.duration)) {
                report('VP060.zeroDuration', extend.duration, { duration: writtenDuration(extend.duration) });
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// VP061: the check

/** Whether a start lies outside the (half-open) plan period; v2 judges a measure, intervention or agreement by its whole period. */
function startsOutside(period: Interval, day: Day | undefined): day is Day {
    return day !== undefined && !(period.start <= day && day < period.end);
}

function checkInsidePlan(plan: ResolvedPlan, report: Report): void {
    const period = plan.period;
    if (!period) return;
    // The texts of the message are built only for a start outside the period, not for every plan.
    const reportOutside = (what: Dated, name: string, day: Day, node: AstNode | undefined, property: 'start' | 'date') => {
        if (!node) return;
        report('VP061.outside', node, {
            what, name, date: formatDay(day),
            periodStart: formatDay(period.start), periodEnd: formatDay(period.end), lastDay: formatDay(period.end - 1)
        }, { property: property as never });
    };
    for (const m of plan.measures) if (startsOutside(period, m.start)) reportOutside('measure', m.name, m.start, firstItem(m.node, isSpanItem), 'start');
    for (const i of plan.interventions) if (startsOutside(period, i.dates.start)) reportOutside('intervention', i.name, i.dates.start, firstItem(i.node, isSpanItem), 'start');
    for (const a of plan.agreements) if (startsOutside(period, a.dates?.start)) reportOutside('agreement', a.name, a.dates.start, firstItem(a.node, isSpanItem), 'start');
    for (const m of plan.meetings) if (startsOutside(period, m.day)) reportOutside('meeting', m.title ?? '', m.day, m.node, 'date');
    for (const e of plan.evaluations) if (startsOutside(period, e.day)) reportOutside('evaluation', e.title ?? '', e.day, e.node, 'date');
}

// ---------------------------------------------------------------------------------------------
// VP062: the check

/** Which VP062 finding a member's declared kind and age give, if any (v2 adds a birth after the plan start). */
function ageMismatch(kind: ResolvedMember['kind'], age: number): 'childTooOld' | 'adultTooYoung' | undefined {
    if (kind === 'child' && age >= 18) return 'childTooOld';
    if (kind === 'adult' && age < 18) return 'adultTooYoung';
    return undefined;
}

function checkAges(plan: ResolvedPlan, report: Report): void {
    if (!plan.period) return;
    const startYear = partsFromDay(plan.period.start).year;
    for (const member of plan.members) {
        if (member.born === undefined || member.age === undefined) continue;
        const mismatch = ageMismatch(member.kind, member.age);
        if (!mismatch) continue;
        const args = { member: member.name, age: member.age, startYear, born: member.born };
        if (mismatch === 'childTooOld') report('VP062.childTooOld', member.node, { ...args, bornAfter: startYear - 18 }, { property: 'kind' });
        else report('VP062.adultTooYoung', member.node, { ...args, bornBy: startYear - 18 }, { property: 'kind' });
    }
}

// ---------------------------------------------------------------------------------------------
// The module

export const dateRules = defineRules({
    rules: RULES,
    // An extension's previous term may end by its type's `initial` or limits.
    reads: ['measureType'],
    // The `checked` date of each (non-duplicate) measure type declared in this file.
    file: ({ file, report, earlierDeclaration }) => {
        for (const declaration of file.declarations) {
            if (!isMeasureType(declaration) || earlierDeclaration(declaration)) continue;
            const checked = firstItem(declaration, isCheckedItem);
            if (checked) writtenDay(checked.date, checked, 'date', report);
        }
    },
    plan: ({ plan, report }) => {
        checkPlanDates(plan, report);
        checkExtensions(plan, report);
        checkInsidePlan(plan, report);
        checkAges(plan, report);
    }
});
