/**
 * TODO: checks of spec section 7 owned by this module.
 */

import type { MessageCatalogue } from '../i18n/locale.js';
import type { FileCheck, PlanCheck } from '../validation/report.js';

export const structureMessages = {
} satisfies MessageCatalogue;

export const structurePlanChecks: PlanCheck[] = [];

export const structureFileChecks: FileCheck[] = [];
