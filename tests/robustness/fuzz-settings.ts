/**
 * Run counts and seeds of the property and fuzz tests. CI runs each property with its own fixed
 * seed and count; `npm run fuzz` (scripts/fuzz.mjs) sets VPLAN_FUZZ_SCALE to run every property
 * that many times longer, and VPLAN_FUZZ_SEED to shift every seed (a failure prints the seed and
 * path that replay it).
 */

const SCALE = Math.max(1, Math.floor(Number(process.env.VPLAN_FUZZ_SCALE ?? 1)) || 1);
const SHIFT = Math.floor(Number(process.env.VPLAN_FUZZ_SEED ?? 0)) || 0;

/** fast-check's options for a property: `numRuns` runs (times the scale) from `seed` (plus the shift). */
export function fuzzRuns(numRuns: number, seed: number): { numRuns: number; seed: number } {
    return { numRuns: numRuns * SCALE, seed: seed + SHIFT };
}

/** A test's time limit, scaled with the runs. */
export function fuzzTimeout(milliseconds: number): number {
    return milliseconds * SCALE;
}
