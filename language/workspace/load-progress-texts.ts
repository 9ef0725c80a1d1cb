/**
 * The texts of the language server's work-done progress while it loads the workspace
 * (load-progress.ts): a catalogue of `Message`s rendered with `text()`, like every text of vplan.
 */

import { message, words } from '../i18n/locale.js';

export const loadProgressTexts = {
    title: words({ en: 'Loading vplan workspace', nl: 'vplan-werkruimte laden' }),
    reading: words({ en: 'reading files', nl: 'bestanden lezen' }),
    built: message<{ done: number; total: number }>({
        en: a => `${a.done} of ${a.total} files`,
        nl: a => `${a.done} van ${a.total} bestanden`
    })
};
