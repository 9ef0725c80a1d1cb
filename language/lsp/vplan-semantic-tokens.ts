/**
 * Semantic tokens: tells apart what the TextMate grammar cannot (a name is a member, a supporter,
 * an organisation, a measure type, ...; an identifier is a value word). Standard token types
 * where one fits; dates and durations have no standard type, so the legend adds `date` and
 * `duration` (both read as `number` by a client that maps super types). Table in docs/editor.md.
 */

import { AstUtils, type AstNode } from 'langium';
import { AbstractSemanticTokenProvider, AllSemanticTokenTypes, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import { isDuration, isMember } from '../generated/ast.js';
import { isBuiltinUri } from '../workspace/builtin-documents.js';
import { VALUE_WORD_FEATURES } from './vplan-completion.js';

export const VplanTokenTypes = {
    date: 'date',
    duration: 'duration'
} as const;

/** The token type of each kind of named thing, at its declaration and at every reference. */
export const NAME_TOKEN_TYPES: Readonly<Record<string, string>> = {
    Plan: SemanticTokenTypes.namespace,
    Organisation: SemanticTokenTypes.class,
    MeasureType: SemanticTokenTypes.type,
    Member: SemanticTokenTypes.variable,
    Supporter: SemanticTokenTypes.parameter,
    Risk: SemanticTokenTypes.event,
    Measure: SemanticTokenTypes.function,
    Intervention: SemanticTokenTypes.method,
    Agreement: SemanticTokenTypes.struct
};

const DATE_PROPERTIES = ['start', 'end', 'date'] as const;

export class VplanSemanticTokenProvider extends AbstractSemanticTokenProvider {
    override get tokenTypes(): Record<string, number> {
        const base = Object.keys(AllSemanticTokenTypes).length;
        return { ...AllSemanticTokenTypes, [VplanTokenTypes.date]: base, [VplanTokenTypes.duration]: base + 1 };
    }

    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const record = node as unknown as Record<string, unknown>;
        const declarationType = NAME_TOKEN_TYPES[node.$type];
        if (declarationType && typeof record.name === 'string') {
            const modifiers: string[] = [SemanticTokenModifiers.declaration];
            if (this.isBuiltin(node)) modifiers.push(SemanticTokenModifiers.defaultLibrary);
            acceptor({ node, property: 'name' as never, type: declarationType, modifier: modifiers });
        }
        for (const { reference, property, index } of AstUtils.streamReferences(node)) {
            const target = 'ref' in reference ? reference.ref : undefined;
            const type = target ? NAME_TOKEN_TYPES[target.$type] : undefined;
            if (!target || !type) continue;
            acceptor({
                node, property: property as never, index, type,
                modifier: this.isBuiltin(target) ? SemanticTokenModifiers.defaultLibrary : undefined
            });
        }
        for (const property of DATE_PROPERTIES) {
            if (typeof record[property] === 'string') acceptor({ node, property: property as never, type: VplanTokenTypes.date });
        }
        if (isDuration(node)) {
            acceptor({ node, property: 'amount', type: VplanTokenTypes.duration });
            acceptor({ node, property: 'unit', type: VplanTokenTypes.duration });
            return;
        }
        for (const [key] of Object.entries(VALUE_WORD_FEATURES).filter(([k]) => k.startsWith(node.$type + '.'))) {
            const property = key.slice(node.$type.length + 1);
            const value = record[property];
            if (Array.isArray(value)) {
                value.forEach((_, i) => acceptor({ node, property: property as never, index: i, type: SemanticTokenTypes.enumMember }));
            } else if (typeof value === 'string') {
                acceptor({ node, property: property as never, type: SemanticTokenTypes.enumMember });
            }
        }
        if (isMember(node) && node.born !== undefined) {
            acceptor({ node, property: 'born', type: SemanticTokenTypes.number });
        }
    }

    protected isBuiltin(node: AstNode): boolean {
        return isBuiltinUri(AstUtils.getDocument(node).uri);
    }
}
