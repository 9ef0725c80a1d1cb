/**
 * How checks report. A check names a message id (`VP011.gap`) and its arguments; the code is the
 * part before the dot. The message is rendered in the document's locale and the severity taken
 * from vplan.config.json by the document validator, so checks know neither.
 */

import type { AstNode, Properties, ValidationAcceptor } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import { RULES_BY_CODE } from '../rules/registry.js';

/** What travels in `Diagnostic.data`: enough to re-render the message and to build a quick fix. */
export interface VplanDiagnosticData {
    code: string;
    messageId: string;
    args: Record<string, unknown>;
    /** Free data for quick fixes (e.g. the date a gap starts). */
    fix?: Record<string, unknown>;
}

export interface ReportOptions<N extends AstNode> {
    property?: Properties<N>;
    index?: number;
    range?: Range;
    /** Data for a quick fix. */
    fix?: Record<string, unknown>;
}

export type Reporter = <N extends AstNode>(messageId: string, node: N, args?: Record<string, unknown>, options?: ReportOptions<N>) => void;

export function codeOf(messageId: string): string {
    const dot = messageId.indexOf('.');
    return dot < 0 ? messageId : messageId.slice(0, dot);
}

/** A reporter over Langium's acceptor; the default severity is the rule's, overridden later. */
export function createReporter(accept: ValidationAcceptor): Reporter {
    return (messageId, node, args = {}, options = {}) => {
        const code = codeOf(messageId);
        const severity = RULES_BY_CODE.get(code)?.severity ?? 'error';
        const data: VplanDiagnosticData = { code, messageId, args, fix: options.fix };
        accept(severity === 'info' ? 'info' : severity, messageId, {
            node,
            property: options.property,
            index: options.index,
            range: options.range,
            code,
            data
        } as never);
    };
}
