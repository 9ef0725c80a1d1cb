/**
 * Where each rule's documentation is, for the `codeDescription` of the diagnostics the server
 * publishes: the docs/rules.md that ships next to the server (in the .vsix and in the package),
 * as a `file:` URI with `#L<line>` of the rule's heading. VS Code opens a `file:` link with such a
 * fragment in an editor at that line (docs/decisions.md, "Links to the rules"); other clients open
 * the file. Without the file (a trimmed install) diagnostics carry no link.
 */

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** docs/rules.md beside the running server: out/server.cjs → ../docs/rules.md; server/*.ts in tests alike. */
export function defaultRulesDocPath(): string {
    return fileURLToPath(new URL('../docs/rules.md', import.meta.url));
}

/** The 1-based line of each rule's heading (`## VP011 — ...`) in the rules document. */
export function ruleHeadingLines(markdown: string): Map<string, number> {
    const lines = new Map<string, number>();
    markdown.split(/\r?\n/).forEach((line, index) => {
        const heading = /^##\s+(VP\d{3})\b/.exec(line);
        if (heading && !lines.has(heading[1])) lines.set(heading[1], index + 1);
    });
    return lines;
}

/** Links from rule codes to their documentation, read once. */
export class RuleDocLinks {
    private links: Map<string, string> | undefined;

    constructor(private readonly path: string = defaultRulesDocPath()) {}

    /** The link to a rule's page, or undefined when the code or the document is unknown. */
    linkFor(code: string | number | undefined): string | undefined {
        if (typeof code !== 'string') return undefined;
        return this.load().get(code);
    }

    private load(): Map<string, string> {
        if (this.links) return this.links;
        this.links = new Map();
        try {
            if (!existsSync(this.path)) return this.links;
            const base = pathToFileURL(this.path).href;
            for (const [code, line] of ruleHeadingLines(readFileSync(this.path, 'utf8'))) this.links.set(code, `${base}#L${line}`);
        } catch {
            // An unreadable document: diagnostics simply carry no link.
        }
        return this.links;
    }
}
