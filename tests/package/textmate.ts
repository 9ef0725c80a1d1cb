/**
 * A small TextMate-style line scanner for testing syntaxes/vplan.tmLanguage.json without
 * vscode-textmate: at each position the pattern that matches earliest wins (the first listed on a
 * tie), `include`s are followed, and begin/end rules are scanned to their end on the same line
 * (inner patterns and the end pattern compete, the end winning ties), like TextMate does. The
 * grammar's regexes stay within the part of Oniguruma that JavaScript shares, which the test
 * also proves by compiling every one of them.
 */

export interface Rule {
    include?: string;
    name?: string;
    match?: string;
    begin?: string;
    end?: string;
    captures?: Record<string, { name: string }>;
    beginCaptures?: Record<string, { name: string }>;
    endCaptures?: Record<string, { name: string }>;
    patterns?: Rule[];
}

export interface Grammar {
    scopeName: string;
    patterns: Rule[];
    repository: Record<string, Rule>;
}

export interface Token {
    text: string;
    scope: string;
}

function expand(rules: Rule[], grammar: Grammar, seen = new Set<string>()): Rule[] {
    return rules.flatMap(rule => {
        if (!rule.include) return [rule];
        const key = rule.include.replace(/^#/, '');
        const target = grammar.repository[key];
        if (!target) throw new Error(`unknown include ${rule.include}`);
        if (seen.has(key)) return [];
        const inner = target.patterns ? expand(target.patterns, grammar, new Set([...seen, key])) : [target];
        return inner;
    });
}

/** Every regex source in the grammar, for compiling. */
export function allRegexes(grammar: Grammar): string[] {
    const out: string[] = [];
    const visit = (rule: Rule) => {
        for (const source of [rule.match, rule.begin, rule.end]) if (source) out.push(source);
        rule.patterns?.forEach(visit);
    };
    grammar.patterns.forEach(visit);
    Object.values(grammar.repository).forEach(visit);
    return out;
}

interface Hit { rule: Rule; match: RegExpExecArray; isEnd: boolean }

function earliest(line: string, pos: number, rules: Rule[], end?: string): Hit | undefined {
    let best: Hit | undefined;
    const consider = (rule: Rule, source: string, isEnd: boolean) => {
        const regex = new RegExp(source, 'dg');
        regex.lastIndex = pos;
        const match = regex.exec(line);
        if (!match) return;
        // On a tie the earlier candidate stays: the end pattern is offered first, then the rules in order.
        if (!best || match.index < best.match.index) best = { rule, match, isEnd };
    };
    if (end !== undefined) consider({}, end, true);
    for (const rule of rules) {
        const source = rule.match ?? rule.begin;
        if (source) consider(rule, source, false);
    }
    return best;
}

function captureTokens(match: RegExpExecArray, captures: Rule['captures'], outer: string[], tokens: Token[]): void {
    if (!captures) return;
    for (const [group, { name }] of Object.entries(captures)) {
        const indices = match.indices?.[Number(group)];
        if (!indices) continue;
        const text = match.input.slice(indices[0], indices[1]);
        if (text) tokens.push({ text, scope: [...outer, name].join(' ') });
    }
}

export function tokenizeLine(grammar: Grammar, line: string): Token[] {
    const tokens: Token[] = [];
    const scan = (rules: Rule[], start: number, outer: string[], end?: string, endCaptures?: Rule['captures']): number => {
        let pos = start;
        while (pos <= line.length) {
            const hit = earliest(line, pos, rules, end);
            if (!hit) return line.length;
            const { rule, match } = hit;
            const matchEnd = match.index + match[0].length;
            if (hit.isEnd) {
                captureTokens(match, endCaptures, outer, tokens);
                return matchEnd;
            }
            if (rule.match !== undefined) {
                if (rule.name && match[0]) tokens.push({ text: match[0], scope: [...outer, rule.name].join(' ') });
                captureTokens(match, rule.captures, rule.name ? [...outer, rule.name] : outer, tokens);
                pos = match[0] ? matchEnd : matchEnd + 1;
                continue;
            }
            const scopes = rule.name ? [...outer, rule.name] : outer;
            captureTokens(match, rule.beginCaptures ?? rule.captures, scopes, tokens);
            const innerRules = rule.patterns ? expand(rule.patterns, grammar) : [];
            const after = scan(innerRules, matchEnd, scopes, rule.end ?? '$', rule.endCaptures ?? rule.captures);
            if (rule.name) tokens.push({ text: line.slice(match.index, after), scope: scopes.join(' ') });
            pos = after > match.index ? after : match.index + 1;
        }
        return line.length;
    };
    scan(expand(grammar.patterns, grammar), 0, []);
    return tokens;
}

/** The scopes given to an exact piece of text on a line. */
export function scopesOf(grammar: Grammar, line: string, text: string): string[] {
    return tokenizeLine(grammar, line).filter(token => token.text === text).map(token => token.scope);
}
