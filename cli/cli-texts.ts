/**
 * Every text of the `vplan` command for people, as one catalogue of `Message`s rendered with
 * `text()` (language/i18n/locale.ts): `--help` (descriptions, headings, placeholders), usage
 * errors, the one line of every exit 2, and the lines the commands print around their results.
 * Counts and severities come from language/i18n/phrases.ts. Machine-readable tokens (the
 * severity field of `PATH:LINE:COLUMN: SEVERITY VPnnn`, JSON keys, option names) are the
 * contract's and never translated.
 */

import { message, words } from '../language/i18n/locale.js';
import { fileCount, severityCount } from '../language/i18n/phrases.js';

export const cliTexts = {
    // --help: the program, its commands, arguments and options.
    program: words({
        en: 'Check, format, draw and compare structured safety plans (.vplan files).',
        nl: 'Gestructureerde veiligheidsplannen (.vplan-bestanden) controleren, opmaken, tekenen en vergelijken.'
    }),
    versionOption: words({ en: 'print the version', nl: 'toon het versienummer' }),
    helpOption: words({ en: 'show help', nl: 'toon deze hulp' }),
    helpCommand: words({ en: 'display help for command', nl: 'toon de hulp bij een opdracht' }),
    localeOption: words({
        en: 'language of messages (default: from LC_ALL, LC_MESSAGES or LANG)',
        nl: 'taal van de uitvoer (standaard: volgens LC_ALL, LC_MESSAGES of LANG)'
    }),
    configOption: words({ en: 'use this vplan.config.json instead of the nearest one', nl: 'gebruik dit vplan.config.json in plaats van het dichtstbijzijnde' }),
    pathsArgument: words({ en: 'files or folders (default: the current folder)', nl: 'bestanden of mappen (standaard: de huidige map)' }),
    fileArgument: words({ en: 'the plan file', nl: 'het planbestand' }),
    check: words({ en: 'validate plans and print their diagnostics', nl: 'plannen controleren en hun bevindingen tonen' }),
    formatOption: words({ en: 'output format', nl: 'uitvoerformaat' }),
    maxWarningsOption: words({ en: 'exit 1 when there are more than N warnings', nl: 'eindig met code 1 bij meer dan N waarschuwingen' }),
    quietOption: words({ en: 'report errors only', nl: 'alleen fouten tonen' }),
    fmt: words({
        en: 'rewrite plans into the canonical layout (with --check: only list the files that are not)',
        nl: 'plannen herschrijven in de standaardopmaak (met --check: alleen de bestanden noemen die dat niet hebben)'
    }),
    fmtCheckOption: words({
        en: 'write nothing; list files that are not canonical and exit 1 if there are any',
        nl: 'niets schrijven; noem de bestanden zonder standaardopmaak en eindig met code 1 als die er zijn'
    }),
    render: words({
        en: 'draw the timeline of the plan in FILE as self-contained HTML or SVG',
        nl: 'de tijdlijn van het plan in BESTAND tekenen als op zichzelf staande HTML of SVG'
    }),
    outputOption: words({ en: 'write to OUT (default: stdout)', nl: 'schrijf naar UITVOER (standaard: stdout)' }),
    renderFormatOption: words({ en: "output format (default: from OUT's extension, else html)", nl: 'uitvoerformaat (standaard: volgens de extensie van UITVOER, anders html)' }),
    renderPlanOption: words({ en: 'the plan to draw when FILE holds several', nl: 'het plan dat getekend wordt als BESTAND er meer bevat' }),
    diff: words({
        en: "compare two versions of a plan by meaning (with --git: act as git's external diff driver)",
        nl: 'twee versies van een plan inhoudelijk vergelijken (met --git: als externe diff-driver van git)'
    }),
    diffFilesArgument: words({
        en: 'OLD NEW, or with --git the seven arguments git passes: PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE',
        nl: 'OUD NIEUW, of met --git de zeven argumenten die git meegeeft: PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE'
    }),
    gitOption: words({ en: 'read the arguments of a git external diff driver (diff.vplan.command)', nl: 'lees de argumenten van een externe diff-driver van git (diff.vplan.command)' }),
    export: words({ en: 'print the resolved plan as JSON (schema: schemas/vplan-export.schema.json)', nl: 'het uitgewerkte plan als JSON tonen (schema: schemas/vplan-export.schema.json)' }),
    exportPlanOption: words({ en: 'the plan to export when FILE holds several', nl: 'het plan dat geëxporteerd wordt als BESTAND er meer bevat' }),

    // --help: commander's own words, which vplan replaces in Dutch (placeholders included).
    helpHeadings: message<{ heading: string }>({
        en: a => a.heading,
        nl: a => ({ 'Usage:': 'Gebruik:', 'Arguments:': 'Argumenten:', 'Options:': 'Opties:', 'Commands:': 'Opdrachten:', 'Global Options:': 'Algemene opties:' })[a.heading] ?? a.heading
    }),
    /** Commander's own tokens in a usage line or a command's term. */
    helpTokens: message<{ term: string }>({
        en: a => a.term,
        nl: a => a.term.replace(/\[options\]/g, '[opties]').replace(/\[command\]/g, '[opdracht]')
    }),
    // Arguments and option flags with their placeholders, as the help shows them.
    pathsName: words({ en: '[paths...]', nl: '[paden...]' }),
    fileName: words({ en: '<file>', nl: '<bestand>' }),
    filesName: words({ en: '[files...]', nl: '[bestanden...]' }),
    formatFlag: words({ en: '--format <format>', nl: '--format <formaat>' }),
    localeFlag: words({ en: '--locale <locale>', nl: '--locale <taal>' }),
    configFlag: words({ en: '--config <file>', nl: '--config <bestand>' }),
    outputFlag: words({ en: '-o, --output <out>', nl: '-o, --output <uitvoer>' }),
    /** An option's or argument's description with commander's `(choices: ..., default: ...)`. */
    helpExtras: message<{ description: string }>({
        en: a => a.description,
        nl: a => a.description.replace(/\bchoices: /g, 'keuzes: ').replace(/\bdefault: /g, 'standaard: ')
            .replace(/standaard: false\)/g, 'standaard: nee)').replace(/standaard: true\)/g, 'standaard: ja)')
    }),

    // Usage errors (commander's, in the locale) and the line around them.
    usageError: message<{ error: string }>({
        en: a => `vplan: ${a.error} (run vplan --help for usage)`,
        nl: a => `vplan: ${a.error} (zie vplan --help voor het gebruik)`
    }),
    /**
     * A usage error of commander (`error: unknown option '--x'`), by its code. Commander writes them
     * in English; in Dutch each known code is rewritten (a test covers every one vplan can meet),
     * an unknown one stays as commander wrote it. A suggestion is kept on the same line.
     */
    commanderError: message<{ code: string; error: string }>({
        en: a => a.error.replace(/\n\(Did you mean /, ' (Did you mean '),
        nl: a => dutchCommanderError(a.code, a.error.replace(/\n\(Did you mean /, ' (Did you mean '))
    }),
    /** `vplan` without a command (commander would print its whole help on stderr). */
    noCommand: words({ en: 'error: no command given', nl: 'fout: geen opdracht opgegeven' }),
    wholeNumber: words({ en: 'Give a whole number, such as 0.', nl: 'Geef een geheel getal, zoals 0.' }),
    positiveNumber: words({ en: 'Give a whole number of at least 1.', nl: 'Geef een geheel getal van minstens 1.' }),
    internalError: message<{ message: string }>({
        en: a => `vplan: internal error: ${a.message}`,
        nl: a => `vplan: interne fout: ${a.message}`
    }),

    // Exit 2: `vplan: PATH: REASON`.
    inputError: message<{ path: string; reason: string }>({
        en: a => `vplan: ${a.path}: ${a.reason}`,
        nl: a => `vplan: ${a.path}: ${a.reason}`
    }),
    noSuchFile: words({ en: 'no such file or folder', nl: 'bestand of map bestaat niet' }),
    permissionDenied: words({ en: 'permission denied', nl: 'geen toegang' }),
    isFolder: words({ en: 'is a folder, not a file', nl: 'is een map, geen bestand' }),
    notAFolderOnPath: words({ en: 'a part of the path is not a folder', nl: 'een deel van het pad is geen map' }),
    tooManyLinks: words({ en: 'too many symbolic links', nl: 'te veel symbolische koppelingen' }),
    cannotRead: message<{ code?: string }>({
        en: a => (a.code ? `cannot be read (${a.code})` : 'cannot be read'),
        nl: a => (a.code ? `kan niet worden gelezen (${a.code})` : 'kan niet worden gelezen')
    }),
    tooLarge: message<{ megabytes: number; limit: number }>({
        en: a => `file is too large (${a.megabytes.toFixed(1)} MB; vplan reads plans up to ${a.limit} MB)`,
        nl: a => `bestand is te groot (${a.megabytes.toFixed(1).replace('.', ',')} MB; vplan leest plannen tot ${a.limit} MB)`
    }),
    binary: words({ en: 'is a binary file, not plan text', nl: 'is een binair bestand, geen plantekst' }),
    notUtf8: message<{ offset: number }>({
        en: a => `is not UTF-8 text (first invalid byte at offset ${a.offset})`,
        nl: a => `is geen UTF-8-tekst (eerste ongeldige byte op positie ${a.offset})`
    }),
    /** A path named explicitly that is neither a folder nor a regular file (reading a FIFO would block). */
    notARegularFile: message<{ kind: 'fifo' | 'socket' | 'device' | 'other' }>({
        en: a => ({
            fifo: 'is a named pipe (FIFO), not a regular file', socket: 'is a socket, not a regular file',
            device: 'is a device, not a regular file', other: 'is not a regular file'
        })[a.kind],
        nl: a => ({
            fifo: 'is een named pipe (FIFO), geen gewoon bestand', socket: 'is een socket, geen gewoon bestand',
            device: 'is een apparaat, geen gewoon bestand', other: 'is geen gewoon bestand'
        })[a.kind]
    }),
    configMissing: words({ en: 'no such file or folder (given with --config)', nl: 'bestand of map bestaat niet (opgegeven met --config)' }),
    configNotAFile: words({ en: 'is not a file (given with --config)', nl: 'is geen bestand (opgegeven met --config)' }),
    cannotWriteDenied: words({ en: 'permission denied (cannot write)', nl: 'geen toegang (kan niet schrijven)' }),
    folderMissing: words({ en: 'the folder does not exist', nl: 'de map bestaat niet' }),
    cannotWrite: message<{ code?: string }>({
        en: a => (a.code ? `cannot be written (${a.code})` : 'cannot be written'),
        nl: a => (a.code ? `kan niet worden geschreven (${a.code})` : 'kan niet worden geschreven')
    }),
    unknownPlan: message<{ plan: string; plans: string[] }>({
        en: a => `holds no plan '${a.plan}' (plans: ${a.plans.join(', ') || 'none'})`,
        nl: a => `bevat geen plan '${a.plan}' (plannen: ${a.plans.join(', ') || 'geen'})`
    }),
    noPlan: message<{ command: 'render' | 'export' }>({
        en: a => `holds no plan to ${a.command}`,
        nl: a => `bevat geen plan om te ${a.command === 'render' ? 'tekenen' : 'exporteren'}`
    }),
    severalPlans: message<{ plans: string[] }>({
        en: a => `holds several plans (${a.plans.join(', ')}); pick one with --plan`,
        nl: a => `bevat meer plannen (${a.plans.join(', ')}); kies er een met --plan`
    }),
    diffGitArguments: message<{ count: number }>({
        en: a => `expects the 7 arguments of a git external diff driver, got ${a.count}`,
        nl: a => `verwacht de 7 argumenten van een externe diff-driver van git, kreeg er ${a.count}`
    }),
    diffTwoFiles: message<{ count: number }>({
        en: a => `expects two files, OLD and NEW (got ${a.count})`,
        nl: a => `verwacht twee bestanden, OUD en NIEUW (kreeg er ${a.count})`
    }),

    // Lines around the results.
    checkSummary: message<{ files: number; errors: number; warnings: number; infos: number }>({
        en: a => `${fileCount(a.files, 'en')} checked: ${severityCount(a.errors, 'error', 'en')}, `
            + `${severityCount(a.warnings, 'warning', 'en')}, ${severityCount(a.infos, 'info', 'en')}.`,
        nl: a => `${fileCount(a.files, 'nl')} gecontroleerd: ${severityCount(a.errors, 'error', 'nl')}, `
            + `${severityCount(a.warnings, 'warning', 'nl')}, ${severityCount(a.infos, 'info', 'nl')}.`
    }),
    formatUnavailable: message<{ format: string }>({
        en: a => `vplan check: the format '${a.format}' is not available`,
        nl: a => `vplan check: het formaat '${a.format}' is niet beschikbaar`
    }),
    emptyFile: message<{ file: string }>({
        en: a => `vplan check: ${a.file}: empty file (no declarations)`,
        nl: a => `vplan check: ${a.file}: leeg bestand (geen declaraties)`
    }),
    notFormatted: words({ en: 'not formatted', nl: 'niet geformatteerd' }),

    // check --stdin, --max-warnings, --progress (cli.md v2) and safe writing (fmt, render -o).
    stdinOption: words({
        en: 'check the text on stdin as if it were the file --stdin-filename PATH in its workspace',
        nl: 'controleer de tekst op stdin alsof het het bestand --stdin-filename PAD in zijn werkruimte is'
    }),
    stdinFilenameOption: words({ en: 'the path the text on stdin stands for (with --stdin)', nl: 'het pad waar de tekst op stdin voor staat (met --stdin)' }),
    progressOption: words({
        en: 'show progress on stderr also when it is not a terminal (on a terminal it shows for runs longer than about two seconds)',
        nl: 'toon de voortgang op stderr ook als dat geen terminal is (op een terminal verschijnt die bij werk van meer dan een paar seconden)'
    }),
    jobsOption: words({
        en: 'threads that check (default: one per CPU on machines with more than two CPUs, else 1)',
        nl: 'aantal threads dat controleert (standaard: één per processor bij meer dan twee processoren, anders 1)'
    }),
    changedOption: words({
        en: 'check only the files whose diagnostics a change since the git revision BASE can alter',
        nl: 'controleer alleen de bestanden waarvan een wijziging sinds de git-revisie BASIS de bevindingen kan veranderen'
    }),
    changedName: words({ en: 'BASE', nl: 'BASIS' }),
    changedWithStdin: words({ en: 'cannot be combined with --stdin', nl: 'gaat niet samen met --stdin' }),
    changedNoRepository: words({ en: 'is not inside a git repository', nl: 'ligt niet in een git-repository' }),
    changedUnknownRevision: words({ en: 'is not a revision git knows', nl: 'is geen revisie die git kent' }),
    stdinNeedsFilename: words({ en: 'needs --stdin-filename PATH: the file the text stands for', nl: 'vraagt om --stdin-filename PAD: het bestand waar de tekst voor staat' }),
    stdinFilenameNeedsStdin: words({ en: 'is only used with --stdin', nl: 'wordt alleen met --stdin gebruikt' }),
    stdinNoPaths: words({ en: 'takes no PATH: the text comes from stdin', nl: 'neemt geen PAD: de tekst komt van stdin' }),
    tooManyWarnings: message<{ warnings: number; max: number }>({
        en: a => `vplan found too many warnings: ${a.warnings} (maximum: ${a.max}).`,
        nl: a => `vplan vond te veel waarschuwingen: ${a.warnings} (maximum: ${a.max}).`
    }),
    progress: message<{ command: string; done: number; total: number }>({
        en: a => `vplan ${a.command}: ${a.done} of ${a.total} files done`,
        nl: a => `vplan ${a.command}: ${a.done} van ${a.total} bestanden klaar`
    }),
    outputIsPlanFile: words({
        en: 'is named like a plan or configuration file (.vplan, vplan.config.json); choose another output',
        nl: 'heeft de naam van een plan- of configuratiebestand (.vplan, vplan.config.json); kies een andere uitvoer'
    }),
    outputIsInput: words({ en: 'is a file this command reads; choose another output', nl: 'is een bestand dat deze opdracht leest; kies een andere uitvoer' }),
    danglingLink: words({ en: 'is a symbolic link to a file that does not exist', nl: 'is een symbolische koppeling naar een bestand dat niet bestaat' }),
    notAFileToWrite: words({ en: 'is a device or socket, not a file to write to', nl: 'is een apparaat of socket, geen bestand om naar te schrijven' }),
    readOnly: words({ en: 'is read-only; not rewritten', nl: 'is alleen-lezen; niet herschreven' }),
    changedMeanwhile: words({
        en: 'changed while vplan fmt ran; not rewritten (run vplan fmt again)',
        nl: 'is gewijzigd terwijl vplan fmt liep; niet herschreven (voer vplan fmt opnieuw uit)'
    }),
    formattedTooLarge: message<{ megabytes: number; limit: number }>({
        en: a => `the formatted text would be too large (${a.megabytes.toFixed(1)} MB; vplan reads plans up to ${a.limit} MB); not rewritten`,
        nl: a => `de opgemaakte tekst zou te groot worden (${a.megabytes.toFixed(1).replace('.', ',')} MB; vplan leest plannen tot ${a.limit} MB); niet herschreven`
    }),
    /** `vplan diff --git`: a side that is not plan text (the line of its exit 2, which the driver never gives). */
    diffSideNotCompared: message<{ line: string }>({
        en: a => `${a.line} (not compared: the other side is shown alone)`,
        nl: a => `${a.line} (niet vergeleken: alleen de andere kant staat hieronder)`
    }),
    diffWorkingTreeNote: words({
        en: "Note: both sides were resolved against the working tree's workspace (git does not tell a diff driver which commit it shows); `vplan review` is exact for history.",
        nl: 'Let op: beide kanten zijn gelezen in de werkruimte van de werkmap (git vertelt een diff-driver niet welke commit het toont); `vplan review` is exact voor de geschiedenis.'
    }),
    diffGitFailed: message<{ path: string; message: string }>({
        en: a => `vplan: could not compare ${a.path}: ${a.message}`,
        nl: a => `vplan: kon ${a.path} niet vergelijken: ${a.message}`
    }),
    unmergedPath: message<{ path: string }>({
        en: a => `* Unmerged path ${a.path}`,
        nl: a => `* Niet-samengevoegd pad ${a.path}`
    })
};

/** Commander's English usage errors in Dutch (commander.js 15's wording; tests/cli/localisation.test.ts). */
function dutchCommanderError(code: string, error: string): string {
    const suggestion = (text: string) => text.replace(/ \(Did you mean (.*)\?\)$/, ' (bedoelde u $1?)');
    const rules: Record<string, Array<[RegExp, string]>> = {
        'commander.unknownCommand': [[/^error: unknown command '(.*?)'/, "fout: onbekende opdracht '$1'"]],
        'commander.unknownOption': [[/^error: unknown option '(.*?)'/, "fout: onbekende optie '$1'"]],
        'commander.missingArgument': [[/^error: missing required argument '(.*)'$/, "fout: het argument '$1' ontbreekt"]],
        'commander.optionMissingArgument': [[/^error: option '(.*)' argument missing$/, "fout: de optie '$1' mist een waarde"]],
        'commander.invalidArgument': [
            [/^error: option '(.*?)' argument '(.*?)' is invalid\. Allowed choices are (.*)\.$/, "fout: de waarde '$2' van de optie '$1' is ongeldig. Toegestaan: $3."],
            [/^error: option '(.*?)' argument '(.*?)' is invalid\. (.*)$/, "fout: de waarde '$2' van de optie '$1' is ongeldig. $3"]
        ],
        'commander.excessArguments': [
            [/^error: too many arguments for '(.*?)'\. Expected (\d+) arguments? but got (\d+): (.*)\.$/, "fout: te veel argumenten voor '$1': $2 verwacht, $3 gekregen: $4."],
            [/^error: too many arguments\. Expected (\d+) arguments? but got (\d+): (.*)\.$/, 'fout: te veel argumenten: $1 verwacht, $2 gekregen: $3.']
        ]
    };
    for (const [pattern, replacement] of rules[code] ?? []) {
        if (pattern.test(error)) return suggestion(error.replace(pattern, replacement));
    }
    return error;
}
