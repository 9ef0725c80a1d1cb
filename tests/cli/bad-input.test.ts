/**
 * Every command on input a person can get wrong: a missing file, an unreadable file, invalid
 * UTF-8, a binary file, an empty file, a 10 MB file, an unknown option. Exit 2 comes with exactly
 * one line on stderr naming the file and the reason, and never a stack trace.
 */

import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLEAN_PLAN, ORGANISATIONS, RUNNING_AS_ROOT, ensureBuilt, lines, makeTempDir, removeDir, runVplan, writeFiles } from './cli-test-helpers.js';

let root: string;

beforeAll(() => {
    ensureBuilt();
    root = makeTempDir('vplan-bad-');
    writeFiles(root, {
        'good/orgs.vplan': ORGANISATIONS,
        'good/plan.vplan': CLEAN_PLAN,
        'bad/latin1.vplan': Buffer.concat([Buffer.from('plan caf'), Buffer.from([0xe9]), Buffer.from(' "x" {\n}\n')]),
        'bad/binary.vplan': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0xff, 0xfe]),
        'bad/empty.vplan': '',
        'bad/huge.vplan': Buffer.alloc(10 * 1024 * 1024, '// filler line of a very large plan file\n'),
        'bad/locked.vplan': CLEAN_PLAN
    });
    chmodSync(join(root, 'bad/locked.vplan'), 0o000);
});
afterAll(() => {
    chmodSync(join(root, 'bad/locked.vplan'), 0o644);
    removeDir(root);
});

/** The commands that read one or more plan files, as argument lists for a given FILE. */
const COMMANDS: Array<[string, (file: string) => string[]]> = [
    ['check', file => ['check', file]],
    ['fmt', file => ['fmt', file]],
    ['fmt --check', file => ['fmt', '--check', file]],
    ['export', file => ['export', file]],
    ['diff (OLD)', file => ['diff', file, 'good/plan.vplan']],
    ['diff (NEW)', file => ['diff', 'good/plan.vplan', file]]
];

function expectOneLineExit2(args: string[], ...fragments: string[]): void {
    const result = runVplan(args, { cwd: root });
    expect(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(2);
    const errorLines = lines(result.stderr);
    expect(errorLines, result.stderr).toHaveLength(1);
    for (const fragment of fragments) expect(errorLines[0]).toContain(fragment);
    expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe.each(COMMANDS)('vplan %s', (_name, argsFor) => {
    test('a missing file: exit 2, one line naming it', () => {
        expectOneLineExit2(argsFor('bad/missing.vplan'), 'bad/missing.vplan', 'no such file');
    });

    test.skipIf(RUNNING_AS_ROOT)('an unreadable file (chmod 000): exit 2, one line', () => {
        expectOneLineExit2(argsFor('bad/locked.vplan'), 'bad/locked.vplan', 'permission denied');
    });

    test('invalid UTF-8: exit 2, one line with the offset', () => {
        expectOneLineExit2(argsFor('bad/latin1.vplan'), 'bad/latin1.vplan', 'not UTF-8', 'first invalid byte at offset 8');
    });

    test('a binary file: exit 2, one line', () => {
        expectOneLineExit2(argsFor('bad/binary.vplan'), 'bad/binary.vplan', 'binary');
    });

    test('a 10 MB file: exit 2, one line about its size', () => {
        expectOneLineExit2(argsFor('bad/huge.vplan'), 'bad/huge.vplan', 'too large');
    });

    test('an unknown option: exit 2, one line', () => {
        expectOneLineExit2([...argsFor('good/plan.vplan'), '--no-such-option'], "unknown option '--no-such-option'");
    });
});

describe('an empty file', () => {
    test('check: no diagnostics, a note on stderr, exit 0', () => {
        const result = runVplan(['check', 'bad/empty.vplan'], { cwd: root });
        expect(result.status).toBe(0);
        expect(lines(result.stderr)).toEqual(['vplan check: bad/empty.vplan: empty file (no declarations)']);
    });

    test('fmt: already canonical, left alone', () => {
        expect(runVplan(['fmt', '--check', 'bad/empty.vplan'], { cwd: root })).toMatchObject({ status: 0, stdout: '' });
        expect(runVplan(['fmt', 'bad/empty.vplan'], { cwd: root }).status).toBe(0);
        expect(readFileSync(join(root, 'bad/empty.vplan'), 'utf8')).toBe('');
    });

    test('export: no plan to export, exit 2 with one line', () => {
        expectOneLineExit2(['export', 'bad/empty.vplan'], 'bad/empty.vplan', 'no plan');
    });

    test('diff: an empty old version means the plan was added', () => {
        const result = runVplan(['diff', 'bad/empty.vplan', 'good/plan.vplan'], { cwd: root });
        expect(result.status).toBe(0);
        expect(result.stdout).toContain('+ plan linde_2026 "Veiligheidsplan gezin Linde"');
    });
});

describe('a folder where a FILE is expected', () => {
    test('export and diff say it is a folder', () => {
        expectOneLineExit2(['export', 'good'], 'good', 'folder');
        expectOneLineExit2(['diff', 'good', 'good/plan.vplan'], 'good', 'folder');
    });
});

describe('the process', () => {
    test('--help and --version exit 0 on stdout', () => {
        for (const args of [['--help'], ['check', '--help'], ['fmt', '--help'], ['diff', '--help'], ['export', '--help']]) {
            const result = runVplan(args, { cwd: root });
            expect(result.status).toBe(0);
            expect(result.stdout).toContain('Usage: vplan');
        }
        expect(runVplan(['--version'], { cwd: root }).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    });

    test('an unknown command: exit 2, one line', () => {
        expectOneLineExit2(['frobnicate'], "unknown command 'frobnicate'");
    });

    test('an invalid --format: exit 2, one line', () => {
        expectOneLineExit2(['check', '--format', 'xml', 'good'], "'xml' is invalid");
        expectOneLineExit2(['diff', '--format', 'sarif', 'good/plan.vplan', 'good/plan.vplan'], "'sarif' is invalid");
    });
});
