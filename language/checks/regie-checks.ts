/**
 * TODO: checks of spec section 7 owned by this module.
 */

import type { MessageCatalogue } from '../i18n/locale.js';
import type { FileCheck, PlanCheck } from '../validation/report.js';

export const regieMessages = {
} satisfies MessageCatalogue;

export const regiePlanChecks: PlanCheck[] = [];

export const regieFileChecks: FileCheck[] = [];
