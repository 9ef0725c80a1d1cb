/** VP081: the linker's error, with a code and a message in both languages. */

import type { MessageCatalogue } from '../i18n/locale.js';

// With the article, since English needs "a" or "an".
const KIND_NAMES: Record<string, { en: string; nl: string }> = {
    Member: { en: 'a household member', nl: 'een gezinslid' },
    Supporter: { en: 'a supporter', nl: 'een steunfiguur' },
    Organisation: { en: 'an organisation', nl: 'een organisatie' },
    MeasureType: { en: 'a measure type', nl: 'een soort maatregel' },
    Plan: { en: 'a plan', nl: 'een plan' },
    Risk: { en: 'a risk', nl: 'een risico' },
    Measure: { en: 'a measure', nl: 'een maatregel' },
    Intervention: { en: 'an intervention', nl: 'een interventie' },
    Agreement: { en: 'an agreement', nl: 'een afspraak' },
    AgreementParty: { en: 'a household member or supporter', nl: 'een gezinslid of steunfiguur' },
    Checker: { en: 'an organisation or supporter', nl: 'een organisatie of steunfiguur' }
};

function kindName(type: string, locale: 'en' | 'nl'): string {
    return KIND_NAMES[type]?.[locale] ?? type;
}

export const linkingMessages = {
    'VP081.unresolved': {
        en: (a: { name: string; type: string }) =>
            `'${a.name}' is not ${kindName(a.type, 'en')} declared in this plan or workspace; declare it or correct the name.`,
        nl: (a: { name: string; type: string }) =>
            `'${a.name}' is niet gedeclareerd als ${kindName(a.type, 'nl')} in dit plan of deze werkruimte; declareer het of verbeter de naam.`
    },
    'VP081.wrongKind': {
        en: (a: { name: string; type: string; actual: string }) =>
            `'${a.name}' is ${kindName(a.actual, 'en')}, but ${kindName(a.type, 'en')} is expected here.`,
        nl: (a: { name: string; type: string; actual: string }) =>
            `'${a.name}' is ${kindName(a.actual, 'nl')}, maar hier wordt ${kindName(a.type, 'nl')} verwacht.`
    }
} satisfies MessageCatalogue;

export const DECLARATION_KIND_NAMES = KIND_NAMES;
