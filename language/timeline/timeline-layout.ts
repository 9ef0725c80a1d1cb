/**
 * Lays a timeline model out as a scene: plain, JSON-serialisable drawing primitives with CSS
 * classes for colour. One layout feeds both backends (the SVG string of the CLI and the DOM of
 * the editor's preview), so the two always draw the same picture. Labels never overlap: bar
 * labels stay inside their bar (truncated; the full text is the element's title), point labels
 * are packed into rows, and tick labels thin out when months get narrow.
 */

import type { Locale } from '../i18n/locale.js';
import { parseDate, type Day } from '../model/dates.js';
import { timelineWords, type TimelineWords } from './timeline-texts.js';
import type { TimelineItem, TimelineModel, TimelineMode, TimelineRange, TimelineSpan } from './timeline-model.js';

export type TextAnchor = 'start' | 'middle' | 'end';

export interface SceneRect { type: 'rect'; x: number; y: number; width: number; height: number; className: string }
export interface SceneLine { type: 'line'; x1: number; y1: number; x2: number; y2: number; className: string }
export interface ScenePolygon { type: 'polygon'; points: Array<[number, number]>; className: string }
export interface SceneText {
    type: 'text'; x: number; y: number; text: string; className: string; anchor: TextAnchor; fontSize: number;
    /** Estimated width, so that tests (and the layout) can prove labels never overlap. */
    width: number;
}
/** A group: the unit that carries a tooltip (`title`) and, for declarations, a reveal target. */
export interface SceneGroup {
    type: 'g'; className: string; title?: string; itemId?: string; range?: TimelineRange; children: SceneElement[];
}
export type SceneElement = SceneRect | SceneLine | ScenePolygon | SceneText | SceneGroup;

export interface TimelineScene {
    width: number;
    height: number;
    /** Accessible name of the picture. */
    title: string;
    elements: SceneElement[];
}

export interface LayoutOptions {
    locale?: Locale;
    /** Total width in px (default 1200). */
    width?: number;
}

const GUTTER = 190;
const RIGHT_MARGIN = 20;
const ROW_HEIGHT = 22;
const BAR_HEIGHT = 16;
const LANE_PADDING = 5;
const BAR_FONT = 11;
const LABEL_FONT = 12;
const TITLE_FONT = 15;
/** A deliberately generous per-character width: truncation must hold for wide fonts too. */
const CHAR_WIDTH_FACTOR = 0.62;

export function textWidth(text: string, fontSize: number): number {
    return round([...text].length * fontSize * CHAR_WIDTH_FACTOR);
}

/** Cuts text to fit `maxWidth` at `fontSize`, ending in `…`; '' when not even one character fits. */
export function truncateText(text: string, maxWidth: number, fontSize: number): string {
    const chars = [...text];
    const fits = Math.floor(maxWidth / (fontSize * CHAR_WIDTH_FACTOR));
    if (chars.length <= fits) return text;
    if (fits < 2) return '';
    return chars.slice(0, fits - 1).join('').trimEnd() + '…';
}

function round(value: number): number {
    return Math.round(value * 10) / 10;
}

/** Greedy interval packing: the first row whose last end is at or before the start. */
function packRows<T>(entries: T[], startOf: (entry: T) => number, endOf: (entry: T) => number): Array<{ entry: T; row: number }> {
    const rowEnds: number[] = [];
    const sorted = [...entries].sort((a, b) => startOf(a) - startOf(b) || endOf(a) - endOf(b));
    return sorted.map(entry => {
        let row = rowEnds.findIndex(end => end <= startOf(entry));
        if (row < 0) { row = rowEnds.length; rowEnds.push(0); }
        rowEnds[row] = endOf(entry);
        return { entry, row };
    });
}

export function modeClass(mode: TimelineMode): string {
    return `vp-mode-${mode}`;
}

/** `2026-01-12 – 2026-02-09`, the end exclusive as in the language (`from … to …`). */
export function spanText(labels: TimelineWords, span: Partial<TimelineSpan>): string {
    if (!span.start) return labels.noDates;
    return labels.span(span.start, span.end);
}

export function itemTooltip(labels: TimelineWords, item: TimelineItem): string {
    const lines = [`${labels.modes[item.mode]} · ${labels.kinds[item.kind]}: ${item.title} (${item.name})`, spanText(labels, item)];
    if (item.terms.length > 1) {
        lines.push(...item.terms.map(term => `${term.kind === 'extend' ? labels.extension : labels.kinds[item.kind]}: ${spanText(labels, term)}`));
    }
    if (item.terms.some(t => t.defaultEnd)) lines.push(item.wholePlan ? labels.wholePlan : labels.defaultEnd);
    if (item.by) lines.push(labels.by(item.by));
    lines.push(...item.diagnostics.map(labels.diagnostic));
    return lines.join('\n');
}

export function layoutTimeline(model: TimelineModel, options: LayoutOptions = {}): TimelineScene {
    const labels = timelineWords(options.locale);
    const width = Math.max(600, options.width ?? 1200);
    const chartLeft = GUTTER;
    const chartRight = width - RIGHT_MARGIN;
    const chartWidth = chartRight - chartLeft;
    const elements: SceneElement[] = [];
    const title = labels.title(model.plan);

    elements.push(text(12, 22, truncateText(title, width - 24, TITLE_FONT), 'vp-title', 'start', TITLE_FONT));

    const axis = model.axis;
    if (!axis) {
        elements.push(text(12, 50, labels.noAxis, 'vp-note', 'start', LABEL_FONT));
        return { width, height: 70, title, elements };
    }
    const axisStart = parseDate(axis.start)!;
    const axisDays = Math.max(1, axis.days);
    const xOf = (iso: string | undefined): number => {
        const day = parseDate(iso) ?? axisStart;
        return round(chartLeft + ((day - axisStart) / axisDays) * chartWidth);
    };
    const xOfDay = (day: Day) => round(chartLeft + ((day - axisStart) / axisDays) * chartWidth);

    // Axis ticks and labels (thinned so labels never touch).
    const axisY = 56;
    const ticksGroup: SceneElement[] = [];
    const monthWidth = chartWidth / Math.max(1, axisDays / 30.44);
    const sampleLabel = `${labels.months[8]} 2026`;
    const step = Math.max(1, Math.ceil((textWidth(sampleLabel, BAR_FONT) + 8) / monthWidth));
    const labelStep = [1, 2, 3, 4, 6, 12].find(s => s >= step) ?? Math.ceil(step / 12) * 12;
    const tickLabels: SceneText[] = [];
    for (const tick of axis.ticks) {
        const x = xOf(tick.date);
        ticksGroup.push({ type: 'line', x1: x, y1: axisY - 4, x2: x, y2: axisY + 4, className: 'vp-tick' });
        const index = tick.year * 12 + tick.month - 1;
        if (index % labelStep === 0) {
            const label = tick.month === 1 || labelStep >= 12 || tickLabels.length === 0 ? `${labels.months[tick.month - 1]} ${tick.year}` : labels.months[tick.month - 1];
            const candidate = text(x + 2, axisY - 8, label, 'vp-tick-label', 'start', BAR_FONT);
            const last = tickLabels[tickLabels.length - 1];
            if (candidate.x + candidate.width <= chartRight + RIGHT_MARGIN && (!last || last.x + last.width + 4 <= candidate.x)) tickLabels.push(candidate);
        }
    }
    elements.push({ type: 'g', className: 'vp-axis', children: [{ type: 'line', x1: chartLeft, y1: axisY, x2: chartRight, y2: axisY, className: 'vp-axis-line' }, ...ticksGroup, ...tickLabels] });

    // Lanes
    let y = axisY + 12;
    const chartTop = y;
    const laneElements: SceneElement[] = [];
    const itemsById = new Map(model.items.map(item => [item.id, item]));

    const laneLabel = (name: string, detail: string | undefined, laneY: number, laneTitle: string, range?: TimelineRange, itemId?: string, hasError = false): SceneGroup => {
        const children: SceneElement[] = [text(8, laneY + 15, truncateText(name, GUTTER - 16, LABEL_FONT), 'vp-lane-label', 'start', LABEL_FONT)];
        if (detail) children.push(text(8, laneY + 15 + 13, truncateText(detail, GUTTER - 16, BAR_FONT - 1), 'vp-lane-detail', 'start', BAR_FONT - 1));
        return { type: 'g', className: hasError ? 'vp-lane-head vp-lane-error' : 'vp-lane-head', title: laneTitle, itemId, range, children };
    };

    const laneBackground = (laneY: number, height: number, index: number): SceneRect =>
        ({ type: 'rect', x: 0, y: laneY, width, height, className: index % 2 === 0 ? 'vp-lane-bg' : 'vp-lane-bg vp-lane-bg-alt' });

    const bar = (x1: number, x2: number, rowY: number, className: string, label: string): SceneElement[] => {
        const barWidth = Math.max(2, round(x2 - x1));
        const result: SceneElement[] = [{ type: 'rect', x: x1, y: rowY, width: barWidth, height: BAR_HEIGHT, className }];
        const shown = truncateText(label, barWidth - 6, BAR_FONT);
        if (shown) result.push(text(x1 + 3, rowY + 12, shown, 'vp-bar-label', 'start', BAR_FONT));
        return result;
    };

    let laneIndex = 0;

    // Regie lane: periods packed into rows; gaps and overlaps in the error colour; handovers marked.
    {
        const laneY = y;
        const periods = model.regie.periods;
        const packed = packRows(periods, p => parseDate(p.start)!, p => parseDate(p.end)!);
        const rows = packed.reduce((max, p) => Math.max(max, p.row + 1), 1);
        const height = LANE_PADDING * 2 + rows * ROW_HEIGHT + (model.regie.problems.length > 0 ? ROW_HEIGHT : 0);
        laneElements.push(laneBackground(laneY, height, laneIndex++));
        laneElements.push(laneLabel(labels.regie, undefined, laneY, labels.regie));
        for (const handover of model.regie.handovers) {
            const x = xOf(handover.date);
            laneElements.push({
                type: 'g', className: 'vp-handover', title: `${labels.handover(handover.from, handover.to)}\n${handover.date}`,
                children: [
                    { type: 'line', x1: x, y1: laneY + 2, x2: x, y2: laneY + height - 2, className: 'vp-handover-line' },
                    { type: 'polygon', points: [[x - 4, laneY + 2], [x + 4, laneY + 2], [x, laneY + 8]], className: 'vp-handover-mark' }
                ]
            });
        }
        for (const { entry, row } of packed) {
            const rowY = laneY + LANE_PADDING + row * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2;
            const who = entry.organisationTitle ? `${entry.organisationTitle} (${entry.organisation})` : entry.organisation;
            const tooltip = [`${labels.regie}: ${who}`, spanText(labels, entry), entry.note, ...entry.diagnostics.map(labels.diagnostic)].filter(Boolean).join('\n');
            laneElements.push({
                type: 'g', className: 'vp-item vp-regie', title: tooltip, itemId: entry.id, range: entry.range,
                children: bar(xOf(entry.start), xOf(entry.end), rowY, 'vp-bar vp-regie-bar', entry.organisation)
            });
        }
        const problemY = laneY + LANE_PADDING + rows * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2;
        for (const problem of model.regie.problems) {
            const label = problem.kind === 'gap' ? labels.kinds.gap : `${labels.kinds.overlap}: ${problem.holders.join(', ')}`;
            laneElements.push({
                type: 'g', className: `vp-problem vp-problem-${problem.kind}`, title: `${label}\n${spanText(labels, problem)}`,
                children: bar(xOf(problem.start), xOf(problem.end), problemY, `vp-bar vp-error-bar`, label)
            });
        }
        y += height;
    }

    // One lane per household member.
    for (const member of model.members) {
        const laneY = y;
        const entries = member.items
            .map(entry => ({ entry, item: itemsById.get(entry.itemId)! }))
            .filter(e => e.item && e.item.start && e.item.end);
        const packed = packRows(entries, e => parseDate(e.item.start)!, e => parseDate(e.item.end)!);
        const rows = packed.reduce((max, p) => Math.max(max, p.row + 1), 1);
        const height = Math.max(LANE_PADDING * 2 + rows * ROW_HEIGHT, 38);
        laneElements.push(laneBackground(laneY, height, laneIndex++));
        const detailParts = [member.kind && labels.memberKind(member.kind), member.roles.map(labels.role).join(', '), member.outside ? labels.outside : undefined].filter(Boolean);
        const detail = member.noAction !== undefined ? `${labels.noAction}: ${member.noAction}` : detailParts.join(' · ');
        laneElements.push(laneLabel(member.name, detail, laneY, [member.name, ...detailParts, member.noAction !== undefined ? `${labels.noAction}: ${member.noAction}` : undefined,
            ...member.diagnostics.map(labels.diagnostic)].filter(Boolean).join('\n'), member.range, `member:${member.name}`,
            member.diagnostics.some(d => d.severity === 'error')));
        for (const gap of member.uncovered) {
            const x1 = xOf(gap.start);
            const x2 = xOf(gap.end);
            const children: SceneElement[] = [{ type: 'rect', x: x1, y: laneY + 1, width: Math.max(2, round(x2 - x1)), height: height - 2, className: 'vp-uncovered' }];
            const shown = truncateText(labels.kinds.uncovered, x2 - x1 - 6, BAR_FONT - 1);
            if (shown) children.push(text(x1 + 3, laneY + height - 5, shown, 'vp-uncovered-label', 'start', BAR_FONT - 1));
            laneElements.push({ type: 'g', className: 'vp-uncovered-period', title: `${member.name}: ${labels.kinds.uncovered}\n${spanText(labels, gap)}`, children });
        }
        for (const { entry, row } of packed) {
            const { item } = entry;
            const rowY = laneY + LANE_PADDING + row * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2;
            const relation = labels.relations[entry.entry.relation];
            const label = `${labels.modes[item.mode]} · ${item.title}`;
            const children: SceneElement[] = [];
            const x1 = xOf(item.start);
            const x2 = xOf(item.end);
            children.push(...bar(x1, x2, rowY, `vp-bar ${modeClass(item.mode)} vp-kind-${item.kind} vp-rel-${entry.entry.relation}${item.diagnostics.some(d => d.severity === 'error') ? ' vp-has-error' : ''}`, label));
            // Extension boundaries and a default end, so a reader sees each term.
            for (const term of item.terms) {
                if (term.kind === 'extend') {
                    const tx = xOf(term.start);
                    children.push({ type: 'line', x1: tx, y1: rowY, x2: tx, y2: rowY + BAR_HEIGHT, className: 'vp-term-boundary' });
                }
            }
            laneElements.push({
                type: 'g', className: `vp-item vp-item-${item.kind}`, title: `${member.name} (${relation})\n${itemTooltip(labels, item)}`,
                itemId: item.id, range: item.range, children
            });
        }
        y += height;
    }

    // Aftercare lane with checkpoints.
    if (model.aftercare) {
        const aftercare = model.aftercare;
        const laneY = y;
        const checkpointY = laneY + LANE_PADDING + ROW_HEIGHT;
        const placed = pointMarkers(aftercare.checkpoints.map(c => ({
            x: xOf(c.date), label: labels.duration(c.duration), title: `${labels.kinds.checkpoint} ${labels.duration(c.duration)}: ${c.date}`, className: 'vp-checkpoint', itemId: 'aftercare', range: aftercare.range
        })), checkpointY, 2, chartRight + RIGHT_MARGIN);
        const height = LANE_PADDING * 2 + ROW_HEIGHT * (1 + placed.rows);
        laneElements.push(laneBackground(laneY, height, laneIndex++));
        laneElements.push(laneLabel(labels.aftercare, aftercare.owner, laneY, `${labels.aftercare}${aftercare.owner ? `: ${aftercare.owner}` : ''}`, aftercare.range, 'aftercare'));
        const rowY = laneY + LANE_PADDING + (ROW_HEIGHT - BAR_HEIGHT) / 2;
        const tooltip = [`${labels.aftercare}${aftercare.owner ? ` (${aftercare.owner})` : ''}`, spanText(labels, aftercare),
            ...aftercare.checkpoints.map(c => `${labels.kinds.checkpoint} ${labels.duration(c.duration)}: ${c.date}`), ...aftercare.signals, aftercare.escalate,
            ...aftercare.diagnostics.map(labels.diagnostic)].filter(Boolean).join('\n');
        if (aftercare.start && aftercare.end) {
            laneElements.push({
                type: 'g', className: 'vp-item vp-aftercare', title: tooltip, itemId: 'aftercare', range: aftercare.range,
                children: bar(xOf(aftercare.start), xOf(aftercare.end), rowY, 'vp-bar vp-aftercare-bar', `${labels.aftercare}${aftercare.owner ? ` · ${aftercare.owner}` : ''}`)
            });
        }
        laneElements.push(...placed.elements);
        y += height;
    }

    // Meetings and evaluations as markers, labels packed into rows.
    if (model.markers.length > 0) {
        const laneY = y;
        const points = model.markers.filter(m => m.date).map(m => ({
            x: xOf(m.date), label: m.title || labels.kinds[m.kind], className: `vp-marker vp-marker-${m.kind}`, itemId: m.id, range: m.range,
            title: [`${labels.kinds[m.kind]}: ${m.title}`, m.date, ...m.diagnostics.map(labels.diagnostic)].filter(Boolean).join('\n')
        }));
        const placed = pointMarkers(points, laneY + LANE_PADDING, 6, chartRight + RIGHT_MARGIN);
        const height = Math.max(LANE_PADDING * 2 + placed.rows * ROW_HEIGHT, 38);
        laneElements.push(laneBackground(laneY, height, laneIndex), laneLabel(labels.markers, undefined, laneY, labels.markers), ...placed.elements);
        y += height;
    }

    const chartBottom = y;
    // Phases as bands behind everything.
    const phaseElements: SceneElement[] = model.phases.map(phase => {
        const x1 = xOf(phase.start);
        const x2 = xOf(phase.end);
        const name = labels.phases[phase.kind] ?? phase.kind;
        const children: SceneElement[] = [{ type: 'rect', x: x1, y: chartTop, width: Math.max(1, round(x2 - x1)), height: chartBottom - chartTop, className: `vp-phase vp-phase-${phase.kind}` }];
        const shown = truncateText(name, x2 - x1 - 6, BAR_FONT - 1);
        if (shown) children.push(text(x1 + 3, chartBottom + 13, shown, 'vp-phase-label', 'start', BAR_FONT - 1));
        return { type: 'g', className: 'vp-phase-band', title: `${labels.kinds.phase} ${name}\n${spanText(labels, phase)}`, range: phase.range, itemId: undefined, children };
    });
    elements.push(...laneElements.filter(e => e.type === 'rect'));
    elements.push(...phaseElements);
    // Today, behind the items so it never hides a label.
    if (model.todayOnAxis) {
        const x = xOfDay(parseDate(model.today)!);
        elements.push({
            type: 'g', className: 'vp-today', title: `${labels.today}: ${model.today}`,
            children: [
                { type: 'line', x1: x, y1: axisY, x2: x, y2: chartBottom, className: 'vp-today-line' },
                text(x + 3, axisY + 10, labels.today, 'vp-today-label', 'start', BAR_FONT - 1)
            ]
        });
    }

    elements.push(...laneElements.filter(e => e.type !== 'rect'));
    y = chartBottom + 18;

    // Legend: colour AND words for every mode.
    y += 8;
    const legend: SceneElement[] = [text(12, y + 12, labels.legend, 'vp-legend-title', 'start', LABEL_FONT)];
    let lx = 12 + textWidth(labels.legend, LABEL_FONT) + 16;
    const legendEntries: Array<[string, string]> = [
        ...(['dwang', 'drang', 'voluntary'] as TimelineMode[]).map(mode => [`vp-bar ${modeClass(mode)}`, labels.modes[mode]] as [string, string]),
        ['vp-uncovered', labels.kinds.uncovered], ['vp-bar vp-error-bar', `${labels.kinds.gap} / ${labels.kinds.overlap}`],
        ['vp-bar vp-regie-bar', labels.regie], ['vp-bar vp-aftercare-bar', labels.aftercare]
    ];
    for (const [className, name] of legendEntries) {
        const entryWidth = 22 + textWidth(name, BAR_FONT) + 16;
        if (lx + entryWidth > width - 12) { lx = 12; y += ROW_HEIGHT; }
        legend.push({ type: 'rect', x: lx, y: y + 2, width: 16, height: 12, className }, text(lx + 20, y + 12, name, 'vp-legend-label', 'start', BAR_FONT));
        lx += entryWidth;
    }
    elements.push({ type: 'g', className: 'vp-legend', children: legend });
    y += ROW_HEIGHT + 6;

    return { width, height: Math.ceil(y), title, elements };
}

interface PointMarker { x: number; label: string; title: string; className: string; itemId?: string; range?: TimelineRange }

/** Diamonds with labels to their right, packed into rows so no two labels overlap. */
function pointMarkers(points: PointMarker[], top: number, maxRows: number, right: number, leftLimit = GUTTER): { elements: SceneElement[]; rows: number } {
    const elements: SceneElement[] = [];
    const rowEnds: number[] = [];
    const sorted = [...points].sort((a, b) => a.x - b.x);
    for (const point of sorted) {
        const full = textWidth(point.label, BAR_FONT);
        const roomRight = Math.min(right - point.x - 10, 160);
        const roomLeft = Math.min(point.x - leftLimit - 10, 160);
        // Right of the marker when it fits there, else on the side with more room.
        const onLeft = full > roomRight && roomLeft > roomRight;
        let label = truncateText(point.label, onLeft ? roomLeft : roomRight, BAR_FONT);
        const labelWidth = label ? textWidth(label, BAR_FONT) : 0;
        const start = onLeft && label ? point.x - 8 - labelWidth : point.x - 5;
        const end = onLeft || !label ? point.x + 5 : point.x + 8 + labelWidth;
        let row = rowEnds.findIndex(rowEnd => rowEnd + 4 <= start);
        if (row < 0 && rowEnds.length < maxRows) { row = rowEnds.length; rowEnds.push(-Infinity); }
        if (row < 0) {
            // Every row is taken here: keep the marker, drop the label (it stays in the tooltip and the table).
            row = rowEnds.indexOf(Math.min(...rowEnds));
            label = '';
        }
        const cy = top + row * ROW_HEIGHT + ROW_HEIGHT / 2;
        const children: SceneElement[] = [{ type: 'polygon', points: [[point.x, cy - 6], [point.x + 5, cy], [point.x, cy + 6], [point.x - 5, cy]], className: `${point.className}-mark` }];
        if (label) children.push(text(onLeft ? point.x - 8 - labelWidth : point.x + 8, cy + 4, label, 'vp-marker-label', 'start', BAR_FONT));
        rowEnds[row] = Math.max(rowEnds[row], label ? end : point.x + 5);
        elements.push({ type: 'g', className: `vp-item ${point.className}`, title: point.title, itemId: point.itemId, range: point.range, children });
    }
    return { elements, rows: Math.max(1, rowEnds.length) };
}

function text(x: number, y: number, value: string, className: string, anchor: TextAnchor, fontSize: number): SceneText {
    return { type: 'text', x: round(x), y: round(y), text: value, className, anchor, fontSize, width: textWidth(value, fontSize) };
}
