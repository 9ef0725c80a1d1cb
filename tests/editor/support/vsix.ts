/**
 * Builds the .vsix exactly as a release does (`npm run package`: vscode:prepublish = minified
 * esbuild, then vsce), but in a copy of the repository, so that the minified build never
 * replaces the out/ bundles other tests are running at the same time.
 */

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, makeRunDir } from './tools.js';

const NOT_COPIED = new Set(['node_modules', '.git', 'out', 'test-results', '.vplan-test', '.cache']);

export function buildVsix(): { vsix: string; copy: string; log: string; runDir: string } {
    const runDir = makeRunDir('vsix');
    const copy = path.join(runDir, 'repo');
    cpSync(REPO_ROOT, copy, {
        recursive: true,
        filter: source => {
            const relative = path.relative(REPO_ROOT, source);
            const top = relative.split(path.sep)[0];
            return !NOT_COPIED.has(top) && !relative.endsWith('.vsix');
        }
    });
    symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
    const result = spawnSync('npm', ['run', 'package'], {
        cwd: copy,
        encoding: 'utf8',
        timeout: 120_000,
        // vsce must never prompt (a missing field would otherwise wait for input).
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, CI: 'true', npm_config_update_notifier: 'false' }
    });
    const log = `${result.stdout ?? ''}${result.stderr ?? ''}`;
    const vsix = path.join(copy, 'vplan.vsix');
    if (result.status !== 0 || !existsSync(vsix)) throw new Error(`npm run package failed (${result.status}):\n${log}`);
    return { vsix, copy, log, runDir };
}
