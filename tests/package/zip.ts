/**
 * A minimal reader for the .vsix (a zip): the names in its central directory and the content of
 * one entry. Enough for the packaging tests, without a zip dependency.
 */

import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
    name: string;
    method: number;
    compressedSize: number;
    localHeaderOffset: number;
}

export function readZipEntries(file: string): { entries: ZipEntry[]; read: (name: string) => Buffer } {
    const zip = readFileSync(file);
    let end = zip.length - 22;
    while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
    if (end < 0) throw new Error(`${file} is not a zip file`);
    const count = zip.readUInt16LE(end + 10);
    let offset = zip.readUInt32LE(end + 16);
    const entries: ZipEntry[] = [];
    for (let i = 0; i < count; i++) {
        if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error('broken central directory');
        const nameLength = zip.readUInt16LE(offset + 28);
        const extraLength = zip.readUInt16LE(offset + 30);
        const commentLength = zip.readUInt16LE(offset + 32);
        entries.push({
            name: zip.toString('utf8', offset + 46, offset + 46 + nameLength),
            method: zip.readUInt16LE(offset + 10),
            compressedSize: zip.readUInt32LE(offset + 20),
            localHeaderOffset: zip.readUInt32LE(offset + 42)
        });
        offset += 46 + nameLength + extraLength + commentLength;
    }
    const read = (name: string): Buffer => {
        const entry = entries.find(e => e.name === name);
        if (!entry) throw new Error(`${name} is not in ${file}`);
        const local = entry.localHeaderOffset;
        const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
        const data = zip.subarray(start, start + entry.compressedSize);
        return entry.method === 8 ? inflateRawSync(data) : Buffer.from(data);
    };
    return { entries, read };
}
