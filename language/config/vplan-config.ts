/**
 * `vplan.config.json` (spec section 7): per-rule severities, thresholds and the message locale.
 * Parsing is pure; problems are VP009 diagnostics on the config file itself, and the defaults
 * apply to whatever the file failed to set.
 */

import { parseTree, findNodeAtLocation, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { isLocale, type Locale, type MessageCatalogue } from '../i18n/locale.js';
import { RULES_BY_CODE, type ConfiguredSeverity } from '../validation/rules.js';

export const CONFIG_FILE_NAME = 'vplan.config.json';

export interface VplanConfig {
    rules: Readonly<Record<string, ConfiguredSeverity>>;
    aftercareMinMonths: number;
    hearChildrenFromAge: number;
    locale?: Locale;
}

export const DEFAULT_CONFIG: VplanConfig = Object.freeze({
    rules: Object.freeze({}),
    aftercareMinMonths: 12,
    hearChildrenFromAge: 12,
    locale: undefined
});

export interface ConfigProblem {
    offset: number;
    length: number;
    messageId: keyof typeof configMessages;
    args: Record<string, unknown>;
}

export interface ParsedConfig {
    config: VplanConfig;
    problems: ConfigProblem[];
}

export const configMessages = {
    'VP009.json': {
        en: (a: { detail: string }) => `vplan.config.json is not valid JSON (${a.detail}); the defaults apply.`,
        nl: (a: { detail: string }) => `vplan.config.json is geen geldige JSON (${a.detail}); de standaardwaarden gelden.`
    },
    'VP009.notObject': {
        en: () => 'vplan.config.json must hold one JSON object; the defaults apply.',
        nl: () => 'vplan.config.json moet één JSON-object bevatten; de standaardwaarden gelden.'
    },
    'VP009.unknownKey': {
        en: (a: { key: string; allowed: string }) => `Unknown key '${a.key}'; allowed here: ${a.allowed}.`,
        nl: (a: { key: string; allowed: string }) => `Onbekende sleutel '${a.key}'; hier toegestaan: ${a.allowed}.`
    },
    'VP009.unknownRule': {
        en: (a: { key: string }) => `Unknown rule '${a.key}'; rules are codes such as VP011 (see docs/rules.md).`,
        nl: (a: { key: string }) => `Onbekende regel '${a.key}'; regels zijn codes zoals VP011 (zie docs/rules.md).`
    },
    'VP009.severity': {
        en: (a: { key: string }) => `The severity of ${a.key} must be "error", "warning", "info" or "off".`,
        nl: (a: { key: string }) => `De ernst van ${a.key} moet "error", "warning", "info" of "off" zijn.`
    },
    'VP009.vp000Off': {
        en: () => 'VP000 (syntax errors) cannot be changed: a plan that does not parse cannot be checked.',
        nl: () => 'VP000 (syntaxfouten) kan niet worden aangepast: een plan dat niet te lezen is, kan niet worden gecontroleerd.'
    },
    'VP009.integer': {
        en: (a: { key: string }) => `${a.key} must be a whole number of 0 or more.`,
        nl: (a: { key: string }) => `${a.key} moet een geheel getal van 0 of meer zijn.`
    },
    'VP009.object': {
        en: (a: { key: string }) => `${a.key} must be a JSON object.`,
        nl: (a: { key: string }) => `${a.key} moet een JSON-object zijn.`
    },
    'VP009.locale': {
        en: () => 'locale must be "en" or "nl" (or absent to follow the editor or the environment).',
        nl: () => 'locale moet "en" of "nl" zijn (of ontbreken om de editor of de omgeving te volgen).'
    },
    'VP009.unreadable': {
        en: (a: { reason: string }) => `vplan.config.json cannot be read (${a.reason}); the defaults apply.`,
        nl: (a: { reason: string }) => `vplan.config.json kan niet worden gelezen (${a.reason}); de standaardwaarden gelden.`
    }
} satisfies MessageCatalogue;

const SEVERITIES = new Set(['error', 'warning', 'info', 'off']);

export function parseConfigText(text: string): ParsedConfig {
    const problems: ConfigProblem[] = [];
    const errors: ParseError[] = [];
    const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
    if (errors.length > 0 || !root) {
        const first = errors[0];
        problems.push({
            offset: first?.offset ?? 0, length: Math.max(first?.length ?? 0, 1), messageId: 'VP009.json',
            args: { detail: first ? printParseErrorCode(first.error) : 'empty file' }
        });
        return { config: DEFAULT_CONFIG, problems };
    }
    if (root.type !== 'object') {
        problems.push({ offset: root.offset, length: root.length, messageId: 'VP009.notObject', args: {} });
        return { config: DEFAULT_CONFIG, problems };
    }
    const rules: Record<string, ConfiguredSeverity> = {};
    let aftercareMinMonths = DEFAULT_CONFIG.aftercareMinMonths;
    let hearChildrenFromAge = DEFAULT_CONFIG.hearChildrenFromAge;
    let locale: Locale | undefined;

    const keyProblem = (prop: JsonNode, messageId: ConfigProblem['messageId'], args: Record<string, unknown>) => {
        const keyNode = prop.children?.[0] ?? prop;
        problems.push({ offset: keyNode.offset, length: keyNode.length, messageId, args });
    };
    const valueProblem = (value: JsonNode, messageId: ConfigProblem['messageId'], args: Record<string, unknown>) =>
        problems.push({ offset: value.offset, length: value.length, messageId, args });
    const readInteger = (value: JsonNode, key: string): number | undefined => {
        if (value.type === 'number' && Number.isInteger(value.value) && value.value >= 0) return value.value as number;
        valueProblem(value, 'VP009.integer', { key });
        return undefined;
    };

    for (const prop of root.children ?? []) {
        const key = String(prop.children?.[0]?.value);
        const value = prop.children?.[1];
        if (!value) continue;
        switch (key) {
            case 'rules':
                if (value.type !== 'object') { valueProblem(value, 'VP009.object', { key }); break; }
                for (const ruleProp of value.children ?? []) {
                    const code = String(ruleProp.children?.[0]?.value);
                    const severity = ruleProp.children?.[1];
                    if (!RULES_BY_CODE.has(code)) { keyProblem(ruleProp, 'VP009.unknownRule', { key: code }); continue; }
                    if (!severity || severity.type !== 'string' || !SEVERITIES.has(severity.value)) {
                        if (severity) valueProblem(severity, 'VP009.severity', { key: code });
                        continue;
                    }
                    if (code === 'VP000') { valueProblem(severity, 'VP009.vp000Off', {}); continue; }
                    rules[code] = severity.value as ConfiguredSeverity;
                }
                break;
            case 'aftercare':
            case 'participation': {
                if (value.type !== 'object') { valueProblem(value, 'VP009.object', { key }); break; }
                const allowedKey = key === 'aftercare' ? 'minMonths' : 'hearChildrenFromAge';
                for (const inner of value.children ?? []) {
                    const innerKey = String(inner.children?.[0]?.value);
                    const innerValue = inner.children?.[1];
                    if (innerKey !== allowedKey) { keyProblem(inner, 'VP009.unknownKey', { key: `${key}.${innerKey}`, allowed: allowedKey }); continue; }
                    if (!innerValue) continue;
                    const n = readInteger(innerValue, `${key}.${innerKey}`);
                    if (n === undefined) continue;
                    if (key === 'aftercare') aftercareMinMonths = n; else hearChildrenFromAge = n;
                }
                break;
            }
            case 'locale':
                if (value.type === 'string' && isLocale(value.value)) locale = value.value;
                else valueProblem(value, 'VP009.locale', {});
                break;
            default:
                keyProblem(prop, 'VP009.unknownKey', { key, allowed: 'rules, aftercare, participation, locale' });
        }
    }
    return { config: { rules, aftercareMinMonths, hearChildrenFromAge, locale }, problems };
}

/** Finds the value node of a dotted key, for editors that want to point at it. */
export function findConfigValue(text: string, path: string[]): JsonNode | undefined {
    const root = parseTree(text);
    return root ? findNodeAtLocation(root, path) : undefined;
}
