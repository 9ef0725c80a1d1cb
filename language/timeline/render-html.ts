/**
 * The HTML backend: one self-contained page (no script, no external resource, printable on A4
 * landscape) with the drawing and the accessible table of the same data. All plan text goes
 * through `escapeMarkup`.
 */

import { escapeMarkup } from './escape.js';
import { layoutTimeline } from './timeline-layout.js';
import type { TimelineModel } from './timeline-model.js';
import { sceneToSvg, type RenderOptions } from './render-svg.js';
import { htmlStyleSheet } from './timeline-styles.js';
import { buildTimelineTable, type TimelineTable } from './timeline-table.js';
import { timelineWords } from './timeline-texts.js';

export function tableToHtml(table: TimelineTable): string {
    const head = table.columns.map(column => `<th scope="col">${escapeMarkup(column)}</th>`).join('');
    const body = table.rows.map(row => {
        const classes = [row.hasError ? 'vp-row-error' : ''].filter(Boolean).join(' ');
        const cells = row.cells.map((cell, index) => {
            const modeClass = index === 2 && row.mode ? ` class="vp-cell-mode-${escapeMarkup(row.mode)}"` : '';
            return index === 0 ? `<th scope="row">${escapeMarkup(cell)}</th>` : `<td${modeClass}>${escapeMarkup(cell)}</td>`;
        }).join('');
        return `    <tr${classes ? ` class="${classes}"` : ''}>${cells}</tr>`;
    }).join('\n');
    const legend = table.legend ? `\n<p class="vp-table-legend">${escapeMarkup(table.legend)}</p>` : '';
    return `<table class="vp-table">\n  <caption>${escapeMarkup(table.caption)}</caption>\n  <thead><tr>${head}</tr></thead>\n  <tbody>\n${body}\n  </tbody>\n</table>${legend}`;
}

export function renderHtml(model: TimelineModel, options: RenderOptions = {}): string {
    const labels = timelineWords(options.locale);
    const scene = layoutTimeline(model, options);
    const title = labels.title(model.plan);
    return [
        '<!DOCTYPE html>',
        `<html lang="${labels.locale}">`,
        '<head>',
        '<meta charset="utf-8">',
        // No script and no fetch of any kind, even if something slipped through.
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        `<title>${escapeMarkup(title)}</title>`,
        `<style>${htmlStyleSheet().replace(/</g, '\\3C ')}</style>`,
        '</head>',
        '<body class="vp-page">',
        '<figure class="vp-figure">',
        sceneToSvg(scene, { standalone: false, id: 'vp-timeline' }),
        '</figure>',
        tableToHtml(buildTimelineTable(model, options.locale)),
        '</body>',
        '</html>',
        ''
    ].join('\n');
}
