/**
 * The CLI in the user's language (cli/cli-texts.ts): with `--locale nl` or a Dutch LANG, `--help`,
 * every usage error and every exit-2 line are Dutch, one line each; English stays commander's and
 * vplan's own words. Runs the real binary.
 */

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { commandLineLocale } from '../../cli/common-options.js';
import { CLEAN_PLAN, ORGANISATIONS, ensureBuilt, lines, makeTempDir, removeDir, runVplan, writeFiles } from './cli-test-helpers.js';

let root: string;

beforeAll(() => {
    ensureBuilt();
    root = makeTempDir('vplan-l10n-');
    writeFiles(root, {
        'good/orgs.vplan': ORGANISATIONS,
        'good/plan.vplan': CLEAN_PLAN,
        'two/plan.vplan': `${CLEAN_PLAN}\n${CLEAN_PLAN.replace('plan linde_2026', 'plan berk_2026')}`,
        'none/orgs.vplan': ORGANISATIONS,
        'bad/latin1.vplan': Buffer.concat([Buffer.from('plan caf'), Buffer.from([0xe9]), Buffer.from(' "x" {\n}\n')]),
        'bad/binary.vplan': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01])
    });
});
afterAll(() => removeDir(root));

const DUTCH = { LANG: 'nl_NL.UTF-8' };

/** Help text with every run of white space (column padding, wrapped lines) as one space. */
function oneSpaced(help: string): string {
    return help.replace(/\s+/g, ' ');
}

describe('the locale of a command line', () => {
    test('its last valid --locale, else LC_ALL, LC_MESSAGES, LANG', () => {
        expect(commandLineLocale(['check', '--locale', 'nl'], {})).toBe('nl');
        expect(commandLineLocale(['check', '--locale=nl'], { LANG: 'en_US' })).toBe('nl');
        expect(commandLineLocale(['check', '--locale', 'en'], DUTCH)).toBe('en');
        expect(commandLineLocale(['check', '--locale', 'fr'], DUTCH)).toBe('nl');
        expect(commandLineLocale(['check'], { LC_ALL: 'nl_BE.UTF-8', LANG: 'en_US' })).toBe('nl');
        expect(commandLineLocale(['check', '--', '--locale', 'nl'], {})).toBe('en');
        expect(commandLineLocale([], {})).toBe('en');
    });
});

describe('--help', () => {
    const commands = [[], ['check'], ['fmt'], ['render'], ['diff'], ['export']];

    test.each(commands)('vplan %s --help in Dutch: headings, placeholders, descriptions and commander\'s extras', (...command: string[]) => {
        for (const run of [
            runVplan([...command, '--help'], { cwd: root, env: DUTCH }),
            runVplan([...command, '--help', '--locale', 'nl'], { cwd: root })
        ]) {
            expect(run.status).toBe(0);
            expect(run.stdout).toMatch(/^Gebruik: vplan/);
            expect(run.stdout).toContain('Opties:');
            expect(run.stdout).toContain('toon deze hulp');
            expect(run.stdout).not.toMatch(/Usage:|Options:|Arguments:|Commands:|\[options\]|\(default:|choices:|show help/);
        }
    });

    test('check --help in Dutch names every option and its choices', () => {
        const help = runVplan(['check', '--help'], { cwd: root, env: DUTCH }).stdout;
        // The words, not the layout: commander's column width follows the longest option.
        const words = oneSpaced(help);
        expect(help).toContain('Gebruik: vplan check [opties] [paden...]');
        expect(help).toContain('plannen controleren en hun bevindingen tonen');
        expect(words).toContain('--format <formaat> uitvoerformaat (keuzes: "text", "json", "sarif", "junit", "github", standaard: "text")');
        expect(help).toContain('--locale <taal>');
        expect(help).toContain('--config <bestand>');
        expect(words).toContain('--quiet alleen fouten tonen (standaard: nee)');
        expect(runVplan(['--help'], { cwd: root, env: DUTCH }).stdout).toContain('help [opdracht]');
    });

    test('English --help is commander\'s and vplan\'s English', () => {
        const help = runVplan(['check', '--help'], { cwd: root }).stdout;
        expect(help).toMatch(/^Usage: vplan check \[options\] \[paths\.\.\.\]\n\nvalidate plans and print their diagnostics\n\nArguments:\n/);
        const words = oneSpaced(help);
        expect(words).toContain('--format <format> output format (choices: "text", "json", "sarif", "junit", "github", default: "text")');
        expect(words).toContain('--quiet report errors only (default: false)');
        expect(oneSpaced(runVplan(['--help'], { cwd: root }).stdout)).toContain('help [command] display help for command');
    });
});

/** Runs and expects exit 2 with one line on stderr; returns that line. */
function exit2Line(args: string[], env?: Record<string, string>): string {
    const result = runVplan(args, { cwd: root, env });
    expect(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(2);
    const errorLines = lines(result.stderr);
    expect(errorLines, result.stderr).toHaveLength(1);
    return errorLines[0];
}

describe('usage errors: commander\'s, in Dutch, one line', () => {
    const cases: Array<[string, string[], string]> = [
        ['an unknown command, with a suggestion', ['chek'], "vplan: fout: onbekende opdracht 'chek' (bedoelde u check?)"],
        ['an unknown option', ['check', '--bogus'], "vplan: fout: onbekende optie '--bogus'"],
        ['a value outside the choices', ['check', '--format', 'xml'], "vplan: fout: de waarde 'xml' van de optie '--format <formaat>' is ongeldig. Toegestaan: text, json, sarif, junit, github."],
        ['an invalid number', ['check', '--max-warnings', 'x'], "vplan: fout: de waarde 'x' van de optie '--max-warnings <n>' is ongeldig. Geef een geheel getal, zoals 0."],
        ['a missing argument', ['render'], "vplan: fout: het argument 'bestand' ontbreekt"],
        ['an option without its value', ['check', '--quiet', '--config'], "vplan: fout: de optie '--config <bestand>' mist een waarde"],
        ['too many arguments', ['export', 'a.vplan', 'b.vplan'], "vplan: fout: te veel argumenten voor 'export': 1 verwacht, 2 gekregen: a.vplan, b.vplan."]
    ];

    test.each(cases)('%s', (_name, args, expected) => {
        // --locale right after the command, so that an option missing its value is the last word.
        const line = exit2Line(args.length > 1 ? [args[0], '--locale', 'nl', ...args.slice(1)] : [...args, '--locale', 'nl']);
        expect(line).toBe(`${expected} (zie vplan --help voor het gebruik)`);
        expect(exit2Line(args, DUTCH)).toBe(line);
    });

    test('in English they are commander\'s own, and a suggestion stays on the line', () => {
        expect(exit2Line(['chek'])).toBe("vplan: error: unknown command 'chek' (Did you mean check?) (run vplan --help for usage)");
        expect(exit2Line(['check', '--format', 'xml'])).toBe(
            "vplan: error: option '--format <format>' argument 'xml' is invalid. Allowed choices are text, json, sarif, junit, github. (run vplan --help for usage)");
    });
});

describe('exit 2: one Dutch line naming the file and the reason', () => {
    const cases: Array<[string, string[], string]> = [
        ['a missing file', ['check', 'bad/missing.vplan'], 'vplan: bad/missing.vplan: bestand of map bestaat niet'],
        ['a folder where a file is expected', ['export', 'good'], 'vplan: good: is een map, geen bestand'],
        ['text that is not UTF-8', ['check', 'bad/latin1.vplan'], 'vplan: bad/latin1.vplan: is geen UTF-8-tekst (eerste ongeldige byte op positie 8)'],
        ['a binary file', ['check', 'bad/binary.vplan'], 'vplan: bad/binary.vplan: is een binair bestand, geen plantekst'],
        ['a device, not a regular file', ['check', '/dev/null'], 'vplan: /dev/null: is een apparaat, geen gewoon bestand'],
        ['a missing --config', ['check', '--config', 'nope.json', 'good'], 'vplan: nope.json: bestand of map bestaat niet (opgegeven met --config)'],
        ['several plans without --plan', ['render', 'two/plan.vplan'], 'vplan: two/plan.vplan: bevat meer plannen (linde_2026, berk_2026); kies er een met --plan'],
        ['an unknown --plan', ['export', '--plan', 'eik', 'good/plan.vplan'], "vplan: good/plan.vplan: bevat geen plan 'eik' (plannen: linde_2026)"],
        ['no plan to export', ['export', 'none/orgs.vplan'], 'vplan: none/orgs.vplan: bevat geen plan om te exporteren'],
        ['one file for diff', ['diff', 'good/plan.vplan'], 'vplan: diff: verwacht twee bestanden, OUD en NIEUW (kreeg er 1)']
    ];

    test.each(cases)('%s', (_name, args, expected) => {
        expect(exit2Line([...args, '--locale', 'nl'])).toBe(expected);
        expect(exit2Line(args, DUTCH)).toBe(expected);
    });

    test('the same lines in English', () => {
        expect(exit2Line(['check', 'bad/missing.vplan'])).toBe('vplan: bad/missing.vplan: no such file or folder');
        expect(exit2Line(['export', 'none/orgs.vplan'])).toBe('vplan: none/orgs.vplan: holds no plan to export');
        expect(exit2Line(['render', 'none/orgs.vplan'])).toBe('vplan: none/orgs.vplan: holds no plan to render');
    });
});

describe('lines around the results', () => {
    test('the summary of `vplan check` counts opmerkingen, never meldingen', () => {
        const dutch = lines(runVplan(['check', 'good'], { cwd: root, env: DUTCH }).stdout).at(-1);
        expect(dutch).toMatch(/^2 bestanden gecontroleerd: \d+ fouten?, \d+ waarschuwing(en)?, \d+ opmerking(en)?\.$/);
        expect(lines(runVplan(['check', 'good'], { cwd: root }).stdout).at(-1)).toMatch(/^2 files checked: \d+ errors?, \d+ warnings?, \d+ infos?\.$/);
    });
});
