/**
 * The texts of the editor features (hover, code lens, inlay hints, rename, completion) as one
 * catalogue of `Message`s, rendered with `text()` from i18n/locale.ts. Shared words (durations,
 * nouns, value words) come from i18n/phrases.ts. The completion snippets' names and placeholder
 * words live in vplan-snippets.ts, beside their bodies.
 */

import { message, words } from '../i18n/locale.js';
import { declarationNoun, valueSetName } from '../i18n/phrases.js';
import type { ValueSetName } from '../model/vocabulary.js';

export const editorTexts = {
    // Hover of a measure type.
    measureType: words({ en: 'Measure type', nl: 'Maatregeltype' }),
    builtIn: words({ en: 'built-in', nl: 'ingebouwd' }),
    mode: words({ en: 'Mode', nl: 'Kader' }),
    legalBasis: words({ en: 'Legal basis', nl: 'Wettelijke grondslag' }),
    limits: words({ en: 'Limits', nl: 'Termijnen' }),
    initialTerm: words({ en: 'initial', nl: 'eerste termijn' }),
    termMax: words({ en: 'term max', nl: 'max. per termijn' }),
    totalMax: words({ en: 'total max', nl: 'max. totaal' }),
    subject: words({ en: 'Subject', nl: 'Betreft' }),
    imposedBy: words({ en: 'Imposed by', nl: 'Opgelegd door' }),
    regie: words({ en: 'Regie', nl: 'Regie' }),
    source: words({ en: 'Source', nl: 'Bron' }),
    checked: words({ en: 'Checked', nl: 'Gecontroleerd' }),
    // Hover of a member.
    member: words({ en: 'Member', nl: 'Gezinslid' }),
    roles: words({ en: 'Roles', nl: 'Rollen' }),
    ageAtPlanStart: words({ en: 'Age at plan start', nl: 'Leeftijd bij start plan' }),
    livesOutside: words({ en: 'Lives outside the household', nl: 'Woont buiten het huishouden' }),
    coveredBy: words({ en: 'Covered by', nl: 'Gedekt door' }),
    coveredByNothing: words({ en: '**nothing**', nl: '**niets**' }),
    // Hover of an organisation.
    organisation: words({ en: 'Organisation', nl: 'Organisatie' }),
    kind: words({ en: 'Kind', nl: 'Soort' }),
    holdsRegie: words({ en: 'Holds regie', nl: 'Heeft regie' }),

    // Code lenses.
    openTimeline: words({ en: 'Open timeline', nl: 'Tijdlijn openen' }),
    covered: message<{ covered: number; members: number }>({
        en: a => `covered ${a.covered}/${a.members}`,
        nl: a => `gedekt ${a.covered}/${a.members}`
    }),
    nobody: words({ en: 'nobody', nl: 'niemand' }),
    regieOnPlanStart: message<{ day: string; holders: string }>({
        en: a => `regie on plan start (${a.day}): ${a.holders}`,
        nl: a => `regie bij start plan (${a.day}): ${a.holders}`
    }),
    regieToday: message<{ holders: string }>({
        en: a => `regie today: ${a.holders}`,
        nl: a => `regie vandaag: ${a.holders}`
    }),
    aftercareLength: message<{ length: string }>({
        en: a => `aftercare: ${a.length}`,
        nl: a => `nazorg: ${a.length}`
    }),

    // Inlay hints. Ends are shown as the last covered day (docs/editor.md).
    until: message<{ day: string }>({ en: a => `until ${a.day}`, nl: a => `t/m ${a.day}` }),
    age: message<{ age: number }>({ en: a => `age ${a.age}`, nl: a => `leeftijd ${a.age}` }),
    defaultEnd: message<{ until: string }>({ en: a => `${a.until} (default)`, nl: a => `${a.until} (standaard)` }),
    defaultEndTooltip: words({
        en: 'End from the measure type (initial term, else term max, else total max, else the plan end)',
        nl: 'Einde volgens het maatregeltype (eerste termijn, anders max. per termijn, anders max. totaal, anders einde plan)'
    }),
    impliedEndTooltip: words({
        en: 'Implied end: the next regie entry, else the plan end',
        nl: 'Afgeleid einde: de volgende regieperiode, anders het einde van het plan'
    }),

    // Rename refusals.
    invalidName: message<{ name: string }>({
        en: a => `'${a.name}' is not a valid name: use letters, digits and '_', starting with a letter or '_'.`,
        nl: a => `'${a.name}' is geen geldige naam: gebruik letters, cijfers en '_', te beginnen met een letter of '_'.`
    }),
    reservedName: message<{ name: string }>({
        en: a => `'${a.name}' is a reserved word of the language and cannot be a name.`,
        nl: a => `'${a.name}' is een gereserveerd woord van de taal en kan geen naam zijn.`
    }),
    builtinRename: words({
        en: 'Built-in measure types cannot be renamed; declare your own `measure type` instead.',
        nl: 'Ingebouwde maatregeltypen kunnen niet hernoemd worden; declareer zo nodig een eigen `measure type`.'
    }),
    // `kind`: the AST type of the declaration that has the name (spec section 2: namespaces).
    nameTakenInPlan: message<{ name: string; kind: string }>({
        en: a => `'${a.name}' is already the name of ${declarationNoun(a.kind, 'en')} in this plan; the members, supporters, risks, measures, interventions and agreements of a plan each need a name of their own.`,
        nl: a => `'${a.name}' is al de naam van ${declarationNoun(a.kind, 'nl')} in dit plan; de gezinsleden, steunfiguren, risico's, maatregelen, interventies en afspraken van een plan hebben elk een eigen naam.`
    }),
    nameTakenInWorkspace: message<{ name: string; kind: string; builtin: boolean }>({
        en: a => `'${a.name}' is already the name of ${a.builtin ? 'a built-in measure type' : `${declarationNoun(a.kind, 'en')} in this workspace`}; plans, organisations and measure types each need a name of their own.`,
        nl: a => `'${a.name}' is al de naam van ${a.builtin ? 'een ingebouwd maatregeltype' : `${declarationNoun(a.kind, 'nl')} in deze werkruimte`}; plannen, organisaties en maatregeltypen hebben elk een eigen naam.`
    }),

    // Completion details.
    keyword: words({ en: 'Keyword', nl: 'Trefwoord' }),
    // Dates proposed after `from`, `to` and the other date positions (always the date to write).
    datePlanStart: words({ en: 'start of the plan period', nl: 'start van de planperiode' }),
    datePlanEnd: message<{ last: string }>({
        en: a => `end of the plan period (its last day is ${a.last})`,
        nl: a => `einde van de planperiode (laatste dag ${a.last})`
    }),
    dateAfterPlan: message<{ last: string }>({
        en: a => `first day after the plan period (which ends on ${a.last})`,
        nl: a => `eerste dag na de planperiode (die loopt t/m ${a.last})`
    }),
    dateToday: words({ en: 'today', nl: 'vandaag' }),
    dateOneYearOn: message<{ last: string }>({
        en: a => `one year after the start (last day ${a.last})`,
        nl: a => `een jaar na de start (laatste dag ${a.last})`
    }),
    dateRegieHandover: message<{ holder: string; last: string }>({
        en: a => `handover: the previous regie period (${a.holder}) ends here (its last day is ${a.last})`,
        nl: a => `overdracht: de vorige regieperiode (${a.holder}) eindigt hier (laatste dag ${a.last})`
    }),
    datePhaseFollows: message<{ kind: string; last: string }>({
        en: a => `right after the previous phase (${a.kind}, last day ${a.last})`,
        nl: a => `direct na de vorige fase (${a.kind}, laatste dag ${a.last})`
    }),
    dateMeetingDay: words({ en: 'the day of the meeting', nl: 'de dag van het overleg' }),
    dateInclusive: words({ en: 'the date is included', nl: 'de datum telt mee' }),
    dateExclusive: message<{ last: string }>({
        en: a => `an end is the first day no longer covered: the last day is ${a.last}`,
        nl: a => `een einde is de eerste dag die niet meer meetelt: de laatste dag is ${a.last}`
    }),
    weekday: message<{ index: number }>({
        // index 0 is Monday.
        en: a => ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'][a.index],
        nl: a => ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'][a.index]
    }),
    // Organisations after a measure's `by`.
    mayImpose: message<{ type: string; kinds: string }>({
        en: a => `may impose ${a.type} (imposed by: ${a.kinds})`,
        nl: a => `mag ${a.type} opleggen (opgelegd door: ${a.kinds})`
    }),
    mayNotImpose: message<{ type: string; kinds: string }>({
        en: a => `not among the kinds that impose ${a.type} (${a.kinds}): VP033`,
        nl: a => `hoort niet bij de soorten die ${a.type} opleggen (${a.kinds}): VP033`
    }),
    // Hover of a date, a duration and a value word.
    planDay: message<{ day: number; days: number }>({
        en: a => `day ${a.day} of the plan period (of ${a.days})`,
        nl: a => `dag ${a.day} van de planperiode (van ${a.days})`
    }),
    beforePlan: message<{ days: number }>({
        en: a => `${a.days} ${a.days === 1 ? 'day' : 'days'} before the plan period`,
        nl: a => `${a.days} ${a.days === 1 ? 'dag' : 'dagen'} vóór de planperiode`
    }),
    afterPlan: message<{ days: number }>({
        en: a => `${a.days} ${a.days === 1 ? 'day' : 'days'} after the plan period`,
        nl: a => `${a.days} ${a.days === 1 ? 'dag' : 'dagen'} na de planperiode`
    }),
    phasesOn: message<{ phases: string }>({ en: a => `phase: ${a.phases}`, nl: a => `fase: ${a.phases}` }),
    noPhase: words({ en: 'in no phase', nl: 'in geen fase' }),
    durationEnds: message<{ last: string }>({
        en: a => `ends after ${a.last}: that is the last covered day`,
        nl: a => `loopt t/m ${a.last}: dat is de laatste dag die meetelt`
    }),
    durationDay: message<{ day: string }>({ en: a => `falls on ${a.day}`, nl: a => `valt op ${a.day}` }),
    valueOf: message<{ set: string; values: string }>({
        en: a => `a value of ${a.set}: ${a.values}`,
        nl: a => `een waarde van ${a.set}: ${a.values}`
    }),
    frameworkMeaning: message<{ value: string }>({
        en: a => ({
            voluntary: 'voluntary: the family takes part of its own accord',
            drang: 'drang: help under pressure, with a consequence named if the family declines (no court order)',
            dwang: 'dwang: imposed by an authority (a court, the mayor, the public prosecutor)'
        } as Record<string, string>)[a.value] ?? a.value,
        nl: a => ({
            voluntary: 'vrijwillig: het gezin doet uit eigen beweging mee',
            drang: 'drang: hulp onder druk, met een benoemd gevolg als het gezin weigert (geen rechterlijke uitspraak)',
            dwang: 'dwang: opgelegd door een bevoegde instantie (rechter, burgemeester, officier van justitie)'
        } as Record<string, string>)[a.value] ?? a.value
    }),
    // Hover of the declarations of a plan (at the declaration or any reference).
    title: words({ en: 'Title', nl: 'Titel' }),
    status: words({ en: 'Status', nl: 'Status' }),
    period: words({ en: 'Period', nl: 'Periode' }),
    severity: words({ en: 'Severity', nl: 'Ernst' }),
    nature: words({ en: 'Nature', nl: 'Aard' }),
    domain: words({ en: 'Domain', nl: 'Domein' }),
    affects: words({ en: 'Affects', nl: 'Treft' }),
    posedBy: words({ en: 'Posed by', nl: 'Uitgaande van' }),
    on: words({ en: 'On', nl: 'Opgelegd aan' }),
    protects: words({ en: 'Protects', nl: 'Beschermt' }),
    by: words({ en: 'By', nl: 'Door' }),
    helps: words({ en: 'For', nl: 'Voor' }),
    framework: words({ en: 'Framework', nl: 'Kader' }),
    checkedBy: words({ en: 'Checked by', nl: 'Gecontroleerd door' }),
    supports: words({ en: 'Supports', nl: 'Steunt' }),
    aware: words({ en: 'Knows the plan', nl: 'Kent het plan' }),
    valueSet: message<{ set: string }>({
        // Each value set named as a coordinator would (as the VP000 messages name it), never by its name in the code.
        en: a => valueSetName(a.set as ValueSetName, 'en'),
        nl: a => valueSetName(a.set as ValueSetName, 'nl')
    })
};


/**
 * The completion snippets' texts (vplan-snippets.ts): what each one is called and does, and the
 * words of its placeholders. Placeholders that stay in the plan if accepted are valid names of the
 * language (never a reserved word) or plain text in a string.
 */
export const snippetTexts = {
    names: {
        plan: words({ en: 'New plan (skeleton)', nl: 'Nieuw plan (skelet)' }),
        organisation: words({ en: 'New organisation', nl: 'Nieuwe organisatie' }),
        measureType: words({ en: 'New measure type', nl: 'Nieuw maatregeltype' }),
        household: words({ en: 'Household with its members', nl: 'Huishouden met gezinsleden' }),
        member: words({ en: 'New member', nl: 'Nieuw gezinslid' }),
        network: words({ en: 'Network with a supporter', nl: 'Netwerk met een steunfiguur' }),
        supporter: words({ en: 'New supporter', nl: 'Nieuwe steunfiguur' }),
        risk: words({ en: 'New risk', nl: 'Nieuw risico' }),
        phase: words({ en: 'New phase', nl: 'Nieuwe fase' }),
        measure: words({ en: 'New measure', nl: 'Nieuwe maatregel' }),
        intervention: words({ en: 'New intervention', nl: 'Nieuwe interventie' }),
        agreement: words({ en: 'New safety agreement', nl: 'Nieuwe veiligheidsafspraak' }),
        regie: words({ en: 'Regie block', nl: 'Regieblok' }),
        aftercare: words({ en: 'Aftercare', nl: 'Nazorg' }),
        meeting: words({ en: 'New case meeting', nl: 'Nieuw casusoverleg' }),
        action: words({ en: 'New action of the meeting', nl: 'Nieuw actiepunt van het overleg' }),
        incident: words({ en: 'New incident', nl: 'Nieuw incident' }),
        evaluation: words({ en: 'New evaluation', nl: 'Nieuwe evaluatie' })
    },
    descriptions: {
        plan: words({
            en: 'A safety plan with every required section and the usual ones (status, period, household, network, risk, phase, regie, aftercare, evaluation).',
            nl: 'Een veiligheidsplan met alle verplichte onderdelen en de gebruikelijke (status, periode, huishouden, netwerk, risico, fase, regie, nazorg, evaluatie).'
        }),
        organisation: words({ en: 'An organisation that plans refer to.', nl: 'Een organisatie waarnaar plannen verwijzen.' }),
        measureType: words({ en: 'A measure type with its legal limits.', nl: 'Een maatregeltype met zijn wettelijke termijnen.' }),
        household: words({ en: 'The members of the household.', nl: 'De gezinsleden van het huishouden.' }),
        member: words({ en: 'A member of the household with kind, year of birth and roles.', nl: 'Een gezinslid met soort, geboortejaar en rollen.' }),
        network: words({ en: 'The network around the family.', nl: 'Het netwerk rond het gezin.' }),
        supporter: words({ en: 'A supporter from the network and whom they support.', nl: 'Een steunfiguur uit het netwerk en wie die steunt.' }),
        risk: words({ en: 'A risk with its severity, nature, domain and whom it affects.', nl: 'Een risico met ernst, aard, domein en wie het treft.' }),
        phase: words({ en: 'A phase of the plan (gefaseerde ketenzorg).', nl: 'Een fase van het plan (gefaseerde ketenzorg).' }),
        measure: words({ en: 'A dwang or drang measure of a measure type (e.g. the built-in huisverbod).', nl: 'Een dwang- of drangmaatregel van een maatregeltype (bijvoorbeeld het ingebouwde huisverbod).' }),
        intervention: words({ en: 'Help (an intervention) for members of the household.', nl: 'Hulp (een interventie) voor gezinsleden.' }),
        agreement: words({ en: 'A safety agreement (veiligheidsafspraak) and who checks it.', nl: 'Een veiligheidsafspraak en wie die controleert.' }),
        regie: words({ en: 'Who holds casusregie, period by period.', nl: 'Wie de casusregie heeft, periode na periode.' }),
        aftercare: words({ en: 'Aftercare (nazorg) and monitoring after the plan period.', nl: 'Nazorg en monitoring na de planperiode.' }),
        meeting: words({ en: 'A case meeting (casusoverleg) and who of the household took part.', nl: 'Een casusoverleg en wie van het huishouden meedeed.' }),
        action: words({ en: 'What the meeting decided, who carries it out and by when.', nl: 'Wat het overleg besloot, wie het uitvoert en wanneer het klaar is.' }),
        incident: words({ en: 'A new incident or report during the plan.', nl: 'Een nieuw incident of een nieuwe melding tijdens het plan.' }),
        evaluation: words({ en: 'A planned evaluation of the plan.', nl: 'Een geplande evaluatie van het plan.' })
    },
    placeholders: {
        planName: words({ en: 'family_name_year', nl: 'gezin_naam_jaar' }),
        planTitle: words({ en: 'Safety plan family Name', nl: 'Veiligheidsplan gezin Naam' }),
        name: words({ en: 'name', nl: 'naam' }),
        title: words({ en: 'Full name', nl: 'Volledige naam' }),
        description: words({ en: 'Description', nl: 'Omschrijving' }),
        parentA: words({ en: 'parent_a', nl: 'ouder_a' }),
        parentB: words({ en: 'parent_b', nl: 'ouder_b' }),
        child: words({ en: 'child_a', nl: 'kind_a' }),
        member: words({ en: 'member_name', nl: 'gezinslid' }),
        otherMember: words({ en: 'other_member', nl: 'ander_gezinslid' }),
        supporter: words({ en: 'supporter_name', nl: 'steunfiguur' }),
        supporterTitle: words({ en: 'Name and relation', nl: 'Naam en relatie' }),
        risk: words({ en: 'risk_name', nl: 'risico' }),
        riskTitle: words({ en: 'Description of the risk', nl: 'Omschrijving van het risico' }),
        organisation: words({ en: 'organisation_name', nl: 'organisatie' }),
        nextOrganisation: words({ en: 'next_organisation', nl: 'volgende_organisatie' }),
        regieNote: words({ en: 'Casusregie', nl: 'Casusregie' }),
        handoverNote: words({ en: 'Warm handover', nl: 'Warme overdracht' }),
        agreementTitle: words({ en: 'The agreement in plain words', nl: 'De afspraak in gewone taal' }),
        fallback: words({ en: 'What happens on dropout', nl: 'Wat er gebeurt bij uitval' }),
        signal: words({ en: 'New report of violence', nl: 'Nieuwe melding' }),
        escalate: words({ en: 'Case meeting within five working days', nl: 'Casusoverleg binnen vijf werkdagen' }),
        meetingTitle: words({ en: 'Case meeting', nl: 'Casusoverleg' }),
        actionText: words({ en: 'What was decided', nl: 'Wat er is besloten' }),
        incidentTitle: words({ en: 'What happened', nl: 'Wat er gebeurde' }),
        evaluationTitle: words({ en: 'Evaluation of the safety agreements', nl: 'Evaluatie veiligheidsafspraken' }),
        measureTypeTitle: words({ en: 'Name of the measure', nl: 'Naam van de maatregel' }),
        basis: words({ en: 'Legal basis', nl: 'Wettelijke grondslag' }),
        source: words({ en: 'Source', nl: 'Bron' })
    }
};

