/**
 * Commands beyond `check`. Each lives in its own module and registers itself here.
 */

import type { Command } from 'commander';
import type { Locale } from '../language/i18n/locale.js';
import type { CliIo } from './io.js';
import { registerFmtCommand } from './fmt-command.js';
import { registerRenderCommand } from './render-command.js';
import { registerDiffCommand } from './diff-command.js';
import { registerExportCommand } from './export-command.js';
import { registerReviewCommand } from './review-command.js';

export function registerExtraCommands(program: Command, io: CliIo, setExitCode: (code: number) => void, locale: Locale): void {
    registerFmtCommand(program, io, setExitCode, locale);
    registerRenderCommand(program, io, setExitCode, locale);
    registerDiffCommand(program, io, setExitCode, locale);
    registerExportCommand(program, io, setExitCode, locale);
    registerReviewCommand(program, io, setExitCode, locale);
}
