// Runs INSIDE the extension host of code-server 4.100.3 (VS Code 1.100, Node 20), with the real
// `vscode` API: loaded through the workbench's `extensionTestsPath`, which calls `run()`.
// Plain CommonJS on purpose: the extension host loads it as it is.
// Each check is recorded in results.json next to this file; tests/editor/code-server.test.ts
// reads it and turns every check into one vitest test.
'use strict';

const vscode = require('vscode');
const fs = require('node:fs');
const path = require('node:path');

const EXTENSION_ID = 'vplan.vplan';
const results = [];

async function check(name, body) {
    const started = Date.now();
    try {
        await body();
        results.push({ name, ok: true, ms: Date.now() - started });
        console.log(`ok - ${name}`);
    } catch (error) {
        results.push({ name, ok: false, error: String((error && error.stack) || error) });
        console.log(`not ok - ${name}: ${String(error)}`);
    }
}

function delay(ms) {
    return new Promise(resolve => setTimeout(resolve, ms));
}

async function waitFor(label, timeoutMs, probe) {
    const deadline = Date.now() + timeoutMs;
    let last;
    while (Date.now() < deadline) {
        try {
            const value = await probe();
            if (value) return value;
        } catch (error) {
            last = error;
        }
        await delay(100);
    }
    throw new Error(`timed out after ${timeoutMs} ms waiting for ${label}${last ? ` (${last})` : ''}`);
}

function assert(condition, message) {
    if (!condition) throw new Error(message);
}

function codeOf(diagnostic) {
    const code = diagnostic.code;
    return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

function workspaceFile(name) {
    const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
    assert(folder, 'no workspace folder is open');
    return vscode.Uri.joinPath(folder.uri, name);
}

function labelOf(item) {
    return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Language server processes started by this extension host (children running out/server.cjs). */
function serverPids() {
    const pids = [];
    for (const entry of fs.readdirSync('/proc')) {
        if (!/^\d+$/.test(entry)) continue;
        try {
            const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
            const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
            if (ppid !== process.pid) continue;
            const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
            if (cmdline.includes('server.cjs')) pids.push(Number(entry));
        } catch {
            // The process ended while we looked.
        }
    }
    return pids;
}

function diagnosticsWith(uri, codes) {
    const diagnostics = vscode.languages.getDiagnostics(uri);
    const found = new Set(diagnostics.map(codeOf));
    return codes.every(code => found.has(code)) ? diagnostics : undefined;
}

async function replaceInDocument(document, search, replacement) {
    const offset = document.getText().indexOf(search);
    assert(offset >= 0, `'${search}' is not in ${document.uri.path}`);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(document.positionAt(offset), document.positionAt(offset + search.length)), replacement);
    assert(await vscode.workspace.applyEdit(edit), 'applyEdit failed');
}

exports.run = async function run() {
    const faulty = workspaceFile('met-fouten.vplan');
    const messy = workspaceFile('rommelig.vplan');
    let faultyDocument;

    await check('the extension activates when a .vplan file opens', async () => {
        const extension = vscode.extensions.getExtension(EXTENSION_ID);
        assert(extension, `extension ${EXTENSION_ID} is not installed`);
        faultyDocument = await vscode.workspace.openTextDocument(faulty);
        await vscode.window.showTextDocument(faultyDocument);
        assert(faultyDocument.languageId === 'vplan', `language id is ${faultyDocument.languageId}`);
        await waitFor('activation', 20000, () => extension.isActive);
    });

    await check('diagnostics appear for a plan with errors (VP005, VP000)', async () => {
        const diagnostics = await waitFor('VP005 and VP000', 30000, () => diagnosticsWith(faulty, ['VP005', 'VP000']));
        const vp000 = diagnostics.find(d => codeOf(d) === 'VP000');
        assert(vp000.severity === vscode.DiagnosticSeverity.Error, 'VP000 is not an error');
        assert(/extreme/.test(vp000.message), `VP000 message does not name the value: ${vp000.message}`);
        assert(faultyDocument.getText(vp000.range) === 'extreme', `VP000 range covers '${faultyDocument.getText(vp000.range)}'`);
    });

    await check('completion offers the severities after `severity`', async () => {
        const offset = faultyDocument.getText().indexOf('severity extreme') + 'severity '.length;
        const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', faulty, faultyDocument.positionAt(offset));
        const labels = list.items.map(labelOf);
        for (const severity of ['low', 'medium', 'high', 'acute']) {
            assert(labels.includes(severity), `no '${severity}' among ${labels.slice(0, 30).join(', ')}`);
        }
    });

    await check('Format Document returns edits that give the canonical layout', async () => {
        const document = await vscode.workspace.openTextDocument(messy);
        await vscode.window.showTextDocument(document);
        const edits = await vscode.commands.executeCommand('vscode.executeFormatDocumentProvider', messy, { tabSize: 4, insertSpaces: true });
        assert(Array.isArray(edits) && edits.length > 0, 'no formatting edits');
        const edit = new vscode.WorkspaceEdit();
        edit.set(messy, edits);
        assert(await vscode.workspace.applyEdit(edit), 'applyEdit failed');
        const text = document.getText();
        assert(text.includes('\n    status draft\n'), `status not indented by 4: ${JSON.stringify(text)}`);
        assert(text.includes('\n    period 2026-05-04 to 2027-05-04\n'), 'period not normalised');
        assert(text.includes('\n        member janneke adult born 1992 roles perpetrator\n'), 'member not normalised');
        await vscode.commands.executeCommand('workbench.action.files.revert');
        await vscode.window.showTextDocument(faultyDocument);
    });

    await check('the timeline command vplan.openTimelineToSide exists and opens a webview', async () => {
        const commands = await vscode.commands.getCommands(true);
        assert(commands.includes('vplan.openTimelineToSide'), 'vplan.openTimelineToSide is not registered');
        await vscode.window.showTextDocument(faultyDocument);
        await vscode.commands.executeCommand('vplan.openTimelineToSide');
        await waitFor('a webview tab', 15000, () => vscode.window.tabGroups.all
            .flatMap(group => group.tabs)
            .some(tab => tab.input instanceof vscode.TabInputWebview));
        await vscode.window.showTextDocument(faultyDocument, vscode.ViewColumn.One);
    });

    await check('changing vplan.locale to nl switches the messages to Dutch, and back', async () => {
        const english = diagnosticsWith(faulty, ['VP000']).find(d => codeOf(d) === 'VP000').message;
        const configuration = vscode.workspace.getConfiguration('vplan');
        await configuration.update('locale', 'nl', vscode.ConfigurationTarget.Global);
        try {
            const dutch = await waitFor('a Dutch VP000 message', 20000, () => {
                const current = (diagnosticsWith(faulty, ['VP000']) || []).find(d => codeOf(d) === 'VP000');
                return current && current.message !== english ? current.message : undefined;
            });
            assert(/extreme/.test(dutch), `Dutch message lost the value: ${dutch}`);
            assert(/[Oo]nbekend|toegestaan/.test(dutch), `not Dutch: ${dutch}`);
        } finally {
            await configuration.update('locale', 'en', vscode.ConfigurationTarget.Global);
        }
        await waitFor('the English VP000 message again', 20000, () => {
            const current = (diagnosticsWith(faulty, ['VP000']) || []).find(d => codeOf(d) === 'VP000');
            return current && current.message === english;
        });
    });

    await check('"vplan: Show Output" and "vplan: Restart Language Server" work', async () => {
        const commands = await vscode.commands.getCommands(true);
        assert(commands.includes('vplan.showOutput'), 'vplan.showOutput is not registered');
        assert(commands.includes('vplan.restartServer'), 'vplan.restartServer is not registered');
        await vscode.commands.executeCommand('vplan.showOutput');
        const before = serverPids();
        assert(before.length === 1, `expected one server process, found ${before.join(', ') || 'none'}`);
        await vscode.commands.executeCommand('vplan.restartServer');
        await waitFor('a new server process', 20000, () => {
            const now = serverPids();
            return now.length === 1 && now[0] !== before[0];
        });
        await waitFor('diagnostics after the restart', 30000, () => diagnosticsWith(faulty, ['VP005', 'VP000']));
    });

    await check('a crashed language server is restarted and checks again', async () => {
        const [pid] = serverPids();
        assert(pid, 'no server process');
        process.kill(pid, 'SIGKILL');
        await waitFor('a restarted server process', 20000, () => {
            const now = serverPids();
            return now.length === 1 && now[0] !== pid;
        });
        // The new server must really work: an edit gets a fresh diagnostic.
        await replaceInDocument(faultyDocument, 'severity extreme', 'severity enormous');
        try {
            await waitFor('a VP000 for the edited value', 30000, () => (diagnosticsWith(faulty, ['VP000']) || [])
                .some(d => codeOf(d) === 'VP000' && /enormous/.test(d.message)));
        } finally {
            await replaceInDocument(faultyDocument, 'severity enormous', 'severity extreme');
        }
    });

    fs.writeFileSync(path.join(__dirname, 'results.json'), JSON.stringify(results, null, 2));
    const failed = results.filter(result => !result.ok).length;
    console.log(`${results.length - failed} passed, ${failed} failed`);
    if (failed > 0) throw new Error(`${failed} of ${results.length} extension-host checks failed`);
};
