/**
 * The extension in a real VS Code: code-server 4.100.3 (VS Code 1.100.3, whose extension host is
 * Node 20) in Debian's headless chromium.
 *
 * 1. Extension-host tests: the workbench loads the extension from the repository
 *    (extensionDevelopmentPath) and runs tests/editor/suite/extension-host.cjs inside the
 *    extension host (extensionTestsPath), with the real `vscode` API. Every check in the suite
 *    becomes one test here.
 * 2. A UI test: the packaged .vsix is installed like a user would, an example with problems is
 *    opened, and the squiggles, the Problems panel and the timeline preview are looked at and
 *    photographed (test-results/editor-*.png; docs/screenshot-editor.png for the README).
 *
 * Skipped with a reason when code-server or chromium is missing, unless VPLAN_REQUIRE_E2E=1.
 */

import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { installExtension, launchChromium, startCodeServer, workbenchUrl, type CodeServer } from './support/code-server.js';
import { CHROMIUM, CHROMIUM_LABEL, REPO_ROOT, codeServerEntry, makeRunDir, missingTools, removeRunDir, waitFor } from './support/tools.js';
import { buildVsix } from './support/vsix.js';

const entry = codeServerEntry();
const skipReason = missingTools([
    ['code-server 4.100.3 (.ci/install-code-server.sh)', entry !== undefined],
    [CHROMIUM_LABEL, CHROMIUM !== undefined]
]);
if (skipReason) console.warn(`[code-server tests] skipped: ${skipReason}`);

const FIXTURES = path.join(REPO_ROOT, 'tests', 'editor', 'fixtures', 'workspace');
const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');

/** The checks of extension-host.cjs, in its order; each must have run and passed. */
const EXTENSION_HOST_CHECKS = [
    'the extension activates when a .vplan file opens',
    'diagnostics appear for a plan with errors (VP005, VP000)',
    'completion offers the severities after `severity`',
    'Format Document returns edits that give the canonical layout',
    'the timeline command vplan.openTimelineToSide exists and opens a webview',
    'changing vplan.locale to nl switches the messages to Dutch, and back',
    '"vplan: Show Output" and "vplan: Restart Language Server" work',
    'a crashed language server is restarted and checks again'
];

interface CheckResult { name: string; ok: boolean; error?: string }

async function openWorkbench(context: BrowserContext, url: string, onExit?: (code: number) => void, log?: string[]): Promise<Page> {
    const page = context.pages()[0] ?? await context.newPage();
    if (log) {
        // The workbench reports the test run through these two hooks (VS Code's automation API).
        await page.exposeFunction('codeAutomationLog', (type: unknown, args: unknown) => {
            log.push(`[${String(type)}] ${JSON.stringify(args)}`);
        });
        page.on('console', message => log.push(`[console] ${message.text()}`));
    }
    if (onExit) await page.exposeFunction('codeAutomationExit', (code: number) => onExit(code));
    await page.goto(url);
    await page.waitForSelector('.monaco-workbench', { timeout: 30_000 });
    return page;
}

describe('extension-host tests in code-server 4.100.3', () => {
    const results = new Map<string, CheckResult>();
    let failure: string | undefined;

    beforeAll(async () => {
        if (skipReason || !entry) return;
        const runDir = makeRunDir('ext-host');
        const workspace = path.join(runDir, 'workspace');
        cpSync(FIXTURES, workspace, { recursive: true });
        // The suite is loaded by the extension host's require(): a CommonJS folder of its own.
        const suiteDir = path.join(runDir, 'suite');
        mkdirSync(suiteDir, { recursive: true });
        writeFileSync(path.join(suiteDir, 'package.json'), '{ "type": "commonjs" }\n');
        copyFileSync(path.join(REPO_ROOT, 'tests', 'editor', 'suite', 'extension-host.cjs'), path.join(suiteDir, 'index.js'));

        let server: CodeServer | undefined;
        let context: BrowserContext | undefined;
        const log: string[] = [];
        try {
            // The extension host's checks run against a lean server (language/workspace/parked-plans.ts:
            // every closed plan parked), which the extension starts with code-server's environment;
            // the UI test below runs against a whole one.
            server = await startCodeServer(entry, runDir, workspace, { VPLAN_LEAN_MIN_FILES: '0' });
            context = await launchChromium(path.join(runDir, 'chromium'));
            let exitCode: number | undefined;
            const url = workbenchUrl(server, workspace, [
                ['extensionDevelopmentPath', server.remoteUri(REPO_ROOT)],
                ['extensionTestsPath', server.remoteUri(path.join(suiteDir, 'index.js'))]
            ]);
            await openWorkbench(context, url, code => { exitCode = code; }, log);
            await waitFor('the extension-host suite to exit', 150_000, () => exitCode !== undefined);
            const file = path.join(suiteDir, 'results.json');
            if (!existsSync(file)) throw new Error(`the suite wrote no results (exit code ${exitCode})`);
            for (const result of JSON.parse(readFileSync(file, 'utf8')) as CheckResult[]) results.set(result.name, result);
        } catch (error) {
            failure = `${String(error)}\n--- workbench log ---\n${log.slice(-40).join('\n')}\n--- code-server ---\n${server?.process.output().slice(-3000) ?? ''}`;
        } finally {
            await context?.close().catch(() => undefined);
            await server?.stop();
            removeRunDir(runDir);
        }
    }, 240_000);

    for (const name of EXTENSION_HOST_CHECKS) {
        test(name, context => {
            if (skipReason) return context.skip(skipReason);
            expect(failure, failure).toBeUndefined();
            const result = results.get(name);
            expect(result, `the suite did not run '${name}'`).toBeDefined();
            expect(result?.ok, result?.error).toBe(true);
        });
    }
});

/** The title of a contributed command as the palette shows it ("vplan: Open Timeline to the Side"). */
function paletteTitle(command: string): string {
    const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    const nls = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.nls.json'), 'utf8'));
    const contribution = (manifest.contributes?.commands ?? []).find((c: { command: string }) => c.command === command);
    if (!contribution) throw new Error(`${command} is not contributed in package.json`);
    const resolve = (value: string) => value.replace(/^%(.+)%$/, (_, key: string) => nls[key] ?? value);
    const title = resolve(contribution.title);
    return contribution.category ? `${resolve(contribution.category)}: ${title}` : title;
}

/** The example the UI test opens: a problem example with errors, or the own fixture. */
function uiExample(): { folder: string; file: string } {
    const problems = path.join(REPO_ROOT, 'examples', 'problems');
    if (existsSync(path.join(problems, 'huisverbod-te-lang.vplan'))) return { folder: problems, file: 'huisverbod-te-lang.vplan' };
    return { folder: FIXTURES, file: 'met-fouten.vplan' };
}

describe('UI test: the installed .vsix in code-server', () => {
    let server: CodeServer | undefined;
    let context: BrowserContext | undefined;
    let page: Page | undefined;
    let setupError: unknown;
    const runDirs: string[] = [];
    const example = uiExample();

    beforeAll(async () => {
        if (skipReason || !entry) return;
        try {
            mkdirSync(RESULTS_DIR, { recursive: true });
            const runDir = makeRunDir('ui');
            runDirs.push(runDir);
            const workspace = path.join(runDir, 'workspace');
            cpSync(example.folder, workspace, { recursive: true });
            const built = buildVsix();
            runDirs.push(built.runDir);
            installExtension(entry, runDir, built.vsix);
            const installed = readdirSync(path.join(runDir, 'extensions'));
            if (!installed.some(name => name.startsWith('vplan.vplan-'))) throw new Error(`the .vsix was not installed: ${installed.join(', ')}`);
            server = await startCodeServer(entry, runDir, workspace);
            context = await launchChromium(path.join(runDir, 'chromium'));
            page = await openWorkbench(context, workbenchUrl(server, workspace));
            // The explorer shows the example once the workspace has loaded.
            await page.locator('.explorer-folders-view').getByText(example.file).first().click({ timeout: 30_000 });
        } catch (error) {
            setupError = error;
        }
    }, 240_000);

    afterAll(async () => {
        await context?.close().catch(() => undefined);
        await server?.stop();
        runDirs.forEach(removeRunDir);
    });

    test('opening an example with problems shows error squiggles and the problems in the Problems panel', async context => {
        if (skipReason) return context.skip(skipReason);
        expect(setupError, String(setupError)).toBeUndefined();
        const workbench = page!;
        await workbench.waitForSelector('.monaco-editor .squiggly-error', { timeout: 45_000 });
        const status = workbench.locator('[id="status.problems"]');
        await expect.poll(async () => (await status.getAttribute('aria-label')) ?? '', { timeout: 15_000 }).toMatch(/Errors: [1-9]/);
        await workbench.keyboard.press('Control+Shift+M');
        const rows = workbench.locator('.markers-panel .monaco-list-row');
        await rows.first().waitFor({ timeout: 15_000 });
        const problems = await rows.allInnerTexts();
        expect(problems.join('\n')).toMatch(/VP\d{3}/);
        await workbench.screenshot({ path: path.join(RESULTS_DIR, 'editor-problems.png') });
    }, 90_000);

    test('the timeline preview opens from the command palette and shows the plan', async context => {
        if (skipReason) return context.skip(skipReason);
        expect(setupError, String(setupError)).toBeUndefined();
        const workbench = page!;
        try {
            const planName = /^plan\s+(\w+)/m.exec(readFileSync(path.join(example.folder, example.file), 'utf8'))?.[1] ?? '';
            await openTimelineFromPalette(workbench, planName);
        } catch (error) {
            await workbench.screenshot({ path: path.join(RESULTS_DIR, 'editor-timeline-failure.png') }).catch(() => undefined);
            throw error;
        }
        const shot = path.join(RESULTS_DIR, 'editor-timeline.png');
        await workbench.screenshot({ path: shot });
        // The README's picture: refreshed on request, or made when there is none yet.
        const readmeShot = path.join(REPO_ROOT, 'docs', 'screenshot-editor.png');
        if (process.env.VPLAN_UPDATE_SCREENSHOTS === '1' || !existsSync(readmeShot)) copyFileSync(shot, readmeShot);
    }, 90_000);

    test('an edit in the plan shows up in the open preview', async context => {
        if (skipReason) return context.skip(skipReason);
        expect(setupError, String(setupError)).toBeUndefined();
        const workbench = page!;
        const text = readFileSync(path.join(example.folder, example.file), 'utf8');
        const planLine = text.split('\n').findIndex(line => /^plan\s+\w+\s+"/.test(line)) + 1;
        expect(planLine).toBeGreaterThan(0);
        // Put the cursor just before the closing quote of the plan's title and type into it.
        await workbench.locator('.monaco-editor .view-lines').first().click();
        await workbench.keyboard.press('Control+G');
        await workbench.keyboard.type(String(planLine));
        await workbench.keyboard.press('Enter');
        await workbench.keyboard.press('End');
        for (let i = 0; i < 3; i++) await workbench.keyboard.press('ArrowLeft');
        await workbench.keyboard.type(' bewerkt');
        const webview = workbench.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
        await expect.poll(() => webview.locator('body').innerText(), { timeout: 30_000 }).toContain(' bewerkt');
        await workbench.screenshot({ path: path.join(RESULTS_DIR, 'editor-timeline-edited.png') });
    }, 90_000);
});

async function openTimelineFromPalette(workbench: Page, planName: string): Promise<void> {
    // Back to the editor, so the command acts on the plan.
    await workbench.locator('.monaco-editor .view-lines').first().click();
    await workbench.keyboard.press('Control+Shift+P');
    const input = workbench.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 10_000 });
    const title = paletteTitle('vplan.openTimelineToSide');
    await input.fill(`>${title}`);
    await workbench.locator('.quick-input-list .monaco-list-row').filter({ hasText: title.replace(/^[^:]*: /, '') }).first().waitFor({ timeout: 10_000 });
    await workbench.keyboard.press('Enter');
    const webview = workbench.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
    await webview.locator('svg').first().waitFor({ state: 'visible', timeout: 30_000 });
    // The preview names the plan that is open in the editor.
    await expect.poll(() => webview.locator('body').innerText(), { timeout: 15_000 }).toContain(planName);
}
