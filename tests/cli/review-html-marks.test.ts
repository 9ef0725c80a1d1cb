/**
 * `vplan review --format html` (cli.md: "the before and after timeline of every changed plan, the
 * changed items marked") marks every kind of item the timeline draws: meetings, incidents,
 * evaluations, aftercare blocks, regie entries, phases, agreements, members, measures and
 * interventions; on the base side what was removed or changed, on the head side what was added
 * or changed. Items the timeline does not draw (supporters, risks) mark nothing.
 */

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLEAN_PLAN, ORGANISATIONS, cleanEnv, ensureBuilt, makeTempDir, removeDir, runVplan, writeFiles } from './cli-test-helpers.js';
import { computeReview } from '../../cli/review.js';
import { renderReviewHtml } from '../../cli/review-html.js';

const gitAvailable = spawnSync('git', ['--version']).status === 0;
/** The legend as the page writes it (its colon escaped). */
const LEGEND = 'Outlined&#58; the items this change touches.';

/** The clean plan with a meeting action and an incident. */
const BASE_PLAN = CLEAN_PLAN
    .replace('        client pim heard\n', '        client pim heard\n        action "Doe iets" owner zvh_noord due 2026-10-20\n')
    .replace('    evaluation 2026-04-15 "Evaluatie"\n', '    evaluation 2026-04-15 "Evaluatie"\n\n    incident 2026-10-01 "Melding Zork"\n');

let root = '';
const git = (...args: string[]) => {
    const result = spawnSync('git', args, { cwd: root, encoding: 'utf8', env: cleanEnv({ GIT_CONFIG_NOSYSTEM: '1', HOME: root }) });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
    return result.stdout;
};
const commit = (plan: string, message: string) => {
    writeFiles(root, { 'plans/linde.vplan': plan });
    git('add', '-A');
    git('commit', '-q', '--allow-empty', '-m', message);
};

/** The marks of the review of the base plan against `plan` (committed), and the page. */
async function marksOf(plan: string) {
    commit(BASE_PLAN, 'Basis');
    commit(plan, 'Wijziging');
    const outcome = await computeReview('HEAD~1', 'HEAD', { defaultLocale: 'en', cwd: root, timelines: true, today: new Date('2026-03-01'), env: cleanEnv({ HOME: root }) });
    const timeline = outcome.timelines.find(t => t.plan === 'linde_2026');
    return { marked: timeline?.marked, html: renderReviewHtml(outcome.review, outcome.timelines, 'en') };
}

const rule = (figure: number, id: string) => `#vp-review-timeline-${figure} g[data-item="${id}"] rect`;

beforeAll(() => {
    ensureBuilt();
    if (!gitAvailable) return;
    root = makeTempDir('vplan-review-marks-');
    writeFiles(root, { 'vplan.config.json': '{"root": true}\n', 'plans/orgs.vplan': ORGANISATIONS });
    git('init', '-q');
    git('config', 'user.email', 'reviewer@example.invalid');
    git('config', 'user.name', 'Reviewer');
    git('config', 'commit.gpgsign', 'false');
});
afterAll(() => { if (root) removeDir(root); });

describe.skipIf(!gitAvailable)('review --format html marks every kind the timeline draws', () => {
    test('a meeting action\'s due date and an incident\'s title, in the working tree, through the binary', () => {
        commit(BASE_PLAN, 'Basis');
        writeFiles(root, { 'plans/linde.vplan': BASE_PLAN.replace('due 2026-10-20', 'due 2026-10-27').replace('"Melding Zork"', '"Melding Zork en Bork"') });
        try {
            const text = runVplan(['review', 'HEAD'], { cwd: root });
            expect(text.stdout).toContain('meeting');
            expect(text.stdout).toContain('incident');
            const result = runVplan(['review', 'HEAD', '--format', 'html', '-o', 'r.html'], { cwd: root });
            expect(result).toMatchObject({ status: 0, stdout: '' });
            const html = readFileSync(join(root, 'r.html'), 'utf8');
            expect(html).toContain(LEGEND);
            for (const figure of [1, 2]) {
                expect(html).toContain(rule(figure, 'meeting:0'));
                expect(html).toContain(rule(figure, 'incident:0'));
            }
            expect(html).toContain('<g class="vp-item vp-marker vp-marker-meeting" data-item="meeting&#58;0">');
            expect(html).toContain('<g class="vp-item vp-marker vp-incident" data-item="incident&#58;0">');
        } finally {
            commit(BASE_PLAN, 'Terug');
        }
    });

    test('a retitled meeting and an added evaluation', async () => {
        const { marked, html } = await marksOf(BASE_PLAN
            .replace('meeting 2026-01-15 "Casusoverleg"', 'meeting 2026-01-15 "Eerste casusoverleg"')
            .replace('    evaluation 2026-04-15 "Evaluatie"\n', '    evaluation 2026-04-15 "Evaluatie"\n    evaluation 2026-07-15 "Tweede evaluatie"\n'));
        expect(marked).toEqual({ before: ['meeting:0'], after: ['meeting:0', 'evaluation:1'] });
        expect(html).toContain(LEGEND);
        expect(html).toContain(rule(1, 'meeting:0'));
        expect(html).not.toContain(rule(1, 'evaluation:1'));
        expect(html).toContain(rule(2, 'meeting:0'));
        expect(html).toContain(rule(2, 'evaluation:1'));
    });

    test('of two meetings with one title, the first removed and the second changed: each side marks its own', async () => {
        const second = '    meeting 2026-06-15 "Casusoverleg" {\n        chair zvh_noord\n        action "Terugkoppeling" owner zvh_noord due 2026-06-30\n    }\n\n';
        const base = BASE_PLAN.replace('    evaluation 2026-04-15 "Evaluatie"\n', `${second}    evaluation 2026-04-15 "Evaluatie"\n`);
        const first = base.slice(base.indexOf('    meeting 2026-01-15'), base.indexOf('    meeting 2026-06-15'));
        commit(base, 'Basis');
        commit(base.replace(first, '').replace('due 2026-06-30', 'due 2026-07-07'), 'Wijziging');
        const outcome = await computeReview('HEAD~1', 'HEAD', { defaultLocale: 'en', cwd: root, timelines: true, today: new Date('2026-03-01'), env: cleanEnv({ HOME: root }) });
        const marked = outcome.timelines.find(t => t.plan === 'linde_2026')?.marked;
        // Before: the removed first (meeting:0) and the changed second (meeting:1); after: the second, now the only one.
        expect(marked).toEqual({ before: expect.arrayContaining(['meeting:0', 'meeting:1']), after: ['meeting:0'] });
    });

    test('a removed incident and a changed evaluation', async () => {
        const { marked } = await marksOf(BASE_PLAN.replace('    incident 2026-10-01 "Melding Zork"\n', '').replace('evaluation 2026-04-15 "Evaluatie"', 'evaluation 2026-04-22 "Evaluatie"'));
        expect(marked).toEqual({ before: ['incident:0', 'evaluation:0'], after: ['evaluation:0'] });
    });

    test('aftercare blocks: a changed first one and an added second one', async () => {
        const { marked, html } = await marksOf(BASE_PLAN.replace('        signal "Nieuwe melding"\n    }\n', '        signal "Nieuwe melding"\n        signal "Terugval"\n    }\n\n'
            + '    aftercare {\n        owner wt_oost\n        from 2028-07-12 for 6 months\n        checkpoints 3 months\n    }\n'));
        expect(marked).toEqual({ before: ['aftercare'], after: ['aftercare', 'aftercare:1'] });
        expect(html).toContain(rule(2, 'aftercare:1'));
    });

    test('a regie entry, an agreement and a member', async () => {
        const { marked, html } = await marksOf(BASE_PLAN
            .replace('"Tijdens huisverbod"', '"Tijdens het huisverbod"')
            .replace('    agreement contact "Alleen begeleid contact"', '    agreement contact "Alleen begeleid contact, overdag"')
            .replace('member pim child born 2016 roles witness', 'member pim child born 2016 roles witness, victim'));
        expect([...marked!.before].sort()).toEqual(['agreement:contact', 'member:pim', 'regie:0']);
        expect([...marked!.after].sort()).toEqual(['agreement:contact', 'member:pim', 'regie:0']);
        for (const figure of [1, 2]) {
            expect(html).toContain(rule(figure, 'regie:0'));
            expect(html).toContain(rule(figure, 'agreement:contact'));
            expect(html).toContain(`#vp-review-timeline-${figure} g[data-item="member:pim"] text { font-weight: bold; }`);
        }
    });

    test('a phase, by its place among the drawn bands', async () => {
        const { marked, html } = await marksOf(BASE_PLAN.replace('phase stability from 2026-03-01 to 2027-01-12', 'phase stability from 2026-03-15 to 2027-01-12'));
        // Phases are drawn sorted by start: safety, then stability.
        expect(marked).toEqual({ before: ['phase:1'], after: ['phase:1'] });
        for (const figure of [1, 2]) {
            expect(html).toContain(`#vp-review-timeline-${figure} > g.vp-phase-band:nth-child(2 of .vp-phase-band) rect { stroke: #c2185b; stroke-width: 3px; }`);
            const svg = html.slice(html.indexOf(`<svg xmlns="http://www.w3.org/2000/svg" class="vp-svg" id="vp-review-timeline-${figure}"`));
            const bands = [...svg.slice(0, svg.indexOf('</svg>')).matchAll(/<g class="vp-phase-band">\n\s*<title>([^\n]*)/g)].map(m => m[1]);
            expect(bands[1]).toMatch(/stability|stabiliteit/i);
        }
    });

    test('what the timeline does not draw marks nothing; a measure change keeps its marks', async () => {
        const supporter = await marksOf(BASE_PLAN.replace('"Tante van Eva"', '"Tante Els van Eva"'));
        expect(supporter.marked).toEqual({ before: [], after: [] });
        expect(supporter.html).not.toContain(LEGEND);
        expect(supporter.html).not.toContain('stroke: #c2185b');
        const measure = await marksOf(BASE_PLAN.replace('        from 2026-01-12 for 10 days\n', '        from 2026-01-12 for 10 days\n        extend for 18 days\n'));
        expect(measure.marked).toEqual({ before: ['measure:hv'], after: ['measure:hv'] });
        expect(measure.html.match(/stroke: #c2185b/g)).toHaveLength(2);
    });
});
