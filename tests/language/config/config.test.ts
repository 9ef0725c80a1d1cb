/** vplan.config.json (spec section 7): parsing, VP009 problems, and its effect on diagnostics. */

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { clearDocuments } from 'langium/test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { afterAll, describe, expect, test } from 'vitest';
import { parseConfigText, DEFAULT_CONFIG, MAX_CONFIG_BYTES, MAX_CONFIG_PROBLEMS } from '../../../language/config/vplan-config.js';
import { VplanSettingsProvider } from '../../../language/config/settings-provider.js';
import { WorkspaceLayout } from '../../../language/workspace/workspace-layout.js';
import { RULES_BY_CODE, renderMessage } from '../../../language/rules/registry.js';
import { createVplanServices } from '../../../language/vplan-module.js';
import { loadBuiltinCatalogue } from '../../../language/workspace/builtin-documents.js';
import { MAX_THRESHOLD_DAYS, MAX_THRESHOLD_MONTHS, THRESHOLDS, configSchema } from '../../../language/config/config-schema.js';
import { configDiagnostics } from '../../../language/config/config-diagnostics.js';
import { EXAMPLE_CATALOGUE } from '../../../language/rules/example-plan.js';

describe('parseConfigText', () => {
    test('reads rules, thresholds and locale', () => {
        const { config, problems } = parseConfigText(JSON.stringify({
            rules: { VP041: 'off', VP091: 'warning' }, aftercare: { minMonths: 18 }, participation: { hearChildrenFromAge: 8 }, locale: 'nl'
        }));
        expect(problems).toEqual([]);
        expect(config).toEqual({ ...DEFAULT_CONFIG, rules: { VP041: 'off', VP091: 'warning' }, aftercareMinMonths: 18, hearChildrenFromAge: 8, locale: 'nl' });
    });

    test('v2 thresholds are read, each within its range', () => {
        const { config, problems } = parseConfigText(JSON.stringify({
            coverage: { maxGapDays: 14, followUpDays: 7 }, care: { minMonthsSevere: 9 }, incidents: { meetingWithinDays: 10 }, root: true
        }));
        expect(problems).toEqual([]);
        expect(config).toMatchObject({ coverageMaxGapDays: 14, coverageFollowUpDays: 7, careMinMonthsSevere: 9, incidentsMeetingWithinDays: 10 });
    });

    test('a config over the size limit is one VP009 and is not read', () => {
        const { config, problems } = parseConfigText(`{ "locale": "nl", "pad": "${'x'.repeat(MAX_CONFIG_BYTES)}" }`);
        expect(problems.map(p => p.messageId)).toEqual(['VP009.tooLarge']);
        expect(config.locale).toBeUndefined();
    });

    test('tens of thousands of unknown rule keys give a bounded list of findings, not a crash', () => {
        const rules = Object.fromEntries(Array.from({ length: 60_000 }, (_, i) => [`X${i}`, 'off']));
        const { problems } = parseConfigText(JSON.stringify({ rules }));
        expect(problems).toHaveLength(MAX_CONFIG_PROBLEMS + 1);
        expect(problems.at(-1)).toMatchObject({ messageId: 'VP009.more', args: { count: 60_000 - MAX_CONFIG_PROBLEMS } });
        const many = Object.fromEntries(Array.from({ length: 130_000 }, (_, i) => [`X${i}`, 'off']));
        expect(parseConfigText(JSON.stringify({ rules: many })).problems.map(p => p.messageId)).toEqual(['VP009.tooLarge']);
    });

    test('an empty object means the defaults', () => {
        expect(parseConfigText('{}')).toEqual({ config: { ...DEFAULT_CONFIG, rules: {} }, settings: {}, problems: [] });
    });

    test.each([
        ['{ "rules": { "VP011": "warning", } }', 'VP009.json'],
        ['[1, 2]', 'VP009.notObject'],
        ['{ "rulez": {} }', 'VP009.unknownKey'],
        ['{ "rules": { "VP999": "off" } }', 'VP009.unknownRule'],
        ['{ "rules": { "VP011": "fatal" } }', 'VP009.severity'],
        ['{ "rules": { "VP000": "off" } }', 'VP009.vp000Off'],
        ['{ "aftercare": { "minMonths": -1 } }', 'VP009.integer'],
        ['{ "aftercare": { "minMonth": 12 } }', 'VP009.unknownKey'],
        ['{ "participation": 12 }', 'VP009.object'],
        ['{ "locale": "de" }', 'VP009.locale'],
        ['{ "aftercare": { "minMonths": 1000000000 } }', 'VP009.range'],
        ['{ "coverage": { "followUpDays": 3652426 } }', 'VP009.range'],
        ['{ "root": "yes" }', 'VP009.boolean'],
        ['{ "care": { "minMonthsSevere": 2.5 } }', 'VP009.integer'],
        ['', 'VP009.json']
    ])('%s is VP009 (%s)', (text, messageId) => {
        const { problems } = parseConfigText(text);
        expect(problems.map(p => p.messageId)).toEqual([messageId]);
        for (const locale of ['en', 'nl'] as const) {
            expect(renderMessage(problems[0].messageId, problems[0].args, locale)).not.toBe(messageId);
        }
    });

    test('the defaults apply to what a broken file failed to set', () => {
        const { config, problems } = parseConfigText('{ "rules": { "VP041": "off", "VP999": "off" }, "aftercare": { "minMonths": "twelve" } }');
        expect(problems).toHaveLength(2);
        expect(config.rules).toEqual({ VP041: 'off' });
        expect(config.aftercareMinMonths).toBe(12);
    });

    test('a problem points at the offending key', () => {
        const text = '{\n  "rules": { "VP999": "off" }\n}';
        const [problem] = parseConfigText(text).problems;
        expect(text.slice(problem.offset, problem.offset + problem.length)).toBe('"VP999"');
    });
});

describe('the cascade of vplan.config.json files (v2)', () => {
    const root = mkdtempSync(join(tmpdir(), 'vplan-config-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    mkdirSync(join(root, 'regio', 'team', 'plannen'), { recursive: true });
    writeFileSync(join(root, 'vplan.config.json'), '{ "locale": "nl" }');
    writeFileSync(join(root, 'regio', 'team', 'vplan.config.json'), '{ "aftercare": { "minMonths": 24 } }');

    const provider = () => {
        const fileSystem = NodeFileSystem.fileSystemProvider();
        return new VplanSettingsProvider(fileSystem, new WorkspaceLayout(fileSystem));
    };

    test('every config from the root down to the file\'s folder applies, the nearer one overriding the keys it sets', () => {
        const settings = provider();
        const deep = settings.settingsFor(URI.file(join(root, 'regio', 'team', 'plannen', 'a.vplan')));
        expect(deep.config.aftercareMinMonths).toBe(24);
        expect(deep.locale).toBe('nl');
        expect(deep.sources.map(source => source.uri.fsPath)).toEqual([join(root, 'vplan.config.json'), join(root, 'regio', 'team', 'vplan.config.json')]);
        const shallow = settings.settingsFor(URI.file(join(root, 'regio', 'b.vplan')));
        expect(shallow.locale).toBe('nl');
        expect(shallow.config.aftercareMinMonths).toBe(12);
    });

    test('an explicit locale beats the file, the file beats the default', () => {
        const settings = provider();
        settings.defaultLocale = 'en';
        expect(settings.settingsFor(URI.file(join(root, 'x.vplan'))).locale).toBe('nl');
        settings.localeOverride = 'en';
        expect(settings.settingsFor(URI.file(join(root, 'x.vplan'))).locale).toBe('en');
    });

    test('changes the severity of a rule, and `off` drops it', async () => {
        const folder = join(root, 'severity');
        mkdirSync(folder);
        writeFileSync(join(folder, 'vplan.config.json'), '{ "rules": { "VP081": "warning" } }');
        const services = createVplanServices(NodeFileSystem);
        await loadBuiltinCatalogue(services.shared);
        const build = async (name: string) => {
            const document = services.shared.workspace.LangiumDocumentFactory.fromString(
                'organisation o "O" kind other\nplan p "P" { household { member a adult } measure m onbekend { on a by o from 2026-01-01 } }',
                URI.file(join(folder, name)));
            services.shared.workspace.LangiumDocuments.addDocument(document);
            await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
            return document.diagnostics ?? [];
        };
        const warned = (await build('a.vplan')).filter(d => d.code === 'VP081');
        expect(warned.map(d => d.severity)).toEqual([2]);
        writeFileSync(join(folder, 'vplan.config.json'), '{ "rules": { "VP081": "off" } }');
        services.Vplan.config.SettingsProvider.invalidate();
        expect((await build('b.vplan')).filter(d => d.code === 'VP081')).toEqual([]);
    });
});

describe('threshold caps (spec section 7: each threshold is a whole number, at least 0)', () => {
    test.each([
        ['aftercare', 'minMonths', 121, 'aftercareMinMonths'],
        ['aftercare', 'minMonths', MAX_THRESHOLD_MONTHS, 'aftercareMinMonths'],
        ['participation', 'hearChildrenFromAge', 19, 'hearChildrenFromAge'],
        ['participation', 'hearChildrenFromAge', Number.MAX_SAFE_INTEGER, 'hearChildrenFromAge'],
        ['coverage', 'maxGapDays', 3661, 'coverageMaxGapDays'],
        ['coverage', 'maxGapDays', Number.MAX_SAFE_INTEGER, 'coverageMaxGapDays'],
        ['coverage', 'followUpDays', 367, 'coverageFollowUpDays'],
        ['coverage', 'followUpDays', MAX_THRESHOLD_DAYS, 'coverageFollowUpDays'],
        ['care', 'minMonthsSevere', 121, 'careMinMonthsSevere'],
        ['care', 'minMonthsSevere', Number.MAX_SAFE_INTEGER, 'careMinMonthsSevere'],
        ['incidents', 'meetingWithinDays', 367, 'incidentsMeetingWithinDays'],
        ['incidents', 'meetingWithinDays', MAX_THRESHOLD_DAYS, 'incidentsMeetingWithinDays']
    ])('%s.%s = %s is accepted: no hidden cap of policy', (section, key, value, field) => {
        const { config, problems } = parseConfigText(`{ "${section}": { "${key}": ${value} } }`);
        expect(problems).toEqual([]);
        expect(config[field as keyof typeof config]).toBe(value);
    });

    test.each([
        ['aftercare', 'minMonths', MAX_THRESHOLD_MONTHS + 1, MAX_THRESHOLD_MONTHS],
        ['coverage', 'followUpDays', MAX_THRESHOLD_DAYS + 1, MAX_THRESHOLD_DAYS],
        ['incidents', 'meetingWithinDays', Number.MAX_SAFE_INTEGER, MAX_THRESHOLD_DAYS],
        // Not a safe integer: JSON would not keep it exactly.
        ['coverage', 'maxGapDays', 1e20, Number.MAX_SAFE_INTEGER],
        ['care', 'minMonthsSevere', 2 ** 53, Number.MAX_SAFE_INTEGER]
    ])('%s.%s = %s is VP009 beyond its cap, and the default applies', (section, key, value, maximum) => {
        const { config, problems } = parseConfigText(`{ "${section}": { "${key}": ${value} } }`);
        expect(problems.map(p => [p.messageId, p.args])).toEqual([['VP009.range', { key: `${section}.${key}`, minimum: 0, maximum }]]);
        expect(config).toEqual({ ...DEFAULT_CONFIG, rules: {} });
    });

    test('the schema the editor reads has the same caps', () => {
        const schema = configSchema() as { properties: Record<string, { properties: Record<string, { maximum: number }> }> };
        for (const threshold of THRESHOLDS) {
            expect(schema.properties[threshold.section].properties[threshold.key].maximum, threshold.key).toBe(threshold.maximum);
        }
    });

    describe('every threshold at its largest value: the checks still report, and never print NaN', () => {
        const services = createVplanServices(NodeFileSystem);
        const root = mkdtempSync(join(tmpdir(), 'vplan-caps-'));
        afterAll(() => rmSync(root, { recursive: true, force: true }));

        async function checkExample(code: string, config: string): Promise<Diagnostic[]> {
            const folder = mkdtempSync(join(root, 'case-'));
            writeFileSync(join(folder, 'vplan.config.json'), config);
            await loadBuiltinCatalogue(services.shared);
            const example = RULES_BY_CODE.get(code)!.docs.example!;
            const factory = services.shared.workspace.LangiumDocumentFactory;
            const documents = [example.file, example.catalogue ?? EXAMPLE_CATALOGUE].map((text, i) => {
                const document = factory.fromString(text, URI.file(join(folder, `file${i}.vplan`)));
                services.shared.workspace.LangiumDocuments.addDocument(document);
                return document;
            });
            try {
                await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
                return documents[0].diagnostics ?? [];
            } finally {
                await clearDocuments(services.shared, documents);
            }
        }

        // The threshold, and whether its rule's docs example must still report at the largest value
        // (a minimum length is never met; a window or an age that large excuses everything).
        test.each(THRESHOLDS.flatMap(t => t.rules.map(code => [`${t.section}.${t.key}`, code, t] as const)))('%s at its maximum, on the example of %s', async (_name, code, threshold) => {
            const stillReports = ['aftercareMinMonths', 'careMinMonthsSevere', 'coverageFollowUpDays', 'incidentsMeetingWithinDays'].includes(threshold.field);
            for (const value of [threshold.maximum, threshold.default]) {
                const diagnostics = await checkExample(code, `{ "${threshold.section}": { "${threshold.key}": ${value} } }`);
                for (const d of diagnostics) expect(String(d.message)).not.toMatch(/NaN|undefined|Infinity/);
                if (value === threshold.default || stillReports) expect(diagnostics.map(d => d.code), `${value}`).toContain(code);
            }
        });
    });
});

describe('VP009 says what applies instead of a file it cannot use (v2: the cascade)', () => {
    const root = mkdtempSync(join(tmpdir(), 'vplan-config-broken-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    mkdirSync(join(root, 'team'));
    writeFileSync(join(root, 'vplan.config.json'), '{ "root": true, "aftercare": { "minMonths": 24 } }');

    const provider = () => {
        const fileSystem = NodeFileSystem.fileSystemProvider();
        return new VplanSettingsProvider(fileSystem, new WorkspaceLayout(fileSystem));
    };

    test.each([
        ['not valid JSON', '{ "rules": { "VP011": "off", } }', 'VP009.json'],
        ['not an object', '[1, 2]', 'VP009.notObject'],
        ['too deep', '['.repeat(100), 'VP009.tooDeep']
    ])('a sub-folder config that is %s: the root\'s value applies, and the message says so', (_label, text, messageId) => {
        writeFileSync(join(root, 'team', 'vplan.config.json'), text);
        const settings = provider().settingsFor(URI.file(join(root, 'team', 'plan.vplan')));
        expect(settings.config.aftercareMinMonths).toBe(24);
        const broken = settings.sources.find(source => source.uri.fsPath === join(root, 'team', 'vplan.config.json'))!;
        expect(broken.parsed.problems.map(p => p.messageId)).toEqual([messageId]);
        const [en] = configDiagnostics(broken, 'en');
        const [nl] = configDiagnostics(broken, 'nl');
        expect(en.message).toMatch(/; the values from config files farther up, or the defaults, apply\.$/);
        expect(nl.message).toMatch(/; de waarden uit configuratiebestanden hogerop, of de standaardwaarden, gelden\.$/);
        expect(en.message).not.toContain('the defaults apply');
    });

    test.each([
        ['VP009.tooLarge', { limit: '1 MB' }],
        ['VP009.unreadable', { reason: 'EACCES' }]
    ] as const)('%s says the same', (messageId, args) => {
        expect(renderMessage(messageId, args, 'en')).toMatch(/; the values from config files farther up, or the defaults, apply\.$/);
        expect(renderMessage(messageId, args, 'nl')).toMatch(/; de waarden uit configuratiebestanden hogerop, of de standaardwaarden, gelden\.$/);
    });
});
