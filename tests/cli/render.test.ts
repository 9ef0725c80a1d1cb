/**
 * `vplan render FILE`, by running the real binary (bin/vplan.cjs after the esbuild bundle).
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLEAN_PLAN, ORGANISATIONS, REPO_ROOT, ensureBuilt, makeTempDir, removeDir, runVplan, writeFiles } from './cli-test-helpers.js';

let root: string;
const spec = readFileSync(join(REPO_ROOT, 'tests/fixtures/spec-example.vplan'), 'utf8');
const hostile = readFileSync(join(REPO_ROOT, 'tests/timeline/fixtures/hostile.vplan'), 'utf8');
const PINNED = { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 2, 15) / 1000) };
const SECOND_PLAN = CLEAN_PLAN.replace('plan linde_2026', 'plan linde_2027');

beforeAll(() => {
    ensureBuilt();
    root = makeTempDir('vplan-render-');
    writeFiles(root, {
        'spec/spec-example.vplan': spec,
        'hostile/hostile.vplan': hostile,
        // A workspace: the config at the top, organisations in one file, the plan deeper down.
        'region/vplan.config.json': JSON.stringify({ locale: 'nl' }),
        'region/orgs.vplan': ORGANISATIONS,
        'region/plans/linde.vplan': CLEAN_PLAN,
        'lonely/orgs-only.vplan': ORGANISATIONS,
        'two/plans.vplan': CLEAN_PLAN + '\n' + SECOND_PLAN,
        'two/orgs.vplan': ORGANISATIONS
    });
});

afterAll(() => removeDir(root));

describe('vplan render', () => {
    test('prints a self-contained HTML page by default', () => {
        const result = runVplan(['render', 'spec/spec-example.vplan'], { cwd: root, env: PINNED });
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        expect(result.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
        expect(result.stdout).toContain('<table class="vp-table">');
        expect(result.stdout).toContain('Tijdelijk huisverbod');
        expect(result.stdout).not.toMatch(/<script|<link|\ssrc=/i);
    });

    test('--format svg prints SVG; -o OUT.svg picks SVG from the extension and writes atomically', () => {
        const svg = runVplan(['render', 'spec/spec-example.vplan', '--format', 'svg'], { cwd: root, env: PINNED });
        expect(svg.status).toBe(0);
        expect(svg.stdout.startsWith('<?xml')).toBe(true);
        const written = runVplan(['render', 'spec/spec-example.vplan', '-o', 'spec/out.svg'], { cwd: root, env: PINNED });
        expect(written.status).toBe(0);
        expect(written.stdout).toBe('');
        expect(readFileSync(join(root, 'spec/out.svg'), 'utf8')).toBe(svg.stdout);
        expect(readdirSync(join(root, 'spec')).filter(name => name.endsWith('.tmp'))).toEqual([]);
        const html = runVplan(['render', 'spec/spec-example.vplan', '-o', 'spec/out.page'], { cwd: root, env: PINNED });
        expect(html.status).toBe(0);
        expect(readFileSync(join(root, 'spec/out.page'), 'utf8').startsWith('<!DOCTYPE html>')).toBe(true);
    });

    test('the output is reproducible with SOURCE_DATE_EPOCH', () => {
        const a = runVplan(['render', 'spec/spec-example.vplan'], { cwd: root, env: PINNED });
        const b = runVplan(['render', 'spec/spec-example.vplan'], { cwd: root, env: PINNED });
        expect(a.stdout).toBe(b.stdout);
        expect(a.stdout).toContain('today&#58; 2026-03-15');
    });

    test('loads FILE with the other files of its workspace (nearest vplan.config.json) and its locale', () => {
        const result = runVplan(['render', 'region/plans/linde.vplan'], { cwd: root, env: PINNED });
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        expect(result.stdout).toContain('Veilig Thuis Noord');
        expect(result.stdout).toContain('Tijdlijn');
    });

    test('hostile titles are rendered as text', () => {
        const result = runVplan(['render', 'hostile/hostile.vplan'], { cwd: root, env: PINNED });
        expect(result.status).toBe(0);
        expect(result.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
        expect(result.stdout).not.toContain('<script>');
        expect(result.stdout).not.toContain('<img');
    });

    test('--plan picks one of several plans', () => {
        const result = runVplan(['render', 'two/plans.vplan', '--plan', 'linde_2027', '--format', 'svg'], { cwd: root, env: PINNED });
        expect(result.status).toBe(0);
        expect(result.stdout).toContain('(linde_2027)');
    });
});

describe('vplan render: bad input exits 2 with one clear line', () => {
    const cases: Array<[string, string[], RegExp]> = [
        ['a missing file', ['render', 'nowhere.vplan'], /^vplan: nowhere\.vplan: no such file or folder$/],
        ['a file without a plan', ['render', 'lonely/orgs-only.vplan'], /^vplan: lonely\/orgs-only\.vplan: holds no plan to render$/],
        ['an unknown --plan', ['render', 'spec/spec-example.vplan', '--plan', 'nope'], /^vplan: spec\/spec-example\.vplan: holds no plan 'nope' \(plans: vermeer_2026\)$/],
        ['several plans without --plan', ['render', 'two/plans.vplan'], /^vplan: two\/plans\.vplan: holds several plans \(linde_2026, linde_2027\); pick one with --plan$/],
        ['an unknown format', ['render', 'spec/spec-example.vplan', '--format', 'pdf'], /pdf/],
        ['an output folder that does not exist', ['render', 'spec/spec-example.vplan', '-o', 'missing/out.html'], /^vplan: missing\/out\.html: the folder does not exist$/]
    ];
    for (const [name, args, message] of cases) {
        test(name, () => {
            const result = runVplan(args, { cwd: root });
            expect(result.status).toBe(2);
            expect(result.stdout).toBe('');
            const lines = result.stderr.trim().split('\n').filter(line => !line.startsWith('(run vplan'));
            expect(lines).toHaveLength(1);
            expect(lines[0]).toMatch(message);
        });
    }

    test('nothing is written when rendering fails', () => {
        runVplan(['render', 'two/plans.vplan', '-o', 'two/out.html'], { cwd: root });
        expect(existsSync(join(root, 'two/out.html'))).toBe(false);
    });
});
