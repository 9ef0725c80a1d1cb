/**
 * Regie: VP010 (regie defined), VP011 (no day without a regievoerder), VP012 (one regievoerder at a
 * time) and VP013 (regie follows the measure), over the regie facts (analysis/regie-facts.ts).
 *
 * No cascades:
 * - without a regie entry (VP010) VP011–VP013 stay silent;
 * - an invalid or missing plan period silences VP011 and VP013 (VP012 still runs: it needs no plan);
 * - a regie entry with an invalid date or an end not after its start (VP060/VP000) silences
 *   VP011–VP013, whose answers would depend on it;
 * - an entry whose organisation does not resolve (VP081) still counts for VP011 and VP012: its period
 *   is real, only the name is wrong (dropping it would turn one typo into a gap);
 * - VP013 ignores measures whose type does not resolve or whose term is invalid, and stays silent on
 *   days where a regievoerder does not resolve (VP081) or has no valid kind.
 *
 * VP013's advice is a handover that works when followed literally: an organisation of the measure's
 * kind holds regie from the first such day to the measure's end, and the entries around those days
 * make room (end earlier, start later, go, or resume after), so that no gap (VP011) or overlap
 * (VP012) arises; its quick fix makes exactly those edits, naming an organisation of the workspace.
 */

import { isAftercare, isEvaluation, isMeeting, isRegieBlock, type VplanFile } from '../generated/ast.js';
import { formatDay, parseDate, type Day } from '../model/dates.js';
import type { Interval, OrganisationView, ResolvedMeasure, ResolvedPlan } from '../model/plan-model.js';
import { isOrganisationView } from '../model/declaration-views.js';
import type { PlanFacts } from '../analysis/plan-facts.js';
import type { RegieFacts, RegieSegment } from '../analysis/regie-facts.js';
import { andList, dayCount, orList } from '../i18n/phrases.js';
import { defineRule, defineRules, finding, message, text, type ModuleFindings, type RuleReporter } from './rule-unit.js';
import { examplePlan } from './example-plan.js';
import {
    byKindPreference, dayText, firstDateLeaf, insertItem, offsetAfter, offsetAfterOpenBrace, quoted, removeNode, setEnd, significantLeaves,
    type FixProposal, type RawEdit
} from './fix-support.js';

type DefinedArgs = { plan: string; start?: string };

type GapArgs = {
    start: string;
    end: string;
    lastDay: string;
    days: number;
    previous?: string;
    next?: string;
    planStart: string;
    planEnd: string;
};

type OverlapArgs = {
    holder: string;
    other: string;
    day: string;
    days?: number;
    lastShared?: string;
    otherEnd?: string;
    sameStart: boolean;
};

type FollowArgs = {
    measure: string;
    type: string;
    kinds: string[];
    day: string;
    holders: string[];
    /** The handover: from `day` to `measureEnd` (exclusive; the measure's end or the plan's), through `lastDay`. */
    measureEnd: string;
    lastDay: string;
    /** The measure's own regie kind, and an organisation of that kind the plan already names. */
    kind: string;
    example?: string;
    /** The entries that make room, by holder (see `Handover`). */
    cut?: string;
    advanced?: string;
    dropped: Array<{ holder: string; start: string }>;
    delayed?: string;
    resume?: string;
    /** The written (or `for`) ends the moved and resumed entries keep, when they have one. */
    advancedEnd?: string;
    delayedEnd?: string;
    resumeEnd?: string;
};

/** A regie entry as code: `holder from START` with ` to END` when it has a written end. */
const entryCode = (holder: string, start: string, end?: string) => `\`${holder} from ${start}${end ? ` to ${end}` : ''}\``;

/** Quick-fix data of VP013: the measure and the first such day. */
type FollowFix = { measure: string; day: string };

const regieExample = (entries: string) => examplePlan({ regie: `    regie {\n${entries.split('\n').map(line => `        ${line}`).join('\n')}\n    }` });

const vp010Findings = {
    missing: finding<DefinedArgs>({
        en: a => `${a.plan ? `Plan '${a.plan}'` : 'The plan'} does not say who holds regie (casusregie): one family, one plan, one regievoerder. ` +
            `Add a block \`regie { <organisation> from ${a.start ?? 'YYYY-MM-DD'} }\` naming the organisation that directs the case.`,
        nl: a => `${a.plan ? `Plan '${a.plan}'` : 'Het plan'} legt niet vast wie de casusregie heeft: één gezin, één plan, één regievoerder. ` +
            `Voeg een blok \`regie { <organisatie> from ${a.start ?? 'JJJJ-MM-DD'} }\` toe met de organisatie die de regie voert.`
    }),
    empty: finding<DefinedArgs>({
        en: a => `The regie block of ${a.plan ? `plan '${a.plan}'` : 'the plan'} has no entries, so nobody holds regie: add an entry such as \`<organisation> from ${a.start ?? 'YYYY-MM-DD'}\`.`,
        nl: a => `Het regieblok van ${a.plan ? `plan '${a.plan}'` : 'het plan'} heeft geen regels, dus niemand heeft de regie: voeg een regel toe zoals \`<organisatie> from ${a.start ?? 'JJJJ-MM-DD'}\`.`
    })
};

const vp010Texts = {
    fixEntry: message<{ name: string; start: string }>({
        en: a => `Add a regie entry: ${a.name} from ${a.start}`,
        nl: a => `Regievoerder toevoegen: ${a.name} vanaf ${a.start}`
    }),
    fixBlock: message<{ name: string; start: string }>({
        en: a => `Add a regie block: ${a.name} from ${a.start}`,
        nl: a => `Regieblok toevoegen: ${a.name} vanaf ${a.start}`
    }),
    fixNote: message({ en: () => 'TODO: describe the casusregie', nl: () => 'TODO: casusregie beschrijven' })
};

export const vp010 = defineRule({
    code: 'VP010',
    severity: 'error',
    title: { en: 'Regie defined', nl: 'Regie vastgelegd' },
    findings: vp010Findings,
    texts: vp010Texts,
    cascade: { droppedBlock: true },
    fix: (context): FixProposal[] => {
        const plan = context.plan;
        const resolved = context.facts?.plan;
        if (!plan || !resolved) return [];
        const start = dayText(resolved.period?.start, resolved.periodNode?.start);
        // The kinds the plan's measures name for regie come first (a huisverbod: Veilig Thuis).
        const measureKinds = resolved.measures.map(m => m.type?.regie).filter((k): k is NonNullable<typeof k> => k !== undefined);
        const candidates = byKindPreference(context.organisations, [...measureKinds, 'veiligthuis', 'wijkteam', 'gi', 'zvh']).slice(0, 3).map(o => o.name);
        const names = candidates.length > 0 ? candidates : ['regievoerder'];
        const note = quoted(text(vp010Texts.fixNote, {}, context.locale));
        // An empty regie block gets the entry; otherwise a block goes before aftercare, meetings and evaluations.
        const emptyBlock = plan.items.filter(isRegieBlock).find(block => block.entries.length === 0);
        return names.map((name, index) => {
            const entry = `${name} from ${start} ${note}`;
            const edit = emptyBlock
                ? { offset: offsetAfterOpenBrace(emptyBlock), end: offsetAfterOpenBrace(emptyBlock), newText: `\n${entry}` }
                : insertItem(context, plan, `regie {\n${entry}\n}`, item => !isAftercare(item) && !isMeeting(item) && !isEvaluation(item), true);
            return {
                title: text(emptyBlock ? vp010Texts.fixEntry : vp010Texts.fixBlock, { name, start }, context.locale),
                edits: [edit],
                preferred: index === 0
            };
        });
    },
    docs: {
        checks: 'The plan has a `regie` block with at least one entry. Without one, [VP011](#vp011)–[VP013](#vp013) stay silent.',
        why: '"One family, one plan, one regisseur" is the stated principle of MDA++ [S29a, S29b]; a safety plan names who has regie ' +
            'over carrying out and checking the agreements [S30a]. Missing regie is a known weakness of the chain [S3].',
        example: {
            show: 'plan vermeer_2026 "Veiligheidsplan gezin Vermeer" {\n    status active\n    period 2026-01-12 to 2027-01-12\n    // ... no regie block\n}',
            file: examplePlan({ regie: '' })
        },
        fix: 'Add `regie { veiligthuis_zhz from 2026-01-12 }` with the organisation that directs the case; further entries hand regie over.'
    }
});

const vp011Findings = {
    gapStart: finding<GapArgs, RegieGapFix>({
        en: a => `No one holds regie from the plan start ${a.start} for ${dayCount(a.days, 'en')} (through ${a.lastDay}). ` +
            (a.next
                ? `Let the entry of '${a.next}' start on ${a.start}, or add an entry \`<organisation> from ${a.start} to ${a.end}\`.`
                : `Add an entry \`<organisation> from ${a.start}\`.`),
        nl: a => `Niemand heeft de regie vanaf het begin van het plan op ${a.start}, ${dayCount(a.days, 'nl')} lang (tot en met ${a.lastDay}). ` +
            (a.next
                ? `Laat de regel van '${a.next}' op ${a.start} beginnen, of voeg een regel \`<organisatie> from ${a.start} to ${a.end}\` toe.`
                : `Voeg een regel \`<organisatie> from ${a.start}\` toe.`)
    }),
    gap: finding<GapArgs, RegieGapFix>({
        en: a => `No one holds regie from ${a.start} for ${dayCount(a.days, 'en')} (through ${a.lastDay}), between '${a.previous}' and '${a.next}'. ` +
            `Let the entry of '${a.previous}' run \`to ${a.end}\`, or let '${a.next}' start on ${a.start} (a handover on the same day leaves no gap).`,
        nl: a => `Niemand heeft de regie vanaf ${a.start}, ${dayCount(a.days, 'nl')} lang (tot en met ${a.lastDay}), tussen '${a.previous}' en '${a.next}'. ` +
            `Laat de regel van '${a.previous}' doorlopen \`to ${a.end}\`, of laat '${a.next}' op ${a.start} beginnen (een overdracht op dezelfde dag laat geen gat).`
    }),
    gapEnd: finding<GapArgs, RegieGapFix>({
        en: a => `No one holds regie from ${a.start} for ${dayCount(a.days, 'en')}, until the plan ends on ${a.planEnd}: the entry of '${a.previous}' ends on ${a.start}. ` +
            `Let it run \`to ${a.planEnd}\` (or drop its end: the last entry then lasts to the plan end), or add an entry \`<organisation> from ${a.start}\`.`,
        nl: a => `Niemand heeft de regie vanaf ${a.start}, ${dayCount(a.days, 'nl')} lang, tot het plan eindigt op ${a.planEnd}: de regel van '${a.previous}' eindigt op ${a.start}. ` +
            `Laat die doorlopen \`to ${a.planEnd}\` (of laat het einde weg: de laatste regel loopt dan tot het einde van het plan), of voeg een regel \`<organisatie> from ${a.start}\` toe.`
    })
};

const vp011Texts = {
    fixExtend: message<{ name: string; end: string }>({
        en: a => `Let ${a.name} hold regie until ${a.end}`,
        nl: a => `${a.name} de regie laten houden tot ${a.end}`
    }),
    fixStartEarlier: message<{ name: string; start: string }>({
        en: a => `Let ${a.name} hold regie from ${a.start}`,
        nl: a => `${a.name} de regie laten houden vanaf ${a.start}`
    })
};

export const vp011 = defineRule({
    code: 'VP011',
    severity: 'error',
    title: { en: 'No day without a regievoerder', nl: 'Geen dag zonder regievoerder' },
    findings: vp011Findings,
    texts: vp011Texts,
    fix: (context): FixProposal[] => {
        const facts = context.facts;
        if (!facts?.plan.period) return [];
        const gapStart = context.finding.fix?.gapStart ?? context.finding.args.start;
        const gap = facts.regie.gaps.find(g => formatDay(g.start) === gapStart) ?? facts.regie.gaps[0];
        if (!gap) return [];
        if (gap.previous) {
            const end = formatDay(gap.end);
            const edit = setEnd(gap.previous.entry.node, `to ${end}`);
            return edit ? [{ title: text(vp011Texts.fixExtend, { name: gap.previous.holder, end }, context.locale), edits: [edit], preferred: true }] : [];
        }
        // A gap at the start of the plan: the first holder starts earlier.
        const next = gap.next ?? facts.regie.segments.find(s => s.start === gap.end);
        const dateLeaf = next ? firstDateLeaf(next.entry.node) : undefined;
        if (!next || !dateLeaf) return [];
        const start = formatDay(gap.start);
        return [{ title: text(vp011Texts.fixStartEarlier, { name: next.holder, start }, context.locale), edits: [{ offset: dateLeaf.offset, end: dateLeaf.end, newText: start }], preferred: true }];
    },
    docs: {
        checks: 'Every day of the plan period is covered by a regie period. An entry without an end lasts until the next entry with a ' +
            'later start date begins, or to the plan end if none follows; entries of several `regie` blocks are read together. Each gap ' +
            'gets one diagnostic naming its first uncovered day and its length in days. It is reported on the regie entry before the ' +
            'gap, or on the plan `period` when the plan starts without a regievoerder. Silent when the plan period or a regie entry\'s ' +
            'date is invalid.',
        why: 'Exactly one casusregie holder on every day of the plan [S29a, S29b]; Veilig Thuis takes regie only temporarily, so ' +
            'handovers must connect [S38, S31].',
        example: {
            show: 'regie {\n    veiligthuis_zhz from 2026-01-12 to 2026-02-09\n    wijkteam_dordrecht from 2026-02-12\n}',
            file: regieExample('veiligthuis_zhz from 2026-01-12 to 2026-02-09\nwijkteam_dordrecht from 2026-02-12')
        },
        fix: 'Let the earlier entry run to the next start (`to 2026-02-12`), or let the next holder start on the day the previous one ' +
            'ends (`from 2026-02-09`): a handover on the same day has no gap. Omitting the end of an entry makes it last to the next start.'
    }
});

/** Quick-fix data of VP011: the first uncovered day (ISO). */
type RegieGapFix = { gapStart: string };

const vp012Findings = {
    overlap: finding<OverlapArgs, { firstSharedDay: string }>({
        en: a => `'${a.holder}' and '${a.other}' both hold regie from ${a.day}` +
            (a.days !== undefined ? ` (${dayCount(a.days, 'en')} shared, through ${a.lastShared})` : '') +
            `; there is one regievoerder at a time. ` +
            (a.sameStart
                ? `Both entries start on ${a.day} (entries starting on the same day overlap): remove one, or start this one later.`
                : a.otherEnd
                    ? `Let '${a.holder}' start on ${a.otherEnd}, when '${a.other}' ends, or end '${a.other}' \`to ${a.day}\` (a handover on the same day is no overlap).`
                    : `End '${a.other}' \`to ${a.day}\` (a handover on the same day is no overlap).`),
        nl: a => `'${a.holder}' en '${a.other}' hebben allebei de regie vanaf ${a.day}` +
            (a.days !== undefined ? ` (${dayCount(a.days, 'nl')} samen, tot en met ${a.lastShared})` : '') +
            `; er is één regievoerder tegelijk. ` +
            (a.sameStart
                ? `Beide regels beginnen op ${a.day} (regels die op dezelfde dag beginnen overlappen): verwijder er een, of laat deze later beginnen.`
                : a.otherEnd
                    ? `Laat '${a.holder}' beginnen op ${a.otherEnd}, als '${a.other}' stopt, of laat '${a.other}' eindigen \`to ${a.day}\` (een overdracht op dezelfde dag is geen overlap).`
                    : `Laat '${a.other}' eindigen \`to ${a.day}\` (een overdracht op dezelfde dag is geen overlap).`)
    })
};

const vp012Texts = {
    fixEnd: message<{ name: string; end: string }>({
        en: a => `End ${a.name}'s regie on ${a.end}, when the next holder starts`,
        nl: a => `Regie van ${a.name} laten eindigen op ${a.end}, als de volgende begint`
    })
};

export const vp012 = defineRule({
    code: 'VP012',
    severity: 'error',
    title: { en: 'One regievoerder at a time', nl: 'Eén regievoerder tegelijk' },
    findings: vp012Findings,
    texts: vp012Texts,
    fix: (context): FixProposal[] => {
        const facts = context.facts;
        if (!facts) return [];
        const firstShared = context.finding.fix?.firstSharedDay ?? context.finding.args.day;
        const within = (segment: RegieSegment) => {
            const cst = segment.entry.node.$cstNode;
            return cst !== undefined && cst.offset <= context.start && context.start <= cst.end;
        };
        // The earlier of the two ends where the later begins; two entries starting on one day have no such fix.
        const candidates = facts.regie.overlaps.filter(o => o.earlier.start < o.later.start);
        const overlap = candidates.find(o => within(o.later) && formatDay(o.start) === firstShared) ?? candidates.find(o => within(o.later) || within(o.earlier));
        if (!overlap) return [];
        const end = formatDay(overlap.later.start);
        const edit = setEnd(overlap.earlier.entry.node, `to ${end}`);
        return edit ? [{ title: text(vp012Texts.fixEnd, { name: overlap.earlier.holder, end }, context.locale), edits: [edit], preferred: true }] : [];
    },
    docs: {
        checks: 'No day is covered by two regie periods. The diagnostic is on the later entry and names both holders and the first ' +
            'shared day. Two entries starting on the same day overlap.',
        why: 'One family, one plan, one regisseur [S29a, S29b]: two organisations directing the same case at once blur who is ' +
            'responsible (casusregie versus procesregie [S37a, S37b]).',
        example: {
            show: 'regie {\n    veiligthuis_zhz from 2026-01-12 to 2026-03-01\n    wijkteam_dordrecht from 2026-02-15\n}',
            file: regieExample('veiligthuis_zhz from 2026-01-12 to 2026-03-01\nwijkteam_dordrecht from 2026-02-15')
        },
        fix: 'Start the later entry where the earlier one ends (`from 2026-03-01`) or end the earlier one where the later one starts (`to 2026-02-15`).'
    }
});

const handoverParts = {
    en: (a: FollowArgs): string[] => [
        ...(a.cut ? [`end the entry of '${a.cut}' \`to ${a.day}\``] : []),
        a.advanced
            ? `let '${a.advanced}' start on ${a.day} (${entryCode(a.advanced, a.day, a.advancedEnd)})`
            : `let an organisation of kind ${a.kind}${a.example ? `, such as '${a.example}',` : ''} hold regie on those days ` +
              `(\`${a.example ?? `<${a.kind}>`} from ${a.day} to ${a.measureEnd}\`)`,
        ...(a.dropped.length > 0
            ? [`remove the ${a.dropped.length === 1 ? 'entry' : 'entries'} of ${andList(a.dropped.map(d => `'${d.holder}' from ${d.start}`), 'en')}`]
            : []),
        ...(a.delayed ? [`let '${a.delayed}' start on ${a.measureEnd} (${entryCode(a.delayed, a.measureEnd, a.delayedEnd)})`] : []),
        ...(a.resume ? [`let '${a.resume}' take regie back on ${a.measureEnd} (${entryCode(a.resume, a.measureEnd, a.resumeEnd)})`] : [])
    ],
    nl: (a: FollowArgs): string[] => [
        ...(a.cut ? [`laat de regel van '${a.cut}' eindigen \`to ${a.day}\``] : []),
        a.advanced
            ? `laat '${a.advanced}' beginnen op ${a.day} (${entryCode(a.advanced, a.day, a.advancedEnd)})`
            : `laat een organisatie van soort ${a.kind}${a.example ? `, zoals '${a.example}',` : ''} op die dagen de regie voeren ` +
              `(\`${a.example ?? `<${a.kind}>`} from ${a.day} to ${a.measureEnd}\`)`,
        ...(a.dropped.length > 0
            ? [`verwijder de ${a.dropped.length === 1 ? 'regel' : 'regels'} van ${andList(a.dropped.map(d => `'${d.holder}' vanaf ${d.start}`), 'nl')}`]
            : []),
        ...(a.delayed ? [`laat '${a.delayed}' beginnen op ${a.measureEnd} (${entryCode(a.delayed, a.measureEnd, a.delayedEnd)})`] : []),
        ...(a.resume ? [`laat '${a.resume}' de regie terugnemen op ${a.measureEnd} (${entryCode(a.resume, a.measureEnd, a.resumeEnd)})`] : [])
    ]
};

const vp013Texts = {
    fixHandover: message<{ organisation: string; day: string; lastDay: string }>({
        en: a => `Let ${a.organisation} hold regie from ${a.day} through ${a.lastDay}, while the measure runs`,
        nl: a => `${a.organisation} de regie laten voeren van ${a.day} tot en met ${a.lastDay}, zolang de maatregel loopt`
    })
};

export const vp013 = defineRule({
    code: 'VP013',
    severity: 'warning',
    title: { en: 'Regie follows the measure', nl: 'Regie volgt de maatregel' },
    findings: {
        kind: finding<FollowArgs, FollowFix>({
            en: a => `While measure '${a.measure}' (${a.type}) runs, regie normally lies with an organisation of kind ${orList(a.kinds, 'en')}, ` +
                `but on ${a.day} it is held by ${andList(a.holders, 'en')}. ` +
                `Hand regie over while the measure runs, from ${a.day} through ${a.lastDay}: ${andList(handoverParts.en(a), 'en')}.`,
            nl: a => `Zolang maatregel '${a.measure}' (${a.type}) loopt, ligt de regie normaal bij een organisatie van soort ${orList(a.kinds, 'nl')}, ` +
                `maar op ${a.day} heeft ${andList(a.holders, 'nl')} de regie. ` +
                `Draag de regie over zolang de maatregel loopt, van ${a.day} tot en met ${a.lastDay}: ${andList(handoverParts.nl(a), 'nl')}.`
        })
    },
    texts: vp013Texts,
    fix: (context): FixProposal[] => {
        const { facts, finding, locale } = context;
        const fix = finding.fix;
        const period = facts?.plan.period;
        if (!facts || !fix || !period || facts.regie.overlaps.length > 0) return [];
        const measure = facts.plan.measures.find(m => m.name === fix.measure);
        const kind = measure?.type?.regie;
        if (!measure?.interval || !kind) return [];
        const day = parseDate(fix.day);
        const end = Math.min(measure.interval.end, period.end);
        if (day === undefined || end <= day) return [];
        const handover = planHandover(facts.regie.segments, { start: day, end }, kind);
        // A real organisation of the kind: the one the message names when the workspace has it, else the first by name.
        const named = exampleOrganisation(facts.plan, kind);
        const organisation = handover.advanced
            ? undefined
            : context.organisations.find(o => o.name === named && o.kind === kind) ?? context.organisations.find(o => o.kind === kind);
        if (!handover.advanced && !organisation) return [];
        const edits = handoverEdits(context.file, context.text, handover, organisation?.name);
        if (!edits) return [];
        return [{
            title: text(vp013Texts.fixHandover, {
                organisation: handover.advanced?.holder ?? organisation!.name, day: formatDay(day), lastDay: formatDay(end - 1)
            }, locale),
            edits,
            preferred: true
        }];
    },
    docs: {
        checks: 'On every day a measure whose type names `regie KIND` runs, inside the plan period and while someone holds regie, a ' +
            'regievoerder of that day is an organisation of the kind named by one of the measures running that day. One diagnostic per ' +
            'measure, on the measure, naming its first such day. Measures of an unknown type or with an invalid term, and days whose ' +
            'regievoerder does not resolve, are left out.',
        why: 'During a huisverbod, casemanagement lies with Veilig Thuis [S3] (or with a casemanager VT appoints [S39]); during an OTS ' +
            'the GI decides on youth care [S41, S7]. The built-in catalogue records these kinds per measure type.',
        example: {
            show: 'measure hv huisverbod {\n    on mark\n    protects sanne, noor\n    by burgemeester_dordrecht\n    from 2026-01-12 for 10 days\n    extend for 18 days\n}\nregie {\n    wijkteam_dordrecht from 2026-01-12\n}',
            file: regieExample('wijkteam_dordrecht from 2026-01-12')
        },
        fix: 'Let an organisation of the named kind hold regie while the measure runs (`veiligthuis_zhz from 2026-01-12 to 2026-02-09`) ' +
            'and let the entries around it make room: the earlier holder ends where it starts, the next starts where it ends (a warm ' +
            'handover), as the message spells out. The quick fix makes these edits, with an organisation of that kind from the ' +
            'workspace (or moves the start of an entry of the right kind that starts too late); it offers nothing when the regie ' +
            'entries overlap ([VP012](#vp012)) or no organisation of that kind exists. If your region works differently, turn the ' +
            'rule down in `vplan.config.json`.'
    }
});

const RULES = [vp010, vp011, vp012, vp013] as const;
type Report = RuleReporter<ModuleFindings<typeof RULES>>;

export const regieRules = defineRules({
    rules: RULES,
    reads: ['organisation', 'measureType'],
    plan: ({ facts, report }) => {
        const { plan, regie } = facts;
        if (!regie.defined) {
            const start = plan.period ? formatDay(plan.period.start) : undefined;
            report(regie.hasBlock ? 'VP010.empty' : 'VP010.missing', plan.node, { plan: plan.name, start }, { property: 'name' });
            return;
        }
        if (regie.broken) return;
        reportOverlaps(regie, report);
        if (!plan.period) return;
        reportGaps(plan, plan.period, regie, report);
        reportRegieFollowsMeasure(facts, plan.period, report);
    }
});

/** VP011: one diagnostic per gap. */
function reportGaps(plan: ResolvedPlan, period: Interval, regie: RegieFacts, report: Report): void {
    for (const gap of regie.gaps) {
        const args: GapArgs = {
            planStart: formatDay(period.start), planEnd: formatDay(period.end), start: formatDay(gap.start), end: formatDay(gap.end),
            lastDay: formatDay(gap.end - 1), days: gap.end - gap.start, previous: gap.previous?.holder, next: gap.next?.holder
        };
        const fix = { gapStart: args.start };
        if (!gap.previous) report('VP011.gapStart', plan.periodNode ?? plan.node, args, { fix });
        else if (gap.end < period.end) report('VP011.gap', gap.previous.entry.node, args, { fix });
        else report('VP011.gapEnd', gap.previous.entry.node, args, { fix });
    }
}

/** VP012: one diagnostic per entry that starts while an earlier one runs. */
function reportOverlaps(regie: RegieFacts, report: Report): void {
    for (const overlap of regie.overlaps) {
        const finite = Number.isFinite(overlap.end);
        const day = formatDay(overlap.start);
        report('VP012.overlap', overlap.later.entry.node, {
            holder: overlap.later.holder,
            other: overlap.earlier.holder,
            day,
            days: finite ? overlap.end - overlap.start : undefined,
            lastShared: finite ? formatDay(overlap.end - 1) : undefined,
            otherEnd: Number.isFinite(overlap.earlier.end) ? formatDay(overlap.earlier.end) : undefined,
            sameStart: overlap.earlier.start === overlap.later.start
        }, { fix: { firstSharedDay: day } });
    }
}

interface RegieMeasure {
    measure: ResolvedMeasure;
    kind: string;
    interval: Interval;
}

/**
 * VP013: cut the plan period into pieces at every boundary of a regie entry or a measure with a
 * `regie` kind; in each piece the running measures and the holders are constant.
 */
function reportRegieFollowsMeasure(facts: PlanFacts, period: Interval, report: Report): void {
    const measures: RegieMeasure[] = [];
    for (const measure of facts.plan.measures) {
        const kind = measure.type?.regie;
        if (!kind || !measure.interval) continue;
        const start = Math.max(measure.interval.start, period.start);
        const end = Math.min(measure.interval.end, period.end);
        if (end > start) measures.push({ measure, kind, interval: { start, end } });
    }
    if (measures.length === 0) return;
    const segments = facts.regie.segments;
    const bounds = new Set<number>([period.start, period.end]);
    for (const m of measures) { bounds.add(m.interval.start); bounds.add(m.interval.end); }
    for (const s of segments) {
        if (s.start > period.start && s.start < period.end) bounds.add(s.start);
        if (s.end > period.start && s.end < period.end) bounds.add(s.end);
    }
    const cuts = [...bounds].sort((a, b) => a - b);
    const reported = new Set<RegieMeasure>();
    for (let i = 0; i + 1 < cuts.length && reported.size < measures.length; i++) {
        const day: Day = cuts[i];
        const running = measures.filter(m => m.interval.start <= day && day < m.interval.end);
        if (running.length === 0 || running.every(m => reported.has(m))) continue;
        const holders = facts.regie.holdersOn(day);
        if (holders.length === 0) continue; // a day without regie is VP011
        const holderKinds = holders.map(h => h.entry.organisation?.kind);
        if (holderKinds.some(k => k === undefined)) continue; // unresolved holder (VP081) or invalid kind (VP000)
        const kinds = [...new Set(running.map(m => m.kind))];
        if (holderKinds.some(k => kinds.includes(k as string))) continue;
        for (const m of running) {
            if (reported.has(m)) continue;
            reported.add(m);
            const handover = planHandover(segments, { start: day, end: m.interval.end }, m.kind);
            report('VP013.kind', m.measure.node, {
                measure: m.measure.name,
                type: m.measure.type?.name ?? '?',
                kinds,
                day: formatDay(day),
                holders: holders.map(h => `'${h.holder}' (${h.entry.organisation?.kind})`),
                measureEnd: formatDay(m.interval.end),
                lastDay: formatDay(m.interval.end - 1),
                kind: m.kind,
                example: handover.advanced ? undefined : exampleOrganisation(facts.plan, m.kind),
                cut: handover.cut?.holder,
                advanced: handover.advanced?.holder,
                dropped: handover.dropped.map(d => ({ holder: d.holder, start: formatDay(d.start) })),
                delayed: handover.delayed?.holder,
                resume: handover.resume?.holder,
                advancedEnd: writtenEnd(handover.advanced),
                delayedEnd: writtenEnd(handover.delayed),
                resumeEnd: writtenEnd(handover.resume)
            }, { property: 'name', fix: { measure: m.measure.name, day: formatDay(day) } });
        }
    }
}

/**
 * VP013's handover over `window` (from the first such day to the measure's end, within the plan):
 * an organisation of `kind` holds regie on every day of it, and the entries that held regie there
 * make room. Entries are taken as they lie (sorted, without overlaps: with VP012 the fix offers
 * nothing).
 */
interface Handover {
    window: Interval;
    /** The entry holding regie on the first day, since before it: it ends on the first day. */
    cut?: RegieSegment;
    /** An entry of the right kind that starts inside the window and lasts to its end: it starts on the first day instead. */
    advanced?: RegieSegment;
    /** Entries inside the window: they go. */
    dropped: RegieSegment[];
    /** An entry that starts inside the window and lasts beyond it: it starts at the window's end. */
    delayed?: RegieSegment;
    /** The cut entry ran beyond the window: its holder takes regie back at the window's end. */
    resume?: RegieSegment;
}

function planHandover(segments: readonly RegieSegment[], window: Interval, kind: string): Handover {
    const handover: Handover = { window, dropped: [] };
    const inside = segments.filter(s => s.start < window.end && s.end > window.start);
    for (const segment of inside) {
        if (segment.start < window.start) {
            handover.cut ??= segment;
            if (segment.end > window.end) handover.resume ??= segment;
        } else if (!handover.advanced && segment.entry.organisation?.kind === kind && segment.end >= window.end) {
            handover.advanced = segment;
        } else if (segment.end > window.end) {
            handover.delayed ??= segment;
        } else {
            handover.dropped.push(segment);
        }
    }
    return handover;
}

/** The end an entry keeps when its start moves: its written (`to` or `for`) end; an open entry keeps none. */
function writtenEnd(segment: RegieSegment | undefined): string | undefined {
    return segment?.entry.explicitEnd && Number.isFinite(segment.end) ? formatDay(segment.end) : undefined;
}

/** An organisation of `kind` the plan already names (regie holders first), for the message. */
function exampleOrganisation(plan: ResolvedPlan, kind: string): string | undefined {
    const named: Array<OrganisationView | undefined> = [
        ...plan.regie.map(entry => entry.organisation),
        ...plan.meetings.flatMap(meeting => [meeting.chair, ...meeting.participants]),
        ...plan.measures.map(measure => measure.by),
        ...plan.interventions.map(intervention => intervention.by),
        ...plan.agreements.map(agreement => (isOrganisationView(agreement.checkedBy) ? agreement.checkedBy : undefined)),
        ...plan.aftercareBlocks.map(aftercare => aftercare.owner)
    ];
    return named.find(organisation => organisation?.kind === kind)?.name;
}

/** The edits of a handover; `organisation` holds regie over the window unless an entry is advanced. */
function handoverEdits(file: VplanFile, text: string, handover: Handover, organisation: string | undefined): RawEdit[] | undefined {
    const { window, cut, advanced, dropped, delayed, resume } = handover;
    const day = formatDay(window.start);
    const end = formatDay(window.end);
    const edits: RawEdit[] = [];
    const push = (edit: RawEdit | undefined) => { if (edit) edits.push(edit); return edit !== undefined; };
    if (cut && !push(setEnd(cut.entry.node, `to ${day}`))) return undefined;
    if (advanced) {
        if (!moveStart(advanced, day, edits)) return undefined;
    } else {
        const lines = [`${organisation} from ${day} to ${end}`];
        const resumeEnd = writtenEnd(resume);
        if (resume) lines.push(`${resume.holder} from ${end}${resumeEnd ? ` to ${resumeEnd}` : ''}`);
        // The new entries go right after the entry they take over from, else in place of the first entry
        // that goes, else before the entry that starts later.
        if (cut) {
            const offset = offsetAfter(file, text, cut.entry.node);
            edits.push({ offset, end: offset, newText: lines.map(line => `\n${line}`).join('') });
        } else if (dropped.length > 0) {
            const first = dropped[0].entry.node;
            const leaves = significantLeaves(first);
            if (leaves.length === 0) return undefined;
            edits.push({ offset: leaves[0].offset, end: leaves[leaves.length - 1].end, newText: lines.join('\n') });
        } else if (delayed?.entry.node.$cstNode) {
            const offset = delayed.entry.node.$cstNode.offset;
            edits.push({ offset, end: offset, newText: lines.map(line => `${line}\n`).join('') });
        } else {
            return undefined;
        }
    }
    // Without a cut entry, the first entry that goes was replaced above.
    for (const segment of advanced || cut ? dropped : dropped.slice(1)) edits.push(removeNode(file, segment.entry.node));
    if (delayed && !moveStart(delayed, end, edits)) return undefined;
    return edits;
}

/** Moves an entry's start, keeping its end where it was (a `for` end becomes a `to` end). */
function moveStart(segment: RegieSegment, start: string, edits: RawEdit[]): boolean {
    const dateLeaf = firstDateLeaf(segment.entry.node);
    if (!dateLeaf) return false;
    edits.push({ offset: dateLeaf.offset, end: dateLeaf.end, newText: start });
    if (segment.entry.node.duration !== undefined) {
        const edit = setEnd(segment.entry.node, `to ${formatDay(segment.end)}`);
        if (!edit) return false;
        edits.push(edit);
    }
    return true;
}
