/**
 * The examples are part of the product: every plan in examples/regio-zhz passes every check,
 * and every plan in examples/problems shows exactly the diagnostics its `// expect:` line names.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkText, createTestServices } from '../helpers.js';

const services = createTestServices();
const root = new URL('../../examples/', import.meta.url).pathname;

function vplanFiles(folder: string): string[] {
    return readdirSync(join(root, folder)).filter(name => name.endsWith('.vplan')).sort();
}

function read(folder: string, name: string): string {
    return readFileSync(join(root, folder, name), 'utf8');
}

describe('examples/regio-zhz', () => {
    const files = vplanFiles('regio-zhz');
    const catalogue = read('regio-zhz', 'organisaties.vplan');

    test('holds a catalogue and at least five plans', () => {
        expect(files).toContain('organisaties.vplan');
        expect(files.length).toBeGreaterThanOrEqual(6);
    });

    for (const name of files) {
        test(`${name} passes every check`, async () => {
            const others = files.filter(f => f !== name).map(f => read('regio-zhz', f));
            const result = await checkText(services, [read('regio-zhz', name), ...others]);
            expect(result.diagnostics.map(d => `${d.range.start.line + 1}: ${d.code} ${d.message}`)).toEqual([]);
        });
    }

    test('the catalogue declares organisations of the kinds the plans need', () => {
        for (const kind of ['veiligthuis', 'wijkteam', 'gi', 'rechter', 'burgemeester', 'om']) {
            expect(catalogue).toMatch(new RegExp(`kind ${kind}\\b`));
        }
    });
});

describe('examples/problems', () => {
    const files = vplanFiles('problems').filter(name => name !== 'organisaties.vplan');
    const catalogue = read('problems', 'organisaties.vplan');

    for (const name of files) {
        test(`${name} shows exactly the diagnostics it is meant to`, async () => {
            const text = read('problems', name);
            const expected = /^\/\/ expect: (.*)$/m.exec(text)?.[1].split(',').map(code => code.trim()).sort();
            expect(expected, 'an `// expect:` line').toBeDefined();
            const result = await checkText(services, [text, catalogue]);
            expect([...new Set(result.codes)].sort()).toEqual(expected);
        });
    }
});
