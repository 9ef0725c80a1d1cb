/**
 * The workspace rule (language reference, section 2, v2): roots, the files of a workspace, the
 * config cascade, and the order of files by code points. On real folders (NodeFileSystem).
 */

import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { NodeFileSystem } from 'langium/node';
import { afterAll, describe, expect, test } from 'vitest';
import { WorkspaceLayout, compareCodePoints } from '../../../language/workspace/workspace-layout.js';

const base = mkdtempSync(join(tmpdir(), 'vplan-layout-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

function tree(name: string, files: Record<string, string>): string {
    const root = join(base, name);
    for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), text);
    }
    return root;
}

const layout = () => new WorkspaceLayout(NodeFileSystem.fileSystemProvider());
const ROOT = '{ "root": true }';

describe('the root of a file', () => {
    test('the nearest folder with "root": true wins over a git work tree above it', () => {
        const top = tree('root-config', { '.git/HEAD': 'ref: x', 'regio/vplan.config.json': ROOT, 'regio/team/plan.vplan': '' });
        expect(layout().rootOf(join(top, 'regio', 'team'))).toEqual({ path: join(top, 'regio'), reason: 'config' });
    });

    test('without one, the top folder of the git work tree (a .git file counts, as in a worktree)', () => {
        const top = tree('git', { '.git': 'gitdir: elsewhere', 'vplan.config.json': '{ "locale": "nl" }', 'a/b/plan.vplan': '' });
        expect(layout().rootOf(join(top, 'a', 'b'))).toEqual({ path: top, reason: 'git' });
    });

    test('outside git, the folder of the topmost vplan.config.json', () => {
        const top = tree('topmost', { 'vplan.config.json': '{}', 'a/vplan.config.json': '{ "locale": "nl" }', 'a/b/plan.vplan': '' });
        expect(layout().rootOf(join(top, 'a', 'b'))).toEqual({ path: top, reason: 'topmost-config' });
    });

    test('without any, the file\'s own folder', () => {
        const top = tree('bare', { 'a/plan.vplan': '' });
        expect(layout().rootOf(join(top, 'a'))).toEqual({ path: join(top, 'a'), reason: 'own-folder' });
    });

    test('"root": false is no root', () => {
        const top = tree('root-false', { 'vplan.config.json': '{}', 'a/vplan.config.json': '{ "root": false }', 'a/plan.vplan': '' });
        expect(layout().rootOf(join(top, 'a')).path).toBe(top);
    });
});

describe('the files of a workspace', () => {
    test('every .vplan under the root, skipping node_modules, dot folders and the roots of other workspaces, in code point order', () => {
        const top = tree('files', {
            'vplan.config.json': ROOT,
            'b.vplan': '', 'a/z.vplan': '', 'a-b.vplan': '', 'é.vplan': '', 'notes.txt': '',
            'node_modules/x/lib.vplan': '', '.hidden/x.vplan': '', 'out/kept.vplan': '',
            'andere-regio/vplan.config.json': ROOT, 'andere-regio/p.vplan': ''
        });
        const files = layout().filesOf(top).map(path => path.slice(top.length + 1));
        expect(files).toEqual(['a-b.vplan', 'a/z.vplan', 'b.vplan', 'out/kept.vplan', 'é.vplan']);
    });

    test('in a git work tree, a nested work tree (a submodule) is a workspace of its own', () => {
        const top = tree('nested-git', { '.git/HEAD': 'ref: x', 'a.vplan': '', 'submodule/.git': 'gitdir: x', 'submodule/s.vplan': '' });
        const rule = layout();
        expect(rule.filesOf(top).map(path => path.slice(top.length + 1))).toEqual(['a.vplan']);
        expect(rule.rootOf(join(top, 'submodule')).path).toBe(join(top, 'submodule'));
    });

    test('a folder search never follows a symbolic link', () => {
        const outside = tree('outside', { 'secret.vplan': 'plan geheim {}' });
        const top = tree('links', { 'vplan.config.json': ROOT, 'a.vplan': '' });
        symlinkSync(join(outside, 'secret.vplan'), join(top, 'link.vplan'));
        symlinkSync(outside, join(top, 'linked-folder'));
        expect(layout().filesOf(top).map(path => path.slice(top.length + 1))).toEqual(['a.vplan']);
    });
});

describe('the settings of a file', () => {
    test('every config between the root and the file\'s folder, the nearer overriding the keys it sets; objects merge key by key', () => {
        const top = tree('cascade', {
            'vplan.config.json': '{ "root": true, "rules": { "VP041": "off", "VP091": "warning" }, "aftercare": { "minMonths": 18 }, "locale": "nl" }',
            'team/vplan.config.json': '{ "rules": { "VP091": "off" }, "coverage": { "maxGapDays": 14 } }',
            'team/plan.vplan': ''
        });
        const settings = layout().settingsOf(join(top, 'team'));
        expect(settings.rules).toEqual({ VP041: 'off', VP091: 'off' });
        expect(settings).toMatchObject({ aftercareMinMonths: 18, coverageMaxGapDays: 14, locale: 'nl' });
    });

    test('configs above the root do not count', () => {
        const top = tree('above-root', { 'vplan.config.json': '{ "locale": "nl" }', 'regio/vplan.config.json': ROOT, 'regio/plan.vplan': '' });
        expect(layout().settingsOf(join(top, 'regio')).locale).toBeUndefined();
    });

    test('what a broken config fails to set comes from the configs farther up', () => {
        const top = tree('broken', {
            'vplan.config.json': '{ "root": true, "aftercare": { "minMonths": 18 } }',
            'team/vplan.config.json': '{ "aftercare": { "minMonths": "twelve" }, "locale": "nl" }'
        });
        expect(layout().settingsOf(join(top, 'team'))).toMatchObject({ aftercareMinMonths: 18, locale: 'nl' });
    });
});

test('paths compare as strings of code points, not UTF-16 units', () => {
    // U+FF21 (a BMP letter) sorts before U+1F600 (beyond the BMP), though its UTF-16 unit is larger than a surrogate.
    expect(compareCodePoints('\uff21', '\u{1F600}')).toBeLessThan(0);
    expect('\uff21' < '\u{1F600}').toBe(false);
    expect(compareCodePoints('a/b', 'a-b')).toBeGreaterThan(0);
    expect(compareCodePoints('ab', 'abc')).toBeLessThan(0);
});
