/**
 * Completion: value words (IDs in the grammar) come from the vocabulary, names from the scope,
 * measure types with their limits, and snippets for plan, measure and intervention.
 */

import { beforeAll, describe, expect, test } from 'vitest';
import { expectCompletion } from 'langium/test';
import type { CompletionItem } from 'vscode-languageserver';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import { createTestServices } from '../helpers.js';
import { loadBuiltinCatalogue } from '../../language/workspace/builtin-documents.js';
import { ROLES, MEMBER_KINDS, DURATION_UNITS, ORGANISATION_KINDS, SEVERITIES, FRAMEWORKS, CLIENT_MODES } from '../../language/model/vocabulary.js';

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
    test('plan items are proposed as keywords inside a plan', async () => {
        const labels = await labelsAt(plan('<|>'));
        expect(labels).toEqual(expect.arrayContaining(['measure', 'intervention', 'agreement', 'regie', 'aftercare', 'risk']));
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
