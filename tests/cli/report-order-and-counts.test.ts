/**
 * What the reports say around the diagnostics: every format of `vplan check` lists the files in
 * one order (by path, as the text format sorts them: `a-b.vplan`, `a.vplan`, `a/b.vplan`), and
 * every count of `vplan review` agrees with its number in English and Dutch ("1 warning",
 * "2 warnings", "2 waarschuwingen").
 */

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderReviewMarkdown, renderReviewText } from '../../cli/review-format.js';
import { renderReviewHtml } from '../../cli/review-html.js';
import { REVIEW_FORMAT_VERSION, type Review, type ReviewDiagnostic } from '../../cli/review.js';
import { ORGANISATIONS, WARNING_PLAN, ensureBuilt, makeTempDir, removeDir, runVplan, writeFiles } from './cli-test-helpers.js';

describe('vplan check: one order of files in every format', () => {
    let dir: string;

    beforeAll(() => {
        ensureBuilt();
        dir = makeTempDir('vplan-order-');
        const plan = (id: string) => WARNING_PLAN.replace('plan linde_2026 ', `plan ${id} `);
        // A folder search meets `a/` before `a-b.vplan` and `a.vplan` (it sorts names within a folder).
        writeFiles(dir, {
            'vplan.config.json': '{ "root": true }\n',
            'orgs.vplan': ORGANISATIONS,
            'a/b.vplan': plan('ab_2026'),
            'a-b.vplan': plan('a_b_2026'),
            'a.vplan': plan('a_2026')
        });
    });
    afterAll(() => removeDir(dir));

    const ORDER = ['a-b.vplan', 'a.vplan', 'a/b.vplan'];

    /** The files of an output in the order they first appear. */
    function firstAppearances(files: string[]): string[] {
        return [...new Set(files)];
    }

    function filesOf(format: string, args: string[]): string[] {
        const { stdout, status, stderr } = runVplan(['check', '--format', format, ...args], { cwd: dir });
        expect(status, stderr).toBe(0);
        switch (format) {
            case 'text': return firstAppearances(stdout.split('\n').filter(line => /^\S+:\d+:\d+: /.test(line)).map(line => line.split(':')[0]));
            case 'json': return firstAppearances(JSON.parse(stdout).diagnostics.map((d: { file: string }) => d.file));
            case 'sarif': return firstAppearances(JSON.parse(stdout).runs[0].results.map((r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) =>
                decodeURIComponent(r.locations[0].physicalLocation.artifactLocation.uri)));
            case 'github': return firstAppearances([...stdout.matchAll(/^::\w+ file=([^,]+),/gm)].map(match => match[1]));
            case 'junit': return [...stdout.matchAll(/<testsuite name="([^"]+)"/g)].map(match => match[1]).filter(file => file !== 'orgs.vplan');
            default: throw new Error(format);
        }
    }

    test.each(['text', 'json', 'sarif', 'github', 'junit'])('%s: a-b.vplan, a.vplan, a/b.vplan', format => {
        expect(filesOf(format, [])).toEqual(ORDER);
        // Files named in another order are reported in the same order.
        expect(filesOf(format, ['a/b.vplan', 'a.vplan', 'a-b.vplan'])).toEqual(ORDER);
    });
});

describe('vplan review: counts agree with their numbers', () => {
    const diagnostic = (severity: ReviewDiagnostic['severity'], line: number): ReviewDiagnostic =>
        ({ line, column: 5, severity, code: severity === 'error' ? 'VP081' : severity === 'warning' ? 'VP033' : 'VP100', message: 'm' });

    function review(introduced: ReviewDiagnostic[], resolved: ReviewDiagnostic[]): Review {
        const count = (list: ReviewDiagnostic[]) => ({
            errors: list.filter(d => d.severity === 'error').length,
            warnings: list.filter(d => d.severity === 'warning').length,
            infos: list.filter(d => d.severity === 'info').length
        });
        return {
            version: REVIEW_FORMAT_VERSION,
            base: { revision: 'main', commit: '0123456789abcdef0123456789abcdef01234567' },
            head: { revision: null, commit: null },
            workspaces: ['.'],
            files: [{
                path: 'plans/linde.vplan', oldPath: 'plans/linde.vplan', newPath: 'plans/linde.vplan', type: 'plan', status: 'modified',
                changes: [], handovers: [], sameMeaning: 'comments', diagnostics: { introduced, resolved }
            }],
            catalogue: [],
            notes: [],
            summary: { files: 1, added: 0, changed: 1, removed: 0, introduced: count(introduced), resolved: count(resolved) }
        };
    }

    const many = review(
        [diagnostic('error', 1), diagnostic('warning', 2), diagnostic('warning', 3), diagnostic('info', 4), diagnostic('info', 5)],
        [diagnostic('error', 6), diagnostic('error', 7), diagnostic('warning', 8), diagnostic('info', 9)]
    );

    test('markdown: the table says "2 warnings", "1 error" and "2 fouten", "1 waarschuwing"', () => {
        expect(renderReviewMarkdown(many, 'en')).toContain('| `plans/linde.vplan` | modified | 0 | 1 error, 2 warnings, 2 infos | 2 errors, 1 warning, 1 info |');
        expect(renderReviewMarkdown(many, 'nl'))
            .toContain('| `plans/linde.vplan` | gewijzigd | 0 | 1 fout, 2 waarschuwingen, 2 opmerkingen | 2 fouten, 1 waarschuwing, 1 opmerking |');
        const none = review([], [diagnostic('warning', 1), diagnostic('warning', 2)]);
        expect(renderReviewMarkdown(none, 'en')).toContain('| 0 | 0 | 2 warnings |');
        expect(renderReviewMarkdown(none, 'nl')).toContain('| 0 | 0 | 2 waarschuwingen |');
    });

    test('every format\'s count line, in both languages', () => {
        const en = '1 file: 0 added, 1 changed, 0 removed; 1 error, 2 warnings, 2 infos introduced, 2 errors, 1 warning, 1 info resolved';
        const nl = '1 bestand: 0 toegevoegd, 1 gewijzigd, 0 verwijderd; 1 fout, 2 waarschuwingen, 2 opmerkingen nieuw, 2 fouten, 1 waarschuwing, 1 opmerking opgelost';
        for (const [locale, line] of [['en', en], ['nl', nl]] as const) {
            expect(renderReviewText(many, locale)).toContain(line);
            expect(renderReviewMarkdown(many, locale)).toContain(line.replace(/[.,;:-]/g, match => (match === '.' || match === '-' ? `\\${match}` : match)));
            expect(renderReviewHtml(many, [], locale).replace(/&#58;/g, ':')).toContain(line);
        }
    });
});
