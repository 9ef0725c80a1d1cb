/**
 * Turns Langium's diagnostics into vplan's: parse and lex errors become VP000, linking errors
 * VP081, and every diagnostic gets its message in the document's locale and the severity that
 * vplan.config.json gives its rule (or is dropped when the rule is `off`).
 */

import {
    DefaultDocumentValidator, type AstNode, type LangiumDocument, type ParseResult, type ValidationOptions
} from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { CancellationToken } from 'vscode-languageserver-protocol';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { VplanServices } from '../vplan-module.js';
import type { VplanSettingsProvider } from '../config/settings-provider.js';
import { syntaxMessageFor } from '../syntax/syntax-errors.js';
import { renderMessage } from './messages.js';
import { RULES_BY_CODE, type ConfiguredSeverity } from './rules.js';
import type { VplanDiagnosticData } from './report.js';
import type { GlobalNames } from '../references/vplan-scope.js';
import { containingPlan } from '../references/vplan-scope.js';
import { planDeclarations } from '../model/ast-queries.js';

const SEVERITY: Record<Exclude<ConfiguredSeverity, 'off'>, DiagnosticSeverity> = {
    error: DiagnosticSeverity.Error,
    warning: DiagnosticSeverity.Warning,
    info: DiagnosticSeverity.Information
};

export class VplanDocumentValidator extends DefaultDocumentValidator {
    protected readonly settings: VplanSettingsProvider;
    protected readonly globalNames: GlobalNames;
    protected readonly reflection: VplanServices['shared']['AstReflection'];

    constructor(services: VplanServices) {
        super(services);
        this.settings = services.config.SettingsProvider;
        this.globalNames = services.references.GlobalNames;
        this.reflection = services.shared.AstReflection;
    }

    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        const { config, locale } = this.settings.settingsFor(document.uri);
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

    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const start = diagnostics.length;
        super.processLexingErrors(parseResult, diagnostics, options);
        this.tagSyntax(diagnostics, start);
    }

    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const start = diagnostics.length;
        super.processParsingErrors(parseResult, diagnostics, options);
        this.tagSyntax(diagnostics, start);
    }

    private tagSyntax(diagnostics: Diagnostic[], start: number): void {
        for (let i = start; i < diagnostics.length; i++) {
            const { messageId, args } = syntaxMessageFor(typeof diagnostics[i].message === 'string' ? diagnostics[i].message as string : '');
            diagnostics[i] = {
                ...diagnostics[i],
                severity: DiagnosticSeverity.Error,
                code: 'VP000',
                data: { code: 'VP000', messageId, args } satisfies VplanDiagnosticData
            };
        }
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        const reflection = this.reflection;
        for (const reference of document.references) {
            const error = reference.error;
            if (!error) continue;
            const info = error.info;
            const name = info.reference.$refText;
            const type = reflection.getReferenceType(info);
            const actual = this.findAnyDeclaration(info.container, name);
            const data: VplanDiagnosticData = actual
                ? { code: 'VP081', messageId: 'VP081.wrongKind', args: { name, type, actual } }
                : { code: 'VP081', messageId: 'VP081.unresolved', args: { name, type } };
            const range = reference.$refNode?.range ?? info.container.$cstNode?.range;
            if (!range) continue;
            diagnostics.push({ severity: DiagnosticSeverity.Error, range, message: data.messageId, code: 'VP081', data, source: 'vplan' });
        }
    }

    /** The type of whatever declaration of that name is visible, for a "wrong kind" message. */
    private findAnyDeclaration(container: AstNode, name: string): string | undefined {
        const plan = containingPlan(container);
        if (plan) {
            for (const declaration of planDeclarations(plan)) {
                if (declaration.name === name) return declaration.$type;
            }
        }
        return this.globalNames.firstDeclarations().get(name)?.type;
    }
}
