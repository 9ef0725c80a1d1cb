/**
 * After a catalogue edit every plan is relinked, but only what the edit can change is done again
 * (language/validation/validation-memo.ts, `VplanLinker.unlink`, the reference descriptions
 * taken over in vplan-index-services.ts). Whatever is reused, the result must equal a build from
 * scratch: diagnostics, resolved references and the reference index.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentState } from 'langium';
import { describe, expect, test, vi } from 'vitest';
import { isByItem, isForItem, isIntervention, isPlan, isVplanFile, type Intervention, type Plan } from '../../../language/generated/ast.js';
import { VplanIndexManager } from '../../../language/workspace/vplan-index-services.js';
import { RULE_MODULES } from '../../../language/rules/registry.js';
import { VplanValidator } from '../../../language/validation/vplan-validator.js';
import { Workspace, freshDiagnostics } from '../../incremental-workspace.js';

const catalogue = (options: { title?: string; wijkKind?: string; comment?: string; extra?: string } = {}): string =>
    `${options.comment ?? ''}organisation vt "${options.title ?? 'Veilig Thuis'}" kind veiligthuis
organisation wijk "Wijkteam" kind ${options.wijkKind ?? 'wijkteam'}
organisation burg "Burgemeester" kind burgemeester
${options.extra ?? ''}`;

/** A plan with a measure (VP033 depends on the kind of its `by`), regie and an intervention. */
const plan = (name: string, by = 'burg'): string => `plan ${name} "Plan ${name}" {
    status active
    period 2026-01-05 to 2027-01-04
    household {
        member a adult born 1990 roles victim
        member b adult born 1988 roles perpetrator
    }
    measure hv huisverbod {
        on b
        protects a
        by ${by}
        from 2026-01-05 for 10 days
    }
    intervention i "Hulp" {
        for a, b
        by wijk
        from 2026-01-05 for 6 months
    }
    regie {
        vt from 2026-01-05 to 2026-02-05
        wijk from 2026-02-05
    }
}
`;

function planChecksRun(workspace: Workspace): { count: () => number } {
    const spy = vi.spyOn(workspace.services.Vplan.validation.VplanValidator, 'checkPlan');
    return { count: () => spy.mock.calls.length };
}

function referenceIndex(workspace: Workspace): Record<string, string[]> {
    const index = workspace.services.shared.workspace.IndexManager;
    expect(index).toBeInstanceOf(VplanIndexManager);
    const result: Record<string, string[]> = {};
    for (const document of workspace.services.shared.workspace.LangiumDocuments.all) {
        if (document.uri.scheme !== 'file') continue;
        result[document.uri.path] = ((index as VplanIndexManager).referenceDescriptionsOf(document.uri.toString()) ?? [])
            .map(d => JSON.stringify([d.sourcePath, d.targetUri.toString(), d.targetPath, d.segment.offset, d.segment.length, d.local]));
    }
    return result;
}

function interventionOf(workspace: Workspace, path: string): Intervention {
    const root = workspace.services.shared.workspace.LangiumDocuments.getDocument(workspace.uri(path))!.parseResult.value;
    if (!isVplanFile(root)) throw new Error('not a vplan file');
    const found = (root.declarations.find(isPlan) as Plan).items.find(isIntervention);
    if (!found) throw new Error('no intervention');
    return found;
}

describe('a catalogue edit reuses what it cannot change', () => {
    test('a title or comment edit republishes every plan\'s diagnostics without running a plan check', async () => {
        const texts: Record<string, string> = { 'orgs.vplan': catalogue(), 'p.vplan': plan('p'), 'q.vplan': plan('q', 'wijk') };
        const workspace = await Workspace.create(texts);
        expect(workspace.diagnostics()['q.vplan'].some(d => d.includes('VP033'))).toBe(true);
        const checks = planChecksRun(workspace);
        for (const edit of [{ title: 'Veilig Thuis regio Zuid' }, { comment: '// Catalogus van de regio.\n\n' }]) {
            texts['orgs.vplan'] = catalogue(edit);
            expect(await workspace.edit({ 'orgs.vplan': texts['orgs.vplan'] })).toEqual(['orgs.vplan', 'p.vplan', 'q.vplan']);
            expect(workspace.diagnostics()).toEqual(await freshDiagnostics(texts));
        }
        expect(checks.count()).toBe(0);
    });

    test('an edit of what a check reads runs the checks again: a kind, an earlier duplicate, a removal', async () => {
        const texts: Record<string, string> = { 'orgs.vplan': catalogue(), 'p.vplan': plan('p'), 'q.vplan': plan('q', 'wijk') };
        const workspace = await Workspace.create(texts);
        const checks = planChecksRun(workspace);
        const steps: Array<Record<string, string>> = [
            // `wijk` becomes a burgemeester: VP033 of plan q goes away.
            { 'orgs.vplan': catalogue({ wijkKind: 'burgemeester' }) },
            // A file that sorts first declares `burg` as well: it wins, the catalogue's is VP080.
            { 'a-first.vplan': 'organisation burg "Andere burgemeester" kind politie\n' },
            // `vt` disappears: VP081 in both plans.
            { 'orgs.vplan': 'organisation wijk "Wijkteam" kind wijkteam\norganisation burg "Burgemeester" kind burgemeester\n' },
            { 'orgs.vplan': catalogue() },
            // A plan of the name of another one: the later one is VP080.
            { 'r.vplan': plan('p') }
        ];
        let before = checks.count();
        for (const step of steps) {
            await workspace.edit(step);
            Object.assign(texts, step);
            expect(workspace.diagnostics()).toEqual(await freshDiagnostics(texts));
            expect(checks.count()).toBeGreaterThan(before);
            before = checks.count();
        }
    });

    test('a kind that no check of a plan read leaves the plan alone; the plans whose checks read it run again', async () => {
        // Plan p names wijk for help and for regie after its measure: no check of p reads its kind.
        // Plan q's measure is imposed by wijk: VP033 reads its kind.
        const texts: Record<string, string> = { 'orgs.vplan': catalogue(), 'p.vplan': plan('p'), 'q.vplan': plan('q', 'wijk') };
        const workspace = await Workspace.create(texts);
        const spy = vi.spyOn(workspace.services.Vplan.validation.VplanValidator, 'checkPlan');
        const checked = () => spy.mock.calls.splice(0).map(([checkedPlan]) => checkedPlan.name).sort();
        for (const wijkKind of ['jeugdhulp', 'burgemeester', 'wijkteam']) {
            texts['orgs.vplan'] = catalogue({ wijkKind });
            await workspace.edit({ 'orgs.vplan': texts['orgs.vplan'] });
            expect(checked()).toEqual(['q']);
            expect(workspace.diagnostics()).toEqual(await freshDiagnostics(texts));
        }
        // burg's kind is read by p only (q does not name burg).
        texts['orgs.vplan'] = catalogue().replace('kind burgemeester', 'kind politie');
        await workspace.edit({ 'orgs.vplan': texts['orgs.vplan'] });
        expect(checked()).toEqual(['p']);
        expect(workspace.diagnostics()).toEqual(await freshDiagnostics(texts));
    });

    test('every check is synchronous: the kinds it reads are noted while it runs (declaration-views.ts `readingKinds`)', () => {
        const isAsync = (check: unknown) => typeof check === 'function' && check.constructor.name !== 'Function';
        expect(RULE_MODULES.filter(module => isAsync(module.plan) || isAsync(module.file)).map(module => module.rules.map(rule => rule.code))).toEqual([]);
        expect(isAsync(VplanValidator.prototype.checkPlan) || isAsync(VplanValidator.prototype.checkFile)).toBe(false);
    });

    test('references to plan-local declarations are kept, references into the catalogue follow its new syntax tree', async () => {
        const texts: Record<string, string> = { 'orgs.vplan': catalogue(), 'p.vplan': plan('p') };
        const workspace = await Workspace.create(texts);
        const before = interventionOf(workspace, 'p.vplan');
        const forItem = () => before.items.find(isForItem)!;
        const byItem = () => before.items.find(isByItem)!;
        const member = forItem().members[0].ref;
        const organisation = byItem().organisation.ref;
        expect(member?.name).toBe('a');
        expect(organisation?.name).toBe('wijk');

        await workspace.edit({ 'orgs.vplan': catalogue({ title: 'Nieuwe titel' }) });
        const after = interventionOf(workspace, 'p.vplan');
        expect(after).toBe(before);
        expect(forItem().members[0].ref).toBe(member);
        expect(byItem().organisation.ref?.name).toBe('wijk');
        expect(byItem().organisation.ref).not.toBe(organisation);
        const catalogueRoot = workspace.services.shared.workspace.LangiumDocuments.getDocument(workspace.uri('orgs.vplan'))!.parseResult.value;
        expect(byItem().organisation.ref?.$container).toBe(catalogueRoot);
    });

    test('the reference index after catalogue edits equals that of a fresh build', async () => {
        const texts: Record<string, string> = { 'orgs.vplan': catalogue(), 'p.vplan': plan('p'), 'q.vplan': plan('q', 'wijk') };
        const workspace = await Workspace.create(texts);
        const steps: Array<Record<string, string>> = [
            { 'orgs.vplan': catalogue({ comment: '// Eerst een regel commentaar.\n' }) },
            { 'orgs.vplan': catalogue({ extra: 'organisation nieuw "Nieuw" kind ggz\n' }) },
            { 'orgs.vplan': 'organisation wijk "Wijkteam" kind wijkteam\n' },
            { 'orgs.vplan': catalogue() }
        ];
        for (const step of steps) {
            await workspace.edit(step);
            Object.assign(texts, step);
            const fresh = await Workspace.create(texts);
            expect(referenceIndex(workspace)).toEqual(referenceIndex(fresh));
            expect(workspace.diagnostics()).toEqual(fresh.diagnostics());
        }
    });

    // The memo assumes that no check reads the title of an organisation in another file. Should a
    // check start to, the examples (which show every code) would give other diagnostics here.
    test.each(['regio-zhz', 'problems'])('renaming every organisation of examples/%s changes no diagnostic and runs no plan check', async folder => {
        const directory = join(__dirname, '..', '..', '..', 'examples', folder);
        const texts: Record<string, string> = {};
        for (const name of readdirSync(directory).filter(n => n.endsWith('.vplan'))) texts[name] = readFileSync(join(directory, name), 'utf8');
        const workspace = await Workspace.create(texts);
        const checks = planChecksRun(workspace);
        const renamed = texts['organisaties.vplan'].replace(/^(organisation \w+ ")([^"]*)"/gm, '$1$2 (nieuwe naam)"');
        expect(renamed).not.toBe(texts['organisaties.vplan']);
        await workspace.edit({ 'organisaties.vplan': renamed });
        expect(checks.count()).toBe(0);
        expect(workspace.diagnostics()).toEqual(await freshDiagnostics({ ...texts, 'organisaties.vplan': renamed }));
    });
});

describe('a change of locale renders the kept diagnostics again', () => {
    test('switching to Dutch and back runs no plan check, and the messages are those of a fresh build in that locale', async () => {
        const texts: Record<string, string> = { 'orgs.vplan': catalogue(), 'p.vplan': plan('p'), 'q.vplan': plan('q', 'wijk') };
        const workspace = await Workspace.create(texts);
        const english = workspace.diagnostics();
        expect(english['q.vplan'].some(d => d.includes('VP033'))).toBe(true);
        const checks = planChecksRun(workspace);
        const settings = workspace.services.Vplan.config.SettingsProvider;
        const revalidate = async () => {
            const builder = workspace.services.shared.workspace.DocumentBuilder;
            const documents = workspace.services.shared.workspace.LangiumDocuments.all.toArray();
            for (const document of documents) builder.resetToState(document, DocumentState.IndexedReferences);
            await builder.build(documents, { validation: true });
        };
        try {
            settings.localeOverride = 'nl';
            await revalidate();
            const dutch = workspace.diagnostics();
            expect(dutch['q.vplan']).not.toEqual(english['q.vplan']);
            expect(dutch['q.vplan'].join('\n')).toMatch(/VP033.*(maatregel|Maatregel)/);
            settings.localeOverride = 'en';
            await revalidate();
            expect(workspace.diagnostics()).toEqual(english);
        } finally {
            settings.localeOverride = undefined;
        }
        expect(checks.count()).toBe(0);
    });
});
