/** Participation checks VP090 (clients at the table), VP091 (children heard) and VP100 (informal network). */

import { describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { checkText, createTestServices, withCode } from '../helpers.js';

const services = createTestServices();

const ORGANISATIONS = `organisation zvh "ZVH" kind zvh
organisation vt "VT" kind veiligthuis
`;

const NETWORK = `    network {
        supporter oma "Oma" supports sanne, noor aware
    }`;

/** Noor is 11 at the plan start (2026 − 2015), Lisa 12, Bram 14. */
function planWith(body: string, network = NETWORK, period = 'period 2026-01-12 to 2027-01-12'): string {
    return `${ORGANISATIONS}plan p "P" {
    status active
    ${period}
    household {
        member sanne adult born 1989 roles victim
        member noor child born 2015 roles witness
        member lisa child born 2014 roles witness
        member bram child born 2012 roles witness outside
    }
${network}
${body}
}
`;
}

function lineOf(text: string, marker: string): number {
    const line = text.split('\n').findIndex(l => l.includes(marker));
    if (line < 0) throw new Error(`marker not found: ${marker}`);
    return line;
}

const WARNING = 2;
const INFO = 3;

async function diagnostics(text: string, code: string, locale?: 'en' | 'nl'): Promise<Diagnostic[]> {
    return withCode(await checkText(services, text, { locale }), code);
}

const HEARD = `    meeting 2026-01-15 "Casusoverleg" {
        chair zvh
        client sanne present
        client lisa heard
        client bram heard
    }`;

describe('VP090 clients at the table', () => {
    test('a meeting without any client is VP090 on the meeting', async () => {
        const text = planWith(`${HEARD}
    meeting 2026-02-15 "Netwerkberaad" {
        chair zvh
        participants vt
    }`);
        const found = await diagnostics(text, 'VP090');
        expect(found).toHaveLength(1);
        expect(found[0].severity).toBe(WARNING);
        expect(found[0].range.start.line).toBe(lineOf(text, 'meeting 2026-02-15'));
        expect(found[0].message).toContain("'Netwerkberaad' on 2026-02-15");
        expect(found[0].message).toContain('client <member> invited');
    });

    test('a meeting whose only client is unresolved (VP081) gets no VP090', async () => {
        const text = planWith(`${HEARD}
    meeting 2026-02-15 "Overleg" {
        client onbekend invited
    }`);
        const result = await checkText(services, text);
        expect(withCode(result, 'VP081')).toHaveLength(1);
        expect(withCode(result, 'VP090')).toEqual([]);
    });

    test('a meeting with any recorded client is fine, whatever the mode', async () => {
        const text = planWith(`${HEARD}
    meeting 2026-02-15 "Overleg" {
        client sanne informed
    }`);
        expect(await diagnostics(text, 'VP090')).toEqual([]);
    });
});

describe('VP091 children heard', () => {
    test('a child of 12 or older heard in no meeting is VP091 (info); younger children are not concerned', async () => {
        const text = planWith(`    meeting 2026-01-15 "Casusoverleg" {
        client sanne present
        client lisa invited
        client bram heard
    }`);
        const found = await diagnostics(text, 'VP091');
        expect(found).toHaveLength(1);
        expect(found[0].severity).toBe(INFO);
        expect(found[0].range.start.line).toBe(lineOf(text, 'member lisa'));
        expect(found[0].message).toContain("Child 'lisa' is 12");
        expect(found[0].message).toContain('client lisa heard');
        expect((found[0].data as { fix: unknown }).fix).toEqual({ member: 'lisa' });
    });

    test('every child from the threshold heard in some meeting is fine', async () => {
        expect(await diagnostics(planWith(HEARD), 'VP091')).toEqual([]);
    });

    test('the threshold comes from participation.hearChildrenFromAge', async () => {
        const own = createTestServices();
        const settings = own.Vplan.config.SettingsProvider;
        const original = settings.settingsFor.bind(settings);
        settings.settingsFor = uri => {
            const base = original(uri);
            return { ...base, config: { ...base.config, hearChildrenFromAge: 11 } };
        };
        const found = withCode(await checkText(own, planWith(HEARD)), 'VP091');
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain("Child 'noor' is 11");
        expect(found[0].message).toContain('children from 11 are heard');
    });

    test('an invalid plan period silences VP091', async () => {
        const text = planWith('', NETWORK, 'period 2026-02-30 to 2027-01-12');
        const result = await checkText(services, text);
        expect(withCode(result, 'VP060')).toHaveLength(1);
        expect(withCode(result, 'VP091')).toEqual([]);
    });
});

describe('VP100 informal network', () => {
    test('a plan without a network is VP100 on the plan name', async () => {
        const text = planWith(HEARD, '');
        const found = await diagnostics(text, 'VP100');
        expect(found).toHaveLength(1);
        expect(found[0].severity).toBe(WARNING);
        expect(found[0].range.start.line).toBe(lineOf(text, 'plan p'));
        expect(found[0].message).toContain('no informal network');
        expect(found[0].message).toContain('aware');
    });

    test('a network whose supporters are not aware is VP100, counting them', async () => {
        const text = planWith(HEARD, `    network {
        supporter buurvrouw "Buurvrouw" supports noor
    }`);
        const [d] = await diagnostics(text, 'VP100');
        expect(d.message).toContain("The plan's only supporter is not marked `aware`");
        const two = await diagnostics(planWith(HEARD, `    network {
        supporter buurvrouw "Buurvrouw" supports noor
        supporter oom "Oom" supports sanne
    }`), 'VP100');
        expect(two[0].message).toContain("None of the plan's 2 supporters is marked `aware`");
    });

    test('one aware supporter is enough', async () => {
        expect(await diagnostics(planWith(HEARD), 'VP100')).toEqual([]);
    });
});

test('messages are rendered in Dutch for the nl locale', async () => {
    const text = planWith(`    meeting 2026-02-15 "Overleg" {
        chair zvh
    }`, '');
    const result = await checkText(services, text, { locale: 'nl' });
    const message = (code: string) => withCode(result, code)[0]?.message ?? '';
    expect(message('VP090')).toContain('staat geen enkel gezinslid als cliënt');
    expect(message('VP091')).toContain('worden gehoord');
    expect(message('VP100')).toContain('geen informeel netwerk');
});
