/**
 * VP000 beyond the parser: value words (roles, kinds, units, ...) are identifiers to the grammar,
 * so an unknown one is reported here with the allowed values; so is a string escape other than
 * \" and \\.
 *
 * Reads nothing but the document's own text and syntax tree: its findings are recorded per tree
 * and replayed when the document is validated again unchanged (vplan-validator.ts).
 */

import { CstUtils, isAstNode, type AstNode, type LangiumDocument } from 'langium';
import type { MessageCatalogue } from '../i18n/locale.js';
import { VALUE_SET_LOOKUP, VALUE_SETS, type ValueSetName } from '../model/vocabulary.js';
import type { FileCheck } from '../validation/report.js';

/** For each node type and property holding value words, the set the words come from. */
const VALUE_PROPERTIES: Record<string, Array<[property: string, set: ValueSetName]>> = {
    Organisation: [['kind', 'organisationKind']],
    ModeItem: [['value', 'mode']],
    SubjectItem: [['value', 'subject']],
    ImposedByItem: [['kinds', 'organisationKind']],
    RegieKindItem: [['kind', 'organisationKind']],
    StatusItem: [['value', 'status']],
    Duration: [['unit', 'durationUnit']],
    Member: [['kind', 'memberKind'], ['roles', 'role']],
    SeverityItem: [['value', 'severity']],
    NatureItem: [['value', 'nature']],
    DomainItem: [['value', 'domain']],
    Phase: [['kind', 'phaseKind']],
    FrameworkItem: [['value', 'framework']],
    InterventionPhaseItem: [['kind', 'phaseKind']],
    ClientItem: [['mode', 'clientMode']]
};

const SET_NAMES: Record<ValueSetName, { en: string; nl: string }> = {
    status: { en: 'status', nl: 'status' },
    memberKind: { en: 'member kind', nl: 'soort gezinslid' },
    role: { en: 'role', nl: 'rol' },
    severity: { en: 'severity', nl: 'ernst' },
    nature: { en: 'nature', nl: 'aard' },
    domain: { en: 'domain', nl: 'domein' },
    phaseKind: { en: 'phase', nl: 'fase' },
    framework: { en: 'framework', nl: 'kader' },
    clientMode: { en: 'client mode', nl: 'manier van deelname' },
    subject: { en: 'subject', nl: 'doelgroep' },
    mode: { en: 'mode', nl: 'soort maatregel' },
    organisationKind: { en: 'organisation kind', nl: 'soort organisatie' },
    durationUnit: { en: 'duration unit', nl: 'tijdseenheid' }
};

export const syntaxCheckMessages = {
    'VP000.value': {
        en: (a: { value: string; set: ValueSetName }) => `Unknown ${SET_NAMES[a.set].en} '${a.value}'; allowed: ${VALUE_SETS[a.set].join(', ')}.`,
        nl: (a: { value: string; set: ValueSetName }) => `Onbekende ${SET_NAMES[a.set].nl} '${a.value}'; toegestaan: ${VALUE_SETS[a.set].join(', ')}.`
    },
    'VP000.escape': {
        en: (a: { escape: string }) => `Invalid escape '${a.escape}' in a string: only \\" and \\\\ are allowed.`,
        nl: (a: { escape: string }) => `Ongeldige escape '${a.escape}' in een tekst: alleen \\" en \\\\ zijn toegestaan.`
    }
} satisfies MessageCatalogue;

function checkValues(node: AstNode, report: Parameters<FileCheck>[0]['report']): void {
    const properties = VALUE_PROPERTIES[node.$type];
    if (!properties) return;
    for (const [property, set] of properties) {
        const raw = (node as unknown as Record<string, unknown>)[property];
        const allowed = VALUE_SET_LOOKUP[set];
        if (Array.isArray(raw)) {
            for (let index = 0; index < raw.length; index++) {
                const value: unknown = raw[index];
                if (typeof value === 'string' && !allowed.has(value)) {
                    report('VP000.value', node, { value, set }, { property: property as never, index });
                }
            }
        } else if (typeof raw === 'string' && !allowed.has(raw)) {
            // A single word: no array is made for it (this runs for every value word of every file).
            report('VP000.value', node, { value: raw, set }, { property: property as never, index: undefined });
        }
    }
}

/**
 * Visits every node below `node` in the order of Langium's `AstUtils.streamAllContents` (depth
 * first, properties in key order), with plain loops: the stream allocates objects per step.
 */
function forEachContent(node: AstNode, visit: (node: AstNode) => void): void {
    const record = node as unknown as Record<string, unknown>;
    // `for in` visits the same keys in the same order as Object.keys (AST nodes are plain objects)
    // without allocating the key array.
    for (const key in record) {
        if (key.charCodeAt(0) === 36 /* $ */) continue;
        const value = record[key];
        if (typeof value !== 'object' || value === null) continue; // names, value words, numbers
        if (isAstNode(value)) {
            visit(value);
            forEachContent(value, visit);
        } else if (Array.isArray(value)) {
            for (const element of value) {
                if (!isAstNode(element)) continue;
                visit(element);
                forEachContent(element, visit);
            }
        }
    }
}

const ESCAPE = /\\(.)/g;

/** One pass over the string tokens of the file. */
function checkEscapes(root: AstNode, document: LangiumDocument, report: Parameters<FileCheck>[0]['report']): void {
    // Only a string with a backslash can hold an escape: most files have none, and need no walk.
    if (!root.$cstNode || !document.textDocument.getText().includes('\\')) return;
    for (const leaf of CstUtils.flattenCst(root.$cstNode)) {
        if (leaf.tokenType.name !== 'STRING') continue;
        for (const match of leaf.text.matchAll(ESCAPE)) {
            if (match[1] === '"' || match[1] === '\\') continue;
            const offset = leaf.offset + (match.index ?? 0);
            const range = {
                start: document.textDocument.positionAt(offset),
                end: document.textDocument.positionAt(offset + 2)
            };
            report('VP000.escape', leaf.astNode, { escape: match[0] }, { range });
        }
    }
}

export const syntaxFileChecks: FileCheck[] = [
    ({ file, document, report }) => {
        forEachContent(file, node => checkValues(node, report));
        checkEscapes(file, document, report);
    }
];
