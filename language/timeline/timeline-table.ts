/**
 * The accessible table view of a timeline: the same data as the drawing, as rows of text. Built
 * once as data; the HTML page serialises it (escaped) and the preview builds it with DOM APIs.
 */

import type { Locale } from '../i18n/locale.js';
import { timelineWords, type TimelineWords } from './timeline-texts.js';
import type { TimelineDiagnostic, TimelineModel, TimelineRange } from './timeline-model.js';

export interface TimelineTableRow {
    /** The declaration to reveal, when the row is one. */
    itemId?: string;
    range?: TimelineRange;
    mode?: string;
    hasError: boolean;
    cells: string[];
}

export interface TimelineTable {
    caption: string;
    columns: string[];
    rows: TimelineTableRow[];
    /** What a row in the error colour means (shown under the table). */
    legend: string;
}

function notes(labels: TimelineWords, diagnostics: readonly TimelineDiagnostic[], extra: Array<string | undefined> = []): string {
    return [...extra.filter((x): x is string => Boolean(x)), ...diagnostics.map(labels.diagnostic)].join('; ');
}

export function buildTimelineTable(model: TimelineModel, locale: Locale = 'en'): TimelineTable {
    const labels = timelineWords(locale);
    const c = labels.columns;
    const rows: TimelineTableRow[] = [];
    const hasError = (diagnostics: readonly TimelineDiagnostic[]) => diagnostics.some(d => d.severity === 'error');
    const row = (cells: Array<string | undefined>, extra: Partial<TimelineTableRow> = {}): void => {
        rows.push({ hasError: false, ...extra, cells: cells.map(cell => cell ?? '') });
    };

    for (const phase of model.phases) {
        row([labels.kinds.phase, labels.kinds.phase, '', labels.phases[phase.kind] ?? phase.kind, phase.kind, phase.start, phase.end, notes(labels, phase.diagnostics)],
            { range: phase.range, hasError: hasError(phase.diagnostics) });
    }
    for (const period of model.regie.periods) {
        row([labels.regie, labels.kinds.regie, '', period.organisationTitle ?? period.organisation, period.organisation, period.start, period.end, notes(labels, period.diagnostics, [period.note])],
            { itemId: period.id, range: period.range, hasError: hasError(period.diagnostics) });
    }
    for (const handover of model.regie.handovers) {
        row([labels.regie, labels.kinds.handover, '', labels.handover(handover.from, handover.to), '', handover.date, '', '']);
    }
    for (const problem of model.regie.problems) {
        row([labels.regie, labels.kinds[problem.kind], '', problem.holders.join(', '), '', problem.start, problem.end, ''], { hasError: true });
    }
    const itemsById = new Map(model.items.map(item => [item.id, item]));
    for (const member of model.members) {
        const lane = member.name || labels.unnamedMember;
        if (member.noAction !== undefined) row([lane, labels.noAction, '', member.noAction, member.name, '', '', notes(labels, member.diagnostics)], { itemId: member.id, range: member.range, hasError: hasError(member.diagnostics) });
        else if (member.diagnostics.length > 0) row([lane, '', '', '', member.name, '', '', notes(labels, member.diagnostics)], { itemId: member.id, range: member.range, hasError: hasError(member.diagnostics) });
        for (const entry of member.items) {
            const item = itemsById.get(entry.itemId);
            if (!item) continue;
            const extra = [
                labels.relations[entry.relation],
                item.by ? labels.by(item.by) : undefined,
                item.wholePlan ? labels.wholePlan : item.terms.some(t => t.defaultEnd) ? labels.defaultEnd : undefined,
                item.terms.length > 1 ? item.terms.map(t => `${t.start}–${t.end}`).join(', ') : undefined,
                item.ended ? labels.endedText(item.ended, item.planned?.end) : undefined,
                item.requires ? labels.requires(item.requires) : undefined,
                item.start ? undefined : labels.noDates
            ];
            // An agreement is no framework of help: its category is its kind, in the column before.
            const mode = item.kind === 'agreement' ? undefined : item.mode;
            row([lane, labels.kinds[item.kind], mode && labels.modes[mode], item.title, item.name, item.start, item.end, notes(labels, item.diagnostics, extra)],
                { itemId: item.id, range: item.range, mode, hasError: hasError(item.diagnostics) });
        }
        for (const gap of member.uncovered) row([lane, labels.kinds.uncovered, '', '', '', gap.start, gap.end, ''], { hasError: true });
    }
    // Every aftercare block, in source order, each followed by its checkpoints.
    for (const a of model.aftercareBlocks) {
        row([labels.aftercare, labels.kinds.aftercare, '', a.owner ?? '', '', a.start, a.end, notes(labels, a.diagnostics, [...a.signals, a.escalate])],
            { itemId: a.id, range: a.range, hasError: hasError(a.diagnostics) });
        for (const checkpoint of a.checkpoints) row([labels.aftercare, labels.kinds.checkpoint, '', labels.duration(checkpoint.duration), '', checkpoint.date, '', ''], { itemId: a.id, range: a.range });
    }
    for (const marker of model.markers) {
        row([labels.markers, labels.kinds[marker.kind], '', marker.title, '', marker.date ?? labels.noDates, '', notes(labels, marker.diagnostics)],
            { itemId: marker.id, range: marker.range, hasError: hasError(marker.diagnostics) });
        // What the meeting decided: who carries it out, and the last day it is due (inclusive, so not in the To column).
        for (const action of marker.actions) {
            row([labels.markers, labels.kinds.action, '', action.text, '', '', '', labels.actionNote(action.owner, action.due)], { itemId: marker.id, range: marker.range });
        }
    }
    for (const incident of model.incidents) {
        row([labels.incidents, labels.kinds.incident, '', incident.title, '', incident.date ?? labels.noDates, '', notes(labels, incident.diagnostics)],
            { itemId: incident.id, range: incident.range, hasError: hasError(incident.diagnostics) });
    }
    return {
        caption: labels.tableCaption(model.plan),
        columns: [c.lane, c.kind, c.mode, c.title, c.name, c.from, c.to, c.notes],
        rows,
        legend: labels.tableLegend
    };
}
