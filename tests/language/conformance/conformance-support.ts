/**
 * Support for the conformance suite (tests/language/conformance-*.test.ts): small plans written
 * from the text of shared/spec/language.md, not from the implementation. A clean base plan that
 * raises no diagnostic at all; each test replaces one slot of it and asserts which codes appear.
 */

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createVplanServices } from '../../../language/vplan-module.js';
import { loadBuiltinCatalogue } from '../../../language/workspace/builtin-documents.js';
import type { VplanFile } from '../../../language/generated/ast.js';
import { checkText, createTestServices, type CheckResult } from '../../helpers.js';

/** One organisation of every kind the suite needs. */
export const CATALOGUE = `
organisation vt "Veilig Thuis" kind veiligthuis
organisation wt "Sociaal wijkteam" kind wijkteam
organisation burg "Burgemeester" kind burgemeester
organisation pol "Politie" kind politie
organisation rb "Rechtbank" kind rechter
organisation gi1 "Gecertificeerde instelling" kind gi
organisation ggz "GGZ" kind ggz
organisation om1 "Openbaar Ministerie" kind om
organisation zvh1 "Zorg- en Veiligheidshuis" kind zvh
organisation recl "Reclassering" kind reclassering
`;

export type Slot =
    | 'status' | 'period' | 'household' | 'network' | 'risk' | 'intervention' | 'agreement'
    | 'regie' | 'aftercare' | 'extra';

/** The clean base plan: every rule of section 7 holds (checked by the baseline test). */
export const BASE: Record<Slot, string> = {
    status: 'status active',
    period: 'period 2026-01-01 to 2027-01-01',
    household: `household {
        member ann adult born 1990 roles victim, parent
        member bob adult born 1988 roles perpetrator
        member kim child born 2018 roles witness
    }`,
    network: `network {
        supporter oma "Oma" supports ann aware
    }`,
    risk: `risk r1 "Partnergeweld" {
        severity high
        nature dynamic
        domain safety
        affects ann, kim
        posed by bob
    }`,
    intervention: `intervention hulp "Daderhulp" {
        for bob
        by ggz
        from 2026-01-10 for 12 months
        framework drang
        addresses r1
    }`,
    agreement: `agreement afspraak "Geen contact" {
        by bob
        protects ann, kim
        checked by vt
        from 2026-01-01 to 2027-01-01
    }`,
    regie: `regie {
        wt from 2026-01-01
    }`,
    aftercare: `aftercare {
        owner wt
        from 2027-01-01 for 12 months
        checkpoints 3 months, 12 months
    }`,
    extra: ''
};

/** The base plan with some slots replaced ('' removes a slot). */
export function plan(overrides: Partial<Record<Slot, string>> = {}, name = 'p'): string {
    const slots = { ...BASE, ...overrides };
    const body = (Object.keys(BASE) as Slot[]).map(slot => slots[slot]).filter(s => s.trim() !== '').map(s => `    ${s}`).join('\n');
    return `plan ${name} "Veiligheidsplan" {\n${body}\n}\n`;
}

const services = createTestServices();

/** Checks a plan text together with the organisation catalogue (and any further files). */
export async function check(planText: string, ...more: string[]): Promise<CheckResult> {
    return checkText(services, [planText, CATALOGUE, ...more]);
}

export async function checkNl(planText: string, ...more: string[]): Promise<CheckResult> {
    return checkText(services, [planText, CATALOGUE, ...more], { locale: 'nl' });
}

/** Diagnostics of one code. */
export function diags(result: CheckResult, code: string): Diagnostic[] {
    return result.diagnostics.filter(d => d.code === code);
}

/** The 1-based line of the first line of `text` that contains `needle`. */
export function lineOf(text: string, needle: string, occurrence = 1): number {
    const lines = text.split('\n');
    let seen = 0;
    for (let i = 0; i < lines.length; i++) {
        if (lines[i].includes(needle) && ++seen === occurrence) return i + 1;
    }
    throw new Error(`"${needle}" not found`);
}

/** 1-based lines of the diagnostics of one code, sorted. */
export function linesOf(result: CheckResult, code: string): number[] {
    return diags(result, code).map(d => d.range.start.line + 1).sort((a, b) => a - b);
}

/**
 * Checks files on disk with a vplan.config.json next to them (section 7: the nearest config in
 * the file's folder or above applies). Returns the diagnostics of the first file.
 */
export async function checkWithConfig(config: string | undefined, files: string[]): Promise<{ diagnostics: Diagnostic[]; codes: string[] }> {
    const root = mkdtempSync(join(tmpdir(), 'vplan-conformance-'));
    try {
        const folder = join(root, 'plannen');
        mkdirSync(folder);
        if (config !== undefined) writeFileSync(join(root, 'vplan.config.json'), config);
        const nodeServices = createVplanServices(NodeFileSystem);
        await loadBuiltinCatalogue(nodeServices.shared);
        const factory = nodeServices.shared.workspace.LangiumDocumentFactory;
        const documents: LangiumDocument<VplanFile>[] = files.map((text, index) => {
            const path = join(folder, `file${index}.vplan`);
            writeFileSync(path, text);
            const document = factory.fromString<VplanFile>(text, URI.file(path));
            nodeServices.shared.workspace.LangiumDocuments.addDocument(document);
            return document;
        });
        await nodeServices.shared.workspace.DocumentBuilder.build(documents, { validation: true });
        const diagnostics = documents[0].diagnostics ?? [];
        return { diagnostics, codes: diagnostics.map(d => String(d.code)).sort() };
    } finally {
        rmSync(root, { recursive: true, force: true });
    }
}
