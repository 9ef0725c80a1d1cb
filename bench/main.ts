/**
 * `npm run bench`: generates realistic workspaces, measures `vplan check`, in-process throughput
 * and the language server, and writes the results table into docs/performance.md (between the
 * `bench:start` / `bench:end` markers, so the hand-written analysis around it stays).
 *
 * Options: --plans N[,N...] (default 1000: the main workspace, the first size; the sizes of the
 * scale part, bench/scale.ts, default 1000,10000), --runs N (default 5), --quick (fewer sizes and runs),
 * --profile (also write CPU profiles of the CLI and the server to out/bench/profiles and list the
 * top self-time functions), --no-write (print only), --keep (keep the generated workspace),
 * --only check,throughput,server,large-edit,review,scale (run some parts; implies --no-write, but for
 * `--only scale`, which writes its own block), --no-changed (scale without `--changed`), --review-plans N
 * (plans of the git repository of `review`, default 2000), --sizes 1000,50000 (large
 * plan sizes), --analyze FILE.cpuprofile (print the hotspots of an existing profile and stop),
 * --cli FILE / --server FILE (measure other bundles, for before/after comparisons).
 */

import { LEAN_MIN_FILES } from '../language/workspace/builtin-documents.js';
import { SERVER_ENVIRONMENT, SERVER_NODE_FLAGS } from '../client/server-node-flags.js';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { stringify as toYaml } from 'yaml';
import { catalogueToVplan, generateLargePlan, generateWorkspace, planToVplan, planToYamlObject } from './workload.js';
import { measureThroughput, median, percentile, type ThroughputResult } from './in-process.js';
import { fileUri, startLanguageServer } from './lsp-client.js';
import { measureLargePlanEdit, renderLargePlanEdit } from './large-plan-edit.js';
import { measureReview, reviewSection } from './git-repo.js';
import { readMaxRss, readStats, timeNode } from './timed-process.js';
import { measureScale, nodeStartup, renderScale, type ScaleRun } from './scale.js';

const root = resolve(__dirname, '..', '..');
const argValue = (name: string) => {
    const index = process.argv.indexOf(name);
    return index >= 0 ? process.argv[index + 1] : undefined;
};
// `--cli FILE` / `--server FILE` measure other bundles (for before/after comparisons).
// The `vplan` command as users run it (bin/vplan.cjs loads out/cli.cjs with Node's compile cache).
const cliPath = resolve(argValue('--cli') ?? join(root, 'bin', 'vplan.cjs'));
const serverPath = resolve(argValue('--server') ?? join(root, 'out', 'server.cjs'));
const alternativesPath = join(root, 'out', 'bench', 'alternatives.cjs');
const preloadPath = join(root, 'bench', 'rss-preload.cjs');
const profileDir = join(root, 'out', 'bench', 'profiles');

const args = process.argv.slice(2);
const stringOption = (name: string) => {
    const index = args.indexOf(name);
    return index >= 0 ? args[index + 1] : undefined;
};
const option = (name: string, fallback: number) => {
    const index = args.indexOf(name);
    return index >= 0 ? Number(args[index + 1]) : fallback;
};
const quick = args.includes('--quick');
/** `--plans 10000,50000`: the sizes of the scale part (bench/scale.ts); the first is also the size of the main workspace. */
const planSizes = stringOption('--plans')?.split(',').map(Number);
const planCount = planSizes?.[0] ?? 1000;
const runs = option('--runs', quick ? 3 : 5);
const profile = args.includes('--profile');
const write = !args.includes('--no-write');
/** `--only check,throughput,server` runs a part (results are then printed, not written to the docs). */
const only = stringOption('--only')?.split(',');
const runs_ = (part: string) => !only || only.includes(part);
const sizesOption = stringOption('--sizes')?.split(',').map(Number);

const log = (text: string) => process.stderr.write(text + '\n');

/** Median CPU time (user + system) of the runs recorded in `file`. */
function readCpuMs(file: string): number {
    const stats = readStats(file);
    return stats.length ? median(stats.map(s => s.cpuMs)) : NaN;
}

interface WorkspaceLayout { base: string; vplan: string; yaml: string; planPaths: string[]; cataloguePath: string; lines: number; bytes: number }

function writeWorkspace(count: number): WorkspaceLayout {
    const base = mkdtempSync(join(tmpdir(), 'vplan-bench-'));
    const vplan = join(base, 'vplan');
    const yaml = join(base, 'yaml');
    mkdirSync(join(vplan, 'plannen'), { recursive: true });
    mkdirSync(join(yaml, 'plannen'), { recursive: true });
    const workspace = generateWorkspace(count);
    const cataloguePath = join(vplan, 'organisaties.vplan');
    writeFileSync(cataloguePath, catalogueToVplan(workspace.catalogue));
    // The plans in plannen/ see the catalogue above them: the folder is the root of one workspace.
    writeFileSync(join(vplan, 'vplan.config.json'), '{ "root": true }\n');
    writeFileSync(join(yaml, 'organisaties.yaml'), toYaml({ organisations: workspace.catalogue }));
    const planPaths: string[] = [];
    let lines = 0;
    let bytes = 0;
    for (const plan of workspace.plans) {
        const text = planToVplan(plan);
        lines += text.split('\n').length - 1;
        bytes += Buffer.byteLength(text);
        const path = join(vplan, 'plannen', `${plan.id}.vplan`);
        writeFileSync(path, text);
        planPaths.push(path);
        writeFileSync(join(yaml, 'plannen', `${plan.id}.yaml`), toYaml(planToYamlObject(plan)));
    }
    return { base, vplan, yaml, planPaths, cataloguePath, lines, bytes };
}

interface CheckComparison {
    nodeStartupMs: number;
    cliMs: number; yamlMs: number; jsYamlMs: number; regexMs: number;
    cpu: { startup: number; cli: number; yaml: number; jsYaml: number; regex: number };
    cliMaxRssMb: number;
    summary: { files: number; errors: number; warnings: number; infos: number };
    topCodes: Array<[string, number]>;
    yamlProblems: number;
}

async function compareCheck(layout: WorkspaceLayout): Promise<CheckComparison> {
    const startup: number[] = [];
    const cli: number[] = [];
    const yaml: number[] = [];
    const jsYaml: number[] = [];
    const regex: number[] = [];
    const statsFile = (name: string) => join(layout.base, `${name}-stats.jsonl`);
    const rssFile = statsFile('cli');
    const withStats = (name: string) => ({ ...process.env, VPLAN_BENCH_RSS_FILE: statsFile(name) });
    let firstOutput = '';
    let yamlOutput = '';
    for (let run = 0; run < runs; run++) {
        // Interleaved, so that machine noise hits every contender alike.
        startup.push((await timeNode(['--require', preloadPath, '-e', '0'], { env: withStats('startup') })).ms);
        const check = await timeNode(['--require', preloadPath, cliPath, 'check', layout.vplan, '--format', 'json'], { env: withStats('cli') });
        cli.push(check.ms);
        firstOutput ||= check.stdout;
        const y = await timeNode(['--require', preloadPath, alternativesPath, 'yaml', layout.yaml], { env: withStats('yaml') });
        yaml.push(y.ms);
        yamlOutput ||= y.stdout;
        jsYaml.push((await timeNode(['--require', preloadPath, alternativesPath, 'js-yaml', layout.yaml], { env: withStats('js-yaml') })).ms);
        regex.push((await timeNode(['--require', preloadPath, alternativesPath, 'regex', layout.vplan], { env: withStats('regex') })).ms);
        log(`  run ${run + 1}/${runs}: check ${cli.at(-1)!.toFixed(0)} ms, yaml+ajv ${yaml.at(-1)!.toFixed(0)} ms, js-yaml+ajv ${jsYaml.at(-1)!.toFixed(0)} ms, regex ${regex.at(-1)!.toFixed(0)} ms`);
    }
    const report = JSON.parse(firstOutput) as { summary: CheckComparison['summary']; diagnostics: Array<{ code: string }> };
    const codes = new Map<string, number>();
    for (const d of report.diagnostics) codes.set(d.code, (codes.get(d.code) ?? 0) + 1);
    return {
        nodeStartupMs: median(startup), cliMs: median(cli), yamlMs: median(yaml), jsYamlMs: median(jsYaml), regexMs: median(regex),
        cpu: { startup: readCpuMs(statsFile('startup')), cli: readCpuMs(statsFile('cli')), yaml: readCpuMs(statsFile('yaml')), jsYaml: readCpuMs(statsFile('js-yaml')), regex: readCpuMs(statsFile('regex')) },
        cliMaxRssMb: readMaxRss(rssFile),
        summary: report.summary,
        topCodes: [...codes].sort((a, b) => b[1] - a[1]).slice(0, 8),
        yamlProblems: (JSON.parse(yamlOutput) as { problems: number }).problems
    };
}

/** The monotonic clock V8's CPU profiles use (CLOCK_MONOTONIC on Linux), in microseconds. */
function monotonicMicros(): number {
    return Number(process.hrtime.bigint() / 1000n);
}

/** When the edit loop ran, to profile it apart from start-up and the catalogue edits. */
let editWindow: [number, number] | undefined;
/** When the catalogue edits ran (title edits and kind edits), to profile them apart. */
let catalogueWindow: [number, number] | undefined;

interface ServerResults {
    firstDiagnosticsMs: number;
    allPlansFirstMs: number;
    editMedianMs: number; editP90Ms: number; edits: number;
    /** The first ten edits after the workspace was loaded, in order (warm-up, docs/performance.md). */
    firstEditsMs: number[];
    catalogueMs: number[];
    /** An edit that checks read (the kind of the organisation that holds regie while measures run): every plan's checks run again. */
    catalogueKindMs: number[];
    /** The kind of an organisation the plans name but whose kind no check of theirs reads (a provider of help). */
    catalogueUnreadKindMs: number[];
    maxRssMb: number;
}

/**
 * One server session over the workspace. With `profiled`, the server runs under `--cpu-prof`; the
 * profiler's own buffers add to its memory and time, so a profiled session is only used for the
 * hotspots, never for the numbers.
 */
async function measureServer(layout: WorkspaceLayout, profiled = false): Promise<ServerResults> {
    const rssFile = join(layout.base, 'server-rss.jsonl');
    // As the VS Code extension starts it (client/server-node-flags.ts).
    const nodeArgs = [...SERVER_NODE_FLAGS, '--require', preloadPath];
    if (profiled) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--cpu-prof-name=server.cpuprofile');
    const spawned = performance.now();
    const session = await startLanguageServer({
        serverPath, workspaceFolder: layout.vplan, nodeArgs, env: { ...process.env, ...SERVER_ENVIRONMENT, VPLAN_BENCH_RSS_FILE: rssFile }
    });
    try {
        const planUris = layout.planPaths.map(fileUri);
        const target = layout.planPaths[0];
        const targetUri = planUris[0];
        const original = readFileSync(target, 'utf8');
        session.open(targetUri, original, 1);
        const first = await session.waitForDiagnostics(targetUri, undefined, 0, 180_000);
        const allFirst = await session.waitForAll(planUris, 0, 180_000);
        log(`  first diagnostics after ${(first.at - spawned).toFixed(0)} ms, all ${planUris.length} plans after ${(allFirst - spawned).toFixed(0)} ms`);

        // Edits alternate between the valid plan and one with an unknown organisation (VP081).
        const broken = original.replace('by ggz_regio', 'by ggz_onbekend');
        const isBroken = (d: Array<{ code?: unknown }>) => d.some(x => x.code === 'VP081');
        const editTimes: number[] = [];
        const edits = quick ? 20 : 40;
        const editWindowStart = monotonicMicros();
        for (let i = 0; i < edits; i++) {
            const makeBroken = i % 2 === 0;
            const sent = performance.now();
            session.change(targetUri, makeBroken ? broken : original, i + 2);
            const event = await session.waitForDiagnostics(targetUri, d => isBroken(d) === makeBroken, sent, 30_000);
            editTimes.push(event.at - sent);
        }
        log(`  first ten edits: ${editTimes.slice(0, 10).map(fmt).join(', ')} ms; median of all ${edits}: ${fmt(median(editTimes))} ms`);

        editWindow = [editWindowStart, monotonicMicros()];

        // The shared catalogue changes: every plan refers to it, so every plan is relinked and revalidated.
        const catalogueUri = fileUri(layout.cataloguePath);
        const catalogue = readFileSync(layout.cataloguePath, 'utf8');
        session.open(catalogueUri, catalogue, 1);
        await session.waitForDiagnostics(catalogueUri, undefined, 0, 60_000);
        const catalogueTimes: number[] = [];
        const catalogueKindTimes: number[] = [];
        const catalogueUnreadKindTimes: number[] = [];
        const catalogueWindowStart = monotonicMicros();
        let version = 1;
        // A title edit (no check reads an organisation's title); the kind of ggz_regio, which every
        // plan names as a provider of help but no check of theirs reads; then the kind of
        // veiligthuis_regio, which the regie and measure checks of every plan read, so every plan
        // is checked again.
        for (const [label, changed, times] of [
            ['title', catalogue.replace('"GGZ regio Zuid"', '"GGZ regio Zuid (nieuwe naam)"'), catalogueTimes],
            ['unread kind', catalogue.replace('kind ggz\n', 'kind jeugdhulp\n'), catalogueUnreadKindTimes],
            ['kind', catalogue.replace('kind veiligthuis\n', 'kind zvh\n'), catalogueKindTimes]
        ] as const) {
            if (changed === catalogue) throw new Error(`the ${label} edit changes nothing`);
            for (let i = 0; i < (quick ? 2 : 3); i++) {
                const edited = i % 2 === 0 ? changed : catalogue;
                await new Promise(r => setTimeout(r, 200));
                const sent = performance.now();
                session.change(catalogueUri, edited, ++version);
                // Done when the server has built the edit: a request that waits for the workspace's
                // writes answers then. A lean server (parked plans) publishes the plans again only
                // when their diagnostics can change (the kind), a whole one after either edit.
                const idle = session.connection.sendRequest('vplan/timeline', { uri: catalogueUri }).then(() => performance.now());
                const last = Math.max(await idle, label === 'kind' ? await session.waitForAll(planUris, sent, 180_000) : 0);
                times.push(last - sent);
                log(`  catalogue ${label} edit ${i + 1}: built (${label === 'kind' ? 'and every plan published' : 'plans checked'}) after ${(last - sent).toFixed(0)} ms`);
            }
        }
        catalogueWindow = [catalogueWindowStart, monotonicMicros()];
        return {
            firstDiagnosticsMs: first.at - spawned,
            allPlansFirstMs: allFirst - spawned,
            editMedianMs: median(editTimes), editP90Ms: percentile(editTimes, 90), edits,
            firstEditsMs: editTimes.slice(0, 10),
            catalogueMs: catalogueTimes,
            catalogueKindMs: catalogueKindTimes,
            catalogueUnreadKindMs: catalogueUnreadKindTimes,
            maxRssMb: NaN
        };
    } finally {
        await session.shutdown();
    }
}

interface Hotspot { selfMs: number; share: number; name: string }

/** Maps bundle positions back to the TypeScript and library sources through the bundle's source map. */
function sourceMapper(): (url: string, line: number, column: number) => string | undefined {
    const maps = new Map<string, SourceMap | undefined>();
    return (url, line, column) => {
        const file = url.startsWith('file://') ? fileURLToPath(url) : url;
        if (!file.endsWith('.cjs') || !existsSync(file + '.map')) return undefined;
        if (!maps.has(file)) maps.set(file, new SourceMap(JSON.parse(readFileSync(file + '.map', 'utf8'))));
        const entry = maps.get(file)?.findEntry(line, column) as { originalSource?: string; originalLine?: number } | undefined;
        if (!entry?.originalSource) return undefined;
        return `${entry.originalSource.replace(/^.*?(node_modules\/|\.\.\/)/, '').replace(/^\.\.\//, '')}:${(entry.originalLine ?? 0) + 1}`;
    };
}

/** Where a source file belongs, for the by-module summary: a package name or a project folder. */
function moduleOf(where: string): string {
    const path = where.replace(/:\d+$/, '').replace(/^node_modules\//, '');
    const pkg = /^(@[^/]+\/[^/]+|[^/]+)\/(lib|dist|out|esm|cjs)?/.exec(path);
    if (/^(language|cli|server|bench)\//.test(path)) return path;
    return pkg ? pkg[1] : path || '(native / V8)';
}

/** Top self-time functions of a V8 CPU profile, and self time summed per source module. */
function hotspots(file: string, top = 12, window?: [number, number]): { functions: Hotspot[]; modules: Hotspot[]; inclusive: Hotspot[] } {
    const profileData = JSON.parse(readFileSync(file, 'utf8')) as {
        nodes: Array<{ id: number; children?: number[]; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }>;
        samples: number[]; timeDeltas: number[]; startTime: number;
    };
    if (window) {
        // Keep only the samples taken inside the window (same monotonic clock as the profile).
        let at = profileData.startTime;
        const keep = profileData.samples.map((_, i) => (at += profileData.timeDeltas[i] ?? 0) >= window[0] && at <= window[1]);
        profileData.samples = profileData.samples.filter((_, i) => keep[i]);
        profileData.timeDeltas = profileData.timeDeltas.filter((_, i) => keep[i]);
    }
    const map = sourceMapper();
    const byId = new Map(profileData.nodes.map(n => [n.id, n]));
    const where = new Map<number, string>();
    const self = new Map<string, number>();
    const perModule = new Map<string, number>();
    const parent = new Map<number, number>();
    for (const node of profileData.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const inclusive = new Map<string, number>();
    let total = 0;
    profileData.samples.forEach((id, i) => {
        const node = byId.get(id);
        const delta = profileData.timeDeltas[i] ?? 0;
        total += delta;
        if (!node) return;
        const frame = node.callFrame;
        if (!where.has(id)) {
            const mapped = frame.url ? map(frame.url, frame.lineNumber, frame.columnNumber) : undefined;
            where.set(id, mapped ?? (frame.url ? `${frame.url.replace(/^.*\//, '')}:${frame.lineNumber + 1}` : ''));
        }
        const location = where.get(id)!;
        const key = `${frame.functionName || '(anonymous)'} ${location}`.trim();
        self.set(key, (self.get(key) ?? 0) + delta);
        const module = location ? moduleOf(location) : frame.functionName;
        perModule.set(module, (perModule.get(module) ?? 0) + delta);
        // Inclusive time: every distinct named project or Langium function on the sample's stack.
        const onStack = new Set<string>();
        for (let current: number | undefined = id; current !== undefined; current = parent.get(current)) {
            const f = byId.get(current)!.callFrame;
            if (!f.functionName) continue;
            if (!where.has(current)) where.set(current, (f.url ? map(f.url, f.lineNumber, f.columnNumber) : undefined) ?? '');
            onStack.add(`${f.functionName} ${where.get(current)}`.trim());
        }
        for (const name of onStack) inclusive.set(name, (inclusive.get(name) ?? 0) + delta);
    });
    const rank = (entries: Map<string, number>) => [...entries].sort((a, b) => b[1] - a[1]).slice(0, top)
        .map(([name, us]) => ({ name, selfMs: us / 1000, share: us / total }));
    // Inclusive times of the project's own functions and of Langium's build phases; the parser's
    // recursion and runtime frames would otherwise fill the list.
    const PHASE = /^(parse|tokenize|link|validateAstNodes|validateDocument|createDescriptions|collectExportedSymbols|collectLocalSymbols|updateContent|updateReferences|update|buildDocuments) node_modules\/langium\//;
    for (const name of [...inclusive.keys()]) {
        if (!PHASE.test(name) && !/ (language|cli|server)\//.test(name)) inclusive.delete(name);
    }
    return { functions: rank(self), modules: rank(perModule), inclusive: [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top + 8).map(([name, us]) => ({ name, selfMs: us / 1000, share: us / total })) };
}

/** The large-plan edits again under `--cpu-prof`, for their hotspots only. */
async function profileLargePlanEdit(): Promise<{ functions: Hotspot[]; modules: Hotspot[]; inclusive: Hotspot[] }> {
    const name = 'server-large-plan.cpuprofile';
    rmSync(join(profileDir, name), { force: true });
    const profiled = await measureLargePlanEdit({ serverPath, nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${name}`] });
    return hotspots(join(profileDir, name), 25, profiled.window);
}

function printHotspots(label: string, { functions, modules, inclusive }: { functions: Hotspot[]; modules: Hotspot[]; inclusive: Hotspot[] }): void {
    process.stdout.write(`\n--- ${label}\n`);
    for (const h of [...modules, ...functions, ...inclusive]) process.stdout.write(`${fmt(h.selfMs).padStart(8)} ms ${(h.share * 100).toFixed(1).padStart(5)}%  ${h.name}\n`);
}

async function profileCli(layout: WorkspaceLayout): Promise<string> {
    rmSync(join(profileDir, 'cli.cpuprofile'), { force: true });
    await timeNode(['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--cpu-prof-name=cli.cpuprofile', cliPath, 'check', layout.vplan, '--format', 'json']);
    return join(profileDir, 'cli.cpuprofile');
}

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
const status = (ok: boolean) => (ok ? 'met' : '**not met**');

function renderTable(layout: WorkspaceLayout, check: CheckComparison, throughput: ThroughputResult[], server: ServerResults, profiles: Array<[string, { functions: Hotspot[]; modules: Hotspot[]; inclusive: Hotspot[] }]>): string {
    const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const machine = `${availableParallelism()} CPUs (nproc), ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ${process.platform}`;
    const out: string[] = [];
    out.push(`Measured ${date} on ${machine}; median of ${runs} runs unless stated.`, '');
    out.push(`Workspace: ${planCount} plans (${layout.lines.toLocaleString('en')} lines, ${(layout.bytes / 1024 / 1024).toFixed(1)} MB) plus one organisation catalogue; `
        + `\`vplan check\` finds ${check.summary.errors} errors, ${check.summary.warnings} warnings, ${check.summary.infos} infos`
        + (check.topCodes.length ? ` (most frequent: ${check.topCodes.map(([c, n]) => `${c} ×${n}`).join(', ')})` : '') + '.', '');
    out.push('### Checking a workspace (whole process, spawn to exit)', '');
    out.push('| contender | wall time (ms) | vs. `vplan check` | CPU time (ms) | vs. `vplan check` |', '|---|---:|---:|---:|---:|');
    const row = (name: string, ms: number, cpu: number) => out.push(`| ${name} | ${fmt(ms)} | ${(ms / check.cliMs).toFixed(2)}× | ${fmt(cpu)} | ${(cpu / check.cpu.cli).toFixed(2)}× |`);
    row(`\`vplan check\` (${relative(root, cliPath)}, all checks)`, check.cliMs, check.cpu.cli);
    row('YAML + JSON Schema: `yaml` + `ajv`', check.yamlMs, check.cpu.yaml);
    row('YAML + JSON Schema: `js-yaml` + `ajv`', check.jsYamlMs, check.cpu.jsYaml);
    row('one regular-expression pass over the vplan text', check.regexMs, check.cpu.regex);
    row('`node -e 0` (start-up floor)', check.nodeStartupMs, check.cpu.startup);
    out.push('', 'CPU time is user + system time of the process (recorded at exit by bench/rss-preload.cjs); it is less disturbed than wall time when the machine is busy.');
    out.push('');
    out.push('### Single large plans, in process (`createVplanServices`)', '');
    out.push('| lines | size | parse (ms) | parse lines/s | parse MB/s | full build (ms) | build lines/s | build MB/s | diagnostics |', '|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const t of throughput) {
        const mb = t.bytes / 1024 / 1024;
        out.push(`| ${t.lines.toLocaleString('en')} | ${(t.bytes / 1024).toFixed(0)} KB | ${fmt(t.parseMs)} | ${Math.round(t.lines / t.parseMs * 1000).toLocaleString('en')} | ${(mb / t.parseMs * 1000).toFixed(1)} | ${fmt(t.buildMs)} | ${Math.round(t.lines / t.buildMs * 1000).toLocaleString('en')} | ${(mb / t.buildMs * 1000).toFixed(1)} | ${t.diagnostics} |`);
    }
    out.push('');
    out.push(`### Language server (out/server.cjs over stdio, ${planCount}-plan workspace, started as the VS Code extension starts it; lean from ${LEAN_MIN_FILES} files)`, '');
    out.push('| measure | value |', '|---|---:|');
    out.push(`| time to first diagnostics (spawn → diagnostics of the first opened plan) | ${fmt(server.firstDiagnosticsMs)} ms |`);
    out.push(`| time until every plan has diagnostics (spawn → last plan) | ${fmt(server.allPlansFirstMs)} ms |`);
    out.push(`| edit → new diagnostics of that plan, median of ${server.edits} edits | ${fmt(server.editMedianMs)} ms |`);
    out.push(`| edit → new diagnostics, p90 | ${fmt(server.editP90Ms)} ms |`);
    out.push(`| the first ten edits after loading (in order: ${server.firstEditsMs.map(fmt).join(', ')}), median; slowest | ${fmt(median(server.firstEditsMs))} ms; ${fmt(Math.max(...server.firstEditsMs))} ms |`);
    out.push(`| catalogue edit (an organisation's title) → built, every plan's diagnostics known to hold (median of ${server.catalogueMs.length}: ${server.catalogueMs.map(fmt).join(', ')}) | ${fmt(median(server.catalogueMs))} ms |`);
    out.push(`| catalogue edit of a kind the plans name but no check of theirs reads (a provider of help) → built, every plan's diagnostics known to hold (median of ${server.catalogueUnreadKindMs.length}: ${server.catalogueUnreadKindMs.map(fmt).join(', ')}) | ${fmt(median(server.catalogueUnreadKindMs))} ms |`);
    out.push(`| catalogue edit that checks read (the kind of the organisation holding regie while measures run) → all ${planCount} plans read again, checked and published (median of ${server.catalogueKindMs.length}: ${server.catalogueKindMs.map(fmt).join(', ')}) | ${fmt(median(server.catalogueKindMs))} ms |`);
    out.push(`| peak memory (max RSS) of the server | ${server.maxRssMb.toFixed(0)} MB |`);
    out.push(`| peak memory (max RSS) of \`vplan check\` | ${check.cliMaxRssMb.toFixed(0)} MB |`);
    out.push('');
    out.push('### Targets', '');
    out.push('| target | result | status |', '|---|---:|---|');
    out.push(`| \`vplan check\` no slower than \`yaml\` + \`ajv\` (wall; CPU) | ${(check.cliMs / check.yamlMs).toFixed(2)}×; ${(check.cpu.cli / check.cpu.yaml).toFixed(2)}× its time | ${status(check.cliMs <= check.yamlMs)} |`);
    out.push(`| \`vplan check\` within 2× of \`js-yaml\` + \`ajv\` (issue 14; was 3×) (wall; CPU) | ${(check.cliMs / check.jsYamlMs).toFixed(2)}×; ${(check.cpu.cli / check.cpu.jsYaml).toFixed(2)}× its time | ${status(check.cliMs <= 2 * check.jsYamlMs)} |`);
    out.push(`| edit → diagnostics median < 15 ms | ${fmt(server.editMedianMs)} ms | ${status(server.editMedianMs < 15)} |`);
    out.push(`| the first ten edits too: median < 15 ms, slowest < 50 ms | ${fmt(median(server.firstEditsMs))} ms; ${fmt(Math.max(...server.firstEditsMs))} ms | ${status(median(server.firstEditsMs) < 15 && Math.max(...server.firstEditsMs) < 50)} |`);
    out.push(`| catalogue edit revalidates ${planCount} plans within 400 ms (title; unread kind; kind every plan reads) | ${fmt(median(server.catalogueMs))} ms; ${fmt(median(server.catalogueUnreadKindMs))} ms; ${fmt(median(server.catalogueKindMs))} ms | ${status(median(server.catalogueMs) <= 400)}; ${status(median(server.catalogueUnreadKindMs) <= 400)}; ${status(median(server.catalogueKindMs) <= 400)} |`);
    out.push(`| server memory < 120 MB (issue 14; was < 250 MB) | ${server.maxRssMb.toFixed(0)} MB | ${status(server.maxRssMb < 120)} |`);
    for (const [name, { functions, modules, inclusive }] of profiles) {
        out.push('', `### Hotspots: ${name} (self time, \`node --cpu-prof\`, mapped to sources)`, '');
        out.push('| self (ms) | share | source module or file |', '|---:|---:|---|');
        for (const h of modules) out.push(`| ${fmt(h.selfMs)} | ${(h.share * 100).toFixed(1)}% | \`${h.name.replace(/\|/g, '\\|')}\` |`);
        out.push('', '| self (ms) | share | function |', '|---:|---:|---|');
        for (const h of functions) out.push(`| ${fmt(h.selfMs)} | ${(h.share * 100).toFixed(1)}% | \`${h.name.replace(/\|/g, '\\|')}\` |`);
        out.push('', '| total (ms) | share | Langium build phase or project function, including what it calls |', '|---:|---:|---|');
        for (const h of inclusive) out.push(`| ${fmt(h.selfMs)} | ${(h.share * 100).toFixed(1)}% | \`${h.name.replace(/\|/g, '\\|')}\` |`);
    }
    return out.join('\n');
}

function writeDocs(table: string): void {
    const docPath = join(root, 'docs', 'performance.md');
    const start = '<!-- bench:start -->';
    const end = '<!-- bench:end -->';
    const block = `${start}\n${table}\n${end}`;
    let text = existsSync(docPath) ? readFileSync(docPath, 'utf8') : `# Performance\n\n${start}\n${end}\n`;
    if (!text.includes(start)) text += `\n${start}\n${end}\n`;
    text = text.replace(new RegExp(`${start}[\\s\\S]*?${end}`), () => block);
    writeFileSync(docPath, text);
    log(`wrote ${docPath}`);
}

/**
 * `--only scale` (or a full run): `vplan check` on `--plans` workspaces (default 1,000 and 10,000;
 * `--quick`: 1,000), with `--changed` and a single-file check unless `--no-changed` (a CLI
 * without them, measured with `--cli`). With `--only scale` the table goes into its own block of
 * docs/performance.md (`scale:start`/`scale:end`) unless `--no-write`.
 */
async function runScale(): Promise<ScaleRun[]> {
    const sizes = planSizes ?? (quick ? [1_000] : [1_000, 10_000]);
    log(`scale: vplan check on ${sizes.join(', ')} plans ...`);
    const runsDone = [await nodeStartup(preloadPath), ...await measureScale({ sizes, cliPath, preloadPath, log, changed: !args.includes('--no-changed') })];
    const table = renderScale(runsDone, `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${availableParallelism()} CPUs, ${cliPath === join(root, 'bin', 'vplan.cjs') ? 'bin/vplan.cjs' : cliPath}`);
    process.stdout.write(table + '\n');
    if (write && only?.every(part => part === 'scale')) {
        const docPath = join(root, 'docs', 'performance.md');
        const start = '<!-- scale:start -->';
        const end = '<!-- scale:end -->';
        let text = readFileSync(docPath, 'utf8');
        if (!text.includes(start)) text += `\n${start}\n${end}\n`;
        text = text.replace(new RegExp(`${start}[\\s\\S]*?${end}`), () => `${start}\n${table}\n${end}`);
        writeFileSync(docPath, text);
        log(`wrote the scale table to ${docPath}`);
    }
    return runsDone;
}

async function main(): Promise<void> {
    const began = performance.now();
    const analyze = stringOption('--analyze');
    if (analyze) {
        const { functions, modules, inclusive } = hotspots(analyze, 40);
        for (const h of [...modules, ...functions, ...inclusive]) process.stdout.write(`${fmt(h.selfMs).padStart(8)} ms ${(h.share * 100).toFixed(1).padStart(5)}%  ${h.name}\n`);
        return;
    }
    for (const file of [cliPath, serverPath, alternativesPath]) {
        if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
    }
    const cliVersion = spawnSync(process.execPath, [cliPath, '--version'], { encoding: 'utf8' }).stdout.trim();
    log(`vplan ${cliVersion}, ${availableParallelism()} CPUs, Node ${process.version}`);
    // The scale part (bench/scale.ts): its own workspaces, its own block in docs/performance.md.
    const scaleRuns = runs_('scale') ? await runScale() : undefined;
    if (only && only.every(part => part === 'scale')) return;
    log(`generating ${planCount} plans ...`);
    const layout = writeWorkspace(planCount);
    try {
        if (runs_('check')) log('checking the workspace: vplan check vs. YAML + ajv vs. regex ...');
        const check = runs_('check') ? await compareCheck(layout) : undefined;

        log('single large plans in process ...');
        const sizes = sizesOption ?? (quick ? [100, 1_000, 10_000] : [100, 1_000, 10_000, 50_000]);
        const throughput: ThroughputResult[] = [];
        for (const size of runs_('throughput') ? sizes : []) {
            const text = planToVplan(generateLargePlan(size));
            const result = await measureThroughput(text, size >= 10_000 ? 3 : runs);
            throughput.push(result);
            log(`  ${result.lines} lines: parse ${fmt(result.parseMs)} ms, build ${fmt(result.buildMs)} ms (${result.diagnostics} diagnostics, ${result.parseErrors} parse errors)`);
        }

        if (runs_('server')) log('language server ...');
        mkdirSync(profileDir, { recursive: true });
        if (profile) rmSync(join(profileDir, 'server.cpuprofile'), { force: true });
        const server = runs_('server') ? await measureServer(layout) : undefined;
        if (server) server.maxRssMb = readMaxRss(join(layout.base, 'server-rss.jsonl'));
        if (server && profile) {
            log('language server again, profiled (for the hotspots only) ...');
            await measureServer(layout, true);
        }
        if (runs_('large-edit')) log('one large plan in the language server ...');
        const largeEdit = runs_('large-edit') ? await measureLargePlanEdit({ serverPath, log }) : undefined;
        const largeEditProfile = largeEdit && profile ? await profileLargePlanEdit() : undefined;
        // `vplan review` over a generated git repository (bench/git-repo.ts).
        if (runs_('review')) log('vplan review in a git repository ...');
        const review = runs_('review') ? await measureReview({ cliPath, preloadPath, plans: option('--review-plans', 2000), runs, log, keep: args.includes('--keep') }) : undefined;
        if (!check || !server) {
            if (review) process.stdout.write(reviewSection(review).join('\n') + '\n');
            if (largeEdit) process.stdout.write(renderLargePlanEdit(largeEdit) + '\n');
            if (largeEditProfile) printHotspots('edits of one large plan', largeEditProfile);
            if (server) process.stdout.write(JSON.stringify({ ...server, editWindow, catalogueWindow }, null, 1) + '\n');
            if (profile && server && editWindow && existsSync(join(profileDir, 'server.cpuprofile'))) {
                for (const [label, window] of [['edits of one plan', editWindow], ['catalogue edits', catalogueWindow]] as const) {
                    if (!window) continue;
                    process.stdout.write(`\n--- ${label}\n`);
                    const { functions, modules, inclusive } = hotspots(join(profileDir, 'server.cpuprofile'), 40, window);
                    for (const h of [...modules, ...functions, ...inclusive]) process.stdout.write(`${fmt(h.selfMs).padStart(8)} ms ${(h.share * 100).toFixed(1).padStart(5)}%  ${h.name}\n`);
                }
            }
            log('partial run: nothing written');
            return;
        }

        const profiles: Array<[string, { functions: Hotspot[]; modules: Hotspot[]; inclusive: Hotspot[] }]> = [];
        if (profile) {
            log('profiling ...');
            profiles.push([`\`vplan check\` on ${planCount} plans`, hotspots(await profileCli(layout))]);
            const serverProfile = readdirSync(profileDir).find(name => name === 'server.cpuprofile');
            if (serverProfile) {
                profiles.push(['language server session above', hotspots(join(profileDir, serverProfile))]);
                if (editWindow) profiles.push([`language server, only the ${server.edits} edits of one plan`, hotspots(join(profileDir, serverProfile), 12, editWindow)]);
                if (catalogueWindow) profiles.push(['language server, only the catalogue edits (title and kind)', hotspots(join(profileDir, serverProfile), 12, catalogueWindow)]);
            }
        }
        if (largeEditProfile) profiles.push(['language server, only the edits of one large plan', largeEditProfile]);
        const table = renderTable(layout, check, throughput, server, profiles) + (largeEdit ? `\n\n${renderLargePlanEdit(largeEdit)}` : '')
            + (review ? `\n\n${reviewSection(review).join('\n')}` : '') + (scaleRuns ? `\n\n${renderScale(scaleRuns, new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC')}` : '');
        process.stdout.write(table + '\n');
        writeFileSync(join(root, 'out', 'bench', 'last-run.md'), table + '\n');
        if (write && !only) writeDocs(table);
        log(`bench finished in ${((performance.now() - began) / 1000).toFixed(0)} s`);
    } finally {
        if (!args.includes('--keep')) rmSync(layout.base, { recursive: true, force: true });
        else log(`workspace kept in ${layout.base}`);
    }
}

main().catch(error => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(1);
});
