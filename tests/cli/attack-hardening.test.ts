/**
 * Issue 15 ("hardening against an outside attacker") through the real binary (`bin/vplan.cjs`):
 * one test per reproduction of the issue, in its order. Items tested elsewhere through the binary
 * or a real server: 13 and 18 (tests/timeline/render-binary.test.ts), 16 (option-like file names
 * through git, tests/cli/diff-git-driver.test.ts), 17 (control characters in `check`'s formats,
 * tests/cli/check-reports.test.ts), 19 (tests/protocol/diagnostics-publishing.protocol.test.ts);
 * item 5 is the extension's (tests/timeline/timeline-preview-client.test.ts). Fuzz and property
 * tests of the same: tests/robustness/hostile-inputs.test.ts.
 */

import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import {
    chmodSync, chownSync, existsSync, linkSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
    CLEAN_PLAN, ORGANISATIONS, REPO_ROOT, RUNNING_AS_ROOT, UNFORMATTED_PLAN, VPLAN_BIN, VPLAN_COMMAND, cleanEnv, ensureBuilt, lines, makeTempDir,
    removeDir, runVplan, writeFiles, type RunResult
} from './cli-test-helpers.js';

const BSN = '123456782'; // passes the eleven-test; invented, as every test number must be
const MESSY = UNFORMATTED_PLAN;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

let dir: string;
beforeAll(() => ensureBuilt());
beforeEach(() => { dir = makeTempDir('vplan-attack-'); });
afterEach(() => removeDir(dir));

const run = (args: string[], env?: Record<string, string>) => runVplan(args, { cwd: dir, env });
const read = (path: string) => readFileSync(join(dir, path), 'utf8');

/** Runs the binary with a preload (tests/cli/preloads/) that plays an editor or a signal. */
function runWithPreload(preload: string, args: string[], env: Record<string, string>): RunResult & { signal: NodeJS.Signals | null } {
    const result = spawnSync(process.execPath, ['--require', join(REPO_ROOT, 'tests/cli/preloads', preload), VPLAN_BIN, ...args], {
        cwd: dir, env: cleanEnv(env), encoding: 'utf8'
    });
    return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** Exit 2 with exactly one line on stderr, which is returned. */
function oneLineExit2(result: RunResult): string {
    expect(result.status, result.stderr).toBe(2);
    const errorLines = lines(result.stderr);
    expect(errorLines, result.stderr).toHaveLength(1);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    return errorLines[0];
}

/** A plan folder (one workspace) with the organisations and `plan`. */
function planFolder(folder: string, plan: string): void {
    writeFiles(dir, { [`${folder}/orgs.vplan`]: ORGANISATIONS, [`${folder}/plan.vplan`]: plan });
}

function codes(result: RunResult): string[] {
    return (JSON.parse(result.stdout) as { diagnostics: Array<{ code: string }> }).diagnostics.map(d => d.code);
}

const FORMATS = ['text', 'json', 'sarif', 'junit', 'github'];

/** Raw characters that must never reach the output (a line end is only the format's own). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('limits bypassed and data leaked', () => {
    test('1. a huge number in a period, a checkpoint or `born` is VP060, never silently skipped', () => {
        const cases: Record<string, string> = {
            months: CLEAN_PLAN.replace('from 2026-01-12 for 10 days', 'from 2026-01-12 for 5000000 months'),
            years: CLEAN_PLAN.replace('from 2026-01-12 for 10 days', 'from 2026-01-12 for 10000000 years'),
            checkpoint: CLEAN_PLAN.replace('checkpoints 3 months, 6 months, 12 months', `checkpoints 3 months, 6 months, ${BSN} months`),
            born: CLEAN_PLAN.replace('member pim child born 2016', `member pim child born ${BSN}`)
        };
        for (const [folder, plan] of Object.entries(cases)) planFolder(folder, plan);
        for (const folder of Object.keys(cases)) {
            const result = run(['check', folder, '--format', 'json']);
            expect(result.status, `${folder}: ${result.stderr}`).toBe(1);
            expect(codes(result), folder).toContain('VP060');
        }
        // The export of the plan with the huge measure term counts that error.
        const exported = run(['export', 'months/plan.vplan']);
        expect(exported.status).toBe(0);
        expect(JSON.parse(exported.stdout).diagnostics).toMatchObject({ errors: 1 });
    });

    test('2. a BSN as a plain number (born, a duration, a stray token) is VP070 and is printed in no format', () => {
        planFolder('born', CLEAN_PLAN.replace('member pim child born 2016', `member pim child born ${BSN}`));
        planFolder('duration', CLEAN_PLAN.replace('from 2026-01-12 for 10 days', `from 2026-01-12 for ${BSN} days`));
        planFolder('stray', CLEAN_PLAN.replace('    status active', `    status active ${BSN}`));
        for (const folder of ['born', 'duration', 'stray']) {
            for (const format of FORMATS) {
                const result = run(['check', folder, '--format', format]);
                expect(result.status, `${folder} ${format}: ${result.stderr}`).toBe(1);
                expect(result.stdout, `${folder} ${format}`).toContain('VP070');
                expect(result.stdout + result.stderr, `${folder} ${format}`).not.toContain(BSN);
            }
        }
        // The stray one is also a syntax error (VP000), which does not quote it either.
        const stray = run(['check', 'stray', '--format', 'json']);
        expect(codes(stray)).toEqual(expect.arrayContaining(['VP000', 'VP070']));
        // Nor a phone number written as a bare number; an ordinary number is still quoted.
        for (const [folder, token] of [['phone', '0612345678'], ['phone-intl', '+31612345678']]) {
            planFolder(folder, CLEAN_PLAN.replace('    status active', `    status active ${token}`));
            const result = run(['check', folder, '--format', 'github']);
            expect(result.stdout).toContain('not repeated here');
            expect(result.stdout).not.toContain('12345678');
        }
        planFolder('count', CLEAN_PLAN.replace('    status active', '    status active 12345'));
        expect(run(['check', 'count']).stdout).toContain("Unexpected '12345'");
    });

    test('3. a folder search never follows a symbolic link; nothing of a linked file is read, quoted or rewritten', () => {
        const secret = 'ghp_0123456789abcdefABCDEF0123456789wxyz';
        writeFiles(dir, {
            'outside/secret.txt': `${secret}\nAWS_SECRET_ACCESS_KEY=abcdefghij0123456789\n`,
            'outside/messy.vplan': MESSY,
            'repo/plans/orgs.vplan': ORGANISATIONS,
            'repo/plans/plan.vplan': CLEAN_PLAN
        });
        symlinkSync(join(dir, 'outside/secret.txt'), join(dir, 'repo/plans/evil.vplan'));
        symlinkSync(join(dir, 'outside/messy.vplan'), join(dir, 'repo/plans/messy.vplan'));
        symlinkSync(join(dir, 'outside'), join(dir, 'repo/plans/linked-folder'));
        const repo = (args: string[]) => runVplan(args, { cwd: join(dir, 'repo') });
        for (const format of FORMATS) {
            const result = repo(['check', '--format', format]);
            expect(result.status, `${format}: ${result.stderr}`).toBe(0);
            expect(result.stdout + result.stderr).not.toMatch(/ghp_|AWS_SECRET|evil|linked-folder|messy/);
        }
        expect(lines(repo(['check']).stdout)).toEqual(['2 files checked: 0 errors, 0 warnings, 0 infos.']);
        // The one-FILE commands load the same workspace, without the links.
        const render = repo(['render', 'plans/plan.vplan']);
        expect(render.status).toBe(0);
        expect(render.stdout).not.toMatch(/ghp_|AWS_SECRET/);
        // fmt of the folder leaves the link's target alone.
        const fmt = repo(['fmt', '.']);
        expect(fmt.status).toBe(0);
        expect(fmt.stdout).toBe('');
        expect(read('outside/messy.vplan')).toBe(MESSY);
        // A file named explicitly may be a link (cli.md): it is read as asked.
        expect(repo(['fmt', 'plans/messy.vplan']).stdout).toBe('plans/messy.vplan\n');
        expect(lstatSync(join(dir, 'repo/plans/messy.vplan')).isSymbolicLink()).toBe(true);
    });

    test('4. a text direction override in a title is VP072, and never reaches the output raw', () => {
        planFolder('rlo', CLEAN_PLAN.replace('"Alleen begeleid contact"', '"Alleen \u202ebegeleid contact"'));
        for (const format of FORMATS) {
            const result = run(['check', 'rlo', '--format', format]);
            expect(result.stdout, format).toContain('VP072');
            expect(result.stdout, format).not.toContain('\u202e');
        }
        expect(run(['check', 'rlo']).status).toBe(0); // a warning
    });
});

describe('data lost or damaged', () => {
    beforeEach(() => planFolder('p', CLEAN_PLAN));

    test('6. render -o never writes over the plan or another file it read (exit 2, one line)', () => {
        linkSync(join(dir, 'p/plan.vplan'), join(dir, 'p/hard-link.html'));
        symlinkSync(join(dir, 'p/plan.vplan'), join(dir, 'p/soft-link.html'));
        for (const output of ['p/plan.vplan', './p/plan.vplan', 'p/orgs.vplan', 'p/hard-link.html', 'p/soft-link.html']) {
            const line = oneLineExit2(run(['render', 'p/plan.vplan', '-o', output]));
            expect(line).toContain(output);
            expect(line).toBe(`vplan: ${output}: is a file this command reads; choose another output`);
        }
        expect(read('p/plan.vplan')).toBe(CLEAN_PLAN);
        expect(read('p/orgs.vplan')).toBe(ORGANISATIONS);
        expect(lstatSync(join(dir, 'p/soft-link.html')).isSymbolicLink()).toBe(true);
        expect(readdirSync(join(dir, 'p')).sort()).toEqual(['hard-link.html', 'orgs.vplan', 'plan.vplan', 'soft-link.html']);
        // In Dutch too.
        expect(oneLineExit2(run(['render', 'p/plan.vplan', '-o', 'p/plan.vplan', '--locale', 'nl']))).toContain('is een bestand dat deze opdracht leest');
        // Nor over another plan of the workspace (known only by its summary), nor as a new file named like a plan or a config.
        const other = CLEAN_PLAN.replace('linde_2026', 'berk_2026');
        writeFiles(dir, { 'p/other.vplan': other });
        for (const output of ['p/other.vplan', 'p/new.vplan', 'p/vplan.config.json']) {
            expect(oneLineExit2(run(['render', 'p/plan.vplan', '-o', output])))
                .toBe(`vplan: ${output}: is named like a plan or configuration file (.vplan, vplan.config.json); choose another output`);
        }
        expect(read('p/other.vplan')).toBe(other);
        expect(existsSync(join(dir, 'p/new.vplan'))).toBe(false);
        expect(existsSync(join(dir, 'p/vplan.config.json'))).toBe(false);
    });

    test.skipIf(spawnSync('git', ['--version']).status !== 0)('6. review -o never writes over a file of the working tree it read', () => {
        const git = (...args: string[]) => expect(spawnSync('git', args, { cwd: join(dir, 'p'), env: cleanEnv({ GIT_CONFIG_NOSYSTEM: '1', HOME: dir }) }).status).toBe(0);
        git('init', '-q');
        git('add', '-A');
        git('-c', 'user.email=r@example.invalid', '-c', 'user.name=R', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'plan');
        writeFileSync(join(dir, 'p/vplan.config.json'), '{}\n');
        const review = (output: string) => runVplan(['review', 'HEAD', '-o', output], { cwd: join(dir, 'p') });
        for (const output of ['plan.vplan', 'vplan.config.json']) {
            expect(oneLineExit2(review(output))).toBe(`vplan: ${output}: is a file this command reads; choose another output`);
        }
        expect(read('p/plan.vplan')).toBe(CLEAN_PLAN);
        expect(read('p/vplan.config.json')).toBe('{}\n');
        expect(review('review.txt').status).toBe(0);
    });

    test('7. -o writes through a symbolic link, into a FIFO and into a character device, and refuses a dangling link', async () => {
        const expected = run(['render', 'p/plan.vplan']).stdout;
        // A link to a file: the target is written, the link stays.
        writeFileSync(join(dir, 'timeline.html'), 'old');
        symlinkSync(join(dir, 'timeline.html'), join(dir, 'latest.html'));
        expect(run(['render', 'p/plan.vplan', '-o', 'latest.html']).status).toBe(0);
        expect(lstatSync(join(dir, 'latest.html')).isSymbolicLink()).toBe(true);
        expect(read('timeline.html')).toBe(expected);
        // A link to /dev/null (a character device): written to, not replaced.
        symlinkSync('/dev/null', join(dir, 'discard.html'));
        const discarded = run(['render', 'p/plan.vplan', '-o', 'discard.html']);
        expect(discarded.status, discarded.stderr).toBe(0);
        expect(readlinkSync(join(dir, 'discard.html'))).toBe('/dev/null');
        expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
        // A link to /dev/stdout: the page arrives on stdout.
        symlinkSync('/dev/stdout', join(dir, 'out.html'));
        const toStdout = run(['render', 'p/plan.vplan', '-o', 'out.html']);
        expect(toStdout.status, toStdout.stderr).toBe(0);
        expect(toStdout.stdout).toBe(expected);
        expect(lstatSync(join(dir, 'out.html')).isSymbolicLink()).toBe(true);
        // A FIFO: its reader gets the page, and it stays a FIFO.
        if (spawnSync('mkfifo', [join(dir, 'pipe.html')]).status === 0) {
            const reader = spawn('sh', ['-c', 'cat pipe.html > received.html'], { cwd: dir });
            const exited = once(reader, 'exit');
            expect(run(['render', 'p/plan.vplan', '-o', 'pipe.html']).status).toBe(0);
            await exited;
            expect(read('received.html')).toBe(expected);
            expect(lstatSync(join(dir, 'pipe.html')).isFIFO()).toBe(true);
        }
        // A dangling link: one line, nothing written.
        symlinkSync(join(dir, 'missing/x.html'), join(dir, 'dangling.html'));
        expect(oneLineExit2(run(['render', 'p/plan.vplan', '-o', 'dangling.html']))).toMatch(/dangling\.html: .*symbolic link/);
        expect(existsSync(join(dir, 'missing'))).toBe(false);
        // No temporary file anywhere.
        expect(readdirSync(dir).filter(name => name.endsWith('.tmp'))).toEqual([]);
    });

    test('8. fmt keeps mode and hard links, and refuses a read-only file', () => {
        writeFiles(dir, { 'f/orgs.vplan': ORGANISATIONS, 'f/linked.vplan': MESSY, 'f/ro.vplan': MESSY.replace('linde_2026', 'ro_2026') });
        chmodSync(join(dir, 'f/linked.vplan'), 0o640);
        linkSync(join(dir, 'f/linked.vplan'), join(dir, 'other-name.txt'));
        chmodSync(join(dir, 'f/ro.vplan'), 0o444);
        const result = run(['fmt', 'f']);
        expect(result.stdout).toBe('f/linked.vplan\n');
        expect(oneLineExit2(result)).toBe('vplan: f/ro.vplan: is read-only; not rewritten');
        // The hard link shows the formatted text too: one file, rewritten in place.
        expect(read('other-name.txt')).toBe(CLEAN_PLAN);
        expect(statSync(join(dir, 'f/linked.vplan')).ino).toBe(statSync(join(dir, 'other-name.txt')).ino);
        expect(statSync(join(dir, 'f/linked.vplan')).mode & 0o7777).toBe(0o640);
        expect(read('f/ro.vplan')).toBe(MESSY.replace('linde_2026', 'ro_2026'));
        expect(statSync(join(dir, 'f/ro.vplan')).mode & 0o7777).toBe(0o444);
    });

    test.runIf(RUNNING_AS_ROOT)('8. fmt run by root keeps the owner and group of a user\'s plan', () => {
        writeFiles(dir, { 'f/orgs.vplan': ORGANISATIONS, 'f/plan.vplan': MESSY });
        const path = join(dir, 'f/plan.vplan');
        chmodSync(path, 0o640);
        chownSync(path, 1234, 2345);
        expect(run(['fmt', 'f']).stdout).toBe('f/plan.vplan\n');
        expect(read('f/plan.vplan')).toBe(CLEAN_PLAN);
        const stats = statSync(path);
        expect([stats.uid, stats.gid, stats.mode & 0o7777]).toEqual([1234, 2345, 0o640]);
    });

    test('9. a file saved while fmt runs is left with the saved text, and a line says so', () => {
        const saved = MESSY.replace('Veiligheidsplan gezin Linde', 'Veiligheidsplan gezin Linde (net opgeslagen)');
        writeFiles(dir, { 'f/a.vplan': MESSY.replace('linde_2026', 'a_2026'), 'f/b.vplan': MESSY.replace('linde_2026', 'b_2026'), 'f/orgs.vplan': ORGANISATIONS });
        const result = runWithPreload('edit-during-fmt.cjs', ['fmt', 'f'], { VPLAN_TEST_EDIT_PATH: join(dir, 'f/b.vplan'), VPLAN_TEST_EDIT_TEXT: saved });
        expect(result.stdout).toBe('f/a.vplan\n');
        expect(lines(result.stderr)).toEqual(['vplan: f/b.vplan: changed while vplan fmt ran; not rewritten (run vplan fmt again)']);
        expect(result.status).toBe(1);
        expect(read('f/b.vplan')).toBe(saved);
        expect(read('f/a.vplan')).toBe(CLEAN_PLAN.replace('linde_2026', 'a_2026'));
    });

    test.each(['SIGTERM', 'SIGINT'] as const)('10. %s right after a temporary file is written ends fmt and leaves no copy of a plan behind', signal => {
        const first = MESSY.replace('linde_2026', 'a_2026');
        writeFiles(dir, { 'f/a.vplan': first, 'f/orgs.vplan': ORGANISATIONS, 'f/plan.vplan': MESSY });
        const result = runWithPreload('signal-after-temporary.cjs', ['fmt', 'f'], { VPLAN_TEST_SIGNAL: signal });
        // The signal ends the run (it is not swallowed), after the file being replaced is whole.
        expect(result.signal).toBe(signal);
        expect(readdirSync(join(dir, 'f')).sort()).toEqual(['a.vplan', 'orgs.vplan', 'plan.vplan']);
        expect(read('f/a.vplan')).toBe(CLEAN_PLAN.replace('linde_2026', 'a_2026'));
        expect(read('f/plan.vplan')).toBe(MESSY);
        // render -o: the page is whole, and no temporary file is left.
        const rendered = runWithPreload('signal-after-temporary.cjs', ['render', 'f/plan.vplan', '-o', 'f/timeline.html'], { VPLAN_TEST_SIGNAL: signal, VPLAN_CACHE: 'off' });
        expect(rendered.stderr).toBe('');
        expect(readdirSync(join(dir, 'f')).filter(name => name.endsWith('.tmp'))).toEqual([]);
        expect(read('f/timeline.html')).toMatch(/<\/html>\n?$/);
        // vplan's own cache of file summaries (docs/privacy.md) is written the same way.
        runWithPreload('signal-after-temporary.cjs', ['check', 'f/plan.vplan'], { VPLAN_TEST_SIGNAL: signal, VPLAN_CACHE_DIR: join(dir, 'cache') });
        expect(readdirSync(join(dir, 'cache')).filter(name => name.endsWith('.tmp'))).toEqual([]);
    });

    test('11. fmt never writes a file vplan would then refuse (the size limit)', () => {
        // 1.5 MB of comment lines inside the household, which the layout indents to 5.5 MB.
        const comments = '//\n'.repeat(Math.floor(1.5 * 1024 * 1024 / 3));
        const plan = `plan groot "G" {\n    household {\n${comments}        member a adult\n    }\n}\n`;
        writeFiles(dir, { 'big/plan.vplan': plan });
        const line = oneLineExit2(run(['fmt', 'big']));
        expect(line).toMatch(/^vplan: big\/plan\.vplan: the formatted text would be too large \(5\.\d MB; vplan reads plans up to 5 MB\); not rewritten$/);
        expect(read('big/plan.vplan')).toBe(plan);
        // vplan still reads it: no internal error on 500,000 comments.
        const checked = run(['check', 'big']);
        expect(checked.stderr).not.toContain('internal error');
        expect(checked.status).toBe(1);
    });

    test('12. fmt keeps a byte-order mark, and the result passes fmt --check', () => {
        writeFiles(dir, { 'f/orgs.vplan': ORGANISATIONS, 'f/plan.vplan': Buffer.concat([UTF8_BOM, Buffer.from(MESSY)]) });
        expect(run(['fmt', 'f']).stdout).toBe('f/plan.vplan\n');
        expect(readFileSync(join(dir, 'f/plan.vplan'))).toEqual(Buffer.concat([UTF8_BOM, Buffer.from(CLEAN_PLAN)]));
        const checked = run(['fmt', '--check', 'f']);
        expect([checked.status, checked.stdout]).toEqual([0, '']);
    });
});

describe('clear lines instead of internal errors', () => {
    test('14. render, export and diff read a FILE not named .vplan as plan text', () => {
        planFolder('p', CLEAN_PLAN);
        writeFiles(dir, { 'p/old.txt': CLEAN_PLAN.replace('"Alleen begeleid contact"', '"Contact"') });
        const rendered = run(['render', 'p/old.txt']);
        expect([rendered.status, rendered.stderr]).toEqual([0, '']);
        expect(rendered.stdout).toContain('<html');
        const exported = run(['export', 'p/old.txt']);
        expect([exported.status, exported.stderr]).toEqual([0, '']);
        expect(JSON.parse(exported.stdout).format).toBe('vplan-export');
        const diff = run(['diff', 'p/old.txt', 'p/plan.vplan']);
        expect([diff.status, diff.stderr]).toEqual([0, '']);
        expect(diff.stdout).toContain('agreement contact');
    });

    test('15. hostile configs: a size limit, a depth limit, a range for every threshold (VP009), never an internal error', () => {
        const manyRules = (count: number) => JSON.stringify({ rules: Object.fromEntries(Array.from({ length: count }, (_, i) => [`VP${1000 + i}`, 'off'])) });
        const shortAftercare = CLEAN_PLAN.replace('from 2027-01-12 for 18 months', 'from 2027-01-12 for 6 months')
            .replace('checkpoints 3 months, 6 months, 12 months', 'checkpoints 3 months');
        const configs: Record<string, string> = {
            huge: manyRules(130_000),
            many: manyRules(20_000),
            deep: '['.repeat(20_000),
            deepObject: '{"rules":'.repeat(5_000),
            range: JSON.stringify({ aftercare: { minMonths: 1e9 } }),
            negative: JSON.stringify({ aftercare: { minMonths: -1 } })
        };
        for (const [folder, config] of Object.entries(configs)) {
            writeFiles(dir, { [`${folder}/orgs.vplan`]: ORGANISATIONS, [`${folder}/plan.vplan`]: shortAftercare, [`${folder}/vplan.config.json`]: config });
        }
        for (const folder of Object.keys(configs)) {
            const result = run(['check', folder, '--format', 'json']);
            expect(result.stderr, folder).toBe('');
            expect(result.status, folder).toBe(1);
            const found = codes(result);
            expect(found, folder).toContain('VP009');
            // The defaults apply: a six-month aftercare is still too short (VP022), whatever the config said.
            expect(found, folder).toContain('VP022');
            expect(found.filter(code => code === 'VP009').length, folder).toBeLessThanOrEqual(101);
        }
        expect(run(['check', 'huge']).stdout).toContain('larger than 1 MB');
        expect(run(['check', 'deep']).stdout).toContain('more than 64 levels deep');
        expect(run(['check', 'range']).stdout).toContain('aftercare.minMonths must be between 0 and 120000;');
        // --config names the same file: the same answers.
        expect(run(['check', 'range', '--config', 'deep/vplan.config.json']).stdout).toContain('more than 64 levels deep');
    });

    test('16. file names that look like options are files when they follow the options', () => {
        writeFiles(dir, { 'orgs.vplan': ORGANISATIONS, '--config=x.vplan': CLEAN_PLAN, '-h.vplan': CLEAN_PLAN.replace('linde_2026', 'h_2026') });
        const result = run(['check', '--format', 'json', '--', '--config=x.vplan', '-h.vplan']);
        expect(result.stderr).toBe('');
        expect(JSON.parse(result.stdout).summary.files).toBe(2);
        const folder = run(['check', '.']);
        expect(folder.stdout).toContain('3 files checked');
        expect(run(['diff', '--', '-h.vplan', '--config=x.vplan']).status).toBe(0);
    });

    test('17. fmt and the exit-2 lines escape control characters in file names', () => {
        const name = 'nieuw\n::error file=x.vplan::ingevoegd.vplan';
        writeFiles(dir, { 'f/orgs.vplan': ORGANISATIONS, [`f/${name}`]: MESSY });
        const checked = run(['fmt', '--check', 'f']);
        expect(checked.stdout).toBe('f/nieuw\\n::error file=x.vplan::ingevoegd.vplan\n');
        planFolder('p', CLEAN_PLAN);
        const rendered = run(['render', 'p/plan.vplan', '-o', 'nowhere\n::warning::x/out.html']);
        expect(oneLineExit2(rendered)).toMatch(/^vplan: nowhere\\n::warning::x\/out\.html: /);
        const written = run(['fmt', 'f']);
        expect(lines(written.stdout)).toEqual(['f/nieuw\\n::error file=x.vplan::ingevoegd.vplan']);
    });

    test.skipIf(spawnSync('git', ['--version']).status !== 0)('17. review and the git diff driver escape control characters in file names', () => {
        const name = 'x\n::error::ingevoegd\u001b[31m\u202e.vplan';
        writeFiles(dir, { 'r/orgs.vplan': ORGANISATIONS, 'r/.gitattributes': '*.vplan diff=vplan\n' });
        const cwd = join(dir, 'r');
        const git = (...args: string[]) => spawnSync('git', ['-c', 'user.email=r@example.invalid', '-c', 'user.name=R', '-c', 'commit.gpgsign=false',
            '-c', `diff.vplan.command=${VPLAN_COMMAND} diff --git`, ...args], { cwd, encoding: 'utf8', env: cleanEnv({ GIT_CONFIG_NOSYSTEM: '1', HOME: dir }) });
        git('init', '-q');
        git('add', '-A');
        git('commit', '-q', '-m', 'begin');
        writeFiles(cwd, { [name]: CLEAN_PLAN });
        git('add', '-A');
        git('commit', '-q', '-m', 'plan');
        writeFiles(cwd, { [name]: CLEAN_PLAN.replace('"Alleen begeleid contact"', '"Contact"') });
        for (const format of ['text', 'markdown', 'json', 'html']) {
            const result = runVplan(['review', 'HEAD~1', '--format', format], { cwd });
            expect(result.status, result.stderr).toBe(0);
            expect(RAW_CONTROL.test(result.stdout), format).toBe(false);
        }
        expect(runVplan(['review', 'HEAD~1'], { cwd }).stdout).toContain('x\\n::error::ingevoegd\\u001b[31m\\u202e.vplan (added)');
        const diff = git('diff');
        expect(diff.status, diff.stderr).toBe(0);
        expect(diff.stdout).toContain('diff --vplan a/x\\n::error::ingevoegd\\u001b[31m\\u202e.vplan b/x\\n');
        expect(RAW_CONTROL.test(diff.stdout)).toBe(false);
    });
});
