/**
 * The value words of the language (spec sections 1, 3, 4, 6). They are identifiers to the
 * grammar, so that none of them is reserved; the validator reports any other word as VP000
 * with the allowed values in the message.
 */

export const PLAN_STATUSES = ['draft', 'active', 'closed'] as const;
export const MEMBER_KINDS = ['adult', 'child'] as const;
export const ROLES = ['victim', 'perpetrator', 'witness', 'parent'] as const;
export const SEVERITIES = ['low', 'medium', 'high', 'acute'] as const;
export const NATURES = ['static', 'dynamic'] as const;
export const DOMAINS = ['safety', 'housing', 'finances', 'health', 'addiction', 'parenting', 'work', 'education', 'social'] as const;
export const PHASE_KINDS = ['safety', 'stability', 'recovery'] as const;
export const FRAMEWORKS = ['voluntary', 'drang', 'dwang'] as const;
export const CLIENT_MODES = ['invited', 'present', 'heard', 'informed'] as const;
export const SUBJECTS = ['adult', 'minor', 'any'] as const;
export const MODES = ['dwang', 'drang'] as const;
export const ORGANISATION_KINDS = [
    'veiligthuis', 'wijkteam', 'gi', 'raad', 'reclassering', 'jeugdreclassering', 'politie', 'om',
    'burgemeester', 'rechter', 'zvh', 'ggz', 'jeugdhulp', 'verslavingszorg', 'opvang', 'huisarts',
    'school', 'gemeente', 'other'
] as const;
export const ENDED_REASONS = ['completed', 'dropout', 'referred'] as const;
export const DURATION_UNITS = ['day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years'] as const;

export type PlanStatus = typeof PLAN_STATUSES[number];
export type MemberKind = typeof MEMBER_KINDS[number];
export type Role = typeof ROLES[number];
export type Severity = typeof SEVERITIES[number];
export type Nature = typeof NATURES[number];
export type RiskDomain = typeof DOMAINS[number];
export type PhaseKind = typeof PHASE_KINDS[number];
export type Framework = typeof FRAMEWORKS[number];
export type ClientMode = typeof CLIENT_MODES[number];
export type Subject = typeof SUBJECTS[number];
export type MeasureMode = typeof MODES[number];
export type OrganisationKind = typeof ORGANISATION_KINDS[number];
export type EndedReason = typeof ENDED_REASONS[number];

/** The name of each value set, as used in messages ("role", "organisation kind", ...). */
export const VALUE_SETS = {
    status: PLAN_STATUSES,
    memberKind: MEMBER_KINDS,
    role: ROLES,
    severity: SEVERITIES,
    nature: NATURES,
    domain: DOMAINS,
    phaseKind: PHASE_KINDS,
    framework: FRAMEWORKS,
    clientMode: CLIENT_MODES,
    subject: SUBJECTS,
    mode: MODES,
    organisationKind: ORGANISATION_KINDS,
    endedReason: ENDED_REASONS,
    durationUnit: DURATION_UNITS
} as const;

export type ValueSetName = keyof typeof VALUE_SETS;

/** The value sets as `Set`s: every value word of every file is looked up. */
export const VALUE_SET_LOOKUP = Object.fromEntries(
    Object.entries(VALUE_SETS).map(([name, values]) => [name, new Set<string>(values)])) as unknown as Record<ValueSetName, ReadonlySet<string>>;

export function isValueOf<K extends ValueSetName>(set: K, value: string | undefined): value is typeof VALUE_SETS[K][number] {
    return value !== undefined && VALUE_SET_LOOKUP[set].has(value);
}

/** The structural keywords of spec section 1: reserved, never usable as a name. */
export const RESERVED_WORDS = new Set([
    'plan', 'organisation', 'measure', 'type', 'kind', 'status', 'period', 'household', 'member', 'roles',
    'born', 'outside', 'no-action', 'network', 'supporter', 'supports', 'aware', 'risk', 'severity', 'nature',
    'domain', 'affects', 'posed', 'by', 'phase', 'on', 'protects', 'from', 'to', 'for', 'extend',
    'intervention', 'framework', 'addresses', 'fallback', 'agreement', 'checked', 'regie', 'aftercare',
    'owner', 'checkpoints', 'signal', 'escalate', 'meeting', 'chair', 'participants', 'client', 'evaluation',
    'mode', 'basis', 'initial', 'term', 'total', 'max', 'subject', 'imposed', 'source',
    // Version 2.
    'ended', 'incident', 'action', 'due', 'requires'
]);
