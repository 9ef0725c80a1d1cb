/**
 * `vplan check --format junit`: JUnit XML for CI test reports. One `testsuite` per checked file,
 * one `testcase` per rule that ran on it (rules turned off in vplan.config.json did not run).
 * A testcase with error-level diagnostics has one `failure` listing all of them (cli.md v2), so
 * that `failures` counts failed test cases, as test-report readers expect; warnings and infos go
 * to the testcase's system-out. XML 1.0 cannot hold most control characters, so file names and
 * texts are written with them escaped (safe-text.ts).
 */

import { create } from 'xmlbuilder2';
import { RULES } from '../language/rules/registry.js';
import { severityCount } from '../language/i18n/phrases.js';
import type { Locale } from '../language/i18n/locale.js';
import { registerCheckFormatter, type CheckContext } from './check-command.js';
import { escapeControlCharacters } from './safe-text.js';
import type { DiagnosticRecord } from './workspace.js';

function line(record: DiagnosticRecord): string {
    return escapeControlCharacters(`${record.file}:${record.line}:${record.column}: ${record.severity} ${record.code} ${record.message}`);
}

/** The failure's one-line summary: the message of the only error, else their number and the first one. */
function failureMessage(errors: readonly DiagnosticRecord[], locale: Locale): string {
    const first = escapeControlCharacters(errors[0].message);
    return errors.length === 1 ? first : `${severityCount(errors.length, 'error', locale)}: ${first}`;
}

export function junitXml(records: readonly DiagnosticRecord[], context: CheckContext, locale: Locale = 'en'): string {
    const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('testsuites', { name: 'vplan check' });
    // Config files (VP009) are not plan files but may hold diagnostics: give them a suite too.
    const files = [...context.files.map(f => ({ file: f.file, rulesOff: f.rulesOff }))];
    for (const record of records) {
        if (!files.some(f => f.file === record.file)) files.push({ file: record.file, rulesOff: new Set() });
    }
    // In the order of the other formats (sortRecords, cli/workspace.ts): by path as a string, so
    // `a-b.vplan`, `a.vplan`, `a/b.vplan`; not in the order a folder search found them.
    files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    let totalTests = 0;
    let totalFailures = 0;
    for (const { file, rulesOff } of files) {
        const fileRecords = records.filter(r => r.file === file);
        const ran = RULES.filter(rule => !rulesOff.has(rule.code) || fileRecords.some(r => r.code === rule.code));
        const name = escapeControlCharacters(file);
        const cases = ran.map(rule => {
            const ruleRecords = fileRecords.filter(r => r.code === rule.code);
            return { rule, errors: ruleRecords.filter(r => r.severity === 'error'), notes: ruleRecords.filter(r => r.severity !== 'error') };
        });
        const failures = cases.filter(c => c.errors.length > 0).length;
        totalTests += ran.length;
        totalFailures += failures;
        const suite = root.ele('testsuite', { name, tests: ran.length, failures, errors: 0, skipped: 0 });
        for (const { rule, errors, notes } of cases) {
            const testcase = suite.ele('testcase', { classname: name, name: `${rule.code} ${rule.title.en}` });
            if (errors.length > 0) {
                testcase.ele('failure', { message: failureMessage(errors, locale), type: rule.code }).txt(errors.map(line).join('\n'));
            }
            if (notes.length > 0) testcase.ele('system-out').txt(notes.map(line).join('\n'));
        }
    }
    root.att('tests', String(totalTests)).att('failures', String(totalFailures)).att('errors', '0');
    return root.end({ prettyPrint: true }) + '\n';
}

registerCheckFormatter('junit', (records, _summary, _io, options, context) => junitXml(records, context, options.locale ?? options.defaultLocale));
