/**
 * `vplan diff OLD NEW` (cli.md, version 2) through the real binary: each side in its own
 * workspace, organisations and measure types diffed like plan items, whole added and removed
 * items, names as written, keywords, renames, "only comments / only layout", the count line, and
 * JSON that follows schemas/vplan-diff.schema.json. The git driver: diff-git-driver.test.ts.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLEAN_PLAN, ORGANISATIONS, REPO_ROOT, ensureBuilt, lines, makeTempDir, removeDir, runVplan, writeFiles } from './cli-test-helpers.js';

const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas/vplan-diff.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

/** Parses `vplan diff --format json` output and checks it against the published schema. */
function json(stdout: string) {
    const document = JSON.parse(stdout);
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    return document;
}

/** The clean plan with regie handed over a week later and the huisverbod extended. */
const CHANGED_PLAN = CLEAN_PLAN
    .replace('vt_noord from 2026-01-12 to 2026-02-09', 'vt_noord from 2026-01-12 to 2026-02-16')
    .replace('wt_oost from 2026-02-09', 'wt_oost from 2026-02-16')
    .replace('        from 2026-01-12 for 10 days\n', '        from 2026-01-12 for 10 days\n        extend for 18 days\n');

/** The huisverbod extended past its legal limit of 28 days (VP030) and regie left with the wijkteam while it runs (VP013). */
const TOO_LONG_PLAN = CLEAN_PLAN
    .replace('        from 2026-01-12 for 10 days\n', '        from 2026-01-12 for 10 days\n        extend for 30 days\n')
    .replace('vt_noord from 2026-01-12 to 2026-02-09 "Tijdens huisverbod"', 'wt_oost from 2026-01-12 to 2026-02-09 "Tijdens huisverbod"');

const MOVED_EN = 'regie moves from vt_noord to wt_oost on 2026-02-16 instead of 2026-02-09';
const MOVED_NL = 'regie gaat van vt_noord naar wt_oost over op 2026-02-16 in plaats van 2026-02-09';

/** A regional measure type in a catalogue file, and a plan that uses it. */
const CATALOGUE = `${ORGANISATIONS}
measure type regio_drang "Regionale drangafspraak" {
    mode drang
    total max 6 months
}
`;
const DRANG_PLAN = CLEAN_PLAN.replace('    intervention hulp', `    measure afspraak regio_drang {
        on tom
        by vt_noord
        from 2026-01-12 for 5 months
    }

    intervention hulp`);

let root: string;

beforeAll(() => {
    ensureBuilt();
    root = makeTempDir('vplan-diff-');
    writeFiles(root, {
        'old/orgs.vplan': ORGANISATIONS, 'old/plan.vplan': CLEAN_PLAN,
        'new/orgs.vplan': ORGANISATIONS, 'new/plan.vplan': CHANGED_PLAN,
        'broken/orgs.vplan': ORGANISATIONS, 'broken/plan.vplan': CHANGED_PLAN.replace('        by burg_noord\n', '        by onbekende_org\n'),
        'alone/plan.vplan': CLEAN_PLAN,
        'cfg/vplan.config.json': '{}', 'cfg/orgs.vplan': ORGANISATIONS, 'cfg/plans/plan.vplan': CLEAN_PLAN,
        // Two versions of one plan side by side, as the README's first example has them.
        'together/orgs.vplan': ORGANISATIONS, 'together/plan-v1.vplan': CLEAN_PLAN, 'together/plan-v2.vplan': TOO_LONG_PLAN,
        'copies/old.txt': CLEAN_PLAN,
        // A catalogue with the plans that name it; old versions of the catalogue as lone copies.
        'regio/catalogus.vplan': CATALOGUE, 'regio/plan.vplan': DRANG_PLAN,
        'versions/kind/catalogus.vplan': CATALOGUE.replace('kind burgemeester', 'kind ggz'),
        'versions/removed/catalogus.vplan': CATALOGUE.replace('organisation ggz_noord "GGZ Noord" kind ggz\n', ''),
        'versions/shorter/catalogus.vplan': CATALOGUE.replace('total max 6 months', 'total max 3 months')
    });
});
afterAll(() => removeDir(root));

describe('vplan diff OLD NEW', () => {
    test('prints the changes in meaning and a count line, and exits 0', () => {
        const result = runVplan(['diff', 'old/plan.vplan', 'new/plan.vplan'], { cwd: root });
        expect(result.status).toBe(0);
        expect(result.stderr).toBe('');
        expect(lines(result.stdout)).toEqual([
            'plan linde_2026:',
            '  ~ measure hv: from 2026-01-12 to 2026-01-22 → 2026-01-12 to 2026-02-09; extend +for 18 days',
            `  ~ ${MOVED_EN}`,
            '0 added, 2 changed, 0 removed'
        ]);
    });

    test('two versions of one plan in one folder are not duplicates of each other', () => {
        // Before: bogus VP080/VP081, and the VP030 and VP013 the change introduces went missing.
        const result = runVplan(['diff', 'together/plan-v1.vplan', 'together/plan-v2.vplan'], { cwd: root });
        expect(result.status).toBe(0);
        expect(result.stdout).not.toMatch(/VP080|VP081/);
        expect(result.stdout).toMatch(/^ {2}\+ VP030 error: /m);
        expect(result.stdout).toMatch(/^ {2}\+ VP013 warning: /m);
        expect(result.stdout).toMatch(/; 1 error, 1 warning introduced\n$/);
    });

    test('a lone copy is read in the other side\'s workspace, in its place', () => {
        // alone/ holds no other plan file: its references resolve in old/'s workspace, not nowhere.
        const result = runVplan(['diff', 'old/plan.vplan', 'alone/plan.vplan'], { cwd: root });
        expect(result.stdout).toBe('No differences.\n0 added, 0 changed, 0 removed\n');
        expect(runVplan(['diff', 'alone/plan.vplan', 'broken/plan.vplan'], { cwd: root }).stdout).toMatch(/Diagnostics introduced:\n {2}\+ VP081 error: .*onbekende_org/);
        expect(runVplan(['diff', 'old/plan.vplan', 'cfg/plans/plan.vplan'], { cwd: root }).stdout).toBe('No differences.\n0 added, 0 changed, 0 removed\n');
    });

    test('a FILE is plan text whatever its name', () => {
        // Before: "internal error: The service registry contains no services for the extension '.txt'".
        const result = runVplan(['diff', 'copies/old.txt', 'new/plan.vplan'], { cwd: root });
        expect(result).toMatchObject({ status: 0, stderr: '' });
        expect(result.stdout).toContain(MOVED_EN);
        expect(result.stdout).not.toContain('VP081');
    });

    test('a changed organisation kind shows, with the diagnostics it introduces in plans elsewhere', () => {
        // Before: "No differences in meaning".
        const result = runVplan(['diff', 'versions/kind/catalogus.vplan', 'regio/catalogus.vplan'], { cwd: root });
        expect(result.stdout).toContain('~ organisation burg_noord: kind ggz → burgemeester');
        expect(runVplan(['diff', 'regio/catalogus.vplan', 'versions/kind/catalogus.vplan'], { cwd: root }).stdout).toMatch(
            /~ organisation burg_noord: kind burgemeester → ggz\nDiagnostics introduced:\n {2}\+ regio\/plan\.vplan:\d+: VP033 warning: Measure 'hv'/
        );
    });

    test('a removed organisation is shown whole, with the VP081 it causes elsewhere', () => {
        const result = runVplan(['diff', 'regio/catalogus.vplan', 'versions/removed/catalogus.vplan'], { cwd: root });
        expect(result.stdout).toContain('- organisation ggz_noord "GGZ Noord" kind ggz\n');
        expect(result.stdout).toMatch(/\+ regio\/plan\.vplan:\d+: VP081 error: 'ggz_noord'/);
        expect(result.stdout).toMatch(/0 added, 0 changed, 1 removed; 1 error introduced\n$/);
    });

    test('a measure type\'s total max changes, and VP030 follows in the plan that uses it', () => {
        const result = runVplan(['diff', 'regio/catalogus.vplan', 'versions/shorter/catalogus.vplan'], { cwd: root });
        expect(result.stdout).toContain('~ measure type regio_drang: total max 6 months → 3 months');
        expect(result.stdout).toMatch(/\+ regio\/plan\.vplan:\d+: VP030 error: /);
        const back = json(runVplan(['diff', '--format', 'json', 'versions/shorter/catalogus.vplan', 'regio/catalogus.vplan'], { cwd: root }).stdout);
        expect(back.changes).toEqual([{ change: 'changed', kind: 'measure type', name: 'regio_drang', fields: [{ field: 'total max', old: '3 months', new: '6 months' }] }]);
        expect(back.diagnostics.resolved).toEqual([expect.objectContaining({ file: 'regio/plan.vplan', code: 'VP030', severity: 'error' })]);
        expect(back.summary).toEqual({ added: 0, changed: 1, removed: 0, introduced: { errors: 0, warnings: 0, infos: 0 }, resolved: { errors: 1, warnings: 0, infos: 0 } });
    });

    test('Dutch with --locale nl or a Dutch LANG; keywords stay the language\'s', () => {
        expect(runVplan(['diff', '--locale', 'nl', 'old/plan.vplan', 'new/plan.vplan'], { cwd: root }).stdout).toContain(MOVED_NL);
        const dutch = runVplan(['diff', 'old/plan.vplan', 'new/plan.vplan'], { cwd: root, env: { LANG: 'nl_NL.UTF-8' } }).stdout;
        expect(dutch).toContain('  ~ maatregel hv: from 2026-01-12 to 2026-01-22 → 2026-01-12 to 2026-02-09; extend +for 18 days');
        expect(dutch).toMatch(/0 toegevoegd, 2 gewijzigd, 0 verwijderd\n$/);
        // A diagnostic is a *bevinding* with a Dutch severity (never a *melding*: that is a report of violence).
        const introduced = runVplan(['diff', '--locale', 'nl', 'old/plan.vplan', 'broken/plan.vplan'], { cwd: root }).stdout;
        expect(introduced).toMatch(/Nieuwe bevindingen:\n {2}\+ VP081 fout: .*onbekende_org/);
        // The name as written, not `(geen)`: whether it resolves is the diagnostic's business.
        expect(introduced).toContain('~ maatregel hv: by burg_noord → onbekende_org');
        expect(introduced).toMatch(/; 1 fout nieuw\n$/);
        const resolved = runVplan(['diff', '--locale', 'nl', 'broken/plan.vplan', 'old/plan.vplan'], { cwd: root }).stdout;
        expect(resolved).toMatch(/Opgeloste bevindingen:\n {2}- VP081 fout: /);
        expect(introduced + resolved).not.toMatch(/melding|Diagnostics|\berror\b/);
    });

    test('--format json follows the published schema', () => {
        const document = json(runVplan(['diff', '--format', 'json', 'old/plan.vplan', 'new/plan.vplan'], { cwd: root }).stdout);
        expect(document).toMatchObject({ version: 2, old: 'old/plan.vplan', new: 'new/plan.vplan', identical: false, sameMeaning: null, notes: [] });
        expect(document.handovers).toEqual([{ plan: 'linde_2026', change: 'moved', from: 'vt_noord', to: 'wt_oost', oldDate: '2026-02-09', newDate: '2026-02-16' }]);
        const broken = json(runVplan(['diff', '--format', 'json', 'broken/plan.vplan', 'old/plan.vplan'], { cwd: root }).stdout);
        expect(broken.diagnostics.resolved.map((d: { code: string }) => d.code)).toEqual(['VP081']);
        expect(broken.diagnostics.introduced).toEqual([]);
        expect(broken.diagnostics.resolved[0]).toMatchObject({ file: 'broken/plan.vplan', line: expect.any(Number), severity: 'error' });
        for (const [a, b] of [['old/plan.vplan', 'alone/plan.vplan'], ['regio/catalogus.vplan', 'versions/removed/catalogus.vplan'], ['together/plan-v1.vplan', 'together/plan-v2.vplan']]) {
            json(runVplan(['diff', '--format', 'json', a, b], { cwd: root }).stdout);
        }
    });

    test('needs exactly two files; a file that cannot be read is exit 2 with one line', () => {
        for (const args of [['diff'], ['diff', 'old/plan.vplan'], ['diff', 'a', 'b', 'c'], ['diff', 'old/plan.vplan', 'missing.vplan']]) {
            const result = runVplan(args, { cwd: root });
            expect(result.status).toBe(2);
            expect(lines(result.stderr)).toHaveLength(1);
        }
    });
});

describe('what a changed plan shows', () => {
    let dir: string;
    const diff = (oldText: string, newText: string, extra: string[] = []) => {
        writeFiles(dir, { 'plans/old.vplan': oldText, 'plans/new.vplan': newText });
        // old.vplan and new.vplan share the folder with orgs.vplan: each is read without the other.
        return runVplan(['diff', ...extra, 'plans/old.vplan', 'plans/new.vplan'], { cwd: dir });
    };
    beforeAll(() => {
        dir = makeTempDir('vplan-diff-items-');
        writeFiles(dir, { 'plans/orgs.vplan': ORGANISATIONS });
    });
    afterAll(() => removeDir(dir));

    test('an added or removed item is shown whole, as written', () => {
        // Before: `+ measure hv2` with a few fields, `- intervention hulp` by name only.
        const withMeasure = CLEAN_PLAN.replace('    intervention hulp', '    measure ots_pim ots {\n        on pim\n        by onbekende_rechter\n        from 2026-02-01 for 1 year\n    }\n\n    intervention hulp');
        const added = diff(CLEAN_PLAN, withMeasure).stdout;
        expect(added).toContain([
            '  + measure ots_pim ots',
            '        on pim',
            '        by onbekende_rechter',
            '        from 2026-02-01 for 1 year'
        ].join('\n'));
        const withoutHelp = CLEAN_PLAN.replace(/ {4}intervention hulp[\s\S]*?\n {4}\}\n/, '');
        expect(diff(CLEAN_PLAN, withoutHelp).stdout).toContain([
            '  - intervention hulp "Daderhulp"',
            '        for tom',
            '        by ggz_noord',
            '        from 2026-01-20 for 6 months',
            '        framework drang',
            '        addresses geweld',
            '        fallback "Terugmelding bij uitval"'
        ].join('\n'));
    });

    test('unresolved names as written (never `?`), keywords (never `posedBy`)', () => {
        const next = CLEAN_PLAN.replace('        posed by tom\n', '        posed by tom, buurman\n').replace('checked by vt_noord', 'checked by wijkagent');
        const result = diff(CLEAN_PLAN, next).stdout;
        expect(result).toContain('  ~ risk geweld: posed by +buurman');
        expect(result).toContain('  ~ agreement contact: checked by vt_noord → wijkagent');
        expect(result).not.toMatch(/posedBy|checkedBy|\?/);
        const regie = diff(CLEAN_PLAN, CLEAN_PLAN.replace('        wt_oost from 2026-02-09\n', '        wt_west from 2026-02-09\n')).stdout;
        expect(regie).toContain('regie passes from vt_noord to wt_west on 2026-02-09');
        expect(regie).toContain('  + regie wt_west from 2026-02-09');
        expect(regie).not.toContain('?');
    });

    test('a member renamed and nothing else is a rename; its references are not repeated', () => {
        // Before: a removal, an addition and a line for every reference to the member.
        const next = CLEAN_PLAN.replace(/\bpim\b/g, 'pieter');
        const result = diff(CLEAN_PLAN, next);
        expect(lines(result.stdout)).toEqual([
            'plan linde_2026:',
            '  ~ member pim renamed to pieter',
            '0 added, 1 changed, 0 removed'
        ]);
        expect(diff(CLEAN_PLAN, next, ['--locale', 'nl']).stdout).toContain('~ gezinslid pim heet nu pieter');
        // A member whose name and kind change is not a rename.
        const other = diff(CLEAN_PLAN, next.replace('member pieter child', 'member pieter adult')).stdout;
        expect(other).toContain('  - member pim child born 2016 roles witness');
        expect(other).toContain('  + member pieter adult born 2016 roles witness');
    });

    test('v2 items: incidents, ended, actions, requires', () => {
        const next = CLEAN_PLAN
            .replace('        fallback "Terugmelding bij uitval"\n', '        fallback "Terugmelding bij uitval"\n        ended 2026-03-01 dropout\n')
            .replace('        client pim heard\n', '        client pim heard\n        action "Nieuwe afspraken" owner vt_noord due 2026-01-29\n')
            .replace('    evaluation 2026-04-15 "Evaluatie"', '    incident 2026-03-02 "Nieuwe melding"\n\n    evaluation 2026-04-15 "Evaluatie"');
        const result = diff(CLEAN_PLAN, next).stdout;
        expect(result).toContain('  ~ intervention hulp: ended (none) → 2026-03-01 dropout');
        expect(result).toContain('  ~ meeting Casusoverleg: action +"Nieuwe afspraken" owner vt_noord due 2026-01-29');
        expect(result).toContain('  + incident 2026-03-02 "Nieuwe melding"');
        const types = diff(CATALOGUE, CATALOGUE.replace('    total max 6 months\n', '    total max 6 months\n    requires ots\n')).stdout;
        expect(types).toContain('~ measure type regio_drang: requires +ots');
    });

    test('items without a name are paired by what they are: removing or inserting one of two titled alike touches only that one', () => {
        // Before: `~ meeting Casusoverleg #2: date 2026-03-02 → 2026-05-02; ...` and `- meeting 2026-05-02 "Casusoverleg"` (the one kept),
        // `~ incident Melding: date ...` and `- incident 2026-05-01 "Melding"`: 0 added, 2 changed, 2 removed.
        const meeting = (date: string, action: string) =>
            `    meeting ${date} "Casusoverleg" {\n        chair zvh_noord\n        participants vt_noord, wt_oost\n        client eva present\n        action ${action}\n    }\n\n`;
        const first = meeting('2026-03-02', '"Actie een" owner vt_noord due 2026-03-10');
        const second = meeting('2026-05-02', '"Actie twee" owner wt_oost due 2026-05-10');
        const evaluation = '    evaluation 2026-04-15 "Evaluatie"\n';
        const both = CLEAN_PLAN.replace(evaluation, `${first}${second}    incident 2026-03-01 "Melding"\n    incident 2026-05-01 "Melding"\n\n${evaluation}`);
        const later = CLEAN_PLAN.replace(evaluation, `${second}    incident 2026-05-01 "Melding"\n\n${evaluation}`);
        const removed = diff(both, later);
        expect(removed.status).toBe(0);
        expect(lines(removed.stdout)).toEqual([
            'plan linde_2026:',
            '  - meeting 2026-03-02 "Casusoverleg"',
            '        chair zvh_noord',
            '        participants vt_noord, wt_oost',
            '        client eva present',
            '        action "Actie een" owner vt_noord due 2026-03-10',
            '  - incident 2026-03-01 "Melding"',
            '0 added, 0 changed, 2 removed'
        ]);
        const inserted = json(diff(later, both, ['--format', 'json']).stdout);
        expect(inserted.changes.map((c: { change: string; kind: string; text: string[] }) => `${c.change} ${c.text[0]}`)).toEqual([
            'added meeting 2026-03-02 "Casusoverleg"', 'added incident 2026-03-01 "Melding"'
        ]);
        expect(inserted.summary).toMatchObject({ added: 2, changed: 0, removed: 0 });
        expect(lines(diff(later, both).stdout).at(-1)).toBe('2 added, 0 changed, 0 removed');
        // A lone meeting whose date moved is still that meeting, changed.
        const moved = diff(CLEAN_PLAN, CLEAN_PLAN.replace('meeting 2026-01-15 "Casusoverleg"', 'meeting 2026-01-22 "Casusoverleg"'));
        expect(lines(moved.stdout)).toEqual(['plan linde_2026:', '  ~ meeting Casusoverleg: date 2026-01-15 → 2026-01-22', '0 added, 1 changed, 0 removed']);
        expect(json(diff(CLEAN_PLAN, CLEAN_PLAN.replace('meeting 2026-01-15 "Casusoverleg"', 'meeting 2026-01-22 "Casusoverleg"'), ['--format', 'json']).stdout).changes).toEqual([
            { change: 'changed', kind: 'meeting', name: 'Casusoverleg', plan: 'linde_2026', fields: [{ field: 'date', old: '2026-01-15', new: '2026-01-22' }] }
        ]);
    });

    test('plan text with control characters is shown escaped, never acting on the terminal', () => {
        const next = CLEAN_PLAN.replace('"Veiligheidsplan gezin Linde"', '"Veiligheidsplan \u202egezin\u202c Linde \u001b[31m"');
        const result = diff(CLEAN_PLAN, next).stdout;
        expect(result).toContain('Veiligheidsplan \\u202egezin\\u202c Linde \\u001b[31m');
        // eslint-disable-next-line no-control-regex -- control characters are what is looked for
        expect(result).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202a-\u202e]/);
    });

    test('equal meaning says what changed instead: only comments, only layout', () => {
        expect(diff(CLEAN_PLAN, CLEAN_PLAN.replace('    status active', '    // Besproken in het MDO\n    status active')).stdout)
            .toBe('No differences in meaning: only comments changed.\n0 added, 0 changed, 0 removed\n');
        expect(diff(CLEAN_PLAN, CLEAN_PLAN.replace('    status active', 'status      active').replace(/\n\n/g, '\n')).stdout)
            .toBe('No differences in meaning: only the layout changed.\n0 added, 0 changed, 0 removed\n');
        expect(diff(CLEAN_PLAN, CLEAN_PLAN.replace('from 2026-01-12 for 10 days', 'from 2026-01-12 to 2026-01-22')).stdout)
            .toBe('No differences in meaning: only the way it is written changed.\n0 added, 0 changed, 0 removed\n');
        expect(diff(CLEAN_PLAN, CLEAN_PLAN.replace('    status active', '    // MDO\n    status active'), ['--locale', 'nl']).stdout)
            .toBe('Geen inhoudelijke verschillen: alleen commentaar is gewijzigd.\n0 toegevoegd, 0 gewijzigd, 0 verwijderd\n');
        const document = json(diff(CLEAN_PLAN, CLEAN_PLAN.replace('    status active', '    status   active'), ['--format', 'json']).stdout);
        expect(document).toMatchObject({ identical: true, sameMeaning: 'layout', changes: [] });
    });
});

describe('another file\'s diagnostic that cites the compared file', () => {
    // Each version declares `organisation o`, and x.vplan (and sub/y.vplan) declare it again: the
    // same VP080 on both sides, citing plan-v1.vplan in the old run and plan-v2.vplan in the new.
    const PLAN = `organisation o "O" kind wijkteam

${CLEAN_PLAN}`;
    const PLAN_V2 = PLAN.replace('"Veiligheidsplan gezin Linde"', '"Veiligheidsplan gezin Linde (v2)"');
    const WITHOUT_O = CLEAN_PLAN.replace('"Veiligheidsplan gezin Linde"', '"Veiligheidsplan gezin Linde (v3)"');
    const others = (folder: string, duplicates = ['x.vplan', 'sub/y.vplan']) => ({
        [`${folder}/vplan.config.json`]: '{ "root": true }', [`${folder}/orgs.vplan`]: ORGANISATIONS,
        ...Object.fromEntries(duplicates.map(path => [`${folder}/${path}`, 'organisation o "O again" kind wijkteam\n']))
    });
    let dir: string;
    beforeAll(() => {
        dir = makeTempDir('vplan-diff-cites-');
        writeFiles(dir, {
            ...others('same'), 'same/plan-v1.vplan': PLAN, 'same/plan-v2.vplan': PLAN_V2,
            ...others('text'), 'text/old.txt': PLAN, 'text/plan-v2.vplan': PLAN_V2,
            // One duplicate each: two would be duplicates of each other once the version drops `o`.
            ...others('gone', ['x.vplan']), 'gone/plan-v1.vplan': PLAN, 'gone/plan-v3.vplan': WITHOUT_O,
            ...others('gone-text', ['x.vplan']), 'gone-text/old.txt': PLAN, 'gone-text/plan-v3.vplan': WITHOUT_O,
            ...others('gone-sub', ['sub/y.vplan']), 'gone-sub/old.txt': PLAN, 'gone-sub/sub/plan-v3.vplan': WITHOUT_O
        });
    });
    afterAll(() => removeDir(dir));

    const TITLE_ONLY = ['plan linde_2026:', '  ~ title "Veiligheidsplan gezin Linde" → "Veiligheidsplan gezin Linde (v2)"', '0 added, 1 changed, 0 removed'];

    test('is the same diagnostic whichever of the two versions it cites: neither introduced nor resolved', () => {
        const check = runVplan(['check', '.'], { cwd: join(dir, 'same') }).stdout;
        expect(check).toMatch(/^x\.vplan:1:\d+: error VP080 .*declared in plan-v1\.vplan, line 1/m);
        expect(check).toMatch(/^sub\/y\.vplan:1:\d+: error VP080 .*declared in \.\.\/plan-v1\.vplan, line 1/m);
        // Before: "1 error introduced, 1 resolved" for each of x.vplan and sub/y.vplan, where nothing changed.
        const result = runVplan(['diff', 'plan-v1.vplan', 'plan-v2.vplan'], { cwd: join(dir, 'same') });
        expect(result).toMatchObject({ status: 0, stderr: '' });
        expect(lines(result.stdout)).toEqual(TITLE_ONLY);
        const document = json(runVplan(['diff', '--format', 'json', 'same/plan-v2.vplan', 'same/plan-v1.vplan'], { cwd: dir }).stdout);
        expect(document.diagnostics).toEqual({ introduced: [], resolved: [] });
        // Also when the old version is named old.txt (read as plan text under a stand-in name).
        expect(lines(runVplan(['diff', 'old.txt', 'plan-v2.vplan'], { cwd: join(dir, 'text') }).stdout)).toEqual(TITLE_ONLY);
    });

    test('one that comes or goes with the change still shows, citing the compared file by its real name', () => {
        const resolved = runVplan(['diff', 'plan-v1.vplan', 'plan-v3.vplan'], { cwd: join(dir, 'gone') }).stdout;
        expect(resolved).toContain('  - x.vplan:1: VP080 error: The name \'o\' is already used by an organisation declared in plan-v1.vplan, line 1;');
        expect(resolved).toMatch(/; 1 error resolved\n$/);
        // Before: "declared in old.txt.vplan", a file that does not exist.
        const fromText = runVplan(['diff', 'old.txt', 'plan-v3.vplan'], { cwd: join(dir, 'gone-text') }).stdout;
        expect(fromText).toBe(resolved.replace('declared in plan-v1.vplan', 'declared in old.txt'));
        const toText = json(runVplan(['diff', '--format', 'json', '--locale', 'nl', 'gone-text/plan-v3.vplan', 'gone-text/old.txt'], { cwd: dir }).stdout);
        expect(toText.diagnostics.introduced).toEqual([expect.objectContaining({ file: 'gone-text/x.vplan', message: expect.stringContaining('gedeclareerd in old.txt, regel 1)') })]);
        // From another folder: the path relative to the citing file, as `vplan check` writes it.
        const sub = runVplan(['diff', 'old.txt', 'sub/plan-v3.vplan'], { cwd: join(dir, 'gone-sub') }).stdout;
        expect(sub).toContain('  - sub/y.vplan:1: VP080 error: The name \'o\' is already used by an organisation declared in ../old.txt, line 1;');
        expect(sub).not.toContain('old.txt.vplan');
        expect(sub).toMatch(/; 1 error resolved\n$/);
    });
});
