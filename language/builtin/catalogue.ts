/**
 * The built-in catalogue of Dutch measure types (spec section 6), written in the vplan language
 * itself and loaded as a library document that every workspace sees. The `basis` and `source`
 * of each type come from the domain brief's table of measures (section b); `checked` is the date
 * the values were last compared with that table. Update the durations here, never in checks.
 */

export const BUILTIN_CATALOGUE_URI = 'vplan-builtin:///catalogue.vplan';

export const BUILTIN_CATALOGUE = `// Built-in catalogue of measure types shipped with vplan. Read-only.
// Limits are legal maxima; check each source before relying on it.

measure type huisverbod "Tijdelijk huisverbod" {
    mode dwang
    basis "Wet tijdelijk huisverbod, art. 2 en 9"
    initial 10 days
    total max 28 days
    subject adult
    imposed by burgemeester, politie
    regie veiligthuis
    source "https://wetten.overheid.nl/BWBR0020627"
    checked 2026-11-01
}

measure type ots "Ondertoezichtstelling" {
    mode dwang
    basis "Burgerlijk Wetboek Boek 1, art. 255 e.v.; verlenging art. 1:260"
    term max 1 year
    subject minor
    imposed by rechter
    regie gi
    source "https://wetboekplus.nl/burgerlijk-wetboek-boek-1-artikel-260-verlengen-ondertoezichtstelling/"
    checked 2026-11-01
}

measure type voorlopige_ots "Voorlopige ondertoezichtstelling" {
    mode dwang
    basis "Burgerlijk Wetboek Boek 1 (voorlopige OTS)"
    term max 3 months
    subject minor
    imposed by rechter
    regie gi
    source "https://www.cbs.nl/nl-nl/longread/rapportages/2023/jeugdbescherming-en-jeugdreclassering-1e-halfjaar-2023/begrippenlijst"
    checked 2026-11-01
}

measure type uithuisplaatsing "Machtiging uithuisplaatsing" {
    mode dwang
    basis "Burgerlijk Wetboek Boek 1, art. 1:265b e.v."
    term max 1 year
    subject minor
    imposed by rechter
    regie gi
    requires ots, voorlopige_ots
    source "https://www.nji.nl/beslissen-over-hulp/machtiging-uithuisplaatsing"
    checked 2026-11-01
}

measure type vrijheidsbeperking_38v "Vrijheidsbeperkende maatregel (art. 38v Sr)" {
    mode dwang
    basis "Wetboek van Strafrecht, art. 38v"
    total max 5 years
    subject any
    imposed by rechter
    regie reclassering
    source "https://www.sdu.nl/content/commentaar-op-wetboek-van-strafrecht-art-38v-strafrecht"
    checked 2026-11-01
}

measure type gedragsaanwijzing "Gedragsaanwijzing OvJ (art. 509hh Sv)" {
    mode dwang
    basis "Wetboek van Strafvordering, art. 509hh"
    term max 90 days
    subject any
    imposed by om
    source "https://www.salval.com/actueel/algemeen/strafrecht-gedragsaanwijzing-van-de-officier-van-justitie-ex-artikel-509hh-sv"
    checked 2026-11-01
}

measure type reclasseringstoezicht "Voorwaardelijke straf met bijzondere voorwaarden" {
    mode dwang
    basis "Wetboek van Strafrecht, art. 14a-14d (proeftijd)"
    total max 3 years
    subject adult
    imposed by rechter
    regie reclassering
    source "https://01-strafrecht-advocaat.nl/proeftijd/"
    checked 2026-11-01
}

measure type crisismaatregel "Crisismaatregel Wvggz" {
    mode dwang
    basis "Wet verplichte geestelijke gezondheidszorg, art. 7:1 e.v."
    term max 3 days
    subject any
    imposed by burgemeester
    source "https://www.burgemeesters.nl/themas/bevoegdheden/wet-verplichte-geestelijke-gezondheidszorg/"
    checked 2026-11-01
}

measure type zorgmachtiging "Zorgmachtiging Wvggz" {
    mode dwang
    basis "Wet verplichte geestelijke gezondheidszorg, art. 6:5"
    term max 12 months
    subject any
    imposed by rechter
    source "https://www.centrum-pe.nl/vaknieuws?newsId=1203"
    checked 2026-11-01
}

measure type toezicht_begeleiding "Jeugdreclassering, Toezicht en begeleiding" {
    mode dwang
    basis "Jeugdstrafrecht (maatregel Toezicht en Begeleiding)"
    total max 2 years
    subject minor
    imposed by om, rechter
    regie jeugdreclassering
    source "https://www.nji.nl/jeugdreclassering/maatregel-toezicht-en-begeleiding"
    checked 2026-11-01
}

measure type voorwaardelijk_sepot "Voorwaardelijk sepot" {
    mode drang
    basis "OM, Aanwijzing huiselijk geweld en kindermishandeling (2022A001); Aanwijzing voorwaarden (2020A008)"
    subject any
    imposed by om
    source "https://www.om.nl/onderwerpen/beleidsregels/aanwijzingen/jeugd---gezin---zeden/aanwijzing-huiselijk-geweld-en-kindermishandeling-2022a001"
    checked 2026-11-01
}

measure type vt_voorwaarden "Veilig Thuis: voorwaarden en vervolg" {
    mode drang
    basis "Wet maatschappelijke ondersteuning 2015 (taken Veilig Thuis)"
    subject any
    imposed by veiligthuis
    regie veiligthuis
    source "https://veiligthuismiddenbrabant.nl/nieuws/diensten-veilig-thuis/"
    checked 2026-11-01
}
`;
