/**
 * code-server 4.100.3 (VS Code 1.100.3, Node 20) for the editor tests: one private instance per
 * run, bound to 127.0.0.1, with its own config, user data, extensions and TMPDIR, and Debian's
 * chromium driven by playwright-core (which downloads no browser).
 */

import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM, CHROMIUM_LABEL, freePort, spawnGroup, systemNode, waitFor, type GroupProcess } from './tools.js';

export interface CodeServer {
    port: number;
    origin: string;
    /** A `vscode-remote://` URI for a path on this machine, as the workbench's payload wants it. */
    remoteUri: (fsPath: string) => string;
    process: GroupProcess;
    stop: () => Promise<void>;
}

interface Dirs {
    config: string;
    userData: string;
    extensions: string;
    env: NodeJS.ProcessEnv;
}

function prepareDirs(runDir: string, port: number): Dirs {
    const config = path.join(runDir, 'config.yaml');
    const userData = path.join(runDir, 'user-data');
    const extensions = path.join(runDir, 'extensions');
    const tmp = path.join(runDir, 'tmp');
    for (const dir of [userData, extensions, tmp, path.join(runDir, 'xdg-data'), path.join(userData, 'User')]) mkdirSync(dir, { recursive: true });
    // Without --config code-server writes a config with a random password into the home folder.
    writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
    writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({
        'workbench.startupEditor': 'none',
        'workbench.welcomePage.walkthroughs.openOnInstall': false,
        'workbench.tips.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'extensions.ignoreRecommendations': true,
        'update.mode': 'none',
        'git.enabled': false,
        'security.workspace.trust.enabled': false,
        'window.restoreWindows': 'none',
        'files.hotExit': 'off',
        'editor.hover.enabled': false,
        'editor.quickSuggestions': { other: false, comments: false, strings: false }
    }, null, 2));
    const env: NodeJS.ProcessEnv = {
        ...process.env,
        XDG_DATA_HOME: path.join(runDir, 'xdg-data'),
        XDG_CONFIG_HOME: path.join(runDir, 'xdg-config'),
        TMPDIR: tmp,
        // code-server must run on Node 20 (its native modules were built for it), not the
        // repository's Node 22 that npm puts first on PATH.
        PATH: `${path.dirname(systemNode())}${path.delimiter}${process.env.PATH ?? ''}`
    };
    delete env.NODE_OPTIONS;
    delete env.VSCODE_IPC_HOOK_CLI;
    return { config, userData, extensions, env };
}

function commonArgs(dirs: Dirs): string[] {
    return ['--config', dirs.config, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
}

/** Installs a .vsix into this run's extensions folder, as a user would. */
export function installExtension(entry: string, runDir: string, vsix: string): string {
    const dirs = prepareDirs(runDir, 0);
    const result = spawnSync(systemNode(), [entry, ...commonArgs(dirs), '--install-extension', vsix, '--force'], {
        env: dirs.env, encoding: 'utf8', timeout: 60_000
    });
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
    if (result.status !== 0) throw new Error(`code-server --install-extension failed (${result.status}): ${output}`);
    return output;
}

export async function startCodeServer(entry: string, runDir: string, workspace: string, extraEnv: Record<string, string> = {}): Promise<CodeServer> {
    const port = await freePort();
    const dirs = prepareDirs(runDir, port);
    Object.assign(dirs.env, extraEnv);
    const server = spawnGroup(systemNode(), [
        entry, ...commonArgs(dirs),
        '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
        '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
        '--disable-getting-started-override',
        workspace
    ], { env: dirs.env, cwd: runDir });
    const origin = `http://127.0.0.1:${port}`;
    try {
        await waitFor('code-server /healthz', 30_000, async () => {
            if (server.child.exitCode !== null) throw new Error(`code-server exited: ${server.output()}`);
            const response = await fetch(`${origin}/healthz`).catch(() => undefined);
            return response?.ok;
        });
    } catch (error) {
        await server.stop();
        throw new Error(`${String(error)}\n${server.output()}`, { cause: error });
    }
    return {
        port,
        origin,
        remoteUri: fsPath => `vscode-remote://127.0.0.1:${port}${fsPath.split(path.sep).map(encodeURIComponent).join('/')}`,
        process: server,
        stop: () => server.stop()
    };
}

export async function launchChromium(profileDir: string): Promise<BrowserContext> {
    if (!CHROMIUM) throw new Error(`no ${CHROMIUM_LABEL}`);
    return chromium.launchPersistentContext(profileDir, {
        executablePath: CHROMIUM,
        headless: true,
        viewport: { width: 1400, height: 900 },
        args: [
            '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
            '--disable-background-networking', '--disable-component-update', '--disable-sync',
            '--disable-dev-shm-usage'
        ]
    });
}

/** The workbench URL for a folder, optionally with a payload (extension development and tests). */
export function workbenchUrl(server: CodeServer, folder: string, payload?: Array<[string, string]>): string {
    const params = new URLSearchParams({ folder });
    if (payload) params.set('payload', JSON.stringify(payload));
    return `${server.origin}/?${params.toString()}`;
}
