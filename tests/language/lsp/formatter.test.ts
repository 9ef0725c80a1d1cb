/**
 * The canonical layout (spec section 5): `formatText` for `vplan fmt` and the LSP formatter.
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { clearDocuments } from 'langium/test';
import type { LangiumDocument } from 'langium';
import { applyTextEdits, formatText } from '../../../language/lsp/vplan-formatter.js';
import { checkText, createTestServices, parse } from '../../helpers.js';

const services = createTestServices();
const format = (text: string) => formatText(services.Vplan, text);
const specExample = readFileSync(fileURLToPath(new URL('../../fixtures/spec-example.vplan', import.meta.url)), 'utf8');

const parsed: LangiumDocument[] = [];
async function document(text: string): Promise<LangiumDocument> {
    const doc = await parse(services)(text);
    parsed.push(doc);
    return doc;
}
afterEach(async () => {
    await clearDocuments(services.shared, parsed.splice(0));
});

const formattingOptions = { tabSize: 4, insertSpaces: true };

/** Joins every line into one (strings never span lines, so this keeps the meaning). */
function collapse(text: string): string {
    return text.replace(/\s*\n\s*/g, ' ').trim();
}

describe('formatText: the spec example', () => {
    test('the fixture is already canonical', async () => {
        expect(await format(specExample)).toBe(specExample);
    });

    test('the whole example collapsed to one line formats back to the canonical text (without the blank lines it lost)', async () => {
        const oneLine = collapse(specExample);
        expect(oneLine).not.toContain('\n');
        const expected = specExample.split('\n').filter(line => line.trim() !== '').join('\n') + '\n';
        expect(await format(oneLine)).toBe(expected);
    });

    test('the example with its indentation scrambled and trailing white space formats back to the fixture', async () => {
        const messy = specExample.split('\n').map((line, i) => (i % 2 === 0 ? '\t  ' : '') + line.trim() + (i % 3 === 0 ? '   ' : '')).join('\n');
        expect(await format(messy)).toBe(specExample);
    });
});

describe('formatText: every construct', () => {
    test('organisations and measure types: one declaration per line, measure type items one per line', async () => {
        const messy = 'organisation  a "A"   kind veiligthuis organisation b "B" kind\nwijkteam\n\n\n\n'
            + 'measure type t "T" { mode drang basis "x" initial 10 days term max 1 year total max 2 years subject any imposed by om ,rechter regie gi source "s" checked 2026-11-01 }';
        expect(await format(messy)).toBe([
            'organisation a "A" kind veiligthuis',
            'organisation b "B" kind wijkteam',
            '',
            'measure type t "T" {',
            '    mode drang',
            '    basis "x"',
            '    initial 10 days',
            '    term max 1 year',
            '    total max 2 years',
            '    subject any',
            '    imposed by om, rechter',
            '    regie gi',
            '    source "s"',
            '    checked 2026-11-01',
            '}',
            ''
        ].join('\n'));
    });

    test('a plan written on few lines with odd spacing and lists', async () => {
        const messy = [
            'plan p "P"',
            '{ status draft period 2026-01-01 for 1 year',
            'household { member a adult roles victim ,parent member b child born 2015 roles witness outside no-action "r" }',
            'network{supporter s "S" supports a,b aware}',
            '  risk r "R" { severity high nature dynamic domain safety affects household posed by a }',
            'phase safety from 2026-01-01 to 2026-03-01 measure m huisverbod { on a protects b by o from 2026-01-01 for 10 days extend to 2026-01-20 }',
            'intervention i "I" { for a , b by o from 2026-01-01 to 2026-06-01 framework voluntary addresses r phase safety fallback "f" }',
            'agreement g "G" { by a, s protects b checked by o from 2026-01-01 }',
            'regie { o from 2026-01-01 to 2026-02-01 "n" o from 2026-02-01 }',
            'aftercare { owner o from 2027-01-01 for 12 months checkpoints 3 months,6 months signal "s" escalate "e" }',
            'meeting 2026-01-05 "M" { chair o participants o, o client a present }',
            'evaluation 2026-04-01 }'
        ].join('\n');
        expect(await format(messy)).toBe([
            'plan p "P" {',
            '    status draft',
            '    period 2026-01-01 for 1 year',
            '    household {',
            '        member a adult roles victim, parent',
            '        member b child born 2015 roles witness outside no-action "r"',
            '    }',
            '    network {',
            '        supporter s "S" supports a, b aware',
            '    }',
            '    risk r "R" {',
            '        severity high',
            '        nature dynamic',
            '        domain safety',
            '        affects household',
            '        posed by a',
            '    }',
            '    phase safety from 2026-01-01 to 2026-03-01',
            '    measure m huisverbod {',
            '        on a',
            '        protects b',
            '        by o',
            '        from 2026-01-01 for 10 days',
            '        extend to 2026-01-20',
            '    }',
            '    intervention i "I" {',
            '        for a, b',
            '        by o',
            '        from 2026-01-01 to 2026-06-01',
            '        framework voluntary',
            '        addresses r',
            '        phase safety',
            '        fallback "f"',
            '    }',
            '    agreement g "G" {',
            '        by a, s',
            '        protects b',
            '        checked by o',
            '        from 2026-01-01',
            '    }',
            '    regie {',
            '        o from 2026-01-01 to 2026-02-01 "n"',
            '        o from 2026-02-01',
            '    }',
            '    aftercare {',
            '        owner o',
            '        from 2027-01-01 for 12 months',
            '        checkpoints 3 months, 6 months',
            '        signal "s"',
            '        escalate "e"',
            '    }',
            '    meeting 2026-01-05 "M" {',
            '        chair o',
            '        participants o, o',
            '        client a present',
            '    }',
            '    evaluation 2026-04-01',
            '}',
            ''
        ].join('\n'));
    });

    test('empty blocks: `{` ends its line and `}` stands alone', async () => {
        expect(await format('plan p "P" { household {} network {   } regie\n{\n\n}}')).toBe(
            'plan p "P" {\n    household {\n    }\n    network {\n    }\n    regie {\n    }\n}\n');
    });

    test('strings are never touched, even with braces, commas and spaces inside', async () => {
        expect(await format('organisation  o  "a  {  b ,  c }  \\"d\\"" kind other')).toBe('organisation o "a  {  b ,  c }  \\"d\\"" kind other\n');
    });

    test('formatText accepts the whole services object too (as the CLI creates it)', async () => {
        expect(await formatText(services, 'organisation  o "O"  kind other')).toBe('organisation o "O" kind other\n');
    });

    test('an empty or blank file stays empty', async () => {
        expect(await format('')).toBe('');
        expect(await format('  \n\n \t\n')).toBe('');
    });
});

describe('formatText: comments stay where they were', () => {
    test('line comments: own line, end of line, before `}`, at file start and end', async () => {
        const messy = [
            '// catalogue   ',
            'organisation o "O" kind other    // the only one',
            'plan p "P" {   // plan comment',
            '      // before status',
            'status active // end of status',
            '  household {',
            'member a adult // end of member',
            '         // last in household',
            '}',
            '}',
            '// trailing'
        ].join('\n');
        expect(await format(messy)).toBe([
            '// catalogue',
            'organisation o "O" kind other // the only one',
            'plan p "P" { // plan comment',
            '    // before status',
            '    status active // end of status',
            '    household {',
            '        member a adult // end of member',
            '        // last in household',
            '    }',
            '}',
            '// trailing',
            ''
        ].join('\n'));
    });

    test('a line comment inside an item keeps the rest of the item on the next line', async () => {
        const text = 'plan p "P" {\n    household {\n        member a adult // note\n        roles victim\n    }\n}\n';
        expect(await format('plan p "P" { household { member a adult // note\nroles victim } }')).toBe(text);
        expect(await format(text)).toBe(text);
    });

    test('block comments: inline, between items, after `{`, before `}`, multi-line', async () => {
        const messy = [
            '/* header',
            '   second line   ',
            ' */',
            'plan p /* name */ "P" { /* after brace */ status active',
            '/* own line */',
            'period 2026-01-01 for 1 year /* end of line */',
            'household { member a adult roles victim, /* in a list */ parent /* before brace */ }',
            '}'
        ].join('\n');
        expect(await format(messy)).toBe([
            '/* header',
            '   second line',
            ' */',
            'plan p /* name */ "P" { /* after brace */',
            '    status active',
            '    /* own line */',
            '    period 2026-01-01 for 1 year /* end of line */',
            '    household {',
            '        member a adult roles victim, /* in a list */ parent /* before brace */',
            '    }',
            '}',
            ''
        ].join('\n'));
    });

    test('every comment of the spec example, wherever it is put, survives a format', async () => {
        const withComments = specExample
            .replace('    status active', '    // status first\n    status active /* inline */')
            .replace('    regie {', '    /* regie\n       block */\n    regie { // handovers')
            .replace('        escalate', '        // before escalate\n\n        escalate');
        const formatted = await format(withComments);
        expect(formatted).toBe(withComments);
    });
});

describe('formatText: blank lines', () => {
    test('blank lines between items are kept, at most one in a row', async () => {
        expect(await format('organisation a "A" kind other\n\n\n\norganisation b "B" kind other\norganisation c "C" kind other'))
            .toBe('organisation a "A" kind other\n\norganisation b "B" kind other\norganisation c "C" kind other\n');
    });

    test('no blank line right after `{` or right before `}`, nor at the start or end of the file', async () => {
        const messy = '\n\n\nplan p "P" {\n\n\n    status active\n\n\n    period 2026-01-01 for 1 year\n\n\n}\n\n\n\n';
        expect(await format(messy)).toBe('plan p "P" {\n    status active\n\n    period 2026-01-01 for 1 year\n}\n');
    });

    test('no blank line after a `{` line that ends in a comment', async () => {
        expect(await format('plan p "P" { // c\n\n\n    status active\n}')).toBe('plan p "P" { // c\n    status active\n}\n');
    });

    test('blank lines around own-line comments are kept (at most one)', async () => {
        const text = 'plan p "P" {\n    status active\n\n    // about the period\n\n    period 2026-01-01 for 1 year\n    // last\n}\n';
        expect(await format(text.replace(/\n\n/g, '\n\n\n\n'))).toBe(text);
    });
});

describe('formatText: line endings, idempotence, syntax errors', () => {
    test('CRLF input gives the canonical text with CRLF line endings', async () => {
        const crlf = specExample.split('\n').map(line => line.trim()).join('\r\n') + '\r\n\r\n';
        const formatted = await format(crlf);
        expect(formatted).toBe(specExample.replace(/\n/g, '\r\n'));
        expect(formatted).not.toMatch(/[^\r]\n/);
    });

    test('CR line endings (classic Mac) are kept too', async () => {
        const cr = specExample.split('\n').map(line => line.trim()).join('\r') + '\r\r';
        const formatted = await format(cr);
        expect(formatted).toBe(specExample.replace(/\n/g, '\r'));
        expect(await format(formatted!)).toBe(formatted);
    });

    test('the fixture with CRLF line endings is canonical as it is', async () => {
        const crlf = specExample.replace(/\n/g, '\r\n');
        expect(await format(crlf)).toBe(crlf);
    });

    test('a text with a syntax error is refused (undefined)', async () => {
        expect(await format('plan p "P" { status active household { member a adult ')).toBeUndefined();
        expect(await format('organisation o "O" kind other ### plan')).toBeUndefined();
        expect(await format('plan p "P" { status active } }')).toBeUndefined();
    });

    test('formatting is idempotent and keeps every token in order, whatever the white space (property)', async () => {
        const tokens = specExample.match(/"(?:\\.|[^"\\])*"|\S+/g) ?? [];
        const whitespace = fc.constantFrom(' ', '  ', '\n', '\n\n', '\n\n\n', '\t', ' \n  ', '\r\n', ' // c\n', ' /* c */ ');
        await fc.assert(fc.asyncProperty(fc.array(whitespace, { minLength: tokens.length, maxLength: tokens.length }), async gaps => {
            const text = tokens.map((token, i) => token + gaps[i]).join('');
            const once = await format(text);
            expect(once).toBeDefined();
            expect(await format(once!)).toBe(once);
            const significant = (t: string) => t.replace(/\/\/ c|\/\* c \*\//g, '').match(/"(?:\\.|[^"\\])*"|[^\s,]+|,/g);
            expect(significant(once!)).toEqual(significant(text));
            expect(once!.match(/\/\/ c|\/\* c \*\//g)?.length ?? 0).toBe(text.match(/\/\/ c|\/\* c \*\//g)?.length ?? 0);
            expect(once).not.toMatch(/[ \t]+\r?\n/);
            expect(once).toMatch(/[^\n]\r?\n$/);
        }), { numRuns: 60, seed: 20261123 });
    });

    test('formatting never changes the diagnostics of a valid plan', async () => {
        // An unresolved organisation (VP081) and whatever the plan checks find in an early evaluation.
        const messy = collapse(specExample).replace('status active', 'status active evaluation 2025-01-01').replace('by ggz_zhz', 'by ggz_onbekend');
        const formatted = await format(messy);
        expect(formatted).toBeDefined();
        const before = await checkText(services, messy);
        const after = await checkText(services, formatted!);
        expect(before.codes).toContain('VP081');
        expect(after.codes).toEqual(before.codes);
        expect(after.diagnostics.map(d => d.message)).toEqual(before.diagnostics.map(d => d.message));
    });
});

describe('the LSP formatter', () => {
    const formatter = () => services.Vplan.lsp.Formatter!;

    test('Format Document gives edits that produce the canonical text', async () => {
        const messy = collapse(specExample);
        const doc = await document(messy);
        const edits = await formatter().formatDocument(doc, { textDocument: { uri: doc.uri.toString() }, options: formattingOptions });
        expect(edits.length).toBeGreaterThan(1);
        expect(applyTextEdits(messy, edits)).toBe(await format(messy));
    });

    test('a canonical document gets no edits', async () => {
        const doc = await document(specExample);
        expect(await formatter().formatDocument(doc, { textDocument: { uri: doc.uri.toString() }, options: formattingOptions })).toEqual([]);
    });

    test('a document with a syntax error gets no edits, so no text is lost', async () => {
        const broken = 'plan   p "P" {\n status    active\n household { member a adult roles victim,, parent }\n}';
        const doc = await document(broken);
        expect(doc.parseResult.parserErrors.length).toBeGreaterThan(0);
        expect(await formatter().formatDocument(doc, { textDocument: { uri: doc.uri.toString() }, options: formattingOptions })).toEqual([]);
        expect(await formatter().formatDocumentRange(doc, {
            textDocument: { uri: doc.uri.toString() }, options: formattingOptions, range: { start: { line: 0, character: 0 }, end: { line: 3, character: 1 } }
        })).toEqual([]);
    });

    test('Format Selection changes only the selected lines', async () => {
        const messy = 'plan p "P" {\n  status    active\n      period 2026-01-01   for 1 year\n household {   member a adult }\n}\n';
        const doc = await document(messy);
        const edits = await formatter().formatDocumentRange(doc, {
            textDocument: { uri: doc.uri.toString() }, options: formattingOptions,
            range: { start: { line: 2, character: 0 }, end: { line: 2, character: 40 } }
        });
        expect(applyTextEdits(messy, edits)).toBe('plan p "P" {\n  status    active\n    period 2026-01-01 for 1 year\n household {   member a adult }\n}\n');
    });

    test('typing `}` lays out its line', async () => {
        const messy = 'plan p "P" {\n    household {\n        member a adult\n         }\n}\n';
        const doc = await document(messy);
        expect(formatter().formatOnTypeOptions?.firstTriggerCharacter).toBe('}');
        const edits = await formatter().formatDocumentOnType(doc, {
            textDocument: { uri: doc.uri.toString() }, options: formattingOptions, position: { line: 3, character: 10 }, ch: '}'
        });
        expect(applyTextEdits(messy, edits)).toBe('plan p "P" {\n    household {\n        member a adult\n    }\n}\n');
    });
});

describe('Format Selection and format on typing change only the selected lines', () => {
    const formatter = () => services.Vplan.lsp.Formatter!;
    type Range = { start: { line: number; character: number }; end: { line: number; character: number } };
    async function rangeEdits(text: string, range: Range) {
        const doc = await document(text);
        return formatter().formatDocumentRange(doc, { textDocument: { uri: doc.uri.toString() }, options: formattingOptions, range });
    }
    async function onTypeEdits(text: string, line: number, character: number) {
        const doc = await document(text);
        return formatter().formatDocumentOnType(doc, {
            textDocument: { uri: doc.uri.toString() }, options: formattingOptions, position: { line, character }, ch: '}'
        });
    }
    const head = 'plan y_2028 "Y" {\n    status active\n    period 2026-01-01 to 2027-01-01\n    household {\n';

    test('typing `}` at the start of a line indents it', async () => {
        const text = head + '        member a adult born 1980 roles victim\n}\n}\n';
        const edits = await onTypeEdits(text, 5, 1);
        expect(edits).toEqual([{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, newText: '    ' }]);
        expect(applyTextEdits(text, edits)).toBe(head + '        member a adult born 1980 roles victim\n    }\n}\n');
    });

    test('typing `}` lays out its own line only, not the line after it', async () => {
        const text = head + '        member a adult\n  }\n      }\n';
        const edits = await onTypeEdits(text, 5, 3);
        expect(applyTextEdits(text, edits)).toBe(head + '        member a adult\n    }\n      }\n');
        expect(edits.every(edit => edit.range.start.line === 5 && edit.range.end.line === 5)).toBe(true);
    });

    test('a selection of lines that start at column 0 indents every one of them', async () => {
        const text = head + 'member a adult born 1980 roles victim\nmember b adult born 1981 roles perpetrator\n    }\n}\n';
        const edits = await rangeEdits(text, { start: { line: 4, character: 0 }, end: { line: 5, character: 42 } });
        expect(applyTextEdits(text, edits)).toBe(head + '        member a adult born 1980 roles victim\n        member b adult born 1981 roles perpetrator\n    }\n}\n');
    });

    test('no edit starts before the selection, also for indented lines and a line before with trailing white space', async () => {
        const text = head.replace('1-01\n', '1-01   \n') + '  member a adult born 1980 roles victim   \n  member b adult born 1981 roles perpetrator\n    }\n}\n';
        const edits = await rangeEdits(text, { start: { line: 4, character: 0 }, end: { line: 5, character: 44 } });
        expect(edits.every(edit => edit.range.start.line >= 4)).toBe(true);
        expect(applyTextEdits(text, edits)).toBe(head.replace('1-01\n', '1-01   \n')
            + '        member a adult born 1980 roles victim\n        member b adult born 1981 roles perpetrator\n    }\n}\n');
    });

    test('any selection of whole lines makes exactly those lines canonical and leaves every other line alone (CRLF too)', async () => {
        const lines = specExample.split('\n').slice(0, -1);
        const messy = lines.map((line, i) => (i % 3 === 0 ? '' : i % 3 === 1 ? '  ' : '\t      ') + line.trim() + (i % 2 === 0 ? '  ' : ''));
        for (const eol of ['\n', '\r\n']) {
            const text = messy.join(eol) + eol;
            const doc = await document(text);
            for (const [first, last] of [[0, 0], [1, 3], [4, 9], [10, 10], [12, 25], [20, lines.length - 1]]) {
                for (const end of [{ line: last, character: 200 }, { line: last + 1, character: 0 }]) {
                    const edits = await formatter().formatDocumentRange(doc, {
                        textDocument: { uri: doc.uri.toString() }, options: formattingOptions, range: { start: { line: first, character: 0 }, end }
                    });
                    const result = applyTextEdits(text, edits).split(eol);
                    const expected = messy.map((line, i) => (i >= first && i <= last ? lines[i] : line));
                    expect(result.slice(0, -1), `lines ${first}-${last}`).toEqual(expected);
                }
            }
        }
    });

    test('selecting the whole text gives what Format Document gives, blank lines at the end included', async () => {
        for (const text of ['\n\n  plan p "P" {\n  status active\n}\n\n\n', 'plan p "P" {\n  status active\n}']) {
            const doc = await document(text);
            const all = await formatter().formatDocumentRange(doc, {
                textDocument: { uri: doc.uri.toString() }, options: formattingOptions,
                range: { start: { line: 0, character: 0 }, end: doc.textDocument.positionAt(text.length) }
            });
            expect(applyTextEdits(text, all)).toBe('plan p "P" {\n    status active\n}\n');
        }
    });

    test('a selection that starts in the indentation or at the first word of a line takes in its indentation', async () => {
        const text = head + '  member a adult born 1980 roles victim\n    }\n}\n';
        for (const character of [1, 2]) {
            const edits = await rangeEdits(text, { start: { line: 4, character }, end: { line: 4, character: 20 } });
            expect(applyTextEdits(text, edits)).toBe(head + '        member a adult born 1980 roles victim\n    }\n}\n');
        }
    });
});
