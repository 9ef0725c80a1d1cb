/** The custom `vplan/timeline` request (docs/lsp-extensions.md). TODO: implement. */

import type { Connection } from 'vscode-languageserver';
import type { createVplanServices } from '../language/vplan-module.js';

export function registerTimelineRequest(_connection: Connection, _services: ReturnType<typeof createVplanServices>): void {
    // TODO
}
