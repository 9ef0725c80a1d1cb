/**
 * `vplan check --format sarif`: a SARIF 2.1.0 log in the subset GitHub code scanning accepts
 * (one run, every rule with an absolute helpUri, results with a relative artifact URI under
 * `%SRCROOT%` and a full region).
 */

import type { Log, ReportingDescriptor, Result } from 'sarif';
import { isAbsolute, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import packageJson from '../package.json' with { type: 'json' };
import { RULES, ruleAnchor, type RuleSeverity } from '../language/rules/registry.js';
import { registerCheckFormatter } from './check-command.js';
import type { DiagnosticRecord, SeverityName } from './workspace.js';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVELS: Record<RuleSeverity | SeverityName, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

/** The repository's web address (package.json `repository.url` without `git+` and `.git`). */
export function repositoryWebUrl(): string {
    const raw = (packageJson as { repository?: { url?: string } | string }).repository;
    const url = typeof raw === 'string' ? raw : raw?.url ?? '';
    return url.replace(/^git\+/, '').replace(/\.git$/, '').replace(/\/$/, '');
}

/** The documentation of a rule; absolute, because GitHub ignores relative helpUris. */
export function ruleHelpUri(code: string): string {
    return `${repositoryWebUrl()}/blob/main/docs/rules.md#${ruleAnchor(code)}`;
}

/** `Every member covered` → `EveryMemberCovered` (SARIF's rule `name` is an identifier-like word). */
function ruleName(title: string): string {
    return title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').split(/[^A-Za-z0-9]+/).filter(Boolean)
        .map(word => word[0].toUpperCase() + word.slice(1)).join('');
}

/**
 * A path relative to the current folder (the run's `%SRCROOT%`), with forward slashes, as a URI
 * reference; a file outside the current folder gets an absolute file URI.
 */
function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
    const absolute = resolve(cwd, file);
    const fromRoot = relative(cwd, absolute);
    if (fromRoot === '' || fromRoot.startsWith('..') || isAbsolute(fromRoot)) return { uri: pathToFileURL(absolute).href };
    return { uri: fromRoot.split('\\').join('/').split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

export function sarifLog(records: readonly DiagnosticRecord[], cwd: string): Log {
    const rules: ReportingDescriptor[] = RULES.map(rule => ({
        id: rule.code,
        name: ruleName(rule.title.en),
        shortDescription: { text: rule.title.en },
        helpUri: ruleHelpUri(rule.code),
        defaultConfiguration: { level: LEVELS[rule.severity] }
    }));
    const indexByCode = new Map(RULES.map((rule, index) => [rule.code, index]));
    const results: Result[] = records.map(record => {
        const ruleIndex = indexByCode.get(record.code);
        return {
            ruleId: record.code,
            ...(ruleIndex !== undefined ? { ruleIndex } : {}),
            level: LEVELS[record.severity],
            message: { text: record.message },
            locations: [{
                physicalLocation: {
                    artifactLocation: artifactLocation(record.file, cwd),
                    region: {
                        startLine: record.line,
                        startColumn: record.column,
                        endLine: record.endLine,
                        // SARIF columns are 1-based with an exclusive end, like the records; an empty range gets one column.
                        endColumn: record.endLine === record.line && record.endColumn <= record.column ? record.column + 1 : record.endColumn
                    }
                }
            }]
        };
    });
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: {
                driver: {
                    name: 'vplan',
                    version: packageJson.version,
                    semanticVersion: packageJson.version,
                    informationUri: repositoryWebUrl(),
                    rules
                }
            },
            columnKind: 'utf16CodeUnits',
            results
        }]
    };
}

registerCheckFormatter('sarif', (records, _summary, _io, options) => JSON.stringify(sarifLog(records, options.cwd), null, 2) + '\n');
