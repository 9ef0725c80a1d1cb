/**
 * Code lenses above each plan: how many members are covered all along (the coverage facts, as
 * VP001–VP004 judge them: named by an item or excused, and no stretch without cover longer than
 * `coverage.maxGapDays`), who holds regie today (or on the plan start when today lies outside the
 * plan period), how long the aftercare lasts (one lens per aftercare block; with several, each
 * names its owner), and a link that opens the timeline (`vplan.openTimelineToSide`, implemented
 * by the client). Informational lenses carry an empty command, which clients show as text.
 */

import type { LangiumDocument, MaybePromise } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams, Range } from 'vscode-languageserver';
import { isPlan, isSpanItem, isVplanFile } from '../generated/ast.js';
import { text, type Locale } from '../i18n/locale.js';
import { dayCount, durationText } from '../i18n/phrases.js';
import { formatDay, today as currentDay, type Day } from '../model/dates.js';
import { covers, durationValue, intervalLength, type ResolvedAftercare } from '../model/plan-model.js';
import { firstItem } from '../model/ast-queries.js';
import type { VplanServices } from '../vplan-module.js';
import { documentLocale } from './vplan-editor-text.js';
import { editorTexts } from './editor-texts.js';
import { planFacts, type PlanFacts } from '../analysis/plan-facts.js';
import { coveredAllAlong } from '../analysis/coverage-facts.js';
import { DEFAULT_CONFIG } from '../config/vplan-config.js';
import { OPEN_TIMELINE_COMMAND } from '../timeline/timeline-protocol.js';

export class VplanCodeLensProvider implements CodeLensProvider {
    /** Injectable clock for tests. */
    today: () => Day = () => currentDay();

    constructor(protected readonly services: VplanServices) {}

    provideCodeLens(document: LangiumDocument, _params: CodeLensParams): MaybePromise<CodeLens[] | undefined> {
        const root = document.parseResult.value;
        if (!isVplanFile(root)) return [];
        const locale = documentLocale(this.services, document);
        const lenses: CodeLens[] = [];
        for (const plan of root.declarations.filter(isPlan)) {
            const nameNode = this.services.references.NameProvider.getNameNode(plan) ?? plan.$cstNode;
            if (!nameNode) continue;
            const range = nameNode.range;
            const { config } = this.services.config.SettingsProvider.settingsFor(document.uri);
            for (const title of planLensTitles(planFacts(plan), locale, this.today(), config.coverageMaxGapDays)) {
                lenses.push(infoLens(range, title));
            }
            lenses.push({
                range,
                command: { title: text(editorTexts.openTimeline, {}, locale), command: OPEN_TIMELINE_COMMAND, arguments: [document.uri.toString()] }
            });
        }
        return lenses;
    }
}

function infoLens(range: Range, title: string): CodeLens {
    return { range, command: { title, command: '' } };
}

/** The informational lens texts of one plan. */
export function planLensTitles(facts: PlanFacts, locale: Locale, today: Day, maxGapDays = DEFAULT_CONFIG.coverageMaxGapDays): string[] {
    const plan = facts.plan;
    const covered = facts.coverage.members.filter(coverage => coveredAllAlong(coverage, maxGapDays)).length;
    const titles = [text(editorTexts.covered, { covered, members: plan.members.length }, locale)];

    const onPlanStart = plan.period !== undefined && !covers(plan.period, today);
    const day = onPlanStart && plan.period ? plan.period.start : today;
    const holders = facts.regie.periods.filter(p => covers(p.entry.interval!, day)).sort((a, b) => a.index - b.index).map(p => p.entry.organisation?.name ?? '?');
    const who = holders.length > 0 ? holders.join(', ') : text(editorTexts.nobody, {}, locale);
    titles.push(onPlanStart
        ? text(editorTexts.regieOnPlanStart, { day: formatDay(day), holders: who }, locale)
        : text(editorTexts.regieToday, { holders: who }, locale));

    // One lens per aftercare block, in source order; with several, each names its owner.
    const blocks = plan.aftercareBlocks;
    if (blocks.length === 0) titles.push(text(editorTexts.aftercareLength, { length: '—' }, locale));
    for (const block of blocks) {
        const interval = block.dates?.interval;
        const length = interval ? aftercareLength(block, intervalLength(interval), locale) : '—';
        const owner = blocks.length > 1 && block.owner ? ` (${block.owner.name})` : '';
        titles.push(text(editorTexts.aftercareLength, { length: `${length}${owner}` }, locale));
    }
    return titles;
}

/** The written `for DURATION` when there is one, else the length in days. */
function aftercareLength(aftercare: ResolvedAftercare, days: number, locale: Locale): string {
    const written = durationValue(firstItem(aftercare.node, isSpanItem)?.duration);
    if (written) return durationText(written, locale);
    return dayCount(days, locale);
}
