/**
 * The canonical layout of spec section 5. TODO: implement.
 */

import type { AstNode } from 'langium';
import { AbstractFormatter } from 'langium/lsp';

export class VplanFormatter extends AbstractFormatter {
    protected format(_node: AstNode): void {
        // TODO
    }
}
