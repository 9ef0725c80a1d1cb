/**
 * CI details of `vplan check` through the real binary (issue 12, item 5; issue 15, item 17):
 * the line that says `--max-warnings` failed the run, in every format; JUnit's `failures`
 * counting failed test cases; file names with control characters escaped in every format.
 */

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import type { Log } from 'sarif';
import { ORGANISATIONS, WARNING_PLAN, ensureBuilt, lines, makeTempDir, removeDir, runVplan, writeFiles } from './cli-test-helpers.js';

let root: string;

/** Two unknown organisations (two VP081 in one test case) and two more rules raised to errors. */
const MANY_ERRORS_PLAN = WARNING_PLAN
    .replace('checked by vt_noord', 'checked by onbekend_a')
    .replace('chair zvh_noord', 'chair onbekend_b');

/** File names a hostile pull request could add: a newline that starts a workflow command, an escape sequence, a C1 control, a right-to-left override. */
const HOSTILE_NAMES = [
    'nieuw\n::error file=x.vplan,line=1::ingevoegd.vplan',
    'kleur\u001b[31mrood.vplan',
    'csi\u009b2Jleeg.vplan',
    'omgekeerd\u202enalp.vplan',
    'regel\u2028scheiding.vplan'
];

/** Raw characters that must never reach the output (a line end is only the format's own). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

beforeAll(() => {
    ensureBuilt();
    root = makeTempDir();
    writeFiles(root, {
        'warn/orgs.vplan': ORGANISATIONS, 'warn/plan.vplan': WARNING_PLAN,
        'many/orgs.vplan': ORGANISATIONS, 'many/plan.vplan': MANY_ERRORS_PLAN,
        'many/vplan.config.json': JSON.stringify({ rules: { VP033: 'error', VP041: 'error' } }),
        'hostile/orgs.vplan': ORGANISATIONS,
        ...Object.fromEntries(HOSTILE_NAMES.map((name, index) => [`hostile/${name}`,
            WARNING_PLAN.replace('by ggz_noord', 'by onbekend').replace('plan linde_2026 ', `plan p${index}_2026 `)]))
    });
});

afterAll(() => removeDir(root));

const check = (args: string[]) => runVplan(['check', ...args], { cwd: root });

describe('--max-warnings exceeded: one line says so, in every format', () => {
    const LINE = 'vplan found too many warnings: 2 (maximum: 1).';

    test.each(['text', 'json', 'sarif', 'junit'])('%s: the report on stdout stays whole, the line goes to stderr', format => {
        const result = check(['--format', format, '--max-warnings', '1', 'warn']);
        expect(result.status).toBe(1);
        expect(lines(result.stderr)).toEqual([LINE]);
        expect(result.stdout).not.toContain('too many warnings');
        if (format === 'json' || format === 'sarif') expect(() => JSON.parse(result.stdout)).not.toThrow();
        if (format === 'junit') expect(() => new XMLParser().parse(result.stdout)).not.toThrow();
    });

    test('github: an ::error:: workflow command without a file, after the annotations', () => {
        const result = check(['--format', 'github', '--max-warnings', '1', 'warn']);
        expect(result.status).toBe(1);
        expect(result.stderr).toBe('');
        expect(lines(result.stdout).at(-1)).toBe(`::error::${LINE}`);
        expect(lines(result.stdout).filter(line => line.startsWith('::warning file='))).toHaveLength(2);
    });

    test('in Dutch with --locale nl; nothing when the warnings are within the limit', () => {
        expect(lines(check(['--locale', 'nl', '--max-warnings', '0', 'warn']).stderr)).toEqual(['vplan vond te veel waarschuwingen: 2 (maximum: 0).']);
        for (const format of ['text', 'github']) {
            const within = check(['--format', format, '--max-warnings', '2', 'warn']);
            expect(within.status).toBe(0);
            expect(within.stdout + within.stderr).not.toMatch(/too many warnings/);
        }
    });

    test('--quiet still says why the run failed', () => {
        const quiet = check(['--quiet', '--max-warnings', '0', 'warn']);
        expect(quiet.status).toBe(1);
        expect(lines(quiet.stderr)).toEqual(['vplan found too many warnings: 2 (maximum: 0).']);
    });
});

describe('JUnit: one failure per failed test case', () => {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: name => ['testsuite', 'testcase', 'failure'].includes(name) });

    test('failures counts failed test cases, and each failure lists all error-level diagnostics of its rule', () => {
        const json = JSON.parse(check(['--format', 'json', 'many']).stdout) as { diagnostics: Array<{ code: string; severity: string; message: string }> };
        const errors = json.diagnostics.filter(d => d.severity === 'error');
        const vp081 = errors.filter(d => d.code === 'VP081');
        expect(vp081).toHaveLength(2);
        expect(new Set(errors.map(d => d.code))).toEqual(new Set(['VP033', 'VP041', 'VP081']));

        const xml = parser.parse(check(['--format', 'junit', 'many']).stdout);
        const plan = xml.testsuites.testsuite.find((s: { '@name': string }) => s['@name'] === 'many/plan.vplan');
        const failing = plan.testcase.filter((t: { failure?: unknown[] }) => t.failure);
        expect(failing.map((t: { '@name': string }) => t['@name'].slice(0, 5)).sort()).toEqual(['VP033', 'VP041', 'VP081']);
        expect(failing.every((t: { failure: unknown[] }) => t.failure.length === 1)).toBe(true);
        expect(Number(plan['@failures'])).toBe(3);
        expect(Number(xml.testsuites['@failures'])).toBe(3);
        const unresolved = failing.find((t: { '@name': string }) => t['@name'].startsWith('VP081')).failure[0];
        expect(unresolved['@message']).toMatch(/^2 errors: /);
        expect(unresolved['@type']).toBe('VP081');
        const body = String(unresolved['#text']).split('\n');
        expect(body).toEqual(vp081.map(d => expect.stringContaining(`error VP081 ${d.message}`)));
        expect(body.every(line => /^many\/plan\.vplan:\d+:\d+: error VP081 /.test(line))).toBe(true);
    });
});

describe('control characters in file names are escaped in every format', () => {
    const files = (stdout: string) => stdout.split('\n');

    test('text: one line per diagnostic, the names escaped as \\n, \\u001b, ...', () => {
        const result = check(['hostile']);
        expect(result.status).toBe(1);
        expect(RAW_CONTROL.test(result.stdout)).toBe(false);
        const output = lines(result.stdout);
        expect(output.slice(0, -1).every(line => /^hostile\/.+:\d+:\d+: (error|warning|info) VP\d{3} /.test(line))).toBe(true);
        expect(output.some(line => line.startsWith('::'))).toBe(false);
        expect(result.stdout).toContain('hostile/nieuw\\n::error file=x.vplan,line=1::ingevoegd.vplan:');
        expect(result.stdout).toContain('hostile/kleur\\u001b[31mrood.vplan:');
        expect(result.stdout).toContain('hostile/csi\\u009b2Jleeg.vplan:');
        expect(result.stdout).toContain('hostile/omgekeerd\\u202enalp.vplan:');
        expect(result.stdout).toContain('hostile/regel\\u2028scheiding.vplan:');
    });

    test('json and sarif: the exact names for a JSON reader, no raw control character for a person', () => {
        const json = check(['--format', 'json', 'hostile']);
        expect(RAW_CONTROL.test(json.stdout)).toBe(false);
        const names = new Set((JSON.parse(json.stdout) as { diagnostics: Array<{ file: string }> }).diagnostics.map(d => d.file));
        expect(names).toEqual(new Set(HOSTILE_NAMES.map(name => `hostile/${name}`)));
        const sarif = check(['--format', 'sarif', 'hostile']);
        expect(RAW_CONTROL.test(sarif.stdout)).toBe(false);
        const uris = new Set((JSON.parse(sarif.stdout) as Log).runs[0].results!.map(r => r.locations![0].physicalLocation!.artifactLocation!.uri));
        expect(uris).toEqual(new Set(HOSTILE_NAMES.map(name => `hostile/${encodeURIComponent(name)}`)));
    });

    test('junit: well-formed XML with the names escaped', () => {
        const junit = check(['--format', 'junit', 'hostile']);
        expect(RAW_CONTROL.test(junit.stdout)).toBe(false);
        const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: name => name === 'testsuite' }).parse(junit.stdout);
        const suites = xml.testsuites.testsuite.map((s: { '@name': string }) => s['@name']);
        expect(suites).toContain('hostile/nieuw\\n::error file=x.vplan,line=1::ingevoegd.vplan');
        expect(suites).toContain('hostile/kleur\\u001b[31mrood.vplan');
    });

    test('github: every line is one of vplan\'s workflow commands; no name starts a command of its own', () => {
        const github = check(['--format', 'github', 'hostile']);
        expect(RAW_CONTROL.test(github.stdout)).toBe(false);
        const output = lines(github.stdout);
        expect(output.length).toBe(HOSTILE_NAMES.length * 2);
        expect(output.every(line => /^::(error|warning|notice) file=hostile\/[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=VP\d{3}::/.test(line))).toBe(true);
        expect(github.stdout).toContain('file=hostile/nieuw%0A%3A%3Aerror file=x.vplan%2Cline=1%3A%3Aingevoegd.vplan,');
        expect(files(github.stdout).filter(line => line.startsWith('::error file=x.vplan'))).toEqual([]);
    });

    test('the one line of an exit 2 names the file escaped', () => {
        const missing = check(['hostile/ontbreekt\n::error::nep.vplan']);
        expect(missing.status).toBe(2);
        expect(lines(missing.stderr)).toEqual(['vplan: hostile/ontbreekt\\n::error::nep.vplan: no such file or folder']);
    });
});
