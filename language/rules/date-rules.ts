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
 * is not judged. v2: a date past 9999-12-31 (written dates cannot be, computed ones can) and a
 * `born` outside 1900–9999 are invalid in the model (plan-model.ts), reported here and silence the
 * same checks; their messages never repeat the number, which may be a BSN (VP070).
 */

import type { AstNode } from 'langium';
import { isCheckedItem, isCheckpointsItem, isEndedItem, isExtendItem, isMeasureType, isSpanItem, type Aftercare, type Duration, type Member } from '../generated/ast.js';
import { firstItem, planNamespace } from '../model/ast-queries.js';
import { addDuration, daysInMonth, formatDay, isBirthYear, isPastLastDay, parseDate, partsFromDay, type Day } from '../model/dates.js';
import { durationValue, type Interval, type ResolvedMeasure, type ResolvedMember, type ResolvedPlan } from '../model/plan-model.js';
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
/** What ends or falls after 9999-12-31 (v2). The amount is never repeated: it may be a BSN (VP070). */
type PastLastDayArgs = { what: 'period' | 'extension' | 'defaultTerm' | 'checkpoint'; start: string };
type EndedArgs = { ended: string; start: string; earliestEnd: string };

const PAST_LAST_DAY_SUBJECT = {
    en: { period: 'This period', extension: 'This extension', defaultTerm: 'The first term of this measure (the default length of its type)', checkpoint: 'This checkpoint' },
    nl: { period: 'Deze periode', extension: 'Deze verlenging', defaultTerm: 'De eerste termijn van deze maatregel (de standaardduur van het type)', checkpoint: 'Dit controlemoment' }
};

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
        pastLastDay: finding<PastLastDayArgs>({
            en: a => `${PAST_LAST_DAY_SUBJECT.en[a.what]} counts from ${a.start} and ${a.what === 'checkpoint' ? 'falls' : 'ends'} after 9999-12-31, the last date a plan can hold. ` +
                (a.what === 'checkpoint'
                    ? 'Use an offset within the aftercare period.'
                    : a.what === 'defaultTerm' ? 'Give the term an explicit end with `to` or `for`.' : 'Use a shorter length, or an end date with `to`.'),
            nl: a => `${PAST_LAST_DAY_SUBJECT.nl[a.what]} telt vanaf ${a.start} en ${a.what === 'checkpoint' ? 'valt' : 'eindigt'} na 9999-12-31, de laatste datum die een plan kan bevatten. ` +
                (a.what === 'checkpoint'
                    ? 'Kies een termijn binnen de nazorgperiode.'
                    : a.what === 'defaultTerm' ? 'Geef de termijn een expliciet einde met `to` of `for`.' : 'Kies een kortere duur, of een einddatum met `to`.')
        }),
        born: finding<{ member: string }>({
            en: a => `The \`born\` of '${a.member}' is not a year from 1900 to 9999 (the number is not repeated here). \`born\` holds the year of birth only: correct it.`,
            nl: a => `De \`born\` van '${a.member}' is geen jaartal van 1900 tot en met 9999 (het getal wordt hier niet herhaald). \`born\` bevat alleen het geboortejaar: verbeter het.`
        }),
        endedNotAfterStart: finding<EndedArgs>({
            en: a => `This help ended on ${a.ended}, which is not after its start ${a.start} (\`ended\` names the first day without the help), so it ran on no day. ` +
                `Use a date after the start, at the earliest \`ended ${a.earliestEnd}\`, or remove the intervention if it never started.`,
            nl: a => `Deze hulp is gestopt op ${a.ended}, en dat is niet na het begin ${a.start} (\`ended\` noemt de eerste dag zonder de hulp), dus ze liep op geen enkele dag. ` +
                `Kies een datum na het begin, op zijn vroegst \`ended ${a.earliestEnd}\`, of verwijder de interventie als ze nooit begonnen is.`
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
            'agreements, regie entries, aftercare, meetings, evaluations, and since version 2 incidents, `ended` dates and the `due` ' +
            'dates of actions) and the `checked` date of a measure type. Version 2 adds: no date, written or computed (a start plus ' +
            'a duration, an extension, a first term of its type\'s default length, a checkpoint), falls after 9999-12-31; a `born` ' +
            'is a year from 1900 to 9999; an `ended` date lies after the intervention\'s start. A date past 9999-12-31 is never ' +
            'silently skipped, however large the number, and the message never repeats the number (it may be a BSN, [VP070](#vp070)).',
        why: 'Every other date check builds on valid dates (language reference, section 1); an invalid date silences the checks ' +
            'that need it. Without an upper bound, a huge number (`for 5000000 months` on a huisverbod) would turn the dates it ' +
            'computes into nothing, and the legal limit of [VP030](#vp030) would be bypassed in silence.',
        example: {
            show: 'phase safety from 2026-01-12 to 2026-02-30',
            file: examplePlan({ phases: EXAMPLE_SECTIONS.phases.replace('phase safety from 2026-01-12 to 2026-03-01', 'phase safety from 2026-01-12 to 2026-02-30') })
        },
        fix: 'Use a date that exists (the message suggests the nearest one) and an end after the start.'
    }
});

// ---------------------------------------------------------------------------------------------
// VP061

/** What starts outside the plan period. */
type Dated = 'measure' | 'intervention' | 'agreement' | 'meeting' | 'evaluation';
/** What runs over a period: v2 judges it by the whole period, not by its start. */
type Running = 'measure' | 'intervention' | 'agreement';

type EndsBeforeArgs = { what: Running; name: string; start: string; lastDay: string; periodStart: string };
type IncidentArgs = { title: string; date: string; periodStart: string; periodEnd: string; lastDay: string };

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
        }),
        endsBefore: finding<EndsBeforeArgs>({
            en: a => `${WHAT.en[a.what]} '${a.name}' runs from ${a.start} through ${a.lastDay}, so it has ended before the plan period starts on ${a.periodStart}. ` +
                `Correct its dates so that it still runs on ${a.periodStart}, or leave it out of the plan.`,
            nl: a => `${WHAT.nl[a.what]} '${a.name}' loopt van ${a.start} tot en met ${a.lastDay}, en is dus al voorbij voordat de planperiode begint op ${a.periodStart}. ` +
                `Verbeter de data zodat die op ${a.periodStart} nog loopt, of laat die weg uit het plan.`
        }),
        incidentOutside: finding<IncidentArgs>({
            en: a => `The incident${a.title ? ` '${a.title}'` : ''} is dated ${a.date}, outside the plan period ${a.periodStart} to ${a.periodEnd} (the end date is not part of it). ` +
                `Date it on a day from ${a.periodStart} to ${a.lastDay}, or change the plan period.`,
            nl: a => `Het incident${a.title ? ` '${a.title}'` : ''} is gedateerd op ${a.date}, buiten de planperiode ${a.periodStart} tot ${a.periodEnd} (de einddatum hoort er niet bij). ` +
                `Dateer het op een dag van ${a.periodStart} tot en met ${a.lastDay}, of pas de planperiode aan.`
        })
    },
    docs: {
        checks: 'Meetings, evaluations and (since version 2) incidents lie within the plan period (half-open: a meeting on the ' +
            'plan\'s end date is outside). A measure, intervention or agreement is judged by its whole period (version 2): one that ' +
            'starts before the plan but still runs on its first day is fine (an OTS that was already running); one that ends on or ' +
            'before the plan\'s first day (an intervention\'s period cut short by `ended`), or starts on or after its end date, is ' +
            'VP061. Aftercare, phases and regie entries are not concerned. Silent when the plan period is invalid.',
        why: 'What the plan records should happen while the plan runs; a date outside it is usually a typo in the year. Help and ' +
            'measures that began before the plan and still run are part of the situation the plan starts from. The rule is a ' +
            'design choice of vplan.',
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
        }),
        bornAfterStart: finding<{ member: string; born: number; startYear: number }>({
            en: a => `'${a.member}' is born in ${a.born}, after the year the plan starts (${a.startYear}). ` +
                `Correct \`born\` to ${a.startYear} or earlier; a child that is not born yet is not a member of the household.`,
            nl: a => `'${a.member}' is geboren in ${a.born}, na het jaar waarin het plan begint (${a.startYear}). ` +
                `Verbeter \`born\` naar ${a.startYear} of eerder; een kind dat nog niet geboren is, is geen gezinslid.`
        })
    },
    docs: {
        checks: 'A `child` is under 18 at the plan start, and an `adult` with `born` is 18 or older. Ages are whole years: plan ' +
            'start year − `born`. Since version 2, a member born after the plan\'s start year is VP062 whatever its kind. Silent ' +
            'when the plan period is invalid or `born` is not a year from 1900 to 9999 ([VP060](#vp060)).',
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
        if (!duration) return;
        const computedEnd = addDuration(start, duration);
        if (isPastLastDay(computedEnd)) {
            report('VP060.pastLastDay', node.duration, { what: 'period', start: formatDay(start) });
        } else if (computedEnd <= start) {
            report('VP060.zeroDuration', node.duration, { duration: writtenDuration(node.duration) });
        }
    }
}

/** `from`, `extend` and (v2) `ended` items of a measure, intervention, agreement or aftercare block. */
function checkItemDates(items: readonly AstNode[], report: Report): void {
    for (const node of items) {
        if (isSpanItem(node)) checkSpan(node, report);
        else if (isExtendItem(node)) writtenDay(node.end, node, 'end', report);
        else if (isEndedItem(node)) writtenDay(node.date, node, 'date', report);
    }
}

/** v2: each checkpoint of an aftercare block falls on or before 9999-12-31 (an invalid start is reported by its span). */
function checkCheckpoints(aftercare: Aftercare, report: Report): void {
    const start = parseDate(aftercare.items.find(isSpanItem)?.start);
    if (start === undefined) return;
    for (const item of aftercare.items) {
        if (!isCheckpointsItem(item)) continue;
        for (const offset of item.offsets) {
            const duration = durationValue(offset);
            if (duration && isPastLastDay(addDuration(start, duration))) {
                report('VP060.pastLastDay', offset, { what: 'checkpoint', start: formatDay(start) });
            }
        }
    }
}

/** v2: a `born` is a year from 1900 to 9999; the number itself is never repeated (it may be a BSN). */
function checkBorn(member: Member, report: Report): void {
    if (member.born !== undefined && !isBirthYear(member.born)) report('VP060.born', member, { member: member.name }, { property: 'born' });
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
            case 'Household':
                for (const member of item.members) if (!duplicates.has(member)) checkBorn(member, report);
                break;
            case 'Meeting':
                writtenDay(item.date, item, 'date', report);
                // v2: the due date of each action.
                for (const action of item.items) if (action.$type === 'ActionItem') writtenDay(action.date, action, 'date', report);
                break;
            case 'Evaluation':
            case 'Incident':
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
                checkCheckpoints(item, report);
                break;
            case 'RegieBlock':
                for (const entry of item.entries) checkSpan(entry, report);
                break;
        }
    }
}

/**
 * Each extension ends after the previous term; judged only when the previous term is valid. v2: a
 * first term that ends by its type's default length, and each `extend for`, ends by 9999-12-31.
 */
function checkExtensions(plan: ResolvedPlan, report: Report): void {
    for (const measure of plan.measures) {
        const terms = measure.terms;
        checkDefaultTerm(measure, report);
        for (let index = 1; index < terms.length; index++) {
            const term = terms[index];
            const previous = terms[index - 1].interval;
            if (!previous || term.interval || !isExtendItem(term.node)) continue;
            const extend = term.node;
            if (extend.end !== undefined) {
                // Without its type (VP081) a first term without an end, and each `extend for` after it, ends on an unknown day.
                if (!measure.type && terms.slice(0, index).every((t, i) => (i === 0 ? t.defaultEnd : isExtendItem(t.node) && t.node.end === undefined))) continue;
                const end = parseDate(extend.end);
                if (end === undefined) continue; // VP060.calendar, by checkPlanDates
                report('VP060.extendNotAfter', extend, {
                    end: formatDay(end), previousEnd: formatDay(previous.end), earliestEnd: formatDay(previous.end + 1)
                }, { property: 'end' });
            } else if (extend.duration) {
                const duration = durationValue(extend.duration);
                if (!duration) continue; // an unknown unit is VP000
                if (isPastLastDay(addDuration(previous.end, duration))) {
                    report('VP060.pastLastDay', extend.duration, { what: 'extension', start: formatDay(previous.end) });
                } else {
                    report('VP060.zeroDuration', extend.duration, { duration: writtenDuration(extend.duration) });
                }
            }
        }
    }
}

/** A first term without an end lasts its type's default length: that end too lies by 9999-12-31 (silent for an unresolved type). */
function checkDefaultTerm(measure: ResolvedMeasure, report: Report): void {
    const first = measure.terms[0];
    const length = measure.type?.initial ?? measure.type?.termMax ?? measure.type?.totalMax;
    if (!first || first.interval || !first.defaultEnd || !length || measure.start === undefined || !isSpanItem(first.node)) return;
    if (isPastLastDay(addDuration(measure.start, length))) {
        report('VP060.pastLastDay', first.node, { what: 'defaultTerm', start: formatDay(measure.start) }, { property: 'start' });
    }
}

/** v2: an `ended` date lies after the intervention's start (both valid; an invalid one is reported on its own). */
function checkEnded(plan: ResolvedPlan, report: Report): void {
    for (const intervention of plan.interventions) {
        const ended = intervention.ended;
        const start = intervention.dates.start;
        if (!ended || ended.day === undefined || start === undefined || ended.day > start) continue;
        report('VP060.endedNotAfterStart', ended.node, {
            ended: formatDay(ended.day), start: formatDay(start), earliestEnd: formatDay(start + 1)
        }, { property: 'date' });
    }
}

// ---------------------------------------------------------------------------------------------
// VP061: the check

/** Whether a day lies outside the (half-open) plan period. */
function startsOutside(period: Interval, day: Day | undefined): day is Day {
    return day !== undefined && !(period.start <= day && day < period.end);
}

/**
 * v2: how a measure, intervention or agreement lies against the plan period. One that starts before
 * the plan but still runs on its first day is inside (an OTS that was already running); one that
 * starts on or after the plan's end date is `late`; one that ends on or before its first day is
 * `before`. An end that is unknown (invalid: VP060) leaves an early start unjudged.
 */
function placement(period: Interval, start: Day | undefined, end: Day | undefined): 'late' | 'before' | undefined {
    if (start === undefined) return undefined;
    if (start >= period.end) return 'late';
    if (start < period.start && end !== undefined && end <= period.start) return 'before';
    return undefined;
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
    const judge = (what: Running, name: string, start: Day | undefined, end: Day | undefined, node: AstNode & { items: readonly AstNode[] }) => {
        const where = placement(period, start, end);
        if (start === undefined || !where) return;
        if (where === 'late') {
            reportOutside(what, name, start, firstItem(node, isSpanItem), 'start');
            return;
        }
        const span = firstItem(node, isSpanItem);
        if (span) report('VP061.endsBefore', span, { what, name, start: formatDay(start), lastDay: formatDay(end! - 1), periodStart: formatDay(period.start) }, { property: 'start' });
    };
    // The whole period of each: a measure with its extensions, an intervention cut short by `ended`.
    for (const m of plan.measures) judge('measure', m.name, m.start, m.interval?.end, m.node);
    for (const i of plan.interventions) judge('intervention', i.name, i.dates.start, i.interval?.end, i.node);
    for (const a of plan.agreements) judge('agreement', a.name, a.dates?.start, a.dates?.interval?.end, a.node);
    for (const m of plan.meetings) if (startsOutside(period, m.day)) reportOutside('meeting', m.title ?? '', m.day, m.node, 'date');
    for (const e of plan.evaluations) if (startsOutside(period, e.day)) reportOutside('evaluation', e.title ?? '', e.day, e.node, 'date');
    // v2: incidents lie within the plan period, like meetings.
    for (const incident of plan.incidents) {
        if (!startsOutside(period, incident.day)) continue;
        report('VP061.incidentOutside', incident.node, {
            title: incident.title ?? '', date: formatDay(incident.day),
            periodStart: formatDay(period.start), periodEnd: formatDay(period.end), lastDay: formatDay(period.end - 1)
        }, { property: 'date' });
    }
}

// ---------------------------------------------------------------------------------------------
// VP062: the check

/** Which VP062 finding a member's declared kind and age give, if any (v2: a birth after the plan start, whatever the kind). */
function ageMismatch(kind: ResolvedMember['kind'], age: number): 'childTooOld' | 'adultTooYoung' | 'bornAfterStart' | undefined {
    if (age < 0) return 'bornAfterStart';
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
        if (mismatch === 'bornAfterStart') report('VP062.bornAfterStart', member.node, { member: member.name, born: member.born, startYear }, { property: 'born' });
        else if (mismatch === 'childTooOld') report('VP062.childTooOld', member.node, { ...args, bornAfter: startYear - 18 }, { property: 'kind' });
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
        checkEnded(plan, report);
        checkInsidePlan(plan, report);
        checkAges(plan, report);
    }
});
