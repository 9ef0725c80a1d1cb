/**
 * Completion: what is valid at the cursor, and nothing else. Langium proposes keywords and
 * cross-references (members after `for`/`on`/..., organisations after `by`/`owner`/..., measure
 * types after `measure NAME`) from the grammar and the scope; this provider adds:
 *
 * - value words (roles, kinds, statuses, units, ...), plain IDs in the grammar, from the value set
 *   each ID assignment takes (language/model/vocabulary.ts);
 * - dates where the grammar takes one: the plan start, today, the end of the previous regie entry
 *   or phase, the plan end, the meeting's day (from the plan facts);
 * - details: an organisation's title and kind; after a measure's `by` the kinds its type names in
 *   `imposed by` come first; a member's kind and roles; a measure type's title and limits;
 * - no item a construct may hold only once (VP005) when it is already there, no name or value word a
 *   list already holds, and not the measure type itself after its own `requires`;
 * - nothing inside a comment (a `//` one to the end of its line, or a block comment);
 * - snippets (vplan-snippets.ts, the only source of snippets) in place of the keyword that starts
 *   their construct, so they come exactly where the grammar allows the construct, and never twice.
 *
 * The list also opens by itself after a space or a comma (trigger characters): then it answers only
 * where a name, a value word or a date is expected (after `by `, `on `, `roles `, `from `, ...), and
 * stays closed elsewhere (indentation, titles, after a complete item).
 */

import {
    AstUtils, GrammarAST, GrammarUtils, stream, type AstNode, type AstNodeDescription, type LangiumDocument, type MaybePromise,
    type Reference, type ReferenceInfo, type Stream
} from 'langium';
import {
    DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionProviderOptions, type CompletionValueItem,
    type NextFeature
} from 'langium/lsp';
import {
    CompletionItemKind, CompletionTriggerKind, InsertTextFormat, type CancellationToken, type CompletionList, type CompletionParams
} from 'vscode-languageserver';
import { isAftercare, isMeasure, isMeasureType, isMeeting, isMember, isOrganisation, isPlan, isRequiresItem, type Plan } from '../generated/ast.js';
import { text, type Locale, type Message, type NoArgs } from '../i18n/locale.js';
import { conceptWord, valueWord, type ConceptName } from '../i18n/phrases.js';
import { addMonthsClamped, formatDay, parseDate, today as currentDay, type Day } from '../model/dates.js';
import { measureTypeView } from '../model/declaration-views.js';
import { VALUE_SETS, type ValueSetName } from '../model/vocabulary.js';
import { planFacts, type PlanFacts } from '../analysis/plan-facts.js';
import { ONCE_ONLY_ITEMS } from '../rules/structure-rules.js';
import type { VplanServices } from '../vplan-module.js';
import { documentLocale, durationOrDash, lastDay } from './vplan-editor-text.js';
import { editorTexts } from './editor-texts.js';
import { expandSnippet, renderSnippet, snippetFor } from './vplan-snippets.js';
import { measureTypeHover } from './vplan-hover.js';
import { weekdayName } from './vplan-date-text.js';

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
    'EndedItem.reason': 'endedReason',
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
    /** Injectable clock for tests: the dates the snippets and the date proposals use. */
    today: () => Day = () => currentDay();

    /** A space or a comma opens the list where a name or a value follows (`by `, `on `, `roles victim, `). */
    override readonly completionOptions: CompletionProviderOptions = { triggerCharacters: [' ', ','] };

    constructor(protected readonly services: VplanServices) {
        super(services);
    }

    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: CancellationToken): Promise<CompletionList | undefined> {
        const triggered = params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter;
        // Every space typed asks: answer cheaply where no name or value can follow.
        if (triggered && !mayExpectNameOrValue(document.textDocument.getText(), document.textDocument.offsetAt(params.position))) return undefined;
        // Nothing is proposed in a comment (Langium keeps a block comment quiet by itself, not a line comment).
        if (this.isInLineComment(document.textDocument.getText({ start: { line: params.position.line, character: 0 }, end: params.position }))) {
            return { isIncomplete: false, items: [] };
        }
        const list = await super.getCompletion(document, params, cancelToken);
        if (!triggered || !list) return list;
        // Opened by a space or a comma: only where a name, a value word or a date is what comes next.
        return list.items.some(item => item.kind !== CompletionItemKind.Keyword && item.kind !== CompletionItemKind.Snippet) ? list : undefined;
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (GrammarAST.isRuleCall(next.feature) && GrammarAST.isTerminalRule(next.feature.rule.ref)) {
            if (next.feature.rule.ref.name === 'DATE') return this.completionForDate(context, next.feature, acceptor);
            const set = valueSetOf(next.feature);
            if (set) {
                const detail = text(editorTexts.valueSet, { set }, documentLocale(this.services, context.document));
                const listed = listedValues(context, next.feature);
                for (const word of VALUE_SETS[set]) {
                    if (!listed.has(word)) acceptor(context, { label: word, kind: CompletionItemKind.EnumMember, detail, sortText: '0' });
                }
            }
            return;
        }
        if (GrammarAST.isKeyword(next.feature) && this.isOnceOnlyAndPresent(context, next.feature)) return;
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

    /**
     * Whether `keyword` starts an item that its construct may hold only once (VP005) and already
     * holds elsewhere than at the cursor: the nearest enclosing construct that limits that item.
     */
    protected isOnceOnlyAndPresent(context: CompletionContext, keyword: GrammarAST.Keyword): boolean {
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
        // Only the keyword that starts an item: `max` after `term ` continues the item being written.
        if (!rule || !firstKeywords(rule.definition).includes(keyword)) return false;
        const itemType = rule.name;
        for (let node: AstNode | undefined = context.node; node; node = node.$container) {
            const limited = ONCE_ONLY_ITEMS.get(node.$type);
            if (!limited?.has(itemType)) continue;
            const items = (node as AstNode & { items?: readonly AstNode[] }).items ?? [];
            return items.some(item => item.$type === itemType && !containsOffset(item, context.offset));
        }
        return false;
    }

    /**
     * Names a list already holds are not offered again (`on mark, <|>` offers the others), nor the
     * measure type itself after its own `requires` (a type cannot require itself).
     */
    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const listed = new Set<string>();
        if (isRequiresItem(refInfo.container)) {
            const own = AstUtils.getContainerOfType(refInfo.container, isMeasureType)?.name;
            if (own) listed.add(own);
        }
        const value = (refInfo.container as unknown as Record<string, unknown>)[refInfo.property];
        if (Array.isArray(value)) {
            for (const reference of value as Reference[]) {
                const cst = reference.$refNode;
                if (reference.$refText && !(cst && cst.offset <= context.offset && context.offset <= cst.end)) listed.add(reference.$refText);
            }
        }
        const candidates = super.getReferenceCandidates(refInfo, context);
        return listed.size === 0 ? candidates : stream(candidates).filter(description => !listed.has(description.name));
    }

    /**
     * Whether the text of the line before the cursor holds a line comment that the cursor is in
     * (`//` runs to the end of its line). Only that line is lexed, not the document: completion runs
     * on every keystroke. A block comment Langium keeps quiet by itself.
     */
    protected isInLineComment(lineBeforeCursor: string): boolean {
        return this.services.parser.Lexer.tokenize(lineBeforeCursor).hidden.some(token => token.image.startsWith('//'));
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
        if (node && isOrganisation(node)) return this.organisationItem(item, node.title, node.kind, refInfo, locale);
        if (node && isMember(node)) {
            const about = [node.kind && valueWord('memberKind', node.kind, locale), node.roles.map(role => valueWord('role', role, locale)).join(', ')]
                .filter(Boolean).join(' · ');
            return { ...item, detail: about || conceptWord('member', locale), labelDetails: { description: conceptWord('member', locale) } };
        }
        const concept = DECLARATION_CONCEPTS[description.type];
        const title = node && typeof (node as { title?: unknown }).title === 'string' ? (node as unknown as { title: string }).title : undefined;
        const word = concept ? conceptWord(concept, locale) : description.type.toLowerCase();
        return title ? { ...item, detail: title, labelDetails: { description: word } } : { ...item, detail: word };
    }

    /**
     * An organisation with its title and kind. After a measure's `by`, the kinds its type names in
     * `imposed by` come first (VP033): the others stay in the list, below them.
     */
    protected organisationItem(item: CompletionValueItem, title: string | undefined, kind: string | undefined, refInfo: ReferenceInfo, locale: Locale): CompletionValueItem {
        // VS Code shows `labelDetails` in the row and `detail` only in the details pane: the title goes in both.
        const kindWord = kind ?? conceptWord('organisation', locale);
        const labelled: CompletionValueItem = {
            ...item,
            detail: title ?? conceptWord('organisation', locale),
            labelDetails: { description: title ? `${title} · ${kindWord}` : kindWord }
        };
        const measure = refInfo.property === 'organisation' ? AstUtils.getContainerOfType(refInfo.container, isMeasure) : undefined;
        const type = measure?.type?.ref;
        const imposedBy = type ? measureTypeView(type).imposedBy : [];
        if (!type || imposedBy.length === 0) return labelled;
        const kinds = imposedBy.join(', ');
        const allowed = kind !== undefined && (imposedBy as readonly string[]).includes(kind);
        const why = text(allowed ? editorTexts.mayImpose : editorTexts.mayNotImpose, { type: type.name, kinds }, locale);
        return { ...labelled, sortText: allowed ? '0' : '0~', documentation: why };
    }

    /** Dates that make sense where the grammar takes one, each with what it is. */
    protected completionForDate(context: CompletionContext, ruleCall: GrammarAST.RuleCall, acceptor: CompletionAcceptor): void {
        const feature = AstUtils.getContainerOfType(ruleCall, GrammarAST.isAssignment)?.feature;
        const rule = AstUtils.getContainerOfType(ruleCall, GrammarAST.isParserRule)?.name;
        const plan = context.node ? AstUtils.getContainerOfType(context.node, isPlan) : undefined;
        const locale = documentLocale(this.services, context.document);
        const proposals = dateProposals({
            feature, rule, node: context.node, offset: context.offset, plan, facts: plan ? planFacts(plan) : undefined, today: this.today(), locale
        });
        const seen = new Set<Day>();
        proposals.forEach(({ day, detail }, index) => {
            if (seen.has(day) || !Number.isFinite(day)) return;
            seen.add(day);
            acceptor(context, {
                label: formatDay(day),
                kind: CompletionItemKind.Value,
                detail,
                labelDetails: { description: `${weekdayName(day, locale)} · ${detail}` },
                sortText: `0${String(index).padStart(2, '0')}`
            });
        });
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

/** The keywords a grammar element can start with. */
function firstKeywords(element: GrammarAST.AbstractElement): GrammarAST.Keyword[] {
    if (GrammarAST.isKeyword(element)) return [element];
    if (GrammarAST.isGroup(element)) return element.elements.length > 0 ? firstKeywords(element.elements[0]) : [];
    if (GrammarAST.isAlternatives(element)) return element.elements.flatMap(firstKeywords);
    if (GrammarAST.isAssignment(element)) return firstKeywords(element.terminal);
    return [];
}

/**
 * The words a list of value words already holds (`roles victim, <|>`, `imposed by om, <|>`), but
 * not the one at the cursor, which is being typed.
 */
function listedValues(context: CompletionContext, feature: GrammarAST.AbstractElement): Set<string> {
    const assignment = AstUtils.getContainerOfType(feature, GrammarAST.isAssignment);
    const rule = AstUtils.getContainerOfType(feature, GrammarAST.isParserRule);
    const listed = new Set<string>();
    if (!assignment || assignment.operator !== '+=' || !rule || !context.node) return listed;
    const node = AstUtils.getContainerOfType(context.node, (n): n is AstNode => n.$type === rule.name);
    if (!node?.$cstNode) return listed;
    for (const cst of GrammarUtils.findNodesForProperty(node.$cstNode, assignment.feature)) {
        if (!(cst.offset <= context.offset && context.offset <= cst.end)) listed.add(cst.text);
    }
    return listed;
}

/** Whether the offset lies inside the node's text (at its end included: the word being typed). */
function containsOffset(node: AstNode, offset: number): boolean {
    const cst = node.$cstNode;
    return cst !== undefined && cst.offset <= offset && offset <= cst.end;
}

/**
 * A cheap look at the line before a trigger character: nothing can be proposed at the indentation
 * of a line, inside a string or after a line comment.
 */
export function mayExpectNameOrValue(text: string, offset: number): boolean {
    const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
    const line = text.slice(lineStart, offset);
    if (line.trim() === '') return false;
    let inString = false;
    for (let i = 0; i < line.length; i++) {
        const char = line[i];
        if (inString) {
            if (char === '\\') i++;
            else if (char === '"') inString = false;
        } else if (char === '"') {
            inString = true;
        } else if (char === '/' && (line[i + 1] === '/' || line[i + 1] === '*')) {
            return false;
        }
    }
    return !inString;
}

interface DateContext {
    /** The assignment the date is for: `start`, `end` or `date`. */
    feature?: string;
    /** The grammar rule holding it (`SpanItem`, `PeriodEnd`, `RegieEntry`, `Meeting`, ...). */
    rule?: string;
    node?: AstNode;
    offset: number;
    plan?: Plan;
    facts?: PlanFacts;
    today: Day;
    locale: Locale;
}

/** The dates worth proposing at a date position, most useful first, each with what it is. */
export function dateProposals(c: DateContext): Array<{ day: Day; detail: string }> {
    const say = (entry: Message<NoArgs>) => text(entry, {}, c.locale);
    const period = c.facts?.plan.period;
    const planStart = period ? [{ day: period.start, detail: say(editorTexts.datePlanStart) }] : [];
    const planEnd = period ? [{ day: period.end, detail: text(editorTexts.datePlanEnd, { last: lastDay(period.end) }, c.locale) }] : [];
    const today = [{ day: c.today, detail: say(editorTexts.dateToday) }];
    if (c.feature === 'start') {
        if (c.rule === 'PlanPeriod') return today;
        if (c.rule === 'RegieEntry') return [...previousRegieEnd(c), ...planStart, ...today];
        if (c.rule === 'Phase') return [...previousPhaseEnd(c), ...planStart, ...today];
        if (c.node && AstUtils.getContainerOfType(c.node, isAftercare) && period) {
            return [{ day: period.end, detail: text(editorTexts.dateAfterPlan, { last: lastDay(period.end) }, c.locale) }, ...today];
        }
        return [...planStart, ...today];
    }
    if (c.feature === 'end') {
        if (c.node && AstUtils.getContainerOfType(c.node, (n): n is AstNode => n.$type === 'PlanPeriod')) {
            const start = parseDate((AstUtils.getContainerOfType(c.node, (n): n is AstNode => n.$type === 'PlanPeriod') as { start?: string }).start);
            if (start === undefined) return [];
            const end = addMonthsClamped(start, 12);
            return [{ day: end, detail: text(editorTexts.dateOneYearOn, { last: lastDay(end) }, c.locale) }];
        }
        return planEnd;
    }
    if (c.feature === 'date') {
        if (c.rule === 'ActionItem') {
            const meeting = c.node ? AstUtils.getContainerOfType(c.node, isMeeting) : undefined;
            const day = parseDate(meeting?.date);
            return [...(day !== undefined ? [{ day, detail: say(editorTexts.dateMeetingDay) }] : []), ...today];
        }
        if (c.rule === 'CheckedItem') return today;
        return [...today, ...planStart];
    }
    return [];
}

/** The end of the last regie entry before the cursor that has one: where the next holder takes over. */
function previousRegieEnd(c: DateContext): Array<{ day: Day; detail: string }> {
    const before = (c.facts?.plan.regie ?? []).filter(entry => entry.start !== undefined && (entry.node.$cstNode?.end ?? Infinity) <= c.offset);
    const last = before.at(-1);
    if (!last?.explicitEnd || last.end === undefined) return [];
    const holder = last.node.organisation?.$refText ?? '?';
    return [{ day: last.end, detail: text(editorTexts.dateRegieHandover, { holder, last: lastDay(last.end) }, c.locale) }];
}

/** The end of the last phase before the cursor: where the next one starts. */
function previousPhaseEnd(c: DateContext): Array<{ day: Day; detail: string }> {
    const before = (c.facts?.plan.phases ?? []).filter(phase => phase.dates.interval && (phase.node.$cstNode?.end ?? Infinity) <= c.offset);
    const last = before.at(-1);
    const end = last?.dates.interval?.end;
    if (!last || end === undefined) return [];
    return [{ day: end, detail: text(editorTexts.datePhaseFollows, { kind: valueWord('phaseKind', last.kind ?? '?', c.locale), last: lastDay(end) }, c.locale) }];
}
