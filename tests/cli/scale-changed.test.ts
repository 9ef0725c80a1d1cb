/**
 * `vplan check --changed BASE` (issue 14, item 3; cli/changed-files.ts) through the real binary in
 * a temporary git repository: it checks the changed files and every file that declares or names a
 * declaration of a changed file (now or at BASE), and reports for them exactly what a full check
 * reports; a changed config file checks everything.
 */

import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { catalogueToVplan, generateCatalogue, generatePlan, planToVplan } from '../../bench/workload.js';
import { GIT_AVAILABLE, ensureBuilt, gitIn, makeTempDir, removeDir, runVplan, writeFiles } from './cli-test-helpers.js';

const gitAvailable = GIT_AVAILABLE;

interface Report { diagnostics: Array<{ file: string }>; summary: { files: number } }

let repo: string;
let cache: string;

const git = (...args: string[]) => gitIn(repo, ...args);

/** Plan `index` of bench/workload.ts, with the organisations it uses optionally renamed. */
const plan = (index: number) => planToVplan(generatePlan(index));

function check(args: string[]): { status: number | null; report: Report; stderr: string } {
    const result = runVplan(['check', ...args, '--format', 'json'], { cwd: repo, env: { VPLAN_CACHE_DIR: cache } });
    return { status: result.status, report: result.stdout ? JSON.parse(result.stdout) as Report : { diagnostics: [], summary: { files: 0 } }, stderr: result.stderr };
}

/** `--changed HEAD`: the files it checked (sorted), and whether its diagnostics are the full check's for them. */
function changed(): { files: number; reported: string[]; exact: boolean } {
    const full = check([]).report;
    const result = check(['--changed', 'HEAD']);
    expect(result.status === 0 || result.status === 1).toBe(true);
    const reported = [...new Set(result.report.diagnostics.map(d => d.file))].sort();
    const expected = full.diagnostics.filter(d => reported.includes(d.file));
    return { files: result.report.summary.files, reported, exact: JSON.stringify(expected) === JSON.stringify(result.report.diagnostics) };
}

beforeEach(() => {
    ensureBuilt();
    repo = makeTempDir('vplan-changed-');
    cache = makeTempDir('vplan-changed-cache-');
    const files: Record<string, string> = {
        'organisaties.vplan': catalogueToVplan(generateCatalogue()),
        'extra.vplan': 'organisation wijkteam_extra "Wijkteam extra" kind wijkteam\n'
    };
    for (let index = 1; index <= 8; index++) files[`plannen/p${index}.vplan`] = plan(index);
    // Plan 8 uses the extra organisation; the others do not.
    files['plannen/p8.vplan'] = plan(8).replaceAll('jeugdhulp_regio', 'wijkteam_extra');
    writeFiles(repo, files);
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'base');
});

afterEach(() => {
    removeDir(repo);
    removeDir(cache);
});

describe.skipIf(!gitAvailable)('vplan check --changed BASE', () => {
    test('nothing changed: nothing checked', () => {
        const result = check(['--changed', 'HEAD']);
        expect(result.status).toBe(0);
        expect(result.report.summary.files).toBe(0);
    });

    test('one plan edited: only that plan, with the diagnostics of a full check', () => {
        writeFileSync(join(repo, 'plannen/p3.vplan'), plan(3).replaceAll('veiligthuis_regio', 'veiligthuis_onbekend'));
        const result = changed();
        expect(result.files).toBe(1);
        expect(result.reported).toEqual(['plannen/p3.vplan']);
        expect(result.exact).toBe(true);
    });

    test('an organisation removed: the plans that name it, and its file', () => {
        writeFileSync(join(repo, 'extra.vplan'), '// leeg\n');
        const result = changed();
        expect(result.files).toBe(2);
        expect(result.reported).toEqual(['plannen/p8.vplan']);
        expect(result.exact).toBe(true);
    });

    test('a new file with a plan name that exists: both files (VP080)', () => {
        const id = generatePlan(2).id;
        writeFiles(repo, { 'nieuw/kopie.vplan': plan(5).replace(`plan ${generatePlan(5).id} `, `plan ${id} `) });
        const result = changed();
        expect(result.files).toBe(2);
        expect(result.reported).toEqual(['plannen/p2.vplan']); // the later declaration is the duplicate
        expect(result.exact).toBe(true);
    });

    test('a file deleted (committed): the files that named what it declared', () => {
        rmSync(join(repo, 'extra.vplan'));
        git('add', '-A');
        git('commit', '-qm', 'delete');
        const result = check(['--changed', 'HEAD~1']);
        expect(result.report.summary.files).toBe(1);
        expect(new Set(result.report.diagnostics.map(d => d.file))).toEqual(new Set(['plannen/p8.vplan']));
    });

    test('a measure type another one requires changed: the plans that use the other one too', () => {
        const measureType = (name: string, requires?: string) => `measure type ${name} "Maatregel ${name}" {
    mode dwang
    basis "Burgerlijk Wetboek Boek 1"
    term max 1 year
    subject minor
    imposed by rechter
    regie gi${requires ? `\n    requires ${requires}` : ''}
}
`;
        const withMeasure = plan(2).replace(/\}\s*$/, '    measure m_test mt_a {\n        by gi_regio\n        from 2026-03-10 for 10 days\n    }\n}\n');
        writeFiles(repo, { 'typen.vplan': measureType('mt_a', 'mt_b'), 'zz-typen.vplan': measureType('mt_b'), 'plannen/p2.vplan': withMeasure });
        git('add', '-A');
        git('commit', '-qm', 'measure types');
        // mt_b goes: typen.vplan names it (mt_a requires it), and p2 uses mt_a.
        writeFileSync(join(repo, 'zz-typen.vplan'), '// leeg\n');
        const full = check([]).report;
        const result = check(['--changed', 'HEAD']);
        expect(result.report.summary.files).toBe(3);
        const reported = new Set(result.report.diagnostics.map(d => d.file));
        expect(result.report.diagnostics).toEqual(full.diagnostics.filter(d => reported.has(d.file)));
        expect(full.diagnostics.some(d => d.file === 'plannen/p2.vplan')).toBe(true);
        expect(reported.has('plannen/p2.vplan')).toBe(true);
    });

    test('one organisation of the catalogue edited: the catalogue and the plans that name it', () => {
        const catalogue = catalogueToVplan(generateCatalogue());
        const name = 'wijkteam_molenlanden';
        const edited = catalogue.replace(new RegExp(`(organisation ${name} ")`), '$1Nieuw: ');
        expect(edited).not.toBe(catalogue);
        writeFileSync(join(repo, 'organisaties.vplan'), edited);
        const naming = Array.from({ length: 7 }, (_, i) => i + 1).filter(index => new RegExp(`\\b${name}\\b`).test(plan(index)));
        expect(naming.length).toBeGreaterThan(0);
        expect(naming.length).toBeLessThan(7);
        const result = check(['--changed', 'HEAD']);
        expect(result.report.summary.files).toBe(1 + naming.length);
        expect(changed().exact).toBe(true);
    });

    test('a comment above the catalogue (every declaration moves): only the catalogue', () => {
        writeFileSync(join(repo, 'organisaties.vplan'), '// Bijgewerkt.\n\n' + catalogueToVplan(generateCatalogue()));
        expect(check(['--changed', 'HEAD']).report.summary.files).toBe(1);
    });

    test('a config file changed: every file', () => {
        writeFiles(repo, { 'vplan.config.json': JSON.stringify({ rules: { VP081: 'warning' } }) + '\n' });
        const result = check(['--changed', 'HEAD']);
        expect(result.report.summary.files).toBe(10);
    });

    test('outside a git repository, or with a revision git does not know: exit 2 with one line', () => {
        const unknown = check(['--changed', 'no-such-revision']);
        expect(unknown.status).toBe(2);
        expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
        expect(unknown.stderr).toContain('no-such-revision');
        rmSync(join(repo, '.git'), { recursive: true });
        const outside = check(['--changed', 'HEAD']);
        expect(outside.status).toBe(2);
        expect(outside.stderr.trim().split('\n')).toHaveLength(1);
    });
});
