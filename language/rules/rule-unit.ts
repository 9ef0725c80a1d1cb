/**
 * A rule is one unit: a module (one rule, or a small family whose checks share one pass) that
 * declares each rule's code, default severity, title, findings (the messages in English and
 * Dutch, with the typed data a quick fix gets), what syntax errors can fake, what it reads of
 * other files, its check over the plan facts, its quick fix and its documentation. The rule table,
 * the message registry, the cascade sets, the fix registry, the memo's dependency signature and
 * docs/rules.md are all derived from the units (registry.ts); adding a rule means adding a unit
 * to that list, and its tests.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- the type-level plumbing infers argument and fix types of findings of any shape */

import type { AstNode, LangiumDocument, Properties, URI } from 'langium';
import type { IToken } from 'chevrotain';
import type { Range } from 'vscode-languageserver-types';
import type { Plan, VplanFile } from '../generated/ast.js';
import type { VplanConfig } from '../config/vplan-config.js';
import type { Message } from '../i18n/locale.js';
import type { PlanFacts } from '../analysis/plan-facts.js';
import type { ResolvedPlan } from '../model/plan-model.js';
import type { FixProposal, FixSupport } from './fix-support.js';

export type RuleSeverity = 'error' | 'warning' | 'info';
export type ConfiguredSeverity = RuleSeverity | 'off';

/**
 * One kind of finding of a rule: its message in both languages (`A` = the message's arguments,
 * which travel in `Diagnostic.data` and so are plain JSON) and the data its quick fix reads (`F`).
 */
export interface Finding<A = Record<string, never>, F = undefined> extends Message<A> {
    /** Type-level only: the quick-fix data of this finding. */
    readonly __fix?: F;
}

/** A text that is not a finding (a quick-fix title, a placeholder) is a catalogue entry: `message<Args>({ en, nl })`. */
export { message, text } from '../i18n/locale.js';

/** Declares a finding: `finding<Args, FixData>({ en: a => ..., nl: a => ... })`. */
export function finding<A = Record<string, never>, F = undefined>(message: Message<A>): Finding<A, F> {
    return message;
}

export type Findings = Record<string, Finding<any, any>>;

export type FindingArgs<K> = K extends Finding<infer A, any> ? A : never;
export type FindingFix<K> = K extends Finding<any, infer F> ? F : never;

/** Declarations of other files a rule may read, through the views of model/declaration-views.ts. */
export type DeclarationRead = 'organisation' | 'measureType';

/** "No cascades" (spec section 7): which findings a syntax error's dropped text could fake. */
export interface SyntaxCascade<M extends Findings> {
    /** Findings about an item missing from the node they are on: silent when a syntax error lies in or right after that node. */
    missingInNode?: ReadonlyArray<keyof M & string>;
    /** Findings about a repeated item: silent when a syntax error precedes it on its line. */
    repeatedAfterError?: ReadonlyArray<keyof M & string>;
    /** Every finding: silent when the parser dropped a whole block (`mesure ... { }`) of the plan. */
    droppedBlock?: boolean;
    /** Every finding: silent when a syntax error lies inside a measure, intervention or agreement of the plan. */
    droppedCoverage?: boolean;
    /** The plan-level `VP005.missing` style finding: silent when any text of the plan was dropped. */
    planLevelMissing?: ReadonlyArray<keyof M & string>;
}

/** The hand-written part of a rule's page in docs/rules.md; the rest is generated from the unit. */
export interface RuleDocs {
    /** "What it checks", markdown. */
    checks: string;
    /** "Why", markdown, with the sources of the domain brief ([S1]) or the law. */
    why: string;
    /**
     * An example that triggers the rule: `show` is the fragment printed, `file` the whole text
     * that the generator checks (the real messages are printed under the example).
     */
    example?: { show: string; file: string; catalogue?: string; kind?: 'plan' | 'config' };
    /** "How to fix", markdown. */
    fix: string;
}

export interface RuleSpec<C extends string = string, M extends Findings = any> {
    code: C;
    severity: RuleSeverity;
    title: { en: string; nl: string };
    findings: M;
    /** Other texts of the rule, in both languages: quick-fix titles, placeholders a fix writes. */
    texts?: Record<string, Message<any>>;
    cascade?: SyntaxCascade<M>;
    /** The quick fix, for the findings it can fix mechanically. */
    fix?: (context: RuleFixContext<M>) => FixProposal[];
    docs: RuleDocs;
}

/** Declares one rule (keeps its code a literal type, so that a module's reporter knows its message ids). */
export function defineRule<const C extends string, M extends Findings>(spec: RuleSpec<C, M>): RuleSpec<C, M> {
    return spec;
}

/** The message ids of a rule (`VP011.gap`) mapped to their findings. */
type FindingsById<S> = S extends RuleSpec<infer C, infer M> ? { [K in keyof M & string as `${C}.${K}`]: M[K] } : never;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
export type ModuleFindings<R extends readonly RuleSpec<any, any>[]> = UnionToIntersection<FindingsById<R[number]>> extends infer I
    ? { [K in keyof I]: I[K] } : never;

export interface ReportOptions<N extends AstNode> {
    property?: Properties<N>;
    index?: number;
    range?: Range;
}

/** How a rule module reports: a message id of its own rules, the node, the message's arguments and the fix data. */
export type RuleReporter<F> = <K extends keyof F & string, N extends AstNode>(
    messageId: K, node: N, args: FindingArgs<F[K]>, options?: ReportOptions<N> & { fix?: FindingFix<F[K]> }
) => void;

/** What a plan check receives: the plan's facts, its settings and a reporter. */
export interface PlanRuleContext<F> {
    facts: PlanFacts;
    plan: ResolvedPlan;
    config: VplanConfig;
    report: RuleReporter<F>;
    /** Whether a rule is turned on for this document (a family may report one rule instead of another). */
    isOn(code: string): boolean;
}

/** Where the first declaration of a global name is, for a later duplicate (VP080). */
export interface EarlierDeclaration {
    uri: URI;
    builtin: boolean;
    /** 0-based line of the name. */
    line?: number;
    /** The AST type of the first declaration (`Organisation`, `MeasureType`, `Plan`). */
    type: string;
}

/** What a file check receives: the file's own tree and text, and narrow questions about the workspace. */
export interface FileRuleContext<F> {
    file: VplanFile;
    document: LangiumDocument;
    config: VplanConfig;
    report: RuleReporter<F>;
    /** The earlier declaration of a global declaration's name, when this one is a later duplicate. */
    earlierDeclaration(node: AstNode & { name: string }): EarlierDeclaration | undefined;
    /** The document's tokens, as the lexer reads them (comments included). */
    tokens(): IToken[];
}

export interface RuleModule<R extends readonly RuleSpec<any, any>[] = readonly RuleSpec<any, any>[]> {
    rules: R;
    /** What the checks read of declarations in other files (the memo's dependency signature is derived from it). */
    reads?: readonly DeclarationRead[];
    plan?: (context: PlanRuleContext<ModuleFindings<R>>) => void;
    file?: (context: FileRuleContext<ModuleFindings<R>>) => void;
    /**
     * The file check reads nothing but the document's own text and syntax tree: its findings are
     * recorded per syntax tree and replayed when the document is validated again unchanged.
     */
    documentLocal?: boolean;
    /** Whether a plan that is a later duplicate (VP080) is checked too (privacy always reports). */
    checksDuplicatePlans?: boolean;
}

/** Declares a rule module: its rules and the checks that report their findings. */
export function defineRules<const R extends readonly RuleSpec<any, any>[]>(module: RuleModule<R>): RuleModule<R> {
    return module;
}

/** A finding as a quick fix receives it. */
export type FindingOf<M extends Findings> = { [K in keyof M & string]: { key: K; args: FindingArgs<M[K]>; fix?: FindingFix<M[K]> } }[keyof M & string];

export interface RuleFixContext<M extends Findings> extends FixSupport {
    finding: FindingOf<M>;
    /** The plan the diagnostic lies in, and its facts. */
    plan?: Plan;
    facts?: PlanFacts;
}
