/**
 * Realistic, deterministic workloads for the benchmark and the robustness tests: a regional
 * organisation catalogue and household plans written with invented pseudonyms, each plan valid
 * per the language reference (spec sections 3–7) so that a checked workspace is mostly clean.
 * Every plan exists twice: as vplan text and as a plain object, which the benchmark writes as YAML
 * to compare vplan against "YAML + JSON Schema".
 */

import { addMonthsClamped, dayFromParts, formatDay, type Day } from '../language/model/dates.js';

/** A small, seedable PRNG (mulberry32): the same seed gives the same workspace on every machine. */
export function createRandom(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const between = (random: Random, low: number, high: number): number => low + Math.floor(random() * (high - low + 1));

// Invented pseudonyms: plant and tree names for households, common first names for members.
const FAMILIES = ['aster', 'berk', 'cypres', 'dahlia', 'eik', 'freesia', 'gerbera', 'hazelaar', 'iris', 'jasmijn',
    'kastanje', 'linde', 'magnolia', 'narcis', 'olijf', 'populier', 'roos', 'salie', 'tulp', 'vlier', 'wilg', 'zonnebloem'];
const ADULT_NAMES = ['eva', 'tim', 'sanne', 'mark', 'lotte', 'joris', 'inge', 'ruben', 'anouk', 'bas', 'mirjam', 'koen',
    'petra', 'sven', 'yara', 'dennis', 'femke', 'hugo', 'lies', 'wout'];
const CHILD_NAMES = ['noor', 'daan', 'fenna', 'bram', 'lieke', 'sem', 'julia', 'finn', 'tess', 'milan', 'roos_k', 'jesse',
    'isa', 'luuk', 'saar', 'thijs'];
const MUNICIPALITIES = ['dordrecht', 'gorinchem', 'zwijndrecht', 'papendrecht', 'sliedrecht', 'molenlanden'];

export interface OrganisationData { name: string; title: string; kind: string }

/** The regional catalogue: one shared file every generated plan refers to. */
export function generateCatalogue(): OrganisationData[] {
    const organisations: OrganisationData[] = [
        { name: 'veiligthuis_regio', title: 'Veilig Thuis regio Zuid', kind: 'veiligthuis' },
        { name: 'zvh_regio', title: 'Zorg- en Veiligheidshuis regio Zuid', kind: 'zvh' },
        { name: 'ggz_regio', title: 'GGZ regio Zuid', kind: 'ggz' },
        { name: 'jeugdhulp_regio', title: 'Jeugdhulp regio Zuid', kind: 'jeugdhulp' },
        { name: 'politie_regio', title: 'Politie, district Zuid', kind: 'politie' },
        { name: 'gi_regio', title: 'Gecertificeerde instelling regio Zuid', kind: 'gi' },
        { name: 'kinderrechter_regio', title: 'Rechtbank, kinderrechter', kind: 'rechter' },
        { name: 'om_regio', title: 'Openbaar Ministerie, arrondissement Zuid', kind: 'om' }
    ];
    for (const place of MUNICIPALITIES) {
        const label = place[0].toUpperCase() + place.slice(1);
        organisations.push({ name: `wijkteam_${place}`, title: `Sociaal wijkteam ${label}`, kind: 'wijkteam' });
        organisations.push({ name: `burgemeester_${place}`, title: `Burgemeester van ${label}`, kind: 'burgemeester' });
    }
    return organisations;
}

export function catalogueToVplan(organisations: OrganisationData[]): string {
    const lines = ['// Regionale catalogus van organisaties (gegenereerd voor de benchmark; verzonnen).', ''];
    for (const o of organisations) lines.push(`organisation ${o.name} "${o.title}" kind ${o.kind}`);
    return lines.join('\n') + '\n';
}

export interface MemberData { name: string; kind: 'adult' | 'child'; born: number; roles: string[]; outside?: boolean; noAction?: string }
export interface PeriodData { from: string; to: string }
export interface InterventionData {
    name: string; title: string; for: string[]; by: string; from: string; forMonths: number;
    framework?: 'voluntary' | 'drang' | 'dwang'; addresses?: string[]; phase?: string; fallback?: string;
    /** v2: the help actually stopped on this day (the generated plans leave it out; property tests set it). */
    ended?: { date: string; reason: 'completed' | 'dropout' | 'referred' };
}
export interface PlanData {
    id: string;
    title: string;
    status: 'draft' | 'active' | 'closed';
    period: PeriodData;
    members: MemberData[];
    supporters: Array<{ name: string; title: string; supports: string[]; aware: boolean }>;
    risks: Array<{ name: string; title: string; severity: string; nature: string; domain: string; affects: string[]; posedBy?: string[] }>;
    phases: Array<{ kind: string; from: string; to: string }>;
    measures: Array<{ name: string; type: string; on: string[]; protects: string[]; by: string; from: string; forDays?: number; to?: string; extendDays?: number }>;
    interventions: InterventionData[];
    agreements: Array<{ name: string; title: string; by: string[]; protects: string[]; checkedBy: string; from: string; to: string }>;
    regie: Array<{ holder: string; from: string; to?: string; note: string }>;
    aftercare: { owner: string; from: string; forMonths: number; checkpointsMonths: number[]; signals: string[]; escalate: string };
    meetings: Array<{ date: string; title: string; chair: string; participants: string[]; clients: Array<{ name: string; mode: string }> }>;
    evaluations: Array<{ date: string; title: string }>;
}

const day = (d: Day) => formatDay(d);

/**
 * One household plan of about 130 lines. `children` (1–3) scales it a little; every check of
 * spec section 7 is satisfied (coverage, also over time for VP004: the time-out agreement holds
 * for the whole plan and the debt help runs a year; regie without gaps, aftercare, legal limits,
 * ...).
 */
export function generatePlan(index: number, seed = 1, options: { children?: number } = {}): PlanData {
    const random = createRandom(seed * 100_003 + index);
    const family = FAMILIES[index % FAMILIES.length];
    const id = `${family}_${String(index).padStart(5, '0')}`;
    const label = family[0].toUpperCase() + family.slice(1);
    const place = pick(random, MUNICIPALITIES);
    const wijkteam = `wijkteam_${place}`;
    const start = dayFromParts(2026, 1, 5) + between(random, 0, 300);
    const startYear = Number(day(start).slice(0, 4));
    const end = addMonthsClamped(start, 12);
    const months = (n: number) => addMonthsClamped(start, n);

    const [victim, perpetrator] = (() => {
        const first = pick(random, ADULT_NAMES);
        let second = pick(random, ADULT_NAMES);
        while (second === first) second = pick(random, ADULT_NAMES);
        return [first, second];
    })();
    const childCount = options.children ?? between(random, 1, 3);
    const children: string[] = [];
    while (children.length < childCount) {
        const name = pick(random, CHILD_NAMES);
        if (!children.includes(name)) children.push(name);
    }
    const members: MemberData[] = [
        { name: victim, kind: 'adult', born: startYear - between(random, 25, 45), roles: ['victim', 'parent'] },
        { name: perpetrator, kind: 'adult', born: startYear - between(random, 25, 50), roles: ['perpetrator', 'parent'] },
        ...children.map((name): MemberData => ({ name, kind: 'child', born: startYear - between(random, 2, 16), roles: ['witness'] }))
    ];
    if (random() < 0.3) {
        members.push({ name: 'grootvader', kind: 'adult', born: startYear - between(random, 60, 80), roles: [], outside: true, noAction: 'Woont elders en is niet betrokken bij de zorgen' });
    }
    const childAges = members.filter(m => m.kind === 'child').map(m => ({ name: m.name, age: startYear - m.born }));

    const huisverbod = random() < 0.5;
    const measureEnd = huisverbod ? start + 28 : months(6);
    const supporters = [
        { name: 'tante', title: `Tante van ${cap(victim)}`, supports: [victim, ...children], aware: true },
        { name: 'trainer', title: `Sporttrainer van ${cap(children[0])}`, supports: [children[0]], aware: false }
    ];
    const risks = [
        { name: 'geweld', title: `Partnergeweld tegen ${cap(victim)}`, severity: pick(random, ['medium', 'high']), nature: 'dynamic', domain: 'safety', affects: [victim, ...children], posedBy: [perpetrator] },
        { name: 'schulden', title: 'Financiële spanning door schulden', severity: 'medium', nature: 'dynamic', domain: 'finances', affects: ['household'] }
    ];
    const phases = [
        { kind: 'safety', from: day(start), to: day(months(2)) },
        { kind: 'stability', from: day(months(2)), to: day(months(8)) },
        { kind: 'recovery', from: day(months(8)), to: day(end) }
    ];
    const measures = [huisverbod
        ? { name: 'hv', type: 'huisverbod', on: [perpetrator], protects: [victim, ...children], by: `burgemeester_${place}`, from: day(start), forDays: 10, extendDays: 18 }
        : { name: 'voorwaarden', type: 'vt_voorwaarden', on: [perpetrator], protects: [victim, ...children], by: 'veiligthuis_regio', from: day(start), to: day(measureEnd) }];
    const interventions: InterventionData[] = [
        { name: 'daderhulp', title: 'Daderhulp huiselijk geweld', for: [perpetrator], by: 'ggz_regio', from: day(start + 7), forMonths: 6, framework: 'drang', addresses: ['geweld'], phase: 'stability', fallback: 'Bij uitval meldt de GGZ dit binnen een week aan Veilig Thuis' },
        { name: 'steun_slachtoffer', title: `Ambulante hulp en weerbaarheid voor ${cap(victim)}`, for: [victim], by: wijkteam, from: day(start + 7), forMonths: 6, phase: 'stability' },
        { name: 'kindgesprekken', title: 'Kindgesprekken over wat er thuis gebeurde', for: children, by: 'jeugdhulp_regio', from: day(months(1)), forMonths: 4, addresses: ['geweld'], phase: 'stability' },
        { name: 'schuldhulp', title: 'Schuldhulpverlening', for: [victim, perpetrator], by: wijkteam, from: day(months(1)), forMonths: 12, addresses: ['schulden'], phase: 'stability', fallback: 'Bij uitval neemt het wijkteam binnen twee weken contact op' },
        { name: 'traumazorg', title: `Traumabehandeling voor ${cap(children[0])}`, for: [children[0]], by: 'jeugdhulp_regio', from: day(months(8) + 3), forMonths: 3, phase: 'recovery' }
    ];
    const agreements = [
        { name: 'time_out', title: `Bij oplopende spanning neemt ${cap(perpetrator)} een time-out buiten huis`, by: [perpetrator], protects: [victim, ...children], checkedBy: 'tante', from: day(start), to: day(end) }
    ];
    const regie = [
        { holder: 'veiligthuis_regio', from: day(start), to: day(measureEnd), note: huisverbod ? 'Casemanagement tijdens het huisverbod' : 'Voorwaarden en vervolg' },
        { holder: wijkteam, from: day(measureEnd), note: 'Warme overdracht aan het wijkteam' }
    ];
    const aftercare = {
        owner: wijkteam, from: day(end), forMonths: 18, checkpointsMonths: [3, 6, 12, 18],
        signals: ['Nieuwe melding bij Veilig Thuis of politie', 'Uitval uit de daderhulp'],
        escalate: 'Casusoverleg in het Zorg- en Veiligheidshuis binnen vijf werkdagen'
    };
    const meetings = [
        {
            date: day(start + 3), title: 'Casusoverleg over de veiligheid', chair: 'zvh_regio', participants: ['veiligthuis_regio', wijkteam, 'politie_regio'],
            clients: [{ name: victim, mode: 'present' }, { name: perpetrator, mode: 'invited' }, ...childAges.map(c => ({ name: c.name, mode: c.age >= 12 ? 'heard' : 'informed' }))]
        },
        {
            date: day(months(3)), title: 'Voortgangsgesprek met het gezin', chair: 'veiligthuis_regio', participants: [wijkteam, 'ggz_regio'],
            clients: [{ name: victim, mode: 'present' }, { name: perpetrator, mode: 'present' }]
        }
    ];
    const evaluations = [
        { date: day(months(4)), title: 'Evaluatie van de veiligheidsafspraken' },
        { date: day(months(10)), title: 'Evaluatie voor het afschalen' }
    ];
    return {
        id, title: `Veiligheidsplan gezin ${label}`, status: 'active', period: { from: day(start), to: day(end) },
        members, supporters, risks, phases, measures, interventions, agreements, regie, aftercare, meetings, evaluations
    };
}

function cap(name: string): string {
    return name[0].toUpperCase() + name.slice(1).replace(/_.*$/, '');
}

/**
 * A single plan of about `targetLines` lines (at least the base plan): the base plan plus as many
 * extra interventions and meetings as it takes, all valid.
 */
export function generateLargePlan(targetLines: number, seed = 7): PlanData {
    const plan = generatePlan(0, seed, { children: 1 });
    if (targetLines < 110) {
        // A compact plan: the smallest realistic one (one child, few interventions).
        plan.interventions = plan.interventions.filter(i => i.name !== 'traumazorg' && i.name !== 'steun_slachtoffer');
        plan.evaluations = plan.evaluations.slice(0, 1);
        plan.members = plan.members.filter(m => !m.outside);
        plan.meetings = plan.meetings.slice(0, 1);
        plan.supporters = plan.supporters.slice(0, 1);
    }
    const victim = plan.members[0].name;
    let lines = planToVplan(plan).split('\n').length;
    const start = plan.period.from;
    let n = 0;
    while (lines < targetLines) {
        n++;
        if (n % 5 === 0) {
            plan.meetings.push({
                date: start, title: 'Voortgangsoverleg', chair: 'veiligthuis_regio', participants: ['ggz_regio'],
                clients: [{ name: victim, mode: 'present' }]
            });
            lines += 6;
        } else {
            plan.interventions.push({
                name: `extra_hulp_${n}`, title: 'Aanvullende ondersteuning', for: [victim], by: 'ggz_regio', from: start,
                forMonths: 1 + (n % 6), addresses: ['geweld'], phase: 'stability', fallback: 'Terugmelding aan de regievoerder'
            });
            lines += 9;
        }
    }
    return plan;
}

const list = (items: readonly string[]) => items.join(', ');
const quote = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** The plan as vplan text in the canonical layout of spec section 5. */
export function planToVplan(plan: PlanData): string {
    const out: string[] = [];
    const line = (depth: number, text: string) => out.push('    '.repeat(depth) + text);
    out.push(`// ${plan.title}: gegenereerd voorbeeld. Alle namen zijn verzonnen pseudoniemen.`, '');
    line(0, `plan ${plan.id} ${quote(plan.title)} {`);
    line(1, `status ${plan.status}`);
    line(1, `period ${plan.period.from} to ${plan.period.to}`);
    out.push('');
    line(1, 'household {');
    for (const m of plan.members) {
        line(2, `member ${m.name} ${m.kind} born ${m.born}` + (m.roles.length ? ` roles ${list(m.roles)}` : '')
            + (m.outside ? ' outside' : '') + (m.noAction ? ` no-action ${quote(m.noAction)}` : ''));
    }
    line(1, '}');
    out.push('');
    line(1, 'network {');
    for (const s of plan.supporters) line(2, `supporter ${s.name} ${quote(s.title)} supports ${list(s.supports)}${s.aware ? ' aware' : ''}`);
    line(1, '}');
    for (const r of plan.risks) {
        out.push('');
        line(1, `risk ${r.name} ${quote(r.title)} {`);
        line(2, `severity ${r.severity}`);
        line(2, `nature ${r.nature}`);
        line(2, `domain ${r.domain}`);
        line(2, `affects ${list(r.affects)}`);
        if (r.posedBy) line(2, `posed by ${list(r.posedBy)}`);
        line(1, '}');
    }
    out.push('');
    for (const p of plan.phases) line(1, `phase ${p.kind} from ${p.from} to ${p.to}`);
    for (const m of plan.measures) {
        out.push('');
        line(1, `measure ${m.name} ${m.type} {`);
        line(2, `on ${list(m.on)}`);
        line(2, `protects ${list(m.protects)}`);
        line(2, `by ${m.by}`);
        line(2, `from ${m.from}` + (m.forDays ? ` for ${m.forDays} days` : '') + (m.to ? ` to ${m.to}` : ''));
        if (m.extendDays) line(2, `extend for ${m.extendDays} days`);
        line(1, '}');
    }
    for (const i of plan.interventions) {
        out.push('');
        line(1, `intervention ${i.name} ${quote(i.title)} {`);
        line(2, `for ${list(i.for)}`);
        line(2, `by ${i.by}`);
        line(2, `from ${i.from} for ${i.forMonths} months`);
        if (i.framework) line(2, `framework ${i.framework}`);
        if (i.addresses) line(2, `addresses ${list(i.addresses)}`);
        if (i.phase) line(2, `phase ${i.phase}`);
        if (i.fallback) line(2, `fallback ${quote(i.fallback)}`);
        if (i.ended) line(2, `ended ${i.ended.date} ${i.ended.reason}`);
        line(1, '}');
    }
    for (const a of plan.agreements) {
        out.push('');
        line(1, `agreement ${a.name} ${quote(a.title)} {`);
        line(2, `by ${list(a.by)}`);
        line(2, `protects ${list(a.protects)}`);
        line(2, `checked by ${a.checkedBy}`);
        line(2, `from ${a.from} to ${a.to}`);
        line(1, '}');
    }
    out.push('');
    line(1, 'regie {');
    for (const r of plan.regie) line(2, `${r.holder} from ${r.from}${r.to ? ` to ${r.to}` : ''} ${quote(r.note)}`);
    line(1, '}');
    out.push('');
    line(1, 'aftercare {');
    line(2, `owner ${plan.aftercare.owner}`);
    line(2, `from ${plan.aftercare.from} for ${plan.aftercare.forMonths} months`);
    line(2, `checkpoints ${list(plan.aftercare.checkpointsMonths.map(m => `${m} months`))}`);
    for (const s of plan.aftercare.signals) line(2, `signal ${quote(s)}`);
    line(2, `escalate ${quote(plan.aftercare.escalate)}`);
    line(1, '}');
    for (const m of plan.meetings) {
        out.push('');
        line(1, `meeting ${m.date} ${quote(m.title)} {`);
        line(2, `chair ${m.chair}`);
        line(2, `participants ${list(m.participants)}`);
        for (const c of m.clients) line(2, `client ${c.name} ${c.mode}`);
        line(1, '}');
    }
    out.push('');
    for (const e of plan.evaluations) line(1, `evaluation ${e.date} ${quote(e.title)}`);
    line(0, '}');
    return out.join('\n') + '\n';
}

/** The same plan as a plain object for YAML (the "YAML + JSON Schema" alternative). */
export function planToYamlObject(plan: PlanData): Record<string, unknown> {
    return JSON.parse(JSON.stringify({ plan })) as Record<string, unknown>;
}

export const YAML_ORGANISATIONS_SCHEMA = {
    type: 'object',
    required: ['organisations'],
    additionalProperties: false,
    properties: {
        organisations: {
            type: 'array',
            items: {
                type: 'object', additionalProperties: false, required: ['name', 'title', 'kind'],
                properties: {
                    name: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
                    title: { type: 'string' },
                    kind: { enum: ['veiligthuis', 'wijkteam', 'gi', 'raad', 'reclassering', 'jeugdreclassering', 'politie', 'om', 'burgemeester', 'rechter', 'zvh', 'ggz', 'jeugdhulp', 'verslavingszorg', 'opvang', 'huisarts', 'school', 'gemeente', 'other'] }
                }
            }
        }
    }
} as const;

const NAME = { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' } as const;
const NAMES = { type: 'array', minItems: 1, items: NAME } as const;
const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const TEXT = { type: 'string', minLength: 1 } as const;
const closed = (required: string[], properties: Record<string, unknown>) => ({ type: 'object', additionalProperties: false, required, properties });

/** A JSON Schema for the YAML plans, as strict as a schema can be about structure and value sets. */
export const YAML_PLAN_SCHEMA = closed(['plan'], {
    plan: closed(['id', 'title', 'status', 'period', 'members', 'regie', 'aftercare'], {
        id: NAME, title: TEXT,
        status: { enum: ['draft', 'active', 'closed'] },
        period: closed(['from', 'to'], { from: DATE, to: DATE }),
        members: {
            type: 'array', minItems: 1, items: closed(['name', 'kind', 'born', 'roles'], {
                name: NAME, kind: { enum: ['adult', 'child'] }, born: { type: 'integer', minimum: 1900, maximum: 2100 },
                roles: { type: 'array', items: { enum: ['victim', 'perpetrator', 'witness', 'parent'] } },
                outside: { type: 'boolean' }, noAction: TEXT
            })
        },
        supporters: { type: 'array', items: closed(['name', 'title', 'supports', 'aware'], { name: NAME, title: TEXT, supports: NAMES, aware: { type: 'boolean' } }) },
        risks: {
            type: 'array', items: closed(['name', 'title', 'severity', 'nature', 'domain', 'affects'], {
                name: NAME, title: TEXT, severity: { enum: ['low', 'medium', 'high', 'acute'] }, nature: { enum: ['static', 'dynamic'] },
                domain: { enum: ['safety', 'housing', 'finances', 'health', 'addiction', 'parenting', 'work', 'education', 'social'] },
                affects: NAMES, posedBy: NAMES
            })
        },
        phases: { type: 'array', items: closed(['kind', 'from', 'to'], { kind: { enum: ['safety', 'stability', 'recovery'] }, from: DATE, to: DATE }) },
        measures: {
            type: 'array', items: closed(['name', 'type', 'on', 'by', 'from'], {
                name: NAME, type: NAME, on: NAMES, protects: NAMES, by: NAME, from: DATE, to: DATE,
                forDays: { type: 'integer', minimum: 1 }, extendDays: { type: 'integer', minimum: 1 }
            })
        },
        interventions: {
            type: 'array', items: closed(['name', 'title', 'for', 'by', 'from', 'forMonths'], {
                name: NAME, title: TEXT, for: NAMES, by: NAME, from: DATE, forMonths: { type: 'integer', minimum: 1 },
                framework: { enum: ['voluntary', 'drang', 'dwang'] }, addresses: NAMES, phase: { enum: ['safety', 'stability', 'recovery'] }, fallback: TEXT,
                ended: closed(['date', 'reason'], { date: DATE, reason: { enum: ['completed', 'dropout', 'referred'] } })
            })
        },
        agreements: {
            type: 'array', items: closed(['name', 'title', 'by', 'protects', 'checkedBy'], {
                name: NAME, title: TEXT, by: NAMES, protects: NAMES, checkedBy: NAME, from: DATE, to: DATE
            })
        },
        regie: { type: 'array', minItems: 1, items: closed(['holder', 'from'], { holder: NAME, from: DATE, to: DATE, note: TEXT }) },
        aftercare: closed(['owner', 'from', 'forMonths', 'checkpointsMonths'], {
            owner: NAME, from: DATE, forMonths: { type: 'integer', minimum: 1 },
            checkpointsMonths: { type: 'array', minItems: 1, items: { type: 'integer', minimum: 1 } },
            signals: { type: 'array', items: TEXT }, escalate: TEXT
        }),
        meetings: {
            type: 'array', items: closed(['date', 'title'], {
                date: DATE, title: TEXT, chair: NAME, participants: NAMES,
                clients: { type: 'array', items: closed(['name', 'mode'], { name: NAME, mode: { enum: ['invited', 'present', 'heard', 'informed'] } }) }
            })
        },
        evaluations: { type: 'array', items: closed(['date'], { date: DATE, title: TEXT }) }
    })
});

export interface GeneratedWorkspace {
    catalogue: OrganisationData[];
    plans: PlanData[];
}

/** `count` plans and one catalogue; file names are stable (`plans/<id>.vplan`, `organisaties.vplan`). */
export function generateWorkspace(count: number, seed = 1): GeneratedWorkspace {
    return { catalogue: generateCatalogue(), plans: Array.from({ length: count }, (_, i) => generatePlan(i + 1, seed)) };
}
