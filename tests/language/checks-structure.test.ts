/** Structure checks (spec section 7): VP005 (required and once-only items) and VP080 (unique names). */

import { readFileSync } from 'node:fs';
import { URI } from 'langium';
import { clearDocuments } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { loadBuiltinCatalogue } from '../../language/workspace/builtin-documents.js';
import type { VplanFile } from '../../language/generated/ast.js';
import { checkText, createTestServices, withCode } from '../helpers.js';

const services = createTestServices();

const ORGS = `organisation vt "Veilig Thuis" kind veiligthuis
organisation ggz "GGZ" kind ggz
organisation bgm "Burgemeester" kind burgemeester`;

interface Parts { head?: string; household?: string; body?: string; title?: string }

/** A complete plan; `head` replaces status and period, `body` is added before regie. */
function plan(parts: Parts = {}): string {
    return `${ORGS}

plan p ${parts.title ?? '"Plan"'} {
${parts.head ?? '    status active\n    period 2026-01-12 to 2027-01-12'}
${parts.household ?? `    household {
        member sanne adult born 1989 roles victim
        member mark adult born 1986 roles perpetrator
    }`}
    network {
        supporter oma "Oma" supports sanne aware
    }
    intervention daderhulp "Daderhulp" {
        for mark
        by ggz
        from 2026-01-20 for 6 months
        framework drang
    }
    agreement afspraak "Afspraak" {
        by mark
        protects sanne
        checked by vt
    }
${parts.body ?? ''}
    regie {
        vt from 2026-01-12
    }
    aftercare {
        owner vt
        from 2027-01-12 for 12 months
        checkpoints 12 months
    }
}
`;
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex(line => line.includes(needle));
/** 0-based line of the first line holding `needle` after the line holding `anchor`. */
const lineAfter = (text: string, anchor: string, needle: string) => {
    const start = lineOf(text, anchor);
    return start + 1 + text.split('\n').slice(start + 1).findIndex(line => line.includes(needle));
};
const block = (head: string, ...items: string[]) => `    ${head} {\n${items.map(i => `        ${i}`).join('\n')}\n    }`;

async function vp005(text: string, locale?: 'en' | 'nl') {
    const result = await checkText(services, text, { locale });
    return { result, vp005: withCode(result, 'VP005'), vp080: withCode(result, 'VP080') };
}

/** Validates several files with fixed URIs (global names are ordered by URI) and returns each file's diagnostics. */
async function checkFiles(files: Record<string, string>, locale?: 'en' | 'nl'): Promise<Record<string, Diagnostic[]>> {
    await loadBuiltinCatalogue(services.shared);
    services.Vplan.config.SettingsProvider.localeOverride = locale;
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const documents = Object.entries(files).map(([name, text]) => {
        const document = factory.fromString<VplanFile>(text, URI.parse(`file:///structure/${name}`));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    try {
        await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
        return Object.fromEntries(documents.map(d => [d.uri.path.split('/').pop()!, d.diagnostics ?? []]));
    } finally {
        await clearDocuments(services.shared, documents);
        services.Vplan.config.SettingsProvider.localeOverride = undefined;
    }
}

describe('VP005 on the plan itself', () => {
    test('the valid plan has no VP005 and no VP080', async () => {
        const { vp005: found, vp080 } = await vp005(plan());
        expect(found).toHaveLength(0);
        expect(vp080).toHaveLength(0);
    });

    test.each([
        ['status', '    period 2026-01-12 to 2027-01-12', 'status draft|active|closed'],
        ['period', '    status active', 'period YYYY-MM-DD to YYYY-MM-DD']
    ])('a missing %s is VP005 on the plan name', async (item, head, template) => {
        const text = plan({ head });
        const { vp005: found } = await vp005(text);
        expect(found).toHaveLength(1);
        expect(found[0].severity).toBe(DiagnosticSeverity.Error);
        expect(found[0].range.start.line).toBe(lineOf(text, 'plan p'));
        expect(found[0].message).toContain(`\`${item}\``);
        expect(found[0].message).toContain(template);
    });

    test('a missing household is VP005', async () => {
        const { vp005: found } = await vp005(plan({ household: '' }));
        expect(found.map(d => d.message)).toEqual([expect.stringContaining('`household`')]);
    });

    test('a household without members is VP005 on the household', async () => {
        const text = plan({ household: '    household {\n    }' });
        const { vp005: found } = await vp005(text);
        expect(found).toHaveLength(1);
        expect(found[0].range.start.line).toBe(lineOf(text, 'household {'));
        expect(found[0].message).toContain('no members');
    });

    test('a second status is VP005 on the second, naming the line of the first', async () => {
        const text = plan({ head: '    status active\n    period 2026-01-12 to 2027-01-12\n    status closed' });
        const { vp005: found } = await vp005(text);
        expect(found).toHaveLength(1);
        expect(found[0].range.start.line).toBe(lineOf(text, 'status closed'));
        expect(found[0].message).toContain(`line ${lineOf(text, 'status active') + 1}`);
    });

    test('a second household or period is VP005', async () => {
        const text = plan({ head: '    status active\n    period 2026-01-12 to 2027-01-12\n    period 2026-01-12 to 2027-06-12\n    household {\n        member x adult no-action "n.v.t."\n    }' });
        const { vp005: found } = await vp005(text);
        expect(found.map(d => d.range.start.line).sort()).toEqual([lineOf(text, '2027-06-12'), lineOf(text, 'member sanne') - 1].sort());
    });

    test('a plan period with only a start is VP005 with a suggested end one year on', async () => {
        const text = plan({ head: '    status active\n    period 2026-01-31' });
        const { vp005: found } = await vp005(text);
        expect(found).toHaveLength(1);
        expect(found[0].range.start.line).toBe(lineOf(text, 'period 2026-01-31'));
        expect(found[0].message).toContain('2026-01-31');
        expect(found[0].message).toContain('to 2027-01-31');
        expect(found[0].message).toContain('for 12 months');
        expect((found[0].data as { fix?: unknown }).fix).toEqual({ start: '2026-01-31', suggestedEnd: '2027-01-31' });
    });

    test('a plan without a title is VP005', async () => {
        const { vp005: found } = await vp005(plan({ title: '' }));
        expect(found.map(d => d.message)).toEqual([expect.stringContaining('no title')]);
    });

    test('repeatable sections (network, regie, several measures, meetings) are fine', async () => {
        const body = `    network {\n        supporter buur "Buurvrouw" supports sanne\n    }\n    regie {\n    }\n    evaluation 2026-04-01\n    evaluation 2026-07-01 "Tweede evaluatie"`;
        const { vp005: found } = await vp005(plan({ body }));
        expect(found).toHaveLength(0);
    });
});

describe('VP005 on members, supporters, phases', () => {
    test('a child without a birth year is VP005 on the member', async () => {
        const text = plan({ household: '    household {\n        member sanne adult roles victim\n        member noor child roles witness\n        member mark adult roles perpetrator\n    }' });
        const { vp005: found } = await vp005(text);
        expect(found).toHaveLength(1);
        expect(found[0].range.start.line).toBe(lineOf(text, 'member noor'));
        expect(found[0].message).toContain('born YYYY');
    });

    test('an adult without a birth year is fine', async () => {
        const { vp005: found } = await vp005(plan({ household: '    household {\n        member sanne adult roles victim\n        member mark adult roles perpetrator\n    }' }));
        expect(found).toHaveLength(0);
    });

    test('a supporter without a title is VP005', async () => {
        const text = plan({ body: '    network {\n        supporter buur supports sanne\n    }' });
        const { vp005: found } = await vp005(text);
        expect(found).toHaveLength(1);
        expect(found[0].range.start.line).toBe(lineOf(text, 'supporter buur'));
    });

    test('a phase with only a start is VP005; with an end it is fine', async () => {
        const text = plan({ body: '    phase safety from 2026-01-12 to 2026-03-01\n    phase stability from 2026-03-01' });
        const { vp005: found } = await vp005(text);
        expect(found).toHaveLength(1);
        expect(found[0].range.start.line).toBe(lineOf(text, 'phase stability'));
        expect(found[0].message).toContain('2026-03-01');
        expect(found[0].message).toContain('to 2026-04-01');
    });
});

describe('VP005 in risks, measures, interventions, agreements, aftercare, meetings', () => {
    test('a risk without its four items gets four VP005 on its name', async () => {
        const text = plan({ body: '    risk r "Risico" {\n        posed by mark\n    }' });
        const { vp005: found } = await vp005(text);
        expect(found).toHaveLength(4);
        expect(found.every(d => d.range.start.line === lineOf(text, 'risk r'))).toBe(true);
        for (const item of ['severity', 'nature', 'domain', 'affects']) {
            expect(found.some(d => String(d.message).includes(`\`${item}\``))).toBe(true);
        }
    });

    test('a risk with a title and all items is fine; `posed by` twice is VP005', async () => {
        const text = plan({ body: block('risk r "Risico"', 'severity high', 'nature dynamic', 'domain safety', 'affects household', 'posed by mark', 'posed by sanne') });
        const { vp005: found } = await vp005(text);
        expect(found).toHaveLength(1);
        expect(found[0].range.start.line).toBe(lineOf(text, 'posed by sanne'));
    });

    test('a risk without a title is VP005', async () => {
        const { vp005: found } = await vp005(plan({ body: block('risk r', 'severity high', 'nature dynamic', 'domain safety', 'affects sanne') }));
        expect(found.map(d => d.message)).toEqual([expect.stringContaining('no title')]);
    });

    test('a measure without on, by and from gets three VP005', async () => {
        const text = plan({ body: block('measure hv huisverbod', 'protects sanne') });
        const { vp005: found } = await vp005(text);
        expect(found.map(d => String(d.message).match(/`([a-z ]+)`/)?.[1]).sort()).toEqual(['by', 'from', 'on']);
        expect(found.every(d => d.range.start.line === lineOf(text, 'measure hv'))).toBe(true);
    });

    test('a measure may repeat `extend` and omit the end of its first term, but not repeat `by`', async () => {
        const ok = await vp005(plan({ body: block('measure hv huisverbod', 'on mark', 'protects sanne', 'by bgm', 'from 2026-01-12', 'extend for 8 days', 'extend for 10 days') }));
        expect(ok.vp005).toHaveLength(0);
        const text = plan({ body: block('measure hv huisverbod', 'on mark', 'by bgm', 'by ggz', 'from 2026-01-12 for 10 days') });
        const twice = await vp005(text);
        expect(twice.vp005).toHaveLength(1);
        expect(twice.vp005[0].range.start.line).toBe(lineAfter(text, 'measure hv', 'by ggz'));
    });

    test('an intervention needs for, by and a period with an end', async () => {
        const text = plan({ body: block('intervention h "Hulp"', 'from 2026-02-01') });
        const { vp005: found } = await vp005(text);
        expect(found).toHaveLength(3);
        expect(found.filter(d => d.range.start.line === lineOf(text, 'intervention h'))).toHaveLength(2);
        const noEnd = found.find(d => d.range.start.line === lineOf(text, 'from 2026-02-01'));
        expect(noEnd?.message).toContain('no end');
    });

    test('an intervention with framework twice is VP005; without a title too', async () => {
        const text = plan({ body: block('intervention h', 'for sanne', 'by ggz', 'from 2026-02-01 for 3 months', 'framework voluntary', 'framework drang') });
        const { vp005: found } = await vp005(text);
        expect(found).toHaveLength(2);
        expect(found.some(d => String(d.message).includes('no title'))).toBe(true);
        expect(found.some(d => d.range.start.line === lineAfter(text, 'intervention h', 'framework drang'))).toBe(true);
    });

    test('an agreement needs by, protects and checked by; `from` alone lacks its end', async () => {
        const text = plan({ body: block('agreement a2 "Afspraak 2"', 'from 2026-02-01') });
        const { vp005: found } = await vp005(text);
        expect(found).toHaveLength(4);
        for (const item of ['by', 'protects', 'checked by']) {
            expect(found.some(d => String(d.message).includes(`no \`${item}\``) && d.range.start.line === lineOf(text, 'agreement a2'))).toBe(true);
        }
        expect(found.some(d => String(d.message).includes('no end') && d.range.start.line === lineAfter(text, 'agreement a2', 'from 2026-02-01'))).toBe(true);
    });

    test('an agreement without a period is fine (it holds for the whole plan)', async () => {
        const { vp005: found } = await vp005(plan({ body: block('agreement a2 "Afspraak 2"', 'by oma', 'protects sanne', 'checked by oma') }));
        expect(found).toHaveLength(0);
    });

    test('aftercare: signals repeat, owner twice is VP005, a missing owner is not VP005', async () => {
        const text = plan({ body: block('aftercare', 'owner vt', 'owner ggz', 'from 2027-01-12 for 12 months', 'checkpoints 6 months', 'signal "a"', 'signal "b"', 'escalate "x"', 'escalate "y"') });
        const { vp005: found } = await vp005(text);
        expect(found.map(d => d.range.start.line).sort()).toEqual([lineOf(text, 'owner ggz'), lineOf(text, 'escalate "y"')].sort());
        const missing = await vp005(plan({ body: block('aftercare', 'from 2027-01-12 for 12 months', 'checkpoints 6 months') }));
        expect(missing.vp005).toHaveLength(0);
    });

    test('a meeting needs a title; clients repeat, chair does not', async () => {
        const text = plan({ body: block('meeting 2026-02-01', 'chair vt', 'chair ggz', 'client sanne present', 'client mark invited') });
        const { vp005: found } = await vp005(text);
        expect(found).toHaveLength(2);
        expect(found.some(d => String(d.message).includes('no title') && d.range.start.line === lineOf(text, 'meeting 2026-02-01'))).toBe(true);
        expect(found.some(d => d.range.start.line === lineOf(text, 'chair ggz'))).toBe(true);
    });
});

describe('VP005 and syntax errors', () => {
    test('a risk whose item does not parse gets VP000, not a VP005 for the item the parser dropped', async () => {
        const text = plan({ body: block('risk r "Risico"', 'severity', 'nature dynamic', 'domain safety', 'affects sanne') });
        const { vp005: found, result } = await vp005(text);
        expect(result.codes).toContain('VP000');
        expect(found).toHaveLength(0);
    });

    test('a typo elsewhere in the plan does not hide a missing status', async () => {
        const text = plan({ head: '    period 2026-01-12 to 2027-01-12', body: block('risk r "Risico"', 'severity', 'nature dynamic', 'domain safety', 'affects sanne') });
        const { vp005: found } = await vp005(text);
        expect(found.map(d => String(d.message))).toEqual([expect.stringContaining('`status`')]);
    });
});

describe('VP005 on organisations and measure types', () => {
    test('an organisation without a kind or a title is VP005', async () => {
        const text = 'organisation a "A"\norganisation b kind wijkteam';
        const { vp005: found } = await vp005(text);
        expect(found).toHaveLength(2);
        expect(found.find(d => d.range.start.line === 0)?.message).toContain('`kind`');
        expect(found.find(d => d.range.start.line === 1)?.message).toContain('no title');
    });

    test('a measure type needs a mode and a title; other items appear at most once', async () => {
        const text = 'measure type regionale_drang {\n    basis "x"\n    basis "y"\n}';
        const { vp005: found } = await vp005(text);
        expect(found).toHaveLength(3);
        expect(found.some(d => String(d.message).includes('`mode`'))).toBe(true);
        expect(found.some(d => String(d.message).includes('no title'))).toBe(true);
        expect(found.some(d => d.range.start.line === 2)).toBe(true);
    });

    test('a complete measure type is fine', async () => {
        const { vp005: found } = await vp005('measure type regionale_drang "Regionale drang" {\n    mode drang\n    total max 6 months\n}');
        expect(found).toHaveLength(0);
    });
});

describe('VP080 unique names', () => {
    test('a plan-level name used twice is VP080 on the later one, naming the line of the first', async () => {
        const text = plan({ body: block('risk sanne "Risico"', 'severity high', 'nature static', 'domain safety', 'affects household') });
        const { vp080 } = await vp005(text);
        expect(vp080).toHaveLength(1);
        expect(vp080[0].severity).toBe(DiagnosticSeverity.Error);
        expect(vp080[0].range.start.line).toBe(lineOf(text, 'risk sanne'));
        expect(vp080[0].message).toContain("'sanne'");
        expect(vp080[0].message).toContain(`line ${lineOf(text, 'member sanne') + 1}`);
        expect(vp080[0].message).toContain('member');
    });

    test('a duplicate takes part in no other check: a duplicate measure missing its items gets only VP080', async () => {
        const body = block('measure hv huisverbod', 'on mark', 'protects sanne', 'by bgm', 'from 2026-01-12 for 10 days') + '\n' + block('measure hv ots', 'protects sanne');
        const { vp005: found, vp080 } = await vp005(plan({ body }));
        expect(vp080).toHaveLength(1);
        expect(found).toHaveLength(0);
    });

    test('a member may share its name with an organisation: the namespaces differ', async () => {
        const text = plan({ household: '    household {\n        member vt adult roles victim\n        member sanne adult roles victim\n        member mark adult roles perpetrator\n    }' });
        const { vp080 } = await vp005(text);
        expect(vp080).toHaveLength(0);
    });

    test('two organisations with one name in one file: VP080 on the second, and no VP005 for it', async () => {
        const text = 'organisation vt "Veilig Thuis" kind veiligthuis\norganisation vt';
        const { vp080, vp005: found } = await vp005(text);
        expect(vp080).toHaveLength(1);
        expect(vp080[0].range.start.line).toBe(1);
        expect(vp080[0].message).toContain('line 1');
        expect(found).toHaveLength(0);
    });

    test('a measure type named like a built-in one is VP080 citing the built-in catalogue', async () => {
        const { vp080 } = await vp005('measure type huisverbod "Mijn huisverbod" {\n    mode dwang\n}');
        expect(vp080).toHaveLength(1);
        expect(vp080[0].message).toContain('built-in catalogue');
    });

    test('across files the later file (by name) gets VP080 with the first file and line', async () => {
        const result = await checkFiles({
            'a-catalogue.vplan': '// regional catalogue\norganisation vt "Veilig Thuis" kind veiligthuis',
            'b-other.vplan': 'organisation vt "Veilig Thuis bis" kind veiligthuis\nplan vt "Plan" {\n}'
        });
        expect(result['a-catalogue.vplan'].filter(d => d.code === 'VP080')).toHaveLength(0);
        const later = result['b-other.vplan'].filter(d => d.code === 'VP080');
        expect(later.map(d => d.range.start.line)).toEqual([0, 1]);
        expect(later[0].message).toContain('a-catalogue.vplan, line 2');
        // The duplicate plan takes part in no plan check.
        expect(result['b-other.vplan'].filter(d => ['VP005', 'VP010', 'VP020'].includes(String(d.code)))).toHaveLength(0);
    });
});

describe('the spec example and Dutch', () => {
    test('the spec example has no VP005 and no VP080', async () => {
        const text = readFileSync(new URL('../fixtures/spec-example.vplan', import.meta.url), 'utf8');
        const { vp005: found, vp080 } = await vp005(text);
        expect(found).toHaveLength(0);
        expect(vp080).toHaveLength(0);
    });

    test('messages are rendered in Dutch', async () => {
        const text = plan({ head: '    period 2026-01-12 to 2027-01-12', body: block('risk sanne "R"', 'severity high', 'nature static', 'domain safety', 'affects household') });
        const { vp005: found, vp080 } = await vp005(text, 'nl');
        expect(found[0].message).toContain("Plan 'p' heeft geen `status`, dat is verplicht");
        expect(vp080[0].message).toContain("De naam 'sanne' is al in gebruik (gezinslid, gedeclareerd op regel");
        const files = await checkFiles({ 'a.vplan': 'measure type ots "OTS" {\n    mode dwang\n}' }, 'nl');
        expect(files['a.vplan'].find(d => d.code === 'VP080')?.message).toContain('in de ingebouwde catalogus');
    });
});
