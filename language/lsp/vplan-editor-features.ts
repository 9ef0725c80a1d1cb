/**
 * Completion, hover, semantic tokens, inlay hints, code lens, rename, symbols. TODO: implement;
 * each entry maps a Langium `lsp` service key to its factory.
 */

import type { PartialLangiumServices } from 'langium/lsp';

export const vplanEditorFeatures: NonNullable<PartialLangiumServices['lsp']> = {};
