// Draws images/icon.png (128×128): a white shield with three timeline bars on a blue tile.
// Written with a tiny PNG encoder (node:zlib) so that no image tool or download is needed.
// Run: node images/make-icon.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const SIZE = 128;
const SAMPLES = 4; // 4×4 supersampling for smooth edges

const TILE = [23, 71, 107];
const SHIELD = [255, 255, 255];
const BARS = [[232, 131, 58], [42, 157, 143], [23, 71, 107]];

function insideRoundedTile(x, y) {
    const r = 24, lo = 4, hi = SIZE - 4;
    if (x < lo || x > hi || y < lo || y > hi) return false;
    const cx = Math.min(Math.max(x, lo + r), hi - r);
    const cy = Math.min(Math.max(y, lo + r), hi - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function insideShield(x, y) {
    const top = 22, shoulder = 66, bottom = 110, half = 34;
    if (y < top || y > bottom) return false;
    if (y <= shoulder) return Math.abs(x - 64) <= half - Math.max(0, 6 - (y - top)) * 0.8;
    const t = (y - shoulder) / (bottom - shoulder);
    return Math.abs(x - 64) <= half * (1 - t ** 1.7);
}

const bars = [
    { x0: 42, x1: 72, y0: 38, y1: 47, color: BARS[0] },
    { x0: 54, x1: 86, y0: 53, y1: 62, color: BARS[1] },
    { x0: 46, x1: 78, y0: 68, y1: 77, color: BARS[2] }
];

function colourAt(x, y) {
    if (!insideRoundedTile(x, y)) return undefined;
    if (insideShield(x, y)) {
        for (const bar of bars) {
            if (x >= bar.x0 && x <= bar.x1 && y >= bar.y0 && y <= bar.y1) return bar.color;
        }
        return SHIELD;
    }
    return TILE;
}

const rows = [];
for (let y = 0; y < SIZE; y++) {
    const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0, then RGBA
    for (let x = 0; x < SIZE; x++) {
        let r = 0, g = 0, b = 0, a = 0;
        for (let sy = 0; sy < SAMPLES; sy++) {
            for (let sx = 0; sx < SAMPLES; sx++) {
                const colour = colourAt(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
                if (!colour) continue;
                r += colour[0]; g += colour[1]; b += colour[2]; a += 1;
            }
        }
        const offset = 1 + x * 4;
        if (a > 0) {
            row[offset] = Math.round(r / a);
            row[offset + 1] = Math.round(g / a);
            row[offset + 2] = Math.round(b / a);
        }
        row[offset + 3] = Math.round((a / (SAMPLES * SAMPLES)) * 255);
    }
    rows.push(row);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
});
function crc32(buffer) {
    let c = 0xffffffff;
    for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // colour type RGBA
const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0))
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
