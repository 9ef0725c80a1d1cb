/**
 * `vplan check --format sarif`: a SARIF 2.1.0 log in the subset GitHub code scanning accepts
 * (one run, every rule with an absolute helpUri when the repository has a real web address,
 * results with a relative artifact URI under `%SRCROOT%` and a full region).
 */

import type { Log, ReportingDescriptor, Result } from 'sarif';
import { isAbsolute, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import packageJson from '../package.json' with { type: 'json' };
import { RULES, RULE_SPECS, ruleAnchor, type RuleSeverity } from '../language/rules/registry.js';
import { registerCheckFormatter } from './check-command.js';
import { escapeJsonControlCharacters } from './safe-text.js';
import type { DiagnosticRecord, SeverityName } from './workspace.js';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVELS: Record<RuleSeverity | SeverityName, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

export interface PackageLinks {
    repository?: { type?: string; url?: string } | string;
    homepage?: string;
}

/** Host names that never resolve (RFC 2606, RFC 6761), and so never make a link. */
const RESERVED_HOST = /(^|\.)(invalid|test|example|localhost|local)$|(^|\.)example\.(com|net|org)$/i;

/** `url` as a web address to link to: an https URL of a real host (no credentials), without `git+`, `.git` and a final `/`. */
export function realWebUrl(url: string | undefined): string | undefined {
    if (!url) return undefined;
    let parsed: URL;
    try {
        parsed = new URL(url.trim().replace(/^git\+/, ''));
    } catch {
        return undefined;
    }
    if (parsed.protocol !== 'https:' || parsed.username || parsed.password || !parsed.hostname.includes('.') || RESERVED_HOST.test(parsed.hostname)) return undefined;
    return parsed.href.replace(/\.git$/, '').replace(/\/$/, '');
}

/**
 * The repository's web address (package.json `repository`), when it is a real https URL; else
 * undefined, and the log carries no link at all rather than a dead one (docs/decisions.md).
 */
export function repositoryWebUrl(links: PackageLinks = packageJson as PackageLinks): string | undefined {
    const raw = links.repository;
    return realWebUrl(typeof raw === 'string' ? raw : raw?.url);
}

/** The project's web page: package.json `homepage`, else the repository, when it is a real https URL. */
export function projectWebUrl(links: PackageLinks = packageJson as PackageLinks): string | undefined {
    return realWebUrl(links.homepage) ?? repositoryWebUrl(links);
}

/**
 * The documentation of a rule in the repository (absolute, because GitHub ignores relative
 * helpUris), or undefined when the repository has no real web address.
 */
export function ruleHelpUri(code: string, links: PackageLinks = packageJson as PackageLinks): string | undefined {
    const repository = repositoryWebUrl(links);
    return repository ? `${repository}/blob/main/docs/rules.md#${ruleAnchor(code)}` : undefined;
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

/** `{ key: value }`, or nothing when there is no value (SARIF omits a property rather than leave it empty). */
function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
    return value === undefined ? {} : { [key]: value } as { [P in K]?: string };
}

const SPECS = new Map(RULE_SPECS.map(spec => [spec.code, spec]));

/** Markdown of docs/rules.md without its links to other sections (they do not resolve in a SARIF viewer). */
const withoutSectionLinks = (markdown: string) => markdown.replace(/\[([^\]]+)\]\(#[^)]+\)/g, '$1');

/**
 * A rule's documentation in the log itself (SARIF `fullDescription` and `help`, which GitHub code
 * scanning shows with an alert): what it checks, why and how to fix it, from the rule's unit —
 * the same text as its section of docs/rules.md, readable where no `helpUri` can point.
 */
export function ruleHelp(code: string): Pick<ReportingDescriptor, 'fullDescription' | 'help'> {
    const docs = SPECS.get(code)?.docs;
    if (!docs) return {};
    const markdown = `**What it checks.** ${withoutSectionLinks(docs.checks)}\n\n**Why.** ${withoutSectionLinks(docs.why)}\n\n**How to fix.** ${withoutSectionLinks(docs.fix)}`;
    return {
        fullDescription: { text: withoutSectionLinks(docs.checks) },
        help: { text: markdown.replace(/\*\*/g, ''), markdown }
    };
}

export function sarifLog(records: readonly DiagnosticRecord[], cwd: string): Log {
    const rules: ReportingDescriptor[] = RULES.map(rule => ({
        id: rule.code,
        name: ruleName(rule.title.en),
        shortDescription: { text: rule.title.en },
        ...ruleHelp(rule.code),
        ...optional('helpUri', ruleHelpUri(rule.code)),
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
                    ...optional('informationUri', projectWebUrl()),
                    rules
                }
            },
            columnKind: 'utf16CodeUnits',
            results
        }]
    };
}

registerCheckFormatter('sarif', (records, _summary, _io, options) => escapeJsonControlCharacters(JSON.stringify(sarifLog(records, options.cwd), null, 2)) + '\n');
