/**
 * Quick fixes: for every fix, a plan that triggers the diagnostic, the fix applied, and the plan
 * checked again: the diagnostic is gone, there is no syntax error (VP000), the text is canonical.
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { URI, type LangiumDocument } from 'langium';
import { clearDocuments } from 'langium/test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { applyTextEdits, formatText } from '../../language/lsp/vplan-formatter.js';
import { loadBuiltinCatalogue } from '../../language/workspace/builtin-documents.js';
import type { Locale } from '../../language/i18n/locale.js';
import { checkText, createTestServices } from '../helpers.js';

const services = createTestServices();
const specExample = readFileSync(fileURLToPath(new URL('../fixtures/spec-example.vplan', import.meta.url)), 'utf8');

let counter = 0;

interface Fixed {
    actions: CodeAction[];
    /** The text after the chosen action (the preferred one, else the first). */
    after: string;
    diagnostic: Diagnostic;
}

/** Validates `text`, asks for the actions of the first diagnostic with `code` and applies one. */
async function fix(text: string, code: string, options: { locale?: Locale; pick?: (actions: CodeAction[]) => CodeAction | undefined; others?: string[]; nth?: number } = {}): Promise<Fixed> {
    await loadBuiltinCatalogue(services.shared);
    const settings = services.Vplan.config.SettingsProvider;
    settings.localeOverride = options.locale;
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const documents: LangiumDocument[] = [text, ...(options.others ?? [])].map(t => {
        const document = factory.fromString(t, URI.parse(`file:///fixes/${++counter}.vplan`));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    try {
        await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
        const document = documents[0];
        const diagnostic = (document.diagnostics ?? []).filter(d => d.code === code)[options.nth ?? 0];
        expect(diagnostic, `expected a ${code} diagnostic, got ${(document.diagnostics ?? []).map(d => d.code).join(', ')}`).toBeDefined();
        const actions = (await services.Vplan.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() },
            range: diagnostic!.range,
            context: { diagnostics: [diagnostic!] }
        }) ?? []) as CodeAction[];
        expect(actions.length).toBeGreaterThan(0);
        const chosen = options.pick ? options.pick(actions) : actions.find(a => a.isPreferred) ?? actions[0];
        expect(chosen).toBeDefined();
        const edits = chosen!.edit!.changes![document.uri.toString()];
        return { actions, after: applyTextEdits(text, edits), diagnostic: diagnostic! };
    } finally {
        await clearDocuments(services.shared, documents);
        settings.localeOverride = undefined;
    }
}

/** The fixed text no longer has the diagnostic, has no syntax error and is canonical. */
async function expectResolved(after: string, code: string, others: string[] = []): Promise<string[]> {
    const result = await checkText(services, [after, ...others]);
    expect(result.codes).not.toContain(code);
    expect(result.codes).not.toContain('VP000');
    expect(await formatText(services.Vplan, after)).toBe(after);
    return result.codes;
}

function replaceOnce(text: string, search: string, replacement: string): string {
    expect(text).toContain(search);
    return text.replace(search, replacement);
}

const regieBlock = [
    '    regie {',
    '        veiligthuis_zhz from 2026-01-12 to 2026-02-09 "Casemanagement tijdens huisverbod"',
    '        wijkteam_dordrecht from 2026-02-09 "Warme overdracht na huisverbod"',
    '    }',
    ''
].join('\n');

function withRegie(...entries: string[]): string {
    return replaceOnce(specExample, regieBlock, ['    regie {', ...entries.map(e => `        ${e}`), '    }', ''].join('\n'));
}

const aftercareBlock = specExample.slice(specExample.indexOf('    aftercare {'), specExample.indexOf('    meeting '));

describe('the spec example', () => {
    test('has none of the diagnostics the fixes address, so each test below starts from one mistake', async () => {
        const { codes } = await checkText(services, specExample);
        for (const code of ['VP000', 'VP001', 'VP010', 'VP011', 'VP012', 'VP020', 'VP030', 'VP041']) {
            expect(codes).not.toContain(code);
        }
    });
});

describe('VP001: a member nobody covers', () => {
    const plan = replaceOnce(specExample, '        member joost', '        member lisa child born 2018\n        member joost');

    test('gets a no-action placeholder reason on its own line (Dutch)', async () => {
        const { after, actions } = await fix(plan, 'VP001', { locale: 'nl' });
        expect(actions[0].title).toContain('lisa');
        expect(actions[0].title).toMatch(/Reden/);
        expect(actions[0].kind).toBe('quickfix');
        expect(actions[0].isPreferred).toBe(false);
        expect(after).toBe(replaceOnce(plan, 'member lisa child born 2018', 'member lisa child born 2018 no-action "TODO: reden vastleggen"'));
        await expectResolved(after, 'VP001');
    });

    test('has an English title and placeholder in an English document', async () => {
        const { after, actions } = await fix(plan, 'VP001', { locale: 'en' });
        expect(actions[0].title).toMatch(/^Record a reason/);
        expect(after).toContain('member lisa child born 2018 no-action "TODO: record the reason"');
        await expectResolved(after, 'VP001');
    });

    test('keeps an end-of-line comment after the member', async () => {
        const commented = replaceOnce(plan, 'member lisa child born 2018', 'member lisa child born 2018 // zusje');
        const { after } = await fix(commented, 'VP001', { locale: 'nl' });
        expect(after).toContain('member lisa child born 2018 no-action "TODO: reden vastleggen" // zusje\n');
        await expectResolved(after, 'VP001');
    });
});

describe('VP010: no regie block', () => {
    const plan = replaceOnce(specExample, regieBlock + '\n', '');

    test('inserts a regie block from the plan start, held by the kind the huisverbod names (Veilig Thuis)', async () => {
        const { after, actions } = await fix(plan, 'VP010', { locale: 'nl' });
        const preferred = actions.filter(a => a.isPreferred);
        expect(preferred).toHaveLength(1);
        expect(preferred[0].title).toMatch(/^Regieblok toevoegen: veiligthuis_zhz vanaf 2026-01-12/);
        expect(after).toBe(replaceOnce(plan, '    aftercare {',
            '    regie {\n        veiligthuis_zhz from 2026-01-12 "TODO: casusregie beschrijven"\n    }\n\n    aftercare {'));
        await expectResolved(after, 'VP010');
    });

    test('offers other organisations of the workspace as alternatives', async () => {
        const { actions, after } = await fix(plan, 'VP010', { locale: 'en', pick: all => all.find(a => a.title.includes('wijkteam_dordrecht')) });
        expect(actions.length).toBeGreaterThan(1);
        expect(actions.every(a => a.title.startsWith('Add a regie block'))).toBe(true);
        expect(after).toContain('    regie {\n        wijkteam_dordrecht from 2026-01-12 "TODO: describe the casusregie"\n    }\n');
        await expectResolved(after, 'VP010');
    });

    test('fills an empty regie block instead of adding another', async () => {
        const empty = replaceOnce(specExample, regieBlock, '    regie {\n    }\n');
        const { after, actions } = await fix(empty, 'VP010', { locale: 'en' });
        expect(actions[0].title).toBe('Add a regie entry: veiligthuis_zhz from 2026-01-12');
        expect(after).toBe(replaceOnce(empty, '    regie {\n    }\n', '    regie {\n        veiligthuis_zhz from 2026-01-12 "TODO: describe the casusregie"\n    }\n'));
        await expectResolved(after, 'VP010');
    });

    test('uses a placeholder name when the workspace has no organisation, still without syntax errors', async () => {
        const bare = [
            'plan solo "Plan zonder organisaties" {',
            '    status draft',
            '    period 2026-03-01 for 6 months',
            '    household {',
            '        member eva adult roles victim no-action "Zelf geregeld"',
            '    }',
            '}',
            ''
        ].join('\n');
        const { after } = await fix(bare, 'VP010', { locale: 'en' });
        expect(after).toBe(bare.replace('    }\n}', '    }\n\n    regie {\n        regievoerder from 2026-03-01 "TODO: describe the casusregie"\n    }\n}'));
        await expectResolved(after, 'VP010');
    });
});

describe('VP020: no aftercare', () => {
    const plan = replaceOnce(specExample, aftercareBlock, '');

    test('inserts aftercare from the plan end for 12 months with checkpoints, owned by the last regie holder', async () => {
        const { after, actions } = await fix(plan, 'VP020', { locale: 'en' });
        expect(actions[0].isPreferred).toBe(true);
        expect(actions[0].title).toBe('Add aftercare: wijkteam_dordrecht from 2027-01-12 for 12 months');
        expect(after).toBe(replaceOnce(plan, '    meeting ', [
            '    aftercare {',
            '        owner wijkteam_dordrecht',
            '        from 2027-01-12 for 12 months',
            '        checkpoints 3 months, 6 months, 12 months',
            '    }',
            '',
            '    meeting '
        ].join('\n')));
        const codes = await expectResolved(after, 'VP020');
        expect(codes).not.toContain('VP021');
        expect(codes).not.toContain('VP022');
        expect(codes).not.toContain('VP023');
    });

    test('has a Dutch title in a Dutch document', async () => {
        const { actions } = await fix(plan, 'VP020', { locale: 'nl' });
        expect(actions[0].title).toBe('Nazorg toevoegen: wijkteam_dordrecht vanaf 2027-01-12 gedurende 12 maanden');
    });
});

describe('VP021–VP023: incomplete, short or late aftercare', () => {
    const withAftercare = (...items: string[]) => replaceOnce(specExample, aftercareBlock, ['    aftercare {', ...items.map(i => `        ${i}`), '    }', '', ''].join('\n'));

    test('VP021 without an owner: the last regie holder becomes the owner, on the first line', async () => {
        const plan = withAftercare('from 2027-01-12 for 18 months', 'checkpoints 3 months, 6 months');
        const { after, actions } = await fix(plan, 'VP021', { locale: 'nl' });
        expect(actions[0].title).toBe('Eigenaar wijkteam_dordrecht toevoegen');
        expect(after).toBe(replaceOnce(plan, '    aftercare {\n', '    aftercare {\n        owner wijkteam_dordrecht\n'));
        await expectResolved(after, 'VP021');
    });

    test('VP021 without a period: from the plan end for the minimum months, after the owner', async () => {
        const plan = withAftercare('owner veiligthuis_zhz', 'checkpoints 3 months, 6 months');
        const { after } = await fix(plan, 'VP021', { locale: 'en' });
        expect(after).toBe(replaceOnce(plan, '        owner veiligthuis_zhz\n', '        owner veiligthuis_zhz\n        from 2027-01-12 for 12 months\n'));
        await expectResolved(after, 'VP021');
    });

    test('VP021 without an end: the period gets the minimum months', async () => {
        const plan = withAftercare('owner veiligthuis_zhz', 'from 2027-01-12', 'checkpoints 3 months');
        const { after } = await fix(plan, 'VP021', { locale: 'en' });
        expect(after).toBe(replaceOnce(plan, 'from 2027-01-12\n', 'from 2027-01-12 for 12 months\n'));
        await expectResolved(after, 'VP021');
    });

    test('VP021 without checkpoints: checkpoints that fit in the period', async () => {
        const plan = withAftercare('owner veiligthuis_zhz', 'from 2027-01-12 for 12 months', 'signal "Nieuwe melding"');
        const { after, actions } = await fix(plan, 'VP021', { locale: 'en' });
        expect(actions[0].title).toBe('Add checkpoints: 3 months, 6 months, 12 months');
        expect(after).toBe(replaceOnce(plan, 'for 12 months\n', 'for 12 months\n        checkpoints 3 months, 6 months, 12 months\n'));
        await expectResolved(after, 'VP021');
    });

    test('VP022: a short aftercare is extended to the minimum', async () => {
        const plan = withAftercare('owner veiligthuis_zhz', 'from 2027-01-12 to 2027-07-12', 'checkpoints 3 months, 6 months');
        const { after, actions } = await fix(plan, 'VP022', { locale: 'nl' });
        expect(actions[0].title).toBe('Nazorg verlengen tot 12 maanden');
        expect(after).toBe(replaceOnce(plan, 'from 2027-01-12 to 2027-07-12', 'from 2027-01-12 for 12 months'));
        await expectResolved(after, 'VP022');
    });

    test('VP023: a late aftercare starts when the plan ends', async () => {
        const plan = withAftercare('owner veiligthuis_zhz', 'from 2027-02-01 for 12 months', 'checkpoints 3 months, 6 months');
        const { after } = await fix(plan, 'VP023', { locale: 'en' });
        expect(after).toBe(replaceOnce(plan, 'from 2027-02-01 for 12 months', 'from 2027-01-12 for 12 months'));
        await expectResolved(after, 'VP023');
    });
});

describe('VP011: a day without a regievoerder', () => {
    test('a gap between two holders: the first keeps regie until the next starts', async () => {
        const plan = withRegie('veiligthuis_zhz from 2026-01-12 to 2026-02-01 "Tijdens huisverbod"', 'wijkteam_dordrecht from 2026-02-09');
        const { after, actions } = await fix(plan, 'VP011', { locale: 'nl' });
        expect(actions[0].isPreferred).toBe(true);
        expect(actions[0].title).toContain('veiligthuis_zhz');
        expect(after).toBe(replaceOnce(plan, 'to 2026-02-01 "Tijdens', 'to 2026-02-09 "Tijdens'));
        await expectResolved(after, 'VP011');
    });

    test('a gap at the end of the plan: the last holder with a `for` end keeps regie to the plan end', async () => {
        const plan = withRegie('veiligthuis_zhz from 2026-01-12 to 2026-02-09', 'wijkteam_dordrecht from 2026-02-09 for 6 months');
        const { after } = await fix(plan, 'VP011', { locale: 'en' });
        expect(after).toBe(replaceOnce(plan, 'wijkteam_dordrecht from 2026-02-09 for 6 months', 'wijkteam_dordrecht from 2026-02-09 to 2027-01-12'));
        await expectResolved(after, 'VP011');
    });

    test('with two gaps, the fix of the second diagnostic closes the second gap', async () => {
        const plan = withRegie('veiligthuis_zhz from 2026-01-12 to 2026-02-01', 'wijkteam_dordrecht from 2026-02-09 to 2026-05-01', 'zvh_zhz from 2026-06-01');
        const first = await fix(plan, 'VP011', { locale: 'en' });
        expect(first.after).toBe(replaceOnce(plan, 'from 2026-01-12 to 2026-02-01', 'from 2026-01-12 to 2026-02-09'));
        const second = await fix(plan, 'VP011', { locale: 'en', nth: 1 });
        expect(second.after).toBe(replaceOnce(plan, 'from 2026-02-09 to 2026-05-01', 'from 2026-02-09 to 2026-06-01'));
        const codes = await expectResolved(await (await fix(second.after, 'VP011', { locale: 'en' })).after, 'VP011');
        expect(codes).not.toContain('VP012');
    });

    test('a gap at the start of the plan: the first holder starts at the plan start', async () => {
        const plan = withRegie('veiligthuis_zhz from 2026-01-20 to 2026-02-09', 'wijkteam_dordrecht from 2026-02-09');
        const { after } = await fix(plan, 'VP011', { locale: 'en' });
        expect(after).toBe(replaceOnce(plan, 'veiligthuis_zhz from 2026-01-20', 'veiligthuis_zhz from 2026-01-12'));
        await expectResolved(after, 'VP011');
    });
});

describe('VP012: two regievoerders at once', () => {
    test('the earlier period ends where the later begins', async () => {
        const plan = withRegie('veiligthuis_zhz from 2026-01-12 to 2026-03-01 "Tijdens huisverbod"', 'wijkteam_dordrecht from 2026-02-09');
        const { after, actions } = await fix(plan, 'VP012', { locale: 'nl' });
        expect(actions[0].isPreferred).toBe(true);
        expect(actions[0].title).toBe('Regie van veiligthuis_zhz laten eindigen op 2026-02-09, als de volgende begint');
        expect(after).toBe(replaceOnce(plan, 'to 2026-03-01 "Tijdens', 'to 2026-02-09 "Tijdens'));
        await expectResolved(after, 'VP012');
    });

    test('an overlap given with `for` is ended with `to`', async () => {
        const plan = withRegie('veiligthuis_zhz from 2026-01-12 for 2 months', 'wijkteam_dordrecht from 2026-02-09');
        const { after } = await fix(plan, 'VP012', { locale: 'en' });
        expect(after).toBe(replaceOnce(plan, 'veiligthuis_zhz from 2026-01-12 for 2 months', 'veiligthuis_zhz from 2026-01-12 to 2026-02-09'));
        await expectResolved(after, 'VP012');
    });
});

describe('VP030: longer than the legal limit', () => {
    test('an extension past the total max of a huisverbod ends at the limit', async () => {
        const plan = replaceOnce(specExample, 'extend for 18 days', 'extend for 30 days');
        const { after, actions } = await fix(plan, 'VP030', { locale: 'nl' });
        expect(actions[0].isPreferred).toBe(true);
        expect(actions[0].title).toBe('Termijn inkorten tot het wettelijk maximum (to 2026-02-09)');
        expect(after).toBe(replaceOnce(plan, 'extend for 30 days', 'extend to 2026-02-09'));
        await expectResolved(after, 'VP030');
    });

    test('a first term past the term max is shortened to the term max', async () => {
        const plan = replaceOnce(specExample, '    intervention daderhulp', [
            '    measure ots_noor ots {',
            '        on noor',
            '        by veiligthuis_zhz',
            '        from 2026-01-12 for 18 months',
            '    }',
            '',
            '    intervention daderhulp'
        ].join('\n'));
        const { after, actions } = await fix(plan, 'VP030', { locale: 'en' });
        expect(actions[0].title).toBe('Shorten the term to the legal maximum (for 1 year)');
        expect(after).toBe(replaceOnce(plan, 'from 2026-01-12 for 18 months', 'from 2026-01-12 for 1 year'));
        await expectResolved(after, 'VP030');
    });

    test('an extension that starts when the total max is already reached is removed', async () => {
        const plan = replaceOnce(specExample, 'from 2026-01-12 for 10 days\n        extend for 18 days', 'from 2026-01-12 for 28 days\n        extend for 5 days');
        const { after, actions } = await fix(plan, 'VP030', { locale: 'en' });
        expect(actions[0].title).toMatch(/^Remove the extension/);
        expect(after).toBe(replaceOnce(plan, '\n        extend for 5 days', ''));
        await expectResolved(after, 'VP030');
    });
});

describe('VP041: voluntary help for a perpetrator without a fallback', () => {
    const plan = replaceOnce(replaceOnce(specExample, '        framework drang\n', ''),
        '        fallback "Bij uitval: terugmelding aan OM (voorwaardelijk sepot)"\n', '');

    test('adds a fallback line at the end of the intervention', async () => {
        const { after, actions } = await fix(plan, 'VP041', { locale: 'nl' });
        expect(actions[0].isPreferred).toBe(true);
        expect(actions[0].title).toBe("Afspraak bij uitval toevoegen aan 'daderhulp'");
        expect(after).toBe(replaceOnce(plan, '        phase stability\n', '        phase stability\n        fallback "TODO: afspraak bij uitval vastleggen"\n'));
        await expectResolved(after, 'VP041');
    });

    test('in English', async () => {
        const { after, actions } = await fix(plan, 'VP041', { locale: 'en' });
        expect(actions[0].title).toBe("Add a fallback for drop-out to 'daderhulp'");
        expect(after).toContain('        fallback "TODO: what happens on drop-out"\n    }');
        await expectResolved(after, 'VP041');
    });
});

describe('line endings', () => {
    test('a fix in a CRLF document keeps CRLF line endings and leaves the text canonical', async () => {
        const plan = replaceOnce(replaceOnce(specExample, '        framework drang\n', ''),
            '        fallback "Bij uitval: terugmelding aan OM (voorwaardelijk sepot)"\n', '').replace(/\n/g, '\r\n');
        const { after } = await fix(plan, 'VP041', { locale: 'en' });
        expect(after).toBe(plan.replace('        phase stability\r\n', '        phase stability\r\n        fallback "TODO: what happens on drop-out"\r\n'));
        await expectResolved(after, 'VP041');
    });
});

describe('the provider', () => {
    test('offers nothing for a diagnostic it has no fix for, nor in a file with a syntax error', async () => {
        const provider = services.Vplan.lsp.CodeActionProvider!;
        const broken = 'plan p "P" { status active household { member a adult roles victim,, parent } }';
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(broken, URI.parse('file:///fixes/broken.vplan'));
        const diagnostic: Diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, message: 'x', code: 'VP041', data: { code: 'VP041', messageId: 'VP041.noFallback', args: {} } };
        expect(await provider.getCodeActions(document, { textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })).toBeUndefined();
        const valid = services.shared.workspace.LangiumDocumentFactory.fromString(specExample, URI.parse('file:///fixes/valid.vplan'));
        const other: Diagnostic = { ...diagnostic, code: 'VP100', data: { code: 'VP100', messageId: 'VP100.none', args: {} } };
        expect(await provider.getCodeActions(valid, { textDocument: { uri: valid.uri.toString() }, range: other.range, context: { diagnostics: [other] } })).toBeUndefined();
    });
});
