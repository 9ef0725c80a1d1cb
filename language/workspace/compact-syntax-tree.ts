/**
 * Smaller syntax trees, with the same content. The language server keeps the CST and the AST of
 * every plan in the workspace (docs/performance.md, "Server memory"); in a 1,000-plan workspace
 * that is about 345,000 CST leaves and 60,000 AST nodes.
 *
 * - A CST leaf of Langium stores its offset, length, hidden flag, token type and four position
 *   numbers, 104 bytes in V8. A token that ends on the line it starts on (nearly all of them) has
 *   its end position given by its start and length, so a `CompactLeafCstNode` keeps the start
 *   line and column packed in one small integer and the hidden flag in the length: 72 bytes.
 *   Any other token (spanning lines, or a line or column too large to pack) keeps Langium's own
 *   `LeafCstNodeImpl`. Positions are taken from the token exactly as Langium takes them.
 * - The parser fills AST lists by pushing, which leaves V8 arrays with room for 16 or more
 *   elements; lists are copied to arrays of their exact size once the parse is done, before any
 *   other service sees the tree.
 *
 * Both come from one service override, `parser.LangiumParser` → `CompactLangiumParser`
 * (vplan-workspace-module.ts, docs/langium-overrides.md).
 */

import {
    AbstractCstNode, CstNodeBuilder, LangiumParser, LeafCstNodeImpl, createParser,
    type AstNode, type CompositeCstNode, type CstNode, type LangiumCoreServices, type ParseResult, type ParserOptions
} from 'langium';
import type { IToken, TokenType } from 'chevrotain';
import type { Range } from 'vscode-languageserver-types';

const COLUMN_BITS = 11;
const COLUMN_LIMIT = 1 << COLUMN_BITS;
/** Packed positions stay V8 small integers (31 bits): 20 bits of line, 11 bits of column. */
const LINE_LIMIT = 1 << (31 - COLUMN_BITS);
const LENGTH_LIMIT = 1 << 29;

export class CompactLeafCstNode extends AbstractCstNode {
    /** Start line and column (0-based), `line * COLUMN_LIMIT + column`. */
    private readonly position: number;
    /** `length * 2`, plus 1 for a hidden token. */
    private readonly lengthAndHidden: number;

    constructor(private readonly start: number, length: number, line: number, column: number, private readonly type: TokenType, hidden: boolean) {
        super();
        this.position = line * COLUMN_LIMIT + column;
        this.lengthAndHidden = length * 2 + (hidden ? 1 : 0);
    }

    get offset(): number {
        return this.start;
    }

    get length(): number {
        return this.lengthAndHidden >>> 1;
    }

    get end(): number {
        return this.start + (this.lengthAndHidden >>> 1);
    }

    get hidden(): boolean {
        return (this.lengthAndHidden & 1) === 1;
    }

    get tokenType(): TokenType {
        return this.type;
    }

    get astNode(): AstNode {
        const container = this.container;
        if (!container) {
            throw new Error('This node has no associated AST element');
        }
        return container.astNode;
    }

    get range(): Range {
        const line = Math.floor(this.position / COLUMN_LIMIT);
        const character = this.position % COLUMN_LIMIT;
        return {
            start: { line, character },
            end: { line, character: character + (this.lengthAndHidden >>> 1) }
        };
    }
}

/** Builds compact leaves where they hold the same positions; see the file comment. */
export class CompactCstNodeBuilder extends CstNodeBuilder {
    override createLeafNode(token: IToken, hidden: boolean): LeafCstNodeImpl {
        // Langium's conversion (cst-node-builder.ts): 0-based lines and start column, exclusive end column.
        const offset = token.startOffset;
        const length = token.image.length;
        const startLine = token.startLine! - 1;
        const startColumn = token.startColumn! - 1;
        const endLine = token.endLine! - 1;
        const endColumn = token.endColumn!;
        if (endLine === startLine && endColumn === startColumn + length
            && startLine >= 0 && startLine < LINE_LIMIT && startColumn >= 0 && startColumn < COLUMN_LIMIT
            && length < LENGTH_LIMIT && Number.isInteger(offset) && offset >= 0) {
            // A structural match of LeafCstNodeImpl's public members (CstNode, LeafCstNode).
            return new CompactLeafCstNode(offset, length, startLine, startColumn, token.tokenType, hidden) as unknown as LeafCstNodeImpl;
        }
        return super.createLeafNode(token, hidden);
    }

    // Langium adds children with `push(...children)` and `splice(index, 0, ...children)`: one
    // function argument per node, so a run of some 100,000 comment lines (a 1 MB plan vplan
    // accepts) overflows the call stack. The same, without spreading (issue 15).
    override appendChildren(parent: CompositeCstNode, children: CstNode[]): void {
        const content = (parent as unknown as { content: CstNode[] }).content;
        if (children.length <= SPREAD_LIMIT || content.length === 0) {
            super.appendChildren(parent, children);
            return;
        }
        for (const child of children) {
            (child as { container?: CompositeCstNode }).container = parent;
            content.push(child);
        }
    }

    override insertChildren(parent: CompositeCstNode, index: number, children: CstNode[]): void {
        if (children.length <= SPREAD_LIMIT) {
            super.insertChildren(parent, index, children);
            return;
        }
        const impl = parent as unknown as { content: CstNode[] };
        for (const child of children) (child as { container?: CompositeCstNode }).container = parent;
        impl.content = [...impl.content.slice(0, index), ...children, ...impl.content.slice(index)];
    }
}

/** Up to this many children, Langium's own spreading is safe (far below any engine's argument limit). */
const SPREAD_LIMIT = 10_000;

/** Copies every non-empty list of the AST to an array of its exact size. */
export function compactAstLists(node: AstNode): void {
    const record = node as unknown as Record<string, unknown>;
    for (const key in record) {
        if (key.charCodeAt(0) === 36 /* $ */) continue;
        const value = record[key];
        if (Array.isArray(value)) {
            if (value.length === 0) continue;
            record[key] = value.slice();
            for (const element of value) {
                if (isChild(element, node)) compactAstLists(element);
            }
        } else if (isChild(value, node)) {
            compactAstLists(value);
        }
    }
}

/** Contained AST nodes only (not references, nor values that merely point elsewhere). */
function isChild(value: unknown, container: AstNode): value is AstNode {
    return typeof value === 'object' && value !== null && (value as { $container?: unknown }).$container === container;
}

/**
 * Langium's parser, building compact trees (both changes above).
 *
 * Langium offers no hook for the CST builder: `LangiumParser` creates its `CstNodeBuilder` in its
 * constructor and keeps it in the private field `nodeBuilder`, which its rule and token methods
 * use. This constructor replaces that one field, the only private member of Langium that vplan
 * touches. tests/language/workspace/compact-syntax-tree.test.ts ("Langium keeps its CST builder in
 * `nodeBuilder`") fails if a Langium upgrade renames the field or stops building leaves through it.
 */
export class CompactLangiumParser extends LangiumParser {
    constructor(services: LangiumCoreServices) {
        super(services);
        (this as unknown as { nodeBuilder: CstNodeBuilder }).nodeBuilder = new CompactCstNodeBuilder();
    }

    override parse<T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        const result = super.parse<T>(input, options);
        // The builder keeps the last syntax tree until the next parse; a parked plan's must go now
        // (parked-plans.ts). Langium builds anew from `buildRootNode` on every parse.
        const builder = (this as unknown as { nodeBuilder: { rootNode?: unknown; nodeStack: unknown[] } }).nodeBuilder;
        builder.rootNode = undefined;
        builder.nodeStack = [];
        if (typeof result.value === 'object' && result.value !== null) compactAstLists(result.value);
        return result;
    }
}

/** The `parser.LangiumParser` factory: Langium's `createLangiumParser`, with the compact parser. */
export function createCompactLangiumParser(services: LangiumCoreServices): CompactLangiumParser {
    const parser = createParser(services.Grammar, new CompactLangiumParser(services), services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}
