import { describe, expect, test } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import {
    TimelineUpdateGate, buildWebviewHtml, createThrottle, parseWebviewMessage, rangeForItem, webviewContentSecurityPolicy, type Timers
} from '../../language/timeline/preview-support.js';
import { escapeMarkup } from '../../language/timeline/escape.js';
import { TIMELINE_PAGE_RULES, TIMELINE_SVG_RULES } from '../../language/timeline/timeline-styles.js';
import { specExampleText, timelineOf } from './timeline-test-helpers.js';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

describe('webview HTML', () => {
    const options = {
        cspSource: 'https://file+.vscode-resource.vscode-cdn.net', nonce: 'abcdefghijklmnopqrstuvwx',
        scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/timeline.js',
        styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/timeline.css', title: 'vplan timeline', lang: 'en'
    };

    test('a strict CSP: nothing by default, styles and images from the extension, scripts only with the nonce', () => {
        expect(webviewContentSecurityPolicy(options.cspSource, options.nonce))
            .toBe(`default-src 'none'; img-src ${options.cspSource}; style-src ${options.cspSource}; script-src 'nonce-${options.nonce}'`);
        const html = buildWebviewHtml(options);
        expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${escapeMarkup(webviewContentSecurityPolicy(options.cspSource, options.nonce))}">`);
        expect(html.match(/<script/g)).toHaveLength(1);
        expect(html).toContain(`<script nonce="${options.nonce}" src="${escapeMarkup(options.scriptUri)}"></script>`);
        expect(html).not.toMatch(/<style|\sstyle=|\son\w+=/);
    });

    test('refuses a weak nonce', () => {
        expect(() => buildWebviewHtml({ ...options, nonce: '123' })).toThrow(/nonce/);
        expect(() => buildWebviewHtml({ ...options, nonce: 'abc"><script>x</script>' })).toThrow(/nonce/);
    });

    test('media/timeline.css carries the shared drawing rules verbatim and maps colours to the VS Code theme', () => {
        const cssUrl = new URL('../../media/timeline.css', import.meta.url);
        const css = readFileSync(cssUrl, 'utf8');
        const marker = '/* ---- shared rules (language/timeline/timeline-styles.ts) ---- */\n';
        expect(css).toContain(marker);
        const expected = css.slice(0, css.indexOf(marker) + marker.length) + TIMELINE_SVG_RULES + TIMELINE_PAGE_RULES;
        // After changing timeline-styles.ts: VPLAN_UPDATE_MEDIA=1 npx vitest run tests/timeline/preview-support.test.ts
        if (process.env.VPLAN_UPDATE_MEDIA) writeFileSync(cssUrl, expected);
        else expect(css, 'media/timeline.css is out of date (see the comment above)').toBe(expected);
        expect(css).toContain('--vplan-dwang: var(--vscode-charts-red');
        expect(css).toContain('body.vscode-high-contrast');
        expect(css).toContain('body.vscode-dark');
    });

    test('media/timeline.js inserts plan text only as text', () => {
        const script = readFileSync(new URL('../../media/timeline.js', import.meta.url), 'utf8');
        expect(script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function|DOMParser/);
        expect(script).toContain('textContent');
    });

    test('package.json contributes the command, the editor title button and the restore activation', () => {
        expect(packageJson.activationEvents).toContain('onWebviewPanel:vplan.timeline');
        expect(packageJson.contributes.commands.map((c: { command: string }) => c.command)).toContain('vplan.openTimelineToSide');
        expect(packageJson.contributes.menus['editor/title']).toContainEqual(expect.objectContaining({ command: 'vplan.openTimelineToSide', when: 'editorLangId == vplan' }));
    });
});

describe('messages from the webview', () => {
    test('only known, well-formed messages pass', () => {
        expect(parseWebviewMessage({ type: 'ready' })).toEqual({ type: 'ready' });
        expect(parseWebviewMessage({ type: 'ready', width: 800 })).toEqual({ type: 'ready', width: 800 });
        expect(parseWebviewMessage({ type: 'ready', width: 'wide' })).toEqual({ type: 'ready' });
        expect(parseWebviewMessage({ type: 'resize', width: 900 })).toEqual({ type: 'resize', width: 900 });
        expect(parseWebviewMessage({ type: 'resize', width: Infinity })).toBeUndefined();
        expect(parseWebviewMessage({ type: 'reveal', itemId: 'measure:hv' })).toEqual({ type: 'reveal', itemId: 'measure:hv' });
        expect(parseWebviewMessage({ type: 'reveal', itemId: 42 })).toBeUndefined();
        expect(parseWebviewMessage({ type: 'reveal', itemId: 'x'.repeat(500) })).toBeUndefined();
        expect(parseWebviewMessage({ type: 'openLink', href: 'javascript:alert(1)' })).toBeUndefined();
        expect(parseWebviewMessage(null)).toBeUndefined();
        expect(parseWebviewMessage('reveal')).toBeUndefined();
    });

    test('a reveal finds the range in the extension\'s own model', async () => {
        const model = await timelineOf(specExampleText(), { withOrganisations: false });
        expect(rangeForItem(model, 'measure:hv')).toEqual(model.items.find(i => i.id === 'measure:hv')!.range);
        expect(rangeForItem(model, 'regie:1')).toEqual(model.regie.periods[1].range);
        expect(rangeForItem(model, 'aftercare')).toEqual(model.aftercare!.range);
        expect(rangeForItem(model, 'member:noor')).toEqual(model.members.find(m => m.name === 'noor')!.range);
        expect(rangeForItem(model, 'meeting:0')).toEqual(model.markers.find(m => m.id === 'meeting:0')!.range);
        expect(rangeForItem(model, 'nothing')).toBeUndefined();
        expect(rangeForItem(undefined, 'measure:hv')).toBeUndefined();
    });
});

describe('never an older version after a newer one', () => {
    test('a late answer to an earlier request is dropped', () => {
        const gate = new TimelineUpdateGate();
        const first = gate.next();
        const second = gate.next();
        expect(gate.accept(second, 'file:///a.vplan', 5)).toBe(true);
        expect(gate.accept(first, 'file:///a.vplan', 4)).toBe(false);
    });

    test('an answer computed from an older text version is dropped, a new document starts afresh', () => {
        const gate = new TimelineUpdateGate();
        expect(gate.accept(gate.next(), 'file:///a.vplan', 7)).toBe(true);
        expect(gate.accept(gate.next(), 'file:///a.vplan', 6)).toBe(false);
        expect(gate.accept(gate.next(), 'file:///a.vplan', 7)).toBe(true);
        expect(gate.accept(gate.next(), 'file:///b.vplan', 1)).toBe(true);
        gate.reset();
        expect(gate.accept(gate.next(), 'file:///b.vplan', 0)).toBe(true);
    });
});

describe('throttle', () => {
    function fakeTimers() {
        const queue: Array<{ callback: () => void; id: number }> = [];
        let id = 0;
        const timers: Timers = {
            setTimeout: (callback: () => void) => { queue.push({ callback, id: ++id }); return id; },
            clearTimeout: (handle: unknown) => { const index = queue.findIndex(t => t.id === handle); if (index >= 0) queue.splice(index, 1); }
        };
        return { timers, flush: () => { const next = queue.shift(); next?.callback(); return next !== undefined; } };
    }

    test('runs at once, collapses a burst into one trailing run, then goes quiet', () => {
        const { timers, flush } = fakeTimers();
        let runs = 0;
        const throttle = createThrottle(() => { runs++; }, 300, timers);
        throttle.schedule();
        expect(runs).toBe(1);
        throttle.schedule();
        throttle.schedule();
        throttle.schedule();
        expect(runs).toBe(1);
        flush();
        expect(runs).toBe(2);
        flush();
        expect(runs).toBe(2);
        expect(flush()).toBe(false);
        throttle.schedule();
        expect(runs).toBe(3);
    });

    test('does nothing after dispose', () => {
        const { timers, flush } = fakeTimers();
        let runs = 0;
        const throttle = createThrottle(() => { runs++; }, 300, timers);
        throttle.schedule();
        throttle.schedule();
        throttle.dispose();
        flush();
        throttle.schedule();
        expect(runs).toBe(1);
    });
});
