/**
 * The texts of the `vplan-language-server` command itself (`--help`, unknown options), as a
 * catalogue of `Message`s rendered with `text()` in the locale of the environment (LC_ALL,
 * LC_MESSAGES, LANG). Everything the server says inside the editor comes from the language's
 * catalogues.
 */

import { message } from '../language/i18n/locale.js';

export const serverTexts = {
    usage: message<{ command: string; version: string }>({
        en: a => [
            `${a.command} ${a.version}: the vplan language server (LSP), for any editor.`,
            '',
            `Usage: ${a.command} --stdio`,
            `       ${a.command} --node-ipc | --socket=PORT | --pipe=NAME`,
            '',
            'Options:',
            '  --stdio          speak LSP over standard input and output (what editors other than VS Code use)',
            '  --node-ipc       speak LSP over Node\'s IPC channel (what the VS Code extension uses)',
            '  --socket=PORT    speak LSP over a TCP socket on 127.0.0.1',
            '  --pipe=NAME      speak LSP over a named pipe',
            '  -V, --version    print the version and exit',
            '  -h, --help       print this help and exit',
            '',
            'Editor configurations (VS Code, Neovim, Helix): docs/editor.md.'
        ].join('\n'),
        nl: a => [
            `${a.command} ${a.version}: de taalserver (LSP) van vplan, voor elke editor.`,
            '',
            `Gebruik: ${a.command} --stdio`,
            `         ${a.command} --node-ipc | --socket=POORT | --pipe=NAAM`,
            '',
            'Opties:',
            '  --stdio          spreek LSP via standaardinvoer en -uitvoer (wat andere editors dan VS Code gebruiken)',
            '  --node-ipc       spreek LSP via het IPC-kanaal van Node (wat de VS Code-extensie gebruikt)',
            '  --socket=POORT   spreek LSP via een TCP-socket op 127.0.0.1',
            '  --pipe=NAAM      spreek LSP via een named pipe',
            '  -V, --version    toon de versie en stop',
            '  -h, --help       toon deze hulp en stop',
            '',
            'Instellingen voor editors (VS Code, Neovim, Helix): docs/editor.md.'
        ].join('\n')
    }),
    // Logged to the editor (window/logMessage) in the editor's locale: server/file-watching.ts.
    watchingFiles: message<{ folders: number }>({
        en: a => `vplan: the editor does not report changes of files on disk, so the server watches the workspace itself (${a.folders} ${a.folders === 1 ? 'folder' : 'folders'}).`,
        nl: a => `vplan: de editor meldt geen wijzigingen van bestanden op schijf, dus de server bewaakt de werkruimte zelf (${a.folders} ${a.folders === 1 ? 'map' : 'mappen'}).`
    }),
    unwatchableFolder: message<{ folder: string; reason: string }>({
        en: a => `vplan: cannot watch ${a.folder} (${a.reason}); changes of its files on disk are not seen until the server restarts.`,
        nl: a => `vplan: kan ${a.folder} niet bewaken (${a.reason}); wijzigingen van de bestanden daarin op schijf worden pas gezien na een herstart van de server.`
    }),
    watchLimit: message<{ folder: string }>({
        en: a => `vplan: the system's limit of file watches is reached at ${a.folder}; changes on disk in the folders not yet watched are not seen (on Linux, raise fs.inotify.max_user_watches, or open a smaller folder).`,
        nl: a => `vplan: de grens van het systeem aan bewaakte bestanden is bereikt bij ${a.folder}; wijzigingen op schijf in de mappen die nog niet bewaakt werden, worden niet gezien (verhoog onder Linux fs.inotify.max_user_watches, of open een kleinere map).`
    }),
    noTransport: message<{ command: string }>({
        en: a => `${a.command}: error: no connection given; start it with --stdio (or --node-ipc, --socket=PORT, --pipe=NAME). See ${a.command} --help.`,
        nl: a => `${a.command}: fout: geen verbinding opgegeven; start met --stdio (of --node-ipc, --socket=POORT, --pipe=NAAM). Zie ${a.command} --help.`
    })
};
