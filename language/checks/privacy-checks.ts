/**
 * TODO: checks of spec section 7 owned by this module.
 */

import type { MessageCatalogue } from '../i18n/locale.js';
import type { FileCheck, PlanCheck } from '../validation/report.js';

export const privacyMessages = {
} satisfies MessageCatalogue;

export const privacyPlanChecks: PlanCheck[] = [];

export const privacyFileChecks: FileCheck[] = [];
