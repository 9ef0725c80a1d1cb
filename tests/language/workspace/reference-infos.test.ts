/**
 * Linking and indexing loop over `referenceInfosOf`, a plain walk that replaced Langium's streams.
 * It must find the same references, with the same container, property and index, in the same
 * order as Langium's own walk (`streamAst`, then `streamReferences` per node), on valid plans,
 * on the built-in catalogue and on text that error recovery left half-built.
 */

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AstUtils, type LangiumDocument, type ReferenceInfo } from 'langium';
import { describe, expect, test } from 'vitest';
import { referenceInfosOf } from '../../../language/workspace/vplan-index-services.js';
import { BUILTIN_CATALOGUE } from '../../../language/builtin/catalogue.js';
import { createTestServices, parse } from '../../helpers.js';

const services = createTestServices();
const parseText = parse(services);

function langiumWalk(document: LangiumDocument): ReferenceInfo[] {
    const infos: ReferenceInfo[] = [];
    for (const node of AstUtils.streamAst(document.parseResult.value)) {
        for (const info of AstUtils.streamReferences(node)) infos.push(info);
    }
    return infos;
}

function plansUnder(folder: string): string[] {
    return readdirSync(folder).flatMap(name => {
        const path = join(folder, name);
        return statSync(path).isDirectory() ? plansUnder(path) : name.endsWith('.vplan') ? [path] : [];
    });
}

async function expectSameWalk(text: string): Promise<number> {
    const document = await parseText(text);
    const expected = langiumWalk(document);
    const actual = referenceInfosOf(document);
    expect(actual.length).toBe(expected.length);
    actual.forEach((info, i) => {
        expect(info.reference).toBe(expected[i].reference);
        expect(info.container).toBe(expected[i].container);
        expect(info.property).toBe(expected[i].property);
        expect(Object.keys(info)).toEqual(Object.keys(expected[i]));
        expect(info.index).toBe(expected[i].index);
    });
    // Computed once per parse: the same list again.
    expect(referenceInfosOf(document)).toBe(actual);
    return actual.length;
}

const root = join(__dirname, '..', '..', '..');
const samples = [join(root, 'tests', 'fixtures', 'spec-example.vplan'), ...plansUnder(join(root, 'examples'))];

describe('referenceInfosOf walks like Langium', () => {
    for (const file of samples) {
        test(`same references in the same order: ${file.slice(root.length + 1)}`, async () => {
            await expectSameWalk(readFileSync(file, 'utf8'));
        });
    }

    test('the spec example has references in single and list properties', async () => {
        const document = await parseText(readFileSync(samples[0], 'utf8'));
        const infos = referenceInfosOf(document);
        expect(infos.some(info => info.index === undefined)).toBe(true);
        expect(infos.some(info => info.index !== undefined && info.index > 0)).toBe(true);
    });

    test('the built-in catalogue', async () => {
        await expectSameWalk(BUILTIN_CATALOGUE);
    });

    test('text that error recovery left half-built', async () => {
        const text = readFileSync(samples[0], 'utf8');
        for (const cut of [0.2, 0.45, 0.7, 0.9]) {
            await expectSameWalk(text.slice(0, Math.floor(text.length * cut)) + '\n} } member { agreement x "y" parties a, , b\n');
        }
    });
});
