/**
 * Commands beyond `check` (fmt, render, diff, export). Each lives in its own module and adds
 * itself here, so the commands can grow without touching main.ts.
 */

import type { Command } from 'commander';
import type { CliIo } from './io.js';

export function registerExtraCommands(_program: Command, _io: CliIo, _setExitCode: (code: number) => void): void {
    // fmt, render, diff and export register here.
}
