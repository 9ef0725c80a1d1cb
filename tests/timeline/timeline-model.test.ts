import { describe, expect, test } from 'vitest';
import { mergeIntervals, monthTicks, overlapIntervals, uncoveredIntervals } from '../../language/timeline/timeline-model.js';
import { parseDate } from '../../language/model/dates.js';
import { specExampleText, specExampleWithGaps, timelineOf } from './timeline-test-helpers.js';

const d = (iso: string) => parseDate(iso)!;

function plan(body: string, period = 'period 2026-01-12 to 2027-01-12'): string {
    return `plan p1 "Testplan" {
    status active
    ${period}
    household {
        member sanne adult born 1989 roles victim, parent
        member mark adult born 1986 roles perpetrator, parent
        member noor child born 2015 roles witness
    }
${body}
}`;
}

describe('interval helpers', () => {
    test('merging sorts and joins overlapping and touching intervals', () => {
        expect(mergeIntervals([{ start: 10, end: 20 }, { start: 0, end: 5 }, { start: 5, end: 8 }, { start: 15, end: 30 }]))
            .toEqual([{ start: 0, end: 8 }, { start: 10, end: 30 }]);
    });

    test('uncovered parts of a period, without walking day by day', () => {
        expect(uncoveredIntervals({ start: 0, end: 100 }, [{ start: 10, end: 20 }, { start: 15, end: 40 }, { start: 60, end: 200 }]))
            .toEqual([{ start: 0, end: 10 }, { start: 40, end: 60 }]);
        expect(uncoveredIntervals({ start: 0, end: 100 }, [])).toEqual([{ start: 0, end: 100 }]);
        expect(uncoveredIntervals({ start: 0, end: 100 }, [{ start: -5, end: 100 }])).toEqual([]);
        // A huge period is no problem: the work is per interval.
        expect(uncoveredIntervals({ start: 0, end: 1e9 }, [{ start: 1, end: 1e9 - 1 }])).toEqual([{ start: 0, end: 1 }, { start: 1e9 - 1, end: 1e9 }]);
    });

    test('overlaps name the labels sharing the days; a handover on one day is no overlap', () => {
        expect(overlapIntervals([{ start: 0, end: 10, label: 'a' }, { start: 10, end: 20, label: 'b' }])).toEqual([]);
        expect(overlapIntervals([{ start: 0, end: 12, label: 'a' }, { start: 10, end: 20, label: 'b' }])).toEqual([{ start: 10, end: 12, labels: ['a', 'b'] }]);
        expect(overlapIntervals([{ start: 0, end: 30, label: 'a' }, { start: 5, end: 10, label: 'b' }, { start: 10, end: 15, label: 'c' }]))
            .toEqual([{ start: 5, end: 15, labels: ['a', 'b', 'c'] }]);
    });

    test('month ticks are the first days of the months on the axis', () => {
        expect(monthTicks(d('2026-01-12'), d('2026-04-01')).map(t => t.date)).toEqual(['2026-02-01', '2026-03-01', '2026-04-01']);
        expect(monthTicks(d('2026-01-01'), d('2026-02-15')).map(t => t.date)).toEqual(['2026-01-01', '2026-02-01']);
    });
});

describe('the timeline of the spec example', () => {
    test('axis runs from the plan start to the end of aftercare, with month ticks and today', async () => {
        const model = await timelineOf(specExampleText(), { withOrganisations: false, today: '2026-03-15' });
        expect(model.axis?.start).toBe('2026-01-12');
        expect(model.axis?.end).toBe('2028-07-12');
        expect(model.axis?.ticks[0].date).toBe('2026-02-01');
        expect(model.axis?.ticks.at(-1)?.date).toBe('2028-07-01');
        expect(model.today).toBe('2026-03-15');
        expect(model.todayOnAxis).toBe(true);
        const later = await timelineOf(specExampleText(), { withOrganisations: false, today: '2030-01-01' });
        expect(later.todayOnAxis).toBe(false);
    });

    test('the huisverbod with its extension, on mark and protecting sanne, noor and daan', async () => {
        const model = await timelineOf(specExampleText(), { withOrganisations: false });
        const hv = model.items.find(i => i.id === 'measure:hv')!;
        expect(hv).toMatchObject({ kind: 'measure', mode: 'dwang', title: 'Tijdelijk huisverbod', typeName: 'huisverbod', start: '2026-01-12', end: '2026-02-09', by: 'burgemeester_dordrecht' });
        expect(hv.terms).toEqual([
            { kind: 'first', start: '2026-01-12', end: '2026-01-22', defaultEnd: false },
            { kind: 'extend', start: '2026-01-22', end: '2026-02-09', defaultEnd: false }
        ]);
        expect(hv.range?.start.line).toBeGreaterThan(0);
        const lane = (name: string) => model.members.find(m => m.name === name)!;
        expect(lane('mark').items).toContainEqual({ itemId: 'measure:hv', relation: 'on' });
        expect(lane('mark').items).toContainEqual({ itemId: 'intervention:daderhulp', relation: 'for' });
        expect(lane('sanne').items).toEqual([{ itemId: 'measure:hv', relation: 'protects' }, { itemId: 'agreement:geen_contact', relation: 'protects' }]);
        expect(lane('joost').noAction).toBe('Woont bij zijn vader, niet betrokken');
        expect(lane('joost').uncovered).toEqual([]);
        expect(model.items.find(i => i.id === 'intervention:daderhulp')?.mode).toBe('drang');
        expect(model.items.find(i => i.id === 'agreement:geen_contact')?.mode).toBe('voluntary');
    });

    test('uncovered days per member, as ranges', async () => {
        expect((await timelineOf(specExampleText(), { withOrganisations: false })).members.flatMap(m => m.uncovered)).toEqual([]);
        const model = await timelineOf(specExampleWithGaps(), { withOrganisations: false });
        const lane = (name: string) => model.members.find(m => m.name === name)!;
        expect(lane('noor').uncovered).toEqual([{ start: '2026-02-09', end: '2027-01-12' }]);
        expect(lane('sanne').uncovered).toEqual([{ start: '2026-07-12', end: '2027-01-12' }]);
        expect(lane('mark').uncovered).toEqual([{ start: '2026-07-20', end: '2027-01-12' }]);
    });

    test('regie handover, no gap or overlap; aftercare checkpoints; meetings and evaluations', async () => {
        const model = await timelineOf(specExampleText(), { withOrganisations: false });
        expect(model.regie.periods.map(p => [p.organisation, p.start, p.end, p.explicitEnd])).toEqual([
            ['veiligthuis_zhz', '2026-01-12', '2026-02-09', true],
            ['wijkteam_dordrecht', '2026-02-09', '2027-01-12', false]
        ]);
        expect(model.regie.handovers).toEqual([{ date: '2026-02-09', from: 'veiligthuis_zhz', to: 'wijkteam_dordrecht' }]);
        expect(model.regie.problems).toEqual([]);
        expect(model.aftercare?.checkpoints).toEqual([
            { date: '2027-04-12', offset: '3 months', duration: { amount: 3, unit: 'month' } },
            { date: '2027-07-12', offset: '6 months', duration: { amount: 6, unit: 'month' } },
            { date: '2028-01-12', offset: '12 months', duration: { amount: 12, unit: 'month' } },
            { date: '2028-07-12', offset: '18 months', duration: { amount: 18, unit: 'month' } }
        ]);
        expect(model.markers.map(m => [m.kind, m.date, m.title])).toEqual([
            ['meeting', '2026-01-15', 'Casusoverleg ZVH'], ['evaluation', '2026-04-15', 'Evaluatie veiligheidsafspraken']
        ]);
        expect(model.phases.map(p => p.kind)).toEqual(['safety', 'stability', 'recovery']);
    });

    test('the model is plain JSON', async () => {
        const model = await timelineOf(specExampleText(), { withOrganisations: false });
        expect(JSON.parse(JSON.stringify(model))).toEqual(model);
    });
});

describe('regie gaps and overlaps', () => {
    test('a gap between two holders is an error period', async () => {
        const model = await timelineOf(plan(`
    regie {
        veiligthuis_zhz from 2026-01-12 to 2026-02-01
        wijkteam_dordrecht from 2026-02-15
    }`));
        expect(model.regie.problems).toEqual([{ kind: 'gap', start: '2026-02-01', end: '2026-02-15', holders: [] }]);
        expect(model.regie.handovers).toEqual([]);
    });

    test('two holders on the same days overlap, and uncovered days at the end are a gap', async () => {
        const model = await timelineOf(plan(`
    regie {
        veiligthuis_zhz from 2026-01-12 to 2026-03-01
        wijkteam_dordrecht from 2026-02-15 to 2026-12-01
    }`));
        expect(model.regie.problems).toEqual([
            { kind: 'overlap', start: '2026-02-15', end: '2026-03-01', holders: ['veiligthuis_zhz', 'wijkteam_dordrecht'] },
            { kind: 'gap', start: '2026-12-01', end: '2027-01-12', holders: [] }
        ]);
    });

    test('entries starting on the same day overlap', async () => {
        const model = await timelineOf(plan(`
    regie {
        veiligthuis_zhz from 2026-01-12
        wijkteam_dordrecht from 2026-01-12
    }`));
        expect(model.regie.problems).toEqual([{ kind: 'overlap', start: '2026-01-12', end: '2027-01-12', holders: ['veiligthuis_zhz', 'wijkteam_dordrecht'] }]);
    });
});

describe('measures: default ends and extensions', () => {
    test('a first term without an end lasts the type\'s initial term; extensions follow on', async () => {
        const model = await timelineOf(plan(`
    measure hv huisverbod {
        on mark
        protects sanne
        by burgemeester_dordrecht
        from 2026-01-31
        extend for 1 month
        extend to 2026-04-01
    }`));
        const hv = model.items.find(i => i.id === 'measure:hv')!;
        expect(hv.terms).toEqual([
            { kind: 'first', start: '2026-01-31', end: '2026-02-10', defaultEnd: true },
            { kind: 'extend', start: '2026-02-10', end: '2026-03-10', defaultEnd: false },
            { kind: 'extend', start: '2026-03-10', end: '2026-04-01', defaultEnd: false }
        ]);
        expect([hv.start, hv.end]).toEqual(['2026-01-31', '2026-04-01']);
    });

    test('default end by term max (OTS: 1 year) and, without limits, the plan end', async () => {
        const model = await timelineOf(plan(`
    measure ots1 ots {
        on noor
        by rechtbank
        from 2026-03-01
    }
    measure vt vt_voorwaarden {
        on mark
        by veiligthuis_zhz
        from 2026-02-01
    }`));
        expect(model.items.find(i => i.id === 'measure:ots1')).toMatchObject({ start: '2026-03-01', end: '2027-03-01', mode: 'dwang' });
        expect(model.items.find(i => i.id === 'measure:vt')).toMatchObject({ start: '2026-02-01', end: '2027-01-12', mode: 'drang' });
        expect(model.items.find(i => i.id === 'measure:vt')?.terms[0].defaultEnd).toBe(true);
    });

    test('an agreement without dates holds for the whole plan', async () => {
        const model = await timelineOf(plan(`
    agreement a1 "Oma haalt de kinderen op" {
        by sanne
        protects noor
        checked by veiligthuis_zhz
    }`));
        expect(model.items.find(i => i.id === 'agreement:a1')).toMatchObject({ start: '2026-01-12', end: '2027-01-12', wholePlan: true });
        expect(model.members.find(m => m.name === 'noor')?.uncovered).toEqual([]);
        expect(model.members.find(m => m.name === 'sanne')?.uncovered).toEqual([{ start: '2026-01-12', end: '2027-01-12' }]);
    });
});

describe('diagnostics and broken plans', () => {
    test('diagnostics attach to the item whose range holds them', async () => {
        const model = await timelineOf(plan(`
    measure hv huisverbod {
        on mark
        by burgemeester_dordrecht
        from 2026-01-12 for 40 days
    }`));
        const hv = model.items.find(i => i.id === 'measure:hv')!;
        expect(hv.diagnostics.map(x => x.code)).toContain('VP030');
        for (const diagnostic of hv.diagnostics) {
            expect(diagnostic.range.start.line).toBeGreaterThanOrEqual(hv.range!.start.line);
            expect(diagnostic.range.end.line).toBeLessThanOrEqual(hv.range!.end.line);
        }
        expect(model.items.find(i => i.id === 'measure:hv')!.diagnostics.every(x => x.severity === 'error' || x.severity === 'warning' || x.severity === 'info')).toBe(true);
        expect(model.diagnostics.length).toBeGreaterThanOrEqual(hv.diagnostics.length);
    });

    test('a plan without a valid period still yields a timeline of its dated items', async () => {
        const model = await timelineOf(plan(`
    intervention i1 "Hulp" {
        for mark
        by ggz_zhz
        from 2026-02-01 for 2 months
    }`, 'period 2026-02-30 to 2027-01-12'));
        expect(model.plan.period).toBeUndefined();
        expect(model.axis).toMatchObject({ start: '2026-02-01', end: '2026-04-01' });
        expect(model.members[0].uncovered).toEqual([]);
    });

    test('an undated item stays in the model without dates', async () => {
        const model = await timelineOf(plan(`
    intervention i1 "Hulp" {
        for mark
        by ggz_zhz
        from 2026-02-31 for 2 months
    }`));
        expect(model.items[0]).toMatchObject({ id: 'intervention:i1', start: undefined, end: undefined, terms: [] });
    });
});
