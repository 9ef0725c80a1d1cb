/**
 * The extension's static contributions: the manifest and its nls strings, the TextMate grammar
 * (scopes of keywords, value words, dates, durations, strings, comments and declaration names),
 * and the language configuration. (Snippets come from the server's completion: tests/language/lsp/completion.test.ts.)
 */

import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { VALUE_SETS } from '../../language/model/vocabulary.js';
import { REPO_ROOT } from '../editor/support/tools.js';
import { allRegexes, scopesOf, tokenizeLine, type Grammar } from './textmate.js';

const readJson = (file: string) => JSON.parse(readFileSync(path.join(REPO_ROOT, file), 'utf8'));
const manifest = readJson('package.json');

describe('package.json', () => {
    test('every %key% of the manifest has an English and a Dutch string', () => {
        const keys = [...JSON.stringify(manifest).matchAll(/"%([^"%]+)%"/g)].map(match => match[1]);
        expect(keys.length).toBeGreaterThan(5);
        for (const file of ['package.nls.json', 'package.nls.nl.json']) {
            const strings = readJson(file);
            expect(keys.filter(key => typeof strings[key] !== 'string'), file).toEqual([]);
        }
    });

    test('command titles and setting descriptions come from package.nls.json, not literal text', () => {
        for (const command of manifest.contributes.commands) expect(command.title, command.command).toMatch(/^%.+%$/);
        for (const [key, setting] of Object.entries<{ description?: string }>(manifest.contributes.configuration.properties)) {
            expect(setting.description, key).toMatch(/^%.+%$/);
        }
        expect(manifest.displayName).toMatch(/^%.+%$/);
    });

    test('declares the vplan language, grammar, commands and settings, and no static snippets', () => {
        const contributes = manifest.contributes;
        expect(manifest.activationEvents).toContain('onLanguage:vplan');
        expect(contributes.languages[0]).toMatchObject({ id: 'vplan', extensions: ['.vplan'], configuration: './language-configuration.json' });
        expect(contributes.grammars[0]).toMatchObject({ language: 'vplan', scopeName: 'source.vplan', path: './syntaxes/vplan.tmLanguage.json' });
        // Snippets come from the language server's completion only (language/lsp/vplan-snippets.ts).
        expect(contributes.snippets).toBeUndefined();
        const commands = contributes.commands.map((c: { command: string }) => c.command);
        expect(commands).toEqual(expect.arrayContaining(['vplan.restartServer', 'vplan.showOutput']));
        expect(contributes.configuration.properties['vplan.locale'].enum).toEqual(['auto', 'en', 'nl']);
        expect(contributes.configuration.properties['vplan.trace.server']).toBeDefined();
        expect(manifest.capabilities.untrustedWorkspaces.supported).toBe(true);
        expect(manifest.engines.vscode).toBe('^1.100.0');
    });

    test('language defaults: 4 spaces as the formatter writes them, no word-based suggestions (issue 16)', () => {
        expect(manifest.contributes.configurationDefaults['[vplan]']).toEqual({
            'editor.wordBasedSuggestions': 'off',
            'editor.tabSize': 4,
            'editor.insertSpaces': true,
            'editor.detectIndentation': false
        });
    });

    test('vplan.config.json gets its JSON Schema in the editor, the schema the CLI checks with (VP009)', () => {
        expect(manifest.contributes.jsonValidation).toEqual([{ fileMatch: 'vplan.config.json', url: './schemas/vplan-config.schema.json' }]);
        const schema = readJson('schemas/vplan-config.schema.json');
        expect(schema.$schema).toMatch(/json-schema/);
        expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['locale', 'root']));
    });

    test('Langium does not regenerate (and so overwrite) the hand-written TextMate grammar', () => {
        const config = readJson('langium-config.json');
        expect(config.languages[0].textMate).toBeUndefined();
    });
});

describe('the TextMate grammar', () => {
    const grammar = readJson('syntaxes/vplan.tmLanguage.json') as Grammar;
    const scopes = (line: string, text: string) => scopesOf(grammar, line, text).join(' | ');

    test('is source.vplan, and every regex compiles', () => {
        expect(grammar.scopeName).toBe('source.vplan');
        const regexes = allRegexes(grammar);
        expect(regexes.length).toBeGreaterThan(20);
        for (const source of regexes) expect(() => new RegExp(source), source).not.toThrow();
    });

    test('colours every keyword of the grammar (language/vplan.langium) as a keyword', () => {
        const langium = readFileSync(path.join(REPO_ROOT, 'language', 'vplan.langium'), 'utf8');
        const keywords = [...new Set([...langium.matchAll(/'([a-z][a-z-]*)'/g)].map(match => match[1]))];
        expect(keywords.length).toBeGreaterThan(50);
        const uncoloured = keywords.filter(keyword => !/keyword|storage\.type/.test(scopes(`x ${keyword} y`, keyword)));
        expect(uncoloured).toEqual([]);
    });

    test('colours a value word after its keyword as a constant, and the same word as a name elsewhere as a reference', () => {
        expect(scopes('    status active', 'active')).toContain('constant.language');
        expect(scopes('        severity acute', 'acute')).toContain('constant.language');
        expect(scopes('        domain finances', 'finances')).toContain('constant.language');
        expect(scopes('    phase stability from 2026-03-01 to 2026-09-01', 'stability')).toContain('constant.language');
        expect(scopes('        framework drang', 'drang')).toContain('constant.language');
        expect(scopes('organisation vt "Veilig Thuis" kind veiligthuis', 'veiligthuis')).toContain('constant.language');
        expect(scopes('        client sanne present', 'present')).toContain('constant.language');
        expect(scopes('        member noor child born 2015 roles witness, parent', 'child')).toContain('constant.language');
        expect(scopes('        member noor child born 2015 roles witness, parent', 'parent')).toContain('constant.language');
        expect(scopes('    imposed by burgemeester, politie', 'politie')).toContain('constant.language');
        // `safety` is only a value word after `domain` or `phase`; as a risk's name it is a declaration.
        expect(scopes('    risk safety "Veiligheid" {', 'safety')).toContain('entity.name');
        expect(scopes('        addresses safety', 'safety')).not.toContain('constant.language');
    });

    test('colours every value word of the vocabulary somewhere', () => {
        const text = JSON.stringify(grammar);
        const values = Object.entries(VALUE_SETS).filter(([set]) => set !== 'durationUnit').flatMap(([, words]) => [...words]);
        expect(values.filter(word => !new RegExp(`[|(:]${word}[|)]`).test(text))).toEqual([]);
    });

    test('colours dates, durations and numbers', () => {
        expect(scopes('    period 2026-01-12 to 2027-01-12', '2026-01-12')).toContain('constant.numeric.date');
        expect(scopes('        from 2026-01-12 for 10 days', '10')).toContain('constant.numeric');
        expect(scopes('        from 2026-01-12 for 10 days', 'days')).toContain('keyword.other.unit');
        expect(scopes('        checkpoints 3 months, 1 year', 'year')).toContain('keyword.other.unit');
        expect(scopes('        ended 2026-05-01 dropout', 'dropout')).toContain('constant.language');
        expect(scopes('        ended 2026-05-01 dropout', '2026-05-01')).toContain('constant.numeric.date');
        expect(scopes('        member mark adult born 1986 roles perpetrator', '1986')).toContain('constant.numeric');
    });

    test('colours strings with their escapes, and marks escapes vplan does not know as invalid', () => {
        const line = '    fallback "Bij \\"uitval\\": C:\\\\map \\n"';
        expect(scopes(line, '\\"')).toContain('constant.character.escape');
        expect(scopes(line, '\\\\')).toContain('constant.character.escape');
        expect(scopes(line, '\\n')).toContain('invalid.illegal');
        const whole = tokenizeLine(grammar, line).find(token => token.scope === 'string.quoted.double.vplan');
        expect(whole?.text).toBe('"Bij \\"uitval\\": C:\\\\map \\n"');
        // A keyword inside a string is text, not a keyword.
        expect(scopes('    signal "plan from household"', 'from')).toBe('');
    });

    test('colours line and block comments, and nothing inside them', () => {
        expect(scopes('    // plan from here', '// plan from here')).toContain('comment.line');
        expect(scopes('    /* status active */ status draft', '/* status active */')).toContain('comment.block');
        expect(scopes('    /* status active */ status draft', 'draft')).toContain('constant.language');
        expect(scopes('    // status active', 'active')).toBe('');
    });

    test('colours declaration names', () => {
        expect(scopes('plan vermeer_2026 "Veiligheidsplan gezin Vermeer" {', 'vermeer_2026')).toContain('entity.name');
        expect(scopes('organisation ggz_zhz "GGZ" kind ggz', 'ggz_zhz')).toContain('entity.name');
        expect(scopes('measure type huisverbod "Tijdelijk huisverbod" {', 'huisverbod')).toContain('entity.name.type');
        expect(scopes('    measure hv huisverbod {', 'hv')).toContain('entity.name');
        expect(scopes('    measure hv huisverbod {', 'huisverbod')).toContain('entity.name.type');
        expect(scopes('    intervention daderhulp "Daderhulp" {', 'daderhulp')).toContain('entity.name');
        expect(scopes('    agreement geen_contact "Geen contact" {', 'geen_contact')).toContain('entity.name');
        expect(scopes('        member sanne adult born 1989', 'sanne')).toContain('variable.other.member');
        expect(scopes('        supporter oma "Oma" supports sanne aware', 'oma')).toContain('variable.other.supporter');
        expect(scopes('        supporter oma "Oma" supports sanne aware', 'aware')).toContain('keyword');
        expect(scopes('        member joost child born 2010 outside no-action "Woont elders"', 'no-action')).toContain('keyword');
    });
});

describe('language-configuration.json', () => {
    const configuration = readJson('language-configuration.json');

    test('comments, brackets and auto-closing match the language', () => {
        expect(configuration.comments).toEqual({ lineComment: '//', blockComment: ['/*', '*/'] });
        expect(configuration.brackets).toEqual([['{', '}']]);
        expect(configuration.autoClosingPairs).toEqual(expect.arrayContaining([expect.objectContaining({ open: '"', close: '"' })]));
    });

    test('a word is an identifier, `no-action` or a whole date, so double-click selects 2026-01-12 at once', () => {
        const word = new RegExp(`^(?:${configuration.wordPattern})$`);
        for (const sample of ['vermeer_2026', 'no-action', '2026-01-12']) expect(sample).toMatch(word);
        const indent = new RegExp(configuration.indentationRules.increaseIndentPattern);
        expect('    household {').toMatch(indent);
        expect('    regie { }').not.toMatch(indent);
    });
});
