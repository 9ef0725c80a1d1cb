/**
 * Code lenses above each plan: how many members are covered (VP001's definition), who holds
 * regie today (or on the plan start when today lies outside the plan period), how long the
 * aftercare lasts, and a link that opens the timeline (`vplan.openTimelineToSide`, implemented
 * by the client). Informational lenses carry an empty command, which clients show as text.
 */

import type { LangiumDocument, MaybePromise } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams, Range } from 'vscode-languageserver';
import { isPlan, isSpanItem, isVplanFile } from '../generated/ast.js';
import type { Locale } from '../i18n/locale.js';
import { formatDay, today as currentDay, type Day } from '../model/dates.js';
import { covers, durationValue, intervalLength, resolvePlan, type ResolvedPlan } from '../model/plan-model.js';
import { firstItem } from '../model/ast-queries.js';
import type { VplanServices } from '../vplan-module.js';
import { documentLocale, durationText, t } from './vplan-editor-text.js';
import { isCovered } from './vplan-hover.js';

export const OPEN_TIMELINE_COMMAND = 'vplan.openTimelineToSide';

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
            for (const title of planLensTitles(resolvePlan(plan), locale, this.today())) {
                lenses.push(infoLens(range, title));
            }
            lenses.push({
                range,
                command: { title: t(locale, 'Open timeline', 'Tijdlijn openen'), command: OPEN_TIMELINE_COMMAND, arguments: [document.uri.toString()] }
            });
        }
        return lenses;
    }
}

function infoLens(range: Range, title: string): CodeLens {
    return { range, command: { title, command: '' } };
}

/** The informational lens texts of one plan. */
export function planLensTitles(plan: ResolvedPlan, locale: Locale, today: Day): string[] {
    const covered = plan.members.filter(m => isCovered(plan, m.node)).length;
    const titles = [`${t(locale, 'covered', 'gedekt')} ${covered}/${plan.members.length}`];

    const onPlanStart = plan.period !== undefined && !covers(plan.period, today);
    const day = onPlanStart && plan.period ? plan.period.start : today;
    const holders = plan.regie.filter(e => e.interval && covers(e.interval, day)).map(e => e.organisation?.name ?? '?');
    const who = holders.length > 0 ? holders.join(', ') : t(locale, 'nobody', 'niemand');
    titles.push(onPlanStart
        ? `${t(locale, 'regie on plan start', 'regie bij start plan')} (${formatDay(day)}): ${who}`
        : `${t(locale, 'regie today', 'regie vandaag')}: ${who}`);

    const aftercare = plan.aftercare?.dates?.interval;
    titles.push(aftercare
        ? `${t(locale, 'aftercare', 'nazorg')}: ${aftercareLength(plan, intervalLength(aftercare), locale)}`
        : `${t(locale, 'aftercare', 'nazorg')}: —`);
    return titles;
}

/** The written `for DURATION` when there is one, else the length in days. */
function aftercareLength(plan: ResolvedPlan, days: number, locale: Locale): string {
    const written = durationValue(plan.aftercare ? firstItem(plan.aftercare.node, isSpanItem)?.duration : undefined);
    if (written) return durationText(written, locale);
    return `${days} ${days === 1 ? t(locale, 'day', 'dag') : t(locale, 'days', 'dagen')}`;
}
