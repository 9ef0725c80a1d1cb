/**
 * Completion. Langium proposes keywords and cross-references (members after `for`/`on`/...,
 * organisations after `by`/`owner`/..., measure types after `measure NAME`) from the grammar and
 * the scope. Value words (roles, kinds, statuses, units, ...) are plain IDs in the grammar, so
 * this provider maps each ID assignment to its value set in language/model/vocabulary.ts.
 * Measure types carry their title and limits; `plan`, `measure` and `intervention` also come as
 * snippets.
 */

import { AstUtils, GrammarAST, type AstNodeDescription, type MaybePromise, type ReferenceInfo } from 'langium';
import {
    DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionValueItem, type NextFeature
} from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import { isMeasureType } from '../generated/ast.js';
import { formatDay, today } from '../model/dates.js';
import { measureTypeInfo } from '../model/plan-model.js';
import { VALUE_SETS, type ValueSetName } from '../model/vocabulary.js';
import type { VplanServices } from '../vplan-module.js';
import { documentLocale, durationText, t } from './vplan-editor-text.js';
import { measureTypeHover } from './vplan-hover.js';

/** Which value set an ID assignment takes: `Rule.property` → set. */
export const VALUE_WORD_FEATURES: Readonly<Record<string, ValueSetName>> = {
    'Member.kind': 'memberKind',
    'Member.roles': 'role',
    'StatusItem.value': 'status',
    'SeverityItem.value': 'severity',
    'NatureItem.value': 'nature',
    'DomainItem.value': 'domain',
    'Phase.kind': 'phaseKind',
    'InterventionPhaseItem.kind': 'phaseKind',
    'FrameworkItem.value': 'framework',
    'ClientItem.mode': 'clientMode',
    'SubjectItem.value': 'subject',
    'ModeItem.value': 'mode',
    'Organisation.kind': 'organisationKind',
    'ImposedByItem.kinds': 'organisationKind',
    'RegieKindItem.kind': 'organisationKind',
    'Duration.unit': 'durationUnit'
};

/** The value set an ID feature of the grammar expects, if it is a value word. */
export function valueSetOf(feature: GrammarAST.AbstractElement): ValueSetName | undefined {
    const assignment = AstUtils.getContainerOfType(feature, GrammarAST.isAssignment);
    const rule = AstUtils.getContainerOfType(feature, GrammarAST.isParserRule);
    if (!assignment || !rule) return undefined;
    return VALUE_WORD_FEATURES[`${rule.name}.${assignment.feature}`];
}

export class VplanCompletionProvider extends DefaultCompletionProvider {
    constructor(protected readonly services: VplanServices) {
        super(services);
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (GrammarAST.isRuleCall(next.feature) && GrammarAST.isTerminalRule(next.feature.rule.ref)) {
            const set = valueSetOf(next.feature);
            if (set) {
                for (const word of VALUE_SETS[set]) {
                    acceptor(context, { label: word, kind: CompletionItemKind.EnumMember, detail: set, sortText: '0' });
                }
            }
            return;
        }
        if (GrammarAST.isKeyword(next.feature)) {
            this.snippetsFor(context, next.feature, acceptor);
        }
        return super.completionFor(context, next, acceptor);
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const node = description.node;
        if (node && isMeasureType(node)) {
            const locale = documentLocale(this.services, context.document);
            const info = measureTypeInfo(node);
            const limits = [
                info.initial && `${t(locale, 'initial', 'eerste termijn')} ${durationText(info.initial, locale)}`,
                info.termMax && `${t(locale, 'term max', 'max. per termijn')} ${durationText(info.termMax, locale)}`,
                info.totalMax && `${t(locale, 'total max', 'max. totaal')} ${durationText(info.totalMax, locale)}`
            ].filter(Boolean).join(', ');
            return {
                ...item,
                kind: CompletionItemKind.Class,
                detail: [info.title, limits].filter(Boolean).join(' — ') || 'measure type',
                documentation: { kind: 'markdown', value: measureTypeHover(node, locale) }
            };
        }
        return { ...item, detail: description.type.toLowerCase() };
    }

    /** Snippets offered where their keyword may start: a plan skeleton, a measure, an intervention. */
    protected snippetsFor(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): void {
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name;
        const locale = documentLocale(this.services, context.document);
        const snippet = (label: string, detail: string, text: string) => acceptor(context, {
            label, kind: CompletionItemKind.Snippet, detail, insertText: text, insertTextFormat: InsertTextFormat.Snippet, sortText: '2'
        });
        if (rule === 'Plan' && keyword.value === 'plan') {
            const start = formatDay(today());
            snippet('plan', t(locale, 'New plan (skeleton)', 'Nieuw plan (skelet)'), [
                'plan ${1:name} "${2:title}" {',
                '    status draft',
                `    period \${3:${start}} for \${4:1 year}`,
                '',
                '    household {',
                '        member ${5:name} ${6|adult,child|} born ${7:1990} roles ${8|victim,perpetrator,witness,parent|}',
                '    }',
                '',
                '    regie {',
                '        ${9:organisation} from ${3}',
                '    }',
                '',
                '    aftercare {',
                '        owner ${9}',
                '        from ${10:date} for 18 months',
                '        checkpoints 3 months, 6 months, 12 months, 18 months',
                '    }',
                '}$0'
            ].join('\n'));
        } else if (rule === 'Measure' && keyword.value === 'measure') {
            snippet('measure', t(locale, 'New measure', 'Nieuwe maatregel'), [
                'measure ${1:name} ${2:huisverbod} {',
                '    on ${3:member}',
                '    protects ${4:member}',
                '    by ${5:organisation}',
                '    from ${6:date}',
                '}$0'
            ].join('\n'));
        } else if (rule === 'Intervention' && keyword.value === 'intervention') {
            snippet('intervention', t(locale, 'New intervention', 'Nieuwe interventie'), [
                'intervention ${1:name} "${2:title}" {',
                '    for ${3:member}',
                '    by ${4:organisation}',
                '    from ${5:date} for ${6:6 months}',
                '    framework ${7|voluntary,drang,dwang|}',
                '}$0'
            ].join('\n'));
        }
    }
}
