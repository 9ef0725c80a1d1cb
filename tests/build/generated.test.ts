/**
 * The generated Langium files are committed; regenerating them from the grammar must change
 * nothing (a stale AST would silently diverge from the grammar).
 */

import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';

const repo = new URL('../../', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'vplan-generate-'));

afterAll(() => rmSync(work, { recursive: true, force: true }));

test('langium generate reproduces the committed files', () => {
    const config = JSON.parse(readFileSync(join(repo, 'langium-config.json'), 'utf8'));
    cpSync(join(repo, 'language'), join(work, 'language'), { recursive: true, filter: src => !src.includes('generated') });
    writeFileSync(join(work, 'langium-config.json'), JSON.stringify(config));
    const cli = join(repo, 'node_modules', 'langium-cli', 'bin', 'langium.js');
    const result = spawnSync(process.execPath, [cli, 'generate', '--mode=production'], { cwd: work, encoding: 'utf8' });
    expect(result.status, result.stderr + result.stdout).toBe(0);

    const generated = join(work, 'language', 'generated');
    for (const file of readdirSync(join(repo, 'language', 'generated'))) {
        expect(readFileSync(join(generated, file), 'utf8'), file).toBe(readFileSync(join(repo, 'language', 'generated', file), 'utf8'));
    }
    if (config.languages[0].textMate) {
        const out = config.languages[0].textMate.out;
        expect(readFileSync(join(work, out), 'utf8'), out).toBe(readFileSync(join(repo, out), 'utf8'));
    }
});
