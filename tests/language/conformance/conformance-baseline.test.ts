/**
 * Conformance baseline: the suite's base plan and the spec's own example (section 4) are clean,
 * and single edits of the example raise exactly the rule the spec text predicts.
 */

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkText, createTestServices } from '../../helpers.js';
import { check, diags, plan } from './conformance-support.js';

const services = createTestServices();
const EXAMPLE = readFileSync(new URL('../../fixtures/spec-example.vplan', import.meta.url), 'utf8');

function edited(from: string, to: string): string {
    expect(EXAMPLE).toContain(from);
    return EXAMPLE.replace(from, to);
}

describe('conformance baseline', () => {
    test('the base plan raises no diagnostic at all', async () => {
        const result = await check(plan());
        expect(result.diagnostics.map(d => `${d.code} ${d.message}`)).toEqual([]);
    });

    test('the spec example (organisations and plan vermeer_2026) raises no diagnostic at all', async () => {
        const result = await checkText(services, EXAMPLE);
        expect(result.diagnostics.map(d => `${d.code} ${d.message}`)).toEqual([]);
    });

    test.each([
        ['the huisverbod extended one day past its 28-day total max', 'extend for 18 days', 'extend for 19 days', ['VP013', 'VP030']],
        // (the longer huisverbod also runs on 2026-02-09, when the wijkteam already holds regie)
        ['Veilig Thuis hands over a day early without the wijkteam taking over', 'to 2026-02-09 "Casemanagement', 'to 2026-02-08 "Casemanagement', ['VP011']],
        ['both regie entries start on the same day', 'wijkteam_dordrecht from 2026-02-09', 'wijkteam_dordrecht from 2026-01-12', ['VP012']],
        // (no VP013: on every huisverbod day one of the two regievoerders is Veilig Thuis)
        ['joost (16) is no longer heard', '        client joost heard\n', '', ['VP091']],
        ['the aftercare starts a day after the plan end', 'from 2027-01-12 for 18 months', 'from 2027-01-13 for 18 months', ['VP023']],
        ['the stability and safety phases swap kinds', 'phase safety from 2026-01-12', 'phase recovery from 2026-01-12', ['VP050']],
        ['oma is no longer aware', 'supports sanne, noor, daan aware', 'supports sanne, noor, daan', ['VP100']],
        ['the daderhulp loses its drang frame (voluntary, with a fallback)', 'framework drang\n', '', []],
        ['the daderhulp loses its fallback too', '        framework drang\n', '', []]
    ])('%s', async (_label, from, to, expected) => {
        const result = await checkText(services, edited(from, to));
        expect(result.codes).toEqual(expected);
    });

    test('a handover one day early, reported precisely: VP013 names 2026-02-08', async () => {
        const text = edited('to 2026-02-09 "Casemanagement', 'to 2026-02-08 "Casemanagement').replace('wijkteam_dordrecht from 2026-02-09', 'wijkteam_dordrecht from 2026-02-08');
        const result = await checkText(services, text);
        expect(result.codes).toEqual(['VP013']);
        expect(diags(result, 'VP013')[0].message).toContain('2026-02-08');
    });
});
