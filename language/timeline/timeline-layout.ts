/**
 * Lays a timeline model out as a scene: plain, JSON-serialisable drawing primitives with CSS
 * classes for colour. One layout feeds both backends (the SVG string of the CLI and the DOM of
 * the editor's preview), so the two always draw the same picture.
 *
 * Readable at half a screen: a bar's label names the item first and ends in its category (the
 * mode, or "agreement": colour AND a word, never colour alone); a label that does not fit its bar
 * goes beside it, and bars are packed into rows by what they cover on screen, label included, so
 * no two labels and no label and bar overlap. Point labels are packed into rows too, and tick
 * labels thin out when months get narrow. The size of the scene follows the plan text: the axis
 * has at most a fixed number of ticks, everything else is one element per declaration.
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
    /** Total width in px (default 1200; at least 600). */
    width?: number;
}

const MIN_WIDTH = 600;
const MAX_WIDTH = 8000;
const RIGHT_MARGIN = 20;
const ROW_HEIGHT = 22;
const BAR_HEIGHT = 16;
const LANE_PADDING = 5;
const BAR_FONT = 11;
const LABEL_FONT = 12;
const TITLE_FONT = 15;
/** Room between a bar and a label beside it, and between two things in one row. */
const GAP = 4;
/** A label goes inside its bar only if at least this many characters of the title fit there. */
const MIN_TITLE_CHARS = 8;
/** A deliberately generous per-character width: truncation must hold for wide fonts too. */
const CHAR_WIDTH_FACTOR = 0.62;

export function textWidth(text: string, fontSize: number): number {
    return round([...(text ?? '')].length * fontSize * CHAR_WIDTH_FACTOR);
}

/** Cuts text to fit `maxWidth` at `fontSize`, ending in `…`; '' when not even one character fits. */
export function truncateText(text: string, maxWidth: number, fontSize: number): string {
    const chars = [...(text ?? '')];
    const fits = Math.floor(maxWidth / (fontSize * CHAR_WIDTH_FACTOR));
    if (chars.length <= fits) return chars.join('');
    if (fits < 2) return '';
    return chars.slice(0, fits - 1).join('').trimEnd() + '…';
}

/**
 * `title · tag` cut to `maxWidth`, cutting the title and keeping the tag (the category word must
 * stay readable); the tag alone when no two characters of the title fit; '' when not even that.
 */
export function labelWithTag(title: string, tag: string, maxWidth: number, fontSize: number): string {
    const suffix = tag ? ` · ${tag}` : '';
    const full = `${title}${suffix}`;
    if (textWidth(full, fontSize) <= maxWidth) return full;
    const cut = truncateText(title, maxWidth - textWidth(suffix, fontSize), fontSize);
    if (cut) return `${cut}${suffix}`;
    return tag ? truncateText(tag, maxWidth, fontSize) : truncateText(title, maxWidth, fontSize);
}

function round(value: number): number {
    return Math.round(value * 10) / 10;
}

export function modeClass(mode: TimelineMode): string {
    return `vp-mode-${mode}`;
}

/** How an item is drawn: by its mode, except agreements, which are a category of their own. */
export function categoryClass(item: Pick<TimelineItem, 'kind' | 'mode'>): string {
    return item.kind === 'agreement' ? 'vp-agreement-bar' : modeClass(item.mode);
}

/** The word that says what the colour says: the mode, or "agreement". */
export function categoryWord(labels: TimelineWords, item: Pick<TimelineItem, 'kind' | 'mode'>): string {
    return item.kind === 'agreement' ? labels.kinds.agreement : labels.modes[item.mode];
}

/** `from 2026-01-12 to 2026-02-09`, the end exclusive as in the language (`from … to …`). */
export function spanText(labels: TimelineWords, span: Partial<TimelineSpan>): string {
    if (!span.start) return labels.noDates;
    return labels.span(span.start, span.end);
}

export function itemTooltip(labels: TimelineWords, item: TimelineItem): string {
    // An agreement's category is its kind: say it once.
    const what = item.kind === 'agreement' ? labels.kinds.agreement : `${labels.kinds[item.kind]}, ${categoryWord(labels, item)}`;
    const lines = [`${item.title} (${item.name}): ${what}`, spanText(labels, item)];
    if (item.terms.length > 1) {
        lines.push(...item.terms.map(term => `${term.kind === 'extend' ? labels.extension : labels.kinds[item.kind]}: ${spanText(labels, term)}`));
    }
    if (item.terms.some(t => t.defaultEnd)) lines.push(item.wholePlan ? labels.wholePlan : labels.defaultEnd);
    if (item.ended) lines.push(labels.endedText(item.ended, item.planned?.end));
    if (item.requires) lines.push(labels.requires(item.requires));
    if (item.by) lines.push(labels.by(item.by));
    lines.push(...item.diagnostics.map(labels.diagnostic));
    return lines.join('\n');
}

/** A bar as placed before it gets its row: where it is, where its label goes, what it takes on screen. */
interface BarPlan {
    x1: number;
    x2: number;
    /** The end of a faintly drawn planned rest (an intervention stopped early). */
    restX2?: number;
    clippedStart: boolean;
    clippedEnd: boolean;
    label: string;
    labelX: number;
    labelInside: boolean;
    /** The reason an intervention stopped, inside its planned rest. */
    restLabel?: string;
    /** What the bar and its labels cover, for packing into rows. */
    left: number;
    right: number;
}

/** A bar's preferred placement, and one that takes less room for a crowded row. */
interface BarOptions {
    preferred: BarPlan;
    fallback?: BarPlan;
}

interface BarInput {
    start?: string;
    end?: string;
    title: string;
    /** The category word after the title (empty: none). */
    tag: string;
    /** The planned end of an intervention stopped early. */
    restEnd?: string;
    /** Why it stopped, shown in the rest or after the label. */
    reason?: string;
}

export function layoutTimeline(model: TimelineModel, options: LayoutOptions = {}): TimelineScene {
    const labels = timelineWords(options.locale);
    const width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.round(options.width ?? 1200)));
    // Narrow views (half a screen) give the lane names less room and the bars more.
    const gutter = Math.round(Math.min(190, Math.max(120, width * 0.16)));
    const chartLeft = gutter;
    const chartRight = width - RIGHT_MARGIN;
    const chartWidth = chartRight - chartLeft;
    const outerRight = width - 2;
    const elements: SceneElement[] = [];
    const title = labels.title(model.plan);

    elements.push(text(12, 22, truncateText(title, width - 24, TITLE_FONT), 'vp-title', 'start', TITLE_FONT));

    const axis = model.axis;
    if (!axis) {
        elements.push(text(12, 50, labels.noAxis, 'vp-note', 'start', LABEL_FONT));
        return { width, height: 70, title, elements };
    }
    const axisStart = parseDate(axis.start)!;
    const axisEnd = parseDate(axis.end)!;
    const axisDays = Math.max(1, axis.days);
    const xOfDay = (day: Day) => round(chartLeft + ((Math.min(Math.max(day, axisStart), axisEnd) - axisStart) / axisDays) * chartWidth);
    const xOf = (iso: string | undefined): number => xOfDay(parseDate(iso) ?? axisStart);
    const onAxis = (iso: string | undefined) => iso !== undefined && iso >= axis.start && iso <= axis.end;

    // Axis ticks and labels (thinned so labels never touch).
    const axisY = 56;
    const ticksGroup: SceneElement[] = [];
    const tickMonths = axis.tickMonths ?? 1;
    const monthWidth = chartWidth / Math.max(1, axisDays / 30.44);
    const yearsOnly = tickMonths >= 12;
    const sampleLabel = yearsOnly ? '2026' : `${labels.months[8]} 2026`;
    const step = Math.max(1, Math.ceil((textWidth(sampleLabel, BAR_FONT) + 8) / monthWidth));
    const labelStep = [1, 2, 3, 4, 6, 12, 24, 60, 120, 240, 600, 1200, 2400, 6000, 12000].find(s => s >= step && s % tickMonths === 0) ?? 12000;
    const tickLabels: SceneText[] = [];
    for (const tick of axis.ticks) {
        const x = xOf(tick.date);
        ticksGroup.push({ type: 'line', x1: x, y1: axisY - 4, x2: x, y2: axisY + 4, className: 'vp-tick' });
        const index = tick.year * 12 + tick.month - 1;
        if (index % labelStep === 0) {
            const label = yearsOnly ? String(tick.year)
                : tick.month === 1 || labelStep >= 12 || tickLabels.length === 0 ? `${labels.months[tick.month - 1]} ${tick.year}` : labels.months[tick.month - 1];
            const candidate = text(x + 2, axisY - 8, label, 'vp-tick-label', 'start', BAR_FONT);
            const last = tickLabels[tickLabels.length - 1];
            if (candidate.x + candidate.width <= outerRight && (!last || last.x + last.width + 4 <= candidate.x)) tickLabels.push(candidate);
        }
    }
    elements.push({ type: 'g', className: 'vp-axis', children: [{ type: 'line', x1: chartLeft, y1: axisY, x2: chartRight, y2: axisY, className: 'vp-axis-line' }, ...ticksGroup, ...tickLabels] });

    // Lanes
    let y = axisY + 12;
    const chartTop = y;
    const laneElements: SceneElement[] = [];
    const itemsById = new Map(model.items.map(item => [item.id, item]));

    const laneLabel = (name: string, detail: string | undefined, laneY: number, laneTitle: string, range?: TimelineRange, itemId?: string, hasError = false): SceneGroup => {
        const children: SceneElement[] = [text(8, laneY + 15, truncateText(name, gutter - 16, LABEL_FONT), 'vp-lane-label', 'start', LABEL_FONT)];
        if (detail) children.push(text(8, laneY + 15 + 13, truncateText(detail, gutter - 16, BAR_FONT - 1), 'vp-lane-detail', 'start', BAR_FONT - 1));
        return { type: 'g', className: hasError ? 'vp-lane-head vp-lane-error' : 'vp-lane-head', title: laneTitle, itemId, range, children };
    };

    const laneBackground = (laneY: number, height: number, index: number): SceneRect =>
        ({ type: 'rect', x: 0, y: laneY, width, height, className: index % 2 === 0 ? 'vp-lane-bg' : 'vp-lane-bg vp-lane-bg-alt' });

    /**
     * Where a bar and its label may go: inside the bar when the whole label fits there; else beside
     * the bar (right, or left when there is more room there) and, as a fallback for a crowded row,
     * inside cut short when at least `MIN_TITLE_CHARS` of the title still read there.
     */
    const planBar = (input: BarInput): BarOptions | undefined => {
        if (!input.start || !input.end || input.end <= axis.start || input.start >= axis.end) return undefined;
        const x1 = xOf(input.start);
        const x2 = Math.max(x1 + 2, xOf(input.end));
        const restX2 = input.restEnd && input.restEnd > input.end && input.end < axis.end ? Math.max(x2, xOf(input.restEnd)) : undefined;
        const clippedStart = input.start < axis.start;
        const clippedEnd = (input.restEnd ?? input.end) > axis.end;
        const room = x2 - x1 - 6;
        // The reason an intervention stopped: in its planned rest if it fits there, else after the label.
        const restRoom = restX2 !== undefined ? restX2 - x2 - 6 : 0;
        const restLabel = input.reason && restX2 !== undefined && textWidth(input.reason, BAR_FONT - 1) <= restRoom ? input.reason : undefined;
        const tag = input.reason && !restLabel ? [input.tag, input.reason].filter(Boolean).join(' · ') : input.tag;
        const full = labelWithTag(input.title, tag, Infinity, BAR_FONT);
        const fullWidth = textWidth(full, BAR_FONT);
        const barEnd = restX2 ?? x2;
        const base = { x1, x2, restX2, clippedStart, clippedEnd, restLabel };
        const inside = (label: string): BarPlan => ({ ...base, label, labelX: x1 + 3, labelInside: true, left: x1, right: barEnd });
        if (fullWidth <= room) return { preferred: inside(full) };
        const titleChars = [...input.title];
        const shortest = labelWithTag(titleChars.slice(0, MIN_TITLE_CHARS).join('') + (titleChars.length > MIN_TITLE_CHARS ? '…' : ''), tag, Infinity, BAR_FONT);
        const cutInside = textWidth(shortest, BAR_FONT) <= room ? inside(labelWithTag(input.title, tag, room, BAR_FONT)) : undefined;
        const roomRight = outerRight - (barEnd + GAP);
        const roomLeft = x1 - GAP - chartLeft;
        const onLeft = fullWidth > roomRight && roomLeft > roomRight;
        const label = labelWithTag(input.title, tag, onLeft ? roomLeft : roomRight, BAR_FONT);
        const labelWidth = textWidth(label, BAR_FONT);
        const beside: BarPlan | undefined = !label ? undefined : onLeft
            ? { ...base, label, labelX: x1 - GAP - labelWidth, labelInside: false, left: x1 - GAP - labelWidth, right: barEnd }
            : { ...base, label, labelX: barEnd + GAP, labelInside: false, left: x1, right: barEnd + GAP + labelWidth };
        // The whole label beside the bar reads best; a cut one inside the bar takes less room.
        if (beside && label === full) return { preferred: beside, fallback: cutInside };
        if (cutInside) return { preferred: cutInside, fallback: beside };
        return { preferred: beside ?? inside('') };
    };

    /** The drawing of a planned bar in its row. */
    const drawBar = (plan: BarPlan, rowY: number, barClass: string, restClass?: string): SceneElement[] => {
        const result: SceneElement[] = [];
        if (plan.restX2 !== undefined && plan.restX2 > plan.x2) {
            result.push({ type: 'rect', x: plan.x2, y: rowY, width: round(plan.restX2 - plan.x2), height: BAR_HEIGHT, className: restClass ?? 'vp-bar vp-planned-rest' });
        }
        // The label right after its bar: the style sheet colours a label inside a bar by the bar's class.
        result.push({ type: 'rect', x: plan.x1, y: rowY, width: round(plan.x2 - plan.x1), height: BAR_HEIGHT, className: barClass });
        if (plan.label) result.push(text(plan.labelX, rowY + 12, plan.label, plan.labelInside ? 'vp-bar-label' : 'vp-bar-label vp-bar-label-outside', 'start', BAR_FONT));
        if (plan.restX2 !== undefined) {
            result.push({ type: 'line', x1: plan.x2, y1: rowY - 2, x2: plan.x2, y2: rowY + BAR_HEIGHT + 2, className: 'vp-ended-mark' });
            if (plan.restLabel) result.push(text(plan.x2 + 3, rowY + 12, plan.restLabel, 'vp-rest-label', 'start', BAR_FONT - 1));
        }
        // An arrow where the bar runs on beyond the axis.
        const middle = rowY + BAR_HEIGHT / 2;
        if (plan.clippedStart) result.push({ type: 'polygon', points: [[plan.x1 + 1, middle], [plan.x1 + 6, middle - 5], [plan.x1 + 6, middle + 5]], className: 'vp-clip-mark' });
        if (plan.clippedEnd) {
            const end = plan.restX2 ?? plan.x2;
            result.push({ type: 'polygon', points: [[end - 1, middle], [end - 6, middle - 5], [end - 6, middle + 5]], className: 'vp-clip-mark' });
        }
        return result;
    };

    /**
     * Greedy interval packing on screen, in order of the left edges: each bar takes the first row
     * where its preferred placement fits (a gap after the row's last right edge), else the first
     * where its fallback fits, else a new row in its preferred placement.
     */
    const packRows = <T extends { options: BarOptions }>(entries: T[]): { placed: Array<T & { plan: BarPlan; row: number }>; rows: number } => {
        const rowEnds: number[] = [];
        const sorted = [...entries].sort((a, b) => a.options.preferred.left - b.options.preferred.left || a.options.preferred.right - b.options.preferred.right);
        const placed = sorted.map(entry => {
            const { preferred, fallback } = entry.options;
            let plan = preferred;
            let row = -1;
            for (let r = 0; r < rowEnds.length && row < 0; r++) {
                if (rowEnds[r] + GAP <= preferred.left) row = r;
                else if (fallback && rowEnds[r] + GAP <= fallback.left) { row = r; plan = fallback; }
            }
            if (row < 0) { row = rowEnds.length; rowEnds.push(0); }
            rowEnds[row] = plan.right;
            return { ...entry, plan, row };
        });
        return { placed, rows: Math.max(1, rowEnds.length) };
    };

    const rowTop = (laneY: number, row: number) => laneY + LANE_PADDING + row * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2;
    let laneIndex = 0;

    // Incidents (v2): a lane of labelled markers on top, and a line across every lane (drawn below).
    const datedIncidents = model.incidents.filter(incident => onAxis(incident.date));
    if (datedIncidents.length > 0) {
        const laneY = y;
        const placed = pointMarkers(datedIncidents.map(incident => ({
            x: xOf(incident.date), label: incident.title || labels.kinds.incident, className: 'vp-marker vp-incident', shape: 'triangle' as const, itemId: incident.id, range: incident.range,
            title: [`${labels.kinds.incident}: ${incident.title}`, incident.date, ...incident.diagnostics.map(labels.diagnostic)].filter(Boolean).join('\n')
        })), laneY + LANE_PADDING, 4, outerRight, chartLeft, 320);
        const height = Math.max(LANE_PADDING * 2 + placed.rows * ROW_HEIGHT, 32);
        laneElements.push(laneBackground(laneY, height, laneIndex++), laneLabel(labels.incidents, undefined, laneY, labels.incidents), ...placed.elements);
        y += height;
    }

    // Regie lane: periods packed into rows; gaps and overlaps in the error colour; handovers marked.
    {
        const laneY = y;
        const periods = model.regie.periods
            .map(period => ({ period, options: planBar({ start: period.start, end: period.end, title: period.organisation, tag: '' }) }))
            .filter((e): e is typeof e & { options: BarOptions } => e.options !== undefined);
        const problems = model.regie.problems
            .map(problem => {
                const label = problem.kind === 'gap' ? labels.kinds.gap : `${labels.kinds.overlap}: ${problem.holders.join(', ')}`;
                return { problem, label, options: planBar({ start: problem.start, end: problem.end, title: label, tag: '' }) };
            })
            .filter((e): e is typeof e & { options: BarOptions } => e.options !== undefined);
        const packedPeriods = packRows(periods);
        const packedProblems = packRows(problems);
        const problemRows = problems.length > 0 ? packedProblems.rows : 0;
        const height = LANE_PADDING * 2 + (packedPeriods.rows + problemRows) * ROW_HEIGHT;
        laneElements.push(laneBackground(laneY, height, laneIndex++));
        laneElements.push(laneLabel(labels.regie, undefined, laneY, labels.regie));
        for (const handover of model.regie.handovers) {
            if (!onAxis(handover.date)) continue;
            const x = xOf(handover.date);
            laneElements.push({
                type: 'g', className: 'vp-handover', title: `${labels.handover(handover.from, handover.to)}\n${handover.date}`,
                children: [
                    { type: 'line', x1: x, y1: laneY + 2, x2: x, y2: laneY + height - 2, className: 'vp-handover-line' },
                    { type: 'polygon', points: [[x - 4, laneY + 2], [x + 4, laneY + 2], [x, laneY + 8]], className: 'vp-handover-mark' }
                ]
            });
        }
        for (const { period, plan, row } of packedPeriods.placed) {
            const who = period.organisationTitle ? `${period.organisationTitle} (${period.organisation})` : period.organisation;
            const tooltip = [`${labels.regie}: ${who}`, spanText(labels, period), period.note, ...period.diagnostics.map(labels.diagnostic)].filter(Boolean).join('\n');
            laneElements.push({
                type: 'g', className: 'vp-item vp-regie', title: tooltip, itemId: period.id, range: period.range,
                children: drawBar(plan, rowTop(laneY, row), 'vp-bar vp-regie-bar')
            });
        }
        for (const { problem, label, plan, row } of packedProblems.placed) {
            laneElements.push({
                type: 'g', className: `vp-problem vp-problem-${problem.kind}`, title: `${label}\n${spanText(labels, problem)}`,
                children: drawBar(plan, rowTop(laneY, packedPeriods.rows + row), 'vp-bar vp-error-bar')
            });
        }
        y += height;
    }

    // One lane per household member.
    for (const member of model.members) {
        const laneY = y;
        const memberName = member.name || labels.unnamedMember;
        const entries = member.items
            .map(entry => ({ entry, item: itemsById.get(entry.itemId) }))
            .filter((e): e is { entry: typeof e.entry; item: TimelineItem } => e.item !== undefined)
            .map(e => ({
                ...e,
                options: planBar({
                    start: e.item.start, end: e.item.end, title: e.item.title, tag: categoryWord(labels, e.item), restEnd: e.item.planned?.end,
                    reason: e.item.ended ? labels.endedTag(e.item.ended) : undefined
                })
            }))
            .filter((e): e is typeof e & { options: BarOptions } => e.options !== undefined);
        const packed = packRows(entries);
        // A strip under the bars for the "not covered" labels, so they never meet a bar's label.
        const uncoveredStrip = member.uncovered.length > 0 ? 12 : 0;
        const height = Math.max(LANE_PADDING * 2 + packed.rows * ROW_HEIGHT + uncoveredStrip, 38);
        laneElements.push(laneBackground(laneY, height, laneIndex++));
        const detailParts = [member.kind && labels.memberKind(member.kind), member.roles.map(labels.role).join(', '), member.outside ? labels.outside : undefined].filter(Boolean);
        const detail = member.noAction !== undefined ? `${labels.noAction}: ${member.noAction}` : detailParts.join(' · ');
        laneElements.push(laneLabel(memberName, detail, laneY, [memberName, ...detailParts, member.noAction !== undefined ? `${labels.noAction}: ${member.noAction}` : undefined,
            ...member.diagnostics.map(labels.diagnostic)].filter(Boolean).join('\n'), member.range, member.id,
            member.diagnostics.some(d => d.severity === 'error')));
        for (const gap of member.uncovered) {
            if (gap.end <= axis.start || gap.start >= axis.end) continue;
            const x1 = xOf(gap.start);
            const x2 = xOf(gap.end);
            const children: SceneElement[] = [{ type: 'rect', x: x1, y: laneY + 1, width: Math.max(2, round(x2 - x1)), height: height - 2, className: 'vp-uncovered' }];
            const shown = truncateText(labels.kinds.uncovered, x2 - x1 - 6, BAR_FONT - 1);
            if (shown) children.push(text(x1 + 3, laneY + height - 5, shown, 'vp-uncovered-label', 'start', BAR_FONT - 1));
            laneElements.push({ type: 'g', className: 'vp-uncovered-period', title: `${memberName}: ${labels.kinds.uncovered}\n${spanText(labels, gap)}`, children });
        }
        for (const { entry, item, plan, row } of packed.placed) {
            const rowY = rowTop(laneY, row);
            const relation = labels.relations[entry.relation];
            const hasError = item.diagnostics.some(d => d.severity === 'error') ? ' vp-has-error' : '';
            const category = categoryClass(item);
            const children = drawBar(plan, rowY, `vp-bar ${category} vp-kind-${item.kind} vp-rel-${entry.relation}${hasError}`, `vp-bar vp-planned-rest ${category}`);
            // Extension boundaries, so a reader sees each term.
            for (const term of item.terms) {
                if (term.kind === 'extend' && term.start > axis.start && term.start < axis.end) {
                    const tx = xOf(term.start);
                    children.push({ type: 'line', x1: tx, y1: rowY, x2: tx, y2: rowY + BAR_HEIGHT, className: 'vp-term-boundary' });
                }
            }
            laneElements.push({
                type: 'g', className: `vp-item vp-item-${item.kind}`, title: `${memberName} (${relation})\n${itemTooltip(labels, item)}`,
                itemId: item.id, range: item.range, children
            });
        }
        y += height;
    }

    // One aftercare lane with its checkpoints per aftercare block, in source order.
    for (const aftercare of model.aftercareBlocks) {
        const itemId = aftercare.id;
        const laneY = y;
        const checkpointY = laneY + LANE_PADDING + ROW_HEIGHT;
        const placed = pointMarkers(aftercare.checkpoints.filter(c => onAxis(c.date)).map(c => ({
            x: xOf(c.date), label: labels.duration(c.duration), title: `${labels.kinds.checkpoint} ${labels.duration(c.duration)}: ${c.date}`, className: 'vp-checkpoint', itemId, range: aftercare.range
        })), checkpointY, 2, outerRight, chartLeft);
        const height = LANE_PADDING * 2 + ROW_HEIGHT * (1 + placed.rows);
        laneElements.push(laneBackground(laneY, height, laneIndex++));
        laneElements.push(laneLabel(labels.aftercare, aftercare.owner, laneY, `${labels.aftercare}${aftercare.owner ? `: ${aftercare.owner}` : ''}`, aftercare.range, itemId));
        const tooltip = [`${labels.aftercare}${aftercare.owner ? ` (${aftercare.owner})` : ''}`, spanText(labels, aftercare),
            ...aftercare.checkpoints.map(c => `${labels.kinds.checkpoint} ${labels.duration(c.duration)}: ${c.date}`), ...aftercare.signals, aftercare.escalate,
            ...aftercare.diagnostics.map(labels.diagnostic)].filter(Boolean).join('\n');
        const plan = planBar({ start: aftercare.start, end: aftercare.end, title: labels.aftercare, tag: aftercare.owner ?? '' })?.preferred;
        if (plan) {
            laneElements.push({
                type: 'g', className: 'vp-item vp-aftercare', title: tooltip, itemId, range: aftercare.range,
                children: drawBar(plan, rowTop(laneY, 0), 'vp-bar vp-aftercare-bar')
            });
        }
        laneElements.push(...placed.elements);
        y += height;
    }

    // Meetings (with what they decided, in the tooltip) and evaluations as markers, labels packed into rows.
    if (model.markers.length > 0) {
        const laneY = y;
        const points = model.markers.filter(m => onAxis(m.date)).map(m => ({
            x: xOf(m.date), label: m.title || labels.kinds[m.kind], className: `vp-marker vp-marker-${m.kind}`, itemId: m.id, range: m.range,
            title: [`${labels.kinds[m.kind]}: ${m.title}`, m.date, ...m.actions.map(a => `${labels.kinds.action}: ${a.text} (${labels.actionNote(a.owner, a.due)})`),
                ...m.diagnostics.map(labels.diagnostic)].filter(Boolean).join('\n')
        }));
        const placed = pointMarkers(points, laneY + LANE_PADDING, 6, outerRight, chartLeft);
        const height = Math.max(LANE_PADDING * 2 + placed.rows * ROW_HEIGHT, 38);
        laneElements.push(laneBackground(laneY, height, laneIndex), laneLabel(labels.markers, undefined, laneY, labels.markers), ...placed.elements);
        y += height;
    }

    const chartBottom = y;
    // Phases as bands behind everything.
    const phaseElements: SceneElement[] = model.phases.filter(phase => phase.end > axis.start && phase.start < axis.end).map(phase => {
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
    // Today and the incidents, behind the items so they never hide a label.
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
    for (const incident of datedIncidents) {
        const x = xOf(incident.date);
        elements.push({
            type: 'g', className: 'vp-incident-across', title: `${labels.kinds.incident}: ${incident.title}\n${incident.date}`,
            children: [{ type: 'line', x1: x, y1: chartTop, x2: x, y2: chartBottom, className: 'vp-incident-line' }]
        });
    }

    elements.push(...laneElements.filter(e => e.type !== 'rect'));
    y = chartBottom + 18;

    if (model.outsideAxis > 0) {
        elements.push(text(12, y + 12, truncateText(labels.outsideAxis(model.outsideAxis), width - 24, BAR_FONT), 'vp-note vp-outside-note', 'start', BAR_FONT));
        y += ROW_HEIGHT;
    }

    // Legend: colour AND words for every category, and for what is wrong.
    y += 8;
    const legend: SceneElement[] = [text(12, y + 12, labels.legend, 'vp-legend-title', 'start', LABEL_FONT)];
    let lx = 12 + textWidth(labels.legend, LABEL_FONT) + 16;
    const legendEntries: Array<[string, string]> = [
        ...(['dwang', 'drang', 'voluntary'] as TimelineMode[]).map(mode => [`vp-bar ${modeClass(mode)}`, labels.modes[mode]] as [string, string]),
        ['vp-bar vp-agreement-bar', labels.kinds.agreement],
        ...(model.items.some(item => item.planned) ? [['vp-bar vp-planned-rest vp-mode-voluntary', labels.plannedRest] as [string, string]] : []),
        ['vp-uncovered', labels.kinds.uncovered], ['vp-bar vp-error-bar', `${labels.kinds.gap} / ${labels.kinds.overlap}`],
        ['vp-bar vp-legend-error', labels.hasError],
        ...(datedIncidents.length > 0 ? [['vp-legend-incident', labels.kinds.incident] as [string, string]] : []),
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

interface PointMarker {
    x: number; label: string; title: string; className: string; itemId?: string; range?: TimelineRange;
    /** A diamond (meetings, checkpoints) or a triangle (incidents). */
    shape?: 'diamond' | 'triangle';
}

/** Markers with labels to their right (or left), packed into rows so no two labels overlap. */
function pointMarkers(points: PointMarker[], top: number, maxRows: number, right: number, leftLimit: number, maxLabel = 160): { elements: SceneElement[]; rows: number } {
    const elements: SceneElement[] = [];
    const rowEnds: number[] = [];
    const sorted = [...points].sort((a, b) => a.x - b.x);
    for (const point of sorted) {
        const full = textWidth(point.label, BAR_FONT);
        const roomRight = Math.min(right - point.x - 10, maxLabel);
        const roomLeft = Math.min(point.x - leftLimit - 10, maxLabel);
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
        const mark: Array<[number, number]> = point.shape === 'triangle'
            ? [[point.x, cy - 7], [point.x + 6, cy + 5], [point.x - 6, cy + 5]]
            : [[point.x, cy - 6], [point.x + 5, cy], [point.x, cy + 6], [point.x - 5, cy]];
        const children: SceneElement[] = [{ type: 'polygon', points: mark, className: `${point.className}-mark` }];
        if (label) children.push(text(onLeft ? point.x - 8 - labelWidth : point.x + 8, cy + 4, label, 'vp-marker-label', 'start', BAR_FONT));
        rowEnds[row] = Math.max(rowEnds[row], label ? end : point.x + 5);
        elements.push({ type: 'g', className: `vp-item ${point.className}`, title: point.title, itemId: point.itemId, range: point.range, children });
    }
    return { elements, rows: Math.max(1, rowEnds.length) };
}

function text(x: number, y: number, value: string, className: string, anchor: TextAnchor, fontSize: number): SceneText {
    const shown = value ?? '';
    return { type: 'text', x: round(x), y: round(y), text: shown, className, anchor, fontSize, width: textWidth(shown, fontSize) };
}
