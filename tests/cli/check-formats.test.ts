/**
 * `vplan check` output formats (SARIF, JUnit, GitHub workflow commands, text, json) and the
 * options --max-warnings, --quiet, --config and --locale, by running the real binary.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import type { Log, Result } from 'sarif';
import { pathToFileURL } from 'node:url';
import { escapeData, escapeProperty } from '../../cli/format-github.js';
import { realWebUrl, ruleHelpUri } from '../../cli/format-sarif.js';
import { RULES } from '../../language/rules/registry.js';
import {
    CLEAN_PLAN, ERROR_PLAN, ORGANISATIONS, REPO_ROOT, WARNING_PLAN, ensureBuilt, lines, makeTempDir, removeDir, runVplan, writeFiles
} from './cli-test-helpers.js';

let root: string;

beforeAll(() => {
    ensureBuilt();
    root = makeTempDir();
    writeFiles(root, {
        'clean/orgs.vplan': ORGANISATIONS, 'clean/plan.vplan': CLEAN_PLAN,
        'warn/orgs.vplan': ORGANISATIONS, 'warn/plan.vplan': WARNING_PLAN,
        'err/orgs.vplan': ORGANISATIONS, 'err/plan.vplan': ERROR_PLAN,
        'odd,name:dir/orgs.vplan': ORGANISATIONS, 'odd,name:dir/plan.vplan': ERROR_PLAN,
        'configured/vplan.config.json': JSON.stringify({ rules: { VP041: 'off' } }),
        'configured/orgs.vplan': ORGANISATIONS, 'configured/plan.vplan': WARNING_PLAN,
        'strict.config.json': JSON.stringify({ rules: { VP041: 'error' } })
    });
});

afterAll(() => removeDir(root));

function sarifOf(path: string): Log {
    const result = runVplan(['check', '--format', 'sarif', path], { cwd: root });
    expect(result.stderr).toBe('');
    return JSON.parse(result.stdout) as Log;
}

describe('check --format sarif', () => {
    test('validates against the SARIF 2.1.0 schema subset GitHub code scanning reads', () => {
        const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'tests/fixtures/sarif-2.1.0-minimal.schema.json'), 'utf8'));
        const ajv = new Ajv({ allErrors: true, strict: false });
        addFormats.default(ajv);
        const validate = ajv.compile(schema);
        for (const path of ['clean', 'warn', 'err']) {
            const log = sarifOf(path);
            expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
        }
    });

    test('has one run whose driver is vplan with every rule and a default level, and no dead link', () => {
        const log = sarifOf('clean');
        expect(log.version).toBe('2.1.0');
        expect(log.runs).toHaveLength(1);
        const driver = log.runs[0].tool.driver;
        const packageJson = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
        expect(driver.name).toBe('vplan');
        expect(driver.version).toBe(packageJson.version);
        expect(driver.rules?.map(r => r.id)).toEqual(RULES.map(r => r.code));
        const vp011 = driver.rules!.find(r => r.id === 'VP011')!;
        expect(vp011.shortDescription?.text).toBe('No day without a regievoerder');
        expect(vp011.name).toMatch(/^[A-Za-z0-9]+$/);
        expect(vp011.defaultConfiguration?.level).toBe('error');
        expect(driver.rules!.find(r => r.id === 'VP091')!.defaultConfiguration?.level).toBe('note');
        expect(log.runs[0].results).toEqual([]);
        // package.json's repository is example.invalid (docs/decisions.md): a link there would be dead, so there is none.
        expect(JSON.stringify(log)).not.toContain('example.invalid');
        expect(driver.rules!.every(rule => rule.helpUri === undefined)).toBe(true);
        expect(driver.informationUri).toBeUndefined();
        // The documentation travels in the log instead: what it checks, why, how to fix (docs/rules.md's text).
        for (const rule of driver.rules!) {
            expect(rule.fullDescription?.text, rule.id).toBeTruthy();
            expect(rule.help?.markdown, rule.id).toMatch(/^\*\*What it checks\.\*\* [\s\S]+\*\*Why\.\*\* [\s\S]+\*\*How to fix\.\*\* /);
            expect(rule.help?.text, rule.id).not.toContain('**');
            expect(rule.help?.markdown, rule.id).not.toMatch(/\]\(#/);
        }
        expect(vp011.help?.text).toContain('How to fix.');
    });

    test('a helpUri is made only from a real https address, and points at an anchor docs/rules.md has', () => {
        expect(ruleHelpUri('VP011', { repository: { type: 'git', url: 'git+https://github.com/vplan-project/vplan.git' } }))
            .toBe('https://github.com/vplan-project/vplan/blob/main/docs/rules.md#vp011');
        expect(ruleHelpUri('VP011', { repository: 'https://codeberg.org/vplan/vplan/' })).toBe('https://codeberg.org/vplan/vplan/blob/main/docs/rules.md#vp011');
        for (const url of ['https://example.invalid/vplan.git', 'http://github.com/vplan/vplan', 'git@github.com:vplan/vplan.git',
            'https://localhost/vplan', 'https://vplan.test/x', 'https://example.com/vplan', 'https://user:secret@github.com/vplan/vplan', '']) {
            expect(ruleHelpUri('VP011', { repository: { url } }), url).toBeUndefined();
        }
        expect(realWebUrl('https://vplan.example.org/docs')).toBeUndefined();
        expect(realWebUrl('https://gemeente.nl/vplan/')).toBe('https://gemeente.nl/vplan');
        const rulesDoc = readFileSync(join(REPO_ROOT, 'docs/rules.md'), 'utf8');
        for (const rule of RULES) {
            const anchorName = ruleHelpUri(rule.code, { repository: 'https://github.com/vplan-project/vplan' })!.split('#')[1];
            expect(rulesDoc, rule.code).toContain(`<a id="${anchorName}"></a>`);
        }
    });

    test('reports each diagnostic with ruleId, ruleIndex, level, message and a relative location under %SRCROOT%', () => {
        const log = sarifOf('err');
        const results = log.runs[0].results!;
        const json = JSON.parse(runVplan(['check', '--format', 'json', 'err'], { cwd: root }).stdout);
        expect(results).toHaveLength(json.diagnostics.length);
        const result = results.find(r => r.ruleId === 'VP081')!;
        expect(result).toBeDefined();
        const rules = log.runs[0].tool.driver.rules!;
        expect(rules[result.ruleIndex!].id).toBe('VP081');
        expect(result.level).toBe('error');
        expect(result.message.text).toContain('onbekende_org');
        const location = result.locations![0].physicalLocation!;
        expect(location.artifactLocation).toEqual({ uri: 'err/plan.vplan', uriBaseId: '%SRCROOT%' });
        const record = json.diagnostics.find((d: { code: string }) => d.code === 'VP081');
        expect(location.region).toEqual({ startLine: record.line, startColumn: record.column, endLine: record.endLine, endColumn: record.endColumn });
    });

    test('makes absolute paths inside the current folder relative; a file outside gets a file URI', () => {
        const inside = JSON.parse(runVplan(['check', '--format', 'sarif', join(root, 'err')], { cwd: root }).stdout);
        const uris = inside.runs[0].results.map((r: Result) => r.locations![0].physicalLocation!.artifactLocation);
        expect(uris).toContainEqual({ uri: 'err/plan.vplan', uriBaseId: '%SRCROOT%' });
        const outside = JSON.parse(runVplan(['check', '--format', 'sarif', join(root, 'err')], { cwd: join(root, 'clean') }).stdout);
        const outsideUri = outside.runs[0].results[0].locations[0].physicalLocation.artifactLocation;
        expect(outsideUri.uri).toBe(pathToFileURL(join(root, 'err/plan.vplan')).href);
        expect(outsideUri.uriBaseId).toBeUndefined();
        const github = runVplan(['check', '--format', 'github', join(root, 'err')], { cwd: root }).stdout;
        expect(github).toContain('::error file=err/plan.vplan,');
    });

    test('gives warnings the level warning', () => {
        const levels = sarifOf('warn').runs[0].results!.map(r => [r.ruleId, r.level]);
        expect(levels).toContainEqual(['VP041', 'warning']);
    });
});

describe('check --format junit', () => {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: name => ['testsuite', 'testcase', 'failure'].includes(name) });

    test('one testsuite per file, one testcase per rule, a failure per failed testcase', () => {
        const result = runVplan(['check', '--format', 'junit', 'err'], { cwd: root });
        expect(result.status).toBe(1);
        expect(result.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
        const xml = parser.parse(result.stdout);
        const suites = xml.testsuites.testsuite;
        expect(suites.map((s: { '@name': string }) => s['@name'])).toEqual(['err/orgs.vplan', 'err/plan.vplan']);
        const plan = suites[1];
        expect(plan.testcase).toHaveLength(RULES.length);
        expect(Number(plan['@tests'])).toBe(RULES.length);
        const failing = plan.testcase.filter((t: { failure?: unknown[] }) => t.failure);
        expect(failing.map((t: { '@name': string }) => t['@name'])).toEqual(['VP081 References resolve']);
        expect(failing[0].failure[0]['@message']).toContain('onbekende_org');
        expect(Number(plan['@failures'])).toBe(1);
        expect(Number(suites[0]['@failures'])).toBe(0);
        expect(Number(xml.testsuites['@failures'])).toBe(1);
    });

    test('warnings are not failures, and a rule turned off in vplan.config.json has no testcase', () => {
        const warn = parser.parse(runVplan(['check', '--format', 'junit', 'warn'], { cwd: root }).stdout);
        const warnPlan = warn.testsuites.testsuite[1];
        expect(Number(warnPlan['@failures'])).toBe(0);
        const vp041 = warnPlan.testcase.find((t: { '@name': string }) => t['@name'].startsWith('VP041'));
        expect(vp041['system-out']).toContain('warning VP041');
        const configured = parser.parse(runVplan(['check', '--format', 'junit', 'configured'], { cwd: root }).stdout);
        const names = configured.testsuites.testsuite[1].testcase.map((t: { '@name': string }) => t['@name'].slice(0, 5));
        expect(names).not.toContain('VP041');
        expect(names).toContain('VP033');
    });

    test('escapes XML special characters', () => {
        const result = runVplan(['check', '--format', 'junit', 'clean'], { cwd: root });
        expect(() => parser.parse(result.stdout)).not.toThrow();
        expect(result.status).toBe(0);
    });
});

describe('check --format github', () => {
    test('escapes data and properties as GitHub requires', () => {
        expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
        expect(escapeData('a, b: c')).toBe('a, b: c');
        expect(escapeProperty('dir,x:y/100%.vplan')).toBe('dir%2Cx%3Ay/100%25.vplan');
        expect(escapeProperty('a\nb')).toBe('a%0Ab');
    });

    test('one workflow command per diagnostic with file, positions and title', () => {
        const json = JSON.parse(runVplan(['check', '--format', 'json', 'warn'], { cwd: root }).stdout);
        const result = runVplan(['check', '--format', 'github', 'warn'], { cwd: root });
        expect(result.status).toBe(0);
        const output = lines(result.stdout);
        expect(output).toHaveLength(json.diagnostics.length);
        const record = json.diagnostics.find((d: { code: string }) => d.code === 'VP041');
        expect(output).toContain(
            `::warning file=warn/plan.vplan,line=${record.line},col=${record.column},endLine=${record.endLine},endColumn=${record.endColumn},title=VP041::${escapeData(record.message)}`);
    });

    test('errors use ::error and commas and colons in the path are escaped', () => {
        const result = runVplan(['check', '--format', 'github', 'odd,name:dir'], { cwd: root });
        expect(result.status).toBe(1);
        const line = lines(result.stdout).find(l => l.includes('title=VP081'))!;
        expect(line).toMatch(/^::error file=odd%2Cname%3Adir\/plan\.vplan,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=VP081::/);
    });

    test('infos become ::notice', () => {
        // A child of 14 who is never heard: VP091 is an info by default.
        const plan = CLEAN_PLAN.replace('member pim child born 2016 roles witness', 'member pim child born 2012 roles witness').replace('        client pim heard\n', '        client pim informed\n');
        const dir = makeTempDir();
        try {
            writeFiles(dir, { 'orgs.vplan': ORGANISATIONS, 'plan.vplan': plan });
            const json = JSON.parse(runVplan(['check', '--format', 'json'], { cwd: dir }).stdout);
            const infos = json.diagnostics.filter((d: { severity: string }) => d.severity === 'info');
            const output = lines(runVplan(['check', '--format', 'github'], { cwd: dir }).stdout);
            expect(output.filter(l => l.startsWith('::notice ')).length).toBe(infos.length);
        } finally {
            removeDir(dir);
        }
    });
});

describe('check options', () => {
    test('text output: one line per diagnostic and a summary; json has the contract shape', () => {
        const text = runVplan(['check', 'err'], { cwd: root });
        expect(text.status).toBe(1);
        expect(text.stdout).toMatch(/^err\/plan\.vplan:\d+:\d+: error VP081 /m);
        expect(lines(text.stdout).at(-1)).toBe('2 files checked: 1 error, 0 warnings, 0 infos.');
        const dutch = runVplan(['check', '--locale', 'nl', 'err'], { cwd: root });
        expect(lines(dutch.stdout).at(-1)).toBe('2 bestanden gecontroleerd: 1 fout, 0 waarschuwingen, 0 opmerkingen.');
        const json = JSON.parse(runVplan(['check', '--format', 'json', 'err'], { cwd: root }).stdout);
        expect(json.version).toBe(1);
        expect(json.summary).toEqual({ files: 2, errors: 1, warnings: 0, infos: 0 });
        expect(Object.keys(json.diagnostics[0]).sort()).toEqual(['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'severity']);
    });

    test('--max-warnings N fails only when there are more than N warnings', () => {
        const json = JSON.parse(runVplan(['check', '--format', 'json', 'warn'], { cwd: root }).stdout);
        const warnings = json.summary.warnings;
        expect(warnings).toBeGreaterThanOrEqual(2);
        expect(runVplan(['check', 'warn'], { cwd: root }).status).toBe(0);
        expect(runVplan(['check', '--max-warnings', String(warnings), 'warn'], { cwd: root }).status).toBe(0);
        expect(runVplan(['check', '--max-warnings', String(warnings - 1), 'warn'], { cwd: root }).status).toBe(1);
        expect(runVplan(['check', '--max-warnings', '0', 'clean'], { cwd: root }).status).toBe(0);
    });

    test('--max-warnings needs a whole number: exit 2 with one line', () => {
        const result = runVplan(['check', '--max-warnings', 'many', 'clean'], { cwd: root });
        expect(result.status).toBe(2);
        expect(lines(result.stderr)).toHaveLength(1);
        expect(result.stderr).toContain('--max-warnings');
    });

    test('--quiet reports errors only, but warnings still count for --max-warnings', () => {
        const quiet = JSON.parse(runVplan(['check', '--quiet', '--format', 'json', 'warn'], { cwd: root }).stdout);
        expect(quiet.diagnostics).toEqual([]);
        expect(quiet.summary.warnings).toBeGreaterThan(0);
        expect(runVplan(['check', '--quiet', '--max-warnings', '0', 'warn'], { cwd: root }).status).toBe(1);
        const quietErrors = JSON.parse(runVplan(['check', '--quiet', '--format', 'json', 'err'], { cwd: root }).stdout);
        expect(quietErrors.diagnostics.map((d: { code: string }) => d.code)).toEqual(['VP081']);
        const sarif = JSON.parse(runVplan(['check', '--quiet', '--format', 'sarif', 'warn'], { cwd: root }).stdout);
        expect(sarif.runs[0].results).toEqual([]);
    });

    test('the nearest vplan.config.json applies, and --config overrides it', () => {
        const codes = (args: string[]) => JSON.parse(runVplan(['check', '--format', 'json', ...args], { cwd: root }).stdout)
            .diagnostics.map((d: { code: string; severity: string }) => `${d.code}:${d.severity}`);
        expect(codes(['warn'])).toContain('VP041:warning');
        expect(codes(['configured'])).not.toContain('VP041:warning');
        expect(codes(['--config', 'strict.config.json', 'configured'])).toContain('VP041:error');
        expect(runVplan(['check', '--config', 'strict.config.json', 'configured'], { cwd: root }).status).toBe(1);
    });

    test('--config naming a missing file is a bad path: exit 2 and one line', () => {
        const result = runVplan(['check', '--config', 'nope.config.json', 'clean'], { cwd: root });
        expect(result.status).toBe(2);
        expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining('nope.config.json: no such file')]);
    });

    test('--locale nl and LANG=nl_NL give Dutch messages; --locale beats the environment', () => {
        const english = runVplan(['check', 'err'], { cwd: root }).stdout;
        const dutch = runVplan(['check', '--locale', 'nl', 'err'], { cwd: root }).stdout;
        const fromEnv = runVplan(['check', 'err'], { cwd: root, env: { LANG: 'nl_NL.UTF-8' } }).stdout;
        const forcedEnglish = runVplan(['check', '--locale', 'en', 'err'], { cwd: root, env: { LANG: 'nl_NL.UTF-8' } }).stdout;
        const message = (out: string) => out.split('\n').find(l => l.includes('VP081'))!;
        expect(message(dutch)).not.toBe(message(english));
        expect(message(fromEnv)).toBe(message(dutch));
        expect(message(forcedEnglish)).toBe(message(english));
        expect(runVplan(['check', '--locale', 'fr', 'err'], { cwd: root }).status).toBe(2);
    });

    test('no colour codes when stdout is not a terminal', () => {
        expect(runVplan(['check', 'err'], { cwd: root }).stdout).not.toContain('\u001b[');
    });
});
