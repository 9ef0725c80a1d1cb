/**
 * The JSON Schema of `vplan.config.json`: one source for the editor (the extension contributes
 * schemas/vplan-config.schema.json, written from this by `npm run docs`) and for VP009, which
 * validates a config file against this very object (config/vplan-config.ts).
 *
 * Spec section 7: each threshold is a whole number, at least 0, so a threshold takes any safe
 * integer from 0, except where a larger value breaks a check: three thresholds are added to a date
 * and shown as a date, and the day arithmetic (model/dates.ts) gives NaN beyond its range. With
 * `aftercare.minMonths` 2^53 − 1, VP022 went silent (its minimum end was NaN, and NaN > end is
 * false) and VP021 proposed an end `0NaN-NaN-NaN`; a huge `coverage.followUpDays` (VP042) or
 * `incidents.meetingWithinDays` (VP052) printed the last day as `0NaN-NaN-NaN`. Those three are
 * capped far beyond any sane value: ten thousand years, the whole calendar a plan can write
 * (0000-01-01 to 9999-12-31). `care.minMonthsSevere` (VP043 reports a NaN end as too short, and
 * shows no date computed from it), `coverage.maxGapDays` and `participation.hearChildrenFromAge`
 * are only compared, and take any safe integer.
 */

import { RULES } from '../rules/registry.js';

/** Ten thousand years in days: every day from 0000-01-01 to 9999-12-31 (365.2425 days a year). */
export const MAX_THRESHOLD_DAYS = 3_652_425;
/** Ten thousand years in months (model/dates.ts saturates a step this long past 9999-12-31). */
export const MAX_THRESHOLD_MONTHS = 120_000;

export interface ThresholdSpec {
    /** The section and key in the file, e.g. `aftercare` / `minMonths`. */
    section: string;
    key: string;
    /** The field of `VplanConfig` it sets. */
    field: ThresholdField;
    default: number;
    minimum: number;
    /** MAX_THRESHOLD_DAYS or MAX_THRESHOLD_MONTHS where a check shows the threshold added to a date, else the largest safe integer. */
    maximum: number;
    description: string;
    /** The rules it tunes. */
    rules: readonly string[];
}

export type ThresholdField =
    | 'aftercareMinMonths' | 'hearChildrenFromAge' | 'coverageMaxGapDays' | 'coverageFollowUpDays'
    | 'careMinMonthsSevere' | 'incidentsMeetingWithinDays';

export const THRESHOLDS: readonly ThresholdSpec[] = [
    {
        section: 'aftercare', key: 'minMonths', field: 'aftercareMinMonths', default: 12, minimum: 0, maximum: MAX_THRESHOLD_MONTHS, rules: ['VP022'],
        description: 'The minimum length of aftercare in calendar months (VP022).'
    },
    {
        section: 'participation', key: 'hearChildrenFromAge', field: 'hearChildrenFromAge', default: 12, minimum: 0, maximum: Number.MAX_SAFE_INTEGER, rules: ['VP091'],
        description: 'The age from which a child must be heard in a meeting (VP091).'
    },
    {
        section: 'coverage', key: 'maxGapDays', field: 'coverageMaxGapDays', default: 28, minimum: 0, maximum: Number.MAX_SAFE_INTEGER, rules: ['VP004'],
        description: 'The longest stretch of days a member may go without help or protection (VP004).'
    },
    {
        section: 'coverage', key: 'followUpDays', field: 'coverageFollowUpDays', default: 14, minimum: 0, maximum: MAX_THRESHOLD_DAYS, rules: ['VP042'],
        description: 'Within how many days a drop-out from help must be followed by other help or a measure (VP042).'
    },
    {
        section: 'care', key: 'minMonthsSevere', field: 'careMinMonthsSevere', default: 6, minimum: 0, maximum: Number.MAX_SAFE_INTEGER, rules: ['VP043'],
        description: 'The minimum planned length in calendar months of help for a high or acute risk (VP043).'
    },
    {
        section: 'incidents', key: 'meetingWithinDays', field: 'incidentsMeetingWithinDays', default: 14, minimum: 0, maximum: MAX_THRESHOLD_DAYS, rules: ['VP052'],
        description: 'Within how many days after an incident a case discussion must follow (VP052).'
    }
];

export const SEVERITY_VALUES = ['error', 'warning', 'info', 'off'] as const;

type JsonSchema = Record<string, unknown>;

/** The schema object (JSON Schema draft-07, as VS Code reads it). */
export function configSchema(): JsonSchema {
    const sections: Record<string, JsonSchema> = {};
    for (const threshold of THRESHOLDS) {
        const section = (sections[threshold.section] ??= { type: 'object', additionalProperties: false, properties: {} });
        (section.properties as Record<string, JsonSchema>)[threshold.key] = {
            type: 'integer', minimum: threshold.minimum, maximum: threshold.maximum, default: threshold.default, description: threshold.description
        };
    }
    const ruleProperties: Record<string, JsonSchema> = {};
    for (const rule of RULES) {
        ruleProperties[rule.code] = rule.code === 'VP000'
            ? { not: {}, description: `${rule.title.en} (cannot be changed)` }
            : { enum: [...SEVERITY_VALUES], description: `${rule.title.en} (default: ${rule.severity})` };
    }
    return {
        $schema: 'http://json-schema.org/draft-07/schema#',
        title: 'vplan project configuration (vplan.config.json)',
        description: 'Rule severities, thresholds and the message language for the .vplan files of this folder and below (docs/rules.md).',
        type: 'object',
        additionalProperties: false,
        properties: {
            root: {
                type: 'boolean',
                description: 'true: this folder is the root of a workspace; files below it see only each other\'s names (docs/language.md, "Workspaces").'
            },
            rules: {
                type: 'object',
                description: 'The severity of a rule, per code: "error", "warning", "info" or "off".',
                additionalProperties: false,
                properties: ruleProperties
            },
            ...Object.fromEntries(Object.entries(sections).map(([name, schema]) => [name, { ...schema, description: `Thresholds: ${name}.` }])),
            locale: { enum: ['en', 'nl'], description: 'The language of the messages; absent: follow the editor or the environment.' }
        }
    };
}

/** The schema as the committed file holds it. */
export function configSchemaText(): string {
    return JSON.stringify(configSchema(), null, 2) + '\n';
}
