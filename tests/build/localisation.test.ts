/**
 * One localisation mechanism (docs/decisions.md): every text for people is an entry of a typed
 * catalogue (`Message<A>`, language/i18n/locale.ts) rendered with `text()`, with the shared words of
 * language/i18n/phrases.ts. This test keeps it that way: no other mechanism in the shipped code,
 * every catalogue entry in both languages, and the Dutch words a coordinator expects.
 */

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { text, type Locale, type Message } from '../../language/i18n/locale.js';
import { SEVERITY_WORDS, severityCount } from '../../language/i18n/phrases.js';
import { editorTexts, snippetTexts } from '../../language/lsp/editor-texts.js';
import { timelineTexts } from '../../language/timeline/timeline-texts.js';
import { diffTexts } from '../../language/diff/diff-texts.js';
import { cliTexts } from '../../cli/cli-texts.js';
import { clientTexts } from '../../client/client-texts.js';

const repo = new URL('../../', import.meta.url).pathname;

function sources(folder: string): string[] {
    const result: string[] = [];
    for (const entry of readdirSync(join(repo, folder))) {
        const path = join(repo, folder, entry);
        if (statSync(path).isDirectory()) result.push(...sources(relative(repo, path)));
        else if (/\.(ts|js)$/.test(entry)) result.push(relative(repo, path));
    }
    return result;
}

/**
 * Files that may hold texts in both languages: the catalogues, the shared words, and the rule units
 * (each rule's findings and texts are its catalogue).
 */
const isCatalogue = (file: string) => file.startsWith('language/i18n/') || /-texts\.ts$/.test(file) || file.startsWith('language/rules/');

/** Not converted yet: the one diagnostic of an oversized file belongs with the VP000 rule unit. */
const PENDING = new Set(['language/workspace/large-file-guard.ts']);

const SHIPPED = ['language', 'cli', 'client', 'server', 'media'].flatMap(sources).filter(file => !file.startsWith('language/generated/'));

describe('one mechanism', () => {
    test('no other way to pick a language: no t(locale, en, nl), no l10n bundle, no branching on the locale outside the catalogues', () => {
        const found: string[] = [];
        for (const file of SHIPPED) {
            if (isCatalogue(file) || PENDING.has(file)) continue;
            const source = readFileSync(join(repo, file), 'utf8');
            const patterns: Array<[string, RegExp]> = [
                ['t(locale, ...)', /\bt\(locale,/],
                ['vscode l10n', /\bl10n\.t\(|@vscode\/l10n/],
                ["locale === 'nl'", /locale\s*===\s*'nl'|'nl'\s*===\s*locale/],
                ['[locale] lookup', /\]\s*\[locale\]|\w\[locale\]/],
                ['{ en, nl } text', /\bnl:\s*(['"`]|\(?\w*\)?\s*=>)/]
            ];
            for (const [what, pattern] of patterns) if (pattern.test(source)) found.push(`${file}: ${what}`);
        }
        expect(found).toEqual([]);
    });

    test('the extension has no l10n bundle and no static snippets: manifest strings only in package.nls*.json', () => {
        const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
        expect(manifest.l10n).toBeUndefined();
        expect(manifest.contributes.snippets).toBeUndefined();
    });
});

type Catalogue = { [key: string]: Message<never> | Catalogue };

const CATALOGUES: Record<string, Catalogue> = {
    editorTexts, snippetTexts, timelineTexts, diffTexts, cliTexts, clientTexts
} as unknown as Record<string, Catalogue>;

function isMessage(value: unknown): value is Message<unknown> {
    return typeof value === 'object' && value !== null && typeof (value as Message).en === 'function' && typeof (value as Message).nl === 'function';
}

/** Every entry of a catalogue, with its path (`cliTexts.noSuchFile`). */
function entries(catalogue: Catalogue, path: string): Array<[string, Message<unknown>]> {
    return Object.entries(catalogue).flatMap(([key, value]) => {
        if (isMessage(value)) return [[`${path}.${key}`, value] as [string, Message<unknown>]];
        return typeof value === 'object' && value !== null ? entries(value as Catalogue, `${path}.${key}`) : [];
    });
}

const ALL = Object.entries(CATALOGUES).flatMap(([name, catalogue]) => entries(catalogue, name));

/** A text without arguments, or undefined when the entry needs some. */
function render(message: Message<unknown>, locale: Locale): string | undefined {
    try {
        return text(message as Message<Record<string, never>>, {}, locale);
    } catch {
        return undefined;
    }
}

/** Fixed texts that are the same in both languages, on purpose. */
const SAME_IN_BOTH = new Set([
    'editorTexts.regie', 'editorTexts.status', 'snippetTexts.placeholders.regieNote'
]);

describe('every catalogue', () => {
    test('holds only Messages, each in English and Dutch', () => {
        expect(ALL.length).toBeGreaterThan(150);
        for (const [name, catalogue] of Object.entries(CATALOGUES)) {
            const walk = (value: unknown, path: string): void => {
                if (isMessage(value)) return;
                expect(typeof value === 'object' && value !== null, `${path} is neither a Message nor a group of them`).toBe(true);
                for (const [key, child] of Object.entries(value as object)) walk(child, `${path}.${key}`);
            };
            walk(catalogue, name);
        }
    });

    test('a fixed text is never empty, never padded, and Dutch unless it is the same word in both', () => {
        const problems: string[] = [];
        for (const [path, message] of ALL) {
            const en = render(message, 'en');
            const nl = render(message, 'nl');
            if (en === undefined || nl === undefined || en.includes('undefined')) continue;
            if (!en || !nl || en !== en.trim() || nl !== nl.trim()) problems.push(`${path}: '${en}' / '${nl}'`);
            if (en === nl && !SAME_IN_BOTH.has(path) && !/^(--|-o|\[|<|help)/.test(en)) problems.push(`${path}: not translated ('${nl}')`);
        }
        expect(problems).toEqual([]);
    });
});

describe('the Dutch words of the field', () => {
    test('an info is an *opmerking*; a diagnostic a *bevinding*: never a *melding*, which is a report of violence', () => {
        expect(SEVERITY_WORDS.nl.info).toEqual(['opmerking', 'opmerkingen']);
        expect(severityCount(2, 'info', 'nl')).toBe('2 opmerkingen');
        expect(text(diffTexts.introduced, {}, 'nl')).toBe('Nieuwe bevindingen:');
        expect(text(diffTexts.resolved, {}, 'nl')).toBe('Opgeloste bevindingen:');
        expect(text(cliTexts.checkSummary, { files: 1, errors: 0, warnings: 1, infos: 3 }, 'nl'))
            .toBe('1 bestand gecontroleerd: 0 fouten, 1 waarschuwing, 3 opmerkingen.');
    });

    test('*melding* only where it means a report of violence', () => {
        // The placeholder of an aftercare signal and the incident snippet are about new reports.
        const allowed = new Set(['snippetTexts.placeholders.signal', 'snippetTexts.descriptions.incident']);
        const found = ALL.filter(([path, message]) => !allowed.has(path) && /melding/i.test(render(message, 'nl') ?? message.nl.toString()))
            .map(([path]) => path);
        expect(found).toEqual([]);
        const manifest = readFileSync(join(repo, 'package.nls.nl.json'), 'utf8');
        expect(manifest).not.toMatch(/melding/i);
    });
});
