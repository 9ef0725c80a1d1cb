/**
 * Every diagnostic code of spec section 7 with its default severity and a one-line description in
 * both languages. The CLI's SARIF output, docs/rules.md and the config validation read this table.
 */

import type { Locale } from '../i18n/locale.js';

export type RuleSeverity = 'error' | 'warning' | 'info';
export type ConfiguredSeverity = RuleSeverity | 'off';

export interface RuleInfo {
    code: string;
    severity: RuleSeverity;
    title: Record<Locale, string>;
}

const rule = (code: string, severity: RuleSeverity, en: string, nl: string): RuleInfo => ({ code, severity, title: { en, nl } });

export const RULES: readonly RuleInfo[] = [
    rule('VP000', 'error', 'Syntax', 'Syntaxis'),
    rule('VP001', 'error', 'Every member covered', 'Elk gezinslid gedekt'),
    rule('VP002', 'error', 'Every perpetrator approached', 'Elke pleger aangepakt'),
    rule('VP003', 'error', 'Child witnesses are victims too', 'Kindgetuigen zijn ook slachtoffer'),
    rule('VP005', 'error', 'Required items', 'Verplichte onderdelen'),
    rule('VP009', 'error', 'Valid project configuration', 'Geldige projectconfiguratie'),
    rule('VP010', 'error', 'Regie defined', 'Regie vastgelegd'),
    rule('VP011', 'error', 'No day without a regievoerder', 'Geen dag zonder regievoerder'),
    rule('VP012', 'error', 'One regievoerder at a time', 'Eén regievoerder tegelijk'),
    rule('VP013', 'warning', 'Regie follows the measure', 'Regie volgt de maatregel'),
    rule('VP020', 'error', 'Aftercare defined', 'Nazorg vastgelegd'),
    rule('VP021', 'error', 'Aftercare complete', 'Nazorg volledig'),
    rule('VP022', 'warning', 'Aftercare long enough', 'Nazorg lang genoeg'),
    rule('VP023', 'warning', 'Aftercare follows on', 'Nazorg sluit aan'),
    rule('VP030', 'error', 'Within the legal limit', 'Binnen de wettelijke termijn'),
    rule('VP031', 'error', 'Eligible subject', 'Toegestane betrokkene'),
    rule('VP032', 'warning', 'Unchecked limit', 'Ongecontroleerde termijn'),
    rule('VP033', 'warning', 'Imposed by the right authority', 'Opgelegd door de juiste instantie'),
    rule('VP040', 'warning', 'Risk addressed', 'Risico aangepakt'),
    rule('VP041', 'warning', 'Plan for drop-out', 'Plan bij uitval'),
    rule('VP050', 'error', 'Phases in order', 'Fasen op volgorde'),
    rule('VP051', 'warning', 'Recovery after safety', 'Herstel na veiligheid'),
    rule('VP060', 'error', 'Valid dates', 'Geldige data'),
    rule('VP061', 'warning', 'Inside the plan', 'Binnen de planperiode'),
    rule('VP062', 'warning', 'Age matches', 'Leeftijd klopt'),
    rule('VP070', 'error', 'No BSN', 'Geen BSN'),
    rule('VP071', 'warning', 'No direct personal data', 'Geen directe persoonsgegevens'),
    rule('VP080', 'error', 'Unique names', 'Unieke namen'),
    rule('VP081', 'error', 'References resolve', 'Verwijzingen kloppen'),
    rule('VP090', 'warning', 'Clients at the table', 'Cliënten aan tafel'),
    rule('VP091', 'info', 'Children heard', 'Kinderen gehoord'),
    rule('VP100', 'warning', 'Informal network', 'Informeel netwerk')
];

export const RULES_BY_CODE: ReadonlyMap<string, RuleInfo> = new Map(RULES.map(r => [r.code, r]));

export function isRuleCode(code: string): boolean {
    return RULES_BY_CODE.has(code);
}

/** The anchor of a rule's section in docs/rules.md, e.g. `vp011`. */
export function ruleAnchor(code: string): string {
    return code.toLowerCase();
}
