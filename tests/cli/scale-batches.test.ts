/**
 * `vplan check` in batches (issue 14, items 1 and 2; cli/check-batches.ts) reports byte for byte
 * what the check of the whole workspace at once reports, through the real binary: on a generated
 * workspace whose files name each other across batches (duplicate plans and organisations,
 * unresolved names, a name of the wrong kind, a catalogue that sorts after the plans that use
 * it, a syntax error, a nested config), batched on this thread and on worker threads, with and
 * without the summary cache, for the whole workspace and for a folder of it.
 * `VPLAN_CHECK_BATCH=N` forces batches of N files.
 */

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { catalogueToVplan, generateCatalogue, generatePlan, planToVplan } from '../../bench/workload.js';
import { ensureBuilt, makeTempDir, removeDir, runVplan, writeFiles, type RunResult } from './cli-test-helpers.js';

let folder: string;
let cache: string;

/** The plan text of generated plan `index` (pseudonyms of bench/workload.ts). */
const plan = (index: number) => planToVplan(generatePlan(index));
const planId = (index: number) => generatePlan(index).id;

function workspace(): Record<string, string> {
    const files: Record<string, string> = {
        'vplan.config.json': '{ "root": true }\n',
        // Sorts before the catalogue: its `ggz_regio` is the first, the catalogue's a duplicate (VP080).
        'a-eerst.vplan': 'organisation ggz_regio "GGZ regio (eerder)" kind ggz\n',
        'organisaties.vplan': catalogueToVplan(generateCatalogue()),
        // A nested config: another severity for the plans below it, and a problem of its own (VP009).
        'plannen/zuid/vplan.config.json': JSON.stringify({ rules: { VP081: 'warning', VP999: 'off' } }) + '\n',
        // Sorts after every plan: a catalogue the plans of the first batches refer to.
        'zz/extra.vplan': 'organisation wijkteam_extra "Wijkteam extra" kind wijkteam\norganisation zvh_regio "ZVH dubbel" kind zvh\n'
    };
    for (let index = 1; index <= 20; index++) {
        let text = plan(index);
        const sub = index % 3 === 0 ? 'zuid/' : '';
        if (index === 4) text = text.replace(`plan ${planId(4)} `, `plan ${planId(1)} `); // the same plan name as plan 1 (VP080)
        if (index === 6) text = text.replaceAll('veiligthuis_regio', 'veiligthuis_onbekend'); // unresolved (VP081, a warning in zuid/)
        if (index === 7) text = text.replaceAll('ggz_regio', 'ggz_onbekend'); // unresolved (VP081, an error)
        if (index === 8) text = text.replaceAll('politie_regio', planId(2)); // a plan where an organisation belongs (VP081)
        if (index === 10) text = text.replaceAll('jeugdhulp_regio', 'wijkteam_extra'); // declared in the last file
        if (index === 12) text = text.replace('    status active', '    status active\n    period {'); // a syntax error
        if (index === 14) text += '\norganisation politie_regio "Politie (dubbel)" kind politie\n'; // a duplicate in a plan file
        files[`plannen/${sub}p${String(index).padStart(2, '0')}.vplan`] = text;
    }
    return files;
}

function check(args: string[], env: Record<string, string> = {}): RunResult {
    return runVplan(['check', ...args], { cwd: folder, env: { VPLAN_CACHE: 'off', ...env } });
}

beforeAll(() => {
    ensureBuilt();
    folder = makeTempDir('vplan-scale-');
    cache = makeTempDir('vplan-scale-cache-');
    writeFiles(folder, workspace());
});

afterAll(() => {
    removeDir(folder);
    removeDir(cache);
});

describe('vplan check in batches gives the diagnostics of the whole check', () => {
    test('the workspace has diagnostics across files', () => {
        const whole = check(['.', '--format', 'json']);
        const codes = new Set((JSON.parse(whole.stdout) as { diagnostics: Array<{ code: string }> }).diagnostics.map(d => d.code));
        for (const code of ['VP000', 'VP009', 'VP080', 'VP081']) expect(codes).toContain(code);
        expect(whole.status).toBe(1);
    });

    for (const [format, sizes] of [['json', ['1', '4', '7']], ['text', ['4']]] as const) {
        test(`the whole workspace, ${format}: batches of ${sizes.join(', ')} files, on one thread and on two`, () => {
            const whole = check(['.', '--format', format]);
            for (const env of sizes.map(size => ({ VPLAN_CHECK_BATCH: size }))) {
                for (const jobs of ['1', '2']) {
                    const batched = check(['.', '--format', format, '--jobs', jobs], env);
                    expect({ ...batched, env, jobs }).toEqual({ ...whole, env, jobs });
                }
            }
        });
    }

    test('a folder of the workspace (the other files take part through their names only)', () => {
        const whole = check(['plannen', '--format', 'json']);
        expect(JSON.parse(whole.stdout).summary.files).toBe(20);
        expect(check(['plannen', '--format', 'json', '--jobs', '1'], { VPLAN_CHECK_BATCH: '3' })).toEqual(whole);
        expect(check(['plannen', '--format', 'json', '--jobs', '2'], { VPLAN_CHECK_BATCH: '3' })).toEqual(whole);
    });

    test('with the summary cache, cold and warm', () => {
        const whole = check(['.', '--format', 'json']);
        const cached = { VPLAN_CACHE: 'on', VPLAN_CACHE_DIR: cache, VPLAN_CHECK_BATCH: '5' };
        expect(check(['.', '--format', 'json'], cached)).toEqual(whole);
        expect(check(['.', '--format', 'json'], cached)).toEqual(whole);
        expect(check(['.', '--format', 'json', '--jobs', '2'], cached)).toEqual(whole);
    });

    test('--stdin is never read again from the file it stands for', () => {
        const input = plan(2).replaceAll('ggz_regio', 'ggz_elders');
        const run = (env: Record<string, string>) => runVplan(['check', '--stdin', '--stdin-filename', 'plannen/p02.vplan', '--format', 'json'],
            { cwd: folder, input, env: { VPLAN_CACHE: 'off', ...env } });
        const whole = run({});
        expect(whole.stdout).toContain('ggz_elders');
        expect(run({ VPLAN_CHECK_BATCH: '2' })).toEqual(whole);
    });

    test('--progress counts every file, also from worker threads', () => {
        const result = check(['.', '--format', 'json', '--progress', '--jobs', '2'], { VPLAN_CHECK_BATCH: '4' });
        expect(result.stderr.trim().split('\n').at(-1)).toBe('vplan check: 23 of 23 files done');
    });

    test('--jobs takes a whole number of at least 1', () => {
        const result = check(['.', '--jobs', '0']);
        expect(result.status).toBe(2);
        expect(result.stderr).toContain('at least 1');
    });
});

describe('vplan check in batches over two workspaces', () => {
    let two: string;

    beforeAll(() => {
        two = makeTempDir('vplan-scale-two-');
        const files: Record<string, string> = {
            'noord/vplan.config.json': '{ "root": true }\n',
            'noord/organisaties.vplan': catalogueToVplan(generateCatalogue()),
            // Another workspace: the same plan names are no duplicates, the other catalogue is not seen (VP081).
            'zuid/vplan.config.json': '{ "root": true, "locale": "nl" }\n',
            'zuid/eigen.vplan': 'organisation ggz_regio "GGZ zuid" kind ggz\n'
        };
        for (let index = 1; index <= 6; index++) {
            files[`noord/p${index}.vplan`] = plan(index);
            files[`zuid/p${index}.vplan`] = plan(index);
        }
        writeFiles(two, files);
    });

    afterAll(() => removeDir(two));

    test('names resolve within each workspace only, batched or not', () => {
        const run = (env: Record<string, string>, jobs: string) =>
            runVplan(['check', '.', '--format', 'json', '--jobs', jobs], { cwd: two, env: { VPLAN_CACHE: 'off', ...env } });
        const whole = run({}, '1');
        const files = new Set((JSON.parse(whole.stdout) as { diagnostics: Array<{ file: string; code: string }> }).diagnostics
            .filter(d => d.code === 'VP081').map(d => d.file.split('/')[0]));
        expect(files).toEqual(new Set(['zuid']));
        for (const jobs of ['1', '2']) {
            expect(run({ VPLAN_CHECK_BATCH: '1' }, jobs)).toEqual(whole);
            expect(run({ VPLAN_CHECK_BATCH: '5' }, jobs)).toEqual(whole);
        }
    });
});
