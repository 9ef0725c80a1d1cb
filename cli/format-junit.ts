/**
 * `vplan check --format junit`: JUnit XML for CI test reports. One `testsuite` per checked file,
 * one `testcase` per rule that ran on it (rules turned off in vplan.config.json did not run), and
 * one `failure` per error-level diagnostic; warnings and infos go to the testcase's system-out.
 */

import { create } from 'xmlbuilder2';
import { RULES } from '../language/rules/registry.js';
import { registerCheckFormatter, type CheckContext } from './check-command.js';
import type { DiagnosticRecord } from './workspace.js';

function position(record: DiagnosticRecord): string {
    return `${record.file}:${record.line}:${record.column}`;
}

export function junitXml(records: readonly DiagnosticRecord[], context: CheckContext): string {
    const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('testsuites', { name: 'vplan check' });
    // Config files (VP009) are not plan files but may hold diagnostics: give them a suite too.
    const files = [...context.files.map(f => ({ file: f.file, rulesOff: f.rulesOff }))];
    for (const record of records) {
        if (!files.some(f => f.file === record.file)) files.push({ file: record.file, rulesOff: new Set() });
    }
    let totalTests = 0;
    let totalFailures = 0;
    for (const { file, rulesOff } of files) {
        const fileRecords = records.filter(r => r.file === file);
        const ran = RULES.filter(rule => !rulesOff.has(rule.code) || fileRecords.some(r => r.code === rule.code));
        const failures = fileRecords.filter(r => r.severity === 'error').length;
        totalTests += ran.length;
        totalFailures += failures;
        const suite = root.ele('testsuite', { name: file, tests: ran.length, failures, errors: 0, skipped: 0 });
        for (const rule of ran) {
            const testcase = suite.ele('testcase', { classname: file, name: `${rule.code} ${rule.title.en}` });
            const ruleRecords = fileRecords.filter(r => r.code === rule.code);
            for (const record of ruleRecords.filter(r => r.severity === 'error')) {
                testcase.ele('failure', { message: record.message, type: record.code })
                    .txt(`${position(record)}: error ${record.code} ${record.message}`);
            }
            const notes = ruleRecords.filter(r => r.severity !== 'error');
            if (notes.length > 0) {
                testcase.ele('system-out').txt(notes.map(r => `${position(r)}: ${r.severity} ${r.code} ${r.message}`).join('\n'));
            }
        }
    }
    root.att('tests', String(totalTests)).att('failures', String(totalFailures)).att('errors', '0');
    return root.end({ prettyPrint: true }) + '\n';
}

registerCheckFormatter('junit', (records, _summary, _io, _options, context) => junitXml(records, context));
