/**
 * docs/ci.md: the GitHub Actions workflow (docs/examples/vplan-ci.yml) and the pre-commit hook
 * (docs/examples/pre-commit) really work: their vplan commands are run against plans in a
 * temporary copy, with `npx vplan` standing for the real binary.
 */

import { spawnSync } from 'node:child_process';
import { copyFileSync, chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { XMLParser } from 'fast-xml-parser';
import {
    CLEAN_PLAN, ERROR_PLAN, ORGANISATIONS, REPO_ROOT, UNFORMATTED_PLAN, VPLAN_COMMAND, WARNING_PLAN, cleanEnv, ensureBuilt,
    VPLAN_BIN, makeTempDir, removeDir, writeFiles
} from './cli-test-helpers.js';

interface WorkflowStep { name?: string; run?: string; uses?: string; if?: string }

const workflowText = readFileSync(join(REPO_ROOT, 'docs/examples/vplan-ci.yml'), 'utf8');
const workflow = parse(workflowText) as { on: unknown; jobs: Record<string, { 'runs-on': string; steps: WorkflowStep[] }> };
const steps = Object.values(workflow.jobs).flatMap(job => job.steps);
const vplanSteps = steps.filter(step => step.run && /\bvplan\b/.test(step.run));
/** The steps that check the checked-out files (the review step needs a git history: its own test). */
const checkSteps = vplanSteps.filter(step => !step.run!.includes('vplan review'));
const reviewStep = vplanSteps.find(step => step.run!.includes('vplan review'))!;

/** Runs a `run:` step with bash as GitHub does (`bash -e`), `npx vplan` being the built binary. */
function runStep(step: WorkflowStep, cwd: string, env: Record<string, string> = {}) {
    const script = step.run!.replace(/npx (--no-install )?vplan\b/g, VPLAN_COMMAND);
    return spawnSync('bash', ['-e', '-c', script], { cwd, encoding: 'utf8', env: cleanEnv(env) });
}

let dirs: string[] = [];
function project(files: Record<string, string>): string {
    const dir = makeTempDir('vplan-ci-');
    dirs.push(dir);
    writeFiles(dir, files);
    return dir;
}

beforeAll(() => ensureBuilt());
afterEach(() => {
    dirs.forEach(removeDir);
    dirs = [];
});

describe('the GitHub Actions workflow in docs/ci.md', () => {
    test('docs/ci.md shows the example workflow and hook verbatim', () => {
        const doc = readFileSync(join(REPO_ROOT, 'docs/ci.md'), 'utf8');
        expect(doc).toContain('```yaml\n' + workflowText + '```');
        expect(doc).toContain('```sh\n' + readFileSync(join(REPO_ROOT, 'docs/examples/pre-commit'), 'utf8') + '```');
        expect(doc).toContain('*.vplan diff=vplan');
        expect(doc).toContain("git config diff.vplan.command 'vplan diff --git'");
        expect(doc).toContain("git config diff.vplan.command 'npx --no-install vplan diff --git'");
    });

    test('is a workflow that runs vplan check and vplan fmt --check and uploads SARIF', () => {
        expect(workflow.on).toBeDefined();
        expect(Object.values(workflow.jobs)[0]['runs-on']).toBe('ubuntu-latest');
        const commands = vplanSteps.map(s => s.run!);
        expect(commands.some(c => c.includes('vplan check --format github'))).toBe(true);
        expect(commands.some(c => c.includes('vplan fmt --check'))).toBe(true);
        expect(commands.some(c => c.includes('vplan check --format sarif > vplan.sarif'))).toBe(true);
        const upload = steps.find(s => s.uses?.startsWith('github/codeql-action/upload-sarif'));
        expect(upload).toBeDefined();
    });

    test('every vplan step passes on clean plans, and the reports parse', () => {
        const dir = project({ 'plans/orgs.vplan': ORGANISATIONS, 'plans/linde.vplan': CLEAN_PLAN });
        for (const step of checkSteps) {
            const result = runStep(step, dir);
            expect(result.status, `${step.name}: ${result.stdout}${result.stderr}`).toBe(0);
        }
        const sarif = JSON.parse(readFileSync(join(dir, 'vplan.sarif'), 'utf8'));
        expect(sarif.runs[0].tool.driver.name).toBe('vplan');
        const junit = new XMLParser({ ignoreAttributes: false }).parse(readFileSync(join(dir, 'vplan-junit.xml'), 'utf8'));
        expect(junit.testsuites).toBeDefined();
    });

    test('the check step fails on an error, with an annotation, while the report steps still write their reports', () => {
        const dir = project({ 'plans/orgs.vplan': ORGANISATIONS, 'plans/linde.vplan': ERROR_PLAN });
        const check = runStep(vplanSteps.find(s => s.run!.includes('--format github'))!, dir);
        expect(check.status).toBe(1);
        expect(check.stdout).toMatch(/^::error file=plans\/linde\.vplan,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=VP081::/m);
        const sarifStep = vplanSteps.find(s => s.run!.includes('--format sarif'))!;
        expect(runStep(sarifStep, dir).status).toBe(0);
        expect(JSON.parse(readFileSync(join(dir, 'vplan.sarif'), 'utf8')).runs[0].results[0].ruleId).toBe('VP081');
    });

    test('the check step fails on warnings (--max-warnings 0)', () => {
        const dir = project({ 'plans/orgs.vplan': ORGANISATIONS, 'plans/linde.vplan': WARNING_PLAN });
        const check = runStep(vplanSteps.find(s => s.run!.includes('--format github'))!, dir);
        expect(check.status).toBe(1);
        expect(check.stdout).toContain('::warning file=plans/linde.vplan');
    });

    test('the layout step fails on a file that is not canonical and names it', () => {
        const dir = project({ 'plans/orgs.vplan': ORGANISATIONS, 'plans/linde.vplan': UNFORMATTED_PLAN });
        const fmt = runStep(vplanSteps.find(s => s.run!.includes('fmt --check'))!, dir);
        expect(fmt.status).toBe(1);
        expect(fmt.stdout.trim()).toBe('plans/linde.vplan');
    });
});

describe('the review step of the workflow, on a pull request', () => {
    const gitAvailable = spawnSync('git', ['--version']).status === 0;

    /** A clone after `actions/checkout` with `fetch-depth: 0`: the pull request's head checked out, the base branch as origin/main. */
    function pullRequest(base: Record<string, string>, head: Record<string, string>): { dir: string; summary: string; env: Record<string, string> } {
        const dir = project(base);
        const env = { GIT_CONFIG_NOSYSTEM: '1', HOME: dir };
        const git = (...args: string[]) => {
            const result = spawnSync('git', args, { cwd: dir, encoding: 'utf8', env: cleanEnv(env) });
            if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
            return result.stdout;
        };
        git('init', '-q');
        git('config', 'user.email', 'ci@example.invalid');
        git('config', 'user.name', 'CI');
        git('config', 'commit.gpgsign', 'false');
        git('add', '-A');
        git('commit', '-q', '-m', 'main');
        git('update-ref', 'refs/remotes/origin/main', 'HEAD');
        writeFiles(dir, head);
        git('add', '-A');
        git('commit', '-q', '-m', 'pull request');
        const summary = join(dir, '..', `${dir.split('/').pop()}-summary.md`);
        return { dir, summary, env: { ...env, GITHUB_BASE_REF: 'main', GITHUB_STEP_SUMMARY: summary } };
    }

    test('runs only on pull requests', () => {
        expect(reviewStep.if).toBe("github.event_name == 'pull_request'");
        const checkout = steps.find(step => step.uses?.startsWith('actions/checkout')) as WorkflowStep & { with?: Record<string, unknown> };
        expect(checkout.with?.['fetch-depth']).toBe(0);
    });

    test.skipIf(!gitAvailable)('writes the review as the job summary and passes when the change introduces nothing', () => {
        const { dir, summary, env } = pullRequest(
            { 'plans/orgs.vplan': ORGANISATIONS, 'plans/linde.vplan': WARNING_PLAN },
            { 'plans/linde.vplan': WARNING_PLAN.replace('gezin Linde', 'gezin Linde (herzien)') }
        );
        const result = runStep(reviewStep, dir, env);
        expect(result.status, result.stderr).toBe(0);
        const markdown = readFileSync(summary, 'utf8');
        expect(markdown).toContain('plans/linde.vplan');
        expect(markdown).toContain('herzien');
    });

    test.skipIf(!gitAvailable)('fails on an error the change introduces, with the summary written', () => {
        const { dir, summary, env } = pullRequest(
            { 'plans/orgs.vplan': ORGANISATIONS, 'plans/linde.vplan': CLEAN_PLAN },
            { 'plans/linde.vplan': ERROR_PLAN }
        );
        const result = runStep(reviewStep, dir, env);
        expect(result.status).toBe(1);
        expect(readFileSync(summary, 'utf8')).toContain('VP081');
    });
});

describe('the workflow for untrusted pull requests in docs/ci.md', () => {
    const doc = readFileSync(join(REPO_ROOT, 'docs/ci.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## Pull requests from others'), doc.indexOf('## Pre-commit hook'));
    const yamlText = /```yaml\n([\s\S]*?)```/.exec(section)![1];
    const untrusted = parse(yamlText) as {
        on: unknown; permissions: Record<string, string>;
        jobs: Record<string, { env?: Record<string, string>; steps: Array<WorkflowStep & { 'working-directory'?: string; with?: Record<string, unknown> }> }>;
    };
    const job = Object.values(untrusted.jobs)[0];

    test('runs on pull_request with a read-only token, no secrets, no credentials kept, no install scripts', () => {
        expect(untrusted.on).toBe('pull_request');
        expect(untrusted.permissions).toEqual({ contents: 'read' });
        expect(yamlText).not.toMatch(/secrets\.|pull_request_target|workflow_run|npx /);
        for (const checkout of job.steps.filter(step => step.uses?.startsWith('actions/checkout'))) {
            expect(checkout.with?.['persist-credentials']).toBe(false);
        }
        const install = job.steps.find(step => step.run?.startsWith('npm '))!;
        expect(install.run).toContain('--ignore-scripts');
        expect(install['working-directory']).toBe('base');
        expect(job.env?.VPLAN_CACHE).toBe('off');
    });

    test('its vplan steps check a hostile pull request without reading through its links or echoing its names raw', () => {
        const dir = project({
            'secret.txt': 'ghp_notForTheLog0123456789\n',
            'pr/plans/orgs.vplan': ORGANISATIONS,
            'pr/plans/linde.vplan': CLEAN_PLAN,
            'pr/plans/x\n::error file=evil::ingevoegd.vplan': CLEAN_PLAN.replace('linde_2026', 'x_2026')
        });
        symlinkSync(join(dir, 'secret.txt'), join(dir, 'pr/plans/leak.vplan'));
        // base/node_modules/.bin/vplan stands for the binary the base branch installs.
        mkdirSync(join(dir, 'base/node_modules/.bin'), { recursive: true });
        writeFileSync(join(dir, 'base/node_modules/.bin/vplan'), `#!/bin/sh\nexec ${VPLAN_COMMAND} "$@"\n`);
        chmodSync(join(dir, 'base/node_modules/.bin/vplan'), 0o755);
        for (const step of job.steps.filter(s => s.run?.includes('vplan'))) {
            const result = spawnSync('bash', ['-e', '-c', step.run!], { cwd: join(dir, step['working-directory'] ?? '.'), encoding: 'utf8', env: cleanEnv(job.env) });
            expect(result.status, `${step.name}: ${result.stdout}${result.stderr}`).toBe(0);
            expect(result.stdout + result.stderr).not.toContain('ghp_');
            expect(result.stdout.split('\n').filter(line => line.startsWith('::')).every(line => !line.includes('file=evil'))).toBe(true);
        }
    });
});

describe('the pre-commit hook in docs/ci.md', () => {
    const gitAvailable = spawnSync('git', ['--version']).status === 0;

    function repoWithHook(): { dir: string; git: (args: string[]) => ReturnType<typeof spawnSync> } {
        const dir = project({ 'plans/orgs.vplan': ORGANISATIONS, 'README.md': 'Plannen\n' });
        // The hook splits VPLAN into words (no shell quoting), like its default 'npx --no-install vplan'.
        const env = cleanEnv({ GIT_CONFIG_NOSYSTEM: '1', HOME: dir, VPLAN: `${process.execPath} ${VPLAN_BIN}` });
        const git = (args: string[]) => spawnSync('git', args, { cwd: dir, encoding: 'utf8', env });
        git(['init', '-q']);
        git(['config', 'user.email', 'coordinator@example.invalid']);
        git(['config', 'user.name', 'Coordinator']);
        git(['config', 'commit.gpgsign', 'false']);
        copyFileSync(join(REPO_ROOT, 'docs/examples/pre-commit'), join(dir, '.git/hooks/pre-commit'));
        chmodSync(join(dir, '.git/hooks/pre-commit'), 0o755);
        return { dir, git };
    }

    test.skipIf(!gitAvailable)('lets a clean plan through and refuses one with errors or a bad layout', () => {
        const { dir, git } = repoWithHook();
        writeFiles(dir, { 'plans/linde.vplan': CLEAN_PLAN });
        git(['add', '-A']);
        expect(git(['commit', '-q', '-m', 'Plan Linde']).status).toBe(0);

        writeFiles(dir, { 'plans/linde.vplan': ERROR_PLAN });
        git(['add', '-A']);
        const refused = git(['commit', '-q', '-m', 'Kapotte verwijzing']);
        expect(refused.status).toBe(1);
        expect(String(refused.stdout) + String(refused.stderr)).toContain('VP081');

        writeFiles(dir, { 'plans/linde.vplan': UNFORMATTED_PLAN });
        git(['add', '-A']);
        const unformatted = git(['commit', '-q', '-m', 'Rommelige layout']);
        expect(unformatted.status).toBe(1);
        expect(String(unformatted.stderr)).toContain('vplan fmt');
    });

    test.skipIf(!gitAvailable)('checks what is staged, not the working tree', () => {
        const { dir, git } = repoWithHook();
        writeFiles(dir, { 'plans/linde.vplan': CLEAN_PLAN });
        git(['add', '-A']);
        // A broken edit left unstaged does not stop the commit of the clean version ...
        writeFiles(dir, { 'plans/linde.vplan': ERROR_PLAN });
        expect(git(['commit', '-q', '-m', 'Plan Linde']).status).toBe(0);
        // ... and a staged broken version is refused although the working tree is clean again.
        git(['add', '-A']);
        writeFiles(dir, { 'plans/linde.vplan': CLEAN_PLAN });
        const refused = git(['commit', '-q', '-m', 'Kapotte verwijzing']);
        expect(refused.status).toBe(1);
        // git passes a hook's output on on stderr.
        expect(String(refused.stderr)).toContain('plans/linde.vplan');
        expect(String(refused.stderr)).toContain('VP081');
    });

    test.skipIf(!gitAvailable)('refuses a commit that deletes the catalogue the plans need', () => {
        const { dir, git } = repoWithHook();
        writeFiles(dir, { 'plans/linde.vplan': CLEAN_PLAN });
        git(['add', '-A']);
        expect(git(['commit', '-q', '-m', 'Plan Linde']).status).toBe(0);
        git(['rm', '-q', 'plans/orgs.vplan']);
        const refused = git(['commit', '-q', '-m', 'Catalogus weg']);
        expect(refused.status).toBe(1);
        expect(String(refused.stderr)).toContain('VP081');
        expect(String(refused.stderr)).toContain('what is staged');
    });

    test.skipIf(!gitAvailable)('reads the staged tree as one workspace, as the repository is (plans in sub-folders, catalogue elsewhere)', () => {
        const { dir, git } = repoWithHook();
        writeFiles(dir, { 'regio/noord/linde.vplan': CLEAN_PLAN, 'regio/vplan.config.json': '{ "rules": { "VP100": "off" } }\n' });
        git(['add', '-A']);
        const result = git(['commit', '-q', '-m', 'Plan in een submap']);
        expect(result.status, String(result.stdout) + String(result.stderr)).toBe(0);
    });

    test.skipIf(!gitAvailable)('does not run for commits without plan files', () => {
        const { dir, git } = repoWithHook();
        writeFiles(dir, { 'plans/linde.vplan': ERROR_PLAN });
        writeFiles(dir, { 'README.md': 'Plannen van de regio\n' });
        git(['add', 'README.md']);
        expect(git(['commit', '-q', '-m', 'Leesmij']).status).toBe(0);
    });

    test('the pre-commit framework config runs the same commands', () => {
        const config = parse(readFileSync(join(REPO_ROOT, 'docs/examples/pre-commit-config.yaml'), 'utf8')) as {
            repos: Array<{ hooks: Array<{ id: string; entry: string; files: string }> }>;
        };
        const entries = config.repos.flatMap(r => r.hooks).map(h => h.entry);
        expect(entries).toEqual(['npx --no-install vplan check --quiet', 'npx --no-install vplan fmt --check']);
    });
});
