/**
 * `readPlanText` decodes with Node's fast UTF-8 reader and falls back to the strict decoder for
 * anything unusual. Whatever the bytes, it must return what the strict decoder returns (a BOM
 * dropped) or fail with the same message: byte order marks, U+FFFD written in the file, invalid
 * sequences, 0 bytes, and text that is fine.
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { CliInputError, readPlanText } from '../../cli/files.js';

const folder = mkdtempSync(join(tmpdir(), 'vplan-read-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The reading before the fast path: strict decoding, one BOM dropped by the decoder and one more after it. */
function strictReading(bytes: Buffer): string {
    if (bytes.includes(0)) return 'error: is a binary file, not plan text';
    let text: string;
    try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
        return 'error: not UTF-8';
    }
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function reading(bytes: Buffer): string {
    const path = join(folder, 'plan.vplan');
    writeFileSync(path, bytes);
    try {
        return readPlanText(path, 'plan.vplan');
    } catch (error) {
        expect(error).toBeInstanceOf(CliInputError);
        const reason = (error as CliInputError).reason;
        return reason.startsWith('is not UTF-8 text') ? 'error: not UTF-8' : `error: ${reason}`;
    }
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const plan = Buffer.from('plan p "Tuin van Roos" {\n    status active // é ü ß 😀\n}\n', 'utf8');
const cases: Record<string, Buffer> = {
    'plain text': plan,
    'empty file': Buffer.alloc(0),
    'one BOM': Buffer.concat([BOM, plan]),
    'two BOMs': Buffer.concat([BOM, BOM, plan]),
    'three BOMs': Buffer.concat([BOM, BOM, BOM, plan]),
    'a BOM only': BOM,
    'a BOM in the middle': Buffer.concat([plan, BOM, plan]),
    'U+FFFD written in the file': Buffer.concat([plan, Buffer.from([0xef, 0xbf, 0xbd]), plan]),
    'an invalid byte': Buffer.concat([plan, Buffer.from([0xff]), plan]),
    'a truncated sequence at the end': Buffer.concat([plan, Buffer.from([0xe2, 0x82])]),
    'an encoded surrogate': Buffer.concat([plan, Buffer.from([0xed, 0xa0, 0x80])]),
    'an overlong encoding': Buffer.concat([plan, Buffer.from([0xc0, 0xaf])]),
    'a 0 byte': Buffer.concat([plan, Buffer.from([0]), plan]),
    'a 0 byte after an invalid one': Buffer.concat([plan, Buffer.from([0xc3, 0]), plan]),
    'a BOM and an invalid byte': Buffer.concat([BOM, plan, Buffer.from([0x80])])
};

describe('readPlanText reads like the strict decoder', () => {
    for (const [name, bytes] of Object.entries(cases)) {
        test(name, () => {
            expect(reading(bytes)).toBe(strictReading(bytes));
        });
    }

    test('the offset of the first invalid byte is reported', () => {
        const path = join(folder, 'bad.vplan');
        writeFileSync(path, Buffer.concat([Buffer.from('plan p {\n', 'utf8'), Buffer.from([0xef, 0xbf, 0xbd, 0xff])]));
        expect(() => readPlanText(path, 'bad.vplan')).toThrow('bad.vplan: is not UTF-8 text (first invalid byte at offset 12)');
    });
});
