/**
 * Regie checks of spec section 7: VP010 (regie defined), VP011 (no day without a regievoerder),
 * VP012 (one regievoerder at a time) and VP013 (regie follows the measure).
 *
 * Regie entries of all `regie` blocks are read together (plan-model.ts applies the implied ends: an
 * entry without an end lasts until the next later start, else to the plan end). Every period is
 * half-open, so a handover `to D` / `from D` has neither a gap nor an overlap. The checks work on
 * intervals (sort and sweep), never day by day.
 *
 * No cascades:
 * - without a regie entry (VP010) VP011–VP013 stay silent;
 * - an invalid or missing plan period silences VP011 and VP013 (VP012 still runs: it needs no plan);
 * - a regie entry with an invalid date or an end not after its start (VP060/VP000) silences VP011–VP013,
 *   whose answers would depend on it;
 * - an entry whose organisation does not resolve (VP081) still counts for VP011 and VP012: its period is
 *   real, only the name is wrong (dropping it would turn one typo into a gap);
 * - VP013 ignores measures whose type does not resolve or whose term is invalid, and stays silent on
 *   days where a regievoerder does not resolve (VP081) or has no valid kind.
 *
 * Quick-fix data (`diagnostic.data.fix`); dates are ISO, ends exclusive; entry indexes count the
 * entries of all regie blocks of the plan together, in source order:
 * - VP010: `{ planStart?, planEnd? }` — the plan period, to insert `regie { <org> from planStart }`.
 * - VP011: `{ gapStart, gapEnd, previousEntryIndex?, nextEntryIndex? }` — the uncovered days [gapStart, gapEnd);
 *          `previousEntryIndex` is the entry that ends at gapStart (absent when the gap opens the plan),
 *          `nextEntryIndex` the entry that starts at gapEnd (absent when the gap runs to the plan end).
 * - VP012: `{ entryIndex, otherIndex, firstSharedDay, sharedEnd?, otherEnd? }` — `entryIndex` is the later
 *          entry (the one the diagnostic is on), `otherIndex` the earlier one it overlaps; `otherEnd` is where the
 *          earlier one ends (start the later one there); `sharedEnd` is absent when the overlap has no end.
 * - VP013: `{ measure, firstDay, measureStart, measureEnd, kinds }` — the first day on which no regievoerder is of
 *          one of `kinds` (organisation kinds) while the measure runs [measureStart, measureEnd).
 */

import type { Locale, MessageCatalogue } from '../i18n/locale.js';
import { joinList } from '../i18n/locale.js';
import { formatDay, type Day } from '../model/dates.js';
import { organisationKind, type Interval, type ResolvedMeasure, type ResolvedPlan, type ResolvedRegieEntry } from '../model/plan-model.js';
import type { FileCheck, PlanCheck, Reporter } from '../validation/report.js';

type GapArgs = {
    start: string;
    end: string;
    lastDay: string;
    days: number;
    previous?: string;
    next?: string;
    planStart: string;
    planEnd: string;
};

type OverlapArgs = {
    holder: string;
    other: string;
    day: string;
    days?: number;
    lastShared?: string;
    otherEnd?: string;
    sameStart: boolean;
};

type FollowArgs = {
    measure: string;
    type: string;
    kinds: string[];
    day: string;
    holders: string[];
    measureEnd: string;
    suggestion: string;
};

const days = (n: number, locale: Locale) => (locale === 'nl' ? (n === 1 ? '1 dag' : `${n} dagen`) : (n === 1 ? '1 day' : `${n} days`));
const orList = (items: readonly string[], locale: Locale) =>
    items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${locale === 'nl' ? 'of' : 'or'} ${items[items.length - 1]}`;

export const regieMessages = {
    'VP010.missing': {
        en: (a: { plan: string; start?: string }) =>
            `${a.plan ? `Plan '${a.plan}'` : 'The plan'} does not say who holds regie (casusregie): one family, one plan, one regievoerder. ` +
            `Add a block \`regie { <organisation> from ${a.start ?? 'YYYY-MM-DD'} }\` naming the organisation that directs the case.`,
        nl: (a: { plan: string; start?: string }) =>
            `${a.plan ? `Plan '${a.plan}'` : 'Het plan'} legt niet vast wie de casusregie heeft: één gezin, één plan, één regievoerder. ` +
            `Voeg een blok \`regie { <organisatie> from ${a.start ?? 'JJJJ-MM-DD'} }\` toe met de organisatie die de regie voert.`
    },
    'VP010.empty': {
        en: (a: { plan: string; start?: string }) =>
            `The regie block of ${a.plan ? `plan '${a.plan}'` : 'the plan'} has no entries, so nobody holds regie: add an entry such as \`<organisation> from ${a.start ?? 'YYYY-MM-DD'}\`.`,
        nl: (a: { plan: string; start?: string }) =>
            `Het regieblok van ${a.plan ? `plan '${a.plan}'` : 'het plan'} heeft geen regels, dus niemand heeft de regie: voeg een regel toe zoals \`<organisatie> from ${a.start ?? 'JJJJ-MM-DD'}\`.`
    },
    'VP011.gapStart': {
        en: (a: GapArgs) =>
            `No one holds regie from the plan start ${a.start} for ${days(a.days, 'en')} (through ${a.lastDay}). ` +
            (a.next
                ? `Let the entry of '${a.next}' start on ${a.start}, or add an entry \`<organisation> from ${a.start} to ${a.end}\`.`
                : `Add an entry \`<organisation> from ${a.start}\`.`),
        nl: (a: GapArgs) =>
            `Niemand heeft de regie vanaf het begin van het plan op ${a.start}, ${days(a.days, 'nl')} lang (tot en met ${a.lastDay}). ` +
            (a.next
                ? `Laat de regel van '${a.next}' op ${a.start} beginnen, of voeg een regel \`<organisatie> from ${a.start} to ${a.end}\` toe.`
                : `Voeg een regel \`<organisatie> from ${a.start}\` toe.`)
    },
    'VP011.gap': {
        en: (a: GapArgs) =>
            `No one holds regie from ${a.start} for ${days(a.days, 'en')} (through ${a.lastDay}), between '${a.previous}' and '${a.next}'. ` +
            `Let the entry of '${a.previous}' run \`to ${a.end}\`, or let '${a.next}' start on ${a.start} (a handover on the same day leaves no gap).`,
        nl: (a: GapArgs) =>
            `Niemand heeft de regie vanaf ${a.start}, ${days(a.days, 'nl')} lang (tot en met ${a.lastDay}), tussen '${a.previous}' en '${a.next}'. ` +
            `Laat de regel van '${a.previous}' doorlopen \`to ${a.end}\`, of laat '${a.next}' op ${a.start} beginnen (een overdracht op dezelfde dag laat geen gat).`
    },
    'VP011.gapEnd': {
        en: (a: GapArgs) =>
            `No one holds regie from ${a.start} for ${days(a.days, 'en')}, until the plan ends on ${a.planEnd}: the entry of '${a.previous}' ends on ${a.start}. ` +
            `Let it run \`to ${a.planEnd}\` (or drop its end: the last entry then lasts to the plan end), or add an entry \`<organisation> from ${a.start}\`.`,
        nl: (a: GapArgs) =>
            `Niemand heeft de regie vanaf ${a.start}, ${days(a.days, 'nl')} lang, tot het plan eindigt op ${a.planEnd}: de regel van '${a.previous}' eindigt op ${a.start}. ` +
            `Laat die doorlopen \`to ${a.planEnd}\` (of laat het einde weg: de laatste regel loopt dan tot het einde van het plan), of voeg een regel \`<organisatie> from ${a.start}\` toe.`
    },
    'VP012.overlap': {
        en: (a: OverlapArgs) =>
            `'${a.holder}' and '${a.other}' both hold regie from ${a.day}` +
            (a.days !== undefined ? ` (${days(a.days, 'en')} shared, through ${a.lastShared})` : '') +
            `; there is one regievoerder at a time. ` +
            (a.sameStart
                ? `Both entries start on ${a.day} (entries starting on the same day overlap): remove one, or start this one later.`
                : a.otherEnd
                    ? `Let '${a.holder}' start on ${a.otherEnd}, when '${a.other}' ends, or end '${a.other}' \`to ${a.day}\` (a handover on the same day is no overlap).`
                    : `End '${a.other}' \`to ${a.day}\` (a handover on the same day is no overlap).`),
        nl: (a: OverlapArgs) =>
            `'${a.holder}' en '${a.other}' hebben allebei de regie vanaf ${a.day}` +
            (a.days !== undefined ? ` (${days(a.days, 'nl')} samen, tot en met ${a.lastShared})` : '') +
            `; er is één regievoerder tegelijk. ` +
            (a.sameStart
                ? `Beide regels beginnen op ${a.day} (regels die op dezelfde dag beginnen overlappen): verwijder er een, of laat deze later beginnen.`
                : a.otherEnd
                    ? `Laat '${a.holder}' beginnen op ${a.otherEnd}, als '${a.other}' stopt, of laat '${a.other}' eindigen \`to ${a.day}\` (een overdracht op dezelfde dag is geen overlap).`
                    : `Laat '${a.other}' eindigen \`to ${a.day}\` (een overdracht op dezelfde dag is geen overlap).`)
    },
    'VP013.kind': {
        en: (a: FollowArgs) =>
            `While measure '${a.measure}' (${a.type}) runs, regie normally lies with an organisation of kind ${orList(a.kinds, 'en')}, ` +
            `but on ${a.day} it is held by ${joinList(a.holders, 'en')}. ` +
            `Let an organisation of kind ${orList(a.kinds, 'en')} hold regie from ${a.day} while the measure runs (it ends on ${a.measureEnd}), e.g. \`${a.suggestion}\`.`,
        nl: (a: FollowArgs) =>
            `Zolang maatregel '${a.measure}' (${a.type}) loopt, ligt de regie normaal bij een organisatie van soort ${orList(a.kinds, 'nl')}, ` +
            `maar op ${a.day} heeft ${joinList(a.holders, 'nl')} de regie. ` +
            `Laat vanaf ${a.day} een organisatie van soort ${orList(a.kinds, 'nl')} de regie voeren zolang de maatregel loopt (die eindigt op ${a.measureEnd}), bijvoorbeeld \`${a.suggestion}\`.`
    }
} satisfies MessageCatalogue;

/** An entry whose own dates are broken (VP060/VP000): checks that need regie dates stay silent. */
function isBroken(entry: ResolvedRegieEntry): boolean {
    if (entry.start === undefined) return true;
    return entry.explicitEnd && (entry.end === undefined || entry.end <= entry.start);
}

const holderName = (entry: ResolvedRegieEntry) => entry.node.organisation?.$refText ?? entry.organisation?.name ?? '?';

interface IndexedEntry {
    entry: ResolvedRegieEntry;
    index: number;
    start: Day;
    /** Exclusive end; Infinity when an open entry has no plan end to stop at. */
    end: number;
}

/** Entries with usable dates, sorted by start and then source order. */
function usableEntries(plan: ResolvedPlan): IndexedEntry[] {
    const result: IndexedEntry[] = [];
    plan.regie.forEach((entry, index) => {
        if (entry.start === undefined) return;
        const end = entry.end ?? Number.POSITIVE_INFINITY;
        if (end > entry.start) result.push({ entry, index, start: entry.start, end });
    });
    return result.sort((a, b) => a.start - b.start || a.index - b.index);
}

function checkRegieDefined(plan: ResolvedPlan, report: Reporter): boolean {
    if (plan.regie.length > 0) return true;
    const start = plan.period ? formatDay(plan.period.start) : undefined;
    const fix = { planStart: start, planEnd: plan.period ? formatDay(plan.period.end) : undefined };
    report(plan.hasRegieBlock ? 'VP010.empty' : 'VP010.missing', plan.node, { plan: plan.name, start }, { property: 'name', fix });
    return false;
}

/** VP011: one sweep over the sorted entries, clipped to the plan period. */
function checkGaps(plan: ResolvedPlan, period: Interval, entries: readonly IndexedEntry[], report: Reporter): void {
    let cursor = period.start;
    let previous: IndexedEntry | undefined;
    // Built only for a gap found (most plans have none).
    const gapArgs = (start: Day, end: Day): Omit<GapArgs, 'previous' | 'next'> => ({
        planStart: formatDay(period.start), planEnd: formatDay(period.end), start: formatDay(start), end: formatDay(end), lastDay: formatDay(end - 1), days: end - start
    });
    for (const current of entries) {
        if (cursor >= period.end) break;
        if (current.end <= cursor) continue;
        if (current.start > cursor) {
            const gapEnd = Math.min(current.start, period.end);
            const args: GapArgs = { ...gapArgs(cursor, gapEnd), previous: previous && holderName(previous.entry), next: gapEnd < period.end ? holderName(current.entry) : undefined };
            const fix = {
                gapStart: args.start, gapEnd: args.end,
                previousEntryIndex: previous?.index, nextEntryIndex: gapEnd < period.end ? current.index : undefined
            };
            if (!previous) report('VP011.gapStart', plan.periodNode ?? plan.node, args, { fix });
            else if (gapEnd < period.end) report('VP011.gap', previous.entry.node, args, { fix });
            else report('VP011.gapEnd', previous.entry.node, args, { fix });
        }
        if (current.end > cursor) {
            cursor = current.end;
            previous = current;
        }
    }
    if (cursor < period.end) {
        const args: GapArgs = { ...gapArgs(cursor, period.end), previous: previous && holderName(previous.entry) };
        const fix = { gapStart: args.start, gapEnd: args.end, previousEntryIndex: previous?.index };
        if (previous) report('VP011.gapEnd', previous.entry.node, args, { fix });
        else report('VP011.gapStart', plan.periodNode ?? plan.node, args, { fix });
    }
}

/** VP012: sweep keeping the entry that reaches furthest; a later start before its end overlaps. */
function checkOverlaps(entries: readonly IndexedEntry[], report: Reporter): void {
    let reach: IndexedEntry | undefined;
    for (const current of entries) {
        if (reach && current.start < reach.end) {
            const sharedEnd = Math.min(reach.end, current.end);
            const finite = Number.isFinite(sharedEnd);
            const args: OverlapArgs = {
                holder: holderName(current.entry),
                other: holderName(reach.entry),
                day: formatDay(current.start),
                days: finite ? sharedEnd - current.start : undefined,
                lastShared: finite ? formatDay(sharedEnd - 1) : undefined,
                otherEnd: Number.isFinite(reach.end) ? formatDay(reach.end) : undefined,
                sameStart: reach.start === current.start
            };
            report('VP012.overlap', current.entry.node, args, {
                fix: {
                    entryIndex: current.index, otherIndex: reach.index, firstSharedDay: args.day,
                    sharedEnd: finite ? formatDay(sharedEnd) : undefined, otherEnd: args.otherEnd
                }
            });
        }
        if (!reach || current.end > reach.end) reach = current;
    }
}

interface RegieMeasure {
    measure: ResolvedMeasure;
    kind: string;
    interval: Interval;
}

/**
 * VP013: cut the plan period into segments at every boundary of a regie entry or a measure with a
 * `regie` kind; in each segment the running measures and the holders are constant.
 */
function checkRegieFollowsMeasure(plan: ResolvedPlan, period: Interval, entries: readonly IndexedEntry[], report: Reporter): void {
    const measures: RegieMeasure[] = [];
    for (const measure of plan.measures) {
        const kind = measure.type?.regie;
        if (!kind || !measure.interval) continue;
        const start = Math.max(measure.interval.start, period.start);
        const end = Math.min(measure.interval.end, period.end);
        if (end > start) measures.push({ measure, kind, interval: { start, end } });
    }
    if (measures.length === 0) return;
    const bounds = new Set<number>([period.start, period.end]);
    for (const m of measures) { bounds.add(m.interval.start); bounds.add(m.interval.end); }
    for (const e of entries) {
        if (e.start > period.start && e.start < period.end) bounds.add(e.start);
        if (e.end > period.start && e.end < period.end) bounds.add(e.end);
    }
    const cuts = [...bounds].sort((a, b) => a - b);
    const reported = new Set<RegieMeasure>();
    for (let i = 0; i + 1 < cuts.length && reported.size < measures.length; i++) {
        const day = cuts[i];
        const running = measures.filter(m => m.interval.start <= day && day < m.interval.end);
        if (running.length === 0 || running.every(m => reported.has(m))) continue;
        const holders = entries.filter(e => e.start <= day && day < e.end);
        if (holders.length === 0) continue; // a day without regie is VP011
        const holderKinds = holders.map(h => organisationKind(h.entry.organisation));
        if (holderKinds.some(k => k === undefined)) continue; // unresolved holder (VP081) or invalid kind (VP000)
        const kinds = [...new Set(running.map(m => m.kind))];
        if (holderKinds.some(k => kinds.includes(k as string))) continue;
        for (const m of running) {
            if (reported.has(m)) continue;
            reported.add(m);
            const args: FollowArgs = {
                measure: m.measure.name,
                type: m.measure.type?.name ?? '?',
                kinds,
                day: formatDay(day),
                holders: holders.map(h => `'${holderName(h.entry)}' (${organisationKind(h.entry.organisation)})`),
                measureEnd: formatDay(m.interval.end),
                suggestion: `<${kinds[0]}> from ${formatDay(day)} to ${formatDay(m.interval.end)}`
            };
            report('VP013.kind', m.measure.node, args, {
                property: 'name',
                fix: {
                    measure: m.measure.name, firstDay: args.day, measureStart: formatDay(m.interval.start),
                    measureEnd: args.measureEnd, kinds
                }
            });
        }
    }
}

export const regiePlanChecks: PlanCheck[] = [
    ({ plan, report }) => {
        if (!checkRegieDefined(plan, report)) return;
        if (plan.regie.some(isBroken)) return;
        const entries = usableEntries(plan);
        checkOverlaps(entries, report);
        if (!plan.period) return;
        checkGaps(plan, plan.period, entries, report);
        checkRegieFollowsMeasure(plan, plan.period, entries, report);
    }
];

export const regieFileChecks: FileCheck[] = [];
