/**
 * Conformance of section 5 (the canonical layout), written from the spec text: 4-space indent per
 * brace level, one item per line, single spaces, `a, b, c` lists, `{` at the end of its line and
 * `}` alone, no trailing white space, one final newline, at most one blank line kept and none
 * after `{` or before `}`, comments kept, idempotent, never reordering, and no rewrite of a file
 * with syntax errors.
 */

import { describe, expect, test } from 'vitest';
import { formatText } from '../../../language/lsp/vplan-formatter.js';
import { createTestServices } from '../../helpers.js';
import { BASE, CATALOGUE, plan } from './conformance-support.js';

const services = createTestServices();
const format = (text: string) => formatText(services.Vplan, text);

function expectCanonicalShape(text: string): void {
    expect(text.endsWith('\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
    const lines = text.split('\n').slice(0, -1);
    let depth = 0;
    let previousBlank = false;
    let previousOpened = false;
    for (const line of lines) {
        expect(line, 'no trailing white space').toBe(line.trimEnd());
        if (line === '') {
            expect(previousBlank, 'at most one blank line in a row').toBe(false);
            expect(previousOpened, 'no blank line right after {').toBe(false);
            previousBlank = true;
            continue;
        }
        if (line.trim() === '}') {
            expect(previousBlank, 'no blank line right before }').toBe(false);
            depth--;
        }
        expect(line.startsWith(' '.repeat(4 * depth)) && !line.startsWith(' '.repeat(4 * depth + 1)), `indent of "${line}"`).toBe(true);
        expect(line.trim(), 'single spaces between tokens outside strings').not.toMatch(/^[^"]*\s{2,}/);
        if (line.trim() !== '}') expect(line.trim().includes('}'), '} alone on its line').toBe(false);
        previousOpened = line.endsWith('{');
        if (previousOpened) depth++;
        previousBlank = false;
    }
    expect(depth).toBe(0);
}

describe('the canonical layout (section 5)', () => {
    test('the base plan and catalogue, collapsed onto one line, format into the canonical shape', async () => {
        for (const text of [plan(), CATALOGUE]) {
            const collapsed = text.replace(/\s*\n\s*/g, ' ');
            const formatted = await format(collapsed);
            expect(formatted).toBeDefined();
            expectCanonicalShape(formatted!);
            expect(await format(formatted!)).toBe(formatted);
        }
    });

    test('a messy plan gets canonical spacing, lists and braces, keeping the author\'s order', async () => {
        const messy = 'plan   p "P"\n{\n\n\n  status active\n\n\n\n   period 2026-01-01   to 2027-01-01\n household {\n\n member a adult roles victim ,parent,  witness   \n\n }\n\n\n}';
        const formatted = await format(messy);
        expect(formatted).toBe('plan p "P" {\n    status active\n\n    period 2026-01-01 to 2027-01-01\n    household {\n        member a adult roles victim, parent, witness\n    }\n}\n');
    });

    test('items are never reordered', async () => {
        const text = plan({ status: '', extra: 'status active' });
        const formatted = (await format(text))!;
        expect(formatted.indexOf('status active')).toBeGreaterThan(formatted.indexOf('aftercare {'));
    });

    test('comments stay where they were', async () => {
        const text = '// catalogus\norganisation vt "VT" kind veiligthuis // regio\n/* blok */\norganisation wt "WT" kind wijkteam\n';
        expect(await format(text)).toBe(text);
    });

    test('a file with syntax errors is not rewritten', async () => {
        expect(await format(plan({ status: 'staus active' }))).toBeUndefined();
    });

    test('a reserved word as a name is a syntax error: the file is not rewritten either', async () => {
        expect(await format('organisation   regie "X" kind other\n')).toBeUndefined();
    });

    test('formatting changes no meaning: the formatted base plan is still clean', async () => {
        const formatted = (await format(plan().replace(/\n\s*/g, '\n')))!;
        expect(formatted).toContain(BASE.household.split('\n')[1].trim());
        expectCanonicalShape(formatted);
    });
});
