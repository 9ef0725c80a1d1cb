/**
 * `vplan review BASE [HEAD]` (cli.md, v2): what a reviewer of a change set reads. Both revisions
 * are read as they were (cli/git-revision.ts), every workspace of the repository is built and
 * checked as a whole on each side, and the two sides are compared:
 *
 * - every changed plan file with its changes in meaning (language/diff/plan-diff.ts
 *   `diffChangeSet`, as `vplan diff` shows them), renames as git detects them;
 * - every changed organisation and measure type with the plans that name it (on either side);
 * - per file, the diagnostics introduced and resolved (compared as `vplan diff` compares them:
 *   code and message, positions aside), also for files whose text did not change.
 *
 * Speed (docs/performance.md): the base side is built in full; the head side is the same
 * services updated with the files that differ (Langium's `DocumentBuilder.update`, with vplan's
 * incremental builder relinking only what depends on them and the validation memo keeping the
 * diagnostics nothing changed), so it costs what changed. Before the update, the base documents
 * of changed files are taken out of the workspace as they are, linked to the base side, and a
 * new document stands in for each: the diff then reads both versions each linked in its own
 * revision. When a config file differs the settings or the workspaces themselves may differ, and
 * the head side is built from scratch in services of its own.
 */

import { realpathSync } from 'node:fs';
import { relative } from 'node:path';
import { AstUtils, DocumentState, URI, type AstNode, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createVplanServices } from '../language/vplan-module.js';
import { loadBuiltinCatalogue } from '../language/workspace/builtin-documents.js';
import { isMeasureType, isOrganisation, isPlan, type VplanFile } from '../language/generated/ast.js';
import { configDiagnostics } from '../language/config/config-diagnostics.js';
import type { LoadedConfig } from '../language/config/settings-provider.js';
import { compareCodePoints } from '../language/workspace/workspace-layout.js';
import { referenceInfosOf } from '../language/workspace/vplan-index-services.js';
import {
    diffChangeSet, diffDiagnostics, newKeyOf, type DiffDiagnostic, type DiffSourceFile, type FileDiff, type HandoverChange, type ItemChange, type SeverityCounts, type TextDifference
} from '../language/diff/plan-diff.js';
import { planFacts } from '../language/analysis/plan-facts.js';
import { buildTimeline, type TimelineModel } from '../language/timeline/timeline-model.js';
import type { Locale } from '../language/i18n/locale.js';
import { GitRepository, RevisionFileSystemProvider, snapshotKindOf, type GitRename, type RevisionSnapshot } from './git-revision.js';
import { toRecord, type SeverityName } from './workspace.js';
import type { Progress } from './progress.js';
import { timelineMarks, type ChangedItem } from './review-html.js';

export const REVIEW_FORMAT_VERSION = 1;

// ---------------------------------------------------------------------------------------------
// The result (what `--format json` prints; schemas/vplan-review.schema.json)

/** A diagnostic as `vplan diff` reports it: where it starts on its side (1-based), what it says. */
export interface ReviewDiagnostic {
    line: number;
    column: number;
    severity: SeverityName;
    code: string;
    message: string;
}

export type ReviewFileStatus = 'added' | 'deleted' | 'modified' | 'renamed' | 'unchanged';

export interface ReviewFile {
    /** The file as shown: its path on the head side, else on the base side, relative to the current folder. */
    path: string;
    oldPath: string | null;
    newPath: string | null;
    /** A plan file (`.vplan`, catalogues included) or a settings file (`vplan.config.json`). */
    type: 'plan' | 'config';
    status: ReviewFileStatus;
    /** The changes in meaning (plan files whose text changed), as `vplan diff` reports them. */
    changes: ItemChange[];
    handovers: HandoverChange[];
    /** When the text changed but not its meaning: what did change; null otherwise. */
    sameMeaning: TextDifference | null;
    diagnostics: { introduced: ReviewDiagnostic[]; resolved: ReviewDiagnostic[] };
}

export interface NamingPlan {
    plan: string;
    file: string;
}

/** A changed organisation or measure type, with the plans that name it on either side. */
export interface CatalogueChange {
    file: string;
    change: ItemChange['change'];
    kind: 'organisation' | 'measure type';
    name: string;
    newName?: string;
    plans: NamingPlan[];
}

export interface ReviewNote {
    side: 'base' | 'head';
    file: string;
    reason: string;
}

export interface ReviewSummary {
    /** Files listed (changed, or with diagnostics that changed). */
    files: number;
    added: number;
    changed: number;
    removed: number;
    introduced: SeverityCounts;
    resolved: SeverityCounts;
}

export interface Review {
    version: typeof REVIEW_FORMAT_VERSION;
    base: { revision: string; commit: string };
    /** `revision` and `commit` are null for the working tree. */
    head: { revision: string | null; commit: string | null };
    /** The roots of the workspaces of the repository (either side), relative to the current folder. */
    workspaces: string[];
    files: ReviewFile[];
    catalogue: CatalogueChange[];
    notes: ReviewNote[];
    summary: ReviewSummary;
}

/** The before and after timeline of a changed plan, with the items that changed (HTML format). */
export interface PlanTimelines {
    file: string;
    plan: string;
    before?: TimelineModel;
    after?: TimelineModel;
    /** Timeline item ids (`measure:hv`, `meeting:0`; `phase:INDEX` in the model's phases) to mark on each side (review-html.ts, `timelineMarks`). */
    marked: { before: string[]; after: string[] };
}

export interface ReviewOutcome {
    review: Review;
    /** Only when asked for (`timelines: true`). */
    timelines: PlanTimelines[];
    /** The files read from the working tree (HEAD omitted; the `--config` file), absolute: `-o` never writes over one. */
    workingTreeFiles: string[];
}

export interface ReviewOptions {
    locale?: Locale;
    defaultLocale: Locale;
    cwd: string;
    /** Build the timelines of changed plans (the HTML format). */
    timelines?: boolean;
    /** Today, for the timelines' marker. */
    today?: Date;
    /** Build the head side from scratch even when an update would do (tests compare both ways). */
    fresh?: boolean;
    env?: NodeJS.ProcessEnv;
    /**
     * `--config FILE`: the one settings file of every file of both revisions, read once from the
     * working tree (cli/common-options.ts `servicesWithNamedConfig`). The config files the
     * revisions hold then set no settings: they are neither compared nor listed, and still decide
     * where a workspace's root is (language reference, section 2), as for `vplan check --config`.
     */
    config?: { absolutePath: string; text: string };
    /** Progress of the checking, given the number of files to check on both sides (cli/progress.ts). */
    progress?: (total: number) => Progress;
}

/** Counts the plan files checked on both sides for `--progress`: live while a side builds, the rest when it is done. */
class ReviewProgress {
    private done = 0;

    constructor(private readonly progress: Progress | undefined, private readonly total: number) {}

    /** One more file of a side checked (never beyond the side's end, `upTo`). */
    watch(services: Services, upTo: () => number): void {
        if (!this.progress) return;
        services.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => {
            if (document.uri.scheme === 'file' && this.done < upTo()) this.advance();
        });
    }

    /** A side is done: every one of its files counts. */
    reach(count: number): void {
        while (this.done < Math.min(count, this.total)) this.advance();
    }

    finish(): void {
        this.progress?.finish();
    }

    private advance(): void {
        this.done++;
        this.progress?.advance();
    }
}

// ---------------------------------------------------------------------------------------------
// One side

type Services = ReturnType<typeof createVplanServices>;

/** What a side contributes, collected while its services hold it. */
interface Side {
    snapshot: RevisionSnapshot;
    /** Diagnostics of every plan and applicable config file, by path relative to the top. */
    diagnostics: Map<string, ReviewDiagnostic[]>;
    /** Workspace root of every plan file, by path. */
    rootOf: Map<string, string>;
    /** The files of the pairs, for the diff. */
    sources: Map<string, DiffSourceFile>;
    /** Plans naming a global name: `root NUL type NUL name` → plans (paths relative to the top). */
    namers: Map<string, Array<{ plan: string; path: string }>>;
    timelines: Map<string, Map<string, TimelineModel>>;
}

const GLOBAL_TYPES = ['Organisation', 'MeasureType'] as const;
type GlobalType = typeof GLOBAL_TYPES[number];

/**
 * The files of a revision, and the `--config` file as read from the working tree at a URI of its
 * own: never one of the revision's files, even at the same path (a revision's config files still
 * decide where the roots are).
 */
class SideFileSystemProvider extends RevisionFileSystemProvider {
    constructor(snapshot: RevisionSnapshot, private readonly named: { uri: URI; text: string } | undefined) {
        super(snapshot);
    }

    override readFileSync(uri: URI): string {
        return this.named !== undefined && uri.toString() === this.named.uri.toString() ? this.named.text : super.readFileSync(uri);
    }
}

function sideFileSystem(snapshot: RevisionSnapshot, options: ReviewOptions): SideFileSystemProvider {
    return new SideFileSystemProvider(snapshot, options.config && { uri: namedConfigUri(options.config.absolutePath), text: options.config.text });
}

const namedConfigUri = (absolutePath: string) => URI.file(absolutePath).with({ scheme: 'vplan-config' });

function createServices(fs: RevisionFileSystemProvider, options: ReviewOptions): Services {
    // Editor mode: the incremental builder's reverse index and the validation memo make the head side cheap.
    const services = createVplanServices({ fileSystemProvider: () => fs });
    const settings = services.Vplan.config.SettingsProvider;
    settings.defaultLocale = options.defaultLocale;
    settings.localeOverride = options.locale;
    if (options.config) settings.explicitConfig = namedConfigUri(options.config.absolutePath);
    // An update checks as fully as a first build (Langium's update skips the 'slow' category).
    services.shared.workspace.DocumentBuilder.updateBuildOptions = { validation: true };
    return services;
}

const absolute = (top: string, path: string) => (top === '/' ? `/${path}` : `${top}/${path}`);

function planPaths(snapshot: RevisionSnapshot): string[] {
    return [...snapshot.files.keys()].filter(path => snapshotKindOf(path) === 'plan');
}

async function buildSide(services: Services, snapshot: RevisionSnapshot): Promise<void> {
    await loadBuiltinCatalogue(services.shared);
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const documents = services.shared.workspace.LangiumDocuments;
    const loaded: LangiumDocument[] = [];
    for (const path of planPaths(snapshot)) {
        const document = factory.fromString<VplanFile>(snapshot.files.get(path)!, URI.file(absolute(snapshot.top, path)));
        documents.addDocument(document);
        loaded.push(document);
    }
    await services.shared.workspace.DocumentBuilder.build(loaded, { validation: true });
}

function reviewDiagnostic(diagnostic: Diagnostic): ReviewDiagnostic {
    const { line, column, severity, code, message } = toRecord('', diagnostic);
    return { line, column, severity, code, message };
}

/** Which plans name each of `names` (global names; `type NUL name`), in the workspace of each plan. */
function collectNamers(services: Services, snapshot: RevisionSnapshot, names: ReadonlySet<string>, rootOf: Map<string, string>): Side['namers'] {
    const namers: Side['namers'] = new Map();
    if (names.size === 0) return namers;
    const reflection = services.shared.AstReflection;
    const documents = services.shared.workspace.LangiumDocuments;
    for (const path of planPaths(snapshot)) {
        const document = documents.getDocument(URI.file(absolute(snapshot.top, path)));
        if (!document) continue;
        const root = rootOf.get(path)!;
        for (const info of referenceInfosOf(document)) {
            const name = info.reference.$refText;
            const types = GLOBAL_TYPES.filter(type => names.has(`${type}\0${name}`));
            if (types.length === 0) continue;
            const plan = AstUtils.getContainerOfType(info.container, isPlan);
            if (!plan) continue;
            const target = 'ref' in info.reference ? info.reference.ref : undefined;
            for (const type of types) {
                // Resolved to a declaration of that type, or unresolved where one could stand (a
                // plan-local member of the same name shadows it and names no organisation).
                const names_ = target ? target.$type === type : reflection.isSubtype(type, reflection.getReferenceType(info));
                if (!names_) continue;
                const key = `${root}\0${type}\0${name}`;
                const list = namers.get(key) ?? [];
                if (!list.some(n => n.plan === plan.name && n.path === path)) list.push({ plan: plan.name, path });
                namers.set(key, list);
            }
        }
    }
    return namers;
}

function declaredNames(root: VplanFile | undefined, into: Set<string>): void {
    for (const declaration of root?.declarations ?? []) {
        if (isOrganisation(declaration) || isMeasureType(declaration)) into.add(`${declaration.$type}\0${declaration.name}`);
    }
}

/**
 * Collects a built side: diagnostics of every file, roots, the diff's sources for the paired
 * files, the plans naming `names`, and (if asked) the timelines of the plans of the paired files.
 */
function collectSide(services: Services, snapshot: RevisionSnapshot, paired: ReadonlySet<string>, names: ReadonlySet<string>,
    display: (path: string) => string, options: ReviewOptions): Side {
    const documents = services.shared.workspace.LangiumDocuments;
    const layout = services.Vplan.config.WorkspaceLayout;
    const settings = services.Vplan.config.SettingsProvider;
    const diagnostics = new Map<string, ReviewDiagnostic[]>();
    const rootOf = new Map<string, string>();
    const sources = new Map<string, DiffSourceFile>();
    const timelines = new Map<string, Map<string, TimelineModel>>();
    const configs = new Map<string, LoadedConfig>();
    for (const path of planPaths(snapshot)) {
        const uri = URI.file(absolute(snapshot.top, path));
        const document = documents.getDocument(uri) as LangiumDocument<VplanFile> | undefined;
        if (!document) continue;
        rootOf.set(path, layout.keyOf(uri));
        diagnostics.set(path, (document.diagnostics ?? []).map(reviewDiagnostic));
        // The `--config` file is the same on both sides: its diagnostics never change.
        if (!options.config) for (const source of settings.sourcesFor(uri)) configs.set(source.uri.path, source);
        if (paired.has(path)) {
            const root = document.parseResult.value;
            sources.set(path, { label: display(path), text: snapshot.files.get(path)!, root });
            if (options.timelines) {
                const models = new Map<string, TimelineModel>();
                for (const plan of root.declarations.filter(isPlan)) {
                    models.set(plan.name, buildTimeline(planFacts(plan), document.diagnostics ?? [], { today: options.today ?? new Date() }));
                }
                timelines.set(path, models);
            }
        }
    }
    for (const [path, loaded] of configs) {
        const relativePath = path.slice(snapshot.top === '/' ? 1 : snapshot.top.length + 1);
        diagnostics.set(relativePath, configDiagnostics(loaded, settings.localeOfConfig(loaded)).map(reviewDiagnostic));
    }
    return { snapshot, diagnostics, rootOf, sources, namers: collectNamers(services, snapshot, names, rootOf), timelines };
}

/** Every reference of the syntax trees resolved now, while their side is the one the services hold. */
function resolveAll(root: AstNode): void {
    for (const node of AstUtils.streamAst(root)) {
        for (const info of AstUtils.streamReferences(node)) {
            if ('ref' in info.reference) void info.reference.ref;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Pairs

interface Pair {
    old?: string;
    new?: string;
    status: Exclude<ReviewFileStatus, 'unchanged'>;
}

/** The plan files that differ: git's renames, then same paths with other texts, added and deleted files. */
function pairsOf(base: RevisionSnapshot, head: RevisionSnapshot, renames: readonly GitRename[]): Pair[] {
    const pairs: Pair[] = [];
    const taken = new Set<string>();
    const isPlanOn = (snapshot: RevisionSnapshot, path: string) => snapshot.files.has(path) && snapshotKindOf(path) === 'plan';
    for (const rename of renames) {
        // A rename is a pair only when the old path is gone and the new one is new.
        if (!isPlanOn(base, rename.old) || !isPlanOn(head, rename.new) || head.files.has(rename.old) || base.files.has(rename.new)) continue;
        if (taken.has(`o:${rename.old}`) || taken.has(`n:${rename.new}`)) continue;
        taken.add(`o:${rename.old}`);
        taken.add(`n:${rename.new}`);
        pairs.push({ old: rename.old, new: rename.new, status: 'renamed' });
    }
    const paths = new Set([...planPaths(base), ...planPaths(head)]);
    for (const path of paths) {
        const before = base.files.get(path);
        const after = head.files.get(path);
        if (before === after) continue;
        if (before !== undefined && after !== undefined) pairs.push({ old: path, new: path, status: 'modified' });
        else if (before !== undefined && !taken.has(`o:${path}`)) pairs.push({ old: path, status: 'deleted' });
        else if (after !== undefined && !taken.has(`n:${path}`)) pairs.push({ new: path, status: 'added' });
    }
    return pairs;
}

function configsDiffer(base: RevisionSnapshot, head: RevisionSnapshot): boolean {
    const configs = (snapshot: RevisionSnapshot) => [...snapshot.files].filter(([path]) => snapshotKindOf(path) === 'config');
    const before = configs(base);
    const after = new Map(configs(head));
    return before.length !== after.size || before.some(([path, text]) => after.get(path) !== text);
}

// ---------------------------------------------------------------------------------------------
// The review

function countBySeverity(diagnostics: readonly ReviewDiagnostic[]): SeverityCounts {
    return {
        errors: diagnostics.filter(d => d.severity === 'error').length,
        warnings: diagnostics.filter(d => d.severity === 'warning').length,
        infos: diagnostics.filter(d => d.severity === 'info').length
    };
}

/**
 * The diff compares diagnostics by code and message. A review compares the severity too: a
 * settings change that makes a warning an error introduces an error. The severity is put in
 * front of the message for the comparison and taken out after it.
 */
function withSeverity<D extends ReviewDiagnostic>(d: D): D {
    return { ...d, message: `${d.severity}\u0000${d.message}` };
}

function withoutSeverity<D extends ReviewDiagnostic>(d: D): D {
    return { ...d, message: d.message.slice(d.message.indexOf('\u0000') + 1) };
}

function byPosition(a: ReviewDiagnostic, b: ReviewDiagnostic): number {
    return a.line - b.line || a.column - b.column || compareCodePoints(a.code, b.code) || compareCodePoints(a.message, b.message);
}

export async function computeReview(baseRevision: string, headRevision: string | undefined, options: ReviewOptions): Promise<ReviewOutcome> {
    const t0 = performance.now(); const lap = (what: string) => { if (process.env.VPLAN_REVIEW_TIMING) process.stderr.write(`${what}: ${(performance.now() - t0).toFixed(0)} ms\n`); };
    const repository = GitRepository.open(options.cwd, options.env);
    const baseCommit = repository.commitOf(baseRevision);
    const headCommit = headRevision !== undefined ? repository.commitOf(headRevision) : undefined;
    const base = repository.readCommit(baseCommit);
    const head = headCommit !== undefined ? repository.readCommit(headCommit) : repository.readWorkingTree();
    const pairs = pairsOf(base, head, repository.renames(baseCommit, headCommit));
    lap('git');

    let cwd: string;
    try { cwd = realpathSync(options.cwd); } catch { cwd = options.cwd; }
    const display = (path: string) => relative(cwd, absolute(repository.top, path)).replace(/\\/g, '/') || '.';

    // The global names whose namers the catalogue section may need: those declared in changed files.
    const fs = sideFileSystem(base, options);
    const services = createServices(fs, options);
    const basePlans = planPaths(base).length;
    const total = basePlans + planPaths(head).length;
    const progress = new ReviewProgress(options.progress?.(total), total);
    let sideEnd = basePlans;
    progress.watch(services, () => sideEnd);
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const standIns = new Map<string, LangiumDocument<VplanFile>>();
    for (const pair of pairs) {
        if (pair.new !== undefined) standIns.set(pair.new, factory.fromString<VplanFile>(head.files.get(pair.new)!, URI.file(absolute(head.top, pair.new))));
    }

    await buildSide(services, base);
    progress.reach(basePlans);
    sideEnd = total;
    lap('base build');
    const documents = services.shared.workspace.LangiumDocuments;
    const names = new Set<string>();
    for (const pair of pairs) {
        if (pair.old !== undefined) declaredNames((documents.getDocument(URI.file(absolute(base.top, pair.old)))?.parseResult.value as VplanFile | undefined), names);
        if (pair.new !== undefined) declaredNames(standIns.get(pair.new)?.parseResult.value, names);
    }
    const basePaired = new Set(pairs.flatMap(p => (p.old !== undefined ? [p.old] : [])));
    const baseSide = collectSide(services, base, basePaired, names, display, options);
    for (const source of baseSide.sources.values()) resolveAll(source.root);
    lap('base collected');

    let headServices: Services;
    if (options.fresh || configsDiffer(base, head)) {
        headServices = createServices(sideFileSystem(head, options), options);
        progress.watch(headServices, () => sideEnd);
        await buildSide(headServices, head);
    } else {
        // The same services, updated with what differs (the file comment says why the base documents are taken out).
        headServices = services;
        fs.show(head);
        const changed: URI[] = [];
        const deleted: URI[] = [];
        for (const path of new Set([...planPaths(base), ...planPaths(head)])) {
            const before = base.files.get(path);
            const after = head.files.get(path);
            if (before === after) continue;
            const uri = URI.file(absolute(head.top, path));
            if (after === undefined) {
                // Langium deletes it without unlinking: its syntax tree stays linked to the base side.
                deleted.push(uri);
                continue;
            }
            if (documents.hasDocument(uri)) documents.deleteDocument(uri);
            documents.addDocument(standIns.get(path) ?? factory.fromString<VplanFile>(after, uri));
            changed.push(uri);
        }
        await services.shared.workspace.DocumentBuilder.update(changed, deleted);
    }
    progress.reach(total);
    progress.finish();
    lap('head built');
    const headPaired = new Set(pairs.flatMap(p => (p.new !== undefined ? [p.new] : [])));
    const headSide = collectSide(headServices, head, headPaired, names, display, options);

    lap('head collected');
    // Changes in meaning, per pair, and the pairs' diagnostics compared as `vplan diff` compares
    // them (a rename in the file puts the new name in the old messages).
    const pairDiagnostics = (side: Side, paths: ReadonlySet<string>) => [...paths].flatMap(path =>
        (side.diagnostics.get(path) ?? []).map(d => ({ ...withSeverity(d), file: display(path), key: path })));
    const changeSet = diffChangeSet(
        { files: baseSide.sources, diagnostics: pairDiagnostics(baseSide, basePaired) },
        { files: headSide.sources, diagnostics: pairDiagnostics(headSide, headPaired) },
        pairs.map(pair => ({ old: pair.old, new: pair.new }))
    );
    lap('diffed');

    const files: ReviewFile[] = [];
    const withoutFile = ({ file: _file, ...d }: DiffDiagnostic): ReviewDiagnostic => withoutSeverity(d);
    const sorted = (list: ReviewDiagnostic[]) => list.sort(byPosition);
    const diagnosticsOf = (oldPath: string | undefined, newPath: string | undefined) => {
        const result = diffDiagnostics(
            (oldPath !== undefined ? baseSide.diagnostics.get(oldPath) ?? [] : []).map(withSeverity),
            (newPath !== undefined ? headSide.diagnostics.get(newPath) ?? [] : []).map(withSeverity));
        return { introduced: sorted(result.introduced.map(withoutSeverity)), resolved: sorted(result.resolved.map(withoutSeverity)) };
    };
    pairs.forEach((pair, index) => {
        const diff: FileDiff = changeSet.files[index];
        files.push({
            path: display(pair.new ?? pair.old!),
            oldPath: pair.old !== undefined ? display(pair.old) : null,
            newPath: pair.new !== undefined ? display(pair.new) : null,
            type: 'plan',
            status: pair.status,
            changes: diff.changes,
            handovers: diff.handovers,
            sameMeaning: diff.sameMeaning,
            diagnostics: {
                introduced: sorted(changeSet.diagnostics.introduced.filter(d => pair.new !== undefined && d.file === display(pair.new)).map(withoutFile)),
                resolved: sorted(changeSet.diagnostics.resolved.filter(d => pair.old !== undefined && d.file === display(pair.old)).map(withoutFile))
            }
        });
    });
    // Every other file (plans and configs) of either side, whose text or diagnostics changed;
    // with `--config` the revisions' config files set no settings and are left out.
    const paired = new Set([...basePaired, ...headPaired]);
    const configFiles = options.config ? [] : [...configPaths(base), ...configPaths(head)];
    for (const path of new Set([...baseSide.diagnostics.keys(), ...headSide.diagnostics.keys(), ...configFiles])) {
        if (paired.has(path)) continue;
        const before = base.files.get(path);
        const after = head.files.get(path);
        const type = snapshotKindOf(path) === 'config' ? 'config' : 'plan';
        const diagnostics = diagnosticsOf(baseSide.diagnostics.has(path) ? path : undefined, headSide.diagnostics.has(path) ? path : undefined);
        const status: ReviewFileStatus = before === after ? 'unchanged' : before === undefined ? 'added' : after === undefined ? 'deleted' : 'modified';
        if (status === 'unchanged' && diagnostics.introduced.length === 0 && diagnostics.resolved.length === 0) continue;
        files.push({
            path: display(path),
            oldPath: before !== undefined ? display(path) : null,
            newPath: after !== undefined ? display(path) : null,
            type,
            status,
            changes: [],
            handovers: [],
            sameMeaning: null,
            diagnostics
        });
    }
    files.sort((a, b) => compareCodePoints(a.path, b.path) || compareCodePoints(a.oldPath ?? '', b.oldPath ?? ''));

    // Changed organisations and measure types, with the plans that name them on either side.
    const renamedTo = new Map(pairs.filter(p => p.old !== undefined && p.new !== undefined).map(p => [p.old!, p.new!]));
    const catalogue: CatalogueChange[] = [];
    pairs.forEach((pair, index) => {
        for (const change of changeSet.files[index].changes) {
            if (change.kind !== 'organisation' && change.kind !== 'measure type') continue;
            const type: GlobalType = change.kind === 'organisation' ? 'Organisation' : 'MeasureType';
            const plans: NamingPlan[] = [];
            const add = (plan: string, path: string) => {
                const file = display(path);
                if (!plans.some(p => p.plan === plan && p.file === file)) plans.push({ plan, file });
            };
            if (pair.old !== undefined) {
                const root = baseSide.rootOf.get(pair.old);
                for (const namer of baseSide.namers.get(`${root}\0${type}\0${change.name}`) ?? []) {
                    const now = renamedTo.get(namer.path) ?? namer.path;
                    add(namer.plan, head.files.has(now) ? now : namer.path);
                }
            }
            if (pair.new !== undefined) {
                const root = headSide.rootOf.get(pair.new);
                for (const namer of headSide.namers.get(`${root}\0${type}\0${change.newName ?? change.name}`) ?? []) add(namer.plan, namer.path);
            }
            plans.sort((a, b) => compareCodePoints(a.file, b.file) || compareCodePoints(a.plan, b.plan));
            catalogue.push({
                file: display(pair.new ?? pair.old!), change: change.change, kind: change.kind, name: change.name,
                ...(change.newName !== undefined ? { newName: change.newName } : {}), plans
            });
        }
    });

    const notes: ReviewNote[] = [];
    const locale = options.locale ?? options.defaultLocale;
    for (const [side, snapshot] of [['base', base], ['head', head]] as const) {
        for (const [path, reason] of snapshot.unreadable) notes.push({ side, file: display(path), reason: reason(locale) });
    }

    const workspaces = [...new Set([...baseSide.rootOf.values(), ...headSide.rootOf.values()])]
        .map(root => relative(cwd, root).replace(/\\/g, '/') || '.')
        .sort(compareCodePoints);
    const introduced = files.flatMap(f => f.diagnostics.introduced);
    const resolved = files.flatMap(f => f.diagnostics.resolved);
    const review: Review = {
        version: REVIEW_FORMAT_VERSION,
        base: { revision: baseRevision, commit: baseCommit },
        head: { revision: headRevision ?? null, commit: headCommit ?? null },
        workspaces,
        files,
        catalogue,
        notes,
        summary: {
            files: files.length,
            added: changeSet.summary.added,
            changed: changeSet.summary.changed,
            removed: changeSet.summary.removed,
            introduced: countBySeverity(introduced),
            resolved: countBySeverity(resolved)
        }
    };
    return {
        review, timelines: options.timelines ? timelinesOf(pairs, changeSet.files, baseSide, headSide, display) : [],
        workingTreeFiles: [
            ...headCommit === undefined ? [...head.files.keys(), ...head.unreadable.keys()].map(path => absolute(head.top, path)) : [],
            ...options.config ? [options.config.absolutePath] : []
        ]
    };
}

function configPaths(snapshot: RevisionSnapshot): string[] {
    return [...snapshot.files.keys()].filter(path => snapshotKindOf(path) === 'config');
}

/** The plans each changed file's changes touch, with both timelines and the items to mark. */
function timelinesOf(pairs: readonly Pair[], diffs: readonly FileDiff[], baseSide: Side, headSide: Side, display: (path: string) => string): PlanTimelines[] {
    const result: PlanTimelines[] = [];
    pairs.forEach((pair, index) => {
        const diff = diffs[index];
        const before = pair.old !== undefined ? baseSide.timelines.get(pair.old) : undefined;
        const after = pair.new !== undefined ? headSide.timelines.get(pair.new) : undefined;
        // Plans by their name on the head side; a renamed plan keeps its old name on the base side.
        const plans = new Map<string, { oldName?: string; newName?: string; before: ChangedItem[]; after: ChangedItem[] }>();
        const entry = (oldName: string | undefined, newName: string | undefined) => {
            const key = newName ?? oldName!;
            let value = plans.get(key);
            if (!value) plans.set(key, value = { oldName, newName, before: [], after: [] });
            return value;
        };
        const planRenames = new Map(diff.changes.filter(c => c.kind === 'plan' && c.change === 'renamed').map(c => [c.newName!, c.name]));
        const oldNameOf = (name: string) => planRenames.get(name) ?? name;
        for (const change of diff.changes) {
            if (change.kind === 'plan') {
                if (change.change === 'added') entry(undefined, change.name);
                else if (change.change === 'removed') entry(change.name, undefined);
                else if (change.change === 'renamed') entry(change.name, change.newName);
                else entry(change.name, change.name);
                continue;
            }
            if (change.plan === undefined) continue;
            const plan = entry(oldNameOf(change.plan), change.plan);
            if (change.change !== 'added') plan.before.push({ kind: change.kind, key: change.name });
            if (change.change !== 'removed') plan.after.push({ kind: change.kind, key: newKeyOf(change) });
        }
        for (const handover of diff.handovers) entry(oldNameOf(handover.plan), handover.plan);
        for (const [, plan] of plans) {
            const beforeModel = plan.oldName !== undefined ? before?.get(plan.oldName) : undefined;
            const afterModel = plan.newName !== undefined ? after?.get(plan.newName) : undefined;
            if (!beforeModel && !afterModel) continue;
            result.push({
                file: display(pair.new ?? pair.old!),
                plan: plan.newName ?? plan.oldName!,
                ...(beforeModel ? { before: beforeModel } : {}),
                ...(afterModel ? { after: afterModel } : {}),
                marked: {
                    before: beforeModel ? timelineMarks(baseSide.sources.get(pair.old!)?.root, plan.oldName!, beforeModel, plan.before) : [],
                    after: afterModel ? timelineMarks(headSide.sources.get(pair.new!)?.root, plan.newName!, afterModel, plan.after) : []
                }
            });
        }
    });
    return result;
}

