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

/**
 * A self-contained HTML page (`vplan render`, `vplan review --format html`): its styles inline, and
 * a Content-Security-Policy that allows no script and no fetch of any kind, even if something
 * slipped through the escaping.
 */
export function standalonePage(page: { lang: string; title: string; styles: string; bodyClass: string; body: readonly string[] }): string {
    return [
        '<!DOCTYPE html>',
        `<html lang="${page.lang}">`,
        '<head>',
        '<meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        `<title>${escapeMarkup(page.title)}</title>`,
        `<style>${page.styles.replace(/</g, '\\3C ')}</style>`,
        '</head>',
        `<body class="${page.bodyClass}">`,
        ...page.body,
        '</body>',
        '</html>',
        ''
    ].join('\n');
}

export function renderHtml(model: TimelineModel, options: RenderOptions = {}): string {
    const labels = timelineWords(options.locale);
    const scene = layoutTimeline(model, options);
    return standalonePage({
        lang: labels.locale,
        title: labels.title(model.plan),
        styles: htmlStyleSheet(),
        bodyClass: 'vp-page',
        body: [
            '<figure class="vp-figure">',
            sceneToSvg(scene, { standalone: false, id: 'vp-timeline' }),
            '</figure>',
            tableToHtml(buildTimelineTable(model, options.locale))
        ]
    });
}
