/**
 * Issue 16 in a real VS Code (code-server 4.100.3 in Debian's headless chromium), with the packaged
 * .vsix installed as a user would:
 *
 * 1. typing `by ` in a huisverbod opens the completion list by itself, with the organisation that
 *    may impose it (a burgemeester) first and its title shown;
 * 2. a "did you mean" quick fix (Ctrl+.) corrects a misspelt organisation and its VP081 goes away;
 * 3. the hover on a date names its weekday and its day of the plan;
 * 4. the code of a diagnostic in the Problems panel is a link to its rule's section of the
 *    docs/rules.md shipped in the extension (the target exists and is that rule's heading).
 *
 * Every step waits for a state of the workbench (no fixed sleeps). Screenshots of failures go to
 * test-results/. Skipped with a reason when code-server or chromium is missing, unless
 * VPLAN_REQUIRE_E2E=1.
 */

import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { installExtension, launchChromium, startCodeServer, workbenchUrl, type CodeServer } from './support/code-server.js';
import { CHROMIUM, CHROMIUM_LABEL, REPO_ROOT, codeServerEntry, makeRunDir, missingTools, removeRunDir } from './support/tools.js';
import { buildVsix } from './support/vsix.js';

const entry = codeServerEntry();
const skipReason = missingTools([
    ['code-server 4.100.3 (.ci/install-code-server.sh)', entry !== undefined],
    [CHROMIUM_LABEL, CHROMIUM !== undefined]
]);
if (skipReason) console.warn(`[code-server editing tests] skipped: ${skipReason}`);

const FIXTURES = path.join(REPO_ROOT, 'tests', 'editor', 'fixtures', 'workspace');
const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');
const FILE = 'bewerken.vplan';

/** A valid plan but for a misspelt organisation (`ggz_tset`), and a measure without `by`. */
const PLAN = `plan lisse_2026 "Veiligheidsplan gezin Lisse" {
    status active
    period 2026-02-02 to 2027-02-02
    household {
        member fenna adult born 1991 roles victim, parent
        member ruben adult born 1989 roles perpetrator, parent
    }
    measure hv huisverbod {
        on ruben
        protects fenna
        from 2026-02-02 for 10 days
    }
    intervention daderhulp "Daderhulp" {
        for ruben
        by ggz_tset
        from 2026-02-16 for 12 months
        framework drang
    }
    regie {
        veiligthuis_test from 2026-02-02 "Casemanagement"
    }
    network {
        supporter tante "Tante van Fenna" supports fenna aware
    }
    intervention steun "Steun" {
        for fenna
        by wijkteam_test
        from 2026-02-02 to 2027-02-02
    }
    aftercare {
        owner veiligthuis_test
        from 2027-02-02 for 12 months
        checkpoints 3 months, 6 months, 12 months
    }
}
`;

/** 1-based line and column of `needle` (plus `delta`) in PLAN. */
function lineColumn(needle: string, delta = 0): { line: number; column: number } {
    const offset = PLAN.indexOf(needle) + delta;
    const before = PLAN.slice(0, offset).split('\n');
    return { line: before.length, column: before[before.length - 1].length + 1 };
}

describe('UI test: editing a plan in code-server with the installed .vsix (issue 16)', () => {
    let server: CodeServer | undefined;
    let context: BrowserContext | undefined;
    let page: Page | undefined;
    let setupError: unknown;
    let extensionDir = '';
    const runDirs: string[] = [];

    beforeAll(async () => {
        if (skipReason || !entry) return;
        try {
            mkdirSync(RESULTS_DIR, { recursive: true });
            const runDir = makeRunDir('ui-edit');
            runDirs.push(runDir);
            const workspace = path.join(runDir, 'workspace');
            // The organisations and the config of the fixtures, not their plans with errors: this plan alone.
            mkdirSync(workspace);
            for (const file of ['organisaties.vplan', 'vplan.config.json']) cpSync(path.join(FIXTURES, file), path.join(workspace, file));
            writeFileSync(path.join(workspace, FILE), PLAN);
            // The shared code-server settings turn hovers off for the other UI tests; this one needs them.
            mkdirSync(path.join(workspace, '.vscode'));
            writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'editor.hover.enabled': true, 'editor.hover.delay': 100 }));
            const built = buildVsix();
            runDirs.push(built.runDir);
            installExtension(entry, runDir, built.vsix);
            const installed = readdirSync(path.join(runDir, 'extensions')).find(name => name.startsWith('vplan.vplan-'));
            if (!installed) throw new Error('the .vsix was not installed');
            extensionDir = path.join(runDir, 'extensions', installed);
            server = await startCodeServer(entry, runDir, workspace);
            context = await launchChromium(path.join(runDir, 'chromium'));
            page = context.pages()[0] ?? await context.newPage();
            await page.goto(workbenchUrl(server, workspace));
            await page.waitForSelector('.monaco-workbench', { timeout: 30_000 });
            await page.locator('.explorer-folders-view').getByText(FILE).first().click({ timeout: 30_000 });
            // The server has checked the plan once the misspelt organisation is underlined.
            await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 45_000 });
        } catch (error) {
            setupError = error;
            await page?.screenshot({ path: path.join(RESULTS_DIR, 'editor-edit-setup-failure.png') }).catch(() => undefined);
        }
    }, 240_000);

    afterAll(async () => {
        await context?.close().catch(() => undefined);
        await server?.stop();
        runDirs.forEach(removeRunDir);
    });

    /** Puts the cursor at a 1-based line and column with Go to Line. */
    async function goTo(workbench: Page, at: { line: number; column: number }): Promise<void> {
        await workbench.locator('.monaco-editor .view-lines').first().click();
        await workbench.keyboard.press('Control+G');
        const input = workbench.locator('.quick-input-widget input');
        await input.waitFor({ timeout: 10_000 });
        await input.fill(`:${at.line}:${at.column}`);
        await workbench.keyboard.press('Enter');
        await input.waitFor({ state: 'hidden', timeout: 10_000 });
    }

    async function step(name: string, body: (workbench: Page) => Promise<void>): Promise<void> {
        expect(setupError, String(setupError)).toBeUndefined();
        const workbench = page!;
        try {
            await body(workbench);
        } catch (error) {
            await workbench.screenshot({ path: path.join(RESULTS_DIR, `editor-edit-${name}-failure.png`) }).catch(() => undefined);
            // Close whatever the failed step left open, so that the next step starts from the editor.
            await workbench.keyboard.press('Escape').catch(() => undefined);
            await workbench.keyboard.press('Escape').catch(() => undefined);
            throw error;
        }
    }

    /** A picture of the state a step looked at (test-results/editor-edit-NAME.png). */
    function photograph(workbench: Page, name: string): Promise<Buffer> {
        return workbench.screenshot({ path: path.join(RESULTS_DIR, `editor-edit-${name}.png`) });
    }

    test('typing `by ` opens completion by itself, the organisation that may impose a huisverbod first, with its title', async context => {
        if (skipReason) return context.skip(skipReason);
        await step('completion', async workbench => {
            await goTo(workbench, lineColumn('        protects fenna', '        protects fenna'.length));
            await workbench.keyboard.press('Enter');
            await workbench.keyboard.type('by ');
            const widget = workbench.locator('.editor-widget.suggest-widget.visible');
            await widget.waitFor({ timeout: 15_000 });
            const first = widget.locator('.monaco-list-row').first();
            await expect.poll(() => first.innerText(), { timeout: 10_000 }).toContain('burgemeester_test');
            await expect.poll(() => widget.innerText(), { timeout: 10_000 }).toContain('Burgemeester van Testdorp');
            await photograph(workbench, 'completion');
            // Accept it: the measure is complete.
            await workbench.keyboard.press('Enter');
            await widget.waitFor({ state: 'hidden', timeout: 10_000 });
            await expect.poll(() => workbench.locator('.monaco-editor .view-lines').first().innerText(), { timeout: 10_000 })
                .toMatch(/by\sburgemeester_test/);
        });
    }, 90_000);

    test('a "did you mean" quick fix corrects a misspelt organisation', async context => {
        if (skipReason) return context.skip(skipReason);
        await step('did-you-mean', async workbench => {
            // One line was added above by the completion test.
            const at = lineColumn('ggz_tset', 2);
            await goTo(workbench, { line: at.line + 1, column: at.column });
            await workbench.keyboard.press('Control+.');
            const action = workbench.locator('.action-widget .monaco-list-row').filter({ hasText: 'ggz_test' }).first();
            await action.waitFor({ timeout: 15_000 });
            // The widget is chosen from with the keyboard (a pointer block lies over it): down to the fix, then Enter.
            const focused = workbench.locator('.action-widget .monaco-list-row.focused');
            for (let step = 0; step < 5 && !((await focused.innerText().catch(() => '')).includes('ggz_test')); step++) {
                await workbench.keyboard.press('ArrowDown');
            }
            await expect.poll(() => focused.innerText(), { timeout: 5_000 }).toContain('ggz_test');
            await photograph(workbench, 'did-you-mean');
            await workbench.keyboard.press('Enter');
            await workbench.locator('.action-widget').waitFor({ state: 'hidden', timeout: 10_000 });
            const lines = workbench.locator('.monaco-editor .view-lines').first();
            await expect.poll(() => lines.innerText(), { timeout: 10_000 }).toMatch(/by\sggz_test\b/);
            // Nothing is left to complain about.
            const status = workbench.locator('[id="status.problems"]');
            await expect.poll(async () => (await status.getAttribute('aria-label')) ?? '', { timeout: 30_000 }).toMatch(/No Problems|Errors: 0/);
        });
    }, 90_000);

    test('the hover on a date names its weekday and its day of the plan', async context => {
        if (skipReason) return context.skip(skipReason);
        await step('hover', async workbench => {
            const at = lineColumn('2026-02-16 for 12 months', 3);
            await goTo(workbench, { line: at.line + 1, column: at.column });
            // Show Hover (Ctrl+K Ctrl+I) at the cursor.
            await workbench.keyboard.press('Control+K');
            await workbench.keyboard.press('Control+I');
            const hover = workbench.locator('.monaco-hover:not(.hidden)').filter({ hasText: '2026-02-16' }).first();
            await hover.waitFor({ timeout: 15_000 });
            const text = await hover.innerText();
            expect(text).toContain('Monday');
            expect(text).toContain('day 15 of the plan period');
            await photograph(workbench, 'hover');
            await workbench.keyboard.press('Escape');
        });
    }, 90_000);

    test('the code of a diagnostic links to its rule in the shipped docs/rules.md', async context => {
        if (skipReason) return context.skip(skipReason);
        await step('rule-link', async workbench => {
            // Make a VP081 again and look at it in the Problems panel.
            const at = lineColumn('ggz_tset', 'ggz_tset'.length);
            await goTo(workbench, { line: at.line + 1, column: at.column });
            await workbench.keyboard.type('x');
            await workbench.keyboard.press('Control+Shift+M');
            const row = workbench.locator('.markers-panel .monaco-list-row').filter({ hasText: 'VP081' }).first();
            await row.waitFor({ timeout: 30_000 });
            const link = row.locator('a.code-link, .code-link a, a.monaco-link').filter({ hasText: 'VP081' }).first();
            await link.waitFor({ timeout: 10_000 });
            await photograph(workbench, 'rule-link');
            const href = (await link.getAttribute('href')) ?? (await link.getAttribute('title')) ?? '';
            // A file: URI, which code-server turns into a vscode-remote: URI of the same path on its machine.
            expect(href).toMatch(/^(file|vscode-remote):\/\/[^/]*\/.*\/docs\/rules\.md#L\d+$/);
            const url = new URL(href);
            const line = Number(url.hash.slice('#L'.length));
            const target = decodeURIComponent(url.pathname);
            expect(target.startsWith(extensionDir), `${target} lies in the installed extension ${extensionDir}`).toBe(true);
            expect(existsSync(target)).toBe(true);
            expect(readFileSync(target, 'utf8').split('\n')[line - 1]).toMatch(/^## VP081\b/);
        });
    }, 90_000);
});
