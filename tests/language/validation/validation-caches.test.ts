/**
 * The caches that make validation cheaper must never change an answer:
 * - `planNamespace` / `planDeclarations` (ast-queries.ts) keep one list per Plan node;
 * - `VplanValidator` asks for a document's settings once per validation (per acceptor);
 * - the findings of the document-local file checks (VP000 values and escapes, VP070/VP071) are
 *   recorded per syntax tree and replayed when the document is validated again unchanged.
 * Each is compared with the same thing computed without the cache, and with a changed AST or
 * document getting fresh results.
 */

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URI, type LangiumDocument, type ValidationAcceptor } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { afterAll, describe, expect, test, vi } from 'vitest';
import {
    isAgreement, isHousehold, isIntervention, isMeasure, isNetwork, isPlan, isRisk, type Plan, type VplanFile
} from '../../../language/generated/ast.js';
import { planDeclarations, planNamespace, type PlanDeclaration } from '../../../language/model/ast-queries.js';
import { resolvePlan } from '../../../language/model/plan-model.js';
import { createVplanServices } from '../../../language/vplan-module.js';
import { loadBuiltinCatalogue } from '../../../language/workspace/builtin-documents.js';
import { createTestServices, parse } from '../../helpers.js';

/** The plan's declarations computed afresh, as the uncached generator did. */
function declarationsWithoutCache(plan: Plan): PlanDeclaration[] {
    const result: PlanDeclaration[] = [];
    for (const item of plan.items) {
        if (isHousehold(item)) result.push(...item.members);
        else if (isNetwork(item)) result.push(...item.supporters);
        else if (isRisk(item) || isMeasure(item) || isIntervention(item) || isAgreement(item)) result.push(item);
    }
    return result;
}

const PLAN = (extraMember: string) => `organisation o "O" kind wijkteam
plan p "P" {
    status active
    period 2026-01-01 to 2027-01-01
    household {
        member ann adult roles victim
        member bob adult roles perpetrator
        ${extraMember}
    }
    network { supporter tante "Tante" supports ann aware }
    risk geweld "Geweld" { severity high nature dynamic domain safety affects ann posed by bob }
    intervention hulp "Hulp" { for ann, bob by o from 2026-01-01 for 6 months addresses geweld fallback "x" }
    risk ann "Dubbele naam" { severity low nature static domain safety affects ann }
}`;

describe('planNamespace caches per Plan node', () => {
    const services = createTestServices();

    test('the cached declarations and duplicates equal a fresh computation', async () => {
        const document = await parse(services)(PLAN(''));
        const plan = document.parseResult.value.declarations.find(isPlan)!;
        const fresh = declarationsWithoutCache(plan);
        expect(planDeclarations(plan)).toEqual(fresh);
        // Asked twice: the same answer (and the same list, computed once).
        expect(planDeclarations(plan)).toBe(planDeclarations(plan));
        const seen = new Set<string | undefined>();
        const duplicates = fresh.filter(declaration => seen.has(declaration.name) || !seen.add(declaration.name));
        expect([...planNamespace(plan).duplicates]).toEqual(duplicates);
        expect(duplicates.map(d => d.name)).toEqual(['ann']);
        // The risk named `ann` repeats the member's name: it is not the first, so the model leaves it out.
        expect(resolvePlan(plan).risks.map(r => r.name)).toEqual(['geweld']);
    });

    test('a reparsed (changed) plan gets its own, fresh declarations', async () => {
        const before = (await parse(services)(PLAN(''))).parseResult.value.declarations.find(isPlan)!;
        const beforeNames = planDeclarations(before).map(d => d.name);
        const after = (await parse(services)(PLAN('member cor child born 2018 roles witness'))).parseResult.value.declarations.find(isPlan)!;
        expect(planDeclarations(after).map(d => d.name)).toEqual(['ann', 'bob', 'cor', 'tante', 'geweld', 'hulp', 'ann']);
        expect(planDeclarations(after)).toEqual(declarationsWithoutCache(after));
        // The first plan's answer is unchanged.
        expect(planDeclarations(before).map(d => d.name)).toEqual(beforeNames);
        expect(beforeNames).not.toContain('cor');
    });
});

describe('VplanValidator reads a document\'s settings once per validation', () => {
    const root = mkdtempSync(join(tmpdir(), 'vplan-settings-cache-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    // Aftercare of 12 months: too short where aftercare.minMonths is 24 (VP022), enough where it is 6.
    // Each folder's file declares its own names (one workspace: no VP080 between them).
    const text = (suffix: string) => `organisation o_${suffix} "O" kind wijkteam
plan p_${suffix} "P" {
    status active
    period 2026-01-01 to 2027-01-01
    household { member ann adult roles victim }
    network { supporter tante "Tante" supports ann aware }
    intervention hulp "Hulp" { for ann by o_${suffix} from 2026-01-01 for 6 months }
    regie { o_${suffix} from 2026-01-01 }
    aftercare { owner o_${suffix} from 2027-01-01 for 12 months checkpoints 3 months }
}`;
    for (const [folder, minMonths] of [['strict', 24], ['lenient', 6]] as const) {
        mkdirSync(join(root, folder));
        writeFileSync(join(root, folder, 'vplan.config.json'), JSON.stringify({ aftercare: { minMonths } }));
    }

    async function load() {
        const services = createVplanServices(NodeFileSystem);
        await loadBuiltinCatalogue(services.shared);
        const documents = ['strict', 'lenient'].map(folder => {
            const document = services.shared.workspace.LangiumDocumentFactory.fromString<VplanFile>(text(folder), URI.file(join(root, folder, 'plan.vplan')));
            services.shared.workspace.LangiumDocuments.addDocument(document);
            return document;
        });
        await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
        return { services, documents };
    }

    const codesOf = (messages: string[]) => messages.filter(m => m.startsWith('VP022')).length;

    test('the same acceptor used for documents in two folders still gets each folder\'s settings', async () => {
        const { services, documents } = await load();
        // Full builds (no shared acceptor): VP022 in the strict folder only.
        expect(documents.map(d => (d.diagnostics ?? []).filter(x => x.code === 'VP022').length)).toEqual([1, 0]);
        const validator = services.Vplan.validation.VplanValidator;
        const messages: string[][] = [[], []];
        let current = 0;
        const accept = ((_severity: string, message: string) => { messages[current].push(message); }) as unknown as ValidationAcceptor;
        for (const [index, document] of documents.entries()) {
            current = index;
            const file = document.parseResult.value;
            validator.checkFile(file, accept);
            for (const plan of file.declarations.filter(isPlan)) validator.checkPlan(plan, accept);
        }
        expect(messages.map(codesOf)).toEqual([1, 0]);
    });

    test('a new validation after a config change reads the new settings', async () => {
        const { services, documents } = await load();
        const validator = services.Vplan.validation.VplanValidator;
        const run = () => {
            const messages: string[] = [];
            const accept = ((_severity: string, message: string) => { messages.push(message); }) as unknown as ValidationAcceptor;
            const file = documents[1].parseResult.value;
            for (const plan of file.declarations.filter(isPlan)) validator.checkPlan(plan, accept);
            return codesOf(messages);
        };
        expect(run()).toBe(0);
        writeFileSync(join(root, 'lenient', 'vplan.config.json'), JSON.stringify({ aftercare: { minMonths: 24 } }));
        services.Vplan.config.SettingsProvider.invalidate();
        expect(run()).toBe(1);
        writeFileSync(join(root, 'lenient', 'vplan.config.json'), JSON.stringify({ aftercare: { minMonths: 6 } }));
    });
});

describe('the findings of the document-local file checks are replayed for an unchanged syntax tree', () => {
    // Invented data only. A lexer error (`#`) makes the privacy check lex the text again, which shows
    // whether it ran; the rest gives VP000 (value word, escape), VP070 and VP071 findings.
    const text = (extra: string) => `// Contact: iemand@example.org
organisation o "O" kind wijkteem
plan p "Plan \\q met 111222333" {
    status active
    period 2026-01-01 to 2027-01-01
    household { member ann adult roles victim, boss }
    ${extra}
    #
}`;

    async function build(services: ReturnType<typeof createTestServices>, source: string, name: string): Promise<LangiumDocument<VplanFile>> {
        await loadBuiltinCatalogue(services.shared);
        const document = services.shared.workspace.LangiumDocumentFactory.fromString<VplanFile>(source, URI.parse(`file:///replay/${name}.vplan`));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
        return document;
    }

    /** What the file checks report for the document's current tree, in order. */
    function fileReports(services: ReturnType<typeof createTestServices>, document: LangiumDocument<VplanFile>): string[] {
        const reports: string[] = [];
        const accept = ((severity: string, messageId: string, info: { node: { $cstNode?: { offset: number } }; range?: unknown; property?: string; index?: number; data?: { args?: unknown } }) => {
            reports.push(JSON.stringify([severity, messageId, info.node.$cstNode?.offset, info.range, info.property, info.index, info.data?.args]));
        }) as unknown as ValidationAcceptor;
        services.Vplan.validation.VplanValidator.checkFile(document.parseResult.value, accept);
        return reports;
    }

    test('a second validation of the same tree reports the same, without running the checks again', async () => {
        const services = createTestServices();
        const document = await build(services, text(''), 'a');
        const tokenize = vi.spyOn(services.Vplan.parser.Lexer, 'tokenize');
        const first = fileReports(services, document);
        expect(tokenize).not.toHaveBeenCalled(); // recorded by the build, replayed here
        tokenize.mockRestore();
        expect(first.map(r => JSON.parse(r)[1])).toEqual(expect.arrayContaining(['VP000.value', 'VP000.escape', 'VP070.bsn', 'VP071.personalData']));
        expect(fileReports(services, document)).toEqual(first);

        // Uncached: other services, a new tree of the same text; the checks run and find the same.
        const other = createTestServices();
        const uncached = await build(other, text(''), 'a');
        expect(fileReports(other, uncached)).toEqual(first);
        const shape = (d: LangiumDocument) => (d.diagnostics ?? []).map(x => [x.code, x.range, x.message]);
        expect(shape(document)).toEqual(shape(uncached));
    });

    test('a changed text (a new tree) gets fresh findings', async () => {
        const services = createTestServices();
        const documentLocal = (reports: string[]) => reports.filter(r => /"VP0(00|70|71)\./.test(r));
        const before = await build(services, text(''), 'c');
        const reportsBefore = documentLocal(fileReports(services, before));
        const after = await build(services, text('// bel 0612345678'), 'd');
        const reportsAfter = documentLocal(fileReports(services, after));
        expect(reportsAfter.length).toBe(reportsBefore.length + 1);
        expect(reportsAfter.filter(r => r.includes('VP071.personalData') && r.includes('"phone"'))).toHaveLength(1);
        // The first tree still replays its own findings.
        expect(documentLocal(fileReports(services, before))).toEqual(reportsBefore);
    });
});
