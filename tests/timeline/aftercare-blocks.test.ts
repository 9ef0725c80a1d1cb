/**
 * A plan may hold several `aftercare` blocks (language reference, section 4): the timeline shows
 * every one, each with its checkpoints, in the drawing and in the table, and its axis runs to the
 * latest end of them all (section 8). A plan with one block draws as before (the snapshots).
 */

import { describe, expect, test } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { layoutTimeline, type SceneGroup } from '../../language/timeline/timeline-layout.js';
import { renderHtml } from '../../language/timeline/render-html.js';
import { renderSvg } from '../../language/timeline/render-svg.js';
import { buildTimelineTable } from '../../language/timeline/timeline-table.js';
import { rangeForItem } from '../../language/timeline/preview-support.js';
import { escapeMarkup } from '../../language/timeline/escape.js';
import { specExampleText, timelineOf, sceneGroups as groups, sceneTexts as texts } from './timeline-test-helpers.js';

/** The spec example's aftercare block (veiligthuis_zhz, 2027-01-12 for 18 months: to 2028-07-12). */
const FIRST_BLOCK = '    aftercare {\n        owner veiligthuis_zhz\n';

/** The spec example with another aftercare block written before its own (another owner; by default a later end). */
function twoAftercareBlocks(second = 'from 2026-12-01 for 24 months'): string {
    const text = specExampleText();
    expect(text).toContain(FIRST_BLOCK);
    return text.replace(FIRST_BLOCK, `    aftercare {
        owner wijkteam_dordrecht
        ${second}
        checkpoints 6 months, 24 months
        signal "Schoolverzuim van de kinderen"
    }

${FIRST_BLOCK}`);
}

/** The spec example with a second aftercare block after its own: another owner, and a later end. */
function firstThenSecond(): string {
    const text = specExampleText();
    const end = text.indexOf('    }\n', text.indexOf(FIRST_BLOCK)) + '    }\n'.length;
    return `${text.slice(0, end)}
    aftercare {
        owner wijkteam_dordrecht
        from 2026-12-01 for 24 months
        checkpoints 6 months, 24 months
        signal "Schoolverzuim van de kinderen"
    }
${text.slice(end)}`;
}

describe('several aftercare blocks in the timeline', () => {
    test('the model holds every block in source order, the first one also as `aftercare`', async () => {
        const model = await timelineOf(firstThenSecond(), { withOrganisations: false });
        expect(model.diagnostics.filter(d => d.severity !== 'info')).toEqual([]);
        expect(model.aftercareBlocks.map(a => [a.id, a.owner, a.start, a.end])).toEqual([
            ['aftercare', 'veiligthuis_zhz', '2027-01-12', '2028-07-12'],
            ['aftercare:1', 'wijkteam_dordrecht', '2026-12-01', '2028-12-01']
        ]);
        expect(model.aftercare).toBe(model.aftercareBlocks[0]);
        expect(model.aftercareBlocks[1].checkpoints.map(c => [c.offset, c.date])).toEqual([['6 months', '2027-06-01'], ['24 months', '2028-12-01']]);
        expect(model.aftercareBlocks[1].signals).toEqual(['Schoolverzuim van de kinderen']);
    });

    test('the axis ends at the latest end of all blocks, whichever block that is', async () => {
        // One block: to its end, as before.
        expect((await timelineOf(specExampleText(), { withOrganisations: false })).axis?.end).toBe('2028-07-12');
        // The later block written last, and written first.
        const last = await timelineOf(firstThenSecond(), { withOrganisations: false });
        expect([last.axis?.start, last.axis?.end]).toEqual(['2026-01-12', '2028-12-01']);
        expect(last.axis?.ticks.at(-1)?.date).toBe('2028-12-01');
        expect((await timelineOf(twoAftercareBlocks(), { withOrganisations: false })).axis?.end).toBe('2028-12-01');
        // A second block that ends earlier does not shorten the axis.
        const earlier = await timelineOf(twoAftercareBlocks('from 2026-12-01 for 12 months'), { withOrganisations: false });
        expect(earlier.aftercareBlocks.map(a => a.end)).toEqual(['2027-12-01', '2028-07-12']);
        expect(earlier.axis?.end).toBe('2028-07-12');
    });

    test('the drawing has a lane per block: its bar, owner, checkpoints and tooltip, each revealing its own block', async () => {
        const model = await timelineOf(firstThenSecond(), { withOrganisations: false });
        const scene = layoutTimeline(model);
        const bars = groups(scene.elements).filter(g => g.className === 'vp-item vp-aftercare');
        expect(bars.map(g => g.itemId)).toEqual(['aftercare', 'aftercare:1']);
        expect(bars.map(g => texts(g.children).map(t => t.text).join(''))).toEqual(['Aftercare · veiligthuis_zhz', 'Aftercare · wijkteam_dordrecht']);
        expect(bars[0].title).toContain('from 2027-01-12 to 2028-07-12');
        expect(bars[1].title).toContain('Aftercare (wijkteam_dordrecht)\nfrom 2026-12-01 to 2028-12-01');
        expect(bars[1].title).toContain('Schoolverzuim van de kinderen');
        expect(bars[0].range).toEqual(model.aftercareBlocks[0].range);
        expect(bars[1].range).toEqual(model.aftercareBlocks[1].range);
        // Each lane is named with its owner.
        const heads = groups(scene.elements).filter(g => g.className.startsWith('vp-lane-head') && g.itemId?.startsWith('aftercare'));
        expect(heads.map(g => [g.itemId, g.title])).toEqual([['aftercare', 'Aftercare: veiligthuis_zhz'], ['aftercare:1', 'Aftercare: wijkteam_dordrecht']]);
        // Every checkpoint of both blocks, drawn as before, with its own block to reveal.
        const checkpoints = groups(scene.elements).filter(g => g.className === 'vp-item vp-checkpoint');
        expect(checkpoints.map(g => [g.itemId, g.title])).toEqual([
            ['aftercare', 'checkpoint 3 months: 2027-04-12'],
            ['aftercare', 'checkpoint 6 months: 2027-07-12'],
            ['aftercare', 'checkpoint 12 months: 2028-01-12'],
            ['aftercare', 'checkpoint 18 months: 2028-07-12'],
            ['aftercare:1', 'checkpoint 6 months: 2027-06-01'],
            ['aftercare:1', 'checkpoint 24 months: 2028-12-01']
        ]);
        // The second lane lies below the first.
        const barY = (g: SceneGroup) => Math.min(...g.children.filter(e => e.type === 'rect').map(e => (e.type === 'rect' ? e.y : Infinity)));
        expect(barY(bars[1])).toBeGreaterThan(barY(bars[0]));
        // The webview reveals each block's own declaration.
        expect(rangeForItem(model, 'aftercare')).toEqual(model.aftercareBlocks[0].range);
        expect(rangeForItem(model, 'aftercare:1')).toEqual(model.aftercareBlocks[1].range);
        expect(rangeForItem(model, 'aftercare:1')).not.toEqual(rangeForItem(model, 'aftercare'));
        expect(rangeForItem(model, 'aftercare:2')).toBeUndefined();
    });

    test('the SVG and the HTML page show both blocks with their owners and dates', async () => {
        const model = await timelineOf(firstThenSecond(), { withOrganisations: false });
        const svg = renderSvg(model);
        expect(XMLValidator.validate(svg)).toBe(true);
        const html = renderHtml(model);
        for (const output of [svg, html]) {
            expect(output).toContain(escapeMarkup('Aftercare · veiligthuis_zhz'));
            expect(output).toContain(escapeMarkup('Aftercare · wijkteam_dordrecht'));
            expect(output).toContain(escapeMarkup('from 2026-12-01 to 2028-12-01'));
            expect(output).toContain(escapeMarkup('checkpoint 24 months: 2028-12-01'));
            expect(output).toContain(`data-item="${escapeMarkup('aftercare:1')}"`);
        }
        // The table of the page lists both blocks, each with its owner and dates.
        expect(html).toContain('<td>wijkteam_dordrecht</td><td></td><td>2026-12-01</td><td>2028-12-01</td>');
        expect(html).toContain('<td>veiligthuis_zhz</td><td></td><td>2027-01-12</td><td>2028-07-12</td>');
        // In Dutch too.
        const nl = renderHtml(model, { locale: 'nl' });
        expect(nl).toContain(escapeMarkup('Nazorg · wijkteam_dordrecht'));
        expect(nl).toContain(escapeMarkup('Nazorg · veiligthuis_zhz'));
    });

    test('the table lists every block and its checkpoints, in source order', async () => {
        const model = await timelineOf(firstThenSecond(), { withOrganisations: false });
        const rows = buildTimelineTable(model).rows.filter(r => r.itemId?.startsWith('aftercare'));
        expect(rows.map(r => [r.itemId, ...r.cells.slice(1, 7)])).toEqual([
            ['aftercare', 'aftercare', '', 'veiligthuis_zhz', '', '2027-01-12', '2028-07-12'],
            ['aftercare', 'checkpoint', '', '3 months', '', '2027-04-12', ''],
            ['aftercare', 'checkpoint', '', '6 months', '', '2027-07-12', ''],
            ['aftercare', 'checkpoint', '', '12 months', '', '2028-01-12', ''],
            ['aftercare', 'checkpoint', '', '18 months', '', '2028-07-12', ''],
            ['aftercare:1', 'aftercare', '', 'wijkteam_dordrecht', '', '2026-12-01', '2028-12-01'],
            ['aftercare:1', 'checkpoint', '', '6 months', '', '2027-06-01', ''],
            ['aftercare:1', 'checkpoint', '', '24 months', '', '2028-12-01', '']
        ]);
        expect(rows.find(r => r.itemId === 'aftercare:1')?.cells[7]).toBe('Schoolverzuim van de kinderen');
        expect(rows.find(r => r.itemId === 'aftercare:1')?.range).toEqual(model.aftercareBlocks[1].range);
    });

    test('one block keeps its id and draws one aftercare lane; none draws none', async () => {
        const one = await timelineOf(specExampleText(), { withOrganisations: false });
        expect(one.aftercareBlocks.map(a => a.id)).toEqual(['aftercare']);
        expect(groups(layoutTimeline(one).elements).filter(g => g.className === 'vp-item vp-aftercare').map(g => g.itemId)).toEqual(['aftercare']);
        const text = specExampleText();
        const start = text.indexOf(FIRST_BLOCK);
        const none = await timelineOf(text.slice(0, start) + text.slice(text.indexOf('    }\n', start) + '    }\n'.length), { withOrganisations: false });
        expect(none.aftercare).toBeUndefined();
        expect(none.aftercareBlocks).toEqual([]);
        expect(none.axis?.end).toBe('2027-01-12');
        expect(groups(layoutTimeline(none).elements).some(g => g.itemId?.startsWith('aftercare'))).toBe(false);
        expect(buildTimelineTable(none).rows.some(r => r.itemId?.startsWith('aftercare'))).toBe(false);
    });
});
