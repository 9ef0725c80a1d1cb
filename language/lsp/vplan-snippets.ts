/**
 * The completion snippets: the one source (the extension contributes no static snippets, see
 * docs/decisions.md). Each snippet writes one construct of the grammar and is offered by
 * vplan-completion.ts exactly where the grammar expects the keyword that starts it (so a member
 * only inside `household { }`, a plan only at the top level, nothing after `on `), in place of
 * that bare keyword. Labels are the keywords a user types; names, descriptions and placeholder
 * words are in the locale of the document (editor-texts.ts); the Dutch name also finds it.
 */

import { text, type Locale } from '../i18n/locale.js';
import { addMonthsClamped, formatDay, type Day } from '../model/dates.js';
import { ORGANISATION_KINDS } from '../model/vocabulary.js';
import { snippetTexts } from './editor-texts.js';

type SnippetId = keyof typeof snippetTexts.names;
type Placeholders = Record<keyof typeof snippetTexts.placeholders, string>;

/** What a body may use: the placeholder words of the locale and a few dates from today. */
export interface SnippetContext {
    w: Placeholders;
    /** Today, three months on, one year on. */
    today: string;
    inThreeMonths: string;
    inOneYear: string;
}

export interface SnippetSpec {
    id: SnippetId;
    /** The grammar rule the snippet writes, and the keyword that starts it there. */
    rule: string;
    keyword: string;
    /** What the completion list shows and the user types: the keyword (`measure type` for two). */
    label: string;
    /** Dutch names that find the snippet too, in every locale (`maatregel`). */
    aliases: readonly string[];
    /** The text, one line per entry, indented with four spaces per level (spec section 5). */
    body: (c: SnippetContext) => string[];
}

const choice = (index: number, values: readonly string[]) => `\${${index}|${values.join(',')}|}`;
const ROLE_CHOICE = ['victim', 'perpetrator', 'witness', 'parent'];

export const SNIPPETS: readonly SnippetSpec[] = [
    {
        id: 'plan', rule: 'Plan', keyword: 'plan', label: 'plan', aliases: ['veiligheidsplan'],
        body: ({ w, today, inThreeMonths, inOneYear }) => [
            `plan \${1:${w.planName}} "\${2:${w.planTitle}}" {`,
            `    status ${choice(3, ['draft', 'active', 'closed'])}`,
            `    period \${4:${today}} for \${5:1 year}`,
            '',
            '    household {',
            `        member \${6:${w.parentA}} adult born \${7:1990} roles ${choice(8, ROLE_CHOICE)}, parent`,
            `        member \${9:${w.parentB}} adult born \${10:1988} roles ${choice(11, ['perpetrator', 'victim', 'witness', 'parent'])}, parent`,
            `        member \${12:${w.child}} child born \${13:2016} roles witness`,
            '    }',
            '',
            '    network {',
            `        supporter \${14:${w.supporter}} "\${15:${w.supporterTitle}}" supports \${6}, \${12} aware`,
            '    }',
            '',
            `    risk \${16:${w.risk}} "\${17:${w.riskTitle}}" {`,
            `        severity ${choice(18, ['high', 'acute', 'medium', 'low'])}`,
            `        nature ${choice(19, ['dynamic', 'static'])}`,
            `        domain ${choice(20, ['safety', 'housing', 'finances', 'health', 'addiction', 'parenting', 'work', 'education', 'social'])}`,
            '        affects ${6}, ${12}',
            '        posed by ${9}',
            '    }',
            '',
            '    phase safety from ${4} for ${21:2 months}',
            '',
            '    regie {',
            `        \${22:${w.organisation}} from \${4} "\${23:${w.regieNote}}"`,
            '    }',
            '',
            '    aftercare {',
            '        owner ${22}',
            `        from \${24:${inOneYear}} for \${25:18 months}`,
            '        checkpoints 3 months, 6 months, 12 months, 18 months',
            `        signal "\${26:${w.signal}}"`,
            `        escalate "\${27:${w.escalate}}"`,
            '    }',
            '',
            `    evaluation \${28:${inThreeMonths}} "\${29:${w.evaluationTitle}}"`,
            '$0',
            '}'
        ]
    },
    {
        id: 'organisation', rule: 'Organisation', keyword: 'organisation', label: 'organisation', aliases: ['organisatie'],
        body: ({ w }) => [`organisation \${1:${w.name}} "\${2:${w.title}}" kind ${choice(3, ORGANISATION_KINDS)}$0`]
    },
    {
        id: 'measureType', rule: 'MeasureType', keyword: 'measure', label: 'measure type', aliases: ['maatregeltype'],
        body: ({ w, today }) => [
            `measure type \${1:${w.name}} "\${2:${w.measureTypeTitle}}" {`,
            `    mode ${choice(3, ['dwang', 'drang'])}`,
            `    basis "\${4:${w.basis}}"`,
            '    initial ${5:10 days}',
            '    total max ${6:28 days}',
            `    subject ${choice(7, ['adult', 'minor', 'any'])}`,
            `    source "\${8:${w.source}}"`,
            `    checked \${9:${today}}`,
            '}$0'
        ]
    },
    {
        id: 'household', rule: 'Household', keyword: 'household', label: 'household', aliases: ['huishouden', 'gezin'],
        body: ({ w }) => [
            'household {',
            `    member \${1:${w.member}} ${choice(2, ['adult', 'child'])} born \${3:1990} roles ${choice(4, ROLE_CHOICE)}`,
            '}$0'
        ]
    },
    {
        id: 'member', rule: 'Member', keyword: 'member', label: 'member', aliases: ['gezinslid'],
        body: ({ w }) => [`member \${1:${w.member}} ${choice(2, ['adult', 'child'])} born \${3:1990} roles ${choice(4, ROLE_CHOICE)}$0`]
    },
    {
        id: 'network', rule: 'Network', keyword: 'network', label: 'network', aliases: ['netwerk'],
        body: ({ w }) => [
            'network {',
            `    supporter \${1:${w.supporter}} "\${2:${w.supporterTitle}}" supports \${3:${w.member}}`,
            '}$0'
        ]
    },
    {
        id: 'supporter', rule: 'Supporter', keyword: 'supporter', label: 'supporter', aliases: ['steunfiguur'],
        body: ({ w }) => [`supporter \${1:${w.supporter}} "\${2:${w.supporterTitle}}" supports \${3:${w.member}}$0`]
    },
    {
        id: 'risk', rule: 'Risk', keyword: 'risk', label: 'risk', aliases: ['risico'],
        body: ({ w }) => [
            `risk \${1:${w.risk}} "\${2:${w.riskTitle}}" {`,
            `    severity ${choice(3, ['high', 'acute', 'medium', 'low'])}`,
            `    nature ${choice(4, ['dynamic', 'static'])}`,
            `    domain ${choice(5, ['safety', 'housing', 'finances', 'health', 'addiction', 'parenting', 'work', 'education', 'social'])}`,
            `    affects \${6:${w.member}}`,
            `    posed by \${7:${w.otherMember}}`,
            '}$0'
        ]
    },
    {
        id: 'phase', rule: 'Phase', keyword: 'phase', label: 'phase', aliases: ['fase'],
        body: ({ today }) => [`phase ${choice(1, ['safety', 'stability', 'recovery'])} from \${2:${today}} for \${3:3 months}$0`]
    },
    {
        id: 'measure', rule: 'Measure', keyword: 'measure', label: 'measure', aliases: ['maatregel'],
        body: ({ w, today }) => [
            `measure \${1:${w.name}} \${2:huisverbod} {`,
            `    on \${3:${w.member}}`,
            `    protects \${4:${w.otherMember}}`,
            `    by \${5:${w.organisation}}`,
            `    from \${6:${today}}`,
            '}$0'
        ]
    },
    {
        id: 'intervention', rule: 'Intervention', keyword: 'intervention', label: 'intervention', aliases: ['interventie', 'hulp'],
        body: ({ w, today }) => [
            `intervention \${1:${w.name}} "\${2:${w.description}}" {`,
            `    for \${3:${w.member}}`,
            `    by \${4:${w.organisation}}`,
            `    from \${5:${today}} for \${6:6 months}`,
            `    framework ${choice(7, ['voluntary', 'drang', 'dwang'])}`,
            `    fallback "\${8:${w.fallback}}"`,
            '}$0'
        ]
    },
    {
        id: 'agreement', rule: 'Agreement', keyword: 'agreement', label: 'agreement', aliases: ['afspraak', 'veiligheidsafspraak'],
        body: ({ w, today }) => [
            `agreement \${1:${w.name}} "\${2:${w.agreementTitle}}" {`,
            `    by \${3:${w.member}}`,
            `    protects \${4:${w.otherMember}}`,
            `    checked by \${5:${w.organisation}}`,
            `    from \${6:${today}} for \${7:6 months}`,
            '}$0'
        ]
    },
    {
        id: 'regie', rule: 'RegieBlock', keyword: 'regie', label: 'regie', aliases: ['casusregie'],
        body: ({ w, today, inThreeMonths }) => [
            'regie {',
            `    \${1:${w.organisation}} from \${2:${today}} "\${3:${w.regieNote}}"`,
            `    \${4:${w.nextOrganisation}} from \${5:${inThreeMonths}} "\${6:${w.handoverNote}}"`,
            '}$0'
        ]
    },
    {
        id: 'aftercare', rule: 'Aftercare', keyword: 'aftercare', label: 'aftercare', aliases: ['nazorg'],
        body: ({ w, inOneYear }) => [
            'aftercare {',
            `    owner \${1:${w.organisation}}`,
            `    from \${2:${inOneYear}} for \${3:18 months}`,
            '    checkpoints ${4:3 months, 6 months, 12 months, 18 months}',
            `    signal "\${5:${w.signal}}"`,
            `    escalate "\${6:${w.escalate}}"`,
            '}$0'
        ]
    },
    {
        id: 'meeting', rule: 'Meeting', keyword: 'meeting', label: 'meeting', aliases: ['casusoverleg', 'overleg'],
        body: ({ w, today }) => [
            `meeting \${1:${today}} "\${2:${w.meetingTitle}}" {`,
            `    chair \${3:${w.organisation}}`,
            `    participants \${4:${w.organisation}}`,
            `    client \${5:${w.member}} ${choice(6, ['present', 'invited', 'heard', 'informed'])}`,
            '}$0'
        ]
    },
    {
        id: 'action', rule: 'ActionItem', keyword: 'action', label: 'action', aliases: ['actiepunt'],
        body: ({ w, inThreeMonths }) => [`action "\${1:${w.actionText}}" owner \${2:${w.organisation}} due \${3:${inThreeMonths}}$0`]
    },
    {
        id: 'incident', rule: 'Incident', keyword: 'incident', label: 'incident', aliases: [],
        body: ({ w, today }) => [`incident \${1:${today}} "\${2:${w.incidentTitle}}"$0`]
    },
    {
        id: 'evaluation', rule: 'Evaluation', keyword: 'evaluation', label: 'evaluation', aliases: ['evaluatie'],
        body: ({ w, inThreeMonths }) => [`evaluation \${1:${inThreeMonths}} "\${2:${w.evaluationTitle}}"$0`]
    }
];

const BY_RULE_AND_KEYWORD = new Map(SNIPPETS.map(snippet => [`${snippet.rule}.${snippet.keyword}`, snippet]));

/** The snippet that writes `rule`, started by `keyword` there, if there is one. */
export function snippetFor(rule: string | undefined, keyword: string): SnippetSpec | undefined {
    return rule ? BY_RULE_AND_KEYWORD.get(`${rule}.${keyword}`) : undefined;
}

/** A snippet as the completion shows it, in the locale. */
export interface RenderedSnippet {
    label: string;
    name: string;
    description: string;
    text: string;
}

export function renderSnippet(snippet: SnippetSpec, locale: Locale, today: Day): RenderedSnippet {
    const w = Object.fromEntries(Object.entries(snippetTexts.placeholders).map(([key, entry]) => [key, text(entry, {}, locale)])) as Placeholders;
    const context: SnippetContext = {
        w, today: formatDay(today), inThreeMonths: formatDay(addMonthsClamped(today, 3)), inOneYear: formatDay(addMonthsClamped(today, 12))
    };
    return {
        label: snippet.label,
        name: text(snippetTexts.names[snippet.id], {}, locale),
        description: text(snippetTexts.descriptions[snippet.id], {}, locale),
        text: snippet.body(context).join('\n')
    };
}

/**
 * The snippet's text as it reads when every placeholder keeps its default (a choice its first
 * value): the preview in the completion's documentation, and what the tests check is valid vplan.
 */
export function expandSnippet(snippet: string): string {
    const defaults = new Map<string, string>();
    let text = snippet;
    // Innermost first, so that nested placeholders resolve before their outer ones.
    for (let round = 0; round < 10; round++) {
        text = text
            .replace(/\$\{(\d+)\|([^|}]*)\|\}/g, (_, n: string, choices: string) => remember(defaults, n, choices.split(',')[0]))
            .replace(/\$\{(\d+):([^${}]*)\}/g, (_, n: string, value: string) => remember(defaults, n, value));
    }
    return text.replace(/\$\{(\d+)\}|\$(\d+)/g, (_, a?: string, b?: string) => defaults.get(a ?? b ?? '') ?? '');
}

function remember(defaults: Map<string, string>, index: string, value: string): string {
    defaults.set(index, value);
    return value;
}
