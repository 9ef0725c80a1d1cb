/**
 * `VplanWorkspaceManager.initializeWorkspace` (language/workspace/builtin-documents.ts) repeats
 * Langium's own steps around its progress reports (load-progress.ts). This test fails if a Langium
 * upgrade changes those steps, so that the override is looked at again (docs/langium-overrides.md).
 */

import { DefaultWorkspaceManager } from 'langium';
import { describe, expect, test } from 'vitest';

describe("Langium's initializeWorkspace is what VplanWorkspaceManager repeats", () => {
    test('performStartup, a cancellation check, one build with the initial build options', () => {
        const source = DefaultWorkspaceManager.prototype.initializeWorkspace.toString().replace(/\s+/g, ' ');
        const steps = [
            'const documents = await this.performStartup(folders);',
            'await interruptAndCheck(cancelToken);',
            'await this.documentBuilder.build(documents, this.initialBuildOptions, cancelToken);'
        ];
        let at = 0;
        for (const step of steps) {
            const found = source.indexOf(step, at);
            expect(found, step).toBeGreaterThanOrEqual(0);
            at = found + step.length;
        }
        // Nothing else but comments and the closing brace after the build.
        expect(source.slice(at).replace(/\/\/[^\n]*/g, '').trim()).toBe('}');
    });
});
