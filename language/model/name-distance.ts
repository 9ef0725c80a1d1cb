/**
 * "Did you mean ...": how far a written word is from the names and keywords it may have been
 * meant to be. The distance is the optimal string alignment distance (Levenshtein plus the swap
 * of two neighbouring letters, the most common typo: `statsu` for `status`), compared without
 * regard to case (names are case-sensitive, so `Sanne` for `sanne` is a typo worth a suggestion).
 * A dozen lines, so no library: the npm Levenshtein packages do not count a swap as one edit.
 */

/** The optimal string alignment distance between two strings. */
export function editDistance(a: string, b: string): number {
    if (a === b) return 0;
    if (a.length === 0) return b.length;
    if (b.length === 0) return a.length;
    // Three rows of the dynamic programme: two back for a swap, one back, and the current one.
    let beforePrevious = new Array<number>(b.length + 1).fill(0);
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    let current = new Array<number>(b.length + 1).fill(0);
    for (let i = 1; i <= a.length; i++) {
        current[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let distance = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance = Math.min(distance, beforePrevious[j - 2] + 1);
            current[j] = distance;
        }
        [beforePrevious, previous, current] = [previous, current, beforePrevious];
    }
    return previous[b.length];
}

/** How many edits still count as a typo of a word this long: 1 up to five letters, then one more per three letters, at most 3. */
export function typoDistance(length: number): number {
    return Math.min(3, Math.max(1, Math.floor(length / 3)));
}

/**
 * The candidates closest to `written`, nearest first (then by name), at most `limit`: only those
 * within a typo's distance, and never `written` itself. A case-only difference is the nearest of all.
 */
export function nearestNames(written: string, candidates: Iterable<string>, limit = 3): string[] {
    const lower = written.toLowerCase();
    const maxDistance = typoDistance(written.length);
    const scored: Array<{ name: string; distance: number; exact: number }> = [];
    for (const name of new Set(candidates)) {
        if (name === written || Math.abs(name.length - written.length) > maxDistance) continue;
        const distance = editDistance(lower, name.toLowerCase());
        if (distance > maxDistance || distance >= Math.max(written.length, name.length)) continue;
        scored.push({ name, distance, exact: editDistance(written, name) });
    }
    scored.sort((x, y) => x.distance - y.distance || x.exact - y.exact || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
    return scored.slice(0, limit).map(entry => entry.name);
}
