import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['tests/**/*.test.ts'],
        // Every update of the document builder is checked against Langium's walk (tests/setup/check-updates.ts).
        setupFiles: ['tests/setup/check-updates.ts'],
        testTimeout: 30_000,
        hookTimeout: 60_000
    }
});
