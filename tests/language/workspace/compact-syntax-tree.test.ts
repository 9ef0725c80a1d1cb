/**
 * The vplan parser builds smaller syntax trees (language/workspace/compact-syntax-tree.ts): CST
 * leaves with packed positions, and AST lists copied to arrays of their exact size. Every tree
 * must be the same as the one Langium's own parser builds from the same text: the same CST nodes
 * with the same offsets, lengths, ranges, texts, token types, grammar elements and hidden flags,
 * and the same AST. Texts include tokens that span lines, very long lines, CRLF line ends,
 * characters outside the BMP and text that the lexer and the parser must recover from.
 *
 * `CompactLangiumParser` replaces Langium's private `nodeBuilder` field (the one private member of
 * Langium that vplan touches, docs/langium-overrides.md): the first tests fail if a Langium
 * upgrade renames that field or builds trees without it.
 */

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
    Cancellation, CstNodeBuilder, CstUtils, LeafCstNodeImpl, URI, createLangiumParser, isCompositeCstNode, isLeafCstNode, isReference,
    type AstNode, type CstNode, type LangiumParser
} from 'langium';
import { describe, expect, test } from 'vitest';
import { BUILTIN_CATALOGUE } from '../../../language/builtin/catalogue.js';
import { CompactCstNodeBuilder, CompactLangiumParser, CompactLeafCstNode, compactAstLists } from '../../../language/workspace/compact-syntax-tree.js';
import { generatePlan, planToVplan } from '../../../bench/workload.js';
import { createTestServices } from '../../helpers.js';

const services = createTestServices();
const compactParser = services.Vplan.parser.LangiumParser;
// Langium's parser with its own CST builder, from the same grammar and lexer.
const langiumParser: LangiumParser = createLangiumParser(services.Vplan);

function plansUnder(folder: string): string[] {
    return readdirSync(folder).flatMap(name => {
        const path = join(folder, name);
        return statSync(path).isDirectory() ? plansUnder(path) : name.endsWith('.vplan') ? [path] : [];
    });
}

function describeCst(node: CstNode): unknown {
    const common = {
        offset: node.offset, length: node.length, end: node.end, hidden: node.hidden, range: node.range, text: node.text,
        grammarSource: node.grammarSource, astType: node.astNode.$type
    };
    if (isCompositeCstNode(node)) return { ...common, content: node.content.map(describeCst) };
    if (isLeafCstNode(node)) return { ...common, tokenType: node.tokenType };
    throw new Error('neither a leaf nor a composite node');
}

function describeAst(node: AstNode): unknown {
    const result: Record<string, unknown> = { $type: node.$type, $containerProperty: node.$containerProperty, $containerIndex: node.$containerIndex };
    for (const [key, value] of Object.entries(node)) {
        if (key.startsWith('$')) continue;
        result[key] = describeValue(value, node);
    }
    result.$cstRange = node.$cstNode?.range;
    return result;
}

function describeValue(value: unknown, container: AstNode): unknown {
    if (Array.isArray(value)) return value.map(element => describeValue(element, container));
    if (isReference(value)) return { $refText: value.$refText, $refRange: value.$refNode?.range };
    if (typeof value === 'object' && value !== null && (value as AstNode).$container === container) return describeAst(value as AstNode);
    return value;
}

function expectSameTrees(text: string): { compactLeaves: number; langiumLeaves: number } {
    const compact = compactParser.parse(text);
    const expected = langiumParser.parse(text);
    expect(compact.lexerErrors).toEqual(expected.lexerErrors);
    expect(compact.parserErrors.map(e => e.message)).toEqual(expected.parserErrors.map(e => e.message));
    expect(describeCst(compact.value.$cstNode!)).toEqual(describeCst(expected.value.$cstNode!));
    expect(describeAst(compact.value)).toEqual(describeAst(expected.value));
    let compactLeaves = 0;
    let langiumLeaves = 0;
    for (const node of CstUtils.streamCst(compact.value.$cstNode!)) {
        if (node instanceof CompactLeafCstNode) compactLeaves++;
        else if (node instanceof LeafCstNodeImpl) langiumLeaves++;
    }
    return { compactLeaves, langiumLeaves };
}

const validPlan = planToVplan(generatePlan(7));

function leafKinds(root: AstNode): { compactLeaves: number; langiumLeaves: number } {
    let compactLeaves = 0;
    let langiumLeaves = 0;
    for (const node of CstUtils.streamCst(root.$cstNode!)) {
        if (node instanceof CompactLeafCstNode) compactLeaves++;
        else if (node instanceof LeafCstNodeImpl) langiumLeaves++;
    }
    return { compactLeaves, langiumLeaves };
}

describe('the compact parser is Langium\'s parser with another CST builder', () => {
    test('Langium keeps its CST builder in the private field `nodeBuilder`, which CompactLangiumParser replaces', () => {
        expect(compactParser).toBeInstanceOf(CompactLangiumParser);
        expect((langiumParser as unknown as { nodeBuilder: unknown }).nodeBuilder).toBeInstanceOf(CstNodeBuilder);
        expect((compactParser as unknown as { nodeBuilder: unknown }).nodeBuilder).toBeInstanceOf(CompactCstNodeBuilder);
        // Langium builds every leaf through it: no leaf of Langium's own class is left.
        expect(leafKinds(compactParser.parse(validPlan).value)).toEqual({ compactLeaves: expect.any(Number), langiumLeaves: 0 });
    });

    test('documents and the async parser get compact trees too (both parse through `parser.LangiumParser`)', async () => {
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(validPlan, URI.parse('file:///compact/plan.vplan'));
        expect(leafKinds(document.parseResult.value).langiumLeaves).toBe(0);
        expect(leafKinds(document.parseResult.value).compactLeaves).toBeGreaterThan(100);
        const parsed = await services.Vplan.parser.AsyncParser.parse(validPlan, Cancellation.CancellationToken.None);
        expect(leafKinds(parsed.value).langiumLeaves).toBe(0);
    });
});

describe('compact syntax trees equal the trees of Langium\'s parser', () => {
    test('the vplan parser builds compact leaves', () => {
        const counts = expectSameTrees(validPlan);
        expect(counts.compactLeaves).toBeGreaterThan(100);
        expect(counts.langiumLeaves).toBe(0);
    });

    test.each(plansUnder('examples').concat(plansUnder('tests/fixtures')))('%s', path => {
        expectSameTrees(readFileSync(path, 'utf8'));
    });

    test('the built-in catalogue', () => {
        expectSameTrees(BUILTIN_CATALOGUE);
    });

    test('tokens that span lines keep Langium\'s leaves', () => {
        const text = validPlan.replace(/^plan /m, '/* een opmerking\n   over twee regels */ plan ');
        const counts = expectSameTrees(text);
        expect(counts.langiumLeaves).toBe(1);
    });

    test('CRLF line ends and characters outside the BMP', () => {
        const text = validPlan.replace(/\n/g, '\r\n').replace('// ', '// \u{1F600} \u00e9 ');
        expectSameTrees(text);
    });

    test('a line longer than the packed column range', () => {
        const lines = validPlan.split('\n');
        const index = lines.findIndex(line => line.trim().startsWith('member '));
        expect(index).toBeGreaterThan(0);
        lines[index] = ' '.repeat(2040) + lines[index] + ' // ' + 'x'.repeat(3000);
        const counts = expectSameTrees(lines.join('\n'));
        expect(counts.langiumLeaves).toBeGreaterThan(0);
    });

    test('text the lexer and the parser recover from', () => {
        const broken = [
            validPlan.replace('{', '{ § ¤'),
            validPlan.slice(0, Math.floor(validPlan.length / 2)),
            validPlan.replace(/}/g, ''),
            validPlan.replace(/"/, ''),
            validPlan.replace(/^plan /m, 'plan member '),
            '',
            '/* unterminated',
            'plan'
        ];
        for (const text of broken) expectSameTrees(text);
        expect(new Set(broken).size).toBe(broken.length);
        expect(compactParser.parse(broken[0]).lexerErrors.length).toBeGreaterThan(0);
    });

    test('compactAstLists keeps every list with the same elements', () => {
        const result = langiumParser.parse(validPlan);
        const before = describeAst(result.value);
        compactAstLists(result.value);
        expect(describeAst(result.value)).toEqual(before);
    });
});
