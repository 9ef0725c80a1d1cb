/** The extension's language: `vplan.locale`, else VS Code's display language (client-texts.ts). */

import { env, workspace } from 'vscode';
import type { Locale } from '../language/i18n/locale.js';
import { clientLocale } from './client-texts.js';

/** Read at each use: the setting may change at any time. */
export function currentLocale(): Locale {
    return clientLocale(workspace.getConfiguration('vplan').get<string>('locale'), env.language);
}
