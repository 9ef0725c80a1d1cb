/**
 * All diagnostic messages, keyed by message id (`VP011.gap`). Each check module owns its
 * messages; this registry only merges them, so adding a check never edits another module.
 */

import type { Locale, Message, MessageCatalogue } from '../i18n/locale.js';
import { configMessages } from '../config/vplan-config.js';
import { syntaxMessages } from '../syntax/syntax-errors.js';
import { syntaxCheckMessages } from '../checks/syntax-checks.js';
import { linkingMessages } from '../references/linking-messages.js';
import { structureMessages } from '../checks/structure-checks.js';
import { coverageMessages } from '../checks/coverage-checks.js';
import { regieMessages } from '../checks/regie-checks.js';
import { aftercareMessages } from '../checks/aftercare-checks.js';
import { measureMessages } from '../checks/measure-checks.js';
import { riskPhaseMessages } from '../checks/risk-phase-checks.js';
import { dateMessages } from '../checks/date-checks.js';
import { privacyMessages } from '../checks/privacy-checks.js';
import { participationMessages } from '../checks/participation-checks.js';

export const MESSAGES: MessageCatalogue = {
    ...configMessages,
    ...syntaxMessages,
    ...syntaxCheckMessages,
    ...linkingMessages,
    ...structureMessages,
    ...coverageMessages,
    ...regieMessages,
    ...aftercareMessages,
    ...measureMessages,
    ...riskPhaseMessages,
    ...dateMessages,
    ...privacyMessages,
    ...participationMessages
};

export function renderMessage(messageId: string, args: Record<string, unknown>, locale: Locale): string {
    const message: Message<any> | undefined = MESSAGES[messageId];
    if (!message) return messageId;
    try {
        return message[locale](args);
    } catch {
        return message.en(args);
    }
}
