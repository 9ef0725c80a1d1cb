/**
 * An intervention whose `ended` date is not valid (VP060: not a date, or on or before the start):
 * the timeline draws its planned period as if there were no `ended`, and still says why it stopped
 * (language reference, section 8: "every item carries its title and dates as text"). Read from the
 * model's facts (`interval`, the planned dates, `ended`), never from recomputed dates.
 */

import { describe, expect, test } from 'vitest';
import { buildTimelineTable } from '../../language/timeline/timeline-table.js';
import { layoutTimeline, type SceneGroup, type SceneText } from '../../language/timeline/timeline-layout.js';
import type { TimelineModel } from '../../language/timeline/timeline-model.js';
import { renderHtml } from '../../language/timeline/render-html.js';
import { specExampleV2, timelineOf, flattenScene as flatten } from './timeline-test-helpers.js';

const ENDED = 'ended 2026-04-20 dropout';

const barOf = (model: TimelineModel, locale: 'en' | 'nl' = 'en') => flatten(layoutTimeline(model, { locale }).elements)
    .find((e): e is SceneGroup => e.type === 'g' && e.itemId === 'intervention:steunmoeder');

const rowOf = (model: TimelineModel, locale: 'en' | 'nl' = 'en') =>
    buildTimelineTable(model, locale).rows.find(r => r.itemId === 'intervention:steunmoeder')!;

const planWith = (ended: string) => specExampleV2().replace(ENDED, ended);

describe('an `ended` date that is not valid', () => {
    test.each([
        ['not a date', 'ended 2026-02-30 dropout', 'invalid', undefined],
        ['before the start', 'ended 2026-02-01 dropout', 'notAfterStart', '2026-02-01'],
        ['on the start', 'ended 2026-02-09 dropout', 'notAfterStart', '2026-02-09']
    ] as const)('%s: drawn with its planned period, the reason as text', async (_, ended, ignored, date) => {
        const model = await timelineOf(planWith(ended), { withOrganisations: false });
        const without = await timelineOf(planWith(''), { withOrganisations: false });
        const item = model.items.find(i => i.id === 'intervention:steunmoeder')!;
        const plain = without.items.find(i => i.id === 'intervention:steunmoeder')!;
        // VP060 reports the date; the timeline keeps the planned days (2026-02-09 for 6 months).
        expect(item.diagnostics.map(d => d.code)).toContain('VP060');
        expect({ start: item.start, end: item.end, terms: item.terms, planned: item.planned })
            .toEqual({ start: '2026-02-09', end: '2026-08-09', terms: plain.terms, planned: undefined });
        expect(item.ended).toEqual({ ...(date ? { date } : {}), reason: 'dropout', ignored });

        // A bar as if there were no `ended`, its label saying why it stopped.
        const bar = barOf(model)!;
        const plainBar = barOf(without)!;
        expect(bar).toBeDefined();
        const rects = (g: SceneGroup) => g.children.filter(c => c.type === 'rect').map(c => ({ ...c, className: undefined }));
        expect(rects(bar)).toEqual(rects(plainBar));
        expect(bar.children.some(c => c.type === 'line')).toBe(false);
        const label = bar.children.find((c): c is SceneText => c.type === 'text')!.text;
        expect(label).toContain(ignored === 'invalid' ? 'dropped out (date invalid)' : 'dropped out (date not after start)');
        const note = ignored === 'invalid' ? 'stopped (dropped out), date invalid: drawn as planned' : `stopped (dropped out) on ${date}, not after the start: drawn as planned`;
        expect(bar.title).toContain('from 2026-02-09 to 2026-08-09');
        expect(bar.title).toContain(note);

        // The table: its dates, the reason, never "no valid dates".
        const row = rowOf(model);
        expect(row.cells.slice(5, 7)).toEqual(['2026-02-09', '2026-08-09']);
        expect(row.cells[7]).toContain(note);
        expect(row.cells[7]).not.toContain('no valid dates');
        const nl = rowOf(model, 'nl').cells[7];
        expect(nl).toContain(ignored === 'invalid' ? 'gestopt (uitval), datum ongeldig: getekend zoals gepland' : `gestopt (uitval) op ${date}, niet na het begin: getekend zoals gepland`);
        expect(renderHtml(model)).toContain(note.replace(/:/g, '&#58;'));
    });

    test('without planned dates, the reason still shows', async () => {
        const model = await timelineOf(planWith('ended 2026-02-30 completed').replace('from 2026-02-09 for 6 months', 'from 2026-02-31 for 6 months'), { withOrganisations: false });
        const item = model.items.find(i => i.id === 'intervention:steunmoeder')!;
        expect([item.start, item.end, item.ended]).toEqual([undefined, undefined, { reason: 'completed', ignored: 'invalid' }]);
        expect(rowOf(model).cells[7]).toContain('stopped (completed), date invalid');
        expect(rowOf(model).cells[7]).toContain('no valid dates');
    });

    test('counted in "items lie outside the time axis" as the item without `ended` is', async () => {
        const later = (ended: string) => planWith(ended).replace('from 2026-02-09 for 6 months', 'from 2031-02-03 for 6 months');
        const plain = await timelineOf(later(''), { withOrganisations: false });
        for (const ended of ['ended 2031-02-30 dropout', 'ended 2031-01-01 dropout']) {
            const model = await timelineOf(later(ended), { withOrganisations: false });
            expect(model.outsideAxis, ended).toBe(plain.outsideAxis);
            expect(model.outsideAxis, ended).toBeGreaterThan(0);
            const item = model.items.find(i => i.id === 'intervention:steunmoeder')!;
            expect([item.start, item.end], ended).toEqual(['2031-02-03', '2031-08-03']);
        }
    });

    test('a valid `ended` is drawn as before: to its date, the planned rest faintly', async () => {
        const model = await timelineOf(specExampleV2(), { withOrganisations: false });
        const item = model.items.find(i => i.id === 'intervention:steunmoeder')!;
        expect(item.ended).toEqual({ date: '2026-04-20', reason: 'dropout' });
        expect(rowOf(model).cells[7]).toContain('stopped (dropped out): no help from 2026-04-20 on; planned to 2026-08-09 (not included)');
        expect(barOf(model)!.children.some(c => c.type === 'line' && c.className === 'vp-ended-mark')).toBe(true);
    });
});
