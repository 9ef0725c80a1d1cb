/**
 * Properties of the formatter (spec section 5), through the Langium Formatter service the editor
 * and `vplan fmt` use: formatting is idempotent, keeps every token and comment in order, turns
 * a plan whose layout was scrambled back into the canonical text, never changes a valid plan's
 * diagnostics, and never throws on broken input.
 */

import fc from 'fast-check';
import { fuzzRuns } from './fuzz-settings.js';
import { URI, type LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, test } from 'vitest';
import { checkText, createTestServices } from '../helpers.js';
import { loadBuiltinCatalogue } from '../../language/workspace/builtin-documents.js';
import { catalogueToVplan, generateCatalogue, generatePlan, planToVplan } from '../../bench/workload.js';

const services = createTestServices();
const catalogue = catalogueToVplan(generateCatalogue());
let counter = 0;

/** Formats `text` with the editor's Format Document and returns the result. */
async function format(text: string): Promise<string> {
    await loadBuiltinCatalogue(services.shared);
    const uri = URI.parse(`file:///format/${++counter}.vplan`);
    const document: LangiumDocument = services.shared.workspace.LangiumDocumentFactory.fromString(text, uri);
    services.shared.workspace.LangiumDocuments.addDocument(document);
    try {
        await services.shared.workspace.DocumentBuilder.build([document], { validation: false });
        const formatter = services.Vplan.lsp.Formatter;
        expect(formatter, 'a Formatter service is registered').toBeDefined();
        const edits = await formatter!.formatDocument(document, {
            textDocument: { uri: uri.toString() },
            options: { tabSize: 4, insertSpaces: true }
        });
        return TextDocument.applyEdits(TextDocument.create(uri.toString(), 'vplan', 1, text), edits);
    } finally {
        services.shared.workspace.LangiumDocuments.deleteDocument(uri);
    }
}

// Tokens as a reader sees them: strings and comments whole; a line comment without trailing space.
const TOKEN = /"(?:[^"\\\n]|\\.)*"|\/\/[^\n\r]*|\/\*[\s\S]*?\*\/|[^\s{},"]+|[{},"]/g;
function tokens(text: string): string[] {
    return (text.match(TOKEN) ?? []).map(token =>
        token.startsWith('//') ? token.trimEnd() : token.startsWith('/*') ? token.replace(/\s+/g, ' ') : token);
}

const canonicalPlans = [1, 2, 3, 4, 5, 6].map(i => planToVplan(generatePlan(i)));
const withComments = (text: string) => text
    .replace('    household {', '    // Het huishouden, zoals besproken\n    household {')
    .replace('    regie {', '    /* Regie: zie het casusoverleg */\n    regie {')
    .replace(/(\n {4}aftercare \{\n)/, '$1        // nazorg begint na de planperiode\n');
const canonical = fc.constantFrom(...canonicalPlans, ...canonicalPlans.slice(0, 2).map(withComments));

/** Re-spaces a canonical text: every horizontal run of white space becomes another one; line breaks stay. */
function scrambleHorizontally(text: string, random: fc.Arbitrary<string>): fc.Arbitrary<string> {
    const parts = text.split(/("(?:[^"\\\n]|\\.)*"|\/\/[^\n]*|\/\*[\s\S]*?\*\/|[ \t]+)/);
    const gaps = parts.filter(p => /^[ \t]+$/.test(p)).length;
    return fc.array(random, { minLength: gaps + 1, maxLength: gaps + 1 }).map(choices => {
        let gap = 0;
        return parts.map(part => (/^[ \t]+$/.test(part) ? choices[gap++] : part))
            .join('').replace(/\n/g, () => '\n' + choices[gap++ % choices.length].replace(/^ /, ''));
    });
}

/** Re-spaces freely: any white space between tokens, including new and removed line breaks. */
function scrambleFreely(text: string): fc.Arbitrary<string> {
    const parts = text.split(/("(?:[^"\\\n]|\\.)*"|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/|\s+)/).filter(p => p !== '');
    const gaps = parts.length;
    const space = fc.constantFrom(' ', '  ', '\t', '\n', '\n\n', '\n\n\n', ' \n   ', '\r\n');
    return fc.array(space, { minLength: gaps, maxLength: gaps }).map(choices =>
        parts.map((part, i) => (/^\s+$/.test(part) ? choices[i] : part)).join(''));
}

describe('the formatter', () => {
    test('leaves canonical plans exactly as they are', async () => {
        for (const text of canonicalPlans) expect(await format(text)).toBe(text);
    });

    test('restores the canonical layout after indentation and spacing were scrambled', async () => {
        await fc.assert(fc.asyncProperty(canonical.chain(text => scrambleHorizontally(text, fc.constantFrom(' ', '  ', '\t', '   ', '        ', ' \t ')).map(scrambled => [text, scrambled] as const)),
            async ([text, scrambled]) => {
                expect(await format(scrambled)).toBe(text);
            }), fuzzRuns(25, 5));
    });

    test('is idempotent and keeps every token and comment in order', async () => {
        await fc.assert(fc.asyncProperty(canonical.chain(scrambleFreely), async scrambled => {
            const once = await format(scrambled);
            expect(tokens(once)).toEqual(tokens(scrambled));
            expect(await format(once)).toBe(once);
        }), fuzzRuns(30, 11));
    });

    test('never changes the diagnostics of a plan', async () => {
        await fc.assert(fc.asyncProperty(canonical.chain(scrambleFreely), async scrambled => {
            const before = await checkText(services, [scrambled, catalogue]);
            const after = await checkText(services, [await format(scrambled), catalogue]);
            expect(after.codes).toEqual(before.codes);
        }), fuzzRuns(15, 13));
    });

    test('does not throw on broken input and keeps its tokens', async () => {
        const broken = fc.constantFrom(...canonicalPlans).chain(text =>
            fc.tuple(fc.nat(text.length), fc.constantFrom('', '{', '}', '"', ',', 'plan', '2026-02-30', '\u0000')).map(([at, insert]) => text.slice(0, at) + insert));
        await fc.assert(fc.asyncProperty(broken, async text => {
            const formatted = await format(text);
            expect(tokens(formatted)).toEqual(tokens(text));
        }), fuzzRuns(30, 17));
    });
});
