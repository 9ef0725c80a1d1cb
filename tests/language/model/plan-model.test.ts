/** The resolved plan model: default measure ends, extensions and implied regie ends. */

import { describe, expect, test } from 'vitest';
import { isPlan, type Plan } from '../../../language/generated/ast.js';
import { formatDay } from '../../../language/model/dates.js';
import { resolvePlan, type Interval } from '../../../language/model/plan-model.js';
import { checkText, createTestServices } from '../../helpers.js';

const services = createTestServices();
const organisations = 'organisation vt "VT" kind veiligthuis\norganisation wt "WT" kind wijkteam\norganisation bg "B" kind burgemeester\norganisation ggz "GGZ" kind ggz';
const show = (interval: Interval | undefined) => interval && `${formatDay(interval.start)}..${formatDay(interval.end)}`;

async function model(body: string) {
    const result = await checkText(services, [`plan p "P" { status active period 2026-01-12 to 2027-01-12 household { member a adult } ${body} }`, organisations]);
    return resolvePlan(result.document.parseResult.value.declarations.find(isPlan) as Plan);
}

describe('measures', () => {
    test('a huisverbod of 10 days extended by 18 runs 28 days', async () => {
        const plan = await model('measure hv huisverbod { on a by bg from 2026-01-12 for 10 days extend for 18 days }');
        expect(plan.measures[0].terms.map(t => show(t.interval))).toEqual(['2026-01-12..2026-01-22', '2026-01-22..2026-02-09']);
        expect(show(plan.measures[0].interval)).toBe('2026-01-12..2026-02-09');
    });

    test('a first term without an end lasts the type\'s initial, else term max, else total max, else the plan', async () => {
        const plan = await model(`
            measure hv huisverbod { on a by bg from 2026-01-12 }
            measure o ots { on a by bg from 2026-01-31 }
            measure v vrijheidsbeperking_38v { on a by bg from 2026-02-01 }
            measure s voorwaardelijk_sepot { on a by bg from 2026-03-01 }`);
        expect(plan.measures.map(m => show(m.interval))).toEqual([
            '2026-01-12..2026-01-22', '2026-01-31..2027-01-31', '2026-02-01..2031-02-01', '2026-03-01..2027-01-12'
        ]);
        expect(plan.measures.every(m => m.terms[0].defaultEnd)).toBe(true);
    });

    test('an extend to a date on or before the previous end leaves the measure without an interval', async () => {
        const plan = await model('measure hv huisverbod { on a by bg from 2026-01-12 for 10 days extend to 2026-01-22 }');
        expect(plan.measures[0].terms[1].interval).toBeUndefined();
        expect(plan.measures[0].interval).toBeUndefined();
    });
});

describe('regie', () => {
    test('an entry without an end lasts until the next later start, else to the plan end', async () => {
        const plan = await model('regie { wt from 2026-02-09 vt from 2026-01-12 }');
        expect(plan.regie.map(r => show(r.interval))).toEqual(['2026-02-09..2027-01-12', '2026-01-12..2026-02-09']);
    });

    test('entries of several blocks are read together', async () => {
        const plan = await model('regie { vt from 2026-01-12 } regie { wt from 2026-03-01 "later" }');
        expect(plan.regie.map(r => show(r.interval))).toEqual(['2026-01-12..2026-03-01', '2026-03-01..2027-01-12']);
        expect(plan.regie[1].note).toBe('later');
    });
});

describe('members and agreements', () => {
    test('ages are plan start year minus born', async () => {
        const result = await checkText(services, 'plan p "P" { period 2026-01-12 to 2027-01-12 household { member k child born 2014 } }');
        const plan = resolvePlan(result.document.parseResult.value.declarations.find(isPlan) as Plan);
        expect(plan.members[0].age).toBe(12);
    });

    test('a later duplicate takes part in nothing', async () => {
        const result = await checkText(services, 'plan p "P" { household { member a adult member a child born 2020 } }');
        const plan = resolvePlan(result.document.parseResult.value.declarations.find(isPlan) as Plan);
        expect(plan.members.map(m => m.kind)).toEqual(['adult']);
    });
});
