/**
 * How the bundled server publishes diagnostics (issue 16 item 4, issue 15 item 19): each
 * `publishDiagnostics` concerns a workspace document (never the built-in catalogue), carries the version of the text it describes, a link to its rule's page in
 * docs/rules.md and a message in plain text; a burst of edits gives a few builds and notifications,
 * not one per edit, and the last one describes the last text; a single edit still gets its own.
 * Also the command line of `vplan-language-server` (`--help`, `--version`, no transport).
 */

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { SERVER_BUNDLE, startServer, type LspServer } from './lsp-harness.js';
import { ORGANISATIONS, PLAN } from '../language/lsp/lsp-fixtures.js';

const RULES_DOC = fileURLToPath(new URL('../../docs/rules.md', import.meta.url));
const headingLine = (code: string) => readFileSync(RULES_DOC, 'utf8').split('\n').findIndex(line => line.startsWith(`## ${code} `)) + 1;

let server: LspServer;
let planUri: string;
/** The version of the plan's latest text, as the harness numbers them (didOpen is 1, each change one more). */
let version = 1;

function change(text: string): Promise<void> {
    version++;
    return server.change(planUri, text);
}

beforeAll(async () => {
    server = await startServer({ workspaceFiles: { 'organisations.vplan': ORGANISATIONS, 'plan.vplan': PLAN }, locale: 'en' });
    planUri = server.uri('plan.vplan');
    await server.open(planUri, PLAN);
    await server.waitUntil('the diagnostics of the opened text', () => server.publications.find(p => p.uri === planUri && p.version === 1));
});

afterAll(async () => {
    await server?.stop();
});

/** The publications of the plan so far. */
const ofPlan = () => server.publications.filter(p => p.uri === planUri);
const timelineNotifications = () => server.notifications.filter(n => n.method === 'vplan/timelineChanged'
    && (n.params as { uris: string[] }).uris.includes(planUri));

describe('each publishDiagnostics', () => {
    test('carries the version of the text it describes', async () => {
        expect(ofPlan().find(p => p.version === 1)).toBeDefined();
        await change(PLAN.replace('by ggz_zhz', 'by ggz_zhzz'));
        const published = await server.waitUntil('version 2', () => ofPlan().find(p => p.version === 2));
        expect(version).toBe(2);
        expect(published.diagnostics.map(d => d.code)).toContain('VP081');
        await change(PLAN);
        const fixed = await server.waitUntil('version 3', () => ofPlan().find(p => p.version === 3));
        expect(fixed.diagnostics.map(d => d.code)).not.toContain('VP081');
    });

    test('never concerns the built-in catalogue (it has no file, and no problems)', () => {
        // By now the workspace is built and the opened plan edited: the built-in catalogue was validated too.
        expect(server.publications.length).toBeGreaterThan(1);
        expect(server.publications.filter(p => p.uri.startsWith('vplan-builtin:')).map(p => p.uri)).toEqual([]);
    });

    test('links the code to its rule in docs/rules.md and says it in plain text', async () => {
        // VP005's message names the missing item in backticks in the CLI.
        await change(PLAN.replace('        by ggz_zhz\n', ''));
        const published = await server.waitUntil('VP005', () => ofPlan().at(-1)?.diagnostics.find((d: Diagnostic) => d.code === 'VP005'));
        expect(published.codeDescription?.href).toBe(`file://${RULES_DOC}#L${headingLine('VP005')}`);
        expect(headingLine('VP005')).toBeGreaterThan(0);
        expect(published.message).not.toContain('`');
        expect(published.message).toContain('\'by\'');
        await change(PLAN);
        await server.waitForDiagnostics(planUri, diagnostics => !diagnostics.some(d => d.code === 'VP005'));
    });
});

describe('a burst of edits', () => {
    test('1,000 edits sent at once give a few publications and timeline notifications, the last for the last text', async () => {
        const before = ofPlan().length;
        const notificationsBefore = timelineNotifications().length;
        const start = PLAN.indexOf('"Daderhulp"');
        let text = PLAN;
        // Typing a title letter by letter, then breaking a reference with the very last edit.
        for (let i = 0; i < 999; i++) {
            text = text.slice(0, start + 1) + 'x' + text.slice(start + 1);
            void change(text);
        }
        await change(text.replace('by ggz_zhz', 'by ggz_zhzz'));
        const lastVersion = version;
        const final = await server.waitUntil('the last version', () => ofPlan().find(p => p.version === lastVersion));
        expect(final.diagnostics.map(d => d.code)).toContain('VP081');
        const published = ofPlan().slice(before);
        const notified = timelineNotifications().length - notificationsBefore;
        // Without coalescing the server published about 780 times for such a burst.
        expect(published.length).toBeLessThan(100);
        expect(notified).toBeLessThan(100);
        // Versions only go up: no stale set arrives after a newer one.
        const versions = published.map(p => p.version!);
        expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    });

    test('a single edit after the burst is published on its own', async () => {
        const count = ofPlan().length;
        await change(PLAN);
        const published = await server.waitUntil('the single edit', () => ofPlan().slice(count).find(p => p.version === version));
        expect(published.diagnostics.map(d => d.code)).not.toContain('VP081');
        expect(ofPlan().length).toBe(count + 1);
    });
});

describe('vplan-language-server on the command line', () => {
    const run = (...args: string[]) => spawnSync(process.execPath, [SERVER_BUNDLE, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: 'C' }, timeout: 20_000 });
    const version = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version as string;

    test('--help prints the usage and exits 0', () => {
        const result = run('--help');
        expect(result.status).toBe(0);
        expect(result.stdout).toContain('Usage: vplan-language-server --stdio');
        expect(result.stderr).toBe('');
    });

    test('--version prints the version and exits 0', () => {
        const result = run('--version');
        expect(result.status).toBe(0);
        expect(result.stdout).toBe(`${version}\n`);
    });

    test('without a transport it says how to start it, in one line, and exits 2', () => {
        const result = run();
        expect(result.status).toBe(2);
        expect(result.stderr.trim().split('\n')).toHaveLength(1);
        expect(result.stderr).toContain('--stdio');
        expect(result.stderr).not.toMatch(/\bat \S+:\d+/);
    });

    test('the help follows a Dutch environment', () => {
        const result = spawnSync(process.execPath, [SERVER_BUNDLE, '-h'], { encoding: 'utf8', env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'nl_NL.UTF-8' } });
        expect(result.stdout).toContain('Gebruik: vplan-language-server --stdio');
    });
});
