/** `vplan export`: TODO (contract: shared/spec/cli.md). */

import type { Command } from 'commander';
import type { CliIo } from './io.js';

export function registerExportCommand(_program: Command, _io: CliIo, _setExitCode: (code: number) => void): void {
    // TODO
}
