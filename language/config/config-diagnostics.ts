/**
 * VP009 problems of a vplan.config.json as LSP diagnostics: the server publishes them on the
 * config file, the CLI prints them like any other diagnostic.
 */

import { TextDocument } from 'langium';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Locale } from '../i18n/locale.js';
import { renderMessage } from '../rules/registry.js';
import type { LoadedConfig } from './settings-provider.js';

export function configDiagnostics(loaded: LoadedConfig, locale: Locale): Diagnostic[] {
    const text = TextDocument.create(loaded.uri.toString(), 'json', 0, loaded.text);
    return loaded.parsed.problems.map(problem => ({
        range: { start: text.positionAt(problem.offset), end: text.positionAt(problem.offset + problem.length) },
        severity: DiagnosticSeverity.Error,
        code: 'VP009',
        source: 'vplan',
        message: renderMessage(problem.messageId, problem.args, locale)
    }));
}
