/**
 * Conformance of `vplan check` with shared/spec/cli.md, written from the contract text: the real
 * bundled binary (`process.execPath bin/vplan.cjs`) run in temporary folders on invented plans.
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { repositoryWebUrl } from '../../cli/format-sarif.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'vplan.cjs');

beforeAll(() => {
    if (existsSync(join(ROOT, 'out', 'cli.cjs'))) return;
    const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(build.stderr);
});

const temps: string[] = [];
afterAll(() => { for (const dir of temps) rmSync(dir, { recursive: true, force: true }); });

function project(files: Record<string, string | Buffer>): string {
    const dir = mkdtempSync(join(tmpdir(), 'vplan-conformance-cli-'));
    temps.push(dir);
    for (const [path, content] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), content);
    }
    return dir;
}

function vplan(args: string[], cwd: string, env: Record<string, string> = {}) {
    const base: NodeJS.ProcessEnv = { ...process.env };
    for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE', 'NO_COLOR', 'FORCE_COLOR']) delete base[name];
    const result = spawnSync(process.execPath, [BIN, ...args], { cwd, env: { ...base, ...env }, encoding: 'utf8' });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const CATALOGUE = `organisation vt "Veilig Thuis" kind veiligthuis
organisation wt "Sociaal wijkteam" kind wijkteam
organisation ggz "GGZ" kind ggz
`;

/**
 * A plan with exactly one error (VP011 at line 22, column 9) and one warning (VP041 at line 16, column 18).
 * The help for bob runs a year so that he is covered all along (no VP004).
 */
const PLAN = `plan p "Veiligheidsplan" {
    status active
    period 2026-01-01 to 2027-01-01
    household {
        member ann adult born 1990 roles victim
        member bob adult born 1988 roles perpetrator
    }
    network {
        supporter oma "Oma" supports ann aware
    }
    agreement afspraak "Geen contact" {
        by bob
        protects ann
        checked by vt
    }
    intervention hulp "Daderhulp" {
        for bob
        by ggz
        from 2026-01-10 for 12 months
    }
    regie {
        wt from 2026-01-01 to 2026-06-01
    }
    aftercare {
        owner wt
        from 2027-01-01 for 12 months
        checkpoints 3 months, 12 months
    }
}
`;
const VP011_LINE = 22;
const VP041_LINE = 16;

/** The same plan without its error: only the VP041 warning remains. */
const WARNING_ONLY = PLAN.replace('wt from 2026-01-01 to 2026-06-01', 'wt from 2026-01-01');
const CLEAN = WARNING_ONLY.replace('        from 2026-01-10 for 12 months\n', '        from 2026-01-10 for 12 months\n        fallback "Terugmelding"\n');

const LINE = /^(.+):(\d+):(\d+): (error|warning|info) (VP\d{3}) (.+)$/;

function diagnosticLines(stdout: string): string[] {
    return stdout.split('\n').filter(l => LINE.test(l));
}

describe('vplan check, text format', () => {
    test('one line per diagnostic as PATH:LINE:COLUMN: SEVERITY VPnnn MESSAGE, then one summary line', () => {
        const dir = project({ 'plan.vplan': PLAN, 'orgs.vplan': CATALOGUE });
        const { status, stdout } = vplan(['check', 'plan.vplan', 'orgs.vplan'], dir);
        expect(status).toBe(1);
        const lines = stdout.trimEnd().split('\n');
        const diagnostics = diagnosticLines(stdout);
        expect(diagnostics).toHaveLength(2);
        expect(lines).toHaveLength(3);
        expect(lines.slice(0, 2)).toEqual(diagnostics);
        expect(diagnostics[0]).toMatch(new RegExp(`^plan\\.vplan:${VP041_LINE}:18: warning VP041 `));
        expect(diagnostics[1]).toMatch(new RegExp(`^plan\\.vplan:${VP011_LINE}:9: error VP011 `));
        expect(lines[2]).not.toMatch(LINE);
        expect(lines[2]).toMatch(/^2 files checked: 1 error, 1 warning\b/);
    });

    test('lines are sorted by path and then by position (numerically)', () => {
        // One workspace root for the whole project (spec v2, section 2), so that a/z.vplan sees orgs.vplan.
        const dir = project({ 'b.vplan': PLAN, 'a/z.vplan': PLAN.replace('plan p ', 'plan q '), 'orgs.vplan': CATALOGUE, 'vplan.config.json': '{ "root": true }' });
        const { stdout } = vplan(['check', 'b.vplan', 'orgs.vplan', 'a'], dir);
        const keys = diagnosticLines(stdout).map(l => {
            const m = LINE.exec(l)!;
            return [m[1], Number(m[2]), Number(m[3])] as const;
        });
        expect(keys.map(k => k[0])).toEqual(['a/z.vplan', 'a/z.vplan', 'b.vplan', 'b.vplan']);
        const sorted = [...keys].sort((x, y) => x[0].localeCompare(y[0]) || x[1] - y[1] || x[2] - y[2]);
        expect(keys).toEqual(sorted);
    });

    test('PATH as given: a path relative to the current folder, or absolute', () => {
        const dir = project({ 'plans/plan.vplan': PLAN, 'orgs.vplan': CATALOGUE });
        const relative = vplan(['check', 'plans', 'orgs.vplan'], dir);
        expect(diagnosticLines(relative.stdout).every(l => l.startsWith('plans/plan.vplan:'))).toBe(true);
        const absolute = vplan(['check', join(dir, 'plans', 'plan.vplan'), join(dir, 'orgs.vplan')], dir);
        expect(diagnosticLines(absolute.stdout).every(l => l.startsWith(join(dir, 'plans', 'plan.vplan') + ':'))).toBe(true);
    });

    test('a clean workspace exits 0', () => {
        const dir = project({ 'plan.vplan': CLEAN, 'orgs.vplan': CATALOGUE });
        const { status, stdout } = vplan(['check'], dir);
        expect(diagnosticLines(stdout)).toEqual([]);
        expect(status).toBe(0);
    });

    test('warnings alone exit 0; --max-warnings N exits 1 only above N', () => {
        const dir = project({ 'plan.vplan': WARNING_ONLY, 'orgs.vplan': CATALOGUE });
        expect(vplan(['check'], dir).status).toBe(0);
        expect(vplan(['check', '--max-warnings', '1'], dir).status).toBe(0);
        expect(vplan(['check', '--max-warnings', '0'], dir).status).toBe(1);
    });

    test('--quiet reports errors only', () => {
        const dir = project({ 'plan.vplan': PLAN, 'orgs.vplan': CATALOGUE });
        const { status, stdout } = vplan(['check', '--quiet'], dir);
        expect(status).toBe(1);
        expect(diagnosticLines(stdout).map(l => LINE.exec(l)![5])).toEqual(['VP011']);
    });
});

describe('vplan check, json format', () => {
    test('one object with version 1, diagnostics with 1-based positions, and a summary', () => {
        const dir = project({ 'plan.vplan': PLAN, 'orgs.vplan': CATALOGUE });
        const { status, stdout } = vplan(['check', '--format', 'json'], dir);
        expect(status).toBe(1);
        const report = JSON.parse(stdout);
        expect(report.version).toBe(1);
        expect(report.summary).toEqual({ files: 2, errors: 1, warnings: 1, infos: 0 });
        expect(report.diagnostics).toHaveLength(2);
        for (const d of report.diagnostics) {
            expect(Object.keys(d).sort()).toEqual(['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'severity'].sort());
        }
        const vp011 = report.diagnostics.find((d: { code: string }) => d.code === 'VP011');
        expect(vp011).toMatchObject({ file: 'plan.vplan', line: VP011_LINE, column: 9, severity: 'error' });
        expect(vp011.endLine).toBeGreaterThanOrEqual(vp011.line);
        const vp041 = report.diagnostics.find((d: { code: string }) => d.code === 'VP041');
        // `hulp` in `    intervention hulp "Daderhulp" {`: columns 18 to 22 (end exclusive)
        expect(vp041).toMatchObject({ file: 'plan.vplan', line: VP041_LINE, column: 18, endLine: VP041_LINE, endColumn: 22, severity: 'warning' });
    });

    test('an info diagnostic has severity "info"', () => {
        const dir = project({
            'plan.vplan': CLEAN.replace('member bob adult born 1988 roles perpetrator', 'member bob adult born 1988 roles perpetrator\n        member tes child born 2012 roles victim no-action "Woont op kamers"'),
            'orgs.vplan': CATALOGUE
        });
        const { status, stdout } = vplan(['check', '--format', 'json'], dir);
        const report = JSON.parse(stdout);
        expect(report.diagnostics.map((d: { code: string; severity: string }) => [d.code, d.severity])).toEqual([['VP091', 'info']]);
        expect(report.summary.infos).toBe(1);
        expect(status).toBe(0);
        const github = vplan(['check', '--format', 'github'], dir).stdout;
        expect(github).toMatch(/^::notice file=plan\.vplan,.*title=VP091::/m);
        const text = vplan(['check'], dir).stdout;
        expect(text).toMatch(/^plan\.vplan:\d+:\d+: info VP091 /m);
    });
});

describe('vplan check, sarif, junit and github formats', () => {
    test('sarif: a SARIF 2.1.0 log with one run, tool.driver vplan with every rule, and one result per diagnostic', () => {
        const dir = project({ 'plan.vplan': PLAN, 'orgs.vplan': CATALOGUE });
        const { status, stdout } = vplan(['check', '--format', 'sarif'], dir);
        expect(status).toBe(1);
        const log = JSON.parse(stdout);
        expect(log.version).toBe('2.1.0');
        expect(log.runs).toHaveLength(1);
        const driver = log.runs[0].tool.driver;
        expect(driver.name).toBe('vplan');
        const ids = driver.rules.map((r: { id: string }) => r.id);
        for (const code of ['VP000', 'VP001', 'VP011', 'VP041', 'VP091', 'VP100']) expect(ids).toContain(code);
        for (const rule of driver.rules) {
            expect(rule.shortDescription.text).toBeTruthy();
            // An absolute link when package.json names a real web address; no link rather than a dead one otherwise.
            if (repositoryWebUrl()) expect(rule.helpUri).toMatch(/^https?:\/\//);
            else expect(rule).not.toHaveProperty('helpUri');
        }
        const results = log.runs[0].results;
        expect(results.map((r: { ruleId: string }) => r.ruleId).sort()).toEqual(['VP011', 'VP041']);
        const vp011 = results.find((r: { ruleId: string }) => r.ruleId === 'VP011');
        expect(vp011.level).toBe('error');
        expect(vp011.message.text).toBeTruthy();
        expect(vp011.locations[0].physicalLocation.region).toMatchObject({ startLine: VP011_LINE, startColumn: 9 });
        expect(vp011.locations[0].physicalLocation.artifactLocation.uri).toContain('plan.vplan');
    });

    test('junit: one testsuite per file and a failure per error-level diagnostic', () => {
        const dir = project({ 'plan.vplan': PLAN, 'orgs.vplan': CATALOGUE });
        const { stdout } = vplan(['check', '--format', 'junit'], dir);
        expect(stdout).toMatch(/^<\?xml/);
        expect(stdout.match(/<testsuite\b/g)).toHaveLength(2);
        expect(stdout.match(/<failure\b/g)).toHaveLength(1);
        expect(stdout).toMatch(/<testsuite[^>]*name="plan\.vplan"/);
    });

    test('github: one workflow command per diagnostic', () => {
        const dir = project({ 'plan.vplan': PLAN, 'orgs.vplan': CATALOGUE });
        const lines = vplan(['check', '--format', 'github'], dir).stdout.trim().split('\n').filter(l => l.startsWith('::'));
        expect(lines).toHaveLength(2);
        expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^::error file=plan\\.vplan,line=${VP011_LINE},col=9,endLine=\\d+,endColumn=\\d+,title=VP011::.+`)));
        expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^::warning file=plan\\.vplan,line=${VP041_LINE},col=18,endLine=${VP041_LINE},endColumn=22,title=VP041::.+`)));
    });
});

describe('vplan check, paths', () => {
    test('without PATH the current folder is used, searched recursively, skipping node_modules and dot-folders', () => {
        const broken = 'organisation x "X" kind nope\n';
        const dir = project({
            'deep/er/plan.vplan': PLAN,
            'orgs.vplan': CATALOGUE,
            'vplan.config.json': '{ "root": true }',
            'node_modules/pkg/broken.vplan': broken,
            '.git/broken.vplan': broken,
            '.hidden/deeper/broken.vplan': broken,
            'notes.txt': broken
        });
        const { stdout } = vplan(['check'], dir);
        const files = new Set(diagnosticLines(stdout).map(l => LINE.exec(l)![1]));
        expect([...files]).toEqual(['deep/er/plan.vplan']);
        expect(JSON.parse(vplan(['check', '--format', 'json'], dir).stdout).summary.files).toBe(2);
        const sub = vplan(['check'], join(dir, 'deep'));
        // v2: from a sub-folder only its files are reported, each resolved against its whole workspace
        // (the root above), so the organisations still resolve and the diagnostics are the same.
        expect(diagnosticLines(sub.stdout).map(l => l.replace(/^er\//, 'deep/er/'))).toEqual(diagnosticLines(stdout));
        expect(JSON.parse(vplan(['check', '--format', 'json'], join(dir, 'deep')).stdout).summary.files).toBe(1);
    });

    test('`.` as PATH is the current folder, not a dot-folder', () => {
        const dir = project({ 'plan.vplan': PLAN, 'orgs.vplan': CATALOGUE });
        const { stdout } = vplan(['check', '.', '--format', 'json'], dir);
        expect(JSON.parse(stdout).summary.files).toBe(2);
    });

    test('every file is read in its own workspace: references resolve within it, never across workspaces', () => {
        // v2 (cli.md, common rules): one root above both folders makes one workspace, whatever the PATHs name.
        const dir = project({ 'a/plan.vplan': PLAN, 'b/orgs.vplan': CATALOGUE, 'vplan.config.json': '{ "root": true }' });
        const together = vplan(['check', 'a', 'b'], dir);
        expect(diagnosticLines(together.stdout).some(l => l.includes('VP081'))).toBe(false);
        const alone = vplan(['check', 'a'], dir);
        expect(diagnosticLines(alone.stdout)).toEqual(diagnosticLines(together.stdout));
        // Without a shared root (no git, no config) each file's folder is its own workspace: even
        // named in one call, a/plan.vplan does not see b/orgs.vplan.
        const apart = project({ 'a/plan.vplan': PLAN, 'b/orgs.vplan': CATALOGUE });
        expect(diagnosticLines(vplan(['check', 'a', 'b'], apart).stdout).some(l => l.includes('VP081'))).toBe(true);
    });

    test('the built-in catalogue of measure types is always there', () => {
        const plan = CLEAN.replace('    regie {', '    measure hv huisverbod {\n        on bob\n        by burg\n        from 2026-01-10\n    }\n    regie {')
            .replace('wt from 2026-01-01\n', 'vt from 2026-01-01 to 2026-01-20\n        wt from 2026-01-20\n');
        const dir = project({ 'plan.vplan': plan, 'orgs.vplan': CATALOGUE + 'organisation burg "Burgemeester" kind burgemeester\n' });
        const { status, stdout } = vplan(['check'], dir);
        expect(diagnosticLines(stdout)).toEqual([]);
        expect(status).toBe(0);
    });

    test('a PATH that does not exist exits 2 with one line on stderr naming it, and no stack trace', () => {
        const dir = project({ 'plan.vplan': PLAN });
        const { status, stderr } = vplan(['check', 'missing.vplan'], dir);
        expect(status).toBe(2);
        expect(stderr.trim().split('\n')).toHaveLength(1);
        expect(stderr).toContain('missing.vplan');
        expect(stderr).not.toMatch(/\n\s+at /);
    });

    test('a file that is not UTF-8 text exits 2 naming the file', () => {
        const dir = project({ 'orgs.vplan': CATALOGUE, 'bad.vplan': Buffer.from([0x70, 0x6c, 0x61, 0x6e, 0x20, 0xff, 0xfe, 0x0a]) });
        const { status, stderr } = vplan(['check'], dir);
        expect(status).toBe(2);
        expect(stderr).toContain('bad.vplan');
        expect(stderr).not.toMatch(/\n\s+at /);
    });

    test('a file given by name that is not a .vplan file is plan text (cli.md v2, common rules), not an internal error', () => {
        const dir = project({ 'notes.txt': CATALOGUE });
        const { status, stdout, stderr } = vplan(['check', 'notes.txt'], dir);
        expect(stderr).toBe('');
        expect(status).toBe(0);
        expect(stdout).toBe('1 file checked: 0 errors, 0 warnings, 0 infos.\n');
    });

    test('bad usage exits 2', () => {
        const dir = project({ 'plan.vplan': PLAN });
        expect(vplan(['check', '--format', 'xml'], dir).status).toBe(2);
        expect(vplan(['check', '--locale', 'de'], dir).status).toBe(2);
        expect(vplan(['check', '--no-such-option'], dir).status).toBe(2);
    });
});

describe('vplan check, configuration', () => {
    test('the nearest vplan.config.json in the current folder changes severities and turns rules off', () => {
        const dir = project({ 'plans/plan.vplan': PLAN, 'orgs.vplan': CATALOGUE, 'vplan.config.json': '{ "rules": { "VP011": "warning", "VP041": "off" } }' });
        const { status, stdout } = vplan(['check'], dir);
        expect(diagnosticLines(stdout).map(l => LINE.exec(l)!.slice(4, 6))).toEqual([['warning', 'VP011']]);
        expect(status).toBe(0);
    });

    test('the config file found from a sub-folder applies (current folder or above)', () => {
        const dir = project({ 'plans/plan.vplan': PLAN, 'plans/orgs.vplan': CATALOGUE, 'vplan.config.json': '{ "rules": { "VP011": "off" } }' });
        const { stdout } = vplan(['check'], join(dir, 'plans'));
        expect(diagnosticLines(stdout).map(l => LINE.exec(l)![5])).toEqual(['VP041']);
    });

    test('files outside the current folder take the settings of their own workspace, not the current folder\'s', () => {
        // v2: settings come from the config files between a file's workspace root and its folder
        // (language reference, section 2); a config in the folder the command runs in is not one of them.
        const plans = project({ 'plan.vplan': PLAN, 'orgs.vplan': CATALOGUE });
        const ci = project({ 'vplan.config.json': '{ "rules": { "VP011": "off" } }' });
        const { stdout } = vplan(['check', plans], ci);
        expect(diagnosticLines(stdout).map(l => LINE.exec(l)![5])).toEqual(['VP041', 'VP011']);
        // --config names one config for every file of the call.
        const named = vplan(['check', plans, '--config', join(ci, 'vplan.config.json')], ci);
        expect(diagnosticLines(named.stdout).map(l => LINE.exec(l)![5])).toEqual(['VP041']);
    });

    test('a file\'s own nearest config comes before the current folder\'s (editor and CLI agree)', () => {
        const plans = project({ 'plan.vplan': PLAN, 'orgs.vplan': CATALOGUE, 'vplan.config.json': '{ "rules": { "VP041": "off" } }' });
        const ci = project({ 'vplan.config.json': '{ "rules": { "VP011": "off" } }' });
        const { stdout } = vplan(['check', plans], ci);
        expect(diagnosticLines(stdout).map(l => LINE.exec(l)![5])).toEqual(['VP011']);
    });

    test('--config FILE names the config to use', () => {
        const dir = project({ 'plan.vplan': PLAN, 'orgs.vplan': CATALOGUE, 'ci/strict.json': '{ "rules": { "VP041": "error" } }' });
        const { status, stdout } = vplan(['check', '--config', 'ci/strict.json', 'plan.vplan', 'orgs.vplan'], dir);
        expect(diagnosticLines(stdout).map(l => LINE.exec(l)!.slice(4, 6))).toEqual([['error', 'VP041'], ['error', 'VP011']]);
        expect(status).toBe(1);
    });

    test('a --config FILE that does not exist exits 2 naming it', () => {
        const dir = project({ 'plan.vplan': PLAN, 'orgs.vplan': CATALOGUE });
        const { status, stderr } = vplan(['check', '--config', 'nowhere.json'], dir);
        expect(status).toBe(2);
        expect(stderr).toContain('nowhere.json');
        expect(stderr).not.toMatch(/\n\s+at /);
    });

    test('a broken config is VP009 on the config file itself, and the defaults apply to the rest', () => {
        const dir = project({ 'plan.vplan': WARNING_ONLY, 'orgs.vplan': CATALOGUE, 'vplan.config.json': '{ "rules": { "VP041": "loud" } }' });
        const { status, stdout } = vplan(['check'], dir);
        const lines = diagnosticLines(stdout);
        expect(lines.some(l => /^vplan\.config\.json:\d+:\d+: error VP009 /.test(l))).toBe(true);
        expect(lines.some(l => / warning VP041 /.test(l))).toBe(true);
        expect(status).toBe(1);
    });

    test('"VP000": "off" does not silence syntax errors', () => {
        const dir = project({ 'plan.vplan': 'organisation vt "Veilig Thuis" kind veiligthuis\nplan }\n', 'vplan.config.json': '{ "rules": { "VP000": "off" } }' });
        const { status, stdout } = vplan(['check', 'plan.vplan'], dir);
        expect(diagnosticLines(stdout).some(l => l.includes(' VP000 '))).toBe(true);
        expect(status).toBe(1);
    });
});

describe('vplan check, locale', () => {
    const message = (stdout: string) => diagnosticLines(stdout).find(l => l.includes('VP011'))!.replace(LINE, '$6');

    test('--locale picks the language; the default follows LC_ALL, LC_MESSAGES, LANG (Dutch for nl*)', () => {
        const dir = project({ 'plan.vplan': PLAN, 'orgs.vplan': CATALOGUE });
        const en = message(vplan(['check', '--locale', 'en'], dir).stdout);
        const nl = message(vplan(['check', '--locale', 'nl'], dir).stdout);
        expect(nl).not.toBe(en);
        expect(message(vplan(['check'], dir, {}).stdout)).toBe(en);
        expect(message(vplan(['check'], dir, { LANG: 'nl_NL.UTF-8' }).stdout)).toBe(nl);
        expect(message(vplan(['check'], dir, { LANG: 'nl_BE' }).stdout)).toBe(nl);
        expect(message(vplan(['check'], dir, { LANG: 'en_US.UTF-8', LC_MESSAGES: 'nl_NL.UTF-8' }).stdout)).toBe(nl);
        expect(message(vplan(['check'], dir, { LANG: 'nl_NL.UTF-8', LC_MESSAGES: 'en_GB.UTF-8' }).stdout)).toBe(en);
        expect(message(vplan(['check'], dir, { LANG: 'nl_NL.UTF-8', LC_MESSAGES: 'nl_NL', LC_ALL: 'en_US.UTF-8' }).stdout)).toBe(en);
        expect(message(vplan(['check'], dir, { LC_ALL: 'nl_NL.UTF-8' }).stdout)).toBe(nl);
        expect(message(vplan(['check', '--locale', 'en'], dir, { LC_ALL: 'nl_NL.UTF-8' }).stdout)).toBe(en);
    });

    test('"locale" in vplan.config.json applies when --locale is not given', () => {
        const dir = project({ 'plan.vplan': PLAN, 'orgs.vplan': CATALOGUE, 'vplan.config.json': '{ "locale": "nl" }' });
        const en = message(vplan(['check', '--locale', 'en'], dir).stdout);
        const nl = message(vplan(['check'], dir).stdout);
        expect(nl).not.toBe(en);
        expect(nl).toMatch(/regie/);
    });
});

describe('vplan check, output streams', () => {
    test('diagnostics go to stdout, never to stderr; no colour codes when stdout is not a TTY', () => {
        const dir = project({ 'plan.vplan': PLAN, 'orgs.vplan': CATALOGUE });
        const { stdout, stderr } = vplan(['check'], dir);
        expect(stderr).not.toContain('VP011');
        expect(stdout).not.toContain('\u001b[');
    });
});

describe('a reserved word as a name', () => {
    test('is one VP000 for `vplan check`, and `vplan fmt` never rewrites the file (a syntax error)', () => {
        const text = 'organisation   regie "X" kind other\n';
        const dir = project({ 'orgs.vplan': text });
        const check = vplan(['check'], dir);
        expect(diagnosticLines(check.stdout)).toHaveLength(1);
        expect(check.stdout).toMatch(/^orgs\.vplan:1:16: error VP000 .*reserved/m);
        const fmt = vplan(['fmt', 'orgs.vplan'], dir);
        expect(fmt.status).toBe(1);
        expect(readFileSync(join(dir, 'orgs.vplan'), 'utf8')).toBe(text);
    });
});

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

describe('vplan check, colours', () => {
    // `script` gives the binary a pseudo-terminal as stdout.
    const inTty = (cwd: string, env: Record<string, string>) => {
        const base: NodeJS.ProcessEnv = { ...process.env };
        for (const name of ['NO_COLOR', 'FORCE_COLOR', 'LC_ALL', 'LC_MESSAGES', 'LANG']) delete base[name];
        const command = `"${process.execPath}" "${BIN}" check`;
        return spawnSync('script', ['-qc', command, '/dev/null'], { cwd, env: { ...base, ...env }, encoding: 'utf8' }).stdout;
    };

    test.skipIf(!hasScript)('colours when stdout is a TTY, none when NO_COLOR is set', () => {
        const dir = project({ 'plan.vplan': PLAN, 'orgs.vplan': CATALOGUE });
        expect(inTty(dir, {})).toContain('\u001b[');
        expect(inTty(dir, { NO_COLOR: '1' })).not.toContain('\u001b[');
    });
});

describe('vplan --help and --version', () => {
    test('--version prints the package version; check --help describes every option', () => {
        const dir = project({});
        const version = vplan(['--version'], dir);
        expect(version.status).toBe(0);
        const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
        expect(version.stdout.trim()).toBe(pkg.version);
        const help = vplan(['check', '--help'], dir);
        expect(help.status).toBe(0);
        for (const option of ['--format', 'text', 'json', 'sarif', 'junit', 'github', '--max-warnings', '--quiet', '--config', '--locale']) {
            expect(help.stdout).toContain(option);
        }
    });
});
