/**
 * Symbols: the outline of a file (plans with their sections and declarations, organisations,
 * measure types), workspace symbols (the global names of Langium's index, plus the members,
 * supporters, risks, measures, interventions and agreements of every plan, with their plan as
 * container) and the symbol kinds that outline, workspace symbols and completion use. The kind
 * table is in docs/editor.md.
 */

import { VplanDocumentBuilder } from '../workspace/vplan-document-builder.js';
import { parkedSymbols } from '../workspace/parked-plans.js';
import { GrammarUtils, interruptAndCheck, type AstNode, type AstNodeDescription, type LangiumDocument, type LangiumDocuments } from 'langium';
import {
    DefaultDocumentSymbolProvider, DefaultWorkspaceSymbolProvider, type LangiumSharedLSPServices, type LangiumSharedServices, type NodeKindProvider
} from 'langium/lsp';
import {
    CancellationToken, CompletionItemKind, SymbolKind, type DocumentSymbol, type WorkspaceSymbol, type WorkspaceSymbolParams
} from 'vscode-languageserver';
import {
    isAftercare, isEvaluation, isHousehold, isMeeting, isNetwork, isPhase, isPlan, isPlanPeriod, isRegieBlock, isRegieEntry, isVplanFile
} from '../generated/ast.js';
import { planNamespace } from '../model/ast-queries.js';

export const SYMBOL_KINDS: Readonly<Record<string, SymbolKind>> = {
    Plan: SymbolKind.Namespace,
    Organisation: SymbolKind.Object,
    MeasureType: SymbolKind.Class,
    Household: SymbolKind.Struct,
    Network: SymbolKind.Struct,
    RegieBlock: SymbolKind.Struct,
    Aftercare: SymbolKind.Struct,
    Member: SymbolKind.Variable,
    Supporter: SymbolKind.Property,
    Risk: SymbolKind.Event,
    Phase: SymbolKind.EnumMember,
    PlanPeriod: SymbolKind.Constant,
    Measure: SymbolKind.Function,
    Intervention: SymbolKind.Method,
    Agreement: SymbolKind.Interface,
    RegieEntry: SymbolKind.Field,
    Meeting: SymbolKind.Event,
    Evaluation: SymbolKind.Event
};

const COMPLETION_KINDS: Readonly<Record<string, CompletionItemKind>> = {
    Plan: CompletionItemKind.Module,
    Organisation: CompletionItemKind.Module,
    MeasureType: CompletionItemKind.Class,
    Member: CompletionItemKind.Variable,
    Supporter: CompletionItemKind.Property,
    Risk: CompletionItemKind.Event,
    Measure: CompletionItemKind.Function,
    Intervention: CompletionItemKind.Method,
    Agreement: CompletionItemKind.Struct
};

function typeOf(node: AstNode | AstNodeDescription): string {
    return '$type' in node ? node.$type : node.type;
}

export class VplanNodeKindProvider implements NodeKindProvider {
    getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return SYMBOL_KINDS[typeOf(node)] ?? SymbolKind.Field;
    }

    getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return COMPLETION_KINDS[typeOf(node)] ?? CompletionItemKind.Reference;
    }
}

export class VplanDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    protected override getSymbol(document: LangiumDocument, node: AstNode): DocumentSymbol[] {
        const cst = node.$cstNode;
        const unnamed = (name: string, detail?: string): DocumentSymbol[] => cst ? [{
            name, detail, kind: this.nodeKindProvider.getSymbolKind(node), range: cst.range, selectionRange: cst.range,
            children: this.getChildSymbols(document, node)
        }] : [];
        if (isHousehold(node)) return unnamed('household');
        if (isNetwork(node)) return unnamed('network');
        if (isRegieBlock(node)) return unnamed('regie');
        if (isAftercare(node)) return unnamed('aftercare');
        if (isPlanPeriod(node)) return unnamed('period', [node.start, node.end].filter(Boolean).join(' – '));
        if (isPhase(node)) return unnamed(`phase ${node.kind ?? ''}`.trim(), node.start);
        if (isRegieEntry(node)) return unnamed(node.organisation?.$refText || 'regie', node.start);
        if (isMeeting(node)) return unnamed(`meeting ${node.date ?? ''}`.trim(), node.title);
        if (isEvaluation(node)) return unnamed(`evaluation ${node.date ?? ''}`.trim(), node.title);
        const symbols = super.getSymbol(document, node);
        const title = (node as { title?: unknown }).title;
        if (symbols.length === 1 && this.nameProvider.getNameNode(node) && typeof title === 'string') {
            symbols[0].detail = title;
        }
        return symbols;
    }
}

/**
 * Workspace symbols: Langium's index holds only global names (plans, organisations, measure
 * types); the names declared inside plans are added here, each with its plan as container.
 */
export class VplanWorkspaceSymbolProvider extends DefaultWorkspaceSymbolProvider {
    protected readonly documents: LangiumDocuments;

    constructor(services: LangiumSharedServices & { lsp: LangiumSharedLSPServices['lsp'] }) {
        super(services);
        this.documents = services.workspace.LangiumDocuments;
        this.builder = services.workspace.DocumentBuilder;
    }

    protected readonly builder: LangiumSharedServices['workspace']['DocumentBuilder'];

    override async getSymbols(params: WorkspaceSymbolParams, cancelToken = CancellationToken.None): Promise<WorkspaceSymbol[]> {
        const symbols = await super.getSymbols(params, cancelToken);
        const query = params.query.toLowerCase();
        const builder = this.builder;
        const parked = builder instanceof VplanDocumentBuilder ? builder.parked : undefined;
        for (const document of this.documents.all) {
            await interruptAndCheck(cancelToken);
            // A parked plan (workspace/parked-plans.ts) keeps its names without its tree.
            const record = parked?.recordOf(document.uri);
            if (record) {
                for (const symbol of parkedSymbols(record.symbols)) {
                    if (!this.fuzzyMatcher.match(query, symbol.name)) continue;
                    symbols.push({ kind: symbol.kind as SymbolKind, name: symbol.name, containerName: symbol.container, location: { uri: document.uri.toString(), range: symbol.range } });
                }
                continue;
            }
            const root = document.parseResult.value;
            if (!isVplanFile(root)) continue;
            for (const plan of root.declarations.filter(isPlan)) {
                for (const declaration of planNamespace(plan).declarations) {
                    const range = this.nameRange(declaration);
                    if (!declaration.name || !range || !this.fuzzyMatcher.match(query, declaration.name)) continue;
                    symbols.push({
                        kind: this.nodeKindProvider.getSymbolKind(declaration),
                        name: declaration.name,
                        containerName: plan.name,
                        location: { uri: document.uri.toString(), range }
                    });
                }
            }
        }
        return symbols;
    }

    protected nameRange(node: AstNode): DocumentSymbol['range'] | undefined {
        return (GrammarUtils.findNodeForProperty(node.$cstNode, 'name') ?? node.$cstNode)?.range;
    }
}
