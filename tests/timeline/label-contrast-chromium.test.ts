/**
 * Bar labels drawn beside their bar (`vp-bar-label-outside`) stand on the lane, not on the bar,
 * so they must be readable on the lane's background: in the SVG and HTML exports (and so in
 * `vplan review --format html`, which embeds the same style sheet) and in the editor's preview
 * (media/timeline.css) in a light, a dark and a high-contrast theme. The regie lane's gap and
 * overlap (language reference, section 8: drawn in the error colour, with their title as text)
 * are the case that once drew white on white. Computed in headless Chromium, as the other
 * browser tests; skipped without it unless VPLAN_REQUIRE_E2E is set.
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { renderHtml } from '../../language/timeline/render-html.js';
import { renderSvg } from '../../language/timeline/render-svg.js';
import { layoutTimeline } from '../../language/timeline/timeline-layout.js';
import { buildTimelineTable } from '../../language/timeline/timeline-table.js';
import { buildWebviewHtml } from '../../language/timeline/preview-support.js';
import type { TimelineModel } from '../../language/timeline/timeline-model.js';
import { specExampleText, timelineOf, launchChromium } from './timeline-test-helpers.js';
import { CHROMIUM, CHROMIUM_LABEL } from '../editor/support/tools.js';

const available = CHROMIUM !== undefined;
const required = Boolean(process.env.VPLAN_REQUIRE_E2E);
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The spec example with an 11-day regie gap and a 12-day overlap: both short, so labelled beside their bar. */
function planWithRegieProblems(): string {
    const text = specExampleText().replace(/\n {4}regie \{[\s\S]*?\n {4}\}\n/, `
    regie {
        veiligthuis_zhz from 2026-01-12 to 2026-02-09 "Casemanagement tijdens huisverbod"
        wijkteam_dordrecht from 2026-02-20 to 2026-06-01 "Warme overdracht, te laat"
        ggz_zhz from 2026-05-20 "Traject GGZ"
    }
`);
    if (!text.includes('ggz_zhz from 2026-05-20')) throw new Error('the regie block of the spec example was not replaced');
    return text;
}

interface LabelColours { label: string; outside: boolean; problem: boolean; fill: string; weight: string }

/** Every bar label of the page with its computed fill, and the computed fills of the lane backgrounds. */
async function colours(page: Page): Promise<{ labels: LabelColours[]; lanes: string[]; bg: string }> {
    return page.evaluate(() => {
        const labels = Array.from(document.querySelectorAll('text.vp-bar-label')).map(el => ({
            label: el.textContent ?? '',
            outside: el.classList.contains('vp-bar-label-outside'),
            problem: el.closest('.vp-problem') !== null,
            fill: getComputedStyle(el).fill,
            weight: getComputedStyle(el).fontWeight
        }));
        const lanes = [...new Set(Array.from(document.querySelectorAll('rect.vp-lane-bg')).map(el => getComputedStyle(el).fill))];
        const svg = document.querySelector('svg.vp-svg')!;
        return { labels, lanes, bg: getComputedStyle(svg).getPropertyValue('--vplan-bg').trim() };
    });
}

/** WCAG 2 contrast ratio of two opaque colours given as `rgb(r, g, b)` or `#rrggbb`. */
function contrast(a: string, b: string): number {
    const luminance = (colour: string): number => {
        const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
        const rgb = /^rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)$/.exec(colour);
        const channels = hex ? hex.slice(1, 4).map(h => parseInt(h, 16)) : rgb ? rgb.slice(1, 4).map(Number) : undefined;
        if (!channels) throw new Error(`not a colour: ${colour}`);
        if (rgb?.[4] !== undefined && Number(rgb[4]) !== 1) throw new Error(`not opaque: ${colour}`);
        const [r, g, bl] = channels.map(c => {
            const s = c / 255;
            return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
    };
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
}

/** Outside labels, the regie gap and overlap among them, read at 4.5:1 at least on every lane background. */
function expectReadableOutsideLabels(seen: { labels: LabelColours[]; lanes: string[] }, where: string): void {
    const problems = seen.labels.filter(l => l.problem);
    expect(problems.map(l => l.label), where).toEqual([expect.stringMatching(/gap/), expect.stringMatching(/overlap/)]);
    expect(problems.every(l => l.outside), `${where}: the problems are short, so labelled beside their bar`).toBe(true);
    expect(seen.lanes.length, where).toBeGreaterThan(0);
    for (const label of seen.labels.filter(l => l.outside)) {
        for (const lane of seen.lanes) {
            expect(label.fill, `${where}: "${label.label}" on the lane`).not.toBe(lane);
            expect(contrast(label.fill, lane), `${where}: "${label.label}" (${label.fill}) on the lane (${lane})`).toBeGreaterThanOrEqual(4.5);
        }
    }
}

test.runIf(!available && required)('Chromium is required (VPLAN_REQUIRE_E2E) but missing', () => {
    expect.fail(`VPLAN_REQUIRE_E2E is set but there is no ${CHROMIUM_LABEL}`);
});

describe.skipIf(!available)('labels beside their bar are readable on the lane (headless Chromium)', () => {
    let browser: Browser | undefined;
    let workDir: string;
    let model: TimelineModel;

    beforeAll(async () => {
        browser = await launchChromium(CHROMIUM!);
        workDir = mkdtempSync(join(tmpdir(), 'vplan-contrast-'));
        model = await timelineOf(planWithRegieProblems(), { withOrganisations: false, today: '2026-03-15' });
        expect(model.regie.problems.map(p => [p.kind, p.start, p.end])).toEqual([['gap', '2026-02-09', '2026-02-20'], ['overlap', '2026-05-20', '2026-06-01']]);
    }, 60_000);

    afterAll(async () => {
        await browser?.close();
        if (workDir) rmSync(workDir, { recursive: true, force: true });
    });

    for (const format of ['html', 'svg'] as const) {
        test(`the ${format} export`, async () => {
            const file = join(workDir, `problems.${format}`);
            writeFileSync(file, format === 'html' ? renderHtml(model) : renderSvg(model));
            const page = await browser!.newPage({ viewport: { width: 1240, height: 900 } });
            await page.goto(pathToFileURL(file).href);
            const seen = await colours(page);
            expectReadableOutsideLabels(seen, format);
            // The default (printable) theme: the problems' labels in the error colour, bold.
            for (const label of seen.labels.filter(l => l.problem)) {
                expect(label.fill).toBe('rgb(208, 0, 0)');
                expect(label.weight).toBe('600');
            }
            await page.close();
        });
    }

    const themes: Record<string, { classes: string[]; vars: Record<string, string> }> = {
        light: { classes: ['vscode-light'], vars: {} },
        // Roughly what VS Code's Dark Modern and High Contrast (dark and light) themes inject.
        dark: {
            classes: ['vscode-dark'],
            vars: {
                '--vscode-editor-background': '#1f1f1f', '--vscode-editor-foreground': '#cccccc', '--vscode-descriptionForeground': '#9d9d9d',
                '--vscode-editorWidget-background': '#202020', '--vscode-charts-red': '#f14c4c', '--vscode-charts-yellow': '#cca700',
                '--vscode-charts-green': '#89d185', '--vscode-charts-blue': '#3794ff', '--vscode-charts-purple': '#b180d7',
                '--vscode-errorForeground': '#f85149', '--vscode-focusBorder': '#0078d4'
            }
        },
        'high contrast': {
            classes: ['vscode-high-contrast'],
            vars: {
                '--vscode-editor-background': '#000000', '--vscode-editor-foreground': '#ffffff', '--vscode-descriptionForeground': '#ffffff',
                '--vscode-editorWidget-background': '#0c141f', '--vscode-errorForeground': '#f48771', '--vscode-contrastBorder': '#6fc3df'
            }
        },
        'high contrast light': {
            classes: ['vscode-high-contrast', 'vscode-high-contrast-light'],
            vars: {
                '--vscode-editor-background': '#ffffff', '--vscode-editor-foreground': '#292929', '--vscode-descriptionForeground': '#292929',
                '--vscode-editorWidget-background': '#ffffff', '--vscode-errorForeground': '#b5200d', '--vscode-contrastBorder': '#0f4a85'
            }
        }
    };

    for (const [name, theme] of Object.entries(themes)) {
        test(`the editor's preview (media/timeline.css), ${name} theme`, async () => {
            const view = { uri: 'file:///problems.vplan', version: 1, planIds: [model.plan.name], planId: model.plan.name, locale: 'en', model, scene: layoutTimeline(model), table: buildTimelineTable(model) };
            const media = pathToFileURL(join(REPO_ROOT, 'media')).href;
            const file = join(workDir, 'webview.html');
            writeFileSync(file, buildWebviewHtml({
                cspSource: 'file:', nonce: 'dGVzdG5vbmNldGVzdG5vbmNl', scriptUri: `${media}/timeline.js`, styleUri: `${media}/timeline.css`, title: 'timeline', lang: 'en'
            }));
            const page = await browser!.newPage({ viewport: { width: 1240, height: 900 } });
            await page.addInitScript(() => {
                const w = window as unknown as { posted: unknown[]; acquireVsCodeApi: () => unknown };
                w.posted = [];
                w.acquireVsCodeApi = () => ({ postMessage: (m: unknown) => w.posted.push(m), getState: () => undefined, setState: () => undefined });
            });
            await page.goto(pathToFileURL(file).href);
            await page.waitForFunction(() => (window as unknown as { posted: Array<{ type: string }> }).posted.some(m => m.type === 'ready'));
            await page.evaluate(({ classes, vars }) => {
                document.body.classList.add(...classes);
                for (const [property, value] of Object.entries(vars)) document.documentElement.style.setProperty(property, value);
            }, theme);
            await page.evaluate(v => window.postMessage({ type: 'update', seq: 1, view: v }, '*'), view);
            await page.waitForSelector('svg.vp-svg');
            expectReadableOutsideLabels(await colours(page), `preview, ${name}`);
            await page.close();
        });
    }
});
