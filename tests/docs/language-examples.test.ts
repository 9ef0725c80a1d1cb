/**
 * docs/language.md, the language reference for coordinators, says only what vplan does: every
 * example in it is parsed and checked with the project's services, every configuration example
 * is read by the configuration parser, and its tables of built-in measure types and of checks
 * match the built-in catalogue and the rules vplan knows.
 *
 * How the page marks its examples (the full convention is in ./markdown-examples.ts):
 * - every example is a fenced block with the info string `vplan` (plans) or `json`
 *   (a `vplan.config.json`); other info strings (`text`, `sh`) are not examples;
 * - HTML comments right above a block annotate it: `<!-- base -->` the complete example plan,
 *   `<!-- shared -->` the region's catalogue (in the workspace of every example),
 *   `<!-- fragment: plan|household|network -->` lines read inside the base plan,
 *   `<!-- expect: VP011, VP013 -->` the exact codes it must give (`expect: VP000` for a
 *   deliberate syntax error; without `expect` an example gives no diagnostic at all),
 *   `<!-- v2 -->` / `<!-- v2: checks -->` needs the syntax / the checks of version 2,
 *   `<!-- layout: free -->` not in the canonical layout on purpose (all others are).
 * - Version 2 is being built: a `v2` example is skipped while the grammar cannot parse an
 *   `incident` (detected by parsing one), a `v2: checks` example also while vplan does not know
 *   every new rule of version 2, and a `v2` configuration example while the configuration
 *   parser rejects the new keys. Nothing else is ever skipped.
 */

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
    isBasisItem, isCheckedItem, isImposedByItem, isInitialItem, isMeasureType, isModeItem, isRegieKindItem, isRequiresItem, isSubjectItem,
    isTermMaxItem, isTotalMaxItem, type Duration, type VplanFile
} from '../../language/generated/ast.js';
import { parseConfigText } from '../../language/config/vplan-config.js';
import { formatText } from '../../language/lsp/vplan-formatter.js';
import { ORGANISATION_KINDS, RESERVED_WORDS, VALUE_SETS } from '../../language/model/vocabulary.js';
import { loadBuiltinCatalogue } from '../../language/workspace/builtin-documents.js';
import { checkText, createTestServices, type CheckResult } from '../helpers.js';
import { extractBlocks, readIntoBase, type DocBlock } from './markdown-examples.js';

const services = createTestServices();
const PAGE = readFileSync(new URL('../../docs/language.md', import.meta.url), 'utf8');
const blocks = extractBlocks(PAGE);
const plans = blocks.filter(b => b.info === 'vplan');
const configs = blocks.filter(b => b.info === 'json');
const base = plans.filter(b => b.annotations.base);
const shared = plans.filter(b => b.annotations.shared);

/** The rules version 2 adds; when vplan knows them all, the checks of version 2 have landed. */
const NEW_RULES_V2 = ['VP004', 'VP034', 'VP042', 'VP043', 'VP052', 'VP092'];

/** Whether a code is a rule vplan knows: the configuration accepts a severity for it. */
function isKnownRule(code: string): boolean {
    return code === 'VP000' || parseConfigText(JSON.stringify({ rules: { [code]: 'warning' } })).problems.length === 0;
}

async function parsesV2Syntax(): Promise<boolean> {
    const probe = await checkText(services, 'plan probe "P" {\n    incident 2026-01-01 "Melding"\n}\n');
    return !probe.codes.includes('VP000');
}

const hasV2Syntax = await parsesV2Syntax();
const hasV2Checks = hasV2Syntax && NEW_RULES_V2.every(isKnownRule);
const hasV2Config = parseConfigText(JSON.stringify({
    root: true, coverage: { maxGapDays: 28, followUpDays: 14 }, care: { minMonthsSevere: 6 }, incidents: { meetingWithinDays: 14 }
})).problems.length === 0;

function label(block: DocBlock): string {
    const a = block.annotations;
    const marks = [
        a.base && 'base', a.shared && 'shared', a.fragment && `fragment: ${a.fragment}`,
        a.expect.length > 0 ? `expect ${a.expect.join(', ')}` : 'clean', a.v2 && (a.v2 === 'checks' ? 'v2: checks' : 'v2')
    ].filter(Boolean).join('; ');
    const firstLine = block.text.split('\n').find(line => line.trim() !== '' && !line.trim().startsWith('//')) ?? '';
    return `line ${block.line} (${marks}): ${firstLine.trim()}`;
}

/** The file an example stands for: itself, or the base plan with the fragment read into it. */
function exampleText(block: DocBlock): string {
    const kind = block.annotations.fragment;
    return kind ? readIntoBase(base[0].text, block.text, kind) : block.text;
}

function describeDiagnostics(text: string, result: CheckResult): string {
    const lines = text.split('\n');
    const found = result.diagnostics.map(d => `  ${d.code} at ${d.range.start.line + 1}:${d.range.start.character + 1} "${lines[d.range.start.line]?.trim()}": ${d.message}`);
    return `diagnostics:\n${found.join('\n') || '  (none)'}\nchecked text:\n${text}`;
}

describe('docs/language.md: the page and its conventions', () => {
    test('it has one complete example plan (base), a shared catalogue, and only known kinds of blocks', () => {
        expect(base).toHaveLength(1);
        expect(shared.length).toBeGreaterThan(0);
        for (const block of blocks) expect(['vplan', 'json', 'text', 'sh'], label(block)).toContain(block.info);
        for (const block of [...base, ...shared]) expect(block.annotations.fragment, label(block)).toBeUndefined();
    });

    test('version 2 is detected as expected (skips below depend on it)', () => {
        // Once the checks of version 2 have landed, the grammar must have landed too.
        expect(!hasV2Checks || hasV2Syntax).toBe(true);
    });

    test('no example outside version 2 expects a rule vplan does not know', () => {
        for (const block of plans.filter(b => !b.annotations.v2)) {
            for (const code of block.annotations.expect) expect(isKnownRule(code), `${label(block)} expects ${code}`).toBe(true);
        }
    });
});

describe('docs/language.md: every plan example parses and gives exactly the diagnostics it claims', () => {
    test.for(plans.map(block => [label(block), block] as const))('%s', async ([, block], context) => {
        const needs = block.annotations.v2;
        if (needs && !hasV2Syntax) context.skip('needs the syntax of version 2, which has not landed yet');
        const text = exampleText(block);
        const workspace = [text, ...shared.filter(s => s !== block).map(s => s.text)];
        const result = await checkText(services, workspace);
        if (needs === 'checks' && !hasV2Checks) {
            // The syntax has landed but the checks have not: the example must at least parse.
            if (!block.annotations.expect.includes('VP000')) expect(result.codes, describeDiagnostics(text, result)).not.toContain('VP000');
            context.skip('parses; its diagnostics are compared once the checks of version 2 have landed');
        }
        expect(result.codes, describeDiagnostics(text, result)).toEqual(block.annotations.expect);
    });
});

describe('docs/language.md: the examples are in the canonical layout', () => {
    const canonical = plans.filter(b => !b.annotations.layoutFree && !b.annotations.expect.includes('VP000'));
    test.for(canonical.map(block => [label(block), block] as const))('%s', async ([, block], context) => {
        if (block.annotations.v2 && !hasV2Syntax) context.skip('needs version 2 syntax, which has not landed yet');
        const text = exampleText(block);
        expect(await formatText(services, text)).toBe(text);
    });

    test('a block marked layout: free really is not canonical', async () => {
        for (const block of plans.filter(b => b.annotations.layoutFree)) {
            expect(await formatText(services, exampleText(block)), label(block)).not.toBe(exampleText(block));
        }
    });
});

describe('docs/language.md: every vplan.config.json example', () => {
    test.for(configs.map(block => [label(block), block] as const))('%s', ([, block], context) => {
        if (block.annotations.v2 && !hasV2Config) context.skip('needs the configuration keys of version 2, which have not landed yet');
        const problems = parseConfigText(block.text).problems;
        expect(problems.map(() => 'VP009'), JSON.stringify(problems)).toEqual(block.annotations.expect);
    });
});

/** The rows of the Markdown table whose header row starts with the given cells. */
function tableRows(headerStart: string[]): string[][] {
    const lines = PAGE.split(/\r?\n/);
    const cellsOf = (line: string) => line.trim().replace(/^\||\|$/g, '').split('|').map(cell => cell.trim());
    const header = lines.findIndex(line => line.startsWith('|') && headerStart.every((cell, i) => cellsOf(line)[i] === cell));
    expect(header, `a table starting with | ${headerStart.join(' | ')} |`).toBeGreaterThanOrEqual(0);
    const rows: string[][] = [];
    for (let i = header + 2; i < lines.length && lines[i].startsWith('|'); i++) rows.push(cellsOf(lines[i]));
    return rows;
}

const plain = (cell: string) => cell.replace(/`/g, '').replace(/\*/g, '').trim();

interface CatalogueEntry {
    title: string; mode: string; limits: string; subject: string; imposedBy: string; regie: string; requires: string; basis: string; checked: string;
}

async function builtinCatalogue(): Promise<Map<string, CatalogueEntry>> {
    const document = await loadBuiltinCatalogue(services.shared);
    const entries = new Map<string, CatalogueEntry>();
    const duration = (d: Duration) => `${d.amount} ${d.unit}`;
    for (const type of (document.parseResult.value as VplanFile).declarations.filter(isMeasureType)) {
        const items = type.items;
        const limits = [
            ...items.filter(isInitialItem).map(i => `initial ${duration(i.duration)}`),
            ...items.filter(isTermMaxItem).map(i => `term max ${duration(i.duration)}`),
            ...items.filter(isTotalMaxItem).map(i => `total max ${duration(i.duration)}`)
        ];
        const requires = items.filter(isRequiresItem).flatMap(i => i.types.map(t => t.$refText));
        entries.set(type.name, {
            title: type.title ?? '',
            mode: items.find(isModeItem)?.value ?? '',
            limits: limits.join('; ') || '—',
            subject: items.find(isSubjectItem)?.value ?? 'any',
            imposedBy: items.find(isImposedByItem)?.kinds.join(', ') ?? '—',
            regie: items.find(isRegieKindItem)?.kind ?? '—',
            requires: requires.join(', ') || '—',
            basis: items.find(isBasisItem)?.text ?? '',
            checked: items.find(isCheckedItem)?.date ?? ''
        });
    }
    return entries;
}

/** The Markdown text outside code blocks, where links and headings live. */
const PROSE = PAGE.replace(/^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?^ {0,3}\1\s*$/gm, '');
const backticked = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map(m => m[1]);

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
function headingAnchors(): Set<string> {
    const anchors = new Set<string>();
    for (const [, heading] of PROSE.matchAll(/^#{1,6}\s+(.*)$/gm)) {
        const base = heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
        let anchor = base;
        for (let n = 1; anchors.has(anchor); n++) anchor = `${base}-${n}`;
        anchors.add(anchor);
    }
    return anchors;
}

describe('docs/language.md: the words of the language', () => {
    test('the reserved words listed are exactly the structural keywords', () => {
        const paragraph = PROSE.split(/\n\s*\n/).find(p => p.includes('and since version 2'));
        expect(paragraph, 'the paragraph listing the reserved words').toBeDefined();
        expect(backticked(paragraph!).sort()).toEqual([...RESERVED_WORDS].sort());
    });

    test('the table of value words gives every value set exactly', () => {
        const listed = tableRows(['value', 'allowed values']).map(([, values]) => backticked(values)).filter(values => values.length > 0);
        const sets = Object.entries(VALUE_SETS).filter(([name]) => name !== 'organisationKind').map(([, values]) => [...values]);
        expect(listed.map(values => [...values].sort()).sort()).toEqual(sets.map(values => [...values].sort()).sort());
    });

    test('the table of organisation kinds lists every kind', () => {
        expect(tableRows(['kind', 'organisation']).map(([kind]) => plain(kind))).toEqual([...ORGANISATION_KINDS]);
    });

    test('every link leads somewhere: a heading of the page or a file beside it', () => {
        const anchors = headingAnchors();
        const targets = [...PROSE.matchAll(/\]\(([^)\s]+)\)/g)].map(m => m[1]);
        expect(targets.length).toBeGreaterThan(0);
        for (const target of targets) {
            if (target.startsWith('#')) {
                expect(anchors, `link ${target}`).toContain(target.slice(1));
            } else {
                // Anchors of other pages are not checked: docs/rules.md is generated and gains the v2 rules with them.
                expect(existsSync(new URL(`../../docs/${target.split('#')[0]}`, import.meta.url)), `link ${target}`).toBe(true);
            }
        }
    });
});

describe('docs/language.md: the tables', () => {
    test('the built-in catalogue table lists exactly the built-in measure types, with their data', async () => {
        const catalogue = await builtinCatalogue();
        const rows = tableRows(['name', 'title', 'mode', 'limits', 'subject', 'imposed by', 'regie', 'requires']);
        const catalogueDeclaresRequires = [...catalogue.values()].some(e => e.requires !== '—');
        const checkedOn = /last checked on (\d{4}-\d{2}-\d{2})/.exec(PAGE)?.[1];
        expect([...new Set([...catalogue.values()].map(e => e.checked))]).toEqual([checkedOn]);
        expect(rows.map(r => plain(r[0]))).toEqual([...catalogue.keys()]);
        for (const [name, title, mode, limits, subject, imposedBy, regie, requires] of rows) {
            const entry = catalogue.get(plain(name))!;
            expect([title, mode, limits, subject, imposedBy, regie].map(plain), plain(name))
                .toEqual([entry.title, entry.mode, entry.limits, entry.subject, entry.imposedBy, entry.regie]);
            // `requires` is new in version 2: compared once the built-in catalogue declares it (the cell may mark it *v2*).
            if (catalogueDeclaresRequires) expect(plain(requires).replace(/^v2\s+/, ''), plain(name)).toBe(entry.requires);
        }
    });

    test('the legal basis table gives each built-in type its basis', async () => {
        const catalogue = await builtinCatalogue();
        const rows = tableRows(['name', 'legal basis (`basis`)']);
        expect(rows.map(r => plain(r[0]))).toEqual([...catalogue.keys()]);
        for (const [name, basis] of rows) expect(plain(basis), plain(name)).toBe(catalogue.get(plain(name))!.basis);
    });

    test('the table of checks lists every rule vplan knows, each linked to its section of docs/rules.md', () => {
        const rows = tableRows(['code', 'default', 'what it checks']);
        const listed = rows.map(([code]) => /^\[(VP\d{3})\]\(rules\.md#(vp\d{3})\)$/.exec(code));
        for (const [i, match] of listed.entries()) {
            expect(match, rows[i][0]).not.toBeNull();
            expect(match![2]).toBe(match![1].toLowerCase());
            expect(['error', 'warning', 'info']).toContain(rows[i][1]);
        }
        const codes = listed.map(m => m![1]);
        expect(codes).toEqual([...codes].sort());
        for (let n = 0; n <= 100; n++) {
            const code = `VP${String(n).padStart(3, '0')}`;
            if (isKnownRule(code)) expect(codes, `${code} is a rule vplan knows`).toContain(code);
        }
        for (const [i, code] of codes.entries()) {
            // A rule that is new in version 2 is listed before vplan reports it.
            if (!isKnownRule(code)) expect(rows[i][2], `${code} is not known to vplan, so it must be marked v2`).toMatch(/\*v2\*/);
        }
    });
});
