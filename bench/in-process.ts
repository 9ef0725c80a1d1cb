/**
 * In-process throughput of the language services for single large plans: parse only (the
 * Langium parser), and a full build (parse, index, link, validate with every check), both
 * through `createVplanServices`, exactly as the server and the CLI use them.
 */

import { performance } from 'node:perf_hooks';
import { EmptyFileSystem, URI } from 'langium';
import { createVplanServices } from '../language/vplan-module.js';
import { loadBuiltinCatalogue } from '../language/workspace/builtin-documents.js';
import { catalogueToVplan, generateCatalogue } from './workload.js';

export interface ThroughputResult {
    lines: number;
    bytes: number;
    parseMs: number;
    buildMs: number;
    diagnostics: number;
    parseErrors: number;
}

export function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = sorted.length >> 1;
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function percentile(values: number[], p: number): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function freshServices() {
    const services = createVplanServices(EmptyFileSystem);
    await loadBuiltinCatalogue(services.shared);
    const catalogue = services.shared.workspace.LangiumDocumentFactory.fromString(catalogueToVplan(generateCatalogue()), URI.parse('file:///bench/organisaties.vplan'));
    services.shared.workspace.LangiumDocuments.addDocument(catalogue);
    await services.shared.workspace.DocumentBuilder.build([catalogue], { validation: false });
    return services;
}

/** Median parse and full-build times of one plan text over `runs` runs (fresh services per build). */
export async function measureThroughput(text: string, runs: number): Promise<ThroughputResult> {
    const parseTimes: number[] = [];
    const buildTimes: number[] = [];
    let diagnostics = 0;
    let parseErrors = 0;
    const parser = (await freshServices()).Vplan.parser.LangiumParser;
    parser.parse(text); // warm-up
    for (let run = 0; run < runs; run++) {
        const start = performance.now();
        const result = parser.parse(text);
        parseTimes.push(performance.now() - start);
        parseErrors = result.parserErrors.length + result.lexerErrors.length;
    }
    for (let run = 0; run < runs; run++) {
        const services = await freshServices();
        const start = performance.now();
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///bench/large-${run}.vplan`));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
        buildTimes.push(performance.now() - start);
        diagnostics = document.diagnostics?.length ?? 0;
    }
    return {
        lines: text.split('\n').length - 1,
        bytes: Buffer.byteLength(text, 'utf8'),
        parseMs: median(parseTimes),
        buildMs: median(buildTimes),
        diagnostics,
        parseErrors
    };
}
