/** The reader of documentation examples (./markdown-examples.ts) that the docs tests rely on. */

import { describe, expect, test } from 'vitest';
import { extractBlocks, readIntoBase } from './markdown-examples.js';

const BASE = `plan p "P" {
    status active
    period 2026-01-01 to 2027-01-01

    household {
        member ann adult born 1990
    }

    phase safety from 2026-01-01 to 2026-03-01
    phase stability from 2026-03-01 to 2027-01-01

    regie {
        wt from 2026-01-01 "Met { en } in de tekst"
    }
}
`;

describe('extractBlocks', () => {
    test('reads each fenced block with its info string, text, line and annotations', () => {
        const page = [
            '# Title',
            '',
            '<!-- fragment: plan; expect: VP013, VP011 -->',
            '<!-- v2: checks -->',
            '```vplan',
            'evaluation 2026-05-01',
            '```',
            '',
            '```json',
            '{}',
            '```'
        ].join('\n');
        const [plan, json] = extractBlocks(page);
        expect(plan).toEqual({
            info: 'vplan', text: 'evaluation 2026-05-01\n', line: 5,
            annotations: { base: false, shared: false, fragment: 'plan', expect: ['VP011', 'VP013'], v2: 'checks', layoutFree: false }
        });
        expect(json.info).toBe('json');
        expect(json.annotations.expect).toEqual([]);
    });

    test('a comment separated from the block by a blank line does not annotate it', () => {
        const [block] = extractBlocks('<!-- base -->\n\n```vplan\nplan p "P" {\n}\n```\n');
        expect(block.annotations.base).toBe(false);
    });

    test('a longer fence can hold a shorter one', () => {
        const [block] = extractBlocks('````text\n```vplan\n```\n````\n');
        expect(block).toMatchObject({ info: 'text', text: '```vplan\n```\n' });
    });

    test.each([
        ['<!-- expects: VP011 -->\n```vplan\nx\n```\n', /unknown annotation/],
        ['<!-- fragment: meeting -->\n```vplan\nx\n```\n', /unknown annotation/],
        ['<!-- expect: VP11 -->\n```vplan\nx\n```\n', /unknown annotation/],
        ['```vplan\nx\n', /never closed/]
    ])('a malformed page is an error, not a silently skipped example: %j', (page, error) => {
        expect(() => extractBlocks(page)).toThrow(error);
    });
});

describe('readIntoBase', () => {
    test('household and network fragments are added inside their block', () => {
        const text = readIntoBase(BASE, 'member bob adult born 1988\n', 'household');
        expect(text).toContain('        member ann adult born 1990\n        member bob adult born 1988\n    }\n');
    });

    test('a plan fragment replaces the items of a replaced keyword where they stood, and adds the rest at the end', () => {
        const fragment = 'incident 2026-06-01 "Melding"\n\nphase safety from 2026-01-01 to 2027-01-01\n';
        const text = readIntoBase(BASE, fragment, 'plan');
        expect(text).toBe(`plan p "P" {
    status active
    period 2026-01-01 to 2027-01-01

    household {
        member ann adult born 1990
    }

    phase safety from 2026-01-01 to 2027-01-01

    regie {
        wt from 2026-01-01 "Met { en } in de tekst"
    }

    incident 2026-06-01 "Melding"
}
`);
    });

    test('a replaced block keeps its inner lines, and braces inside strings do not confuse it', () => {
        const text = readIntoBase(BASE, 'regie {\n    vt from 2026-01-01\n}\n', 'plan');
        expect(text).toContain('    regie {\n        vt from 2026-01-01\n    }\n}\n');
        expect(text).not.toContain('wt from');
    });
});
