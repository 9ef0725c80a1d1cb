/**
 * Property-based robustness: random and mutated plans (cut tokens, swapped lines, stray
 * characters, truncation, huge strings, deep nesting, CRLF, control characters) never crash or
 * hang the parser, the linker or the checks, and every diagnostic they produce is well formed.
 */

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { fuzzRuns } from './fuzz-settings.js';
import { describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { checkText, createTestServices } from '../helpers.js';
import { catalogueToVplan, generateCatalogue, generatePlan, planToVplan } from '../../bench/workload.js';

const services = createTestServices();
const specExample = readFileSync(new URL('../fixtures/spec-example.vplan', import.meta.url), 'utf8');
const catalogue = catalogueToVplan(generateCatalogue());
const seeds = [specExample, ...[1, 2, 3].map(i => planToVplan(generatePlan(i)))];

/** Diagnostics must have a code, a message and a range inside the text. */
function expectWellFormed(text: string, diagnostics: Diagnostic[]): void {
    const lines = text.split(/\r\n|\r|\n|\u2028|\u2029/).length;
    for (const d of diagnostics) {
        expect(typeof d.code === 'string' && /^VP\d{3}$/.test(d.code), `code of ${JSON.stringify(d)}`).toBe(true);
        expect(typeof d.message === 'string' && d.message.length > 0).toBe(true);
        expect(d.range.start.line).toBeGreaterThanOrEqual(0);
        expect(d.range.start.line).toBeLessThanOrEqual(Math.max(lines, d.range.end.line));
        expect(d.range.end.line).toBeGreaterThanOrEqual(d.range.start.line);
    }
}

async function checkSurvives(text: string, withCatalogue = true): Promise<Diagnostic[]> {
    const result = await checkText(services, withCatalogue ? [text, catalogue] : text);
    expectWellFormed(text, result.diagnostics);
    return result.diagnostics;
}

const seed = fc.constantFrom(...seeds);

// A token-aware split: mutations cut and move whole tokens as well as raw characters.
const TOKEN = /"(?:[^"\\\n]|\\.)*"|\/\/[^\n]*|\/\*[\s\S]*?\*\/|\d{4}-\d{2}-\d{2}|\d+|[A-Za-z_][A-Za-z0-9_-]*|[{},]|\s+|./g;
const tokensOf = (text: string) => text.match(TOKEN) ?? [];

const strayCharacter = fc.constantFrom('{', '}', '"', '\\', ',', '/', '*', '-', '@', '#', '\u0000', '\u0007', '\u001b', '\u00a0',
    '\u200b', '\ufeff', '\u2028', '\ud83d\ude00', '\ud800', '€', 'ĳ', '\t', '\r', '\n', '0', '9', '2026-02-30');

type Mutation = (text: string) => fc.Arbitrary<string>;

const mutations: Record<string, Mutation> = {
    'cut tokens': text => {
        const tokens = tokensOf(text);
        return fc.tuple(fc.nat(tokens.length - 1), fc.integer({ min: 1, max: 6 }))
            .map(([at, count]) => [...tokens.slice(0, at), ...tokens.slice(at + count)].join(''));
    },
    'swapped lines': text => {
        const lines = text.split('\n');
        return fc.tuple(fc.nat(lines.length - 1), fc.nat(lines.length - 1)).map(([a, b]) => {
            const copy = [...lines];
            [copy[a], copy[b]] = [copy[b], copy[a]];
            return copy.join('\n');
        });
    },
    'stray characters': text => fc.array(fc.tuple(fc.nat(text.length), strayCharacter), { minLength: 1, maxLength: 5 })
        .map(inserts => inserts.sort((x, y) => y[0] - x[0]).reduce((t, [at, ch]) => t.slice(0, at) + ch + t.slice(at), text)),
    truncation: text => fc.nat(text.length).map(at => text.slice(0, at)),
    'duplicated span': text => fc.tuple(fc.nat(text.length), fc.nat(400))
        .map(([at, length]) => text.slice(0, at + length) + text.slice(at, at + length) + text.slice(at + length)),
    'CRLF and CR line ends': text => fc.constantFrom(text.replace(/\n/g, '\r\n'), text.replace(/\n/g, '\r'), text.replace(/\n/g, '\u2028')),
    'control characters': text => fc.nat(text.length).chain(at =>
        fc.string({ unit: fc.integer({ min: 0, max: 31 }).map(c => String.fromCharCode(c)), minLength: 1, maxLength: 8 })
            .map(noise => text.slice(0, at) + noise + text.slice(at)))
};

describe('mutated plans never crash or hang the parser, linker and checks', () => {
    for (const [name, mutate] of Object.entries(mutations)) {
        test(name, async () => {
            await fc.assert(fc.asyncProperty(seed.chain(mutate), async text => {
                await checkSurvives(text);
            }), fuzzRuns(40, 20261123));
        });
    }

    test('a mutated catalogue does not break the plans that use it', async () => {
        const plan = planToVplan(generatePlan(4));
        await fc.assert(fc.asyncProperty(mutations['cut tokens'](catalogue), async broken => {
            const result = await checkText(services, [plan, broken]);
            expectWellFormed(plan, result.diagnostics);
        }), fuzzRuns(30, 7));
    });
});

describe('checking is deterministic', () => {
    test('the same files give the same diagnostics, in whatever order they are given', async () => {
        const files = [catalogue, ...[5, 6, 7].map(i => planToVplan(generatePlan(i)))];
        const broken = files.map((text, i) => (i === 0 ? text : text.replace('by ggz_regio', 'by ggz_onbekend').replace('status active', 'status actief')));
        // The first file is the one whose diagnostics are returned; the others come in any order.
        await fc.assert(fc.asyncProperty(fc.shuffledSubarray([0, 2, 3], { minLength: 3, maxLength: 3 }), async order => {
            for (const set of [files, broken]) {
                const reference = await checkText(services, [set[1], set[0], set[2], set[3]]);
                const shuffled = await checkText(services, [set[1], ...order.map(i => set[i])]);
                expect(shuffled.codes).toEqual(reference.codes);
                expect(shuffled.diagnostics.map(d => d.message)).toEqual(reference.diagnostics.map(d => d.message));
            }
        }), fuzzRuns(6, 99));
    });
});

describe('random token soup never crashes the language', () => {
    const words = ['plan', 'organisation', 'measure', 'type', 'kind', 'status', 'period', 'household', 'member', 'adult', 'child',
        'born', 'roles', 'victim', 'perpetrator', 'outside', 'no-action', 'network', 'supporter', 'supports', 'aware', 'risk',
        'severity', 'affects', 'posed', 'by', 'phase', 'safety', 'on', 'protects', 'from', 'to', 'for', 'extend', 'intervention',
        'agreement', 'checked', 'regie', 'aftercare', 'owner', 'checkpoints', 'meeting', 'client', 'heard', 'evaluation',
        'mode', 'dwang', 'initial', 'term', 'total', 'max', 'huisverbod', 'ots', 'sanne', 'mark', 'household', 'days', 'months',
        '{', '}', ',', '"titel"', '"', '2026-01-12', '2026-02-30', '0000-00-00', '10', '0', '99999999999999999999', '// opmerking\n',
        '/* blok */', '/* open', '\n', '\\'];
    test('sequences of keywords, names, literals and punctuation', async () => {
        await fc.assert(fc.asyncProperty(fc.array(fc.constantFrom(...words), { maxLength: 120 }), async tokens => {
            await checkSurvives(tokens.join(' '));
        }), fuzzRuns(150, 42));
    });

    test('arbitrary unicode text', async () => {
        await fc.assert(fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 400 }), async text => {
            await checkSurvives(text, false);
        }), fuzzRuns(100, 4242));
    });
});

describe('extreme inputs', () => {
    const big = 'x'.repeat(200 * 1024);

    test('a 200 KB string in a title is parsed and checked', async () => {
        const text = specExample.replace('"Veiligheidsplan gezin Vermeer"', `"${big}"`);
        const diagnostics = await checkSurvives(text);
        expect(diagnostics.filter(d => d.code === 'VP000')).toEqual([]);
    });

    test('an unterminated 200 KB string, a 200 KB name and a 200 KB comment', async () => {
        await checkSurvives(specExample.replace('"Casusoverleg ZVH"', `"${big}`));
        await checkSurvives(specExample.replace('vermeer_2026', big));
        await checkSurvives(`// ${big}\n/* ${big}\n` + specExample);
    });

    test('200 KB of digits, braces or commas', async () => {
        await checkSurvives('9'.repeat(200 * 1024), false);
        await checkSurvives(specExample.replace('household {', 'household {' + ','.repeat(200 * 1024)));
        await checkSurvives('}'.repeat(200 * 1024), false);
    });

    test('deeply nested braces', async () => {
        for (const depth of [100, 5_000, 50_000]) {
            await checkSurvives(`plan diep "Diep" {` + '{'.repeat(depth) + '}'.repeat(depth) + '}', false);
            await checkSurvives(specExample.replace('risk partnergeweld "Partnergeweld met letsel" {', `risk partnergeweld "Partnergeweld met letsel" {${'{'.repeat(depth)}`));
        }
    });

    test('CRLF line ends give the same diagnostics as LF', async () => {
        for (const text of seeds) {
            const lf = await checkText(services, [text, catalogue]);
            const crlf = await checkText(services, [text.replace(/\n/g, '\r\n'), catalogue]);
            expect(crlf.codes).toEqual(lf.codes);
            expect(crlf.diagnostics.map(d => d.range.start.line)).toEqual(lf.diagnostics.map(d => d.range.start.line));
        }
    });

    test('empty, blank and byte-order-mark-only files', async () => {
        for (const text of ['', ' ', '\n\n', '\ufeff', '\r\n', '\u0000']) await checkSurvives(text, false);
    });
});
