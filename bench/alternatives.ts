/**
 * The alternatives `vplan check` is compared with, each run as its own process over the same
 * workspace: YAML parsed by `yaml` or `js-yaml` and validated by ajv against a JSON Schema, and a
 * single regular-expression pass over the vplan text (a floor: reading files and scanning them).
 *
 * Usage: node out/bench/alternatives.cjs yaml|js-yaml|regex FOLDER
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse as parseWithYaml } from 'yaml';
import { load as parseWithJsYaml } from 'js-yaml';
import { YAML_ORGANISATIONS_SCHEMA, YAML_PLAN_SCHEMA } from './workload.js';

function listFiles(folder: string, extension: string): string[] {
    const files: string[] = [];
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const full = join(folder, entry.name);
        if (entry.isDirectory()) files.push(...listFiles(full, extension));
        else if (entry.name.endsWith(extension)) files.push(full);
    }
    return files.sort();
}

// Tokens of the vplan surface syntax: strings, comments, dates, numbers, names, punctuation.
const TOKEN = /"(?:[^"\\\n]|\\.)*"|\/\/[^\n]*|\/\*[\s\S]*?\*\/|\d{4}-\d{2}-\d{2}|\d+|[A-Za-z_][A-Za-z0-9_-]*|[{},]/g;

function main(): void {
    const [mode, folder] = process.argv.slice(2);
    if (!folder || !['yaml', 'js-yaml', 'regex'].includes(mode)) {
        process.stderr.write('usage: alternatives yaml|js-yaml|regex FOLDER\n');
        process.exit(2);
    }
    let files = 0;
    let problems = 0;
    if (mode === 'regex') {
        let tokens = 0;
        for (const file of listFiles(folder, '.vplan')) {
            const text = readFileSync(file, 'utf8');
            files++;
            for (const _ of text.matchAll(TOKEN)) tokens++;
        }
        process.stdout.write(JSON.stringify({ files, tokens }) + '\n');
        return;
    }
    const ajv = new Ajv({ allErrors: true });
    const validatePlan = ajv.compile(YAML_PLAN_SCHEMA);
    const validateOrganisations = ajv.compile(YAML_ORGANISATIONS_SCHEMA);
    const parse = mode === 'yaml' ? (text: string) => parseWithYaml(text) as unknown : (text: string) => parseWithJsYaml(text);
    for (const file of listFiles(folder, '.yaml')) {
        const value = parse(readFileSync(file, 'utf8')) as Record<string, unknown> | null;
        files++;
        const validate = value && 'organisations' in value ? validateOrganisations : validatePlan;
        if (!validate(value)) problems += validate.errors?.length ?? 1;
    }
    process.stdout.write(JSON.stringify({ files, problems }) + '\n');
}

main();
