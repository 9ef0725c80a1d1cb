/** Builds timeline models from plan text for the timeline tests. */

import { readFileSync } from 'node:fs';
import { isPlan } from '../../language/generated/ast.js';
import { planFacts } from '../../language/analysis/plan-facts.js';
import { buildTimeline, type TimelineModel } from '../../language/timeline/timeline-model.js';
import type { SceneElement, SceneGroup, SceneText } from '../../language/timeline/timeline-layout.js';
import { URI } from 'langium';
import { clearDocuments } from 'langium/test';
import type { VplanFile } from '../../language/generated/ast.js';
import { loadBuiltinCatalogue } from '../../language/workspace/builtin-documents.js';
import { createTestServices, type TestServices } from '../helpers.js';

let counter = 0;

let services: TestServices | undefined;

export const ORGANISATIONS = `
organisation veiligthuis_zhz "Veilig Thuis Zuid-Holland Zuid" kind veiligthuis
organisation wijkteam_dordrecht "Sociaal wijkteam Dordrecht" kind wijkteam
organisation ggz_zhz "GGZ Zuid-Holland Zuid" kind ggz
organisation burgemeester_dordrecht "Burgemeester van Dordrecht" kind burgemeester
organisation rechtbank "Rechtbank Rotterdam" kind rechter
organisation gi_zhz "Jeugdbescherming ZHZ" kind gi
`;

export function specExampleText(): string {
    return readFileSync(new URL('../fixtures/spec-example.vplan', import.meta.url), 'utf8');
}

/**
 * The spec example with gaps in its cover (VP004): the daderhulp and the contact agreement end
 * after six months and the children's help is gone, so every member but joost has uncovered days.
 */
export function specExampleWithGaps(): string {
    return specExampleText()
        .replace('from 2026-01-20 for 12 months', 'from 2026-01-20 for 6 months')
        .replace(/\n {4}intervention kindhulp[\s\S]*?\n {4}}\n/, '')
        .replace('from 2026-01-12 to 2027-01-12\n    }', 'from 2026-01-12 to 2026-07-12\n    }');
}

/** The later version of the spec example (language reference, section 4, v2): a drop-out, an incident, a case discussion with actions. */
export const SPEC_V2_ADDITIONS = `
    intervention steunmoeder "Ondersteuning Sanne" {
        for sanne
        by wijkteam_dordrecht
        from 2026-02-09 for 6 months
        ended 2026-04-20 dropout
    }

    intervention steun_fier "Traject voor Sanne bij de GGZ" {
        for sanne
        by ggz_zhz
        from 2026-04-27 for 6 months
    }

    incident 2026-05-02 "Nieuwe politiemelding: ruzie met letsel"

    phase safety from 2026-01-12 to 2026-03-01
    phase stability from 2026-03-01 to 2026-05-02
    phase safety from 2026-05-02 to 2026-06-15
    phase stability from 2026-06-15 to 2026-09-01
    phase recovery from 2026-09-01 to 2027-01-12

    meeting 2026-05-06 "Casusoverleg na nieuwe melding" {
        chair zvh_zhz
        participants veiligthuis_zhz, wijkteam_dordrecht
        client sanne present
        action "Nieuwe veiligheidsafspraken met Mark" owner veiligthuis_zhz due 2026-05-13
        action "Sanne helpen bij een melding bij de politie" owner wijkteam_dordrecht due 2026-05-20
    }
`;

/** The spec example after the drop-out and the new incident: its v2 constructs, its phases replaced. */
export function specExampleV2(): string {
    const text = specExampleText().replace(/\n {4}phase [^\n]*/g, '');
    const end = text.lastIndexOf('}');
    return `${text.slice(0, end)}${SPEC_V2_ADDITIONS}}\n`;
}

/**
 * Validates the text (with the organisations above unless `withOrganisations` is false) and builds
 * the first plan's timeline. Snapshots pass `withDiagnostics: false` so that a reworded check
 * message elsewhere does not change them.
 */
export async function timelineOf(text: string, options: { today?: string; withOrganisations?: boolean; withDiagnostics?: boolean } = {}): Promise<TimelineModel> {
    services ??= createTestServices();
    await loadBuiltinCatalogue(services.shared);
    const texts = options.withOrganisations === false ? [text] : [text, ORGANISATIONS];
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const documents = texts.map(t => {
        const document = factory.fromString<VplanFile>(t, URI.parse(`file:///timeline/${++counter}.vplan`));
        services!.shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    try {
        await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
        const plan = documents[0].parseResult.value.declarations.find(isPlan);
        if (!plan) throw new Error('no plan in the text');
        return buildTimeline(planFacts(plan), options.withDiagnostics === false ? [] : documents[0].diagnostics ?? [], { today: options.today ?? '2026-03-15' });
    } finally {
        await clearDocuments(services.shared, documents);
    }
}

/** Every element of a scene, groups before their children (depth first). */
export function flattenScene(elements: SceneElement[]): SceneElement[] {
    return elements.flatMap(e => (e.type === 'g' ? [e, ...flattenScene(e.children)] : [e]));
}

/** Every group of a scene, nested ones included. */
export function sceneGroups(elements: SceneElement[]): SceneGroup[] {
    return flattenScene(elements).filter((e): e is SceneGroup => e.type === 'g');
}

/** Every text of a scene, nested ones included. */
export function sceneTexts(elements: SceneElement[]): SceneText[] {
    return flattenScene(elements).filter((e): e is SceneText => e.type === 'text');
}

/** Headless Chromium as the browser tests start it (no network, no GPU, no sandbox in containers). */
export async function launchChromium(executablePath: string): Promise<import('playwright-core').Browser> {
    const { chromium } = await import('playwright-core');
    return chromium.launch({
        executablePath,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
            '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage']
    });
}
