/**
 * The privacy checks read the tokens of a cleanly parsed file from its CST (comments are hidden
 * leaves) and lex a file with syntax errors again. Both ways must find the same things in the same
 * places: a comment before the first declaration, between items, at the end of a line and after
 * the last declaration, a string and an identifier.
 */

import { describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { checkText, createTestServices } from '../helpers.js';

const services = createTestServices();

/** Invented numbers that pass the eleven-test (not anybody's BSN). */
const BSN_A = '271828183';
const BSN_B = '314159265';

const PLAN = (brokenLine: string) => `// intake ${BSN_A}
organisation vt "VT" kind veiligthuis
plan p "Plan" {
    status active // bel 06-12345678
    period 2026-01-12 to 2027-01-12
    household {
        member sanne adult born 1989 roles victim
        member noor child born 2015 roles witness
    }
    /* Dorpsstraat 12, 3311 AB */
    evaluation 2026-04-15 "Evaluatie, mail sanne@example.org"
${brokenLine}
}
/* noor geboren 12-03-2015, ${BSN_B} */
`;

function privacyFindings(diagnostics: Diagnostic[]): string[] {
    return diagnostics
        .filter(d => d.code === 'VP070' || d.code === 'VP071')
        .map(d => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.message)}`);
}

describe('privacy checks read the same tokens with and without syntax errors', () => {
    test('a clean file (CST leaves) and a file with a parse error (lexed again) give the same findings', async () => {
        const clean = await checkText(services, PLAN('    evaluation 2026-05-15 "Tweede evaluatie"'), { locale: 'en' });
        const broken = await checkText(services, PLAN('    evaluation 2026-05-15 "Tweede evaluatie" }}'), { locale: 'en' });
        expect(clean.codes).not.toContain('VP000');
        expect(broken.codes).toContain('VP000');
        const findings = privacyFindings(clean.diagnostics);
        expect(findings).toEqual(privacyFindings(broken.diagnostics));
        // Every planted item is found: two BSNs, a phone number, an address, an e-mail address, a birth date.
        expect(findings.filter(f => f.startsWith('VP070'))).toHaveLength(2);
        expect(findings.filter(f => f.startsWith('VP071'))).toHaveLength(4);
    });
});
