/**
 * Another LSP client: Debian's Neovim (0.7, headless) attaches the shipped language server
 * (`bin/vplan-language-server.cjs --stdio`, run with Debian's Node 20) to a plan with errors and
 * receives its diagnostics. Neovim 0.7 has no vim.lsp.start, so the client is started with
 * vim.lsp.start_client and attached from a FileType autocmd, as a user's init.lua would.
 *
 * The Neovim configuration of docs/editor.md (written for Neovim 0.9+: vim.lsp.start, vim.fs) is
 * run as it stands, with `vplan-language-server` on PATH; on an older Neovim the test first defines
 * the few functions it lacks (vim.lsp.start from start_client and buf_attach_client, vim.fs.find and
 * vim.fs.dirname), so that the example itself is what is tested.
 *
 * Neovim 0.7 watches no files for the server, so the server watches the workspace itself
 * (server/file-watching.ts): a catalogue changed on disk while a plan is open changes the plan's
 * diagnostics.
 *
 * Skipped with a reason when nvim is missing, unless VPLAN_REQUIRE_E2E=1.
 */

import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT, SYSTEM_NODE, SYSTEM_NODE_LABEL, findOnPath, makeRunDir, missingTools, removeRunDir, systemNode } from './support/tools.js';

const nvim = findOnPath(['nvim']);
const skipReason = missingTools([
    ['neovim (apt-get install neovim)', nvim !== undefined],
    [SYSTEM_NODE_LABEL, SYSTEM_NODE !== undefined]
]);
if (skipReason) console.warn(`[Neovim test] skipped: ${skipReason}`);

const SERVER = path.join(REPO_ROOT, 'bin', 'vplan-language-server.cjs');
const FIXTURES = path.join(REPO_ROOT, 'tests', 'editor', 'fixtures', 'workspace');

/** A Lua string literal (long brackets cannot hold "]]", so escape instead). */
function lua(value: string): string {
    return JSON.stringify(value);
}

function initLua(resultFile: string, root: string): string {
    return `
local result_file = ${lua(resultFile)}
local done = false
-- The first outcome wins; later ones (the server exiting as Neovim quits) are ignored.
-- Scheduled, since vim.fn is not allowed in the fast callbacks on_exit runs in.
local function finish(payload)
  if done then return end
  done = true
  vim.schedule(function()
    local file = io.open(result_file, 'w')
    file:write(vim.fn.json_encode(payload))
    file:close()
    vim.cmd('qall!')
  end)
end

-- Bounded: give up after 20 s and say so in the result.
vim.defer_fn(function() finish({ status = 'timeout' }) end, 20000)

vim.api.nvim_create_autocmd({ 'BufRead', 'BufNewFile' }, { pattern = '*.vplan', command = 'setfiletype vplan' })
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'vplan',
  callback = function(args)
    local client_id = vim.lsp.start_client({
      name = 'vplan',
      cmd = { ${lua(systemNode())}, ${lua(SERVER)}, '--stdio' },
      root_dir = ${lua(root)},
      handlers = {
        ['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
          if params and params.uri:match('met%-fouten%.vplan$') and #params.diagnostics > 0 then
            local client = vim.lsp.get_client_by_id(ctx.client_id)
            finish({
              status = 'ok',
              server = client and client.name or '',
              diagnostics = params.diagnostics,
            })
          end
        end,
      },
      on_exit = function(code) finish({ status = 'server exited', code = code }) end,
    })
    vim.lsp.buf_attach_client(args.buf, client_id)
  end,
})
`;
}

describe('Neovim 0.7 as an LSP client of bin/vplan-language-server.cjs', () => {
    test('receives diagnostics (VP005, VP000) for a plan with errors', context => {
        if (skipReason || !nvim) return context.skip(skipReason);
        const runDir = makeRunDir('nvim');
        for (const file of ['organisaties.vplan', 'met-fouten.vplan']) copyFileSync(path.join(FIXTURES, file), path.join(runDir, file));
        const resultFile = path.join(runDir, 'result.json');
        const init = path.join(runDir, 'init.lua');
        writeFileSync(init, initLua(resultFile, runDir));
        const run = spawnSync(nvim, ['--headless', '-n', '-i', 'NONE', '-u', init, path.join(runDir, 'met-fouten.vplan')], {
            cwd: runDir,
            encoding: 'utf8',
            timeout: 40_000,
            env: { ...process.env, XDG_CONFIG_HOME: path.join(runDir, 'config'), XDG_DATA_HOME: path.join(runDir, 'data'), XDG_STATE_HOME: path.join(runDir, 'state'), XDG_CACHE_HOME: path.join(runDir, 'cache') }
        });
        const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
        expect(existsSync(resultFile), `Neovim wrote no result (exit ${run.status}): ${output}`).toBe(true);
        const resultText = readFileSync(resultFile, 'utf8');
        removeRunDir(runDir);
        const result = JSON.parse(resultText) as { status: string; server?: string; diagnostics?: Array<{ code?: string; message: string; severity?: number }> };
        expect(result.status, JSON.stringify(result)).toBe('ok');
        expect(result.server).toBe('vplan');
        const codes = (result.diagnostics ?? []).map(diagnostic => String(diagnostic.code));
        expect(codes).toEqual(expect.arrayContaining(['VP005', 'VP000']));
        const vp000 = result.diagnostics?.find(diagnostic => diagnostic.code === 'VP000');
        expect(vp000?.message).toMatch(/extreme/);
        expect(vp000?.severity).toBe(1);
    }, 60_000);
});

/** The Lua block of docs/editor.md marked `neovim-example`. */
function neovimExample(): string {
    const doc = readFileSync(path.join(REPO_ROOT, 'docs', 'editor.md'), 'utf8');
    const match = /<!-- neovim-example[^>]*-->\s*```lua\n([\s\S]*?)```/.exec(doc);
    if (!match) throw new Error('docs/editor.md has no block marked <!-- neovim-example -->');
    return match[1];
}

/** What Neovim 0.9 has and 0.7 lacks, defined only where missing (the example stays as written). */
const POLYFILLS = `
-- Neovim 0.7 detects file types with vim.filetype.add only when filetype.lua is turned on.
if vim.fn.has('nvim-0.8') == 0 then vim.g.do_filetype_lua = 1 end
vim.fs = vim.fs or {}
if not vim.fs.dirname then
  vim.fs.dirname = function(file) if file == nil then return nil end return vim.fn.fnamemodify(file, ':h') end
end
if not vim.fs.find then
  vim.fs.find = function(names, opts)
    local dir = vim.fn.fnamemodify(opts.path, ':h')
    while true do
      for _, name in ipairs(names) do
        local candidate = dir .. '/' .. name
        if vim.loop.fs_stat(candidate) then return { candidate } end
      end
      local parent = vim.fn.fnamemodify(dir, ':h')
      if parent == dir then return {} end
      dir = parent
    end
  end
end
if not vim.lsp.start then
  local started = {}
  vim.lsp.start = function(config)
    local key = config.name .. '|' .. config.root_dir
    if not started[key] then started[key] = vim.lsp.start_client(config) end
    vim.lsp.buf_attach_client(0, started[key])
    return started[key]
  end
end
`;

/**
 * Runs Neovim headless on `file` with the configuration of docs/editor.md (`vplan-language-server`
 * on PATH through a shim that runs the repository's server with the system's Node). `onDiagnostics`
 * is Lua run for every publishDiagnostics (with `params`, `ctx` and `finish(payload)` in scope)
 * before Neovim's own handler; the payload given to `finish` is returned.
 */
function runDocumentedConfig(runDir: string, file: string, onDiagnostics: string): Record<string, unknown> {
    const bin = path.join(runDir, 'bin');
    mkdirSync(bin);
    const shim = path.join(bin, 'vplan-language-server');
    writeFileSync(shim, `#!/bin/sh\nexec ${JSON.stringify(systemNode())} ${JSON.stringify(SERVER)} "$@"\n`);
    chmodSync(shim, 0o755);
    const resultFile = path.join(runDir, 'result.json');
    const init = path.join(runDir, 'init.lua');
    writeFileSync(init, `
local result_file = ${lua(resultFile)}
local done = false
local function finish(payload)
  if done then return end
  done = true
  vim.schedule(function()
    local file = io.open(result_file, 'w')
    file:write(vim.fn.json_encode(payload))
    file:close()
    vim.cmd('qall!')
  end)
end
vim.defer_fn(function() finish({ status = 'timeout' }) end, 20000)
local default_handler = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
${onDiagnostics}
  return default_handler(err, params, ctx, config)
end
${POLYFILLS}
-- docs/editor.md, as written:
${neovimExample()}
`);
    const run = spawnSync(nvim!, ['--headless', '-n', '-i', 'NONE', '-u', init, file], {
        cwd: runDir,
        encoding: 'utf8',
        timeout: 40_000,
        env: {
            ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
            XDG_CONFIG_HOME: path.join(runDir, 'config'), XDG_DATA_HOME: path.join(runDir, 'data'),
            XDG_STATE_HOME: path.join(runDir, 'state'), XDG_CACHE_HOME: path.join(runDir, 'cache')
        }
    });
    const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
    expect(existsSync(resultFile), `Neovim wrote no result (exit ${run.status}): ${output}`).toBe(true);
    return JSON.parse(readFileSync(resultFile, 'utf8')) as Record<string, unknown>;
}

describe('the Neovim configuration of docs/editor.md', () => {
    test('attaches vplan-language-server from PATH and receives diagnostics', context => {
        if (skipReason || !nvim) return context.skip(skipReason);
        const runDir = makeRunDir('nvim-doc');
        const project = path.join(runDir, 'project');
        mkdirSync(project);
        writeFileSync(path.join(project, 'vplan.config.json'), '{ "root": true }\n');
        for (const file of ['organisaties.vplan', 'met-fouten.vplan']) copyFileSync(path.join(FIXTURES, file), path.join(project, file));
        const result = runDocumentedConfig(runDir, path.join(project, 'met-fouten.vplan'), `
  if params and params.uri:match('met%-fouten%.vplan$') and #params.diagnostics > 0 then
    local client = vim.lsp.get_client_by_id(ctx.client_id)
    finish({ status = 'ok', server = client and client.name or '', root = client and client.config.root_dir or '', diagnostics = params.diagnostics })
  end`) as { status: string; server?: string; root?: string; diagnostics?: Array<{ code?: string }> };
        removeRunDir(runDir);
        expect(result.status, JSON.stringify(result)).toBe('ok');
        expect(result.server).toBe('vplan');
        expect(result.root).toBe(project);
        expect((result.diagnostics ?? []).map(diagnostic => String(diagnostic.code))).toEqual(expect.arrayContaining(['VP005', 'VP000']));
    }, 60_000);

    // Neovim 0.7 watches no files for the server, so the server watches the workspace itself.
    test('a catalogue changed on disk while a plan is open changes the plan\'s diagnostics', context => {
        if (skipReason || !nvim) return context.skip(skipReason);
        const runDir = makeRunDir('nvim-watch');
        const project = path.join(runDir, 'project');
        mkdirSync(path.join(project, 'plannen'), { recursive: true });
        writeFileSync(path.join(project, 'vplan.config.json'), '{ "root": true }\n');
        const catalogue = path.join(project, 'organisaties.vplan');
        writeFileSync(catalogue, 'organisation vt "Veilig Thuis" kind veiligthuis\n');
        const plan = path.join(project, 'plannen', 'p.vplan');
        writeFileSync(plan, 'plan p "Plan" {\n    status active\n    regie {\n        vt from 2026-01-05\n    }\n}\n');
        const result = runDocumentedConfig(runDir, plan, `
  if params and params.uri:match('/p%.vplan$') and #params.diagnostics > 0 then
    local codes = {}
    for _, d in ipairs(params.diagnostics) do table.insert(codes, tostring(d.code)) end
    local found = table.concat(codes, ',')
    if vim.g.vplan_before == nil and not found:match('VP081') then
      -- The plan resolves vt; now another program renames it in the catalogue on disk.
      vim.g.vplan_before = found
      local file = io.open(${lua(catalogue)}, 'w')
      file:write('organisation vt2 "Veilig Thuis" kind veiligthuis\\n')
      file:close()
    elseif vim.g.vplan_before ~= nil and found:match('VP081') then
      finish({ status = 'ok', before = vim.g.vplan_before, after = found })
    end
  end`) as { status: string; before?: string; after?: string };
        removeRunDir(runDir);
        expect(result.status, JSON.stringify(result)).toBe('ok');
        expect(result.before).not.toMatch(/VP081/);
        expect(result.after).toMatch(/VP081/);
    }, 60_000);
});
