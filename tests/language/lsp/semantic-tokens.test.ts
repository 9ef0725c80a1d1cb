/**
 * Semantic tokens: members, supporters, organisations, measure types, risks, measures,
 * interventions, agreements, dates, durations and value words get distinct token types.
 */

import { beforeAll, describe, expect, test } from 'vitest';
import { expectSemanticToken, highlightHelper } from 'langium/test';
import { SemanticTokenTypes } from 'vscode-languageserver';
import { createTestServices } from '../../helpers.js';
import { loadBuiltinCatalogue } from '../../../language/workspace/builtin-documents.js';
import { FULL } from './lsp-fixtures.js';

const services = createTestServices();
const highlight = highlightHelper(services.Vplan);

beforeAll(async () => {
    await loadBuiltinCatalogue(services.shared);
});

/** Marks the n-th occurrence of `needle` as a range `<|needle|>`. */
function range(text: string, needle: string, occurrence = 0): string {
    let index = -1;
    for (let i = 0; i <= occurrence; i++) index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(needle);
    return text.slice(0, index) + '<|' + needle + '|>' + text.slice(index + needle.length);
}

const cases: Array<[string, string, number, string]> = [
    ['member declaration', 'sanne', 0, SemanticTokenTypes.variable],
    ['member reference', 'mark', 1, SemanticTokenTypes.variable],
    ['supporter', 'oma', 0, SemanticTokenTypes.parameter],
    ['organisation declaration', 'vt_zhz', 0, SemanticTokenTypes.class],
    ['organisation reference', 'bm_dordt', 1, SemanticTokenTypes.class],
    ['measure type reference', 'huisverbod', 0, SemanticTokenTypes.type],
    ['risk', 'geweld', 0, SemanticTokenTypes.event],
    ['risk reference', 'geweld', 2, SemanticTokenTypes.event],
    ['measure', 'hv', 0, SemanticTokenTypes.function],
    ['intervention', 'daderhulp', 0, SemanticTokenTypes.method],
    ['agreement', 'contact', 0, SemanticTokenTypes.struct],
    ['plan', 'fam_test', 0, SemanticTokenTypes.namespace],
    ['date', '2026-01-12', 0, 'date'],
    ['duration amount', '18', 1, 'duration'],
    ['duration unit', 'days', 0, 'duration'],
    ['role', 'victim', 0, SemanticTokenTypes.enumMember],
    ['member kind', 'child', 0, SemanticTokenTypes.enumMember],
    ['organisation kind', 'veiligthuis', 0, SemanticTokenTypes.enumMember],
    ['status', 'active', 0, SemanticTokenTypes.enumMember],
    ['severity', 'high', 0, SemanticTokenTypes.enumMember],
    ['framework', 'drang', 0, SemanticTokenTypes.enumMember],
    ['client mode', 'present', 0, SemanticTokenTypes.enumMember]
];

describe('semantic tokens', () => {
    test.each(cases)('%s', async (_label, needle, occurrence, type) => {
        const tokens = await highlight(range(FULL, needle, occurrence));
        expectSemanticToken(tokens, { tokenType: type as SemanticTokenTypes });
    });

    test('declarations carry the declaration modifier; built-in types the defaultLibrary modifier', async () => {
        const tokens = await highlight(FULL);
        const provider = services.Vplan.lsp.SemanticTokenProvider!;
        const sanne = tokens.tokens.find(t => t.text === 'sanne')!;
        expect(sanne.tokenModifiers & provider.tokenModifiers.declaration).toBeTruthy();
        const huisverbod = tokens.tokens.find(t => t.text === 'huisverbod')!;
        expect(huisverbod.tokenModifiers & provider.tokenModifiers.defaultLibrary).toBeTruthy();
    });

    test('the legend declares the standard types plus date and duration', () => {
        const legend = services.Vplan.lsp.SemanticTokenProvider!.semanticTokensOptions.legend;
        expect(legend.tokenTypes).toEqual(expect.arrayContaining(['variable', 'class', 'type', 'enumMember', 'date', 'duration']));
        expect(legend.tokenTypes.indexOf('date')).toBe(services.Vplan.lsp.SemanticTokenProvider!.tokenTypes.date);
    });
});
