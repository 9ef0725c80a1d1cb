// esbuild inject: `import.meta.url` for CommonJS bundles.
export const importMetaUrl = require('url').pathToFileURL(__filename).href;
