/** `vplan export FILE [--plan ID]` through the real binary, validated against its JSON Schema. */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { CLEAN_PLAN, ERROR_PLAN, ORGANISATIONS, REPO_ROOT, ensureBuilt, lines, makeTempDir, removeDir, runVplan, writeFiles } from './cli-test-helpers.js';

const SECOND_PLAN = CLEAN_PLAN.replace('plan linde_2026 "Veiligheidsplan gezin Linde"', 'plan linde_2027 "Vervolgplan gezin Linde"');

let root: string;
const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas/vplan-export.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);
const validate = ajv.compile(schema);

beforeAll(() => {
    ensureBuilt();
    root = makeTempDir('vplan-export-');
    writeFiles(root, {
        'plans/orgs.vplan': ORGANISATIONS,
        'plans/linde.vplan': CLEAN_PLAN,
        'errors/orgs.vplan': ORGANISATIONS,
        'errors/linde.vplan': ERROR_PLAN,
        'two/orgs.vplan': ORGANISATIONS,
        'two/both.vplan': CLEAN_PLAN + '\n' + SECOND_PLAN,
        'project/vplan.config.json': '{}',
        'project/catalogue/orgs.vplan': ORGANISATIONS,
        'project/cases/linde.vplan': CLEAN_PLAN
    });
});
afterAll(() => removeDir(root));

function exported(args: string[]) {
    const result = runVplan(['export', ...args], { cwd: root });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(validate(json), JSON.stringify(validate.errors, null, 1)).toBe(true);
    return json;
}

describe('vplan export', () => {
    test('prints the resolved plan as JSON that follows schemas/vplan-export.schema.json', () => {
        const json = exported(['plans/linde.vplan']);
        expect(json).toMatchObject({ format: 'vplan-export', version: 1, source: 'plans/linde.vplan', diagnostics: { errors: 0 } });
        expect(json.plan.name).toBe('linde_2026');
        expect(json.plan.period).toEqual({ start: '2026-01-12', end: '2027-01-12' });
        // References to organisations in another file of the workspace resolve to their names.
        expect(json.plan.measures[0]).toMatchObject({ by: 'burg_noord', terms: [{ period: { start: '2026-01-12', end: '2026-01-22' } }] });
        expect(json.plan.regie.map((r: { period: { end: string } }) => r.period.end)).toEqual(['2026-02-09', '2027-01-12']);
    });

    test('loads the workspace of the nearest vplan.config.json above the file', () => {
        const json = exported(['project/cases/linde.vplan']);
        expect(json.plan.aftercare.owner).toBe('vt_noord');
        expect(json.diagnostics.errors).toBe(0);
    });

    test('counts the diagnostics of the file and still exports it', () => {
        const json = exported(['errors/linde.vplan']);
        expect(json.diagnostics.errors).toBe(1);
        expect(json.plan.measures[0].by).toBeNull();
    });

    test('--plan picks one of several plans; without it, several plans are a usage error', () => {
        expect(exported(['two/both.vplan', '--plan', 'linde_2027']).plan.title).toBe('Vervolgplan gezin Linde');
        const several = runVplan(['export', 'two/both.vplan'], { cwd: root });
        expect(several.status).toBe(2);
        expect(lines(several.stderr)).toEqual(['vplan: two/both.vplan: holds several plans (linde_2026, linde_2027); pick one with --plan']);
        const unknown = runVplan(['export', 'two/both.vplan', '--plan', 'nope'], { cwd: root });
        expect(unknown.status).toBe(2);
        expect(lines(unknown.stderr)).toHaveLength(1);
    });

    test('a file without a plan cannot be exported', () => {
        const result = runVplan(['export', 'plans/orgs.vplan'], { cwd: root });
        expect(result.status).toBe(2);
        expect(lines(result.stderr)).toEqual(['vplan: plans/orgs.vplan: holds no plan to export']);
    });

    test('needs a FILE', () => {
        const result = runVplan(['export'], { cwd: root });
        expect(result.status).toBe(2);
        expect(lines(result.stderr)).toHaveLength(1);
    });
});
