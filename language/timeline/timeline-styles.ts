/**
 * The timeline's colours and strokes, by CSS class. Every colour is a CSS variable with a
 * default, so the editor's preview can map them to the VS Code theme (media/timeline.css) while
 * the CLI's SVG and HTML use the defaults. Modes (and agreements, a category of their own) differ
 * by colour, border style AND a text label. A label too long for its bar is drawn beside it
 * (`vp-bar-label-outside`), on the lane: it takes the text colour (a regie gap or overlap: the
 * error colour), never the bar's label colour, whatever group the bar is in.
 */

/** Default colour values (light, printable). */
export const TIMELINE_COLOR_DEFAULTS = `
  --vplan-fg: #1f1f1f;
  --vplan-bg: #ffffff;
  --vplan-muted: #5f6368;
  --vplan-lane: #ffffff;
  --vplan-lane-alt: #f4f5f7;
  --vplan-grid: #9aa0a6;
  --vplan-dwang: #b3261e;
  --vplan-dwang-text: #ffffff;
  --vplan-drang: #e8a317;
  --vplan-drang-text: #1f1f1f;
  --vplan-voluntary: #2e7d32;
  --vplan-voluntary-text: #ffffff;
  --vplan-unknown: #757575;
  --vplan-unknown-text: #ffffff;
  --vplan-agreement: #d3ecef;
  --vplan-agreement-border: #00656e;
  --vplan-agreement-text: #1f1f1f;
  --vplan-incident: #37474f;
  --vplan-regie: #1a5fb4;
  --vplan-regie-text: #ffffff;
  --vplan-aftercare: #6a3d9a;
  --vplan-aftercare-text: #ffffff;
  --vplan-error: #d00000;
  --vplan-error-text: #ffffff;
  --vplan-uncovered: rgba(208, 0, 0, 0.08);
  --vplan-phase-safety: rgba(179, 38, 30, 0.07);
  --vplan-phase-stability: rgba(232, 163, 23, 0.09);
  --vplan-phase-recovery: rgba(46, 125, 50, 0.08);
  --vplan-today: #0b57d0;
  --vplan-marker: #1f1f1f;
  --vplan-font: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", Arial, sans-serif;
`;

/** Rules for the drawing, shared by SVG, HTML and the preview. */
export const TIMELINE_SVG_RULES = `
.vp-svg { font-family: var(--vplan-font); background: var(--vplan-bg); }
.vp-svg text { fill: var(--vplan-fg); white-space: pre; }
.vp-title { font-weight: 600; font-size: 15px; }
.vp-note, .vp-lane-label { font-size: 12px; }
.vp-lane-label { font-weight: 600; }
.vp-lane-error .vp-lane-label { fill: var(--vplan-error); }
.vp-lane-detail { font-size: 10px; fill: var(--vplan-muted) !important; }
.vp-tick-label, .vp-bar-label, .vp-marker-label, .vp-legend-label { font-size: 11px; }
.vp-phase-label, .vp-today-label, .vp-uncovered-label { font-size: 10px; }
.vp-legend-title { font-size: 12px; font-weight: 600; }
.vp-axis-line, .vp-tick { stroke: var(--vplan-grid); stroke-width: 1; }
.vp-lane-bg { fill: var(--vplan-lane); }
.vp-lane-bg-alt { fill: var(--vplan-lane-alt); }
.vp-phase-safety { fill: var(--vplan-phase-safety); }
.vp-phase-stability { fill: var(--vplan-phase-stability); }
.vp-phase-recovery { fill: var(--vplan-phase-recovery); }
.vp-phase-label { fill: var(--vplan-muted) !important; }
.vp-bar { stroke-width: 1.5; }
.vp-mode-dwang { fill: var(--vplan-dwang); stroke: var(--vplan-fg); }
.vp-mode-drang { fill: var(--vplan-drang); stroke: var(--vplan-fg); stroke-dasharray: 5 2; }
.vp-mode-voluntary { fill: var(--vplan-voluntary); stroke: var(--vplan-fg); stroke-dasharray: 1.5 2; }
.vp-mode-unknown { fill: var(--vplan-unknown); stroke: var(--vplan-fg); stroke-dasharray: 1 4; }
.vp-item .vp-mode-dwang + .vp-bar-label { fill: var(--vplan-dwang-text); }
.vp-item .vp-mode-drang + .vp-bar-label { fill: var(--vplan-drang-text); }
.vp-item .vp-mode-voluntary + .vp-bar-label { fill: var(--vplan-voluntary-text); }
.vp-item .vp-mode-unknown + .vp-bar-label { fill: var(--vplan-unknown-text); }
.vp-agreement-bar { fill: var(--vplan-agreement); stroke: var(--vplan-agreement-border); stroke-width: 2; }
.vp-item .vp-agreement-bar + .vp-bar-label { fill: var(--vplan-agreement-text); }
.vp-svg text.vp-bar-label.vp-bar-label-outside { fill: var(--vplan-fg); }
.vp-bar-label-outside, .vp-marker-label { paint-order: stroke; stroke: var(--vplan-bg); stroke-width: 3px; stroke-linejoin: round; }
.vp-planned-rest { fill-opacity: 0.22; stroke-opacity: 0.6; stroke-dasharray: 2 3; }
.vp-ended-mark { stroke: var(--vplan-fg); stroke-width: 2.5; }
.vp-rest-label { font-size: 10px; font-style: italic; }
.vp-clip-mark { fill: var(--vplan-bg); stroke: var(--vplan-fg); stroke-width: 1; }
.vp-has-error { stroke: var(--vplan-error); stroke-width: 2.5; }
.vp-legend-error { fill: var(--vplan-bg); stroke: var(--vplan-error); stroke-width: 2.5; }
.vp-term-boundary { stroke: var(--vplan-bg); stroke-width: 2; }
.vp-regie-bar { fill: var(--vplan-regie); stroke: var(--vplan-fg); }
.vp-regie .vp-bar-label { fill: var(--vplan-regie-text); }
.vp-error-bar { fill: var(--vplan-error); stroke: var(--vplan-error); }
.vp-problem .vp-bar-label { fill: var(--vplan-error-text); font-weight: 600; }
.vp-svg .vp-problem text.vp-bar-label.vp-bar-label-outside { fill: var(--vplan-error); }
.vp-handover-line { stroke: var(--vplan-fg); stroke-width: 1; stroke-dasharray: 2 2; }
.vp-handover-mark { fill: var(--vplan-fg); }
.vp-uncovered { fill: var(--vplan-uncovered); stroke: var(--vplan-error); stroke-width: 1; stroke-dasharray: 4 3; }
.vp-uncovered-label { fill: var(--vplan-error) !important; font-weight: 600; }
.vp-aftercare-bar { fill: var(--vplan-aftercare); stroke: var(--vplan-fg); }
.vp-aftercare .vp-bar-label { fill: var(--vplan-aftercare-text); }
.vp-checkpoint-mark { fill: var(--vplan-aftercare); stroke: var(--vplan-fg); }
.vp-marker-meeting-mark { fill: var(--vplan-marker); }
.vp-marker-evaluation-mark { fill: var(--vplan-bg); stroke: var(--vplan-marker); stroke-width: 1.5; }
.vp-incident-mark, .vp-legend-incident { fill: var(--vplan-incident); stroke: var(--vplan-incident); }
.vp-incident-line { stroke: var(--vplan-incident); stroke-width: 1.5; stroke-dasharray: 6 3; }
.vp-outside-note { fill: var(--vplan-muted) !important; }
.vp-today-line { stroke: var(--vplan-today); stroke-width: 2; }
.vp-today-label { fill: var(--vplan-today) !important; font-weight: 600; }
`;

/** The HTML page around the drawing: the table view and print layout. */
export const TIMELINE_PAGE_RULES = `
.vp-page { font-family: var(--vplan-font); color: var(--vplan-fg); background: var(--vplan-bg); margin: 0; padding: 12px; }
.vp-page h1 { font-size: 18px; margin: 0 0 8px; }
.vp-figure { margin: 0; overflow-x: auto; }
.vp-figure svg { max-width: 100%; height: auto; }
.vp-table { border-collapse: collapse; margin-top: 16px; font-size: 12px; width: 100%; }
.vp-table caption { text-align: left; font-weight: 600; font-size: 14px; padding: 4px 0; }
.vp-table th, .vp-table td { border: 1px solid var(--vplan-grid); padding: 2px 6px; text-align: left; vertical-align: top; }
.vp-table th { background: var(--vplan-lane-alt); }
.vp-table td { overflow-wrap: break-word; }
.vp-table td:nth-child(4) { min-width: 12em; }
.vp-table td:nth-child(8) { min-width: 16em; }
.vp-table th[scope="row"], .vp-table td:nth-child(2), .vp-table td:nth-child(3), .vp-table td:nth-child(6), .vp-table td:nth-child(7) { white-space: nowrap; }
.vp-cell-mode-dwang { border-left: 6px solid var(--vplan-dwang) !important; }
.vp-cell-mode-drang { border-left: 6px dashed var(--vplan-drang) !important; }
.vp-cell-mode-voluntary { border-left: 6px dotted var(--vplan-voluntary) !important; }
.vp-row-error td { color: var(--vplan-error); }
.vp-table-legend { font-size: 12px; color: var(--vplan-muted); margin: 4px 0 0; }
`;

export const TIMELINE_PRINT_RULES = `
@page { size: A4 landscape; margin: 10mm; }
@media print {
  .vp-page { padding: 0; }
  .vp-figure { overflow: visible; }
  .vp-table { page-break-before: auto; }
  .vp-table tr { page-break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/** Everything the standalone SVG needs (variables on the svg itself). */
export function svgStyleSheet(): string {
    return `svg.vp-svg {${TIMELINE_COLOR_DEFAULTS}}\n${TIMELINE_SVG_RULES}`;
}

/** Everything the self-contained HTML page needs. */
export function htmlStyleSheet(): string {
    return `:root {${TIMELINE_COLOR_DEFAULTS}}\n${TIMELINE_SVG_RULES}${TIMELINE_PAGE_RULES}${TIMELINE_PRINT_RULES}`;
}
