/**
 * Completion. Langium proposes keywords and cross-references (members after `for`/`on`/...,
 * organisations after `by`/`owner`/..., measure types after `measure NAME`) from the grammar and
 * the scope. Value words (roles, kinds, statuses, units, ...) are plain IDs in the grammar, so
 * this provider maps each ID assignment to its value set in language/model/vocabulary.ts.
 * Measure types carry their title and limits. Snippets (vplan-snippets.ts, the only source of
 * snippets) take the place of the keyword that starts their construct, so they come exactly where
 * the grammar allows the construct, and never twice.
 */

import { AstUtils, GrammarAST, type AstNodeDescription, type MaybePromise, type ReferenceInfo } from 'langium';
import {
    DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionValueItem, type NextFeature
} from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import { isMeasureType } from '../generated/ast.js';
import { text } from '../i18n/locale.js';
import { conceptWord, type ConceptName } from '../i18n/phrases.js';
import { today as currentDay, type Day } from '../model/dates.js';
import { measureTypeView } from '../model/declaration-views.js';
import { VALUE_SETS, type ValueSetName } from '../model/vocabulary.js';
import type { VplanServices } from '../vplan-module.js';
import { documentLocale, durationOrDash } from './vplan-editor-text.js';
import { editorTexts } from './editor-texts.js';
import { expandSnippet, renderSnippet, snippetFor } from './vplan-snippets.js';
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
    /** Injectable clock for tests: the dates the snippets propose. */
    today: () => Day = () => currentDay();

    constructor(protected readonly services: VplanServices) {
        super(services);
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (GrammarAST.isRuleCall(next.feature) && GrammarAST.isTerminalRule(next.feature.rule.ref)) {
            const set = valueSetOf(next.feature);
            if (set) {
                const detail = text(editorTexts.valueSet, { set }, documentLocale(this.services, context.document));
                for (const word of VALUE_SETS[set]) {
                    acceptor(context, { label: word, kind: CompletionItemKind.EnumMember, detail, sortText: '0' });
                }
            }
            return;
        }
        // A construct with a snippet is offered as the snippet, in place of its bare keyword.
        if (GrammarAST.isKeyword(next.feature) && this.snippetFor(context, next.feature, acceptor)) return;
        return super.completionFor(context, next, acceptor);
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (!this.filterKeyword(context, keyword)) return;
        acceptor(context, {
            label: keyword.value,
            kind: this.getKeywordCompletionItemKind(keyword),
            detail: text(editorTexts.keyword, {}, documentLocale(this.services, context.document)),
            sortText: '1'
        });
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const node = description.node;
        const locale = documentLocale(this.services, context.document);
        if (node && isMeasureType(node)) {
            const info = measureTypeView(node);
            const limits = [
                info.initial && `${text(editorTexts.initialTerm, {}, locale)} ${durationOrDash(info.initial, locale)}`,
                info.termMax && `${text(editorTexts.termMax, {}, locale)} ${durationOrDash(info.termMax, locale)}`,
                info.totalMax && `${text(editorTexts.totalMax, {}, locale)} ${durationOrDash(info.totalMax, locale)}`
            ].filter(Boolean).join(', ');
            return {
                ...item,
                kind: CompletionItemKind.Class,
                detail: [info.title, limits].filter(Boolean).join(' — ') || conceptWord('measureType', locale),
                documentation: { kind: 'markdown', value: measureTypeHover(node, locale) }
            };
        }
        const concept = DECLARATION_CONCEPTS[description.type];
        return { ...item, detail: locale === 'en' || !concept ? description.type.toLowerCase() : conceptWord(concept, locale) };
    }

    /**
     * Offers the snippet that starts with `keyword` in its grammar rule, if there is one: found by
     * its label or one of its Dutch names, with its name and description in the document's locale.
     */
    protected snippetFor(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): boolean {
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name;
        const spec = snippetFor(rule, keyword.value);
        if (!spec) return false;
        const locale = documentLocale(this.services, context.document);
        const snippet = renderSnippet(spec, locale, this.today());
        const typed = context.textDocument.getText().substring(context.tokenOffset, context.offset);
        const matched = [spec.label, ...spec.aliases].find(word => this.fuzzyMatcher.match(typed, word));
        const textEdit = matched === undefined ? undefined : this.buildCompletionTextEdit(context, matched, snippet.text);
        if (!textEdit) return true;
        acceptor(context, {
            label: snippet.label,
            labelDetails: { description: snippet.name },
            kind: CompletionItemKind.Snippet,
            detail: snippet.name,
            documentation: { kind: 'markdown', value: `${snippet.description}\n\n\`\`\`vplan\n${expandSnippet(snippet.text)}\n\`\`\`` },
            filterText: [spec.label, ...spec.aliases].join(' '),
            insertText: snippet.text,
            insertTextFormat: InsertTextFormat.Snippet,
            textEdit,
            sortText: '2'
        });
        return true;
    }
}

/** The concept each kind of declaration names, for the detail of a name in the completion list. */
const DECLARATION_CONCEPTS: Readonly<Record<string, ConceptName>> = {
    Plan: 'plan', Organisation: 'organisation', MeasureType: 'measureType', Member: 'member', Supporter: 'supporter',
    Risk: 'risk', Measure: 'measure', Intervention: 'intervention', Agreement: 'agreement'
};
