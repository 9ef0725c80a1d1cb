/** `vplan export FILE [--plan ID]` through the real binary, validated against its JSON Schema. */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { CLEAN_PLAN, ERROR_PLAN, ORGANISATIONS, REPO_ROOT, ensureBuilt, lines, makeTempDir, removeDir, runVplan, writeFiles } from './cli-test-helpers.js';

const SECOND_PLAN = CLEAN_PLAN.replace('plan linde_2026 "Veiligheidsplan gezin Linde"', 'plan linde_2027 "Vervolgplan gezin Linde"');
/** CLEAN_PLAN with a second aftercare block: another owner and another period. */
const TWO_AFTERCARE_PLAN = CLEAN_PLAN.replace('        signal "Nieuwe melding"\n    }\n', `        signal "Nieuwe melding"
    }

    aftercare {
        owner wt_oost
        from 2026-12-01 for 24 months
        checkpoints 6 months, 24 months
    }
`);

let root: string;
const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas/vplan-export.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);
const validate = ajv.compile(schema);

beforeAll(() => {
    ensureBuilt();
    root = makeTempDir('vplan-export-');
    writeFiles(root, {
        'plans/orgs.vplan': ORGANISATIONS,
        'plans/linde.vplan': CLEAN_PLAN,
        'errors/orgs.vplan': ORGANISATIONS,
        'errors/linde.vplan': ERROR_PLAN,
        'two/orgs.vplan': ORGANISATIONS,
        'two/both.vplan': CLEAN_PLAN + '\n' + SECOND_PLAN,
        'aftercare/orgs.vplan': ORGANISATIONS,
        'aftercare/linde.vplan': TWO_AFTERCARE_PLAN,
        'project/vplan.config.json': '{}',
        'project/catalogue/orgs.vplan': ORGANISATIONS,
        'project/cases/linde.vplan': CLEAN_PLAN
    });
});
afterAll(() => removeDir(root));

function exported(args: string[]) {
    const result = runVplan(['export', ...args], { cwd: root });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(validate(json), JSON.stringify(validate.errors, null, 1)).toBe(true);
    return json;
}

describe('vplan export', () => {
    test('prints the resolved plan as JSON that follows schemas/vplan-export.schema.json', () => {
        const json = exported(['plans/linde.vplan']);
        expect(json).toMatchObject({ format: 'vplan-export', version: 1, source: 'plans/linde.vplan', diagnostics: { errors: 0 } });
        expect(json.plan.name).toBe('linde_2026');
        expect(json.plan.period).toEqual({ start: '2026-01-12', end: '2027-01-12' });
        // References to organisations in another file of the workspace resolve to their names.
        expect(json.plan.measures[0]).toMatchObject({ by: 'burg_noord', terms: [{ period: { start: '2026-01-12', end: '2026-01-22' } }] });
        expect(json.plan.regie.map((r: { period: { end: string } }) => r.period.end)).toEqual(['2026-02-09', '2027-01-12']);
    });

    test('loads the workspace of the nearest vplan.config.json above the file', () => {
        const json = exported(['project/cases/linde.vplan']);
        expect(json.plan.aftercare.owner).toBe('vt_noord');
        expect(json.diagnostics.errors).toBe(0);
    });

    test('a plan with two aftercare blocks exports both: the first as `aftercare`, the second in `moreAftercare`', () => {
        expect(TWO_AFTERCARE_PLAN).not.toBe(CLEAN_PLAN);
        const json = exported(['aftercare/linde.vplan']);
        expect(json.diagnostics).toEqual({ errors: 0, warnings: 0, infos: 0 });
        expect(json.plan.aftercare).toMatchObject({ owner: 'vt_noord', period: { start: '2027-01-12', end: '2028-07-12' } });
        expect(json.plan.moreAftercare).toEqual([{
            owner: 'wt_oost',
            period: { start: '2026-12-01', end: '2028-12-01' },
            checkpoints: [{ offset: { amount: 6, unit: 'month' }, date: '2027-06-01' }, { offset: { amount: 24, unit: 'month' }, date: '2028-12-01' }],
            signals: [],
            escalate: null
        }]);
        expect(Object.keys(exported(['plans/linde.vplan']).plan)).not.toContain('moreAftercare');
    });

    test('counts the diagnostics of the file and still exports it', () => {
        const json = exported(['errors/linde.vplan']);
        expect(json.diagnostics.errors).toBe(1);
        expect(json.plan.measures[0].by).toBeNull();
    });

    test('--plan picks one of several plans; without it, several plans are a usage error', () => {
        expect(exported(['two/both.vplan', '--plan', 'linde_2027']).plan.title).toBe('Vervolgplan gezin Linde');
        const several = runVplan(['export', 'two/both.vplan'], { cwd: root });
        expect(several.status).toBe(2);
        expect(lines(several.stderr)).toEqual(['vplan: two/both.vplan: holds several plans (linde_2026, linde_2027); pick one with --plan']);
        const unknown = runVplan(['export', 'two/both.vplan', '--plan', 'nope'], { cwd: root });
        expect(unknown.status).toBe(2);
        expect(lines(unknown.stderr)).toHaveLength(1);
    });

    test('a file without a plan cannot be exported', () => {
        const result = runVplan(['export', 'plans/orgs.vplan'], { cwd: root });
        expect(result.status).toBe(2);
        expect(lines(result.stderr)).toEqual(['vplan: plans/orgs.vplan: holds no plan to export']);
    });

    test('every example plan exports JSON that follows the schema, with exactly the v2 constructs it writes', () => {
        let plans = 0;
        for (const folder of ['problems', 'regio-zhz']) {
            for (const name of readdirSync(join(REPO_ROOT, 'examples', folder)).filter(f => f.endsWith('.vplan')).sort()) {
                const file = `examples/${folder}/${name}`;
                const source = readFileSync(join(REPO_ROOT, file), 'utf8');
                if (!/^plan /m.test(source)) continue;
                plans++;
                const result = runVplan(['export', file], { cwd: REPO_ROOT });
                expect(result.status, `${file}: ${result.stderr}`).toBe(0);
                const json = JSON.parse(result.stdout);
                expect(validate(json), `${file}: ${JSON.stringify(validate.errors, null, 1)}`).toBe(true);
                // Each v2 construct the plan writes is exported once; a plan without one has no field for it.
                const count = (pattern: RegExp) => source.match(pattern)?.length ?? 0;
                const plan = json.plan as { interventions: object[]; meetings: Array<{ actions?: unknown[] }>; incidents?: unknown[] };
                expect(plan.interventions.filter(i => 'ended' in i).length, file).toBe(count(/^\s+ended /gm));
                expect(plan.interventions.filter(i => 'effectivePeriod' in i).length, file).toBe(count(/^\s+ended /gm));
                expect(plan.meetings.flatMap(m => m.actions ?? []).length, file).toBe(count(/^\s+action "/gm));
                expect(plan.incidents?.length ?? 0, file).toBe(count(/^\s+incident /gm));
                if (!/^\s+incident /m.test(source)) expect(Object.keys(plan), file).not.toContain('incidents');
                // Every aftercare block once: the first as `aftercare`, any others in `moreAftercare`.
                const blocks = count(/^\s+aftercare \{/gm);
                expect(json.plan.aftercare === null ? 0 : 1 + (json.plan.moreAftercare?.length ?? 0), file).toBe(blocks);
                if (blocks <= 1) expect(Object.keys(plan), file).not.toContain('moreAftercare');
            }
        }
        expect(plans).toBeGreaterThanOrEqual(10);
    });

    test('exports the v2 constructs of examples/regio-zhz/berk-2026.vplan: ended, incident, action', () => {
        const json = exported([join(REPO_ROOT, 'examples/regio-zhz/berk-2026.vplan')]);
        const verslaving = json.plan.interventions.find((i: { name: string }) => i.name === 'verslaving');
        expect(verslaving).toMatchObject({
            period: { start: '2026-03-23', end: '2026-09-23' },
            ended: { date: '2026-06-15', reason: 'dropout' },
            effectivePeriod: { start: '2026-03-23', end: '2026-06-15' }
        });
        expect(json.plan.incidents).toEqual([{ date: '2026-09-28', title: 'Nieuwe politiemelding: ruzie met duwen na alcoholgebruik' }]);
        expect(json.plan.meetings.map((m: { actions?: unknown[] }) => m.actions?.length ?? 0)).toEqual([0, 0, 3]);
        expect(json.plan.meetings[2].actions).toEqual([
            { text: 'Nieuwe veiligheidsafspraken met Ruben vastleggen', owner: 'veiligthuis_zhz', due: '2026-10-05' },
            { text: 'Nagaan of Ruben zich aan de voorwaarden van de behandeling houdt', owner: 'verslavingszorg_zhz', due: '2026-10-15' },
            { text: 'Opa vangt Sem op als de spanning thuis oploopt', owner: 'opa', due: '2026-10-08' }
        ]);
    });

    test('needs a FILE', () => {
        const result = runVplan(['export'], { cwd: root });
        expect(result.status).toBe(2);
        expect(lines(result.stderr)).toHaveLength(1);
    });
});
