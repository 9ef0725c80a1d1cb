/**
 * STRING values (titles, notes, texts) as flat strings. Langium converts a quoted string by
 * appending it character by character, which leaves every title in the AST as a chain of V8
 * "cons strings", one object per character: about 15 MB of heap in a 1,000-plan workspace, held for
 * as long as the document is. Without an escape, the value is simply the text between the quotes.
 */

import { DefaultValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

export class VplanValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'STRING' && input.length >= 2 && !input.includes('\\')) {
            return input.substring(1, input.length - 1);
        }
        const value = super.runConverter(rule, input, cstNode);
        // With escapes, Langium's result is the chain described above; join makes it one string.
        return rule.name === 'STRING' && typeof value === 'string' ? value.split('').join('') : value;
    }
}
