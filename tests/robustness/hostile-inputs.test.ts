/**
 * Fuzz and property tests of issue 15 ("hardening against an outside attacker"): nameless
 * members, huge numbers and BSN-like numbers anywhere in a plan, hostile configuration files,
 * and, through the real binary, symbolic links and option-like or control-character file names.
 *
 * Every property runs with a fixed seed, so CI is deterministic. `npm run fuzz` runs the same
 * properties longer, from other seeds (fuzz-settings.ts).
 */

import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { fuzzRuns, fuzzTimeout } from './fuzz-settings.js';
import { URI } from 'langium';
import { beforeAll, describe, expect, test } from 'vitest';
import { createTestServices } from '../helpers.js';
import { loadBuiltinCatalogue } from '../../language/workspace/builtin-documents.js';
import { isPlan, type VplanFile } from '../../language/generated/ast.js';
import { planFacts } from '../../language/analysis/plan-facts.js';
import { buildTimeline } from '../../language/timeline/timeline-model.js';
import { renderHtml } from '../../language/timeline/render-html.js';
import { renderSvg } from '../../language/timeline/render-svg.js';
import { passesElfproef } from '../../language/model/personal-data.js';
import { MAX_CONFIG_PROBLEMS, parseConfigText } from '../../language/config/vplan-config.js';
import { THRESHOLDS } from '../../language/config/config-schema.js';
import { CLEAN_PLAN, ORGANISATIONS, ensureBuilt, makeTempDir, removeDir, runVplan, writeFiles } from '../cli/cli-test-helpers.js';

const runs = (count: number) => fuzzRuns(count, 20261207);
const TIMEOUT = fuzzTimeout(60_000);

const services = createTestServices();
let counter = 0;

interface Outcome {
    messages: string[];
    codes: string[];
    outputs: string[];
}

/** Builds `text` with the organisations, checks it and renders every plan in it as HTML and SVG. */
async function checkAndRender(text: string): Promise<Outcome> {
    await loadBuiltinCatalogue(services.shared);
    const { LangiumDocumentFactory: factory, LangiumDocuments: documents, DocumentBuilder: builder } = services.shared.workspace;
    const run = ++counter;
    const plan = factory.fromString<VplanFile>(text, URI.parse(`file:///hostile/${run}/plan.vplan`));
    const organisations = factory.fromString(ORGANISATIONS, URI.parse(`file:///hostile/${run}/orgs.vplan`));
    documents.addDocument(plan);
    documents.addDocument(organisations);
    try {
        await builder.build([plan, organisations], { validation: true });
        const diagnostics = plan.diagnostics ?? [];
        const outputs: string[] = [];
        for (const declaration of plan.parseResult.value.declarations ?? []) {
            if (!isPlan(declaration)) continue;
            const model = buildTimeline(planFacts(declaration), diagnostics, { today: '2026-06-01' });
            outputs.push(renderHtml(model, { locale: 'nl' }), renderSvg(model, { locale: 'en' }));
        }
        return { messages: diagnostics.map(d => (typeof d.message === 'string' ? d.message : d.message.value)), codes: diagnostics.map(d => String(d.code)), outputs };
    } finally {
        await builder.update([], [plan.uri, organisations.uri]);
    }
}

/** A nine-digit number that passes the BSN eleven-test (an invented one: any eight digits and the check digit). */
const bsnLike = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 })
    .map(digits => {
        const sum = digits.reduce((total, digit, i) => total + (9 - i) * digit, 0);
        return `${digits.join('')}${sum % 11}`;
    })
    .filter(passesElfproef);

/** Numbers a fuzzer tries: huge, with leading zeros, far past any calendar, BSN-like. */
const hostileNumber = fc.oneof(
    fc.bigInt({ min: 10_000n, max: 10n ** 30n }).map(String),
    fc.integer({ min: 0, max: 99 }).map(n => `000${n}`),
    fc.constantFrom('5000000', '10000000', '123456782', '99999999999999999999', '9007199254740993'),
    bsnLike
);

// Every plain number of the plan (not a date): durations, years of birth, checkpoint offsets.
const NUMBER = /(?<![\d-])\d+(?![\d-])/g;
const numberPositions = [...CLEAN_PLAN.matchAll(NUMBER)].map(match => match.index!);

/** The plan with some of its numbers replaced by hostile ones. */
const withHugeNumbers = fc.array(fc.tuple(fc.constantFrom(...numberPositions), hostileNumber), { minLength: 1, maxLength: 4 })
    .map(replacements => {
        let text = CLEAN_PLAN;
        const used = new Set<number>();
        for (const [at, number] of [...replacements].sort((a, b) => b[0] - a[0])) {
            if (used.has(at)) continue;
            used.add(at);
            const old = /^\d+/.exec(text.slice(at))![0];
            text = text.slice(0, at) + number + text.slice(at + old.length);
        }
        return text;
    });

const MEMBER_LINES = [...CLEAN_PLAN.matchAll(/^ {8}member [^\n]*$/gm)].map(match => match[0]);

/** The plan with some household members without a name: `member`, `member 18`, `member adult`, .... */
const withNamelessMembers = fc.array(fc.tuple(fc.constantFrom(...MEMBER_LINES),
    fc.constantFrom('        member', '        member 18', '        member adult', '        member child born 2016', `        member ${'9'.repeat(12)}`, '        member "x"')),
{ minLength: 1, maxLength: 3 })
    .map(replacements => replacements.reduce((text, [line, replacement]) => text.replace(line, replacement), CLEAN_PLAN));

/** A phone number written as a bare number: `06` and eight digits, or `+316` and eight. */
const phoneLike = fc.tuple(fc.constantFrom('06', '+316'), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 }))
    .map(([prefix, digits]) => `${prefix}${digits.join('')}`);

/** A BSN-like number or a phone number as a stray token somewhere between two lines of the plan. */
const withStrayNumber = fc.tuple(fc.nat(CLEAN_PLAN.split('\n').length - 1), fc.oneof(bsnLike, phoneLike)).map(([line, token]) => {
    const lines = CLEAN_PLAN.split('\n');
    lines.splice(line, 0, `    ${token}`);
    return { text: lines.join('\n'), token };
});

/** The nine-digit numbers of a text that pass the eleven-test: what no output may repeat. */
function bsnsIn(text: string): string[] {
    return [...text.matchAll(/\d+/g)].map(match => match[0]).filter(passesElfproef);
}

/** The timeline is bounded by the plan text, never by the length of a period. */
const OUTPUT_BOUND = (text: string) => 400_000 + 100 * text.length;

function expectSafe(text: string, outcome: Outcome): void {
    for (const bsn of bsnsIn(text)) {
        for (const message of outcome.messages) expect(message, 'a diagnostic repeats a BSN').not.toContain(bsn);
        expect(outcome.codes, `VP070 for ${bsn}`).toContain('VP070');
    }
    for (const output of outcome.outputs) expect(output.length).toBeLessThanOrEqual(OUTPUT_BOUND(text));
}

describe('plans: huge numbers, nameless members, stray BSNs', () => {
    test('huge numbers anywhere: never a crash, a BSN-like one always VP070 and never repeated, output bounded', async () => {
        await fc.assert(fc.asyncProperty(withHugeNumbers, async text => {
            const outcome = await checkAndRender(text);
            expectSafe(text, outcome);
            // A number past any calendar is reported, never silently skipped.
            if (/\b\d{8,}\b/.test(text.replace(/\b\d{9}\b/g, ''))) expect(outcome.codes.length).toBeGreaterThan(0);
        }), runs(25));
    }, TIMEOUT);

    test('nameless members: checked and drawn, never a crash', async () => {
        await fc.assert(fc.asyncProperty(withNamelessMembers, async text => {
            const outcome = await checkAndRender(text);
            expect(outcome.outputs.length).toBe(2);
            expectSafe(text, outcome);
        }), runs(15));
    }, TIMEOUT);

    test('a stray BSN-like or phone number: VP000 (and VP070 for a BSN), none repeats it', async () => {
        await fc.assert(fc.asyncProperty(withStrayNumber, async ({ text, token }) => {
            const outcome = await checkAndRender(text);
            expectSafe(text, outcome);
            expect(outcome.codes).toContain('VP000');
            const digits = token.replace(/^\+/, '');
            for (const message of outcome.messages) expect(message).not.toContain(digits);
        }), runs(15));
    }, TIMEOUT);
});

describe('hostile configuration files', () => {
    const ranges = new Map(THRESHOLDS.map(t => [t.field, t]));

    /** Whatever the text, parsing ends with few problems and every threshold within its range. */
    function expectContained(text: string): void {
        const parsed = parseConfigText(text);
        expect(parsed.problems.length).toBeLessThanOrEqual(MAX_CONFIG_PROBLEMS + 1);
        for (const [field, value] of Object.entries(parsed.config)) {
            const range = ranges.get(field as never);
            if (!range) continue;
            expect(Number.isInteger(value), `${field} = ${value}`).toBe(true);
            expect(value as number).toBeGreaterThanOrEqual(range.minimum);
            expect(value as number).toBeLessThanOrEqual(range.maximum);
        }
    }

    const thresholdValue = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(1e9, -1, 1e308, 0.5, '12', null, true, [], {}));
    const thresholdConfig = fc.array(fc.tuple(fc.constantFrom(...THRESHOLDS), thresholdValue), { maxLength: 8 }).map(entries => {
        const config: Record<string, Record<string, unknown>> = {};
        for (const [threshold, value] of entries) (config[threshold.section] ??= {})[threshold.key] = value;
        return JSON.stringify(config);
    });
    const ruleKeys = fc.array(fc.tuple(fc.oneof(fc.string(), fc.constantFrom('VP000', 'VP022', 'vp022', '__proto__', 'constructor')), fc.oneof(fc.string(), fc.constantFrom('off', 'error', 'warning', 'info'))), { maxLength: 300 })
        .map(entries => `{"rules":{${entries.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`).join(',')}}}`);
    const deep = fc.tuple(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom('[', '{"a":', '{"rules":'), fc.boolean())
        .map(([depth, open, closed]) => open.repeat(depth) + (closed ? '0' + (open === '[' ? ']' : '}').repeat(depth) : ''));

    test('thresholds of any value stay within their ranges (VP009 otherwise)', () => {
        fc.assert(fc.property(thresholdConfig, text => expectContained(text)), runs(200));
    });

    test('any JSON, any rule keys, any depth: never a throw, at most 101 problems', () => {
        fc.assert(fc.property(fc.oneof(fc.json(), ruleKeys, deep, fc.string()), text => expectContained(text)), runs(200));
    });
});

describe('the binary: symbolic links and hostile file names', () => {
    beforeAll(() => ensureBuilt());

    const SECRET = 'ghp_fuzzSECRET0123456789';
    const namePiece = fc.constantFrom('-', '--', '-h', '--config=', '--git', '--locale', '=', ' ', 'plan', 'a', '\n::error::x', '\u001b[31m', '\u202e', '\u2028', 'é', '.');
    const fileName = fc.array(namePiece, { minLength: 1, maxLength: 5 }).map(pieces => `${pieces.join('')}.vplan`)
        .filter(name => !name.includes('/') && name !== '.vplan' && !name.startsWith('.'));
    const names = fc.uniqueArray(fileName, { minLength: 1, maxLength: 4 });

    test('check finds the real files, names them escaped, and never reads through a link', () => {
        fc.assert(fc.property(names, fc.boolean(), (files, linkFolder) => {
            const dir = makeTempDir('vplan-fuzz-names-');
            try {
                writeFiles(dir, { 'outside/secret.vplan': `${SECRET}\n`, 'repo/orgs.vplan': ORGANISATIONS });
                files.forEach((name, i) => writeFiles(dir, { [`repo/${name}`]: CLEAN_PLAN.replace('linde_2026', `p${i}_2026`) }));
                symlinkSync(join(dir, 'outside/secret.vplan'), join(dir, 'repo/link.vplan'));
                if (linkFolder) {
                    mkdirSync(join(dir, 'repo/sub'));
                    symlinkSync(join(dir, 'outside'), join(dir, 'repo/sub/outside'));
                }
                const cwd = join(dir, 'repo');
                const json = runVplan(['check', '--format', 'json'], { cwd });
                expect(json.status, json.stderr).toBe(0);
                expect(JSON.parse(json.stdout).summary.files).toBe(files.length + 1);
                const explicit = runVplan(['check', '--format', 'github', '--', ...files], { cwd });
                expect(explicit.status, explicit.stderr).toBe(0);
                for (const result of [json, explicit]) {
                    expect(result.stdout + result.stderr).not.toContain(SECRET);
                    // eslint-disable-next-line no-control-regex -- no raw control character may reach a log
                    expect(result.stdout + result.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
                }
            } finally {
                removeDir(dir);
            }
        }), runs(6));
    }, TIMEOUT);
});
