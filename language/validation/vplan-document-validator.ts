/**
 * Turns Langium's diagnostics into vplan's: parse and lex errors become VP000, linking errors
 * VP081, and every diagnostic gets its message in the document's locale and the severity that
 * vplan.config.json gives its rule (or is dropped when the rule is `off`).
 */

import {
    AstUtils, Cancellation, CstUtils, DefaultDocumentValidator, interruptAndCheck, isLeafCstNode, type AstNode, type AstNodeDescription, type IndexManager, type LangiumDocument, type ParseResult,
    type ValidationAcceptor, type ValidationOptions
} from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { CancellationToken } from 'vscode-languageserver-protocol';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { VplanServices } from '../vplan-module.js';
import type { VplanSettingsProvider } from '../config/settings-provider.js';
import { syntaxMessageFor } from '../syntax/syntax-errors.js';
import { newRefinementBudget, SyntaxMessageRefiner, type RefinementBudget } from '../syntax/syntax-refinement.js';
import { renderMessage } from '../rules/registry.js';
import { referenceFinding } from '../rules/reference-rules.js';
import { RULES_BY_CODE, type ConfiguredSeverity } from '../rules/registry.js';
import type { VplanDiagnosticData } from './report.js';
import type { GlobalNames } from '../references/vplan-scope.js';
import { containingPlan } from '../references/vplan-scope.js';
import { ValidationMemo } from './validation-memo.js';
import { readingKinds, type KindReads } from '../model/declaration-views.js';
import { planDeclarations, planNamespace, type PlanDeclaration } from '../model/ast-queries.js';
import { isMeasureType, isOrganisation, isPlan, isVplanFile, Plan, VplanFile, type Organisation } from '../generated/ast.js';

const SEVERITY: Record<Exclude<ConfiguredSeverity, 'off'>, DiagnosticSeverity> = {
    error: DiagnosticSeverity.Error,
    warning: DiagnosticSeverity.Warning,
    info: DiagnosticSeverity.Information
};

interface LostToSyntax {
    errorOffsets: Set<number>;
    /** 0-based line → offsets of the parse errors on it. */
    errorsByLine: Map<number, number[]>;
    droppedNames: Set<string>;
}

export class VplanDocumentValidator extends DefaultDocumentValidator {
    protected readonly settings: VplanSettingsProvider;
    protected readonly globalNames: GlobalNames;
    protected readonly reflection: VplanServices['shared']['AstReflection'];
    protected readonly lexer: VplanServices['parser']['Lexer'];
    /** The kept results; its dependency signatures are also what a parked plan is checked against (workspace/parked-plans.ts). */
    readonly memo: ValidationMemo;
    protected readonly syntaxRefiner: SyntaxMessageRefiner;
    /** Off for a one-shot build that validates every document once (the CLI). */
    memoize = true;
    /** The kind reads of the documents being validated (`ValidationMemo.validate`). */
    private readonly kindReads = new WeakMap<LangiumDocument, KindReads>();
    private checksOnlyOnRootAndPlans: boolean | undefined;

    constructor(services: VplanServices) {
        super(services);
        this.settings = services.config.SettingsProvider;
        this.globalNames = services.references.GlobalNames;
        this.reflection = services.shared.AstReflection;
        this.lexer = services.parser.Lexer;
        this.memo = new ValidationMemo(this.globalNames, (uri, name) => organisationAt(services, uri, name));
        this.syntaxRefiner = new SyntaxMessageRefiner(services);
    }

    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const { config, locale } = this.settings.settingsFor(document.uri);
        // A relinked document whose inputs did not change (a catalogue title edit) keeps its results.
        const diagnostics = this.memoize
            ? await this.memo.validate(document, this.optionsKey(document, options), { config }, async reads => {
                this.kindReads.set(document, reads);
                try {
                    return await super.validateDocument(document, options, cancelToken);
                } finally {
                    this.kindReads.delete(document);
                }
            })
            : await super.validateDocument(document, options, cancelToken);
        const result: Diagnostic[] = [];
        for (const diagnostic of diagnostics) {
            const data = diagnostic.data as VplanDiagnosticData | undefined;
            if (!data?.messageId) {
                result.push(diagnostic);
                continue;
            }
            const configured = data.code === 'VP000' ? undefined : config.rules[data.code];
            if (configured === 'off') continue;
            const severity = configured ?? RULES_BY_CODE.get(data.code)?.severity ?? 'error';
            result.push({
                ...diagnostic,
                code: data.code,
                severity: SEVERITY[severity],
                message: renderMessage(data.messageId, data.args, locale),
                source: 'vplan'
            });
        }
        return result;
    }

    /**
     * The validation options as far as they change the result: the requested categories that have
     * checks ('built-in' are the syntax and linking errors). Langium asks for all categories in a
     * first build and for `built-in` and `fast` on later updates, which for vplan is the same work.
     */
    private optionsKey(document: LangiumDocument, options: ValidationOptions): string {
        this.categoriesWithChecks ??= this.computeCategoriesWithChecks(document);
        const requested = options.categories ?? [...this.validationRegistry.getAllValidationCategories(document)];
        const effective = requested.filter(category => this.categoriesWithChecks!.has(category)).sort();
        return JSON.stringify([effective, options.stopAfterLexingErrors, options.stopAfterParsingErrors, options.stopAfterLinkingErrors]);
    }

    private categoriesWithChecks: Set<string> | undefined;

    private computeCategoriesWithChecks(document: LangiumDocument): Set<string> {
        const result = new Set<string>(['built-in']);
        for (const category of this.validationRegistry.getAllValidationCategories(document)) {
            for (const type of [...this.reflection.getAllTypes(), 'AstNode']) {
                if (!this.validationRegistry.getChecks(type, [category]).isEmpty()) result.add(category);
            }
        }
        return result;
    }

    /**
     * Only the root (VplanFile) and its plans carry checks (vplan-validator.ts), so instead of
     * Langium's walk over every node of the AST (which finds no check on all the others) the
     * root and then each plan are dispatched, in the order of the full walk. Should a check ever
     * be registered on another node type, the full walk is used again.
     */
    protected override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken: CancellationToken = Cancellation.CancellationToken.None): Promise<void> {
        this.checksOnlyOnRootAndPlans ??= this.computeChecksOnlyOnRootAndPlans();
        if (!this.checksOnlyOnRootAndPlans || !isVplanFile(rootNode) || this.profiler?.isActive('validating')) {
            // Langium's walk runs the checks: their reads of kinds are not noted, so every kind counts.
            const reads = rootNode.$document && this.kindReads.get(rootNode.$document);
            if (reads) reads.all = true;
            return super.validateAstNodes(rootNode, options, acceptor, cancelToken);
        }
        if (!await this.validateOneNode(rootNode, options, acceptor, cancelToken)) return;
        for (const declaration of rootNode.declarations) {
            if (isPlan(declaration)) await this.validateOneNode(declaration, options, acceptor, cancelToken);
        }
    }

    /** Runs the node's checks; returns whether its children are to be validated too. */
    private async validateOneNode(node: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken: CancellationToken): Promise<boolean> {
        await interruptAndCheck(cancelToken);
        const nodeOptions = this.validateSingleNodeOptions(node, options);
        if (nodeOptions.validateNode) {
            const reads = this.kindReads.get(AstUtils.getDocument(node));
            for (const check of this.validationRegistry.getChecks(node.$type, options.categories)) {
                // A vplan check is synchronous: it runs, and reads every kind it reads, in this call.
                await readingKinds(reads, () => check(node, acceptor, cancelToken));
            }
        }
        return nodeOptions.validateChildren;
    }

    private computeChecksOnlyOnRootAndPlans(): boolean {
        for (const type of this.reflection.getAllTypes()) {
            if (type === VplanFile.$type || type === Plan.$type) continue;
            if (!this.validationRegistry.getChecks(type).isEmpty()) return false;
        }
        return true;
    }

    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const start = diagnostics.length;
        super.processLexingErrors(parseResult, diagnostics, options);
        this.tagSyntax(diagnostics, start, parseResult);
    }

    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const start = diagnostics.length;
        super.processParsingErrors(parseResult, diagnostics, options);
        this.tagSyntax(diagnostics, start, parseResult);
    }

    /** Parse errors get the tokens valid at that point, a "did you mean" and no quoted personal data (syntax-refinement.ts). */
    private tagSyntax(diagnostics: Diagnostic[], start: number, parseResult: ParseResult): void {
        let budget: RefinementBudget | undefined;
        for (let i = start; i < diagnostics.length; i++) {
            const encoded = typeof diagnostics[i].message === 'string' ? diagnostics[i].message as string : '';
            const refined = this.syntaxRefiner.refine(encoded, parseResult, budget ??= newRefinementBudget());
            const { messageId, args } = refined?.message ?? syntaxMessageFor(encoded);
            diagnostics[i] = {
                ...diagnostics[i],
                severity: DiagnosticSeverity.Error,
                code: 'VP000',
                data: { code: 'VP000', messageId, args, fix: refined?.fix } satisfies VplanDiagnosticData
            };
        }
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        const reflection = this.reflection;
        let lostToSyntax: LostToSyntax | undefined;
        for (const reference of document.references) {
            const error = reference.error;
            if (!error) continue;
            const info = error.info;
            // A later duplicate (VP080) takes part in no other check, VP081 included (spec section 7).
            if (this.insideLaterDuplicate(info.container)) continue;
            // One mistake, one diagnostic: a reference that is a syntax error's own token, or names a
            // declaration the parser dropped while recovering, is already covered by VP000.
            lostToSyntax ??= this.lostToSyntax(document);
            if (lostToSyntax.errorOffsets.has(reference.$refNode?.offset ?? -1) || lostToSyntax.droppedNames.has(info.reference.$refText)) continue;
            // The parser re-reads the rest of a line after an error (`checkd by vt` becomes `by vt`).
            const refStart = reference.$refNode?.range.start;
            if (refStart && lostToSyntax.errorsByLine.get(refStart.line)?.some(offset => offset < (reference.$refNode?.offset ?? 0))) continue;
            const name = info.reference.$refText;
            const type = reflection.getReferenceType(info);
            const actual = this.findAnyDeclaration(info.container, name);
            const data: VplanDiagnosticData = referenceFinding(name, type, actual);
            const range = reference.$refNode?.range ?? info.container.$cstNode?.range;
            if (!range) continue;
            diagnostics.push({ severity: DiagnosticSeverity.Error, range, message: data.messageId, code: data.code, data, source: 'vplan' });
        }
    }

    /**
     * The tokens of parse errors, and the names the parser dropped while recovering from them (an
     * identifier in the text that is in no CST node, e.g. `bob` in `membr bob adult`).
     */
    private lostToSyntax(document: LangiumDocument): LostToSyntax {
        const { parserErrors, lexerErrors } = document.parseResult;
        const errorOffsets = new Set(parserErrors.map(e => e.token.startOffset));
        const errorsByLine = new Map<number, number[]>();
        for (const e of parserErrors) {
            if (e.token.startLine === undefined || Number.isNaN(e.token.startOffset)) continue;
            const line = e.token.startLine - 1;
            errorsByLine.set(line, [...(errorsByLine.get(line) ?? []), e.token.startOffset]);
        }
        const droppedNames = new Set<string>();
        const root = document.parseResult.value.$cstNode;
        if ((parserErrors.length > 0 || lexerErrors.length > 0) && root) {
            const kept = new Set<number>();
            for (const node of CstUtils.streamCst(root)) {
                if (isLeafCstNode(node)) kept.add(node.offset);
            }
            for (const token of this.lexer.tokenize(document.textDocument.getText()).tokens) {
                if (token.tokenType.name === 'ID' && !kept.has(token.startOffset)) droppedNames.add(token.image);
            }
        }
        return { errorOffsets, errorsByLine, droppedNames };
    }

    /** Whether the node lies inside a declaration that is a later duplicate of an earlier one. */
    private insideLaterDuplicate(node: AstNode): boolean {
        for (let current: AstNode | undefined = node; current; current = current.$container) {
            const name = (current as { name?: unknown }).name;
            if (typeof name !== 'string' || !name) continue;
            if (isPlan(current) || isOrganisation(current) || isMeasureType(current)) {
                if (this.globalNames.earlierDeclaration(current, name)) return true;
                continue;
            }
            const plan = containingPlan(current);
            if (plan && planNamespace(plan).duplicates.has(current as PlanDeclaration)) return true;
        }
        return false;
    }

    /** The type of whatever declaration of that name is visible, for a "wrong kind" message. */
    private findAnyDeclaration(container: AstNode, name: string): string | undefined {
        const plan = containingPlan(container);
        if (plan) {
            for (const declaration of planDeclarations(plan)) {
                if (declaration.name === name) return declaration.$type;
            }
        }
        return this.globalNames.firstDeclarationsFor(container).get(name)?.type;
    }
}

/**
 * The organisation a document declares under a name, as the index has it now: the memo's lookup
 * of an organisation whose kind a validation read (validation-memo.ts). Undefined when it is
 * gone, or its document is not loaded (organisations are never in parked plans).
 */
function organisationAt(services: VplanServices, uri: string, name: string): Organisation | undefined {
    const index = services.shared.workspace.IndexManager as IndexManager & Partial<{ exportsOf(uri: string): readonly AstNodeDescription[] }>;
    const exports = index.exportsOf ? index.exportsOf(uri) : index.allElements('Organisation', new Set([uri])).toArray();
    const description = exports.find(each => each.name === name && each.type === 'Organisation');
    if (!description) return undefined;
    if (description.node) return isOrganisation(description.node) ? description.node : undefined;
    const document = services.shared.workspace.LangiumDocuments.getDocument(description.documentUri);
    const node = document && services.workspace.AstNodeLocator.getAstNode(document.parseResult.value, description.path);
    return isOrganisation(node) ? node : undefined;
}
