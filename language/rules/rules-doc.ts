/**
 * docs/rules.md, generated from the rule units (rules/registry.ts): the table, and per rule its
 * title, default severity, the hand-written "what it checks", "why" and "how to fix" of the unit,
 * and its example followed by the messages vplan really reports for it (so a page can never drift
 * from the messages). `npm run docs` writes the file; tests/docs/rules-doc.test.ts fails when it is
 * stale.
 */

import { EmptyFileSystem, URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createVplanServices } from '../vplan-module.js';
import { loadBuiltinCatalogue } from '../workspace/builtin-documents.js';
import { parseConfigText } from '../config/vplan-config.js';
import { RULE_SPECS, renderMessage, ruleAnchor } from './registry.js';
import type { RuleSpec } from './rule-unit.js';
import { EXAMPLE_CATALOGUE } from './example-plan.js';

const INTRO = `# vplan rules

Every diagnostic vplan reports has a stable code (\`VP000\`–\`VP100\`), a default severity and a
message in English and Dutch that says what is wrong and what would fix it. This page has one
section per code; the editor and the CLI link to \`docs/rules.md#vp011\` and so on.

Source IDs in square brackets (e.g. [S1], [S29a]) refer to the sources of the project's domain brief
(\`shared/research/domain-brief.md\`, section e). Where a rule is a design choice of the language
rather than something the sources say, it says so.

Every period in vplan is **half-open**: \`from 2026-01-12 to 2026-02-09\` covers 12 January up to and
including 8 February, so a handover \`to D\` / \`from D\` has neither a gap nor an overlap. Month and
year lengths are calendar arithmetic that clamps to the month's last day
(\`2026-01-31 + 1 month = 2026-02-28\`).

## Project configuration: \`vplan.config.json\`

For every plan file the editor and the CLI use the nearest \`vplan.config.json\` in the file's
folder or above it (the CLI's \`--config\` names one explicitly), so both give the same diagnostics.

\`\`\`json
{
  "rules": { "VP041": "off", "VP091": "warning" },
  "aftercare": { "minMonths": 12 },
  "participation": { "hearChildrenFromAge": 12 },
  "locale": "nl"
}
\`\`\`

- \`rules\` — per code, one of \`"error"\`, \`"warning"\`, \`"info"\` or \`"off"\`. A rule that is \`off\`
  reports nothing. VP000 cannot be changed.
- \`aftercare.minMonths\` — the minimum aftercare length in calendar months for [VP022](#vp022)
  (default 12).
- \`participation.hearChildrenFromAge\` — the age from which a child must be heard, for
  [VP091](#vp091) (default 12).
- \`locale\` — \`"en"\` or \`"nl"\` for the messages; absent means follow the editor or the environment
  (\`LC_ALL\`, \`LC_MESSAGES\`, \`LANG\`).

An unknown key, rule or value, or a file that is not valid JSON, is [VP009](#vp009) on the config
file itself; whatever it failed to set comes from the config files farther up, or the defaults.

### One mistake, one diagnostic

vplan avoids cascades:

- where a block is missing ([VP010](#vp010), [VP020](#vp020)), the checks that need that block stay silent;
- where a reference does not resolve ([VP081](#vp081)), the checks of the construct that holds it
  stay silent about it (a measure of an unknown type gets no VP030–VP033 or VP013);
- where a date is invalid ([VP060](#vp060)), the checks that need that date stay silent (an invalid
  plan period silences VP011, VP013, VP023, VP061, VP062 and VP091; an invalid measure term, VP030 and VP013);
- a duplicate declaration ([VP080](#vp080)) takes part in no other check, except VP000 and the
  privacy checks VP070–VP071, which always report;
- where a syntax error ([VP000](#vp000)) made the parser drop text, the checks that would find
  that text missing stay silent (\`protect ann\` gives no VP001 for ann, \`staus active\` no VP005,
  \`regi { ... }\` no VP010, \`membr bob\` no VP081 on references to bob); everything else is still
  checked. A structural keyword used as a name (\`member regie adult\`) is one VP000, and the rest of
  the declaration is still read;
- a member that [VP002](#vp002) or [VP003](#vp003) reports does not also get [VP001](#vp001)
  (what fixes the stricter rule fixes VP001 too), unless the stricter rule is turned \`off\`.
`;

/** The English messages the rule reports for its example. */
async function exampleMessages(rule: RuleSpec): Promise<string[]> {
    const example = rule.docs.example;
    if (!example) return [];
    if (example.kind === 'config') {
        return parseConfigText(example.file).problems
            .filter(problem => problem.messageId.startsWith(`${rule.code}.`))
            .map(problem => renderMessage(problem.messageId, problem.args, 'en'));
    }
    const services = createVplanServices(EmptyFileSystem);
    await loadBuiltinCatalogue(services.shared);
    services.Vplan.config.SettingsProvider.localeOverride = 'en';
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const documents = [
        factory.fromString(example.catalogue ?? EXAMPLE_CATALOGUE, URI.parse('file:///docs/organisaties.vplan')),
        factory.fromString(example.file, URI.parse('file:///docs/voorbeeld.vplan'))
    ];
    for (const document of documents) services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const diagnostics: Diagnostic[] = documents[1].diagnostics ?? [];
    return diagnostics.filter(d => d.code === rule.code).map(d => String(d.message));
}

function section(rule: RuleSpec, messages: readonly string[]): string {
    const lines = [
        `<a id="${ruleAnchor(rule.code)}"></a>`,
        `## ${rule.code} — ${rule.title.en}`,
        '',
        `*${rule.title.nl}.* **Default severity:** ${rule.severity}${rule.code === 'VP000' ? ' (cannot be changed or turned off)' : ''}.`,
        '',
        `**What it checks.** ${rule.docs.checks}`,
        '',
        `**Why.** ${rule.docs.why}`,
        ''
    ];
    const example = rule.docs.example;
    if (example) {
        lines.push('**Example.**', '', '```' + (example.kind === 'config' ? 'json' : 'vplan'), example.show, '```', '');
        if (messages.length > 0) {
            lines.push(messages.length === 1 ? 'vplan reports:' : 'vplan reports:', '');
            for (const message of messages) lines.push(`> ${message}`, '');
        }
    }
    lines.push(`**How to fix.** ${rule.docs.fix}`, '', '---', '');
    return lines.join('\n');
}

/** The whole of docs/rules.md. */
export async function renderRulesDoc(): Promise<string> {
    const table = ['| code | default | rule |', '|---|---|---|',
        ...RULE_SPECS.map(rule => `| [${rule.code}](#${ruleAnchor(rule.code)}) | ${rule.severity} | ${rule.title.en} |`), '', '---', ''];
    const sections: string[] = [];
    for (const rule of RULE_SPECS) sections.push(section(rule, await exampleMessages(rule)));
    return [INTRO, ...table, ...sections].join('\n').replace(/\n---\n$/, '\n');
}
