/**
 * The files `npm run docs` writes are committed; generating them again from the code must change
 * nothing. docs/rules.md comes from the rule units (a rule's page can never drift from its
 * messages), schemas/vplan-config.schema.json from the configuration's definition (the editor's
 * schema and the CLI's VP009 checks are one source).
 */

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { renderRulesDoc } from '../../language/rules/rules-doc.js';
import { configSchemaText } from '../../language/config/config-schema.js';
import { RULES } from '../../language/rules/registry.js';

const repo = new URL('../../', import.meta.url).pathname;
const STALE = 'stale: run `npm run docs` and commit the result';

describe('generated documentation', () => {
    test('docs/rules.md is what the rule units generate', async () => {
        expect(readFileSync(`${repo}docs/rules.md`, 'utf8'), STALE).toBe(await renderRulesDoc());
    });

    test('docs/rules.md has a section for every rule', () => {
        const doc = readFileSync(`${repo}docs/rules.md`, 'utf8');
        for (const rule of RULES) expect(doc, rule.code).toContain(`## ${rule.code} — `);
    });

    test('schemas/vplan-config.schema.json is what the configuration definition generates', () => {
        expect(readFileSync(`${repo}schemas/vplan-config.schema.json`, 'utf8'), STALE).toBe(configSchemaText());
    });
});
