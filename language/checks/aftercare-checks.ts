/**
 * Aftercare checks of spec section 7: VP020 (aftercare defined), VP021 (aftercare complete),
 * VP022 (aftercare long enough) and VP023 (aftercare follows on).
 *
 * Every `aftercare` block is checked (a plan may hold several; repeated items inside
 * one block are VP005, structure-checks.ts). Lengths compare as calendar dates: "at least 12 months"
 * means start + 12 months ≤ end, with month-end clamping (dates.ts). Checkpoints are offsets from the
 * aftercare start; one that lands on the (exclusive) end date — an offset equal to the period — is fine.
 *
 * No cascades: without aftercare (VP020) VP021–VP023 stay silent; an aftercare period that is missing
 * (VP021) or whose start is invalid (VP060) silences VP022, VP023 and the "checkpoint after the end"
 * part of VP021; one without an end (VP021) or with an invalid end silences VP022 and that part of
 * VP021 but not VP023, which needs only the start; an invalid plan period silences VP023; a checkpoint
 * whose unit is not a unit word (VP000) is skipped.
 *
 * Quick-fix data (`diagnostic.data.fix`); dates are ISO, ends exclusive:
 * - VP020:              `{ planStart?, planEnd? }` — insert aftercare starting at planEnd.
 * - VP021.noOwner / noPeriod / noCheckpoint: `{ item, template }` — the item line to insert.
 * - VP021.noEnd:        `{ start, suggestedEnd }` — suggestedEnd = start + aftercare.minMonths months.
 * - VP021.zero:         `{ checkpointIndex }` — index among all checkpoint offsets of the block.
 * - VP021.beyond:       `{ checkpointIndex, aftercareStart, aftercareEnd }`.
 * - VP022:              `{ start, end, minEnd, minMonths }` — the aftercare should end at minEnd or later.
 * - VP023:              `{ planEnd, aftercareStart }` — start the aftercare at planEnd (or earlier).
 */

import { GrammarUtils } from 'langium';
import { isCheckpointsItem, isOwnerItem, isSpanItem, type Aftercare } from '../generated/ast.js';
import { addMonthsClamped, formatDay, formatDuration, type Day } from '../model/dates.js';
import type { ResolvedAftercare, ResolvedPlan } from '../model/plan-model.js';
import type { Locale, MessageCatalogue } from '../i18n/locale.js';
import type { FileCheck, PlanCheck, Reporter } from '../validation/report.js';

const RESEARCH = {
    en: 'one year after a report to Veilig Thuis, violence continues in about 80% of families (S1)',
    nl: 'een jaar na een melding bij Veilig Thuis gaat het geweld in ongeveer 80% van de gezinnen door (S1)'
};

const dayWord = (n: number, locale: Locale) => (locale === 'nl' ? (n === 1 ? '1 dag' : `${n} dagen`) : (n === 1 ? '1 day' : `${n} days`));
const monthWord = (n: number, locale: Locale) => (locale === 'nl' ? (n === 1 ? '1 maand' : `${n} maanden`) : (n === 1 ? '1 month' : `${n} months`));

function lengthText(months: number, days: number, locale: Locale): string {
    if (months === 0) return dayWord(days, locale);
    if (days === 0) return monthWord(months, locale);
    return `${monthWord(months, locale)} ${locale === 'nl' ? 'en' : 'and'} ${dayWord(days, locale)}`;
}

type PlanArgs = { plan: string; planEnd?: string };
type ItemArgs = { template: string };
type NoEndArgs = { start: string; suggestedEnd: string; minMonths: number };
type CheckpointArgs = { offset: string; day?: string; start?: string; end?: string; months?: number; days?: number };
type LengthArgs = { start: string; end: string; months: number; days: number; minMonths: number; minEnd: string };
type FollowArgs = { start: string; planEnd: string; days: number; lastGapDay: string };

export const aftercareMessages = {
    'VP020.missing': {
        en: (a: PlanArgs) =>
            `${a.plan ? `Plan '${a.plan}'` : 'The plan'} has no aftercare (nazorg); ${RESEARCH.en}, so someone must keep watching after the plan ends. ` +
            `Add \`aftercare { owner <organisation> from ${a.planEnd ?? 'YYYY-MM-DD'} for 12 months checkpoints 3 months, 6 months, 12 months }\` (one item per line).`,
        nl: (a: PlanArgs) =>
            `${a.plan ? `Plan '${a.plan}'` : 'Het plan'} heeft geen nazorg; ${RESEARCH.nl}, dus iemand moet blijven volgen nadat het plan eindigt. ` +
            `Voeg \`aftercare { owner <organisatie> from ${a.planEnd ?? 'JJJJ-MM-DD'} for 12 months checkpoints 3 months, 6 months, 12 months }\` toe (één onderdeel per regel).`
    },
    'VP021.noOwner': {
        en: (a: ItemArgs) => `The aftercare has no owner: name the organisation that watches the family after the plan, with \`${a.template}\`.`,
        nl: (a: ItemArgs) => `De nazorg heeft geen eigenaar: noem de organisatie die het gezin na het plan volgt, met \`${a.template}\`.`
    },
    'VP021.noPeriod': {
        en: (a: ItemArgs) => `The aftercare has no period: add \`${a.template}\` (aftercare should start when the plan ends).`,
        nl: (a: ItemArgs) => `De nazorg heeft geen periode: voeg \`${a.template}\` toe (de nazorg hoort te beginnen als het plan eindigt).`
    },
    'VP021.noEnd': {
        en: (a: NoEndArgs) => `The aftercare starts on ${a.start} but has no end: add \`for ${a.minMonths} months\` (to ${a.suggestedEnd}) or \`to YYYY-MM-DD\`.`,
        nl: (a: NoEndArgs) => `De nazorg begint op ${a.start} maar heeft geen einde: voeg \`for ${a.minMonths} months\` (tot ${a.suggestedEnd}) of \`to JJJJ-MM-DD\` toe.`
    },
    'VP021.noCheckpoint': {
        en: (a: ItemArgs) => `The aftercare has no checkpoint, so nobody checks whether safety lasts: add \`${a.template}\` (offsets from the aftercare start).`,
        nl: (a: ItemArgs) => `De nazorg heeft geen controlemoment, dus niemand kijkt of de veiligheid blijft: voeg \`${a.template}\` toe (gerekend vanaf het begin van de nazorg).`
    },
    'VP021.zero': {
        en: (a: CheckpointArgs) => `Checkpoint '${a.offset}' falls on the first day of aftercare; offsets count from the aftercare start and must be longer than zero: use e.g. \`1 month\`.`,
        nl: (a: CheckpointArgs) => `Controlemoment '${a.offset}' valt op de eerste dag van de nazorg; het wordt gerekend vanaf het begin en moet groter dan nul zijn: gebruik bijvoorbeeld \`1 month\`.`
    },
    'VP021.beyond': {
        en: (a: CheckpointArgs) =>
            `Checkpoint '${a.offset}' falls on ${a.day}, after the aftercare ends (${a.start} to ${a.end}, ${lengthText(a.months ?? 0, a.days ?? 0, 'en')}): ` +
            `use an offset of at most ${lengthText(a.months ?? 0, a.days ?? 0, 'en')} (a check on ${a.end} is fine) or lengthen the aftercare.`,
        nl: (a: CheckpointArgs) =>
            `Controlemoment '${a.offset}' valt op ${a.day}, na het einde van de nazorg (${a.start} tot ${a.end}, ${lengthText(a.months ?? 0, a.days ?? 0, 'nl')}): ` +
            `kies hoogstens ${lengthText(a.months ?? 0, a.days ?? 0, 'nl')} (een controle op ${a.end} is goed) of verleng de nazorg.`
    },
    'VP022.short': {
        en: (a: LengthArgs) =>
            `The aftercare runs ${lengthText(a.months, a.days, 'en')} (${a.start} to ${a.end}), shorter than the required ${monthWord(a.minMonths, 'en')} (aftercare.minMonths); ` +
            `${RESEARCH.en}. Let it run to ${a.minEnd} at least (\`for ${a.minMonths} months\`).`,
        nl: (a: LengthArgs) =>
            `De nazorg duurt ${lengthText(a.months, a.days, 'nl')} (${a.start} tot ${a.end}), korter dan de vereiste ${monthWord(a.minMonths, 'nl')} (aftercare.minMonths); ` +
            `${RESEARCH.nl}. Laat de nazorg minstens tot ${a.minEnd} lopen (\`for ${a.minMonths} months\`).`
    },
    'VP023.late': {
        en: (a: FollowArgs) =>
            `The aftercare starts on ${a.start}, ${dayWord(a.days, 'en')} after the plan ends on ${a.planEnd}, so ${a.planEnd} through ${a.lastGapDay} fall in neither. ` +
            `Start the aftercare on ${a.planEnd} at the latest (\`from ${a.planEnd}\`).`,
        nl: (a: FollowArgs) =>
            `De nazorg begint op ${a.start}, ${dayWord(a.days, 'nl')} nadat het plan eindigt op ${a.planEnd}, dus ${a.planEnd} tot en met ${a.lastGapDay} vallen nergens onder. ` +
            `Laat de nazorg uiterlijk op ${a.planEnd} beginnen (\`from ${a.planEnd}\`).`
    }
} satisfies MessageCatalogue;

/** The range of the `aftercare` keyword: the block itself would underline many lines. */
function keywordRange(node: Aftercare) {
    return GrammarUtils.findNodeForKeyword(node.$cstNode, 'aftercare')?.range;
}

function checkComplete(aftercare: ResolvedAftercare, minMonths: number, planEnd: Day | undefined, report: Reporter): void {
    const node = aftercare.node;
    // Finding the keyword walks the block's syntax tree: only done for a diagnostic.
    const range = () => keywordRange(node);
    if (!node.items.some(isOwnerItem)) {
        const template = 'owner <organisation>';
        report('VP021.noOwner', node, { template }, { range: range(), fix: { item: 'owner', template } });
    }
    const span = node.items.find(isSpanItem);
    if (!span) {
        const template = `from ${planEnd !== undefined ? formatDay(planEnd) : 'YYYY-MM-DD'} for ${minMonths} months`;
        report('VP021.noPeriod', node, { template }, { range: range(), fix: { item: 'from', template } });
    } else if (!aftercare.dates?.hasEnd && aftercare.dates?.start !== undefined) {
        const args: NoEndArgs = { start: formatDay(aftercare.dates.start), suggestedEnd: formatDay(addMonthsClamped(aftercare.dates.start, minMonths)), minMonths };
        report('VP021.noEnd', span, args, { fix: { start: args.start, suggestedEnd: args.suggestedEnd } });
    }
    if (!node.items.some(isCheckpointsItem)) {
        const template = 'checkpoints 3 months, 6 months, 12 months';
        report('VP021.noCheckpoint', node, { template }, { range: range(), fix: { item: 'checkpoints', template } });
    }
    const interval = aftercare.dates?.interval;
    aftercare.checkpoints.forEach((checkpoint, checkpointIndex) => {
        if (!checkpoint.offset) return;
        // The offset's text is built only for a diagnostic.
        if (checkpoint.offset.amount === 0) {
            report('VP021.zero', checkpoint.node, { offset: formatDuration(checkpoint.offset) }, { fix: { checkpointIndex } });
        } else if (interval && checkpoint.day !== undefined && checkpoint.day > interval.end) {
            const { months, days } = monthsAndDays(interval.start, interval.end);
            const args: CheckpointArgs = {
                offset: formatDuration(checkpoint.offset), day: formatDay(checkpoint.day), start: formatDay(interval.start), end: formatDay(interval.end), months, days
            };
            report('VP021.beyond', checkpoint.node, args, {
                fix: { checkpointIndex, aftercareStart: args.start, aftercareEnd: args.end }
            });
        }
    });
}

/** Whole calendar months from start not past end, and the days left over. */
function monthsAndDays(start: Day, end: Day): { months: number; days: number } {
    // Estimate from the day count, then correct by at most a step or two: no day-by-day loop.
    let months = Math.max(0, Math.floor((end - start) / 31));
    while (addMonthsClamped(start, months + 1) <= end) months++;
    while (months > 0 && addMonthsClamped(start, months) > end) months--;
    return { months, days: end - addMonthsClamped(start, months) };
}

export const aftercarePlanChecks: PlanCheck[] = [
    ({ plan, config, report }) => {
        checkAftercare(plan, config.aftercareMinMonths, report);
    }
];

function checkAftercare(plan: ResolvedPlan, minMonths: number, report: Reporter): void {
    const aftercare = plan.aftercare;
    if (!aftercare) {
        const planEnd = plan.period ? formatDay(plan.period.end) : undefined;
        report('VP020.missing', plan.node, { plan: plan.name, planEnd }, {
            property: 'name', fix: { planStart: plan.period ? formatDay(plan.period.start) : undefined, planEnd }
        });
        return;
    }
    // Every aftercare block is checked (section 4 allows several), not only the first.
    for (const block of plan.aftercareBlocks) checkAftercareBlock(plan, block, minMonths, report);
}

function checkAftercareBlock(plan: ResolvedPlan, aftercare: ResolvedAftercare, minMonths: number, report: Reporter): void {
    checkComplete(aftercare, minMonths, plan.period?.end, report);
    const span = aftercare.node.items.find(isSpanItem);
    if (!span) return;
    const interval = aftercare.dates?.interval;
    const minEnd = interval ? addMonthsClamped(interval.start, minMonths) : undefined;
    if (interval && minEnd !== undefined && minEnd > interval.end) {
        const { months, days } = monthsAndDays(interval.start, interval.end);
        const args: LengthArgs = {
            start: formatDay(interval.start), end: formatDay(interval.end), months, days, minMonths, minEnd: formatDay(minEnd)
        };
        report('VP022.short', span, args, { fix: { start: args.start, end: args.end, minEnd: args.minEnd, minMonths } });
    }

    // VP023 needs only the start: an aftercare without an end (VP021) still has to follow on.
    const start = aftercare.dates?.start;
    if (plan.period && start !== undefined && start > plan.period.end) {
        const args: FollowArgs = {
            start: formatDay(start), planEnd: formatDay(plan.period.end),
            days: start - plan.period.end, lastGapDay: formatDay(start - 1)
        };
        report('VP023.late', span, args, { fix: { planEnd: args.planEnd, aftercareStart: args.start } });
    }
}

export const aftercareFileChecks: FileCheck[] = [];
