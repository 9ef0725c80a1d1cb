/**
 * The timeline in a real browser (Debian's headless Chromium driven by playwright-core): the
 * HTML export and the preview's webview script, both fed hostile plan titles. No script may run,
 * the titles must show as text, and a screenshot goes to test-results/ (kept by CI).
 * Skipped without chromium (or chromium-browser) on PATH unless VPLAN_REQUIRE_E2E is set, which
 * makes it fail instead.
 */

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { renderHtml } from '../../language/timeline/render-html.js';
import { layoutTimeline } from '../../language/timeline/timeline-layout.js';
import { buildTimelineTable } from '../../language/timeline/timeline-table.js';
import { buildWebviewHtml } from '../../language/timeline/preview-support.js';
import type { TimelineModel } from '../../language/timeline/timeline-model.js';
import { specExampleText, timelineOf, launchChromium } from './timeline-test-helpers.js';
import { CHROMIUM, CHROMIUM_LABEL } from '../editor/support/tools.js';

const available = CHROMIUM !== undefined;
const required = Boolean(process.env.VPLAN_REQUIRE_E2E);
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RESULTS = join(REPO_ROOT, 'test-results');
const HOSTILE_TITLES = [
    "<script>alert(1)</script>", '"><img src=x onerror=alert(5)>', '</svg><svg onload=alert(6)>', '<style>*{color:red}</style>', 'javascript:alert(7)'
];

let browser: Browser | undefined;
let workDir: string;
let hostile: TimelineModel;

/** Every way a script could make itself known: dialogs, console output, page errors. */
function watch(page: Page): { dialogs: string[]; console: string[]; errors: string[] } {
    const seen = { dialogs: [] as string[], console: [] as string[], errors: [] as string[] };
    page.on('dialog', dialog => { seen.dialogs.push(dialog.message()); void dialog.dismiss(); });
    page.on('console', message => { seen.console.push(message.text()); });
    page.on('pageerror', error => { seen.errors.push(error.message); });
    return seen;
}

test.runIf(!available && required)('Chromium is required (VPLAN_REQUIRE_E2E) but missing', () => {
    expect.fail(`VPLAN_REQUIRE_E2E is set but there is no ${CHROMIUM_LABEL}`);
});

describe.skipIf(!available)('timeline in headless Chromium', () => {
    beforeAll(async () => {
        browser = await launchChromium(CHROMIUM!);
        workDir = mkdtempSync(join(tmpdir(), 'vplan-chromium-'));
        mkdirSync(RESULTS, { recursive: true });
        hostile = await timelineOf(readFileSync(new URL('./fixtures/hostile.vplan', import.meta.url), 'utf8'), { withOrganisations: false, today: '2026-03-15' });
    }, 60_000);

    afterAll(async () => {
        await browser?.close();
        if (workDir) rmSync(workDir, { recursive: true, force: true });
    });

    for (const variant of ['as exported', 'with its CSP removed (escaping alone must hold)'] as const) {
        test(`the HTML export of hostile titles runs no script, ${variant}`, async () => {
            let html = renderHtml(hostile);
            if (variant !== 'as exported') html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
            const file = join(workDir, `hostile-${variant === 'as exported' ? 'csp' : 'nocsp'}.html`);
            writeFileSync(file, html);
            const page = await browser!.newPage({ viewport: { width: 1240, height: 900 } });
            const seen = watch(page);
            await page.goto(pathToFileURL(file).href);
            await page.waitForLoadState('load');
            const tooltips = await page.evaluate(() => Array.from(document.querySelectorAll('svg title')).map(t => t.textContent ?? ''));
            const tableText = await page.locator('table.vp-table').innerText();
            for (const title of HOSTILE_TITLES) {
                expect(tableText + tooltips.join('\n')).toContain(title);
            }
            expect(await page.evaluate(() => document.querySelectorAll('script, img, iframe, a, svg svg').length)).toBe(0);
            expect(await page.evaluate(() => document.querySelectorAll('style').length)).toBe(1);
            expect(seen).toEqual({ dialogs: [], console: [], errors: [] });
            await page.close();
        });
    }

    test('a screenshot of the spec example goes to test-results/timeline.png', async () => {
        const model = await timelineOf(specExampleText(), { withOrganisations: false, today: '2026-03-15' });
        const file = join(workDir, 'spec.html');
        writeFileSync(file, renderHtml(model));
        const page = await browser!.newPage({ viewport: { width: 1240, height: 900 } });
        const seen = watch(page);
        await page.goto(pathToFileURL(file).href);
        const path = join(RESULTS, 'timeline.png');
        await page.screenshot({ path, fullPage: true });
        expect(readFileSync(path).subarray(1, 4).toString()).toBe('PNG');
        // The drawing is really drawn: bars have a size and the dwang bar has the dwang colour.
        const box = await page.locator('g[data-item="measure:hv"] rect').first().boundingBox();
        expect(box!.width).toBeGreaterThan(5);
        const fill = await page.locator('g[data-item="measure:hv"] rect').first().evaluate(el => getComputedStyle(el).fill);
        expect(fill).toBe('rgb(179, 38, 30)');
        expect(seen.errors).toEqual([]);
        await page.close();
    });

    test('the preview webview builds hostile titles as text and asks to reveal a clicked item', async () => {
        const view = { uri: 'file:///hostile.vplan', version: 1, planIds: ['hostile_2026'], planId: 'hostile_2026', locale: 'en', model: hostile, scene: layoutTimeline(hostile), table: buildTimelineTable(hostile) };
        const media = pathToFileURL(join(REPO_ROOT, 'media')).href;
        const file = join(workDir, 'webview.html');
        writeFileSync(file, buildWebviewHtml({
            cspSource: 'file:', nonce: 'dGVzdG5vbmNldGVzdG5vbmNl', scriptUri: `${media}/timeline.js`, styleUri: `${media}/timeline.css`, title: 'timeline', lang: 'en'
        }));
        const page = await browser!.newPage({ viewport: { width: 1240, height: 900 } });
        const seen = watch(page);
        // The VS Code webview API, stubbed: remember what the script posts and stores.
        await page.addInitScript(() => {
            const w = window as unknown as { posted: unknown[]; saved: unknown; acquireVsCodeApi: () => unknown };
            w.posted = [];
            w.acquireVsCodeApi = () => ({ postMessage: (m: unknown) => w.posted.push(m), getState: () => undefined, setState: (s: unknown) => { w.saved = s; } });
        });
        await page.goto(pathToFileURL(file).href);
        await page.waitForFunction(() => (window as unknown as { posted: Array<{ type: string }> }).posted.some(m => m.type === 'ready'));
        await page.evaluate(v => window.postMessage({ type: 'update', seq: 2, view: v }, '*'), view);
        await page.waitForSelector('svg.vp-svg');
        const tooltips = await page.evaluate(() => Array.from(document.querySelectorAll('svg title')).map(t => t.textContent ?? ''));
        const tableText = await page.locator('table.vp-table').innerText();
        for (const title of HOSTILE_TITLES) expect(tableText + tooltips.join('\n')).toContain(title);
        expect(await page.evaluate(() => document.querySelectorAll('img, iframe, a, svg svg, #vp-figure script, #vp-table script').length)).toBe(0);

        // An older update after a newer one is ignored.
        const stale = { ...view, scene: { ...view.scene, title: 'STALE', elements: [] } };
        // Messages are handled in the order they were posted: once a later one arrives, the stale one was handled.
        await page.evaluate(v => new Promise<void>(resolve => {
            window.addEventListener('message', function afterStale(event) {
                if (event.data !== 'after-stale') return;
                window.removeEventListener('message', afterStale);
                resolve();
            });
            window.postMessage({ type: 'update', seq: 1, view: v }, '*');
            window.postMessage('after-stale', '*');
        }), stale);
        expect(await page.evaluate(() => document.querySelector('svg.vp-svg > title')?.textContent)).not.toBe('STALE');

        await page.locator('g[data-item="measure:hv"]').first().click();
        const posted = await page.evaluate(() => (window as unknown as { posted: unknown[] }).posted);
        expect(posted).toContainEqual({ type: 'reveal', itemId: 'measure:hv' });
        expect(await page.evaluate(() => (window as unknown as { saved: { uri: string } }).saved.uri)).toBe('file:///hostile.vplan');

        // Roughly what VS Code's Dark Modern theme injects, to see the theme mapping at work.
        await page.evaluate(() => {
            document.body.classList.add('vscode-dark');
            const theme: Record<string, string> = {
                '--vscode-editor-background': '#1f1f1f', '--vscode-editor-foreground': '#cccccc', '--vscode-descriptionForeground': '#9d9d9d',
                '--vscode-editorWidget-background': '#202020', '--vscode-charts-red': '#f14c4c', '--vscode-charts-yellow': '#cca700',
                '--vscode-charts-green': '#89d185', '--vscode-charts-blue': '#3794ff', '--vscode-charts-purple': '#b180d7',
                '--vscode-errorForeground': '#f85149', '--vscode-focusBorder': '#0078d4'
            };
            for (const [name, value] of Object.entries(theme)) document.documentElement.style.setProperty(name, value);
        });
        await page.screenshot({ path: join(RESULTS, 'timeline-webview-dark.png'), fullPage: true });
        expect(seen.dialogs).toEqual([]);
        expect(seen.errors).toEqual([]);
        await page.close();
    });
});
