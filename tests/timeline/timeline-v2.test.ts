/**
 * The timeline of version 2 of the language (reference, section 8): incidents across all lanes,
 * help stopped by `ended` drawn to its date with the reason and its planned rest faintly, meeting
 * actions in the table, the axis from the plan start to the end of aftercare, and the robustness
 * of issue 15: a member without a name, and a drawing bounded by the plan text, not by a period.
 */

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildTimelineTable } from '../../language/timeline/timeline-table.js';
import { layoutTimeline, type SceneRect } from '../../language/timeline/timeline-layout.js';
import { MAX_TICKS, monthTicks, tickStepMonths, type TimelineModel } from '../../language/timeline/timeline-model.js';
import { renderHtml } from '../../language/timeline/render-html.js';
import { renderSvg } from '../../language/timeline/render-svg.js';
import { rangeForItem } from '../../language/timeline/preview-support.js';
import { parseDate } from '../../language/model/dates.js';
import { checkText, createTestServices } from '../helpers.js';
import { ORGANISATIONS, specExampleText, specExampleV2, timelineOf, flattenScene as flatten, sceneGroups as groups, sceneTexts as texts } from './timeline-test-helpers.js';

const d = (iso: string) => parseDate(iso)!;

/** Renders the model every way there is: the scene, the table, SVG and HTML in both languages. */
function renderEverything(model: TimelineModel): string[] {
    return [
        JSON.stringify(layoutTimeline(model)), JSON.stringify(layoutTimeline(model, { width: 700, locale: 'nl' })),
        JSON.stringify(buildTimelineTable(model)), renderSvg(model), renderHtml(model, { locale: 'nl' })
    ];
}

describe('version 2 in the model', () => {
    test('help stopped by `ended`: its real days, its planned period, the date and the reason', async () => {
        const model = await timelineOf(specExampleV2(), { withOrganisations: false });
        expect(model.items.find(i => i.id === 'intervention:steunmoeder')).toMatchObject({
            start: '2026-02-09', end: '2026-04-20', terms: [{ kind: 'first', start: '2026-02-09', end: '2026-04-20', defaultEnd: false }],
            planned: { start: '2026-02-09', end: '2026-08-09' }, ended: { date: '2026-04-20', reason: 'dropout' }
        });
        // An `ended` on or after the planned end changes no day, and records the reason.
        const late = await timelineOf(specExampleV2().replace('ended 2026-04-20 dropout', 'ended 2026-09-01 completed'), { withOrganisations: false });
        const done = late.items.find(i => i.id === 'intervention:steunmoeder')!;
        expect([done.start, done.end, done.planned, done.ended]).toEqual(['2026-02-09', '2026-08-09', undefined, { date: '2026-09-01', reason: 'completed' }]);
    });

    test('incidents, by date; meeting actions with owner and due date', async () => {
        const model = await timelineOf(specExampleV2(), { withOrganisations: false });
        expect(model.incidents).toEqual([{ id: 'incident:0', date: '2026-05-02', title: 'Nieuwe politiemelding: ruzie met letsel', range: expect.any(Object), diagnostics: [] }]);
        expect(rangeForItem(model, 'incident:0')).toEqual(model.incidents[0].range);
        const meeting = model.markers.find(m => m.date === '2026-05-06')!;
        expect(meeting.actions).toEqual([
            { text: 'Nieuwe veiligheidsafspraken met Mark', owner: 'veiligthuis_zhz', due: '2026-05-13' },
            { text: 'Sanne helpen bij een melding bij de politie', owner: 'wijkteam_dordrecht', due: '2026-05-20' }
        ]);
        expect(model.markers.find(m => m.kind === 'evaluation')!.actions).toEqual([]);
    });

    test('a measure type\'s `requires`', async () => {
        const model = await timelineOf(specExampleText().replace('    regie {', `    measure uhp uithuisplaatsing {
        on noor
        by rechtbank
        from 2026-03-01 for 6 months
    }

    regie {`));
        expect(model.items.find(i => i.id === 'measure:uhp')?.requires).toEqual(['ots', 'voorlopige_ots']);
        expect(model.items.find(i => i.id === 'measure:hv')?.requires).toBeUndefined();
        const notes = buildTimelineTable(model).rows.find(r => r.itemId === 'measure:uhp')!.cells[7];
        expect(notes).toContain('requires ots or voorlopige_ots alongside');
        expect(buildTimelineTable(model, 'nl').rows.find(r => r.itemId === 'measure:uhp')!.cells[7]).toContain('vereist daarnaast ots of voorlopige_ots');
    });

    test('the axis runs from the plan start to the end of aftercare; what lies beyond it is cut or only in the table', async () => {
        const text = specExampleText()
            .replace('from 2026-01-20 for 12 months', 'from 2025-11-01 for 48 months')
            .replace('meeting 2026-01-15', 'meeting 2025-12-15');
        const model = await timelineOf(text, { withOrganisations: false });
        expect([model.axis?.start, model.axis?.end]).toEqual(['2026-01-12', '2028-07-12']);
        // The meeting before the plan start lies wholly outside the axis.
        expect(model.outsideAxis).toBe(1);
        const scene = layoutTimeline(model);
        expect(texts(scene.elements).some(t => t.text.startsWith('1 item lies outside the time axis'))).toBe(true);
        expect(groups(scene.elements).some(g => g.itemId?.startsWith('meeting:') && g.title?.includes('2025-12-15'))).toBe(false);
        expect(buildTimelineTable(model).rows.some(r => r.cells[5] === '2025-12-15')).toBe(true);
        // The daderhulp starts before the axis and ends after it: cut at both edges, with an arrow on each.
        const daderhulp = groups(scene.elements).find(g => g.itemId === 'intervention:daderhulp')!;
        const bar = daderhulp.children.find((e): e is SceneRect => e.type === 'rect')!;
        const axisLine = flatten(scene.elements).find(e => e.type === 'line' && e.className === 'vp-axis-line')!;
        expect(axisLine.type === 'line' && [bar.x, bar.x + bar.width]).toEqual([axisLine.type === 'line' && axisLine.x1, axisLine.type === 'line' && axisLine.x2]);
        expect(daderhulp.children.filter(e => e.type === 'polygon' && e.className === 'vp-clip-mark')).toHaveLength(2);
        expect(daderhulp.title).toContain('from 2025-11-01 to 2029-11-01');
    });
});

describe('version 2 in the drawing and the table', () => {
    test('an incident is a marker with its title, and a line across every lane', async () => {
        const model = await timelineOf(specExampleV2(), { withOrganisations: false });
        const scene = layoutTimeline(model, { width: 800 });
        const marker = groups(scene.elements).find(g => g.itemId === 'incident:0')!;
        expect(marker.className).toContain('vp-incident');
        expect(texts(marker.children).map(t => t.text)).toEqual(['Nieuwe politiemelding: ruzie met letsel']);
        const across = groups(scene.elements).find(g => g.className === 'vp-incident-across')!;
        const line = across.children[0];
        const lanes = flatten(scene.elements).filter((e): e is SceneRect => e.type === 'rect' && e.className.startsWith('vp-lane-bg'));
        expect(line.type === 'line' && line.y1).toBe(Math.min(...lanes.map(l => l.y)));
        expect(line.type === 'line' && line.y2).toBe(Math.max(...lanes.map(l => l.y + l.height)));
        const legend = groups(scene.elements).find(g => g.className === 'vp-legend')!;
        expect(texts(legend.children).map(t => t.text)).toEqual(expect.arrayContaining(['incident', 'planned, stopped early']));
        // Without incidents, no such lane and no legend entry.
        const v1 = layoutTimeline(await timelineOf(specExampleText(), { withOrganisations: false }));
        expect(groups(v1.elements).some(g => g.className === 'vp-incident-across')).toBe(false);
        expect(texts(v1.elements).some(t => t.text === 'incident' || t.text === 'Incidents')).toBe(false);
    });

    test('help stopped early: a bar to its `ended` date, the reason as text, the planned rest faintly', async () => {
        const model = await timelineOf(specExampleV2(), { withOrganisations: false });
        for (const [locale, reason] of [['en', 'dropped out'], ['nl', 'uitval']] as const) {
            const scene = layoutTimeline(model, { locale });
            const group = groups(scene.elements).find(g => g.itemId === 'intervention:steunmoeder')!;
            const rects = group.children.filter((e): e is SceneRect => e.type === 'rect');
            const rest = rects.find(r => r.className.includes('vp-planned-rest'))!;
            const bar = rects.find(r => !r.className.includes('vp-planned-rest'))!;
            expect(bar.className).toContain('vp-mode-voluntary');
            expect(rest.className).toContain('vp-mode-voluntary');
            // The bar ends where the rest begins: on the `ended` date; the rest runs to the planned end.
            expect(bar.x + bar.width).toBeCloseTo(rest.x, 0);
            const axis = model.axis!;
            const xOf = (iso: string) => bar.x + ((d(iso) - d('2026-02-09')) / ((d('2026-04-20') - d('2026-02-09')) / bar.width));
            expect(rest.x + rest.width).toBeCloseTo(xOf('2026-08-09'), 0);
            expect(axis.start).toBe('2026-01-12');
            const words = texts(group.children).map(t => t.text).join(' | ');
            expect(words).toContain(reason);
            expect(words).toMatch(locale === 'en' ? /Ondersteuning Sanne · voluntary/ : /Ondersteuning Sanne · vrijwillig/);
            expect(group.title).toContain(locale === 'en' ? 'stopped (dropped out): no help from 2026-04-20 on; planned to 2026-08-09 (not included)'
                : 'gestopt (uitval): geen hulp meer vanaf 2026-04-20; gepland tot 2026-08-09 (niet inbegrepen)');
        }
        const row = buildTimelineTable(model).rows.find(r => r.itemId === 'intervention:steunmoeder')!;
        expect(row.cells.slice(5, 7)).toEqual(['2026-02-09', '2026-04-20']);
        expect(row.cells[7]).toContain('stopped (dropped out)');
    });

    test('meeting actions are rows of the table, with owner and last day; and in the meeting\'s tooltip', async () => {
        const model = await timelineOf(specExampleV2(), { withOrganisations: false });
        const table = buildTimelineTable(model);
        const actions = table.rows.filter(r => r.cells[1] === 'action');
        expect(actions.map(r => [r.cells[0], r.cells[3], r.cells[7]])).toEqual([
            ['Meetings', 'Nieuwe veiligheidsafspraken met Mark', 'owner veiligthuis_zhz; due on or before 2026-05-13'],
            ['Meetings', 'Sanne helpen bij een melding bij de politie', 'owner wijkteam_dordrecht; due on or before 2026-05-20']
        ]);
        // A due date is a last day: never in the "To (not included)" column.
        expect(actions.every(r => r.cells[6] === '')).toBe(true);
        // They follow their meeting.
        const meetingRow = table.rows.findIndex(r => r.cells[3] === 'Casusoverleg na nieuwe melding');
        expect(table.rows.indexOf(actions[0])).toBe(meetingRow + 1);
        const nl = buildTimelineTable(model, 'nl').rows.filter(r => r.cells[1] === 'actie').map(r => r.cells[7]);
        expect(nl).toEqual(['ligt bij veiligthuis_zhz; uiterlijk op 2026-05-13', 'ligt bij wijkteam_dordrecht; uiterlijk op 2026-05-20']);
        expect(table.rows.find(r => r.cells[1] === 'incident')?.cells.slice(3, 6)).toEqual(['Nieuwe politiemelding: ruzie met letsel', '', '2026-05-02']);
        const meeting = groups(layoutTimeline(model).elements).find(g => g.itemId === model.markers.find(m => m.date === '2026-05-06')!.id)!;
        expect(meeting.title).toContain('action: Sanne helpen bij een melding bij de politie (owner wijkteam_dordrecht; due on or before 2026-05-20)');
    });

    test('the uncovered days of a lane are exactly the coverage facts VP004 judges', async () => {
        const model = await timelineOf(specExampleV2().replace('from 2026-04-27 for 6 months', 'from 2026-06-01 for 6 months')
            .replace(/\n {4}agreement geen_contact[\s\S]*?\n {4}}\n/, ''), { withOrganisations: false });
        expect(model.members.find(m => m.name === 'sanne')!.uncovered).toEqual([
            { start: '2026-04-20', end: '2026-06-01' }, { start: '2026-12-01', end: '2027-01-12' }
        ]);
    });
});

describe('robustness (issue 15)', () => {
    for (const [what, from, to] of [
        ['`member 18`', 'member daan child born 2020 roles witness', 'member 18'],
        ['a bare `member`', 'member joost child born 2010 outside no-action "Woont bij zijn vader, niet betrokken"', 'member']
    ] as const) {
        test(`a household member without a name (${what}) is a lane "(no name)", in every output`, async () => {
            const model = await timelineOf(specExampleText().replace(from, to), { withOrganisations: false });
            const unnamed = model.members.filter(m => m.name === '');
            expect(unnamed.length).toBeGreaterThan(0);
            expect(unnamed.every(m => /^member#\d+$/.test(m.id))).toBe(true);
            const outputs = renderEverything(model);
            expect(outputs[0]).toContain('(no name)');
            expect(outputs[1]).toContain('(zonder naam)');
            expect(rangeForItem(model, unnamed[0].id)).toEqual(unnamed[0].range);
        });
    }

    test('declarations cut short while typing never break the drawing', async () => {
        const cuts = [
            ['intervention kindhulp "Hulp voor Noor en Daan na het geweld" {', 'intervention {'],
            ['measure hv huisverbod {', 'measure {'],
            ['agreement geen_contact "Mark zoekt alleen contact via begeleide overdracht" {', 'agreement {'],
            ['incident 2026-05-02 "Nieuwe politiemelding: ruzie met letsel"', 'incident'],
            ['action "Nieuwe veiligheidsafspraken met Mark" owner veiligthuis_zhz due 2026-05-13', 'action'],
            ['ended 2026-04-20 dropout', 'ended'],
            ['plan vermeer_2026 "Veiligheidsplan gezin Vermeer" {', 'plan {']
        ];
        for (const [from, to] of cuts) {
            const text = specExampleV2().replace(from, to);
            let model: TimelineModel;
            try {
                model = await timelineOf(text, { withOrganisations: false });
            } catch (error) {
                // Only when the parser keeps no plan at all.
                expect(String(error)).toContain('no plan in the text');
                continue;
            }
            expect(() => renderEverything(model), to).not.toThrow();
        }
    });

    test('a period of thousands of years gives the drawing of a year: at most MAX_TICKS ticks', async () => {
        const year = await timelineOf(specExampleText(), { withOrganisations: false });
        const huge = await timelineOf(specExampleText().replace('period 2026-01-12 to 2027-01-12', 'period 2026-01-12 for 7900 years')
            .replace('from 2026-01-20 for 12 months', 'from 2026-01-20 for 7000 years'), { withOrganisations: false });
        expect(huge.axis!.end).toBe('9926-01-12');
        expect(huge.axis!.ticks.length).toBeLessThanOrEqual(MAX_TICKS);
        expect(huge.axis!.tickMonths).toBeGreaterThanOrEqual(600);
        const [hugeSvg, yearSvg] = [renderSvg(huge), renderSvg(year)];
        // The same plan text: the drawing of a year and at most MAX_TICKS ticks more (far from the 75 MB of issue 15).
        expect(hugeSvg.length).toBeLessThan(yearSvg.length + MAX_TICKS * 100);
        expect(JSON.stringify(huge).length).toBeLessThan(JSON.stringify(year).length + MAX_TICKS * 100);
        const labels = texts(layoutTimeline(huge).elements).filter(t => t.className === 'vp-tick-label').map(t => t.text);
        expect(labels.length).toBeGreaterThan(2);
        expect(labels.every(label => /^\d{4}$/.test(label))).toBe(true);
    });

    test('tick steps keep every axis at or under MAX_TICKS, monthly up to about 13 years', () => {
        fc.assert(fc.property(fc.integer({ min: d('1900-01-01'), max: d('9990-01-01') }), fc.integer({ min: 1, max: 3_000_000 }), (start, length) => {
            const end = Math.min(start + length, d('9999-12-31'));
            const step = tickStepMonths(start, end);
            const ticks = monthTicks(start, end, step);
            expect(ticks.length).toBeLessThanOrEqual(MAX_TICKS);
            for (const tick of ticks) {
                expect(d(tick.date)).toBeGreaterThanOrEqual(start);
                expect(d(tick.date)).toBeLessThanOrEqual(end);
                expect((tick.year * 12 + tick.month - 1) % step).toBe(0);
            }
        }), { numRuns: 300, seed: 15 });
        expect(tickStepMonths(d('2026-01-12'), d('2028-07-12'))).toBe(1);
        expect(tickStepMonths(d('2026-01-01'), d('2039-01-01'))).toBe(1);
        expect(tickStepMonths(d('2026-01-01'), d('2046-01-01'))).toBe(2);
        expect(monthTicks(d('2026-01-12'), d('2030-01-01'), 12).map(t => t.date)).toEqual(['2027-01-01', '2028-01-01', '2029-01-01', '2030-01-01']);
    });
});

describe('the timeline\'s uncovered days and VP004 agree (property)', () => {
    const services = createTestServices();
    const members = ['sanne', 'mark', 'noor'];
    /** An item covering `member` from `start` for `days`, maybe stopped early. */
    const item = fc.record({
        member: fc.constantFrom(...members),
        kind: fc.constantFrom('intervention', 'agreement', 'ended'),
        start: fc.integer({ min: -30, max: 360 }),
        days: fc.integer({ min: 1, max: 200 }),
        cut: fc.integer({ min: 1, max: 200 })
    });

    test('a member gets VP004 exactly when its lane has a stretch over 28 days, naming the first such stretch', async () => {
        await fc.assert(fc.asyncProperty(fc.array(item, { maxLength: 8 }), async entries => {
            const day = (offset: number) => new Date(Date.UTC(2026, 0, 12 + offset)).toISOString().slice(0, 10);
            const body = entries.map((e, i) => e.kind === 'agreement'
                ? `    agreement a${i} "Afspraak ${i}" {\n        by sanne\n        protects ${e.member}\n        checked by veiligthuis_zhz\n        from ${day(e.start)} for ${e.days} days\n    }`
                : `    intervention i${i} "Hulp ${i}" {\n        for ${e.member}\n        by ggz_zhz\n        from ${day(e.start)} for ${e.days} days\n` +
                  (e.kind === 'ended' ? `        ended ${day(e.start + Math.min(e.cut, e.days + 10))} dropout\n` : '') + '    }').join('\n');
            // Adults who are victims only: VP001 and VP004 are the only coverage rules that apply.
            const text = `plan p "Plan" {\n    status active\n    period 2026-01-12 to 2027-01-12\n    household {\n` +
                members.map(m => `        member ${m} adult born 1980 roles victim`).join('\n') + `\n    }\n${body}\n}\n`;
            const model = await timelineOf(text);
            const result = await checkText(services, [text, ORGANISATIONS]);
            for (const lane of model.members) {
                const vp004 = result.diagnostics.find(x => x.code === 'VP004' && String(x.message).includes(`'${lane.name}'`));
                const named = lane.items.length > 0;
                const long = lane.uncovered.find(s => d(s.end) - d(s.start) > 28);
                expect(Boolean(vp004), `${lane.name}: ${JSON.stringify(lane.uncovered)}`).toBe(named && long !== undefined);
                if (vp004 && long) expect(String(vp004.message)).toContain(`for ${d(long.end) - d(long.start)} days from ${long.start}`);
            }
        }), { numRuns: 25, seed: 13 });
    }, 120_000);
});
