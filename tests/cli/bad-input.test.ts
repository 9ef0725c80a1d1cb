/**
 * Every command on input a person can get wrong: a missing file, an unreadable file, invalid
 * UTF-8, a binary file, an empty file, a 10 MB file, an unknown option. Exit 2 comes with exactly
 * one line on stderr naming the file and the reason, and never a stack trace.
 */

import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
    CLEAN_PLAN, ORGANISATIONS, RUNNING_AS_ROOT, VPLAN_BIN, cleanEnv, ensureBuilt, lines, makeTempDir, removeDir, runVplan, writeFiles
} from './cli-test-helpers.js';

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

describe('a path named explicitly that is not a regular file', () => {
    // Named pipes and sockets exist on POSIX systems (a Windows named pipe is no path in a folder).
    const posix = process.platform !== 'win32' && spawnSync('mkfifo', ['--help']).error === undefined;
    let server: Server | undefined;

    beforeAll(async () => {
        if (!posix) return;
        writeFiles(root, { 'pipes/orgs.vplan': ORGANISATIONS, 'pipes/plan.vplan': CLEAN_PLAN });
        spawnSync('mkfifo', [join(root, 'pipes/pipe.vplan')]);
        server = createServer();
        await new Promise<void>(resolve => server!.listen(join(root, 'pipes/socket.vplan'), resolve));
    });
    afterAll(() => new Promise<void>(resolve => (server ? server.close(() => resolve()) : resolve())));

    /** Runs the binary with a time limit: reading a FIFO would block for ever. */
    function runLimited(args: string[]) {
        const result = spawnSync(process.execPath, [VPLAN_BIN, ...args], { cwd: root, env: cleanEnv(), encoding: 'utf8', timeout: 20_000 });
        return { status: result.status, stderr: result.stderr, timedOut: result.error !== undefined || result.signal !== null };
    }

    const commands: Array<[string, (file: string) => string[]]> = [...COMMANDS, ['render', file => ['render', file]]];

    test.skipIf(!posix).each(commands)('vplan %s on a FIFO: exit 2 at once, one line naming it and the reason', (_name, argsFor) => {
        const result = runLimited(argsFor('pipes/pipe.vplan'));
        expect(result.timedOut, 'vplan waited on the FIFO').toBe(false);
        expect(result.status, result.stderr).toBe(2);
        expect(lines(result.stderr)).toEqual(['vplan: pipes/pipe.vplan: is a named pipe (FIFO), not a regular file']);
    });

    test.skipIf(!posix)('a socket and a device too, in both languages; a folder search passes them by', () => {
        expect(lines(runLimited(['check', 'pipes/socket.vplan']).stderr)).toEqual(['vplan: pipes/socket.vplan: is a socket, not a regular file']);
        expect(lines(runLimited(['check', '/dev/null']).stderr)).toEqual(['vplan: /dev/null: is a device, not a regular file']);
        const dutch = runLimited(['check', 'pipes/pipe.vplan', '--locale', 'nl']);
        expect(dutch.status).toBe(2);
        expect(lines(dutch.stderr)).toEqual(['vplan: pipes/pipe.vplan: is een named pipe (FIFO), geen gewoon bestand']);
        // A folder search reads regular files only: the FIFO and the socket are passed by.
        const search = runLimited(['check', 'pipes']);
        expect(search.timedOut).toBe(false);
        expect(search.status, search.stderr).toBe(0);
        expect(search.stderr).toBe('');
    });
});

describe('vplan without a command', () => {
    test('exit 2 with one line on stderr, not the whole help', () => {
        const result = runVplan([], { cwd: root });
        expect(result.status).toBe(2);
        expect(result.stdout).toBe('');
        expect(lines(result.stderr)).toEqual(['vplan: error: no command given (run vplan --help for usage)']);
        expect(lines(runVplan(['--'], { cwd: root }).stderr)).toEqual(['vplan: error: no command given (run vplan --help for usage)']);
    });

    test('in Dutch', () => {
        const result = runVplan([], { cwd: root, env: { LANG: 'nl_NL.UTF-8' } });
        expect(result.status).toBe(2);
        expect(lines(result.stderr)).toEqual(['vplan: fout: geen opdracht opgegeven (zie vplan --help voor het gebruik)']);
    });

    test('`vplan help NAME` for an unknown NAME: one line too; `vplan help` and `vplan --help` print the help on stdout, exit 0', () => {
        expectOneLineExit2(['help', 'frobnicate'], "unknown command 'frobnicate'");
        expect(lines(runVplan(['help', 'frobnicate'], { cwd: root, env: { LANG: 'nl_NL.UTF-8' } }).stderr))
            .toEqual(["vplan: fout: onbekende opdracht 'frobnicate' (zie vplan --help voor het gebruik)"]);
        for (const args of [['--help'], ['help'], ['-h']]) {
            const result = runVplan(args, { cwd: root });
            expect(result.status).toBe(0);
            expect(result.stdout).toContain('Usage: vplan [options] [command]');
            expect(result.stderr).toBe('');
        }
        const check = runVplan(['help', 'check'], { cwd: root });
        expect(check.status).toBe(0);
        expect(check.stdout).toContain('Usage: vplan check');
    });
});
