/** Shared example text for the editor-feature tests (invented pseudonyms only). */

export const ORGANISATIONS = `organisation vt_zhz "Veilig Thuis ZHZ" kind veiligthuis
organisation wt_dordt "Wijkteam Dordt" kind wijkteam
organisation bm_dordt "Burgemeester" kind burgemeester
organisation ggz_zhz "GGZ" kind ggz
`;

/** A complete plan; `{{...}}` markers are not used, tests splice `<|>` in with `mark`. */
export const PLAN = `plan fam_test "Veiligheidsplan test" {
    status active
    period 2026-01-12 to 2027-01-12
    household {
        member sanne adult born 1989 roles victim, parent
        member mark adult born 1986 roles perpetrator, parent
        member noor child born 2015 roles witness
        member joost child born 2010 outside no-action "Woont elders"
        member lies child born 2018 roles witness
    }
    network {
        supporter oma "Oma" supports sanne, noor aware
    }
    risk geweld "Partnergeweld" {
        severity high
        nature dynamic
        domain safety
        affects sanne, noor
        posed by mark
    }
    phase safety from 2026-01-12 for 7 weeks
    measure hv huisverbod {
        on mark
        protects sanne, noor
        by bm_dordt
        from 2026-01-12
        extend for 18 days
    }
    intervention daderhulp "Daderhulp" {
        for mark
        by ggz_zhz
        from 2026-01-20 for 6 months
        framework drang
        addresses geweld
    }
    agreement contact "Contact" {
        by mark
        protects sanne
        checked by vt_zhz
        from 2026-01-12 to 2026-07-12
    }
    regie {
        vt_zhz from 2026-01-12 to 2026-02-09 "Casemanagement"
        wt_dordt from 2026-02-09
    }
    aftercare {
        owner vt_zhz
        from 2027-01-12 for 18 months
        checkpoints 3 months, 12 months
    }
    meeting 2026-01-15 "Casusoverleg" {
        chair vt_zhz
        participants vt_zhz, wt_dordt
        client sanne present
    }
    evaluation 2026-04-15 "Evaluatie"
}
`;

export const FULL = ORGANISATIONS + PLAN;

/** Inserts `marker` before the n-th (0-based) occurrence of `needle` in `text`. */
export function mark(text: string, needle: string, marker = '<|>', occurrence = 0): string {
    let index = -1;
    for (let i = 0; i <= occurrence; i++) {
        index = text.indexOf(needle, index + 1);
        if (index < 0) throw new Error(`'${needle}' #${occurrence} not found`);
    }
    return text.slice(0, index) + marker + text.slice(index);
}
