/**
 * Properties of the timeline renderer (spec section 8): for valid, mutated and hostile plans,
 * building the timeline and rendering it as HTML and SVG never throws, and plan text never
 * becomes markup (no script, no element or attribute smuggled in through a title or a note).
 */

import fc from 'fast-check';
import { fuzzRuns } from './fuzz-settings.js';
import { URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { createTestServices } from '../helpers.js';
import { loadBuiltinCatalogue } from '../../language/workspace/builtin-documents.js';
import { isPlan, type VplanFile } from '../../language/generated/ast.js';
import { planFacts } from '../../language/analysis/plan-facts.js';
import { buildTimeline } from '../../language/timeline/timeline-model.js';
import { renderHtml } from '../../language/timeline/render-html.js';
import { renderSvg } from '../../language/timeline/render-svg.js';
import { catalogueToVplan, generateCatalogue, generatePlan, planToVplan } from '../../bench/workload.js';

const services = createTestServices();
const catalogue = catalogueToVplan(generateCatalogue());
let counter = 0;

/** Builds `text` with the catalogue and renders every plan in it as HTML and SVG. */
async function renderAll(text: string): Promise<string[]> {
    await loadBuiltinCatalogue(services.shared);
    const { LangiumDocumentFactory: factory, LangiumDocuments: documents, DocumentBuilder: builder } = services.shared.workspace;
    const run = ++counter;
    const plan = factory.fromString<VplanFile>(text, URI.parse(`file:///render/${run}/plan.vplan`));
    const organisations = factory.fromString(catalogue, URI.parse(`file:///render/${run}/organisaties.vplan`));
    documents.addDocument(plan);
    documents.addDocument(organisations);
    try {
        await builder.build([plan, organisations], { validation: true });
        const outputs: string[] = [];
        for (const declaration of plan.parseResult.value.declarations ?? []) {
            if (!isPlan(declaration)) continue;
            const model = buildTimeline(planFacts(declaration), plan.diagnostics ?? [], { today: '2026-06-01' });
            outputs.push(renderHtml(model, { locale: 'nl' }), renderSvg(model, { locale: 'en' }));
        }
        return outputs;
    } finally {
        await builder.update([], [plan.uri, organisations.uri]);
    }
}

const HOSTILE = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '</title><iframe src="https://example.invalid/">',
    "' onload='x'", '&lt;b&gt;', ']]><!--', '\\" <style>body{display:none}</style>'];

function expectInert(output: string): void {
    expect(output).not.toMatch(/<script/i);
    expect(output).not.toMatch(/<img|<iframe|<object|<embed|<link|<foreignObject/i);
    expect(output).not.toMatch(/\son[a-z]+\s*=/i);
    expect(output).not.toMatch(/<style>body/i);
    // The only URL is the SVG namespace: nothing is fetched.
    expect(output.replace(/http:\/\/www\.w3\.org\/2000\/svg/g, '')).not.toMatch(/https?:\/\//);
}

const plans = [1, 2, 3, 4].map(i => planToVplan(generatePlan(i)));

describe('the timeline renderer', () => {
    test('renders generated plans as HTML and SVG', async () => {
        for (const text of plans) {
            const outputs = await renderAll(text);
            expect(outputs).toHaveLength(2);
            outputs.forEach(expectInert);
            expect(outputs[0]).toContain('Veiligheidsplan gezin');
        }
    });

    test('keeps hostile titles and notes as text', async () => {
        const hostileText = fc.constantFrom(...HOSTILE).map(s => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"'));
        await fc.assert(fc.asyncProperty(fc.constantFrom(...plans), hostileText, fc.nat(20), async (text, hostile, which) => {
            // Replace one of the plan's quoted texts with the hostile one.
            let index = 0;
            const target = which % (text.match(/"(?:[^"\\\n]|\\.)*"/g)?.length ?? 1);
            const edited = text.replace(/"(?:[^"\\\n]|\\.)*"/g, match => (index++ === target ? `"${hostile}"` : match));
            (await renderAll(edited)).forEach(expectInert);
        }), fuzzRuns(30, 3));
    });

    test('never throws on mutated plans', async () => {
        const mutated = fc.constantFrom(...plans).chain(text => fc.oneof(
            fc.nat(text.length).map(at => text.slice(0, at) + '\n}'),
            fc.tuple(fc.nat(text.length), fc.nat(200)).map(([at, length]) => text.slice(0, at) + text.slice(at + length)),
            fc.constantFrom(text.replace(/2026-0(\d)-/g, '2026-1$1-'), text.replace(/ to \d{4}-\d{2}-\d{2}/g, ''), text.replace(/for (\d+) months/g, 'for 0 days'))
        ));
        await fc.assert(fc.asyncProperty(mutated, async text => {
            (await renderAll(text)).forEach(expectInert);
        }), fuzzRuns(40, 9));
    });
});
