/**
 * `vplan review --format html`: one self-contained page (no script, no external resource, the
 * strict Content-Security-Policy of `vplan render`'s page, printable) with the review and, for
 * every changed plan, its timeline before and after the change drawn by the one timeline renderer
 * (language/timeline/), the items the change touches outlined. The outline is a style rule on the
 * renderer's own `data-item` groups (for a phase band, which has none: its place among the bands),
 * so the drawing itself is exactly `vplan render`'s. `timelineMarks` maps the items a change
 * touches, as the diff names them, to those ids: every kind the timeline draws.
 * Every text from a plan or a message goes through `escapeMarkup`.
 */

import type { VplanFile } from '../language/generated/ast.js';
import { isPlan } from '../language/generated/ast.js';
import { text, type Locale } from '../language/i18n/locale.js';
import { severityWord } from '../language/i18n/phrases.js';
import { diffTexts } from '../language/diff/diff-texts.js';
import { fileItems, type ItemKind } from '../language/diff/diff-items.js';
import { escapeMarkup } from '../language/timeline/escape.js';
import { layoutTimeline, type TimelineScene } from '../language/timeline/timeline-layout.js';
import { sceneToSvg } from '../language/timeline/render-svg.js';
import { standalonePage } from '../language/timeline/render-html.js';
import { htmlStyleSheet } from '../language/timeline/timeline-styles.js';
import type { TimelineModel, TimelineRange } from '../language/timeline/timeline-model.js';
import type { PlanTimelines, Review, ReviewDiagnostic, ReviewFile } from './review.js';
import { catalogueLine, changeLines, countLine, fileRemark, fileTitle, revisionsLine, withSafePaths } from './review-format.js';
import { reviewTexts } from './review-texts.js';

const REVIEW_STYLES = `
.vp-review h1 { font-size: 1.4em; margin: 0 0 .4em; }
.vp-review h2 { font-size: 1.15em; margin: 1.6em 0 .4em; border-bottom: 1px solid #ccc; padding-bottom: .2em; }
.vp-review h3 { font-size: 1em; margin: 1em 0 .3em; }
.vp-review-changes { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; white-space: pre-wrap; background: #f6f8fa; padding: .6em .8em; border-radius: 4px; }
.vp-review-added { color: #116329; }
.vp-review-removed { color: #82071e; }
.vp-review-changed { color: #7d4e00; }
.vp-review-diagnostics { margin: .2em 0 .6em; padding-left: 1.4em; }
.vp-review-diagnostics li { margin: .1em 0; }
.vp-review-error { color: #82071e; }
.vp-review-warning { color: #7d4e00; }
.vp-review figure { margin: .4em 0 1em; }
.vp-review figcaption { font-weight: bold; margin-bottom: .2em; }
.vp-review-legend { font-size: .9em; color: #555; }
.vp-review-missing { color: #555; font-style: italic; }
@media print { .vp-review figure { break-inside: avoid; } }
`;

/** An item a change touches, as the diff names it: its kind and its key (a name, or what an unnamed item is written with). */
export interface ChangedItem {
    kind: ItemKind;
    key: string;
}

/** Kinds whose timeline id is `kind:NAME` (a member: its lane). */
const NAMED_KINDS: ReadonlySet<ItemKind> = new Set<ItemKind>(['member', 'measure', 'intervention', 'agreement']);
/** Kinds without a name, whose timeline id counts them in source order (as the diff's keys and the timeline model do). */
const COUNTED_KINDS: ReadonlySet<ItemKind> = new Set<ItemKind>(['phase', 'regie', 'aftercare', 'meeting', 'incident', 'evaluation']);

const sameRange = (a: TimelineRange | undefined, b: TimelineRange | undefined): boolean =>
    a !== undefined && b !== undefined && a.start.line === b.start.line && a.start.character === b.start.character
    && a.end.line === b.end.line && a.end.character === b.end.character;

/**
 * The timeline ids (`intervention:a2`, `meeting:0`, `aftercare`, `aftercare:1`, `regie:2`) of the
 * items of plan `planName` in `root` that `changed` names, for `model`, that plan's timeline. The
 * diff keys an item without a name by what it is written with (`#2` for a repeat); its place among
 * the items of its kind in source order is the index of its timeline id. A phase band carries no id
 * in the drawing: it is `phase:INDEX`, its index in `model.phases`. Items the timeline does not
 * draw (supporters, risks) give none.
 */
export function timelineMarks(root: VplanFile | undefined, planName: string, model: TimelineModel, changed: readonly ChangedItem[]): string[] {
    const ids = new Set<string>();
    let items: ReturnType<typeof fileItems>['plans'][number]['items'] | undefined;
    for (const { kind, key } of changed) {
        if (NAMED_KINDS.has(kind)) {
            ids.add(`${kind}:${key}`);
            continue;
        }
        if (!COUNTED_KINDS.has(kind) || !root) continue;
        items ??= fileItems(root).plans.find(p => p.plan.key === planName)?.items ?? [];
        const index = items.filter(item => item.kind === kind).findIndex(item => item.key === key);
        if (index < 0) continue;
        if (kind === 'aftercare') ids.add(index === 0 ? 'aftercare' : `aftercare:${index}`);
        else if (kind !== 'phase') ids.add(`${kind}:${index}`);
        else {
            const plan = root.declarations.filter(isPlan).find(p => p.name === planName);
            const range = plan?.items.filter(item => item.$type === 'Phase')[index]?.$cstNode?.range;
            const drawn = model.phases.findIndex(phase => sameRange(phase.range, range));
            if (drawn >= 0) ids.add(`phase:${drawn}`);
        }
    }
    return [...ids];
}

/** A CSS string for an attribute selector: anything but letters, digits, `_`, `-` and `:` as an escape. */
function cssString(value: string): string {
    return `"${[...value].map(ch => (/[A-Za-z0-9_:-]/.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16)} `)).join('')}"`;
}

/**
 * The outline of each marked item: its `data-item` groups; a phase (`phase:INDEX`), which has none,
 * by its place among the drawn phase bands (those on the axis), read from the scene.
 */
function markRules(svgId: string, itemIds: readonly string[], model: TimelineModel, scene: TimelineScene): string {
    const bands = scene.elements.filter(element => element.type === 'g' && element.className === 'vp-phase-band');
    return itemIds.map(id => {
        const phase = /^phase:(\d+)$/.exec(id);
        if (phase) {
            const range = model.phases[Number(phase[1])]?.range;
            const place = bands.findIndex(band => band.type === 'g' && sameRange(band.range, range));
            return place < 0 ? '' : `#${svgId} > g.vp-phase-band:nth-child(${place + 1} of .vp-phase-band) rect { stroke: #c2185b; stroke-width: 3px; }`;
        }
        const group = `#${svgId} g[data-item=${cssString(id)}]`;
        return `${group} rect, ${group} polygon, ${group} circle { stroke: #c2185b; stroke-width: 3px; }\n${group} text { font-weight: bold; }`;
    }).filter(Boolean).join('\n');
}

function lineClass(line: string): string {
    const sign = line.trimStart()[0];
    return sign === '+' ? 'vp-review-added' : sign === '-' ? 'vp-review-removed' : sign === '~' ? 'vp-review-changed' : '';
}

function diagnosticsList(sign: '+' | '-', list: readonly ReviewDiagnostic[], locale: Locale): string[] {
    const items = list.map(d => `<li class="vp-review-${d.severity}">${sign} ${escapeMarkup(text(reviewTexts.lineColumn, d, locale))} `
        + `<code>${escapeMarkup(d.code)}</code> ${escapeMarkup(severityWord(d.severity, locale))}: ${escapeMarkup(d.message)}</li>`);
    return ['<ul class="vp-review-diagnostics">', ...items, '</ul>'];
}

export function renderReviewHtml(unsafe: Review, timelines: readonly PlanTimelines[], locale: Locale): string {
    const review = withSafePaths(unsafe);
    const rules: string[] = [];
    const body: string[] = [];
    const title = text(reviewTexts.title, {}, locale);
    body.push(`<h1>${escapeMarkup(title)}</h1>`);
    body.push(`<p>${escapeMarkup(revisionsLine(review, locale))}</p>`);
    body.push(`<p><strong>${escapeMarkup(countLine(review, locale))}</strong></p>`);
    body.push(`<p>${escapeMarkup(review.workspaces.length > 0 ? text(reviewTexts.workspaces, { roots: review.workspaces }, locale) : text(reviewTexts.noWorkspaces, {}, locale))}</p>`);
    if (review.files.length === 0) body.push(`<p>${escapeMarkup(text(reviewTexts.nothing, {}, locale))}</p>`);
    const baseName = review.base.revision;
    const headName = review.head.revision ?? text(reviewTexts.workingTree, {}, locale);
    let figure = 0;
    const drawing = (model: TimelineModel | undefined, marked: readonly string[], caption: string) => {
        if (!model) return [`<figure><figcaption>${escapeMarkup(caption)}</figcaption><p class="vp-review-missing">${escapeMarkup(text(reviewTexts.notInRevision, {}, locale))}</p></figure>`];
        const id = `vp-review-timeline-${++figure}`;
        const scene = layoutTimeline(model, { locale });
        rules.push(markRules(id, marked, model, scene));
        return ['<figure class="vp-figure">', `<figcaption>${escapeMarkup(caption)}</figcaption>`, sceneToSvg(scene, { standalone: false, id }), '</figure>'];
    };
    for (const file of review.files) {
        body.push('<section class="vp-review-file">', `<h2>${escapeMarkup(fileTitle(file, locale))}</h2>`);
        body.push(...fileBody(file, locale));
        for (const timeline of timelines.filter(t => t.file === file.path)) {
            body.push(`<h3>${escapeMarkup(text(reviewTexts.planTimelines, { plan: timeline.plan }, locale))}</h3>`);
            if (timeline.marked.before.length + timeline.marked.after.length > 0) {
                body.push(`<p class="vp-review-legend">${escapeMarkup(text(reviewTexts.markedLegend, {}, locale))}</p>`);
            }
            body.push(...drawing(timeline.before, timeline.marked.before, text(reviewTexts.before, { revision: baseName }, locale)));
            body.push(...drawing(timeline.after, timeline.marked.after, text(reviewTexts.after, { revision: headName }, locale)));
        }
        body.push('</section>');
    }
    if (review.catalogue.length > 0) {
        body.push('<section>', `<h2>${escapeMarkup(text(reviewTexts.catalogue, {}, locale))}</h2>`, '<ul>');
        for (const change of review.catalogue) body.push(`<li>${escapeMarkup(catalogueLine(change, locale))}</li>`);
        body.push('</ul>', '</section>');
    }
    if (review.notes.length > 0) {
        body.push('<section>', `<h2>${escapeMarkup(text(reviewTexts.notes, {}, locale))}</h2>`, '<ul>');
        for (const note of review.notes) body.push(`<li>${escapeMarkup(text(reviewTexts.note, note, locale))}</li>`);
        body.push('</ul>', '</section>');
    }
    return standalonePage({
        lang: locale,
        title: `${title}: ${revisionsLine(review, locale)}`,
        styles: `${htmlStyleSheet()}${REVIEW_STYLES}${rules.join('\n')}`,
        bodyClass: 'vp-page vp-review',
        body
    });
}

function fileBody(file: ReviewFile, locale: Locale): string[] {
    const out: string[] = [];
    const changes = changeLines(file, locale);
    if (changes.length > 0) {
        out.push(`<pre class="vp-review-changes">${changes.map(line => {
            const cls = lineClass(line);
            return cls ? `<span class="${cls}">${escapeMarkup(line)}</span>` : escapeMarkup(line);
        }).join('\n')}</pre>`);
    }
    const remark = fileRemark(file, locale);
    if (remark) out.push(`<p>${escapeMarkup(remark)}</p>`);
    if (file.diagnostics.introduced.length > 0) {
        out.push(`<h3>${escapeMarkup(text(diffTexts.introduced, {}, locale))}</h3>`, ...diagnosticsList('+', file.diagnostics.introduced, locale));
    }
    if (file.diagnostics.resolved.length > 0) {
        out.push(`<h3>${escapeMarkup(text(diffTexts.resolved, {}, locale))}</h3>`, ...diagnosticsList('-', file.diagnostics.resolved, locale));
    }
    return out;
}
