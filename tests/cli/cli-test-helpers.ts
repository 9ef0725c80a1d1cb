/**
 * Helpers for the CLI tests: run the real bundled binary (`process.execPath bin/vplan.cjs`) in a
 * temporary folder, and small invented plans (pseudonyms only) to run it on.
 */

import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/[\\/]$/, '');
export const VPLAN_BIN = join(REPO_ROOT, 'bin', 'vplan.cjs');

/** Builds the bundles once if they are missing (`npm test` builds them before running vitest). */
export function ensureBuilt(): void {
    if (existsSync(join(REPO_ROOT, 'out', 'cli.cjs'))) return;
    const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`esbuild failed: ${build.stderr}`);
}

export interface RunResult {
    status: number | null;
    stdout: string;
    stderr: string;
}

/** An environment without the caller's locale or colour settings, so outputs are predictable. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG', 'NO_COLOR', 'GIT_EXTERNAL_DIFF', 'VPLAN_DEBUG']) delete env[name];
    return { ...env, LANG: 'C', ...extra };
}

export function runVplan(args: string[], options: { cwd: string; env?: Record<string, string> } & Pick<SpawnSyncOptions, 'input'>): RunResult {
    const result = spawnSync(process.execPath, [VPLAN_BIN, ...args], {
        cwd: options.cwd, env: cleanEnv(options.env), encoding: 'utf8', input: options.input, maxBuffer: 64 * 1024 * 1024
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The shell command that runs the binary, for places that take a command line (git, CI steps). */
export const VPLAN_COMMAND = `"${process.execPath}" "${VPLAN_BIN}"`;

export function makeTempDir(prefix = 'vplan-cli-'): string {
    return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
    rmSync(dir, { recursive: true, force: true });
}

export function writeFiles(root: string, files: Record<string, string | Buffer>): void {
    for (const [path, content] of Object.entries(files)) {
        const full = join(root, path);
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, content);
    }
}

/** Tests running as root read files whatever their mode, so chmod 000 proves nothing there. */
export const RUNNING_AS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;

export const ORGANISATIONS = `organisation vt_noord "Veilig Thuis Noord" kind veiligthuis
organisation wt_oost "Wijkteam Oost" kind wijkteam
organisation ggz_noord "GGZ Noord" kind ggz
organisation burg_noord "Burgemeester Noord" kind burgemeester
organisation zvh_noord "Zorg- en Veiligheidshuis Noord" kind zvh
`;

/** A complete plan in the canonical layout that passes every check (also VP004: every member covered all along). */
export const CLEAN_PLAN = `plan linde_2026 "Veiligheidsplan gezin Linde" {
    status active
    period 2026-01-12 to 2027-01-12

    household {
        member eva adult born 1990 roles victim, parent
        member tom adult born 1988 roles perpetrator, parent
        member pim child born 2016 roles witness
    }

    network {
        supporter tante "Tante van Eva" supports eva, pim aware
    }

    risk geweld "Partnergeweld" {
        severity high
        nature dynamic
        domain safety
        affects eva, pim
        posed by tom
    }

    phase safety from 2026-01-12 to 2026-03-01
    phase stability from 2026-03-01 to 2027-01-12

    measure hv huisverbod {
        on tom
        protects eva, pim
        by burg_noord
        from 2026-01-12 for 10 days
    }

    intervention hulp "Daderhulp" {
        for tom
        by ggz_noord
        from 2026-01-20 for 6 months
        framework drang
        addresses geweld
        fallback "Terugmelding bij uitval"
    }

    intervention vervolg "Vervolghulp" {
        for tom
        by wt_oost
        from 2026-07-20 to 2027-01-12
        framework drang
        fallback "Melding bij Veilig Thuis"
    }

    agreement contact "Alleen begeleid contact" {
        by tom
        protects eva, pim
        checked by vt_noord
        from 2026-01-12 to 2027-01-12
    }

    regie {
        vt_noord from 2026-01-12 to 2026-02-09 "Tijdens huisverbod"
        wt_oost from 2026-02-09
    }

    aftercare {
        owner vt_noord
        from 2027-01-12 for 18 months
        checkpoints 3 months, 6 months, 12 months
        signal "Nieuwe melding"
    }

    meeting 2026-01-15 "Casusoverleg" {
        chair zvh_noord
        participants vt_noord, wt_oost
        client eva present
        client tom invited
        client pim heard
    }

    evaluation 2026-04-15 "Evaluatie"
}
`;

/**
 * The clean plan with two warnings (VP033: a huisverbod imposed by the GGZ; VP041: voluntary help
 * for the perpetrator without a fallback) and no errors.
 */
export const WARNING_PLAN = CLEAN_PLAN
    .replace('        by burg_noord\n', '        by ggz_noord\n')
    .replace('        framework drang\n', '')
    .replace('        fallback "Terugmelding bij uitval"\n', '');

/** The clean plan with one error: the measure's organisation does not exist (VP081). */
export const ERROR_PLAN = CLEAN_PLAN.replace('        by burg_noord\n', '        by onbekende_org\n');

/** The same plan, not in the canonical layout (bad indentation, extra spaces). */
export const UNFORMATTED_PLAN = CLEAN_PLAN
    .replace('    status active', 'status    active')
    .replace('        member eva adult', '  member  eva adult');

/** Lines of output, without a trailing empty line. */
export function lines(text: string): string[] {
    return text.split('\n').filter((line, index, all) => !(line === '' && index === all.length - 1));
}

/** Whether git can be run here (tests that need a repository are skipped without it). */
export const GIT_AVAILABLE = spawnSync('git', ['--version']).status === 0;

/** Runs git in `dir` with a fixed author and committer; throws with git's stderr when it fails. */
export function gitIn(dir: string, ...args: string[]): string {
    const result = spawnSync('git', args, {
        cwd: dir, encoding: 'utf8',
        env: { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.org' }
    });
    if (result.status !== 0) throw new Error(result.stderr);
    return result.stdout;
}
