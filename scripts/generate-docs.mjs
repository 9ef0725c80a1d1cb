// `npm run docs`: writes the files generated from the code: docs/rules.md from the rule units
// (language/rules/rules-doc.ts) and schemas/vplan-config.schema.json from the configuration's
// definition (language/config/config-schema.ts). Tests fail when a committed file is stale.
import * as esbuild from 'esbuild';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const outfile = resolve('out/scripts/rules-doc.cjs');
await esbuild.build({
    stdin: {
        contents: "export { renderRulesDoc } from './language/rules/rules-doc.ts'; export { configSchemaText } from './language/config/config-schema.ts';",
        resolveDir: '.',
        loader: 'ts'
    },
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    mainFields: ['module', 'main'],
    logLevel: 'warning',
    // Langium's ESM sources use import.meta.url in a few places; give CommonJS a stand-in.
    define: { 'import.meta.url': 'importMetaUrl' },
    inject: ['./scripts/import-meta-url.js']
});
const { renderRulesDoc, configSchemaText } = createRequire(import.meta.url)(outfile);
writeFileSync('docs/rules.md', await renderRulesDoc());
console.log('wrote docs/rules.md');
writeFileSync('schemas/vplan-config.schema.json', configSchemaText());
console.log('wrote schemas/vplan-config.schema.json');
