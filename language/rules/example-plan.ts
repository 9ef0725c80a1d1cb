/**
 * A complete plan that passes every check, and a way to replace any of its sections: the rules'
 * documentation examples (docs/rules.md is generated from them, with the real messages) and the
 * rule tests build on it, so an example shows one mistake and nothing else. All names are
 * invented pseudonyms.
 */

export const EXAMPLE_CATALOGUE = `organisation veiligthuis_zhz "Veilig Thuis Zuid-Holland Zuid" kind veiligthuis
organisation wijkteam_dordrecht "Sociaal wijkteam Dordrecht" kind wijkteam
organisation zvh_zhz "Zorg- en Veiligheidshuis ZHZ" kind zvh
organisation ggz_zhz "GGZ Zuid-Holland Zuid" kind ggz
organisation politie_zhz "Politie, district Zuid-Holland Zuid" kind politie
organisation burgemeester_dordrecht "Burgemeester van Dordrecht" kind burgemeester
organisation gi_zhz "Jeugdbescherming Zuid-Holland Zuid" kind gi
organisation rechtbank_rotterdam "Rechtbank Rotterdam, kinderrechter" kind rechter
`;

/** The sections of the example plan, each as its canonical text (4-space indented, no trailing newline). */
export interface ExampleSections {
    header: string;
    household: string;
    network: string;
    risks: string;
    phases: string;
    measures: string;
    interventions: string;
    agreements: string;
    regie: string;
    aftercare: string;
    meetings: string;
    /** Anything else, placed before the closing brace. */
    extra: string;
}

export const EXAMPLE_SECTIONS: Readonly<ExampleSections> = Object.freeze({
    header: `    status active
    period 2026-01-12 to 2027-01-12`,
    household: `    household {
        member sanne adult born 1989 roles victim, parent
        member mark adult born 1986 roles perpetrator, parent
        member noor child born 2015 roles witness
    }`,
    network: `    network {
        supporter oma "Oma van Noor" supports sanne, noor aware
    }`,
    risks: `    risk partnergeweld "Partnergeweld met letsel" {
        severity high
        nature dynamic
        domain safety
        affects sanne, noor
        posed by mark
    }`,
    phases: `    phase safety from 2026-01-12 to 2026-03-01
    phase stability from 2026-03-01 to 2026-09-01
    phase recovery from 2026-09-01 to 2027-01-12`,
    measures: `    measure hv huisverbod {
        on mark
        protects sanne, noor
        by burgemeester_dordrecht
        from 2026-01-12 for 10 days
        extend for 18 days
    }`,
    interventions: `    intervention daderhulp "Daderhulp huiselijk geweld" {
        for mark
        by ggz_zhz
        from 2026-01-20 for 12 months
        framework drang
        addresses partnergeweld
    }

    intervention steun "Hulp voor Sanne en Noor" {
        for sanne, noor
        by wijkteam_dordrecht
        from 2026-02-09 for 12 months
        addresses partnergeweld
    }`,
    agreements: `    agreement geen_contact "Mark zoekt alleen contact via begeleide overdracht" {
        by mark
        protects sanne
        checked by veiligthuis_zhz
    }`,
    regie: `    regie {
        veiligthuis_zhz from 2026-01-12 to 2026-02-09 "Casemanagement tijdens het huisverbod"
        wijkteam_dordrecht from 2026-02-09 "Warme overdracht na het huisverbod"
    }`,
    aftercare: `    aftercare {
        owner wijkteam_dordrecht
        from 2027-01-12 for 18 months
        checkpoints 3 months, 6 months, 12 months, 18 months
        signal "Nieuwe politiemelding"
    }`,
    meetings: `    meeting 2026-01-15 "Casusoverleg ZVH" {
        chair zvh_zhz
        participants veiligthuis_zhz, wijkteam_dordrecht, politie_zhz
        client sanne present
        client mark invited
        client noor heard
    }`,
    extra: ''
});

/** The example plan with some sections replaced (an empty string leaves a section out). */
export function examplePlan(replace: Partial<ExampleSections> = {}, name = 'vermeer_2026'): string {
    const sections = { ...EXAMPLE_SECTIONS, ...replace };
    const body = (Object.keys(EXAMPLE_SECTIONS) as Array<keyof ExampleSections>)
        .map(key => sections[key])
        .filter(text => text.trim() !== '')
        .join('\n\n');
    return `plan ${name} "Veiligheidsplan gezin Vermeer" {\n${body}\n}\n`;
}

/** The example plan with the catalogue in front, as one file. */
export function exampleFile(replace: Partial<ExampleSections> = {}): string {
    return `${EXAMPLE_CATALOGUE}\n${examplePlan(replace)}`;
}
