/**
 * `vplan.config.json` (spec section 7): per-rule severities, thresholds and the message locale.
 * Parsing is pure; problems are VP009 diagnostics on the config file itself, and whatever the
 * file failed to set comes from the config files farther up (`mergeConfigSettings`), else from the
 * defaults.
 */

import { parseTree, findNodeAtLocation, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { isLocale, type Locale } from '../i18n/locale.js';
import { RULES_BY_CODE } from '../rules/registry.js';
import type { ConfiguredSeverity } from '../rules/rule-unit.js';
import type { ConfigFindingId } from '../rules/config-rules.js';
import { SEVERITY_VALUES, THRESHOLDS, type ThresholdField } from './config-schema.js';

export const CONFIG_FILE_NAME = 'vplan.config.json';

/** A config file larger than this is VP009 and its settings are not read (a 60 MB file cost 2 GB). */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** At most this many VP009 findings per file; a file with more is reported as one more finding. */
export const MAX_CONFIG_PROBLEMS = 100;

export interface VplanConfig {
    rules: Readonly<Record<string, ConfiguredSeverity>>;
    aftercareMinMonths: number;
    hearChildrenFromAge: number;
    /** v2: VP004. */
    coverageMaxGapDays: number;
    /** v2: VP042. */
    coverageFollowUpDays: number;
    /** v2: VP043. */
    careMinMonthsSevere: number;
    /** v2: VP052. */
    incidentsMeetingWithinDays: number;
    locale?: Locale;
}

export const DEFAULT_CONFIG: VplanConfig = Object.freeze({
    rules: Object.freeze({}),
    ...Object.fromEntries(THRESHOLDS.map(t => [t.field, t.default])) as Record<ThresholdField, number>,
    locale: undefined
});

/** What one config file validly sets: the cascade merges these, nearer files over farther ones. */
export interface ConfigSettings {
    root?: boolean;
    rules?: Record<string, ConfiguredSeverity>;
    thresholds?: Partial<Record<ThresholdField, number>>;
    locale?: Locale;
}

export interface ConfigProblem {
    offset: number;
    length: number;
    messageId: ConfigFindingId;
    args: Record<string, unknown>;
}

export interface ParsedConfig {
    /** The file's settings over the defaults (what applies when it is the only config). */
    config: VplanConfig;
    /** Only what the file validly sets. */
    settings: ConfigSettings;
    problems: ConfigProblem[];
}

/** Merges config files' settings, farthest first: a nearer file overrides the keys it sets. */
export function mergeConfigSettings(chain: readonly ConfigSettings[]): VplanConfig {
    const rules: Record<string, ConfiguredSeverity> = {};
    const thresholds: Partial<Record<ThresholdField, number>> = {};
    let locale: Locale | undefined;
    for (const settings of chain) {
        Object.assign(rules, settings.rules);
        Object.assign(thresholds, settings.thresholds);
        if (settings.locale !== undefined) locale = settings.locale;
    }
    return { ...DEFAULT_CONFIG, ...thresholds, rules, locale };
}

const SEVERITIES = new Set<string>(SEVERITY_VALUES);
const TOP_LEVEL_KEYS = ['root', 'rules', ...new Set(THRESHOLDS.map(t => t.section)), 'locale'];

export function parseConfigText(text: string): ParsedConfig {
    const problems: ConfigProblem[] = [];
    const settings: ConfigSettings = {};
    const done = () => ({ config: mergeConfigSettings([settings]), settings, problems: capped(problems) });
    if (text.length > MAX_CONFIG_BYTES) {
        problems.push({ offset: 0, length: 1, messageId: 'VP009.tooLarge', args: { limit: `${MAX_CONFIG_BYTES / 1024 / 1024} MB` } });
        return done();
    }
    // jsonc-parser recurses once per level: thousands of `[` would overflow the stack (issue 15).
    const deepAt = offsetTooDeep(text, MAX_CONFIG_DEPTH);
    if (deepAt !== undefined) {
        problems.push({ offset: deepAt, length: 1, messageId: 'VP009.tooDeep', args: { depth: MAX_CONFIG_DEPTH } });
        return done();
    }
    const errors: ParseError[] = [];
    const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
    if (errors.length > 0 || !root) {
        const first = errors[0];
        problems.push({
            offset: first?.offset ?? 0, length: Math.max(first?.length ?? 0, 1), messageId: 'VP009.json',
            args: { detail: first ? printParseErrorCode(first.error) : 'empty file' }
        });
        return done();
    }
    if (root.type !== 'object') {
        problems.push({ offset: root.offset, length: root.length, messageId: 'VP009.notObject', args: {} });
        return done();
    }

    const keyProblem = (prop: JsonNode, messageId: ConfigProblem['messageId'], args: Record<string, unknown>) => {
        const keyNode = prop.children?.[0] ?? prop;
        problems.push({ offset: keyNode.offset, length: keyNode.length, messageId, args });
    };
    const valueProblem = (value: JsonNode, messageId: ConfigProblem['messageId'], args: Record<string, unknown>) =>
        problems.push({ offset: value.offset, length: value.length, messageId, args });

    for (const prop of root.children ?? []) {
        const key = String(prop.children?.[0]?.value);
        const value = prop.children?.[1];
        if (!value) continue;
        if (key === 'root') {
            if (value.type === 'boolean') settings.root = value.value as boolean;
            else valueProblem(value, 'VP009.boolean', { key });
        } else if (key === 'rules') {
            if (value.type !== 'object') { valueProblem(value, 'VP009.object', { key }); continue; }
            const rules: Record<string, ConfiguredSeverity> = {};
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
            settings.rules = rules;
        } else if (key === 'locale') {
            if (value.type === 'string' && isLocale(value.value)) settings.locale = value.value;
            else valueProblem(value, 'VP009.locale', {});
        } else if (THRESHOLDS.some(t => t.section === key)) {
            if (value.type !== 'object') { valueProblem(value, 'VP009.object', { key }); continue; }
            const allowed = THRESHOLDS.filter(t => t.section === key);
            for (const inner of value.children ?? []) {
                const innerKey = String(inner.children?.[0]?.value);
                const innerValue = inner.children?.[1];
                const threshold = allowed.find(t => t.key === innerKey);
                if (!threshold) { keyProblem(inner, 'VP009.unknownKey', { key: `${key}.${innerKey}`, allowed: allowed.map(t => t.key).join(', ') }); continue; }
                if (!innerValue) continue;
                const path = `${key}.${innerKey}`;
                if (innerValue.type !== 'number' || !Number.isInteger(innerValue.value) || innerValue.value < 0) {
                    valueProblem(innerValue, 'VP009.integer', { key: path });
                } else if (innerValue.value < threshold.minimum || innerValue.value > threshold.maximum) {
                    valueProblem(innerValue, 'VP009.range', { key: path, minimum: threshold.minimum, maximum: threshold.maximum });
                } else {
                    (settings.thresholds ??= {})[threshold.field] = innerValue.value as number;
                }
            }
        } else {
            keyProblem(prop, 'VP009.unknownKey', { key, allowed: TOP_LEVEL_KEYS.join(', ') });
        }
    }
    return done();
}

/** The first findings, and one that says how many more there are (a hostile file may have thousands). */
function capped(problems: ConfigProblem[]): ConfigProblem[] {
    if (problems.length <= MAX_CONFIG_PROBLEMS) return problems;
    const rest = problems.length - MAX_CONFIG_PROBLEMS;
    const last = problems[MAX_CONFIG_PROBLEMS];
    return [...problems.slice(0, MAX_CONFIG_PROBLEMS), { offset: last.offset, length: last.length, messageId: 'VP009.more', args: { count: rest } }];
}

/** A real configuration nests three levels; far deeper is an attack or an accident. */
export const MAX_CONFIG_DEPTH = 64;

/** The offset of the first `{` or `[` (outside strings) that opens level `limit + 1`, if any. */
function offsetTooDeep(text: string, limit: number): number | undefined {
    let depth = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (inString) {
            if (c === 92 /* \\ */) i++;
            else if (c === 34 /* " */) inString = false;
        } else if (c === 34) {
            inString = true;
        } else if (c === 123 /* { */ || c === 91 /* [ */) {
            if (++depth > limit) return i;
        } else if (c === 125 /* } */ || c === 93 /* ] */) {
            depth--;
        }
    }
    return undefined;
}

/** Finds the value node of a dotted key, for editors that want to point at it. */
export function findConfigValue(text: string, path: string[]): JsonNode | undefined {
    const root = parseTree(text);
    return root ? findNodeAtLocation(root, path) : undefined;
}
