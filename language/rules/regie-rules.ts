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
 */

import { isAftercare, isEvaluation, isMeeting, isRegieBlock } from '../generated/ast.js';
import { formatDay, type Day } from '../model/dates.js';
import type { Interval, ResolvedMeasure, ResolvedPlan } from '../model/plan-model.js';
import type { PlanFacts } from '../analysis/plan-facts.js';
import type { RegieFacts, RegieSegment } from '../analysis/regie-facts.js';
import { andList, dayCount, orList } from '../i18n/phrases.js';
import { defineRule, defineRules, finding, message, text, type ModuleFindings, type RuleReporter } from './rule-unit.js';
import { examplePlan } from './example-plan.js';
import {
    byKindPreference, dayText, firstDateLeaf, insertItem, offsetAfterOpenBrace, quoted, setEnd, type FixProposal
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
    measureEnd: string;
    suggestion: string;
};

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

export const vp013 = defineRule({
    code: 'VP013',
    severity: 'warning',
    title: { en: 'Regie follows the measure', nl: 'Regie volgt de maatregel' },
    findings: {
        kind: finding<FollowArgs>({
            en: a => `While measure '${a.measure}' (${a.type}) runs, regie normally lies with an organisation of kind ${orList(a.kinds, 'en')}, ` +
                `but on ${a.day} it is held by ${andList(a.holders, 'en')}. ` +
                `Let an organisation of kind ${orList(a.kinds, 'en')} hold regie from ${a.day} while the measure runs (it ends on ${a.measureEnd}), e.g. \`${a.suggestion}\`.`,
            nl: a => `Zolang maatregel '${a.measure}' (${a.type}) loopt, ligt de regie normaal bij een organisatie van soort ${orList(a.kinds, 'nl')}, ` +
                `maar op ${a.day} heeft ${andList(a.holders, 'nl')} de regie. ` +
                `Laat vanaf ${a.day} een organisatie van soort ${orList(a.kinds, 'nl')} de regie voeren zolang de maatregel loopt (die eindigt op ${a.measureEnd}), bijvoorbeeld \`${a.suggestion}\`.`
        })
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
        fix: 'Let an organisation of the named kind hold regie while the measure runs (`veiligthuis_zhz from 2026-01-12 to 2026-02-09`, ' +
            'then a warm handover), or, if your region works differently, turn the rule down in `vplan.config.json`.'
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
            report('VP013.kind', m.measure.node, {
                measure: m.measure.name,
                type: m.measure.type?.name ?? '?',
                kinds,
                day: formatDay(day),
                holders: holders.map(h => `'${h.holder}' (${h.entry.organisation?.kind})`),
                measureEnd: formatDay(m.interval.end),
                suggestion: `<${kinds[0]}> from ${formatDay(day)} to ${formatDay(m.interval.end)}`
            }, { property: 'name' });
        }
    }
}
