/**
 * The benchmark's generated workspace (bench/workload.ts) is what it claims to be: realistic plans
 * that pass every check, the catalogue they share, and YAML twins that satisfy the JSON Schema.
 */

import { Ajv } from 'ajv';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { describe, expect, test } from 'vitest';
import { checkText, createTestServices } from '../helpers.js';
import {
    YAML_ORGANISATIONS_SCHEMA, YAML_PLAN_SCHEMA, catalogueToVplan, generateCatalogue, generateLargePlan, generatePlan,
    planToVplan, planToYamlObject
} from '../../bench/workload.js';

const services = createTestServices();
const catalogue = catalogueToVplan(generateCatalogue());

describe('the benchmark workload', () => {
    test('generated plans of about 130 lines pass every check', async () => {
        for (let i = 1; i <= 24; i++) {
            const text = planToVplan(generatePlan(i));
            const lines = text.split('\n').length;
            expect(lines).toBeGreaterThan(100);
            expect(lines).toBeLessThan(160);
            const result = await checkText(services, [text, catalogue]);
            expect(result.diagnostics.map(d => `${d.code} ${d.range.start.line + 1}: ${d.message}`), `plan ${i}`).toEqual([]);
        }
    });

    test('large plans have the requested size and stay clean', async () => {
        for (const target of [100, 1_000, 5_000]) {
            const text = planToVplan(generateLargePlan(target));
            const lines = text.split('\n').length - 1;
            expect(lines).toBeGreaterThanOrEqual(target * 0.9);
            expect(lines).toBeLessThan(target * 1.3 + 20);
            const result = await checkText(services, [text, catalogue]);
            expect(result.diagnostics.map(d => `${d.code} ${d.range.start.line + 1}: ${d.message}`), `${target} lines`).toEqual([]);
        }
    });

    test('the YAML twins are valid against the JSON Schema, and the schema rejects a broken one', () => {
        const ajv = new Ajv({ allErrors: true });
        const validatePlan = ajv.compile(YAML_PLAN_SCHEMA);
        const validateOrganisations = ajv.compile(YAML_ORGANISATIONS_SCHEMA);
        expect(validateOrganisations(parseYaml(toYaml({ organisations: generateCatalogue() })))).toBe(true);
        for (let i = 1; i <= 10; i++) {
            const value = parseYaml(toYaml(planToYamlObject(generatePlan(i))));
            expect(validatePlan(value), JSON.stringify(validatePlan.errors)).toBe(true);
        }
        const broken = planToYamlObject(generatePlan(1)) as { plan: { status: string } };
        broken.plan.status = 'actief';
        expect(validatePlan(broken)).toBe(false);
    });
});
