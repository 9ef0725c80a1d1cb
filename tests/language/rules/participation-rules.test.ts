/**
 * Participation rules (language/rules/participation-rules.ts): VP090 (clients at the table), VP091
 * (children heard), VP092 (actions someone can keep) and VP100 (informal network).
 */

import { describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { EXAMPLE_CATALOGUE, EXAMPLE_SECTIONS, examplePlan } from '../../../language/rules/example-plan.js';
import { vp090, vp091, vp092, vp100 } from '../../../language/rules/participation-rules.js';
import { checkText, createTestServices, withCode } from '../../helpers.js';
import { checkWithConfig } from '../conformance/conformance-support.js';
import { applyFix, checkPlan, exampleCodes, expectFixed, quickFixes, replaceOnce } from './rule-test-support.js';


const WARNING = 2;
const INFO = 3;

/** 0-based line of the first line holding `needle`. */
function lineOf(text: string, needle: string): number {
    const line = text.split('\n').findIndex(l => l.includes(needle));
    if (line < 0) throw new Error(`marker not found: ${needle}`);
    return line;
}

async function diagnostics(text: string, code: string, locale?: 'en' | 'nl'): Promise<Diagnostic[]> {
    return withCode(await checkPlan(text, { locale }), code);
}

const meeting = (date: string, title: string, ...items: string[]) =>
    `    meeting ${date} "${title}" {\n${items.map(item => `        ${item}`).join('\n')}\n    }`;

/** The example household with lisa (12 at the plan start in 2026) and bram (14) besides noor (11). */
const TEENS = EXAMPLE_SECTIONS.household.replace('    }', '        member lisa child born 2014 no-action "Woont bij vader"\n' +
    '        member bram child born 2012 outside no-action "Woont op kamers"\n    }');

/** The example meeting, where sanne is present and noor heard; lisa and bram as given. */
const withTeens = (...clients: string[]) => examplePlan({
    household: TEENS,
    meetings: meeting('2026-01-15', 'Casusoverleg ZVH', 'chair zvh_zhz', 'client sanne present', 'client noor heard', ...clients)
});

describe('VP090 clients at the table', () => {
    test('a meeting without any client is VP090 on the meeting, naming its title and date', async () => {
        const text = examplePlan({ meetings: `${EXAMPLE_SECTIONS.meetings}\n\n${meeting('2026-02-15', 'Netwerkberaad', 'chair zvh_zhz', 'participants veiligthuis_zhz')}` });
        const found = await diagnostics(text, 'VP090');
        expect(found).toHaveLength(1);
        expect(found[0].severity).toBe(WARNING);
        expect(found[0].range.start.line).toBe(lineOf(text, 'meeting 2026-02-15'));
        expect(found[0].message).toBe("The meeting 'Netwerkberaad' on 2026-02-15 records no household member as a client. " +
            'Add who of the household took part and how, e.g. `client <member> invited`, `present`, `heard` or `informed`.');
    });

    /** The example plan with a second meeting. */
    const withMeeting = (...items: string[]) => examplePlan({ meetings: `${EXAMPLE_SECTIONS.meetings}\n\n${meeting('2026-02-01', 'Gesprek', ...items)}` });

    test('a meeting without a title is named by its date alone', async () => {
        const text = examplePlan({ meetings: `${EXAMPLE_SECTIONS.meetings}\n\n    meeting 2026-02-01 {\n        chair zvh_zhz\n    }` });
        const [d] = await diagnostics(text, 'VP090');
        expect(d.message).toMatch(/^The meeting on 2026-02-01 records no household member/);
    });

    test.each(['invited', 'present', 'heard', 'informed'])('a client who was %s counts', async mode => {
        expect((await checkPlan(withMeeting(`client sanne ${mode}`))).codes).toEqual([]);
    });

    test('a meeting whose only client is unresolved gets VP081 but no VP090', async () => {
        expect((await checkPlan(withMeeting('chair zvh_zhz', 'client onbekend present'))).codes).toEqual(['VP081']);
    });

    test('a meeting without its (required) braces is VP000, not VP090', async () => {
        const text = examplePlan({ extra: '    meeting 2026-02-01 "Casusoverleg"\n    evaluation 2026-03-01 "Evaluatie"' });
        const result = await checkPlan(text);
        expect(result.codes).not.toContain('VP090');
        expect(result.codes).toContain('VP000');
    });

    test('a misspelt `client` in a meeting: no VP090 and no VP091 for the client the parser dropped', async () => {
        const text = examplePlan({
            household: EXAMPLE_SECTIONS.household.replace('member noor child born 2015', 'member noor child born 2012'),
            meetings: meeting('2026-01-15', 'Casusoverleg ZVH', 'clinet noor heard')
        });
        expect((await checkPlan(text)).codes).toEqual(['VP000']);
    });

    test('without the syntax error, the same meeting is VP090 (and noor, 14, is VP091)', async () => {
        const text = examplePlan({
            household: EXAMPLE_SECTIONS.household.replace('member noor child born 2015', 'member noor child born 2012'),
            meetings: meeting('2026-01-15', 'Casusoverleg ZVH', 'chair zvh_zhz')
        });
        expect((await checkPlan(text)).codes).toEqual(['VP090', 'VP091']);
    });

    test('an unknown client mode is VP000 with the allowed values', async () => {
        const result = await checkPlan(withMeeting('client sanne gebeld'));
        expect(result.codes).toEqual(['VP000']);
        const [d] = withCode(result, 'VP000');
        for (const mode of ['invited', 'present', 'heard', 'informed']) expect(d.message).toContain(mode);
    });
});

describe('VP091 children heard', () => {
    test('a child of 12 or older heard in no meeting is VP091 (info) on the member; younger children are not concerned', async () => {
        const text = withTeens('client lisa invited', 'client bram heard');
        const result = await checkPlan(text);
        expect(result.codes).toEqual(['VP091']);
        const [d] = withCode(result, 'VP091');
        expect(d.severity).toBe(INFO);
        expect(d.range.start.line).toBe(lineOf(text, 'member lisa'));
        expect(d.message).toBe("Child 'lisa' is 12 at the plan start (2026) and children from 12 are heard, " +
            "but no meeting records 'lisa' as heard. Add `client lisa heard` to a meeting.");
    });

    test('VP091 carries no quick-fix data (it has no quick fix)', async () => {
        const [d] = await diagnostics(withTeens('client bram heard'), 'VP091');
        expect((d.data as { fix?: unknown }).fix).toBeUndefined();
    });

    test('every child from the threshold heard in some meeting is fine', async () => {
        expect(await diagnostics(withTeens('client lisa heard', 'client bram heard'), 'VP091')).toEqual([]);
    });

    test('heard in one meeting of the plan is enough', async () => {
        const text = examplePlan({
            household: TEENS,
            meetings: `${meeting('2026-01-15', 'Casusoverleg ZVH', 'client sanne present', 'client noor heard', 'client lisa present', 'client bram heard')}\n\n` +
                meeting('2026-03-01', 'Gesprek', 'client lisa heard')
        });
        expect((await checkPlan(text)).codes).toEqual([]);
    });

    test('a child of 11 is not concerned by default', async () => {
        // noor (born 2015) is 11 at the plan start
        const text = examplePlan({ meetings: EXAMPLE_SECTIONS.meetings.replace('client noor heard', 'client noor informed') });
        expect((await checkPlan(text)).codes).toEqual([]);
    });

    test('the threshold comes from participation.hearChildrenFromAge (settings of the document)', async () => {
        const own = createTestServices();
        const settings = own.Vplan.config.SettingsProvider;
        const original = settings.settingsFor.bind(settings);
        settings.settingsFor = uri => {
            const base = original(uri);
            return { ...base, config: { ...base.config, hearChildrenFromAge: 11 } };
        };
        const found = withCode(await checkText(own, [withTeens('client lisa heard', 'client bram heard').replace('client noor heard', 'client noor present'), EXAMPLE_CATALOGUE]), 'VP091');
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain("Child 'noor' is 11");
        expect(found[0].message).toContain('children from 11 are heard');
    });

    test('participation.hearChildrenFromAge from vplan.config.json sets the age: 11 and 12 around a child of 11', async () => {
        // noor (born 2015) is 11 at the plan start
        const text = examplePlan({ meetings: EXAMPLE_SECTIONS.meetings.replace('client noor heard', 'client noor informed') });
        const result = await checkWithConfig('{ "participation": { "hearChildrenFromAge": 11 } }', [text, EXAMPLE_CATALOGUE]);
        expect(result.codes).toEqual(['VP091']);
        const older = await checkWithConfig('{ "participation": { "hearChildrenFromAge": 12 } }', [text, EXAMPLE_CATALOGUE]);
        expect(older.codes).toEqual([]);
    });

    test('its severity can be raised in vplan.config.json', async () => {
        const result = await checkWithConfig('{ "rules": { "VP091": "warning" } }', [withTeens('client bram heard'), EXAMPLE_CATALOGUE]);
        expect(result.codes).toEqual(['VP091']);
        expect(result.diagnostics[0].severity).toBe(WARNING);
    });

    test('an invalid plan period silences VP091', async () => {
        const text = withTeens().replace('period 2026-01-12 to 2027-01-12', 'period 2026-02-30 to 2027-01-12');
        const result = await checkPlan(text);
        expect(withCode(result, 'VP060')).toHaveLength(1);
        expect(withCode(result, 'VP091')).toEqual([]);
    });

    test('a syntax error in a meeting silences VP091 (it may have dropped a `client ... heard`)', async () => {
        const text = withTeens('client lisa heard', 'cliet bram heard');
        const result = await checkPlan(text);
        expect(result.codes).toContain('VP000');
        expect(result.codes).not.toContain('VP091');
        expect((await checkPlan(withTeens('client lisa heard'))).codes).toEqual(['VP091']);
    });

    test('a block the parser dropped silences VP091', async () => {
        const text = withTeens('client lisa heard').replace('    network {', '    netwerk {');
        const result = await checkPlan(text);
        expect(result.codes).toContain('VP000');
        expect(result.codes).not.toContain('VP091');
    });
});

/** The example meeting of 2026-01-15 (chair zvh_zhz; participants veiligthuis_zhz, wijkteam_dordrecht, politie_zhz) with these actions. */
const withActions = (...actions: string[]) => examplePlan({
    meetings: EXAMPLE_SECTIONS.meetings.replace('        client noor heard\n', `        client noor heard\n${actions.map(a => `        ${a}\n`).join('')}`)
});
const action = (owner: string, due: string, text = 'Veiligheidsafspraken bespreken') => `action "${text}" owner ${owner} due ${due}`;

describe('VP092 actions someone can keep', () => {
    test('actions owned by the chair, a participant, a member or a supporter, due in time, are fine', async () => {
        const text = withActions(action('zvh_zhz', '2026-01-22'), action('veiligthuis_zhz', '2026-02-01'), action('mark', '2026-03-01'), action('oma', '2026-02-01'));
        expect((await checkPlan(text)).codes).toEqual([]);
    });

    test('an action due on the meeting day is fine; due the day before is VP092 on the action', async () => {
        expect((await checkPlan(withActions(action('wijkteam_dordrecht', '2026-01-15')))).codes).toEqual([]);
        const text = withActions(action('wijkteam_dordrecht', '2026-01-14'));
        const result = await checkPlan(text);
        expect(result.codes).toEqual(['VP092']);
        const [d] = withCode(result, 'VP092');
        expect(d.severity).toBe(WARNING);
        expect(d.range.start.line).toBe(lineOf(text, 'action "'));
        expect(d.message).toBe("The action 'Veiligheidsafspraken bespreken' of the meeting on 2026-01-15 is due by 2026-01-14, before the meeting that " +
            'decided it. Let it be due on 2026-01-15 or later (`due 2026-01-15`).');
    });

    test('an action due on the plan\'s last day is fine; due on its end date is VP092, naming the last day', async () => {
        expect((await checkPlan(withActions(action('wijkteam_dordrecht', '2027-01-11')))).codes).toEqual([]);
        const result = await checkPlan(withActions(action('wijkteam_dordrecht', '2027-01-12')));
        expect(result.codes).toEqual(['VP092']);
        expect(withCode(result, 'VP092')[0].message).toBe("The action 'Veiligheidsafspraken bespreken' of the meeting on 2026-01-15 is due by 2027-01-12, " +
            'but the plan period ends on 2027-01-12 (its last day is 2027-01-11): an action is due before the plan ends. Let it be due by 2027-01-11 ' +
            'at the latest (`due 2027-01-11`), or let the plan period run longer.');
    });

    test('an organisation that was not at the table may not own an action', async () => {
        const result = await checkPlan(withActions(action('ggz_zhz', '2026-01-29')));
        expect(result.codes).toEqual(['VP092']);
        expect(withCode(result, 'VP092')[0].message).toBe("The action 'Veiligheidsafspraken bespreken' of the meeting on 2026-01-15 is owned by " +
            "organisation 'ggz_zhz', which did not take part in that meeting (it is neither its `chair` nor one of its `participants`): decisions bind " +
            "those at the table. Add ggz_zhz to the meeting's `participants`, or give the action to someone at the table.");
    });

    test('a date and an owner problem of one action are one diagnostic', async () => {
        const found = withCode(await checkPlan(withActions(action('ggz_zhz', '2027-02-01'))), 'VP092');
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain('`due 2027-01-11`');
        expect(found[0].message).toContain("Its owner, organisation 'ggz_zhz', did not take part in the meeting either: add ggz_zhz to the meeting's `participants`");
    });

    test('one diagnostic per action', async () => {
        const text = withActions(action('ggz_zhz', '2026-01-29', 'Eerste'), action('wijkteam_dordrecht', '2026-01-20', 'Tweede'), action('wijkteam_dordrecht', '2026-01-01', 'Derde'));
        const found = withCode(await checkPlan(text), 'VP092');
        expect(found.map(d => d.range.start.line)).toEqual([lineOf(text, '"Eerste"'), lineOf(text, '"Derde"')]);
    });

    test('the advice works when followed literally', async () => {
        expect((await checkPlan(withActions(action('wijkteam_dordrecht', '2026-01-15')))).codes).toEqual([]);
        expect((await checkPlan(withActions(action('wijkteam_dordrecht', '2027-01-11')))).codes).toEqual([]);
        const added = withActions(action('ggz_zhz', '2026-01-29')).replace('participants veiligthuis_zhz, wijkteam_dordrecht, politie_zhz', 'participants veiligthuis_zhz, wijkteam_dordrecht, politie_zhz, ggz_zhz');
        expect((await checkPlan(added)).codes).toEqual([]);
    });

    test('the messages are rendered in Dutch', async () => {
        const [early] = await diagnostics(withActions(action('wijkteam_dordrecht', '2026-01-14')), 'VP092', 'nl');
        expect(early.message).toContain('moet klaar zijn op 2026-01-14, vóór het overleg dat erover besliste');
        const [late] = await diagnostics(withActions(action('wijkteam_dordrecht', '2027-01-12')), 'VP092', 'nl');
        expect(late.message).toContain('de planperiode eindigt op 2027-01-12 (laatste dag 2027-01-11)');
        const [owner] = await diagnostics(withActions(action('ggz_zhz', '2026-01-29')), 'VP092', 'nl');
        expect(owner.message).toContain("ligt bij organisatie 'ggz_zhz', die niet aan dat overleg meedeed");
        expect(owner.message).toContain('Voeg ggz_zhz toe aan de `participants` van het overleg');
    });

    test('cascade: an invalid plan period gives no VP092', async () => {
        const result = await checkPlan(withActions(action('ggz_zhz', '2026-01-01')).replace('period 2026-01-12 to 2027-01-12', 'period 2026-01-12 to 2027-02-30'));
        expect(result.codes).toContain('VP060');
        expect(result.codes).not.toContain('VP092');
    });

    test('cascade: an invalid due date is not judged as early or late', async () => {
        expect((await checkPlan(withActions(action('wijkteam_dordrecht', '2026-02-30')))).codes).not.toContain('VP092');
    });

    test('cascade: an action of a meeting on or after the plan\'s end date (VP061) is not also late', async () => {
        const text = examplePlan({ meetings: `${EXAMPLE_SECTIONS.meetings}\n\n${meeting('2027-01-12', 'Afsluiting', 'chair zvh_zhz', 'client sanne present', action('zvh_zhz', '2027-01-20'))}` });
        const result = await checkPlan(text);
        expect(result.codes).toContain('VP061');
        expect(result.codes).not.toContain('VP092');
    });

    test('cascade: an owner that does not resolve (VP081) is not judged', async () => {
        const result = await checkPlan(withActions(action('ggz_onbekend', '2026-01-29')));
        expect(result.codes).toEqual(['VP081']);
    });

    test('cascade: a participant that does not resolve (VP081) might be the owner: no VP092 about the owner', async () => {
        const text = withActions(action('ggz_zhz', '2026-01-29')).replace('participants veiligthuis_zhz,', 'participants ggz_zh, veiligthuis_zhz,');
        expect((await checkPlan(text)).codes).toEqual(['VP081']);
    });

    test('cascade: a syntax error inside the meeting may have dropped its participants: no VP092 about the owner', async () => {
        const text = withActions(action('ggz_zhz', '2026-01-29')).replace('participants veiligthuis_zhz', 'participant veiligthuis_zhz');
        const result = await checkPlan(text);
        expect(result.codes).toContain('VP000');
        expect(result.codes).not.toContain('VP092');
    });

    test('fix: the owner joins the meeting\'s participants (Dutch)', async () => {
        const text = withActions(action('ggz_zhz', '2026-01-29'));
        const { after, actions } = await applyFix(text, 'VP092', { locale: 'nl' });
        expect(actions).toHaveLength(1);
        expect(actions[0].title).toBe("'ggz_zhz' toevoegen aan de deelnemers van het overleg op 2026-01-15");
        expect(after).toBe(replaceOnce(text, 'participants veiligthuis_zhz, wijkteam_dordrecht, politie_zhz', 'participants veiligthuis_zhz, wijkteam_dordrecht, politie_zhz, ggz_zhz'));
        await expectFixed(text, after, 'VP092');
    });

    test('fix: a meeting without participants gets a `participants` line after its chair (English)', async () => {
        const text = withActions(action('ggz_zhz', '2026-01-29')).replace('        participants veiligthuis_zhz, wijkteam_dordrecht, politie_zhz\n', '');
        const [d] = await diagnostics(text, 'VP092');
        expect(d.message).toContain('Add `participants ggz_zhz` to the meeting, or give the action to someone at the table.');
        const { after, actions } = await applyFix(text, 'VP092', { locale: 'en' });
        expect(actions[0].title).toBe("Add 'ggz_zhz' to the participants of the meeting on 2026-01-15");
        expect(after).toBe(replaceOnce(text, '        chair zvh_zhz\n', '        chair zvh_zhz\n        participants ggz_zhz\n'));
        await expectFixed(text, after, 'VP092');
    });

    test('no fix for a date: when the action is due is for the author to say', async () => {
        expect((await quickFixes(withActions(action('wijkteam_dordrecht', '2027-01-12')), 'VP092')).actions).toEqual([]);
    });
});

describe('VP100 informal network', () => {
    test('a plan without a network is VP100 on the plan name', async () => {
        const text = examplePlan({ network: '' });
        const result = await checkPlan(text);
        expect(result.codes).toEqual(['VP100']);
        const [d] = withCode(result, 'VP100');
        expect(d.severity).toBe(WARNING);
        expect(d.range.start.line).toBe(lineOf(text, 'plan vermeer_2026'));
        expect(d.message).toBe('The plan has no informal network: no supporter knows the concerns. ' +
            'Add a `network` with at least one `supporter <name> "<title>" supports <members> aware` (Signs of Safety).');
    });

    test('a network whose supporters are not aware is VP100, counting them', async () => {
        const one = await diagnostics(examplePlan({ network: '    network {\n        supporter buurvrouw "Buurvrouw" supports noor\n    }' }), 'VP100');
        expect(one[0].message).toContain("The plan's only supporter is not marked `aware`");
        const two = await diagnostics(examplePlan({
            network: '    network {\n        supporter buurvrouw "Buurvrouw" supports noor\n        supporter oom "Oom" supports sanne\n    }'
        }), 'VP100');
        expect(two[0].message).toContain("None of the plan's 2 supporters is marked `aware`");
    });

    test('one aware supporter is enough, in any network block', async () => {
        expect((await checkPlan(examplePlan())).codes).toEqual([]);
        const twoBlocks = examplePlan({
            network: '    network {\n        supporter buur "Buurvrouw" supports noor\n    }\n\n' + EXAMPLE_SECTIONS.network
        });
        expect((await checkPlan(twoBlocks)).codes).toEqual([]);
    });

    test('a misspelt `supports`: no VP081 on the word and no VP100 for the `aware` the parser dropped', async () => {
        const text = examplePlan({ network: EXAMPLE_SECTIONS.network.replace('supports sanne, noor aware', 'support sanne, noor aware') });
        const result = await checkPlan(text);
        expect(result.codes).toContain('VP000');
        expect(result.codes.filter(c => c !== 'VP000')).toEqual([]);
    });

    test('a misspelt `network` block: no VP100 (nor anything else the dropped block could fake)', async () => {
        const text = examplePlan({ network: EXAMPLE_SECTIONS.network.replace('network {', 'netwerk {') });
        const result = await checkPlan(text);
        expect(result.codes).toContain('VP000');
        expect(result.codes.filter(c => c !== 'VP000')).toEqual([]);
    });

    test('a syntax error inside the network: no VP100 for the supporter the parser may have dropped', async () => {
        const text = examplePlan({ network: EXAMPLE_SECTIONS.network.replace('supporter oma', 'suporter oma') });
        const result = await checkPlan(text);
        expect(result.codes).toContain('VP000');
        expect(result.codes).not.toContain('VP100');
    });
});

describe('Dutch', () => {
    test('messages are rendered in Dutch for the nl locale', async () => {
        const text = examplePlan({ network: '', household: TEENS, meetings: meeting('2026-02-15', 'Overleg', 'chair zvh_zhz') });
        const result = await checkPlan(text, { locale: 'nl' });
        const message = (code: string) => withCode(result, code)[0]?.message ?? '';
        expect(message('VP090')).toBe("Bij het overleg 'Overleg' op 2026-02-15 staat geen enkel gezinslid als cliënt. " +
            'Leg vast wie van het gezin meedeed en hoe, bijvoorbeeld `client <gezinslid> invited`, `present`, `heard` of `informed`.');
        expect(message('VP091')).toBe("Kind 'lisa' is 12 bij de start van het plan (2026) en kinderen vanaf 12 worden gehoord, " +
            "maar in geen enkel overleg staat 'lisa' als gehoord. Voeg `client lisa heard` toe aan een overleg.");
        expect(message('VP100')).toContain('Het plan heeft geen informeel netwerk');
        const one = await checkPlan(examplePlan({ network: '    network {\n        supporter buurvrouw "Buurvrouw" supports noor\n    }' }), { locale: 'nl' });
        expect(withCode(one, 'VP100')[0].message).toContain('De enige steunfiguur in het plan is niet `aware`');
    });
});

describe('documentation examples', () => {
    test.each([vp090, vp091, vp092, vp100])('the example of $code gives that rule and nothing else', async rule => {
        const codes = await exampleCodes(rule);
        expect(codes.length).toBeGreaterThan(0);
        expect(new Set(codes)).toEqual(new Set([rule.code]));
    });
});
