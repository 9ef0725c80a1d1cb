/**
 * VP009: a `vplan.config.json` that vplan cannot fully use. The file is parsed and validated in
 * config/vplan-config.ts (and on disk by config/settings-provider.ts); the findings are reported on
 * the config file itself, in the editor and by the CLI.
 */

import { defineRule, defineRules, finding } from './rule-unit.js';

export const configRule = defineRule({
    code: 'VP009',
    severity: 'error',
    title: { en: 'Valid project configuration', nl: 'Geldige projectconfiguratie' },
    findings: {
        json: finding<{ detail: string }>({
            en: (a) => `vplan.config.json is not valid JSON (${a.detail}); the values from config files farther up, or the defaults, apply.`,
            nl: (a) => `vplan.config.json is geen geldige JSON (${a.detail}); de waarden uit configuratiebestanden hogerop, of de standaardwaarden, gelden.`
        }),
        notObject: finding<Record<string, never>>({
            en: () => 'vplan.config.json must hold one JSON object; the values from config files farther up, or the defaults, apply.',
            nl: () => 'vplan.config.json moet één JSON-object bevatten; de waarden uit configuratiebestanden hogerop, of de standaardwaarden, gelden.'
        }),
        unknownKey: finding<{ key: string; allowed: string }>({
            en: (a) => `Unknown key '${a.key}'; allowed here: ${a.allowed}.`,
            nl: (a) => `Onbekende sleutel '${a.key}'; hier toegestaan: ${a.allowed}.`
        }),
        unknownRule: finding<{ key: string }>({
            en: (a) => `Unknown rule '${a.key}'; rules are codes such as VP011 (see docs/rules.md).`,
            nl: (a) => `Onbekende regel '${a.key}'; regels zijn codes zoals VP011 (zie docs/rules.md).`
        }),
        severity: finding<{ key: string }>({
            en: (a) => `The severity of ${a.key} must be "error", "warning", "info" or "off".`,
            nl: (a) => `De ernst van ${a.key} moet "error", "warning", "info" of "off" zijn.`
        }),
        vp000Off: finding<Record<string, never>>({
            en: () => 'VP000 (syntax errors) cannot be changed: a plan that does not parse cannot be checked.',
            nl: () => 'VP000 (syntaxfouten) kan niet worden aangepast: een plan dat niet te lezen is, kan niet worden gecontroleerd.'
        }),
        range: finding<{ key: string; minimum: number; maximum: number }>({
            en: (a) => `${a.key} must be between ${a.minimum} and ${a.maximum}; the value from a config file farther up, or the default, applies.`,
            nl: (a) => `${a.key} moet tussen ${a.minimum} en ${a.maximum} liggen; de waarde uit een configuratiebestand hogerop, of de standaardwaarde, geldt.`
        }),
        boolean: finding<{ key: string }>({
            en: (a) => `${a.key} must be true or false.`,
            nl: (a) => `${a.key} moet true of false zijn.`
        }),
        tooLarge: finding<{ limit: string }>({
            en: (a) => `vplan.config.json is larger than ${a.limit}, so it is not read; the values from config files farther up, or the defaults, apply.`,
            nl: (a) => `vplan.config.json is groter dan ${a.limit} en wordt daarom niet gelezen; de waarden uit configuratiebestanden hogerop, of de standaardwaarden, gelden.`
        }),
        tooDeep: finding<{ depth: number }>({
            en: (a) => `vplan.config.json nests objects or arrays more than ${a.depth} levels deep, so it is not read; the values from config files farther up, or the defaults, apply.`,
            nl: (a) => `vplan.config.json nest objecten of lijsten meer dan ${a.depth} niveaus diep en wordt daarom niet gelezen; de waarden uit configuratiebestanden hogerop, of de standaardwaarden, gelden.`
        }),
        more: finding<{ count: number }>({
            en: (a) => `${a.count} more problems in this file are not listed.`,
            nl: (a) => `Nog ${a.count} problemen in dit bestand worden niet getoond.`
        }),
        integer: finding<{ key: string }>({
            en: (a) => `${a.key} must be a whole number of 0 or more.`,
            nl: (a) => `${a.key} moet een geheel getal van 0 of meer zijn.`
        }),
        object: finding<{ key: string }>({
            en: (a) => `${a.key} must be a JSON object.`,
            nl: (a) => `${a.key} moet een JSON-object zijn.`
        }),
        locale: finding<Record<string, never>>({
            en: () => 'locale must be "en" or "nl" (or absent to follow the editor or the environment).',
            nl: () => 'locale moet "en" of "nl" zijn (of ontbreken om de editor of de omgeving te volgen).'
        }),
        unreadable: finding<{ reason: string }>({
            en: (a) => `vplan.config.json cannot be read (${a.reason}); the values from config files farther up, or the defaults, apply.`,
            nl: (a) => `vplan.config.json kan niet worden gelezen (${a.reason}); de waarden uit configuratiebestanden hogerop, of de standaardwaarden, gelden.`
        })
    },
    docs: {
        checks: 'The config file is valid JSON holding one object; it only uses the keys `root`, `rules`, the thresholds ' +
            '(`aftercare.minMonths`, `participation.hearChildrenFromAge`, `coverage.maxGapDays`, `coverage.followUpDays`, ' +
            '`care.minMonthsSevere`, `incidents.meetingWithinDays`) and `locale`; `root` is `true` or `false`; every rule is a ' +
            'known code with a severity `"error"`, `"warning"`, `"info"` or `"off"`; VP000 is not changed; the thresholds are ' +
            'whole numbers of 0 or more (`aftercare.minMonths` at most 120000 months, `coverage.followUpDays` and ' +
            '`incidents.meetingWithinDays` at most 3652425 days: ten thousand years, since these checks compute and show a date ' +
            'that far on); `locale` is `"en"` or `"nl"`. Reported on `vplan.config.json` itself.',
        why: 'A typo in the configuration would otherwise silently change which checks run. Whatever the file failed to set ' +
            'comes from the config files farther up, else from the defaults.',
        example: { show: '{ "rules": { "VP011": "warn" }, "aftercare": { "minMonth": 12 } }', file: '{ "rules": { "VP011": "warn" }, "aftercare": { "minMonth": 12 } }', kind: 'config' },
        fix: 'Use the keys and values listed above (`"warning"`, `minMonths`).'
    }
});

/** The message ids of VP009 (`VP009.json`, ...). */
export type ConfigFindingId = `VP009.${keyof typeof configRule.findings}`;

export const configRules = defineRules({ rules: [configRule] });
