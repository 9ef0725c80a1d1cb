/**
 * The timeline through the real binary (`bin/vplan.cjs render`, issue 15): a member without a
 * name is drawn, not an internal error, and the output is bounded by the plan text, never by the
 * length of a period.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REPO_ROOT, ensureBuilt, makeTempDir, removeDir, runVplan, writeFiles } from '../cli/cli-test-helpers.js';
import { MAX_TICKS } from '../../language/timeline/timeline-model.js';
import { specExampleV2 } from './timeline-test-helpers.js';

const spec = readFileSync(join(REPO_ROOT, 'tests/fixtures/spec-example.vplan'), 'utf8');
const PINNED = { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 2, 15) / 1000) };
let root: string;

/** Each plan in a folder of its own: a folder is one workspace. */
const PLANS: Record<string, string> = {
    'spec/plan.vplan': spec,
    'v2/plan.vplan': specExampleV2(),
    'member-18/plan.vplan': spec.replace('member daan child born 2020 roles witness', 'member 18'),
    'bare-member/plan.vplan': spec.replace('member joost child born 2010 outside no-action "Woont bij zijn vader, niet betrokken"', 'member'),
    // Issue 15: a 100,000-year period (now past 9999-12-31: VP060), and the longest periods that are still valid.
    'eternal/plan.vplan': spec.replace('period 2026-01-12 to 2027-01-12', 'period 2026-01-12 for 100000 years')
        .replace('from 2026-01-20 for 12 months', 'from 2026-01-20 for 100000 years'),
    'longest/plan.vplan': spec.replace('period 2026-01-12 to 2027-01-12', 'period 2026-01-12 for 7900 years')
        .replace('from 2026-01-20 for 12 months', 'from 2026-01-20 for 7000 years')
        .replace('from 2027-01-12 for 18 months', 'from 2027-01-12 for 7000 years')
};

beforeAll(() => {
    ensureBuilt();
    root = makeTempDir('vplan-render-binary-');
    writeFiles(root, PLANS);
});

afterAll(() => removeDir(root));

function render(path: string, format: 'html' | 'svg', locale = 'en') {
    return runVplan(['render', path, '--format', format, '--locale', locale], { cwd: root, env: PINNED });
}

describe('vplan render (the real binary)', () => {
    for (const folder of ['member-18', 'bare-member']) {
        test(`a household member without a name (${folder}) is drawn as a lane "(no name)", in both formats and languages`, () => {
            for (const [format, locale, words] of [['html', 'en', '(no name)'], ['svg', 'nl', '(zonder naam)']] as const) {
                const result = render(`${folder}/plan.vplan`, format, locale);
                expect(result.stderr).toBe('');
                expect(result.status).toBe(0);
                expect(result.stdout).toContain(words);
                expect(result.stdout).not.toMatch(/internal error|is not iterable/);
            }
        });
    }

    test('the output is bounded by the plan text, not by the length of a period', () => {
        const normal = render('spec/plan.vplan', 'svg');
        expect(normal.status).toBe(0);
        for (const folder of ['eternal', 'longest']) {
            for (const format of ['svg', 'html'] as const) {
                const result = render(`${folder}/plan.vplan`, format);
                expect(result.stderr).toBe('');
                expect(result.status).toBe(0);
                // The drawing of the same plan text and at most MAX_TICKS ticks more: kilobytes, not the 75 MB of issue 15.
                expect(result.stdout.length, `${folder} as ${format}`).toBeLessThan(normal.stdout.length * 2 + MAX_TICKS * 100);
            }
        }
        expect(render('longest/plan.vplan', 'svg').stdout).toMatch(/<text class="vp-tick-label"[^>]*>9000<\/text>/);
    });

    test('version 2: the incident, the help stopped early and the actions of the case discussion', () => {
        const html = render('v2/plan.vplan', 'html', 'nl').stdout;
        expect(html).toContain('Nieuwe politiemelding&#58; ruzie met letsel');
        expect(html).toContain('class="vp-incident-line"');
        expect(html).toContain('class="vp-bar vp-planned-rest vp-mode-voluntary"');
        expect(html).toContain('>uitval</text>');
        expect(html).toContain('<td>ligt bij veiligthuis_zhz; uiterlijk op 2026-05-13</td>');
    });
});
