import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { XMLValidator } from 'fast-xml-parser';
import { escapeMarkup } from '../../language/timeline/escape.js';
import { labelWithTag, layoutTimeline, truncateText, type SceneElement, type SceneRect, type SceneText } from '../../language/timeline/timeline-layout.js';
import { renderHtml } from '../../language/timeline/render-html.js';
import { renderSvg } from '../../language/timeline/render-svg.js';
import { buildTimelineTable } from '../../language/timeline/timeline-table.js';
import { TIMELINE_SVG_RULES } from '../../language/timeline/timeline-styles.js';
import { specExampleText, specExampleWithGaps, timelineOf, flattenScene as flatten, sceneGroups as groups, sceneTexts as texts } from './timeline-test-helpers.js';

const hostileText = () => readFileSync(new URL('./fixtures/hostile.vplan', import.meta.url), 'utf8');

function box(t: SceneText) {
    return { left: t.x, right: t.x + t.width, top: t.y - t.fontSize * 0.8, bottom: t.y + t.fontSize * 0.25 };
}

function overlappingLabels(elements: SceneElement[]): Array<[string, string]> {
    const boxes = texts(elements).map(t => ({ t, b: box(t) }));
    const pairs: Array<[string, string]> = [];
    for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i].b;
            const b = boxes[j].b;
            if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) pairs.push([boxes[i].t.text, boxes[j].t.text]);
        }
    }
    return pairs;
}

const ALLOWED_ELEMENTS = new Set(['!DOCTYPE', '?xml', 'html', 'head', 'meta', 'title', 'style', 'body', 'figure', 'svg', 'g', 'rect', 'line', 'polygon', 'text',
    'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td', 'p']);
const ALLOWED_ATTRIBUTES = new Set(['version', 'encoding', 'lang', 'charset', 'http-equiv', 'content', 'name', 'class', 'xmlns', 'id', 'width', 'height', 'viewBox',
    'role', 'aria-labelledby', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'points', 'text-anchor', 'data-item', 'scope', 'initial-scale']);

function tagsOf(markup: string): { elements: Set<string>; attributes: Set<string> } {
    const elements = new Set<string>();
    const attributes = new Set<string>();
    for (const match of markup.matchAll(/<([!?]?[A-Za-z][\w-]*)([^>]*)>/g)) {
        elements.add(match[1]);
        for (const attribute of match[2].matchAll(/\s([\w:-]+)=/g)) attributes.add(attribute[1]);
    }
    return { elements, attributes };
}

describe('escaping', () => {
    test('one escape function turns every markup character into an entity', () => {
        expect(escapeMarkup(`<script>alert("x") & 'y'</script>`)).toBe('&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;');
        expect(escapeMarkup('<a href="javascript:x">')).toBe('&lt;a href&#61;&quot;javascript&#58;x&quot;&gt;');
        expect(escapeMarkup('a\u0000b\u001fc')).toBe('abc');
        expect(escapeMarkup(undefined)).toBe('');
    });

    const hostile = [
        '<script>alert(1)</script>',
        '"><img src=x onerror=alert(5)>',
        '</svg><svg onload=alert(6)>',
        '<style>body{display:none}</style>',
        '<a href="javascript:alert(10)">klik</a>',
        '<iframe src=javascript:alert(9)>'
    ];

    for (const format of ['svg', 'html'] as const) {
        test(`hostile titles stay text in the ${format} output`, async () => {
            const model = await timelineOf(hostileText(), { withOrganisations: false });
            const output = format === 'svg' ? renderSvg(model) : renderHtml(model);
            for (const raw of hostile) {
                expect(output).not.toContain(raw);
                expect(output).toContain(escapeMarkup(raw));
            }
            // Every '<' left in the output opens one of our own elements, with only our attributes.
            const { elements, attributes } = tagsOf(output);
            expect([...elements].filter(name => !ALLOWED_ELEMENTS.has(name))).toEqual([]);
            expect([...attributes].filter(name => !ALLOWED_ATTRIBUTES.has(name))).toEqual([]);
            // Our one style element only.
            expect(output.match(/<style/g)).toHaveLength(1);
            expect(output.match(/<svg/g)).toHaveLength(1);
            if (format === 'svg') expect(XMLValidator.validate(output)).toBe(true);
            else expect(XMLValidator.validate(output.slice(output.indexOf('<svg'), output.indexOf('</svg>') + 6))).toBe(true);
        });
    }

    test('a javascript: title never becomes a link', async () => {
        const model = await timelineOf(hostileText(), { withOrganisations: false });
        const html = renderHtml(model);
        expect(html).toContain(escapeMarkup('javascript:alert(7)'));
        expect(tagsOf(html).attributes.has('href')).toBe(false);
        expect(html).not.toMatch(/xlink|url\(/i);
    });
});

describe('the HTML page', () => {
    test('is self-contained, script-free and printable on A4 landscape', async () => {
        const html = renderHtml(await timelineOf(specExampleText(), { withOrganisations: false }));
        expect(html).not.toMatch(/<script|<link|src=|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i);
        expect(html).toContain('@page { size: A4 landscape');
        expect(html).toContain("default-src 'none'");
        expect(html).toContain('<table class="vp-table">');
    });

    test('the table holds every item with title, mode as a word and dates', async () => {
        const model = await timelineOf(specExampleText(), { withOrganisations: false });
        const table = buildTimelineTable(model);
        const hv = table.rows.find(r => r.itemId === 'measure:hv' && r.cells[0] === 'mark')!;
        expect(hv.cells).toEqual(['mark', 'measure', 'dwang', 'Tijdelijk huisverbod', 'hv', '2026-01-12', '2026-02-09', expect.stringContaining('on')]);
        expect(table.rows.find(r => r.itemId === 'intervention:daderhulp')?.cells[2]).toBe('drang');
        // An agreement is a category of its own, not a framework of help: its kind says what it is.
        expect(table.rows.find(r => r.itemId === 'agreement:geen_contact')?.cells.slice(1, 3)).toEqual(['agreement', '']);
        expect(table.rows.filter(r => r.cells[1] === 'not covered')).toEqual([]);
        const gaps = buildTimelineTable(await timelineOf(specExampleWithGaps(), { withOrganisations: false }));
        expect(gaps.rows.filter(r => r.cells[1] === 'not covered').map(r => r.cells[0])).toEqual(['sanne', 'mark', 'noor', 'daan']);
        const nl = buildTimelineTable(model, 'nl');
        expect(nl.rows.find(r => r.itemId === 'intervention:kindhulp')?.cells[2]).toBe('vrijwillig');
        expect(nl.rows.find(r => r.itemId === 'agreement:geen_contact')?.cells[1]).toBe('afspraak');
    });
});

describe('the drawing', () => {
    test('in Dutch every word of the timeline is Dutch: severities, `door`, member kinds and roles, checkpoint offsets', async () => {
        const model = await timelineOf(specExampleText(), { withOrganisations: false });
        // An unknown organisation: a VP081 error in the item's tooltip and the table's notes.
        const broken = await timelineOf(specExampleText().replace('by ggz_zhz', 'by onbekende_ggz'), { withOrganisations: false });
        const textsOf = (locale: 'en' | 'nl') => {
            const scene = layoutTimeline(model, { locale });
            const table = buildTimelineTable(model, locale);
            const brokenTitles = groups(layoutTimeline(broken, { locale }).elements).map(g => g.title ?? '');
            return [...groups(scene.elements).map(g => g.title ?? ''), ...texts(scene.elements).map(t => t.text), ...table.rows.flatMap(r => r.cells),
                ...brokenTitles, ...buildTimelineTable(broken, locale).rows.flatMap(r => r.cells)].join('\n');
        };
        const nl = textsOf('nl');
        expect(nl).toMatch(/fout VP081: /);
        expect(nl).toContain('door burgemeester_dordrecht');
        expect(nl).toContain('volwassene · slachtoffer');
        expect(nl).toContain('kind · getuige');
        expect(nl).toContain('controlemoment 3 maanden: 2027-04-12');
        // The diagnostics' own messages are in the document's locale (English here): leave them out.
        const nlWords = nl.replace(/(VP\d{3}): [^\n;]*/g, '$1:');
        expect(nlWords).not.toMatch(/\b(error|warning|info) VP\d{3}|\bby \w|\badult\b|\bvictim\b|\bwitness\b|\d months?\b/);
        // English is what it was.
        const en = textsOf('en');
        expect(en).toMatch(/error VP081: /);
        expect(en).toContain('by burgemeester_dordrecht');
        expect(en).toContain('adult · victim, parent');
        expect(en).toContain('checkpoint 3 months: 2027-04-12');
    });

    test('a label names the item first and ends in its category: the mode, or agreement (colour AND a word)', async () => {
        const model = await timelineOf(specExampleText(), { withOrganisations: false });
        for (const width of [1200, 800]) {
            const scene = layoutTimeline(model, { width });
            const items = groups(scene.elements).filter(g => g.itemId?.startsWith('measure:') || g.itemId?.startsWith('intervention:') || g.itemId?.startsWith('agreement:'));
            const labelOf = (id: string) => texts(items.find(g => g.itemId === id)!.children).map(t => t.text).join(' ');
            const classOf = (id: string) => flatten(items.find(g => g.itemId === id)!.children).find(e => e.type === 'rect')!.className;
            expect(classOf('intervention:daderhulp')).toContain('vp-mode-drang');
            expect(labelOf('intervention:daderhulp')).toMatch(/^Daderhulp huiselijk geweld · drang$/);
            expect(classOf('intervention:kindhulp')).toContain('vp-mode-voluntary');
            expect(labelOf('intervention:kindhulp')).toMatch(/^Hulp voor Noor en Daan.* · voluntary$/);
            // Agreements are their own category: their own colour class, their own word.
            expect(classOf('agreement:geen_contact')).toContain('vp-agreement-bar');
            expect(classOf('agreement:geen_contact')).not.toContain('vp-mode-');
            expect(labelOf('agreement:geen_contact')).toMatch(/^Mark zoekt alleen conta.* · agreement$/);
            // The 28-day huisverbod is too short for its label at any width: the whole label goes beside the bar.
            expect(labelOf('measure:hv')).toBe('Tijdelijk huisverbod · dwang');
            const hv = items.find(g => g.itemId === 'measure:hv')!;
            const bar = hv.children.find((e): e is SceneRect => e.type === 'rect')!;
            const label = texts(hv.children)[0];
            expect(label.className).toContain('vp-bar-label-outside');
            expect(label.x).toBeGreaterThanOrEqual(bar.x + bar.width);
        }
        expect(TIMELINE_SVG_RULES).toMatch(/\.vp-mode-dwang \{ fill: var\(--vplan-dwang\)/);
        expect(TIMELINE_SVG_RULES).toMatch(/\.vp-agreement-bar \{ fill: var\(--vplan-agreement\)/);
        // A label beside its bar is drawn in the text colour, whatever the bar's colour and whatever
        // group it is in; a regie gap's or overlap's in the error colour (label-contrast-chromium.test.ts).
        expect(TIMELINE_SVG_RULES).toContain('.vp-svg text.vp-bar-label.vp-bar-label-outside { fill: var(--vplan-fg); }');
        expect(TIMELINE_SVG_RULES).toContain('.vp-svg .vp-problem text.vp-bar-label.vp-bar-label-outside { fill: var(--vplan-error); }');
    });

    test('the legend explains every colour in words, the error outline included; the table explains its red rows', async () => {
        const model = await timelineOf(specExampleText(), { withOrganisations: false });
        const legend = groups(layoutTimeline(model).elements).find(g => g.className === 'vp-legend')!;
        const entries = legend.children.filter((e): e is SceneRect => e.type === 'rect').map(r => r.className);
        expect(entries).toEqual(expect.arrayContaining(['vp-bar vp-mode-dwang', 'vp-bar vp-mode-drang', 'vp-bar vp-mode-voluntary', 'vp-bar vp-agreement-bar',
            'vp-uncovered', 'vp-bar vp-error-bar', 'vp-bar vp-legend-error']));
        expect(texts(legend.children).map(t => t.text)).toEqual(expect.arrayContaining(['dwang', 'drang', 'voluntary', 'agreement', 'not covered', 'error in the plan']));
        expect(TIMELINE_SVG_RULES).toMatch(/\.vp-legend-error \{[^}]*stroke: var\(--vplan-error\)/);
        const table = buildTimelineTable(model, 'nl');
        expect(table.legend).toMatch(/^Rijen in rood: een fout in het plan/);
        expect(renderHtml(model)).toContain('<p class="vp-table-legend">Rows in red&#58; an error in the plan');
    });

    test('every item, phase, regie period and marker carries its title and dates as a tooltip', async () => {
        const model = await timelineOf(specExampleText(), { withOrganisations: false });
        const scene = layoutTimeline(model);
        const all = groups(scene.elements);
        for (const item of model.items) {
            const group = all.find(g => g.itemId === item.id)!;
            expect(group.title).toContain(item.title);
            expect(group.title).toContain(item.start);
            expect(group.title).toContain(item.end);
            expect(group.range).toEqual(item.range);
        }
        expect(all.some(g => g.title?.includes('handover veiligthuis_zhz → wijkteam_dordrecht'))).toBe(true);
        const gapGroups = groups(layoutTimeline(await timelineOf(specExampleWithGaps(), { withOrganisations: false })).elements);
        expect(gapGroups.some(g => g.title?.includes('not covered') && g.title.includes('2026-02-09'))).toBe(true);
        expect(all.some(g => g.className === 'vp-today')).toBe(true);
        expect(overlappingLabels(scene.elements)).toEqual([]);
    });

    test('labels are truncated with an ellipsis, never wider than their room', () => {
        expect(truncateText('Kort', 200, 11)).toBe('Kort');
        const cut = truncateText('Een heel lange titel die niet in de balk past', 80, 11);
        expect(cut.endsWith('…')).toBe(true);
        expect([...cut].length * 11 * 0.62).toBeLessThanOrEqual(80);
        expect(truncateText('abc', 5, 11)).toBe('');
    });

    test('labels keep their category word when cut: `title… · mode`', () => {
        expect(labelWithTag('Daderhulp huiselijk geweld', 'drang', 1000, 11)).toBe('Daderhulp huiselijk geweld · drang');
        const cut = labelWithTag('Daderhulp huiselijk geweld', 'drang', 100, 11);
        expect(cut).toMatch(/^Dader.*… · drang$/);
        expect([...cut].length * 11 * 0.62).toBeLessThanOrEqual(100);
        expect(labelWithTag('Daderhulp huiselijk geweld', 'drang', 45, 11)).toBe('drang');
        expect(labelWithTag('Daderhulp', 'drang', 5, 11)).toBe('');
    });

    for (const width of [1200, 700]) {
        test(`a plan with 200 items stays legible at ${width} px: no label overlaps another label or a bar, every label names its item and mode`, async () => {
            const model = await timelineOf(planWith200Items());
            expect(model.items).toHaveLength(200);
            const scene = layoutTimeline(model, { width });
            expect(overlappingLabels(scene.elements)).toEqual([]);
            const itemGroups = groups(scene.elements).filter(g => g.itemId?.startsWith('intervention:'));
            expect(new Set(itemGroups.map(g => g.itemId)).size).toBe(200);
            const bars = itemGroups.map(g => ({ id: g.itemId!, rect: g.children.find((e): e is SceneRect => e.type === 'rect')! }));
            for (const group of itemGroups) {
                const rect = bars.find(b => b.id === group.itemId)!.rect;
                const item = model.items.find(i => i.id === group.itemId)!;
                expect(group.title).toMatch(/Interventie nummer \d+ met een lange titel die afgekapt moet worden/);
                const [label, ...others] = texts(group.children);
                expect(others).toEqual([]);
                expect(label.fontSize).toBeGreaterThanOrEqual(10);
                expect(label.text).toMatch(new RegExp(`^Interven.* · ${item.mode}$`));
                expect(label.x).toBeGreaterThanOrEqual(0);
                expect(label.x + label.width).toBeLessThanOrEqual(width);
                const inside = label.x >= rect.x && label.x + label.width <= rect.x + rect.width;
                if (!inside) {
                    // Beside its own bar, and clear of every other bar.
                    expect(label.className).toContain('vp-bar-label-outside');
                    const box = { left: label.x, right: label.x + label.width, top: label.y - 10, bottom: label.y + 3 };
                    for (const other of bars) {
                        const r = other.rect;
                        const overlaps = box.left < r.x + r.width && r.x < box.right && box.top < r.y + r.height && r.y < box.bottom;
                        expect(overlaps, `${group.itemId}'s label over ${other.id}`).toBe(false);
                    }
                }
            }
            // Bars in one lane never overlap: each gets its own row while they share days.
            for (let i = 0; i < bars.length; i++) {
                for (let j = i + 1; j < bars.length; j++) {
                    const a = bars[i].rect;
                    const b = bars[j].rect;
                    const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
                    expect(overlap).toBe(false);
                }
            }
            expect(renderHtml(model).length).toBeLessThan(2_000_000);
        });
    }
});

function planWith200Items(): string {
    const body: string[] = [];
    for (let i = 0; i < 200; i++) {
        const member = ['sanne', 'mark', 'noor'][i % 3];
        const month = String(1 + (i % 11)).padStart(2, '0');
        const day = String(1 + ((i * 7) % 27)).padStart(2, '0');
        const framework = ['voluntary', 'drang', 'dwang'][i % 3];
        body.push(`    intervention i${i} "Interventie nummer ${i} met een lange titel die afgekapt moet worden" {
        for ${member}
        by ggz_zhz
        from 2026-${month}-${day} for ${1 + (i % 9)} weeks
        framework ${framework}
    }`);
        if (i % 10 === 0) body.push(`    meeting 2026-${month}-${day} "Overleg ${i} met een lange naam" {\n        client sanne present\n    }`);
    }
    return `plan groot "Groot plan" {
    status active
    period 2026-01-01 to 2027-01-01
    household {
        member sanne adult born 1989 roles victim
        member mark adult born 1986 roles perpetrator
        member noor child born 2015 roles witness
    }
${body.join('\n')}
}`;
}

describe('snapshots', () => {
    test('the spec example as SVG', async () => {
        const model = await timelineOf(specExampleText(), { withOrganisations: false, withDiagnostics: false, today: '2026-03-15' });
        await expect(renderSvg(model)).toMatchFileSnapshot('./__snapshots__/spec-example.svg');
    });

    test('the spec example as HTML, in Dutch', async () => {
        const model = await timelineOf(specExampleText(), { withOrganisations: false, withDiagnostics: false, today: '2026-03-15' });
        await expect(renderHtml(model, { locale: 'nl' })).toMatchFileSnapshot('./__snapshots__/spec-example.nl.html');
    });

    test('the hostile example as HTML', async () => {
        const model = await timelineOf(hostileText(), { withOrganisations: false, withDiagnostics: false, today: '2026-03-15' });
        await expect(renderHtml(model)).toMatchFileSnapshot('./__snapshots__/hostile.html');
    });
});
