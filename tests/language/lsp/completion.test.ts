/**
 * Completion: value words (IDs in the grammar) come from the vocabulary, names from the scope,
 * measure types with their limits, and the snippets (language/lsp/vplan-snippets.ts): offered where
 * their construct is valid, in the locale in use, never twice, and each expands to valid vplan.
 */

import { beforeAll, describe, expect, test } from 'vitest';
import { URI } from 'langium';
import { clearDocuments, expectCompletion } from 'langium/test';
import type { CompletionItem } from 'vscode-languageserver';
import { CompletionItemKind, CompletionTriggerKind, InsertTextFormat } from 'vscode-languageserver';
import { checkText, createTestServices } from '../../helpers.js';
import { SNIPPETS, expandSnippet, renderSnippet, type SnippetSpec } from '../../../language/lsp/vplan-snippets.js';
import { dateProposals, mayExpectNameOrValue } from '../../../language/lsp/vplan-completion.js';
import { parseDate } from '../../../language/model/dates.js';
import { loadBuiltinCatalogue } from '../../../language/workspace/builtin-documents.js';
import { ROLES, MEMBER_KINDS, DURATION_UNITS, ORGANISATION_KINDS, SEVERITIES, FRAMEWORKS, CLIENT_MODES } from '../../../language/model/vocabulary.js';

const services = createTestServices();
const completion = expectCompletion(services.Vplan);

beforeAll(async () => {
    await loadBuiltinCatalogue(services.shared);
});

const ORGS = `organisation vt "Veilig Thuis" kind veiligthuis
organisation wt "Wijkteam" kind wijkteam
`;

function plan(body: string): string {
    return `${ORGS}plan p {
    period 2026-01-12 to 2027-01-12
    household {
        member anna adult born 1990 roles victim
        member bram adult born 1988 roles perpetrator
    }
    network {
        supporter oma supports anna
    }
${body}
}`;
}

async function labelsAt(text: string): Promise<string[]> {
    let labels: string[] = [];
    await completion({ text, index: 0, disposeAfterCheck: true, assert: list => { labels = list.items.map(i => i.label); } });
    return labels;
}

async function itemsAt(text: string): Promise<CompletionItem[]> {
    let items: CompletionItem[] = [];
    await completion({ text, index: 0, disposeAfterCheck: true, assert: list => { items = list.items; } });
    return items;
}

describe('value words', () => {
    test('roles after `roles`', async () => {
        const labels = await labelsAt(`plan p { household { member anna adult roles <|> } }`);
        expect(labels).toEqual(expect.arrayContaining([...ROLES]));
    });
    test('member kinds after a member name', async () => {
        const labels = await labelsAt(`plan p { household { member anna <|> } }`);
        expect(labels).toEqual(expect.arrayContaining([...MEMBER_KINDS]));
        expect(labels).not.toContain('victim');
    });
    test('duration units after a number', async () => {
        const labels = await labelsAt(`plan p { period 2026-01-01 for 10 <|> }`);
        expect(labels).toEqual(expect.arrayContaining([...DURATION_UNITS]));
    });
    test('organisation kinds after `kind`', async () => {
        const labels = await labelsAt(`organisation x kind <|>`);
        expect(labels).toEqual(expect.arrayContaining([...ORGANISATION_KINDS]));
    });
    test('severities, frameworks and client modes', async () => {
        expect(await labelsAt(plan(`risk r { severity <|> }`))).toEqual(expect.arrayContaining([...SEVERITIES]));
        expect(await labelsAt(plan(`intervention i { framework <|> }`))).toEqual(expect.arrayContaining([...FRAMEWORKS]));
        expect(await labelsAt(plan(`meeting 2026-02-01 { client anna <|> }`))).toEqual(expect.arrayContaining([...CLIENT_MODES]));
    });
    test('statuses, phase kinds, natures, domains, subjects and modes', async () => {
        expect(await labelsAt(`plan p { status <|> }`)).toEqual(expect.arrayContaining(['draft', 'active', 'closed']));
        expect(await labelsAt(`plan p { phase <|> }`)).toEqual(expect.arrayContaining(['safety', 'stability', 'recovery']));
        expect(await labelsAt(plan(`risk r { nature <|> }`))).toEqual(expect.arrayContaining(['static', 'dynamic']));
        expect(await labelsAt(plan(`risk r { domain <|> }`))).toEqual(expect.arrayContaining(['housing', 'safety']));
        expect(await labelsAt(`measure type t { subject <|> }`)).toEqual(expect.arrayContaining(['adult', 'minor', 'any']));
        expect(await labelsAt(`measure type t { mode <|> }`)).toEqual(expect.arrayContaining(['dwang', 'drang']));
    });
    test('a value word is completed from its prefix', async () => {
        const items = await itemsAt(`plan p { household { member anna adult roles vic<|> } }`);
        const victim = items.find(i => i.label === 'victim');
        expect(victim?.kind).toBe(CompletionItemKind.EnumMember);
    });
});

describe('names from the scope', () => {
    test('members after `for`, `on`, `protects`, `affects`, `posed by`, `client`', async () => {
        for (const body of [
            'intervention i { for <|> }', 'measure m huisverbod { on <|> }', 'measure m huisverbod { protects <|> }',
            'risk r { affects <|> }', 'risk r { posed by <|> }', 'meeting 2026-02-01 { client <|> }'
        ]) {
            const labels = await labelsAt(plan(body));
            expect(labels, body).toEqual(expect.arrayContaining(['anna', 'bram']));
            expect(labels, body).not.toContain('vt');
        }
    });
    test('members after `supports`', async () => {
        const labels = await labelsAt(plan('network { supporter buur supports <|> }'));
        expect(labels).toEqual(expect.arrayContaining(['anna', 'bram']));
    });
    test('organisations after `by`, `owner`, `chair`, `participants`, `checked by` and in regie', async () => {
        for (const body of [
            'measure m huisverbod { by <|> }', 'aftercare { owner <|> }', 'meeting 2026-02-01 { chair <|> }',
            'meeting 2026-02-01 { participants <|> }', 'agreement a { checked by <|> }', 'regie { <|> }'
        ]) {
            const labels = await labelsAt(plan(body));
            expect(labels, body).toEqual(expect.arrayContaining(['vt', 'wt']));
            expect(labels, body).not.toContain('anna');
        }
    });
    test('members and supporters after an agreement\'s `by`; risks after `addresses`', async () => {
        expect(await labelsAt(plan('agreement a { by <|> }'))).toEqual(expect.arrayContaining(['anna', 'bram', 'oma']));
        expect(await labelsAt(plan('risk gevaar { severity high }\nintervention i { addresses <|> }'))).toContain('gevaar');
    });
    test('measure types after `measure NAME`, with title and limits', async () => {
        const items = await itemsAt(plan('measure hv <|>'));
        const huisverbod = items.find(i => i.label === 'huisverbod');
        expect(huisverbod).toBeDefined();
        expect(huisverbod!.detail).toContain('Tijdelijk huisverbod');
        expect(huisverbod!.detail).toContain('28 days');
        expect(JSON.stringify(huisverbod!.documentation)).toContain('Wet tijdelijk huisverbod');
        expect(items.map(i => i.label)).toContain('ots');
        expect(items.map(i => i.label)).not.toContain('anna');
    });
});

describe('keywords and snippets', () => {
    test('plan items are proposed inside a plan', async () => {
        const labels = await labelsAt(plan('<|>'));
        expect(labels).toEqual(expect.arrayContaining(['measure', 'intervention', 'agreement', 'regie', 'aftercare', 'risk', 'status']));
        expect(await labelsAt(`plan p {\n    <|>\n}`)).toEqual(expect.arrayContaining(['period', 'household', 'network', 'status']));
    });
    test('an item a plan holds only once is not offered again (VP005)', async () => {
        const labels = await labelsAt(plan('<|>'));
        expect(labels).not.toContain('period');
        expect(labels).not.toContain('household');
        expect(labels).toContain('network');
    });
    test('a plan skeleton at the top level', async () => {
        const items = await itemsAt(`<|>`);
        const skeleton = items.find(i => i.label === 'plan' && i.kind === CompletionItemKind.Snippet);
        expect(skeleton?.insertTextFormat).toBe(InsertTextFormat.Snippet);
        const text = skeleton?.textEdit?.newText ?? '';
        expect(text).toContain('household {');
        expect(text).toContain('regie {');
        expect(text).toContain('aftercare {');
    });
    test('measure and intervention snippets inside a plan', async () => {
        const items = await itemsAt(plan('<|>'));
        const snippets = items.filter(i => i.kind === CompletionItemKind.Snippet).map(i => i.label);
        expect(snippets).toEqual(expect.arrayContaining(['measure', 'intervention']));
        expect(snippets).not.toContain('plan');
    });
});

/** The snippets of a completion list, by label. */
async function snippetsAt(text: string): Promise<string[]> {
    return (await itemsAt(text)).filter(i => i.kind === CompletionItemKind.Snippet).map(i => i.label).sort();
}

describe('snippets: one source, offered where the construct is valid, never twice', () => {
    const PLAN_LEVEL = ['aftercare', 'agreement', 'evaluation', 'household', 'incident', 'intervention', 'measure', 'meeting', 'network', 'phase', 'regie', 'risk'];

    test('every snippet is declared once, for a keyword of its own grammar rule', () => {
        const keys = SNIPPETS.map(s => `${s.rule}.${s.keyword}`);
        expect(new Set(keys).size).toBe(keys.length);
        expect(new Set(SNIPPETS.map(s => s.label)).size).toBe(SNIPPETS.length);
        const rules = new Set(services.Vplan.Grammar.rules.map(rule => rule.name));
        for (const snippet of SNIPPETS) expect(rules.has(snippet.rule), snippet.rule).toBe(true);
    });

    test('no completion list holds a label twice', async () => {
        for (const text of [
            '<|>', plan('<|>'), plan('m<|>'), `plan p { household { <|> } }`, plan('measure m huisverbod { <|> }'),
            plan('measure m huisverbod { on <|> }'), plan('network { <|> }'), plan('meeting 2026-02-01 { <|> }'), `measure type t { <|> }`
        ]) {
            const labels = await labelsAt(text);
            const twice = labels.filter((label, index) => labels.indexOf(label) !== index);
            expect(twice, text).toEqual([]);
        }
    });

    test('a snippet takes the place of its keyword: `measure` is offered once, as the snippet', async () => {
        const measures = (await itemsAt(plan('<|>'))).filter(i => i.label === 'measure');
        expect(measures.map(i => i.kind)).toEqual([CompletionItemKind.Snippet]);
    });

    test('top-level declarations at the top level only', async () => {
        expect(await snippetsAt('<|>')).toEqual(['measure type', 'organisation', 'plan']);
        expect(await snippetsAt(`organisation vt "Veilig Thuis" kind veiligthuis\n<|>`)).toEqual(['measure type', 'organisation', 'plan']);
    });

    test('plan items inside a plan\'s braces, and nothing of the top level', async () => {
        // plan() already has its household: a plan holds it only once (VP005).
        expect(await snippetsAt(plan('<|>'))).toEqual(PLAN_LEVEL.filter(label => label !== 'household'));
        expect(await snippetsAt(`plan p {\n    <|>\n}`)).toEqual(PLAN_LEVEL);
    });

    test('members only inside `household {`, supporters only inside `network {`, actions only inside a meeting', async () => {
        expect(await snippetsAt(`plan p { household { <|> } }`)).toEqual(['member']);
        expect(await snippetsAt(plan('network { <|> }'))).toEqual(['supporter']);
        expect(await snippetsAt(plan('meeting 2026-02-01 { <|> }'))).toEqual(['action']);
        expect(await snippetsAt(plan('<|>'))).not.toContain('member');
        expect(await snippetsAt('<|>')).not.toContain('member');
    });

    test('nothing after a keyword that expects a name or a value', async () => {
        for (const body of [
            'measure m huisverbod { on <|> }', 'measure m huisverbod { by <|> }', 'intervention i { for <|> }',
            'agreement a { protects <|> }', 'measure <|>', 'phase <|>', 'status <|>', 'risk r { severity <|> }'
        ]) {
            expect(await snippetsAt(plan(body)), body).toEqual([]);
        }
        expect(await snippetsAt('plan <|>')).toEqual([]);
        // Inside a block of items without snippets: its keywords only.
        expect(await snippetsAt(plan('measure m huisverbod { <|> }'))).toEqual([]);
    });

    test('a snippet is found by its Dutch name too', async () => {
        const items = await itemsAt(plan('maat<|>'));
        const measure = items.find(i => i.label === 'measure' && i.kind === CompletionItemKind.Snippet);
        expect(measure?.filterText).toContain('maatregel');
        expect(measure?.textEdit?.newText).toMatch(/^measure \$\{1:/);
    });

    test('names, descriptions and placeholders in the locale in use; the plan text stays in the language', async () => {
        const settings = services.Vplan.config.SettingsProvider;
        settings.localeOverride = 'nl';
        try {
            const items = await itemsAt(plan('<|>'));
            const measure = items.find(i => i.label === 'measure' && i.kind === CompletionItemKind.Snippet)!;
            expect(measure.detail).toBe('Nieuwe maatregel');
            expect(measure.labelDetails?.description).toBe('Nieuwe maatregel');
            expect(JSON.stringify(measure.documentation)).toContain('dwang- of drangmaatregel');
            expect(measure.textEdit?.newText).toContain('on ${3:gezinslid}');
            const household = await itemsAt(`plan p { household { <|> } }`);
            expect(household.find(i => i.label === 'member')?.detail).toBe('Nieuw gezinslid');
            expect((await itemsAt('<|>')).find(i => i.label === 'plan')?.detail).toBe('Nieuw plan (skelet)');
            const keyword = (await itemsAt(plan('measure m huisverbod { <|> }'))).find(i => i.label === 'on');
            expect(keyword?.detail).toBe('Trefwoord');
            const roles = (await itemsAt(`plan p { household { member anna adult roles <|> } }`)).find(i => i.label === 'victim');
            expect(roles?.detail).toBe('rol');
        } finally {
            settings.localeOverride = undefined;
        }
        const english = (await itemsAt(plan('<|>'))).find(i => i.label === 'measure' && i.kind === CompletionItemKind.Snippet)!;
        expect(english.detail).toBe('New measure');
    });
});

describe('every snippet expands to valid vplan where it is offered', () => {
    const organisations = ['organisation_name', 'next_organisation', 'organisatie', 'volgende_organisatie']
        .map(name => `organisation ${name} "${name}" kind wijkteam`).join('\n');
    const MEMBERS = ['member_name', 'other_member', 'gezinslid', 'ander_gezinslid']
        .map((name, index) => `member ${name} ${index % 2 === 0 ? 'adult' : 'child'} born ${index % 2 === 0 ? 1990 : 2016} roles ${index % 2 === 0 ? 'victim' : 'witness'}`);
    const RISKS = 'risk risk_name "R" {\n        severity high\n        nature dynamic\n        domain safety\n        affects member_name\n    }';

    /** A valid plan around the expanded snippet, placed where the snippet is offered. */
    function placed(snippet: SnippetSpec, expanded: string): string {
        const indent = (text: string, prefix: string) => text.split('\n').map(line => (line ? prefix + line : line)).join('\n');
        if (['Plan', 'Organisation', 'MeasureType'].includes(snippet.rule)) return expanded;
        const members = MEMBERS.map(m => `        ${m}`).join('\n');
        const household = snippet.rule === 'Member' ? `    household {\n${members}\n${indent(expanded.replace('member_name', 'new_member').replace(/member gezinslid/, 'member nieuw'), '        ')}\n    }` : snippet.rule === 'Household' ? '' : `    household {\n${members}\n    }`;
        const network = snippet.rule === 'Supporter' ? `    network {\n${indent(expanded, '        ')}\n    }` : '';
        const meeting = snippet.rule === 'ActionItem' ? `    meeting 2026-03-02 "M" {\n${indent(expanded, '        ')}\n    }` : '';
        const item = ['Member', 'Supporter', 'ActionItem'].includes(snippet.rule) ? '' : indent(snippet.rule === 'Household' ? expanded.replace('member_name', 'member_name') : expanded, '    ');
        return `plan p "P" {\n    status draft\n    period 2026-03-02 for 1 year\n${household}\n${snippet.rule === 'Household' ? '' : `    ${RISKS}`}\n${network}\n${meeting}\n${item}\n}`;
    }

    for (const locale of ['en', 'nl'] as const) {
        test(`in ${locale === 'en' ? 'English' : 'Dutch'}: no syntax error, and the plan skeleton has no missing item`, async () => {
            for (const snippet of SNIPPETS) {
                const expanded = expandSnippet(renderSnippet(snippet, locale, parseDate('2026-03-02')!).text);
                const text = placed(snippet, expanded);
                const { diagnostics } = await checkText(services, [text, organisations]);
                const blocking = diagnostics.filter(d => String(d.code) === 'VP000' || String(d.code) === 'VP081' || d.code === undefined
                    || (snippet.id === 'plan' && String(d.code) === 'VP005'));
                expect(blocking.map(d => `${d.code} ${d.message}`), `${snippet.id}:\n${text}`).toEqual([]);
            }
        });
    }

    test('the plan skeleton has every usual section', () => {
        const skeleton = expandSnippet(renderSnippet(SNIPPETS.find(s => s.id === 'plan')!, 'en', parseDate('2026-03-02')!).text);
        for (const section of ['status', 'period', 'household', 'network', 'risk', 'phase', 'regie', 'aftercare', 'evaluation']) {
            expect(skeleton).toMatch(new RegExp(`^    ${section}\\b`, 'm'));
        }
        expect(skeleton).toContain('period 2026-03-02 for 1 year');
        expect(skeleton).toContain('evaluation 2026-06-02');
    });
});

describe('issue 16: what opens by itself, organisations for `by`, dates', () => {
    test('a space opens the list only where a name, a value or a date may follow', () => {
        const at = (line: string) => mayExpectNameOrValue(line, line.length);
        expect(at('        by ')).toBe(true);
        expect(at('        roles victim, ')).toBe(true);
        expect(at('        ')).toBe(false);
        expect(at('    risk r "Het ')).toBe(false);
        expect(at('    // a comment ')).toBe(false);
    });

    test('after a huisverbod\'s `by`, the organisations that may impose it first, with title and kind', async () => {
        const text = `organisation bm "Burgemeester Dordrecht" kind burgemeester\n${plan('measure hv huisverbod { on bram by <|> }')}`;
        const items = await itemsAt(text);
        const sorted = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '') || a.label.localeCompare(b.label));
        expect(sorted[0].label).toBe('bm');
        expect(sorted[0].detail).toBe('Burgemeester Dordrecht');
        expect(sorted[0].labelDetails?.description).toBe('Burgemeester Dordrecht · burgemeester');
        expect(items.find(i => i.label === 'vt')?.documentation).toContain('VP033');
    });

    test('dates after `from`: the plan start and today; in regie the handover first', () => {
        const today = parseDate('2026-03-01')!;
        const proposals = (text: string, rule: string, feature = 'start') => dateProposals({ feature, rule, offset: text.length, today, locale: 'en' });
        expect(proposals('', 'SpanItem').map(p => p.detail)).toEqual(['today']);
        expect(proposals('', 'PlanPeriod').map(p => p.detail)).toEqual(['today']);
    });
});

describe('nothing in a comment; lists, `requires` and two-keyword items', () => {
    /** The labels an invoked completion (triggerKind 1, as Ctrl+Space) gives at `<|>`. */
    async function invokedAt(textWithCursor: string): Promise<string[]> {
        const offset = textWithCursor.indexOf('<|>');
        const text = textWithCursor.replace('<|>', '');
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///completion/${Math.random().toString(36).slice(2)}.vplan`));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        try {
            await services.shared.workspace.DocumentBuilder.build([document]);
            const list = await services.Vplan.lsp.CompletionProvider!.getCompletion(document, {
                textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset),
                context: { triggerKind: CompletionTriggerKind.Invoked }
            });
            return list?.items.map(item => item.label) ?? [];
        } finally {
            await clearDocuments(services.shared, [document]);
        }
    }

    test('inside a `//` comment: in a plan body, in a file header, at the end of an item', async () => {
        expect(await invokedAt(plan('    // nog te doen: <|>'))).toEqual([]);
        expect(await invokedAt(plan('    // nog te doen<|>'))).toEqual([]);
        expect(await invokedAt(`// Veiligheidsplannen regio ZHZ <|>\n${ORGS}`)).toEqual([]);
        expect(await invokedAt('// <|>')).toEqual([]);
        expect(await invokedAt(plan('intervention i {\n        for anna\n        by vt // door <|>\n    }'))).toEqual([]);
        expect(await invokedAt(plan('intervention i {\n        for anna\n        by vt // door <|>\r\n    }'))).toEqual([]);
    });

    test('as inside a `/* */` comment and a string; before a comment and on the line after one it proposes as usual', async () => {
        expect(await invokedAt(plan('    /* nog te doen: <|> */'))).toEqual([]);
        expect(await invokedAt(plan('    risk r "Nog <|>" { severity high }'))).toEqual([]);
        expect(await invokedAt(plan('    <|>// later'))).toContain('measure');
        expect(await invokedAt(plan('    // later\n    <|>'))).toContain('measure');
        expect(await invokedAt(plan('    /* klaar */ <|>'))).toContain('measure');
    });

    test('a value word a list already holds is not offered again', async () => {
        const roles = await invokedAt('plan p { household { member anna adult roles witness, <|> } }');
        expect(roles).toEqual(ROLES.filter(role => role !== 'witness'));
        expect(await invokedAt('plan p { household { member anna adult roles witness, victim, <|> } }')).toEqual(['perpetrator', 'parent']);
        // The word being typed is still completed.
        expect(await invokedAt('plan p { household { member anna adult roles wit<|> } }')).toEqual(['witness']);
        const kinds = await invokedAt('measure type t { imposed by om, rechter, <|> }');
        expect(kinds.length).toBe(ORGANISATION_KINDS.length - 2);
        expect(kinds).toEqual(ORGANISATION_KINDS.filter(kind => kind !== 'om' && kind !== 'rechter'));
    });

    test('a value word names its value set in plain words (as the hover does)', async () => {
        const kinds = await itemsAt(`plan p { household { member anna <|> } }`);
        expect(kinds.find(i => i.label === 'adult')?.detail).toBe('member kind');
        expect((await itemsAt(`plan p { phase <|> }`)).find(i => i.label === 'safety')?.detail).toBe('phase');
        expect((await itemsAt(plan(`meeting 2026-02-01 { client anna <|> }`))).find(i => i.label === 'present')?.detail).toBe('client mode');
        expect((await itemsAt(`organisation x kind <|>`)).find(i => i.label === 'ggz')?.detail).toBe('organisation kind');
    });

    test('`requires` does not offer the measure type it is in', async () => {
        const labels = await invokedAt('measure type eigen { requires <|> }');
        expect(labels).toContain('ots');
        expect(labels).not.toContain('eigen');
        expect(await invokedAt('measure type eigen { requires ots, <|> }')).not.toContain('ots');
    });

    test('the second keyword of an item: `term max`, `total max`, `imposed by`', async () => {
        expect(await invokedAt('measure type t { term <|> }')).toEqual(['max']);
        expect(await invokedAt('measure type t { total <|> }')).toEqual(['max']);
        expect(await invokedAt('measure type t { imposed <|> }')).toEqual(['by']);
        expect(await invokedAt(plan('risk r { posed <|> }'))).toEqual(['by']);
        // An item already there is still not offered again (VP005).
        expect(await invokedAt('measure type t { term max 1 year\n <|> }')).not.toContain('term');
    });
});
