/**
 * Hover beyond measure types, members and organisations (vplan-hover.ts): the other declarations
 * of a plan at their name or any reference (plan, supporter, risk, measure, intervention,
 * agreement), dates (weekday, day N of the plan period, the phases running that day, and for an
 * end the last covered day), durations (the day they end on, as the last covered day, or the day
 * of a checkpoint) and value words (their value set; what `drang` and the other frameworks mean).
 * Everything comes from the plan facts, so the hover never disagrees with the checks.
 */

import { AstUtils, GrammarAST, type AstNode, type LeafCstNode } from 'langium';
import {
    isDuration, isEndedItem, isExtendItem, isPlan, isSpanItem, type Agreement, type Duration, type Intervention,
    type Measure, type Risk, type Supporter
} from '../generated/ast.js';
import { text, type Locale, type Message, type NoArgs } from '../i18n/locale.js';
import { conceptWord, durationText, valueWord, yesNo } from '../i18n/phrases.js';
import { parseDate, type Day } from '../model/dates.js';
import { durationValue } from '../model/declaration-views.js';
import type { Interval, ResolvedPlan } from '../model/plan-model.js';
import { VALUE_SETS } from '../model/vocabulary.js';
import { planFacts, type PlanFacts } from '../analysis/plan-facts.js';
import { valueSetOf } from './vplan-completion.js';
import { dayWithWeekday, phasesOn, planDayOf } from './vplan-date-text.js';
import { editorTexts } from './editor-texts.js';
import { intervalText, md } from './vplan-editor-text.js';

const sayIn = (locale: Locale) => (entry: Message<NoArgs>): string => text(entry, {}, locale);
const names = (nodes: ReadonlyArray<{ name?: string }>) => nodes.length > 0 ? nodes.map(node => `\`${node.name ?? '?'}\``).join(', ') : '—';
const line = (label: string, value: string) => `- ${label}: ${value}`;
const period = (interval: Interval | undefined, locale: Locale) => interval ? intervalText(interval, locale) : '—';

function heading(concept: Parameters<typeof conceptWord>[0], name: string, title: string | undefined, locale: Locale): string {
    const word = conceptWord(concept, locale);
    return `**${word.charAt(0).toUpperCase()}${word.slice(1)}** \`${name}\`` + (title ? ` — ${md(title)}` : '');
}

/** The hover of a plan's own declaration, or undefined for other nodes. */
export function planDeclarationHover(node: AstNode, locale: Locale): string | undefined {
    const plan = isPlan(node) ? node : AstUtils.getContainerOfType(node, isPlan);
    if (!plan) return undefined;
    const say = sayIn(locale);
    const facts = planFacts(plan);
    const resolved = facts.plan;
    if (isPlan(node)) {
        return [heading('plan', node.name, node.title, locale), '',
            line(say(editorTexts.status), resolved.status ?? '—'),
            line(say(editorTexts.period), period(resolved.period, locale))].join('\n');
    }
    switch (node.$type) {
        case 'Supporter': {
            const supporter = node as Supporter;
            const found = resolved.supporters.find(entry => entry.node === supporter);
            return [heading('supporter', supporter.name, supporter.title, locale), '',
                line(say(editorTexts.supports), names(found?.supports ?? [])),
                line(say(editorTexts.aware), yesNo(supporter.aware, locale))].join('\n');
        }
        case 'Risk': {
            const risk = node as Risk;
            const found = resolved.risks.find(entry => entry.node === risk);
            return [heading('risk', risk.name, risk.title, locale), '',
                line(say(editorTexts.severity), found?.severity ?? '—'),
                line(say(editorTexts.nature), found?.nature ?? '—'),
                line(say(editorTexts.domain), found?.domain ?? '—'),
                line(say(editorTexts.affects), found?.affectsHousehold ? 'household' : names(found?.affects ?? [])),
                line(say(editorTexts.posedBy), names(found?.posedBy ?? []))].join('\n');
        }
        case 'Measure': {
            const measure = node as Measure;
            const found = resolved.measures.find(entry => entry.node === measure);
            const type = found?.type;
            return [heading('measure', measure.name, undefined, locale), '',
                line(conceptWord('measureType', locale), type ? `\`${type.name}\`` + (type.title ? ` — ${md(type.title)}` : '') : '—'),
                line(say(editorTexts.on), names(found?.on ?? [])),
                line(say(editorTexts.protects), names(found?.protects ?? [])),
                line(say(editorTexts.by), found?.by ? `\`${found.by.name}\`` : '—'),
                line(say(editorTexts.period), period(found?.interval, locale))].join('\n');
        }
        case 'Intervention': {
            const intervention = node as Intervention;
            const found = resolved.interventions.find(entry => entry.node === intervention);
            return [heading('intervention', intervention.name, intervention.title, locale), '',
                line(say(editorTexts.helps), names(found?.for ?? [])),
                line(say(editorTexts.by), found?.by ? `\`${found.by.name}\`` : '—'),
                line(say(editorTexts.period), period(found?.interval ?? found?.dates.interval, locale)),
                line(say(editorTexts.framework), found ? valueWord('framework', found.framework, locale) : '—')].join('\n');
        }
        case 'Agreement': {
            const agreement = node as Agreement;
            const found = resolved.agreements.find(entry => entry.node === agreement);
            return [heading('agreement', agreement.name, agreement.title, locale), '',
                line(say(editorTexts.by), names(found?.by ?? [])),
                line(say(editorTexts.protects), names(found?.protects ?? [])),
                line(say(editorTexts.checkedBy), found?.checkedBy ? `\`${found.checkedBy.name}\`` : '—'),
                line(say(editorTexts.period), period(found?.dates?.interval, locale))].join('\n');
        }
        default:
            return undefined;
    }
}

/** Whether a date at this grammar position is an end: the first day no longer covered (`to`, `ended`). */
function isEndDate(leaf: LeafCstNode): boolean {
    const assignment = AstUtils.getContainerOfType(leaf.grammarSource, GrammarAST.isAssignment);
    return assignment?.feature === 'end' || isEndedItem(leaf.astNode);
}

/** The hover of a date token: weekday, day N of the plan, the phases of that day, and for an end its last covered day. */
export function dateHover(leaf: LeafCstNode, locale: Locale): string | undefined {
    const day = parseDate(leaf.text);
    if (day === undefined) return undefined;
    const plan = AstUtils.getContainerOfType(leaf.astNode, isPlan);
    const facts = plan ? planFacts(plan) : undefined;
    const lines = [`**${dayWithWeekday(day, locale)}**`, ''];
    const end = isEndDate(leaf);
    if (end) lines.push(`- ${text(editorTexts.dateExclusive, { last: dayWithWeekday(day - 1, locale) }, locale)}`);
    lines.push(...dayFacts(facts, end ? day - 1 : day, locale));
    return lines.join('\n');
}

/** Day N of the plan and the phases running on a day. */
function dayFacts(facts: PlanFacts | undefined, day: Day, locale: Locale): string[] {
    const place = planDayOf(facts, day);
    const lines: string[] = [];
    if (place?.inside) lines.push(`- ${text(editorTexts.planDay, { day: place.dayNumber, days: place.days }, locale)}`);
    else if (place && 'before' in place) lines.push(`- ${text(editorTexts.beforePlan, { days: place.before }, locale)}`);
    else if (place && 'after' in place) lines.push(`- ${text(editorTexts.afterPlan, { days: place.after }, locale)}`);
    if (facts && facts.plan.phases.length > 0) {
        const phases = phasesOn(facts, day, locale);
        lines.push(`- ${phases.length > 0 ? text(editorTexts.phasesOn, { phases: phases.join(', ') }, locale) : text(editorTexts.noPhase, {}, locale)}`);
    }
    return lines;
}

/** The hover of a duration: what it ends on (the last covered day), or the day a checkpoint falls on. */
export function durationHover(duration: Duration, locale: Locale): string | undefined {
    const value = durationValue(duration);
    if (!value) return undefined;
    const lines = [`**${durationText(value, locale)}**`];
    const plan = AstUtils.getContainerOfType(duration, isPlan);
    if (plan) {
        const facts = planFacts(plan);
        const computed = durationDays(facts.plan).get(duration);
        if (computed?.end !== undefined) {
            lines.push('', `- ${text(editorTexts.durationEnds, { last: dayWithWeekday(computed.end - 1, locale) }, locale)}`, ...dayFacts(facts, computed.end - 1, locale));
        } else if (computed?.day !== undefined) {
            lines.push('', `- ${text(editorTexts.durationDay, { day: dayWithWeekday(computed.day, locale) }, locale)}`, ...dayFacts(facts, computed.day, locale));
        }
    }
    return lines.join('\n');
}

/** Every duration of a plan with the end it gives (exclusive) or, for a checkpoint, its day. */
export function durationDays(plan: ResolvedPlan): Map<Duration, { end?: Day; day?: Day }> {
    const result = new Map<Duration, { end?: Day; day?: Day }>();
    const ends = (duration: Duration | undefined, end: Day | undefined) => {
        if (duration && end !== undefined) result.set(duration, { end });
    };
    const spanOf = (items: readonly AstNode[]) => items.find(isSpanItem)?.duration;
    if (plan.periodNode && plan.period) ends(plan.periodNode.duration, plan.period.end);
    for (const phase of plan.phases) ends(phase.node.duration, phase.dates.interval?.end);
    for (const measure of plan.measures) {
        for (const term of measure.terms) {
            if (isSpanItem(term.node) || isExtendItem(term.node)) ends(term.node.duration, term.interval?.end);
        }
    }
    for (const intervention of plan.interventions) ends(spanOf(intervention.node.items), intervention.dates.interval?.end);
    for (const agreement of plan.agreements) ends(spanOf(agreement.node.items), agreement.dates?.interval?.end);
    for (const entry of plan.regie) if (entry.explicitEnd) ends(entry.node.duration, entry.interval?.end);
    for (const aftercare of plan.aftercareBlocks) {
        ends(spanOf(aftercare.node.items), aftercare.dates?.interval?.end);
        for (const checkpoint of aftercare.checkpoints) if (checkpoint.day !== undefined) result.set(checkpoint.node, { day: checkpoint.day });
    }
    return result;
}

/** The duration a leaf belongs to (its number or its unit). */
export function durationAt(leaf: LeafCstNode): Duration | undefined {
    return isDuration(leaf.astNode) ? leaf.astNode : undefined;
}

/** The hover of a value word (`drang`, `victim`, `veiligthuis`, ...): its value set, and what a framework means. */
export function valueWordHover(leaf: LeafCstNode, locale: Locale): string | undefined {
    const set = valueSetOf(leaf.grammarSource as GrammarAST.AbstractElement);
    if (!set || set === 'durationUnit') return undefined;
    const values = VALUE_SETS[set] as readonly string[];
    if (!values.includes(leaf.text)) return undefined;
    const setName = text(editorTexts.valueSet, { set }, locale);
    const lines = [`**${leaf.text}**`, '', `- ${text(editorTexts.valueOf, { set: setName, values: values.join(', ') }, locale)}`];
    if (set === 'framework' || set === 'mode') lines.push(`- ${text(editorTexts.frameworkMeaning, { value: leaf.text }, locale)}`);
    return lines.join('\n');
}
