/**
 * Aftercare: VP020 (aftercare defined), VP021 (aftercare complete), VP022 (aftercare long enough)
 * and VP023 (aftercare follows on).
 *
 * Every `aftercare` block is checked (a plan may hold several; a repeated item inside one block is
 * VP005). Lengths compare as calendar dates: "at least 12 months" means start + 12 months ≤ end,
 * with month-end clamping (model/dates.ts). Checkpoints are offsets from the aftercare start; one
 * that lands on the (exclusive) end date, an offset equal to the period, is fine.
 *
 * No cascades:
 * - without aftercare (VP020) VP021–VP023 stay silent;
 * - an aftercare period that is missing (VP021) or whose start is invalid (VP060) silences VP022,
 *   VP023 and the "checkpoint after the end" part of VP021; one without an end (VP021) or with an
 *   invalid end silences VP022 and that part of VP021 but not VP023, which needs only the start;
 * - an invalid plan period silences VP023; a checkpoint whose unit is not a unit word (VP000) is skipped;
 * - a block the parser dropped silences VP020, and an item dropped inside the block the VP021 that
 *   would call it missing.
 */

import { GrammarUtils } from 'langium';
import { isAftercare, isCheckpointsItem, isEvaluation, isMeeting, isOwnerItem, isSpanItem, type Aftercare } from '../generated/ast.js';
import { addMonthsClamped, formatDay, formatDuration, type Day } from '../model/dates.js';
import type { ResolvedAftercare, ResolvedPlan } from '../model/plan-model.js';
import { dayCount, monthCount, monthsAndDaysText, orList } from '../i18n/phrases.js';
import { defineRule, defineRules, finding, message, text, type ModuleFindings, type RuleReporter } from './rule-unit.js';
import { examplePlan } from './example-plan.js';
import { byKindPreference, dayText, firstDateLeaf, insertItem, nodeAt, setEnd, type FixProposal } from './fix-support.js';

type PlanArgs = { plan: string; planEnd?: string };
type ItemArgs = { template: string };
type NoEndArgs = { start: string; suggestedEnd: string; minMonths: number };
type ZeroArgs = { offset: string };
/** `totalDays`: the whole period in days, the longest offset that can be written when it is not whole months. */
type BeyondArgs = { offset: string; day: string; start: string; end: string; months: number; days: number; totalDays?: number };
type LengthArgs = { start: string; end: string; months: number; days: number; minMonths: number; minEnd: string };
type FollowArgs = { start: string; planEnd: string; days: number; lastGapDay: string };

const RESEARCH = {
    en: 'one year after a report to Veilig Thuis, violence continues in about 80% of families (S1)',
    nl: 'een jaar na een melding bij Veilig Thuis gaat het geweld in ongeveer 80% van de gezinnen door (S1)'
};

/** The name a new `owner` gets when the workspace offers no organisation: the author replaces it. */
const PLACEHOLDER_OWNER = 'eigenaar_nazorg';

const withAftercare = (...items: string[]) => examplePlan({ aftercare: `    aftercare {\n${items.map(item => `        ${item}`).join('\n')}\n    }` });

const vp020Texts = {
    fixTitle: message<{ owner: string; start: string; months: number }>({
        en: a => `Add aftercare: ${a.owner} from ${a.start} for ${a.months} months`,
        nl: a => `Nazorg toevoegen: ${a.owner} vanaf ${a.start} gedurende ${a.months} maanden`
    })
};

export const vp020 = defineRule({
    code: 'VP020',
    severity: 'error',
    title: { en: 'Aftercare defined', nl: 'Nazorg vastgelegd' },
    findings: {
        missing: finding<PlanArgs>({
            en: a =>
                `${a.plan ? `Plan '${a.plan}'` : 'The plan'} has no aftercare (nazorg); ${RESEARCH.en}, so someone must keep watching after the plan ends. ` +
                `Add \`aftercare { owner <organisation> from ${a.planEnd ?? 'YYYY-MM-DD'} for 12 months checkpoints 3 months, 6 months, 12 months }\` (one item per line).`,
            nl: a =>
                `${a.plan ? `Plan '${a.plan}'` : 'Het plan'} heeft geen nazorg; ${RESEARCH.nl}, dus iemand moet blijven volgen nadat het plan eindigt. ` +
                `Voeg \`aftercare { owner <organisatie> from ${a.planEnd ?? 'JJJJ-MM-DD'} for 12 months checkpoints 3 months, 6 months, 12 months }\` toe (één onderdeel per regel).`
        })
    },
    texts: vp020Texts,
    cascade: { droppedBlock: true },
    fix: (context): FixProposal[] => {
        const plan = context.plan;
        const resolved = context.facts?.plan;
        if (!plan || !resolved) return [];
        const start = dayText(resolved.period?.end, resolved.periodNode?.end);
        const months = Math.max(12, context.config.aftercareMinMonths);
        const checkpoints = [...new Set([3, 6, 12, months])].filter(m => m <= months).sort((a, b) => a - b).map(m => `${m} months`).join(', ');
        const owner = lastRegieHolder(resolved)
            ?? byKindPreference(context.organisations, ['wijkteam', 'veiligthuis', 'gi', 'zvh'])[0]?.name
            ?? PLACEHOLDER_OWNER;
        // Aftercare goes before meetings and evaluations, as in the order of spec section 4.
        const block = `aftercare {\nowner ${owner}\nfrom ${start} for ${months} months\ncheckpoints ${checkpoints}\n}`;
        return [{
            title: text(vp020Texts.fixTitle, { owner, start, months }, context.locale),
            edits: [insertItem(context, plan, block, item => !isMeeting(item) && !isEvaluation(item), true)],
            preferred: true
        }];
    },
    docs: {
        checks: 'The plan has an `aftercare` block. Without one, [VP021](#vp021)–[VP023](#vp023) stay silent.',
        why: 'One year after a report to Veilig Thuis, violence continues in about 80% of families [S1]; aftercare (*nazorg*) is a ' +
            'basic condition in regional policy [S3], and Veilig Thuis monitors that safety remains [S32, S33].',
        example: {
            show: 'plan vermeer_2026 "Veiligheidsplan gezin Vermeer" {\n    status active\n    period 2026-01-12 to 2027-01-12\n    // ... no aftercare block\n}',
            file: examplePlan({ aftercare: '' })
        },
        fix: 'Add\n\n```vplan\naftercare {\n    owner wijkteam_dordrecht\n    from 2027-01-12 for 12 months\n    checkpoints 3 months, 6 months, 12 months\n}\n```'
    }
});

/**
 * The longest offsets that fit, as they can be written (a duration is one number and one unit, so
 * "11 months and 28 days" cannot be): the whole months, and the whole period in days when it is not
 * whole months. Each, written literally, lands on or before the end.
 */
function longestOffsets(a: BeyondArgs, locale: 'en' | 'nl'): string {
    const months = a.months > 0 ? `\`${formatDuration({ amount: a.months, unit: 'month' })}\`` : undefined;
    const days = a.days > 0 && a.totalDays !== undefined ? `\`${formatDuration({ amount: a.totalDays, unit: 'day' })}\`` : undefined;
    return orList([months, days].filter((offset): offset is string => offset !== undefined), locale);
}

const vp021Texts = {
    fixOwner: message<{ owner: string }>({
        en: a => `Add owner ${a.owner}`,
        nl: a => `Eigenaar ${a.owner} toevoegen`
    }),
    fixPeriod: message<{ item: string }>({
        en: a => `Add the period: ${a.item}`,
        nl: a => `Periode toevoegen: ${a.item}`
    }),
    fixEnd: message<{ months: number }>({
        en: a => `End the aftercare after ${a.months} months`,
        nl: a => `Nazorg na ${a.months} maanden laten eindigen`
    }),
    fixCheckpoints: message<{ offsets: string }>({
        en: a => `Add checkpoints: ${a.offsets}`,
        nl: a => `Controlemomenten toevoegen: ${a.offsets}`
    })
};

export const vp021 = defineRule({
    code: 'VP021',
    severity: 'error',
    title: { en: 'Aftercare complete', nl: 'Nazorg volledig' },
    findings: {
        noOwner: finding<ItemArgs>({
            en: a => `The aftercare has no owner: name the organisation that watches the family after the plan, with \`${a.template}\`.`,
            nl: a => `De nazorg heeft geen eigenaar: noem de organisatie die het gezin na het plan volgt, met \`${a.template}\`.`
        }),
        noPeriod: finding<ItemArgs>({
            en: a => `The aftercare has no period: add \`${a.template}\` (aftercare should start when the plan ends).`,
            nl: a => `De nazorg heeft geen periode: voeg \`${a.template}\` toe (de nazorg hoort te beginnen als het plan eindigt).`
        }),
        noEnd: finding<NoEndArgs>({
            en: a => `The aftercare starts on ${a.start} but has no end: add \`for ${a.minMonths} months\` (to ${a.suggestedEnd}) or \`to YYYY-MM-DD\`.`,
            nl: a => `De nazorg begint op ${a.start} maar heeft geen einde: voeg \`for ${a.minMonths} months\` (tot ${a.suggestedEnd}) of \`to JJJJ-MM-DD\` toe.`
        }),
        noCheckpoint: finding<ItemArgs>({
            en: a => `The aftercare has no checkpoint, so nobody checks whether safety lasts: add \`${a.template}\` (offsets from the aftercare start).`,
            nl: a => `De nazorg heeft geen controlemoment, dus niemand kijkt of de veiligheid blijft: voeg \`${a.template}\` toe (gerekend vanaf het begin van de nazorg).`
        }),
        zero: finding<ZeroArgs>({
            en: a => `Checkpoint '${a.offset}' falls on the first day of aftercare; offsets count from the aftercare start and must be longer than zero: use e.g. \`1 month\`.`,
            nl: a => `Controlemoment '${a.offset}' valt op de eerste dag van de nazorg; het wordt gerekend vanaf het begin en moet groter dan nul zijn: gebruik bijvoorbeeld \`1 month\`.`
        }),
        beyond: finding<BeyondArgs>({
            en: a =>
                `Checkpoint '${a.offset}' falls on ${a.day}, after the aftercare ends (${a.start} to ${a.end}, ${monthsAndDaysText(a.months, a.days, 'en')}): ` +
                `use an offset of at most ${longestOffsets(a, 'en')} (a check on ${a.end} is fine) or lengthen the aftercare.`,
            nl: a =>
                `Controlemoment '${a.offset}' valt op ${a.day}, na het einde van de nazorg (${a.start} tot ${a.end}, ${monthsAndDaysText(a.months, a.days, 'nl')}): ` +
                `kies hoogstens ${longestOffsets(a, 'nl')} (een controle op ${a.end} is goed) of verleng de nazorg.`
        })
    },
    texts: vp021Texts,
    cascade: { missingInNode: ['noOwner', 'noPeriod', 'noCheckpoint', 'noEnd'] },
    // A zero or too late checkpoint has no single right answer, so it gets no fix.
    fix: (context): FixProposal[] => {
        const aftercare = nodeAt(context.file, context.start, isAftercare);
        const plan = context.facts?.plan;
        if (!aftercare || !plan) return [];
        const months = context.config.aftercareMinMonths;
        const locale = context.locale;
        switch (context.finding.key) {
            case 'noOwner': {
                const owner = lastRegieHolder(plan) ?? byKindPreference(context.organisations, ['wijkteam', 'veiligthuis'])[0]?.name ?? PLACEHOLDER_OWNER;
                return [{ title: text(vp021Texts.fixOwner, { owner }, locale), edits: [insertItem(context, aftercare, `owner ${owner}`, () => false, false)], preferred: true }];
            }
            case 'noPeriod': {
                const item = `from ${dayText(plan.period?.end, undefined)} for ${months} months`;
                return [{ title: text(vp021Texts.fixPeriod, { item }, locale), edits: [insertItem(context, aftercare, item, isOwnerItem, false)], preferred: true }];
            }
            case 'noEnd': {
                const span = aftercare.items.find(isSpanItem);
                const edit = span ? setEnd(span, `for ${months} months`) : undefined;
                return edit ? [{ title: text(vp021Texts.fixEnd, { months }, locale), edits: [edit], preferred: true }] : [];
            }
            case 'noCheckpoint': {
                // Offsets that fit in this block's period; a period shorter than 3 months gets one check on its last day.
                const interval = plan.aftercareBlocks.find(block => block.node === aftercare)?.dates?.interval;
                let offsets = [3, 6, 12].filter(m => !interval || addMonthsClamped(interval.start, m) <= interval.end).map(m => `${m} months`);
                if (offsets.length === 0 && interval) offsets = [`${interval.end - interval.start} days`];
                return [{
                    title: text(vp021Texts.fixCheckpoints, { offsets: offsets.join(', ') }, locale),
                    edits: [insertItem(context, aftercare, `checkpoints ${offsets.join(', ')}`, node => isOwnerItem(node) || isSpanItem(node), false)],
                    preferred: true
                }];
            }
            default:
                return [];
        }
    },
    docs: {
        checks: 'The aftercare has an `owner`, a period (`from` with an end) and at least one checkpoint; every checkpoint offset is ' +
            'longer than zero and no longer than the aftercare period. Offsets count from the aftercare start, so a check that lands ' +
            'on the end date (offset equal to the period, e.g. `18 months` in `for 18 months`) is fine. A repeated item is ' +
            '[VP005](#vp005). Every `aftercare` block of the plan is checked.',
        why: 'Monitoring needs someone responsible, a period and moments to check that safety lasts; a safety plan includes a plan ' +
            'for monitoring and evaluation [S30a]. Research measures at about +1 and +1.5 years [S49]; the default checkpoints 3, 6, ' +
            '12 and 18 months are a suggestion of the brief.',
        example: {
            show: 'aftercare {\n    owner wijkteam_dordrecht\n    from 2027-01-12 for 12 months\n    checkpoints 6 months, 18 months\n}',
            file: withAftercare('owner wijkteam_dordrecht', 'from 2027-01-12 for 12 months', 'checkpoints 6 months, 18 months')
        },
        fix: 'Add the missing item, use offsets within the period, or lengthen the aftercare.'
    }
});

const vp022Texts = {
    fixTitle: message<{ months: number }>({
        en: a => `Extend the aftercare to ${a.months} months`,
        nl: a => `Nazorg verlengen tot ${a.months} maanden`
    })
};

export const vp022 = defineRule({
    code: 'VP022',
    severity: 'warning',
    title: { en: 'Aftercare long enough', nl: 'Nazorg lang genoeg' },
    findings: {
        short: finding<LengthArgs, { minMonths: number }>({
            en: a =>
                `The aftercare runs ${monthsAndDaysText(a.months, a.days, 'en')} (${a.start} to ${a.end}), shorter than the required ${monthCount(a.minMonths, 'en')} (aftercare.minMonths); ` +
                `${RESEARCH.en}. Let it run to ${a.minEnd} at least (\`for ${a.minMonths} months\`).`,
            nl: a =>
                `De nazorg duurt ${monthsAndDaysText(a.months, a.days, 'nl')} (${a.start} tot ${a.end}), korter dan de vereiste ${monthCount(a.minMonths, 'nl')} (aftercare.minMonths); ` +
                `${RESEARCH.nl}. Laat de nazorg minstens tot ${a.minEnd} lopen (\`for ${a.minMonths} months\`).`
        })
    },
    texts: vp022Texts,
    fix: (context): FixProposal[] => {
        const span = nodeAt(context.file, context.start, isAftercare)?.items.find(isSpanItem);
        const months = context.finding.fix?.minMonths ?? context.finding.args.minMonths ?? context.config.aftercareMinMonths;
        const edit = span ? setEnd(span, `for ${months} months`) : undefined;
        return edit ? [{ title: text(vp022Texts.fixTitle, { months }, context.locale), edits: [edit], preferred: true }] : [];
    },
    docs: {
        checks: 'The aftercare period is at least `aftercare.minMonths` calendar months (default 12, set in `vplan.config.json`): ' +
            'start + N months ≤ end, with month-end clamping (from 2026-01-31, 12 months end on 2027-01-31; from 2028-02-29 on ' +
            '2029-02-28). Exactly 12 months is fine; one day less warns.',
        why: 'Violence continues in about 80% of families a year after a report [S1]; in more than half, serious violence continues ' +
            '1.5 years after it [S48]; Veilig Thuis monitors about 1.5 years on average where safety does not return [S33].',
        example: {
            show: 'aftercare {\n    owner wijkteam_dordrecht\n    from 2027-01-12 to 2028-01-11\n    checkpoints 3 months, 6 months\n}',
            file: withAftercare('owner wijkteam_dordrecht', 'from 2027-01-12 to 2028-01-11', 'checkpoints 3 months, 6 months')
        },
        fix: 'Let it run at least to the date the message names (`for 12 months`), or set a different `aftercare.minMonths` for the project.'
    }
});

const vp023Texts = {
    fixTitle: message<{ planEnd: string }>({
        en: a => `Start the aftercare when the plan ends (${a.planEnd})`,
        nl: a => `Nazorg laten beginnen als het plan eindigt (${a.planEnd})`
    })
};

export const vp023 = defineRule({
    code: 'VP023',
    severity: 'warning',
    title: { en: 'Aftercare follows on', nl: 'Nazorg sluit aan' },
    findings: {
        late: finding<FollowArgs, { planEnd: string }>({
            en: a =>
                `The aftercare starts on ${a.start}, ${dayCount(a.days, 'en')} after the plan ends on ${a.planEnd}, so ` +
                `${a.days === 1 ? `${a.planEnd} falls` : `${a.planEnd} through ${a.lastGapDay} fall`} in neither. ` +
                `Start the aftercare on ${a.planEnd} at the latest (\`from ${a.planEnd}\`).`,
            nl: a =>
                `De nazorg begint op ${a.start}, ${dayCount(a.days, 'nl')} nadat het plan eindigt op ${a.planEnd}, dus ` +
                `${a.days === 1 ? `${a.planEnd} valt` : `${a.planEnd} tot en met ${a.lastGapDay} vallen`} nergens onder. ` +
                `Laat de nazorg uiterlijk op ${a.planEnd} beginnen (\`from ${a.planEnd}\`).`
        })
    },
    texts: vp023Texts,
    fix: (context): FixProposal[] => {
        const span = nodeAt(context.file, context.start, isAftercare)?.items.find(isSpanItem);
        const period = context.facts?.plan.period;
        const planEnd = context.finding.fix?.planEnd ?? context.finding.args.planEnd ?? (period ? formatDay(period.end) : undefined);
        const date = span ? firstDateLeaf(span) : undefined;
        return date && planEnd ? [{
            title: text(vp023Texts.fixTitle, { planEnd }, context.locale),
            edits: [{ offset: date.offset, end: date.end, newText: planEnd }],
            preferred: true
        }] : [];
    },
    docs: {
        checks: 'Aftercare starts no later than the end date of the plan period, so that no day falls between plan and aftercare. ' +
            'Because periods are half-open, the plan\'s `to` date is the first day after the plan: aftercare `from` that date follows ' +
            'on exactly. An earlier start is fine. Silent when the plan period is invalid.',
        why: 'Monitoring must connect to the plan: the months right after a plan ends are when violence returns [S1, S32]. The rule ' +
            'is a design choice of vplan.',
        example: {
            show: 'period 2026-01-12 to 2027-01-12\n// ...\naftercare {\n    owner wijkteam_dordrecht\n    from 2027-02-01 for 12 months\n    checkpoints 3 months\n}',
            file: withAftercare('owner wijkteam_dordrecht', 'from 2027-02-01 for 12 months', 'checkpoints 3 months')
        },
        fix: 'Start the aftercare on the plan\'s end date (`from 2027-01-12`) or earlier.'
    }
});

const RULES = [vp020, vp021, vp022, vp023] as const;
type Report = RuleReporter<ModuleFindings<typeof RULES>>;

export const aftercareRules = defineRules({
    rules: RULES,
    plan: ({ plan, config, report }) => {
        if (plan.aftercareBlocks.length === 0) {
            const planEnd = plan.period ? formatDay(plan.period.end) : undefined;
            report('VP020.missing', plan.node, { plan: plan.name, planEnd }, { property: 'name' });
            return;
        }
        // Every aftercare block is checked (spec section 4 allows several), not only the first.
        for (const block of plan.aftercareBlocks) checkBlock(plan, block, config.aftercareMinMonths, report);
    }
});

function checkBlock(plan: ResolvedPlan, aftercare: ResolvedAftercare, minMonths: number, report: Report): void {
    checkComplete(aftercare, minMonths, plan.period?.end, report);
    const span = aftercare.node.items.find(isSpanItem);
    if (!span) return;

    // VP022
    const interval = aftercare.dates?.interval;
    const minEnd = interval ? addMonthsClamped(interval.start, minMonths) : undefined;
    if (interval && minEnd !== undefined && minEnd > interval.end) {
        const { months, days } = monthsAndDays(interval.start, interval.end);
        report('VP022.short', span, {
            start: formatDay(interval.start), end: formatDay(interval.end), months, days, minMonths, minEnd: formatDay(minEnd)
        }, { fix: { minMonths } });
    }

    // VP023 needs only the start: an aftercare without an end (VP021) still has to follow on.
    const start = aftercare.dates?.start;
    if (plan.period && start !== undefined && start > plan.period.end) {
        const planEnd = formatDay(plan.period.end);
        report('VP023.late', span, {
            start: formatDay(start), planEnd, days: start - plan.period.end, lastGapDay: formatDay(start - 1)
        }, { fix: { planEnd } });
    }
}

/** VP021: the block's owner, period, end and checkpoints. */
function checkComplete(aftercare: ResolvedAftercare, minMonths: number, planEnd: Day | undefined, report: Report): void {
    const node = aftercare.node;
    // Finding the keyword walks the block's syntax tree: only done for a diagnostic.
    const range = () => keywordRange(node);
    if (!node.items.some(isOwnerItem)) {
        report('VP021.noOwner', node, { template: 'owner <organisation>' }, { range: range() });
    }
    const span = node.items.find(isSpanItem);
    if (!span) {
        const template = `from ${planEnd !== undefined ? formatDay(planEnd) : 'YYYY-MM-DD'} for ${minMonths} months`;
        report('VP021.noPeriod', node, { template }, { range: range() });
    } else if (!aftercare.dates?.hasEnd && aftercare.dates?.start !== undefined) {
        const start = aftercare.dates.start;
        report('VP021.noEnd', span, { start: formatDay(start), suggestedEnd: formatDay(addMonthsClamped(start, minMonths)), minMonths });
    }
    if (!node.items.some(isCheckpointsItem)) {
        report('VP021.noCheckpoint', node, { template: 'checkpoints 3 months, 6 months, 12 months' }, { range: range() });
    }
    const interval = aftercare.dates?.interval;
    for (const checkpoint of aftercare.checkpoints) {
        if (!checkpoint.offset) continue;
        // The offset's text is built only for a diagnostic.
        if (checkpoint.offset.amount === 0) {
            report('VP021.zero', checkpoint.node, { offset: formatDuration(checkpoint.offset) });
        } else if (interval && checkpoint.day !== undefined && checkpoint.day > interval.end) {
            const { months, days } = monthsAndDays(interval.start, interval.end);
            report('VP021.beyond', checkpoint.node, {
                offset: formatDuration(checkpoint.offset), day: formatDay(checkpoint.day), start: formatDay(interval.start), end: formatDay(interval.end), months, days,
                totalDays: interval.end - interval.start
            });
        }
    }
}

/** The range of the `aftercare` keyword: the block itself would underline many lines. */
function keywordRange(node: Aftercare) {
    return GrammarUtils.findNodeForKeyword(node.$cstNode, 'aftercare')?.range;
}

/** Whole calendar months from start not past end, and the days left over. */
function monthsAndDays(start: Day, end: Day): { months: number; days: number } {
    // Estimate from the day count, then correct by at most a step or two: no day-by-day loop.
    let months = Math.max(0, Math.floor((end - start) / 31));
    while (addMonthsClamped(start, months + 1) <= end) months++;
    while (months > 0 && addMonthsClamped(start, months) > end) months--;
    return { months, days: end - addMonthsClamped(start, months) };
}

/** The organisation of the regie entry that starts last: who directs the case when the plan ends. */
function lastRegieHolder(plan: ResolvedPlan): string | undefined {
    const entries = plan.regie.filter(e => e.organisation && e.start !== undefined).sort((a, b) => a.start! - b.start!);
    return entries.at(-1)?.organisation?.name;
}
