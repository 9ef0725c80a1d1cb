/**
 * The texts of the language server's work-done progress while it loads the workspace, and while
 * it reads closed plans again after a change they depend on (load-progress.ts): a catalogue of
 * `Message`s rendered with `text()`, like every text of vplan.
 */

import { message, words } from '../i18n/locale.js';

export const loadProgressTexts = {
    title: words({ en: 'Loading vplan workspace', nl: 'vplan-werkruimte laden' }),
    reading: words({ en: 'reading files', nl: 'bestanden lezen' }),
    built: message<{ done: number; total: number }>({
        en: a => `${a.done} of ${a.total} files`,
        nl: a => `${a.done} van ${a.total} bestanden`
    }),
    rereadTitle: words({ en: 'Checking closed plans again', nl: 'Gesloten plannen opnieuw controleren' }),
    reread: message<{ done: number; total: number }>({
        en: a => `${a.done} of ${a.total} plans`,
        nl: a => `${a.done} van ${a.total} plannen`
    })
};
