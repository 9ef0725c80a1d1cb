/**
 * `vplan check --changed BASE` with two workspaces in one git repository (cli/changed-files.ts;
 * language reference, section 2: files of two workspaces never see each other's names). A changed
 * declaration reaches only the files of its own workspace; a changed config file every file of
 * the workspaces it governs and no other; a file moved from one workspace to another both.
 * Whatever is picked, its diagnostics are those of a full check.
 */

import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { catalogueToVplan, generateCatalogue, generatePlan, planToVplan } from '../../bench/workload.js';
import { GIT_AVAILABLE, ensureBuilt, gitIn, makeTempDir, removeDir, runVplan, writeFiles } from './cli-test-helpers.js';

const gitAvailable = GIT_AVAILABLE;

interface Report { diagnostics: Array<{ file: string }>; summary: { files: number } }

let repo: string;
let cache: string;

const git = (...args: string[]) => gitIn(repo, ...args);

const measureType = (name: string, title: string) => `measure type ${name} "${title}" {
    mode dwang
    basis "Burgerlijk Wetboek Boek 1"
    term max 1 year
    subject minor
    imposed by rechter
    regie gi
}
`;

/** Plan `index` of bench/workload.ts, with a measure of type `type` if given. */
const plan = (index: number, type?: string) => {
    const text = planToVplan(generatePlan(index));
    return type ? text.replace(/\}\s*$/, `    measure m_test ${type} {\n        by gi_regio\n        from 2026-03-10 for 10 days\n    }\n}\n`) : text;
};

function check(args: string[]): { status: number | null; report: Report; stderr: string } {
    const result = runVplan(['check', ...args, '--format', 'json'], { cwd: repo, env: { VPLAN_CACHE_DIR: cache } });
    return { status: result.status, report: result.stdout ? JSON.parse(result.stdout) as Report : { diagnostics: [], summary: { files: 0 } }, stderr: result.stderr };
}

/** Two workspaces: the top (plans that use regio_x, and one that does not) and other/ (its own root). */
function setUp(other: 'uses-nothing' | 'own-regio-x', extra: Record<string, string> = {}): void {
    const files: Record<string, string> = {
        'vplan.config.json': '{ "root": true }\n',
        'organisaties.vplan': catalogueToVplan(generateCatalogue()),
        'regio/types.vplan': measureType('regio_x', 'Regio X'),
        'plans/p1.vplan': plan(2, 'regio_x'),
        'plans/p2.vplan': plan(3),
        'other/vplan.config.json': '{ "root": true }\n',
        'other/organisaties.vplan': catalogueToVplan(generateCatalogue()),
        'other/p1.vplan': other === 'own-regio-x' ? measureType('regio_x', 'Eigen X') + '\n' + plan(2, 'regio_x') : plan(2),
        ...extra
    };
    writeFiles(repo, files);
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'base');
}

beforeEach(() => {
    ensureBuilt();
    repo = makeTempDir('vplan-changed-ws-');
    cache = makeTempDir('vplan-changed-ws-cache-');
});

afterEach(() => {
    removeDir(repo);
    removeDir(cache);
});

describe.skipIf(!gitAvailable)('vplan check --changed BASE across workspaces', () => {
    for (const other of ['uses-nothing', 'own-regio-x'] as const) {
        describe(`the other workspace ${other === 'own-regio-x' ? 'declares and uses its own regio_x' : 'does not name regio_x'}`, () => {
            test('the title of a measure type changed: its file and the plans of its workspace that use it', () => {
                setUp(other);
                writeFileSync(join(repo, 'regio/types.vplan'), measureType('regio_x', 'Regio X, nieuw'));
                const result = check(['--changed', 'HEAD']);
                expect(result.report.summary.files).toBe(2);
                expect(result.report.diagnostics.some(d => d.file.startsWith('other/'))).toBe(false);
                const full = check([]).report;
                const reported = new Set(result.report.diagnostics.map(d => d.file));
                expect(reported.has('plans/p1.vplan')).toBe(true);
                expect(result.report.diagnostics).toEqual(full.diagnostics.filter(d => reported.has(d.file)));
            });

            test('the measure type deleted: the plans of its workspace that used it', () => {
                setUp(other);
                rmSync(join(repo, 'regio/types.vplan'));
                const result = check(['--changed', 'HEAD']);
                expect(result.report.summary.files).toBe(1);
                expect([...new Set(result.report.diagnostics.map(d => d.file))]).toEqual(['plans/p1.vplan']);
                const full = check([]).report;
                expect(result.report.diagnostics).toEqual(full.diagnostics.filter(d => d.file === 'plans/p1.vplan'));
            });
        });
    }

    test('a config file changed: every file of its workspace, none of the other', () => {
        setUp('own-regio-x');
        writeFileSync(join(repo, 'other/vplan.config.json'), '{ "root": true, "rules": { "VP081": "warning" } }\n');
        expect(check(['--changed', 'HEAD']).report.summary.files).toBe(2);
        writeFileSync(join(repo, 'other/vplan.config.json'), '{ "root": true }\n');
        writeFileSync(join(repo, 'vplan.config.json'), '{ "root": true, "rules": { "VP081": "warning" } }\n');
        expect(check(['--changed', 'HEAD']).report.summary.files).toBe(4);
        expectExact();
    });

    test('a config file in a plain folder changed: every file of the workspace that holds the folder', () => {
        setUp('uses-nothing', { 'plans/vplan.config.json': '{}\n' });
        writeFileSync(join(repo, 'plans/vplan.config.json'), '{ "rules": { "VP081": "warning" } }\n');
        expect(check(['--changed', 'HEAD']).report.summary.files).toBe(4);
    });

    test('a folder made a workspace of its own, or one no longer one: every file of both', () => {
        setUp('own-regio-x');
        // plans/ becomes a workspace: regio_x and the organisations no longer resolve there.
        writeFiles(repo, { 'plans/vplan.config.json': '{ "root": true }\n' });
        expect(check(['--changed', 'HEAD']).report.summary.files).toBe(4);
        rmSync(join(repo, 'plans/vplan.config.json'));
        // other/ joins the top workspace: both declare regio_x (VP080), so everything.
        writeFileSync(join(repo, 'other/vplan.config.json'), '{}\n');
        expect(check(['--changed', 'HEAD']).report.summary.files).toBe(6);
        expectExact();
    });

    test('a file moved from one workspace to another: the files of both that name what it declares, none of a third', () => {
        setUp('uses-nothing', {
            'third/vplan.config.json': '{ "root": true }\n',
            'third/organisaties.vplan': catalogueToVplan(generateCatalogue()),
            'third/p1.vplan': measureType('regio_x', 'Derde X') + '\n' + plan(2, 'regio_x'),
            'other/p2.vplan': plan(4, 'regio_x')
        });
        mkdirSync(join(repo, 'other/regio'));
        renameSync(join(repo, 'regio/types.vplan'), join(repo, 'other/regio/types.vplan'));
        const result = check(['--changed', 'HEAD']);
        // Gone from the top workspace: plans/p1 names it; new in other/: other/p2 names it.
        expect(result.report.summary.files).toBe(3);
        expect([...new Set(result.report.diagnostics.map(d => d.file))].sort()).toEqual(['other/p2.vplan', 'plans/p1.vplan']);
        expectExact();
    });
});

/** `--changed HEAD` reports for the files it checks exactly what a full check reports for them. */
function expectExact(): void {
    const full = check([]).report;
    const result = check(['--changed', 'HEAD']);
    const reported = new Set(result.report.diagnostics.map(d => d.file));
    expect(result.report.diagnostics).toEqual(full.diagnostics.filter(d => reported.has(d.file)));
}
