import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkText, createTestServices } from '../helpers.js';

const services = createTestServices();

describe('the spec example', () => {
    test('parses and links without syntax or reference errors', async () => {
        const text = readFileSync(new URL('../fixtures/spec-example.vplan', import.meta.url), 'utf8');
        const result = await checkText(services, text);
        const bad = result.diagnostics.filter(d => d.code === 'VP000' || d.code === 'VP081');
        expect(bad).toEqual([]);
    });
});
