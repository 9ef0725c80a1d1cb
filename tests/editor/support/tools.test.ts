/**
 * The editor tests find their tools on PATH: Chromium under either name, and a Node 20 even when
 * npm puts the repository's Node 22 first (or the one VPLAN_SYSTEM_NODE names).
 */

import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { executablesOnPath, findOnPath, findSystemNode, makeRunDir, nodeMajorVersion, removeRunDir } from './tools.js';

const root = makeRunDir('tool-paths');
afterAll(() => removeRunDir(root));

/** A folder holding fake executables: each prints its version like `node --version` does. */
function folder(name: string, files: Record<string, string | undefined>): string {
    const dir = path.join(root, name);
    mkdirSync(dir, { recursive: true });
    for (const [file, version] of Object.entries(files)) {
        const full = path.join(dir, file);
        writeFileSync(full, `#!/bin/sh\necho ${version ?? 'v0.0.0'}\n`);
        chmodSync(full, version === undefined ? 0o644 : 0o755);
    }
    return dir;
}

const repoBin = folder('repo-bin', { node: 'v22.23.3' });
const noExec = folder('not-executable', { node: undefined, chromium: undefined });
const system = folder('system-bin', { node: 'v20.20.2', 'chromium-browser': 'Chromium 140' });
const searchPath = [repoBin, noExec, '', system].join(path.delimiter);

describe('tools on PATH', () => {
    test('executables are found in PATH order; files that cannot run are passed over', () => {
        expect(executablesOnPath('node', searchPath)).toEqual([path.join(repoBin, 'node'), path.join(system, 'node')]);
        expect(executablesOnPath('node', [system, system].join(path.delimiter))).toEqual([path.join(system, 'node')]);
        expect(executablesOnPath('nvim', searchPath)).toEqual([]);
    });

    test('chromium is found under either name', () => {
        expect(findOnPath(['chromium', 'chromium-browser'], searchPath)).toBe(path.join(system, 'chromium-browser'));
        expect(findOnPath(['chromium', 'chromium-browser'], repoBin)).toBeUndefined();
    });

    test('the Node 20 is the first node on PATH that is Node 20, not the repository\'s Node 22', () => {
        expect(nodeMajorVersion(path.join(repoBin, 'node'))).toBe(22);
        expect(findSystemNode({ PATH: searchPath })).toBe(path.join(system, 'node'));
        expect(findSystemNode({ PATH: repoBin })).toBeUndefined();
    });

    test('VPLAN_SYSTEM_NODE names the Node 20 to use; a Node of another version there counts as missing', () => {
        const chosen = folder('chosen', { node: 'v20.11.0' });
        expect(findSystemNode({ PATH: searchPath, VPLAN_SYSTEM_NODE: path.join(chosen, 'node') })).toBe(path.join(chosen, 'node'));
        expect(findSystemNode({ PATH: searchPath, VPLAN_SYSTEM_NODE: path.join(repoBin, 'node') })).toBeUndefined();
    });
});
