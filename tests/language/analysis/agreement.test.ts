/**
 * One fact, one answer (issue 11, "done when"): the code lens ("covered N/M"), the hover on a
 * member, the timeline's uncovered days and regie problems, and the checks VP001–VP004, VP011 and
 * VP012 all read the plan facts (language/analysis/coverage-facts.ts, regie-facts.ts), so they
 * must agree. Compared over every example plan and over generated plans (bench/workload.ts,
 * varied by fast-check with a fixed seed), each consumer through its own public entry point: the
 * services' LSP providers, buildTimeline and the document's diagnostics.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { clearDocuments } from 'langium/test';
import fc from 'fast-check';
import type { Diagnostic } from 'vscode-languageserver-types';
import { beforeAll, describe, expect, test } from 'vitest';
import { isPlan, type Plan, type VplanFile } from '../../../language/generated/ast.js';
import { planFacts } from '../../../language/analysis/plan-facts.js';
import { buildTimeline, type TimelineModel } from '../../../language/timeline/timeline-model.js';
import type { VplanCodeLensProvider } from '../../../language/lsp/vplan-code-lens.js';
import { addMonthsClamped, formatDay, parseDate } from '../../../language/model/dates.js';
import { planMembers } from '../../../language/model/ast-queries.js';
import { loadBuiltinCatalogue } from '../../../language/workspace/builtin-documents.js';
import { createTestServices } from '../../helpers.js';
import { catalogueToVplan, generateCatalogue, generatePlan, planToVplan, type PlanData } from '../../../bench/workload.js';

const services = createTestServices();
const TODAY = '2026-06-15';

beforeAll(async () => {
    await loadBuiltinCatalogue(services.shared);
    services.Vplan.config.SettingsProvider.localeOverride = 'en';
});

interface MemberView {
    name: string;
    /** Codes of the diagnostics on the member's line (VP001–VP004). */
    codes: string[];
    vp004?: Diagnostic;
    /** The names the hover lists after "Covered by", or undefined when it says "nothing". */
    hoverCovers?: string[];
    /** The names of the items drawn in the member's timeline lane. */
    laneItems: string[];
    /** The timeline's uncovered stretches as [first day, length in days]. */
    uncovered: Array<[string, number]>;
}

interface PlanView {
    name: string;
    maxGapDays: number;
    period?: { start: string; end: string };
    lens: { covered: number; members: number };
    regieLens: string;
    members: MemberView[];
    timeline: TimelineModel;
    diagnostics: Diagnostic[];
}

const days = (start: string, end: string) => parseDate(end)! - parseDate(start)!;

let counter = 0;

/** Builds the files as one workspace and reads every consumer's view of each plan of the first file. */
async function observe(texts: string[]): Promise<PlanView[]> {
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const folder = `file:///agreement/${++counter}`;
    const documents = texts.map((text, index) => {
        const document = factory.fromString<VplanFile>(text, URI.parse(`${folder}/file${index}.vplan`));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    try {
        await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
        return await Promise.all(documents[0].parseResult.value.declarations.filter(isPlan).map(plan => viewOf(documents[0], plan)));
    } finally {
        await clearDocuments(services.shared, documents);
    }
}

async function viewOf(document: LangiumDocument<VplanFile>, plan: Plan): Promise<PlanView> {
    const diagnostics = (document.diagnostics ?? []).filter(d => {
        const range = plan.$cstNode!.range;
        return d.range.start.line >= range.start.line && d.range.start.line <= range.end.line;
    });
    const maxGapDays = services.Vplan.config.SettingsProvider.settingsFor(document.uri).config.coverageMaxGapDays;

    // The code lens of this plan (on its name).
    const provider = services.Vplan.lsp.CodeLensProvider as VplanCodeLensProvider;
    provider.today = () => parseDate(TODAY)!;
    const nameLine = services.Vplan.references.NameProvider.getNameNode(plan)!.range.start.line;
    const titles = ((await provider.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } })) ?? [])
        .filter(lens => lens.range.start.line === nameLine).map(lens => lens.command!.title);
    const coveredTitle = titles.map(title => /^covered (\d+)\/(\d+)$/.exec(title)).find(Boolean);
    expect(coveredTitle, titles.join(' | ')).toBeDefined();
    const regieLens = titles.find(title => title.startsWith('regie '))!;

    const timeline = buildTimeline(planFacts(plan), document.diagnostics ?? [], { today: TODAY });
    const members: MemberView[] = [];
    for (const [index, member] of planMembers(plan).entries()) {
        const range = member.$cstNode!.range;
        const onMember = diagnostics.filter(d => d.range.start.line === range.start.line && /^VP00[1-4]$/.test(String(d.code)));
        const hover = await services.Vplan.lsp.HoverProvider!.getHoverContent(document, {
            textDocument: { uri: document.uri.toString() },
            position: services.Vplan.references.NameProvider.getNameNode(member)!.range.start
        });
        const markdown = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
        const hoverLines = markdown.split('\n');
        const at = hoverLines.findIndex(l => l.startsWith('- Covered by:'));
        expect(at, markdown).toBeGreaterThanOrEqual(0);
        // `- Covered by: **nothing**`, or `- Covered by:` with one item a line below it.
        const items = hoverLines.slice(at + 1).filter((l, i, all) => all.slice(0, i + 1).every(x => x.startsWith('  - ')));
        const listed = hoverLines[at] === '- Covered by: **nothing**' ? '**nothing**' : items.join('\n');
        const lane = timeline.members[index];
        expect(lane.name).toBe(member.name);
        members.push({
            name: member.name,
            codes: onMember.map(d => String(d.code)).sort(),
            vp004: onMember.find(d => d.code === 'VP004'),
            hoverCovers: listed === '**nothing**' ? undefined : [...listed.matchAll(/`([^`]+)`/g)].map(m => m[1]),
            laneItems: lane.items.map(item => item.itemId.slice(item.itemId.indexOf(':') + 1)),
            uncovered: lane.uncovered.map(span => [span.start, days(span.start, span.end)])
        });
    }
    return {
        name: plan.name, maxGapDays, period: timeline.plan.period, lens: { covered: Number(coveredTitle![1]), members: Number(coveredTitle![2]) },
        regieLens, members, timeline, diagnostics
    };
}

/** Every agreement the facts promise, for one plan. */
function expectAgreement(view: PlanView): void {
    const where = (member: MemberView) => `${view.name}/${member.name}`;
    let coveredAllAlong = 0;
    for (const member of view.members) {
        const long = member.uncovered.filter(([, length]) => length > view.maxGapDays);
        const vp001 = member.codes.includes('VP001');
        const silenced = vp001 || member.codes.includes('VP002') || member.codes.includes('VP003');

        // VP004 fires exactly when the timeline shows a stretch longer than coverage.maxGapDays
        // (and VP001–VP003 do not already speak for the member), naming the first such stretch.
        expect(Boolean(member.vp004), `${where(member)}: VP004 vs the timeline ${JSON.stringify(member.uncovered)}`).toBe(long.length > 0 && !silenced);
        if (member.vp004) {
            const named = /for (\d+) days from (\d{4}-\d{2}-\d{2})/.exec(String(member.vp004.message));
            expect(named, String(member.vp004.message)).not.toBeNull();
            expect([named![2], Number(named![1])], where(member)).toEqual(long[0]);
        }

        // Nothing names the member: the hover says "nothing", the lane holds no item, the whole plan
        // period is uncovered, and VP001 says so (or VP002/VP003, which speak for it: one mistake,
        // one diagnostic). VP001 always comes with a hover that says "nothing".
        const nothing = member.hoverCovers === undefined;
        if (vp001) expect(nothing, `${where(member)}: VP001 but the hover lists ${JSON.stringify(member.hoverCovers)}`).toBe(true);
        if (nothing) {
            expect(silenced, `${where(member)}: the hover says "nothing" but no VP001-VP003`).toBe(true);
            if (view.period) expect(member.uncovered, where(member)).toEqual([[view.period.start, days(view.period.start, view.period.end)]]);
        }

        // The hover lists the items the timeline draws in the member's lane (a no-action reason aside).
        expect([...new Set(member.hoverCovers ?? [])].sort(), where(member)).toEqual([...new Set(member.laneItems)].sort());

        if (!vp001 && long.length === 0) coveredAllAlong++;
    }
    // The code lens counts the members covered by name and all along.
    expect(view.lens, view.name).toEqual({ covered: coveredAllAlong, members: view.members.length });

    // Regie: VP011 iff the timeline shows a gap (the first one named), VP012 iff it shows an overlap;
    // the lens names who holds regie today (or on the plan start) as the timeline draws it.
    const codes = view.diagnostics.map(d => String(d.code));
    if (!codes.includes('VP010') && view.period) {
        const gaps = view.timeline.regie.problems.filter(p => p.kind === 'gap');
        const overlaps = view.timeline.regie.problems.filter(p => p.kind === 'overlap');
        expect(codes.includes('VP011'), `${view.name}: VP011 vs ${JSON.stringify(gaps)}`).toBe(gaps.length > 0);
        expect(codes.includes('VP012'), `${view.name}: VP012 vs ${JSON.stringify(overlaps)}`).toBe(overlaps.length > 0);
        const vp011 = view.diagnostics.find(d => d.code === 'VP011');
        if (vp011) expect(String(vp011.message)).toContain(`from ${gaps[0].start}`);
        const onPlan = TODAY >= view.period.start && TODAY < view.period.end;
        const day = onPlan ? TODAY : view.period.start;
        const holders = view.timeline.regie.periods.filter(p => p.start !== undefined && p.start <= day && (p.end === undefined || day < p.end)).map(p => p.organisation);
        expect(view.regieLens.endsWith(`: ${holders.length > 0 ? holders.join(', ') : 'nobody'}`), `${view.name}: ${view.regieLens} vs ${holders.join(', ')}`).toBe(true);
    }
}

const examples = new URL('../../../examples/', import.meta.url).pathname;

describe('the examples', () => {
    for (const folder of ['regio-zhz', 'problems']) {
        const files = readdirSync(join(examples, folder)).filter(name => name.endsWith('.vplan')).sort();
        const read = (name: string) => readFileSync(join(examples, folder, name), 'utf8');
        for (const name of files.filter(file => /^\s*plan\s/m.test(read(file)))) {
            test(`${folder}/${name}: lens, hover, timeline and checks agree`, async () => {
                const views = await observe([read(name), ...files.filter(f => f !== name).map(read)]);
                expect(views.length).toBeGreaterThan(0);
                for (const view of views) expectAgreement(view);
            });
        }
    }

    test('the problem examples reach the interesting cases: VP001, VP003 and VP004 members, a regie gap', async () => {
        const read = (name: string) => readFileSync(join(examples, 'problems', name), 'utf8');
        const catalogue = read('organisaties.vplan');
        const views = [
            ...await observe([read('kind-zonder-hulp.vplan'), catalogue]),
            ...await observe([read('uitval-zonder-vervolg.vplan'), catalogue]),
            ...await observe([read('gat-in-regie.vplan'), catalogue])
        ];
        const codes = views.flatMap(v => [...v.members.flatMap(m => m.codes), ...v.diagnostics.map(d => String(d.code))]);
        for (const code of ['VP001', 'VP003', 'VP004', 'VP011']) expect(codes).toContain(code);
    });
});

// ---------------------------------------------------------------------------------------------
// Generated plans: the benchmark's household plans, with help that stops early, is dropped or
// ends (`ended`), agreements cut short, a child excused by `no-action`, and a regie handover moved.

const catalogue = catalogueToVplan(generateCatalogue());

interface Variation {
    index: number;
    /** Per intervention: undefined keeps it, 0 drops it, n > 0 lets it run n months. */
    interventions: Array<number | undefined>;
    /** The agreement: undefined keeps it, 0 drops it, n > 0 lets it end n months after the plan start. */
    agreementMonths?: number;
    ended?: { which: number; afterDays: number; reason: 'completed' | 'dropout' | 'referred' };
    noActionChild: boolean;
    /** Moves the second regie entry's start by this many days (a gap when positive, an overlap when negative). */
    regieShift: number;
}

const variation: fc.Arbitrary<Variation> = fc.record({
    index: fc.integer({ min: 1, max: 2000 }),
    interventions: fc.array(fc.option(fc.integer({ min: 0, max: 13 }), { nil: undefined, freq: 2 }), { minLength: 6, maxLength: 6 }),
    agreementMonths: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
    ended: fc.option(fc.record({
        which: fc.nat(5), afterDays: fc.integer({ min: 1, max: 240 }), reason: fc.constantFrom('completed' as const, 'dropout' as const, 'referred' as const)
    }), { nil: undefined }),
    noActionChild: fc.boolean(),
    regieShift: fc.oneof(fc.constant(0), fc.integer({ min: -20, max: 40 }))
});

function vary(v: Variation): PlanData {
    const plan = generatePlan(v.index, 3);
    const start = parseDate(plan.period.from)!;
    plan.interventions = plan.interventions.flatMap((intervention, i) => {
        const months = v.interventions[i];
        if (months === 0) return [];
        return [months === undefined ? intervention : { ...intervention, forMonths: months }];
    });
    if (v.ended && plan.interventions.length > 0) {
        const target = plan.interventions[v.ended.which % plan.interventions.length];
        target.ended = { date: formatDay(parseDate(target.from)! + v.ended.afterDays), reason: v.ended.reason };
    }
    if (v.agreementMonths === 0) plan.agreements = [];
    else if (v.agreementMonths !== undefined) plan.agreements = plan.agreements.map(a => ({ ...a, to: formatDay(addMonthsClamped(start, v.agreementMonths!)) }));
    const child = plan.members.find(m => m.kind === 'child');
    if (v.noActionChild && child) child.noAction = 'Hulp loopt via school';
    if (v.regieShift !== 0 && plan.regie.length > 1) {
        plan.regie = plan.regie.map((entry, i) => i === 1 ? { ...entry, from: formatDay(parseDate(entry.from)! + v.regieShift) } : entry);
    }
    return plan;
}

describe('generated plans', () => {
    test('the unchanged benchmark plans: every member covered all along, and all consumers say so', async () => {
        for (let index = 1; index <= 6; index++) {
            const [view] = await observe([planToVplan(generatePlan(index, 3)), catalogue]);
            expectAgreement(view);
            expect(view.lens.covered).toBe(view.lens.members);
        }
    });

    test('varied plans: lens, hover, timeline and checks agree (fast-check, fixed seed)', async () => {
        let withVp004 = 0;
        let withGapAtMost = 0;
        let runs = 0;
        const regie = new Set<string>();
        await fc.assert(fc.asyncProperty(variation, async v => {
            const [view] = await observe([planToVplan(vary(v)), catalogue]);
            expectAgreement(view);
            if (view.members.some(m => m.vp004)) withVp004++;
            if (view.members.some(m => m.uncovered.some(([, length]) => length > 0 && length <= view.maxGapDays))) withGapAtMost++;
            for (const problem of view.timeline.regie.problems) regie.add(problem.kind);
            runs++;
        }), { numRuns: 60, seed: 1304 });
        // the variations reach both sides of the boundary
        expect(runs).toBe(60);
        expect(withVp004).toBeGreaterThan(0);
        expect(withGapAtMost).toBeGreaterThan(0);
        expect([...regie].sort()).toEqual(['gap', 'overlap']);
    });

    test('VP004 fires iff the timeline shows an uncovered run longer than coverage.maxGapDays (28 vs 29 days)', async () => {
        // The time-out agreement and the debt help are what cover the victim late in the plan; cut
        // both and let the victim's own help end so that exactly N days stay uncovered at the end.
        for (const gap of [27, 28, 29, 30]) {
            const plan = generatePlan(5, 3);
            const end = parseDate(plan.period.to)!;
            const victim = plan.members[0].name;
            plan.agreements = plan.agreements.map(a => ({ ...a, protects: a.protects.filter(name => name !== victim) }));
            plan.interventions = plan.interventions.map(i => i.name === 'schuldhulp' ? { ...i, for: i.for.filter(name => name !== victim) } : i);
            const help = plan.interventions.find(i => i.name === 'steun_slachtoffer')!;
            help.forMonths = 12;
            help.from = plan.period.from;
            help.ended = { date: formatDay(end - gap), reason: 'completed' };
            const [view] = await observe([planToVplan(plan), catalogue]);
            expectAgreement(view);
            const member = view.members.find(m => m.name === victim)!;
            expect(member.uncovered, `gap ${gap}`).toEqual([[formatDay(end - gap), gap]]);
            expect(Boolean(member.vp004), `gap ${gap}`).toBe(gap > 28);
        }
    });
});
