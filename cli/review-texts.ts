/**
 * The texts of `vplan review` for people (its --help, its exit-2 reasons, and the text, Markdown
 * and HTML reports), as a catalogue of `Message`s rendered with `text()` like cli/cli-texts.ts.
 * Counts and severities come from language/i18n/phrases.ts; the nouns of items and the change
 * lines from language/diff/diff-texts.ts. A diagnostic is a *bevinding* in Dutch.
 */

import { message, words } from '../language/i18n/locale.js';
import { andList, fileCount, severityCount } from '../language/i18n/phrases.js';

export type ReviewStatusWord = 'added' | 'deleted' | 'modified' | 'renamed' | 'unchanged';

export const reviewTexts = {
    // --help
    review: words({
        en: 'what a change between two git revisions means: changed plans and catalogues, diagnostics introduced and resolved',
        nl: 'wat een wijziging tussen twee git-revisies inhoudelijk betekent: gewijzigde plannen en catalogi, nieuwe en opgeloste bevindingen'
    }),
    revisionsName: words({ en: '<base> [head]', nl: '<basis> [kop]' }),
    baseArgument: words({ en: 'the revision the change starts from (a branch, tag or commit)', nl: 'de revisie waar de wijziging van uitgaat (een branch, tag of commit)' }),
    headArgument: words({ en: 'the revision it ends at (default: the working tree with its uncommitted changes)', nl: 'de revisie waar ze eindigt (standaard: de werkmap met de wijzigingen die nog niet zijn vastgelegd)' }),
    formatOption: words({ en: 'output format', nl: 'uitvoerformaat' }),
    failOnNewOption: words({
        en: 'exit 1 when the change introduces an error (or more new warnings than --max-warnings)',
        nl: 'eindig met code 1 als de wijziging een fout invoert (of meer nieuwe waarschuwingen dan --max-warnings)'
    }),
    maxWarningsOption: words({ en: 'with --fail-on-new: the number of new warnings allowed', nl: 'met --fail-on-new: het toegestane aantal nieuwe waarschuwingen' }),

    // Exit 2: `vplan: WHAT: REASON`.
    notInWorkTree: words({ en: 'is not in a git work tree', nl: 'ligt niet in een git-werkmap' }),
    gitMissing: words({ en: 'cannot be run (vplan review needs git)', nl: 'kan niet worden gestart (vplan review heeft git nodig)' }),
    notARevision: words({ en: 'is not a revision of this repository', nl: 'is geen revisie van deze repository' }),
    gitFailed: message<{ reason: string }>({
        en: a => `failed: ${a.reason}`,
        nl: a => `mislukt: ${a.reason}`
    }),
    tooLargeInRevision: message<{ megabytes: number; limit: number }>({
        en: a => `is too large (${a.megabytes.toFixed(1)} MB; vplan reads plans up to ${a.limit} MB)`,
        nl: a => `is te groot (${a.megabytes.toFixed(1).replace('.', ',')} MB; vplan leest plannen tot ${a.limit} MB)`
    }),
    maxWarningsNeedsFailOnNew: words({ en: 'only counts with --fail-on-new', nl: 'telt alleen mee met --fail-on-new' }),

    // Exit 1: why --fail-on-new failed the run (one line on stderr).
    failIntroducedErrors: message<{ errors: number }>({
        en: a => `vplan review: the change introduces ${severityCount(a.errors, 'error', 'en')} (--fail-on-new)`,
        nl: a => `vplan review: de wijziging voert ${severityCount(a.errors, 'error', 'nl')} in (--fail-on-new)`
    }),
    failTooManyWarnings: message<{ warnings: number; max: number }>({
        en: a => `vplan review: the change introduces ${severityCount(a.warnings, 'warning', 'en')}, more than --max-warnings ${a.max} (--fail-on-new)`,
        nl: a => `vplan review: de wijziging voert ${severityCount(a.warnings, 'warning', 'nl')} in, meer dan --max-warnings ${a.max} (--fail-on-new)`
    }),

    // The reports.
    title: words({ en: 'vplan review', nl: 'vplan-beoordeling' }),
    workingTree: words({ en: 'the working tree', nl: 'de werkmap' }),
    revisions: message<{ base: string; head: string }>({
        en: a => `Review of ${a.base} → ${a.head}`,
        nl: a => `Beoordeling van ${a.base} → ${a.head}`
    }),
    workspaces: message<{ roots: string[] }>({
        en: a => `${a.roots.length === 1 ? 'Workspace' : 'Workspaces'}: ${a.roots.join(', ')}`,
        nl: a => `${a.roots.length === 1 ? 'Werkruimte' : 'Werkruimtes'}: ${a.roots.join(', ')}`
    }),
    noWorkspaces: words({ en: 'No plans in either revision.', nl: 'Geen plannen in beide revisies.' }),
    status: message<{ status: ReviewStatusWord }>({
        en: a => a.status,
        nl: a => ({ added: 'toegevoegd', deleted: 'verwijderd', modified: 'gewijzigd', renamed: 'hernoemd', unchanged: 'ongewijzigd' })[a.status]
    }),
    renamedFrom: message<{ old: string }>({ en: a => `renamed from ${a.old}`, nl: a => `hernoemd van ${a.old}` }),
    noChangesOfItsOwn: words({ en: 'No changes of its own.', nl: 'Geen eigen wijzigingen.' }),
    fileAdded: words({ en: 'New file.', nl: 'Nieuw bestand.' }),
    fileDeleted: words({ en: 'File deleted.', nl: 'Bestand verwijderd.' }),
    configChanged: words({ en: 'Settings changed.', nl: 'Instellingen gewijzigd.' }),
    nothing: words({
        en: 'No changes in meaning; no diagnostics introduced or resolved.',
        nl: 'Geen inhoudelijke wijzigingen; geen nieuwe of opgeloste bevindingen.'
    }),
    catalogue: words({ en: 'Changed organisations and measure types', nl: 'Gewijzigde organisaties en maatregeltypen' }),
    namedBy: message<{ plans: string[] }>({
        en: a => (a.plans.length > 0 ? `named by ${andList(a.plans, 'en')}` : 'named by no plan'),
        nl: a => (a.plans.length > 0 ? `genoemd in ${andList(a.plans, 'nl')}` : 'in geen enkel plan genoemd')
    }),
    planIn: message<{ plan: string; file: string }>({ en: a => `${a.plan} (${a.file})`, nl: a => `${a.plan} (${a.file})` }),
    notes: words({ en: 'Notes', nl: 'Opmerkingen bij de revisies' }),
    note: message<{ side: 'base' | 'head'; file: string; reason: string }>({
        en: a => `${a.side === 'base' ? 'base' : 'head'}: ${a.file} left out: ${a.reason}`,
        nl: a => `${a.side === 'base' ? 'basis' : 'kop'}: ${a.file} overgeslagen: ${a.reason}`
    }),
    /** The closing line: `3 files: 2 added, 1 changed, 0 removed; 1 error introduced`. */
    filesPart: message<{ files: number }>({ en: a => `${fileCount(a.files, 'en')}: `, nl: a => `${fileCount(a.files, 'nl')}: ` }),
    lineColumn: message<{ line: number; column: number }>({ en: a => `line ${a.line}:${a.column}`, nl: a => `regel ${a.line}:${a.column}` }),

    // Markdown and HTML.
    fileHeading: words({ en: 'File', nl: 'Bestand' }),
    statusHeading: words({ en: 'Change', nl: 'Wijziging' }),
    changesHeading: words({ en: 'Changes', nl: 'Wijzigingen' }),
    introducedHeading: words({ en: 'Introduced', nl: 'Nieuw' }),
    resolvedHeading: words({ en: 'Resolved', nl: 'Opgelost' }),
    before: message<{ revision: string }>({ en: a => `Before (${a.revision})`, nl: a => `Voor (${a.revision})` }),
    after: message<{ revision: string }>({ en: a => `After (${a.revision})`, nl: a => `Na (${a.revision})` }),
    planTimelines: message<{ plan: string }>({ en: a => `Timeline of plan ${a.plan}`, nl: a => `Tijdlijn van plan ${a.plan}` }),
    markedLegend: words({ en: 'Outlined: the items this change touches.', nl: 'Omlijnd: de onderdelen die deze wijziging raakt.' }),
    notInRevision: words({ en: 'Not in this revision.', nl: 'Niet in deze revisie.' })
};
