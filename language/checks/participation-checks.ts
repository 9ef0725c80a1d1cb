/**
 * TODO: checks of spec section 7 owned by this module.
 */

import type { MessageCatalogue } from '../i18n/locale.js';
import type { FileCheck, PlanCheck } from '../validation/report.js';

export const participationMessages = {
} satisfies MessageCatalogue;

export const participationPlanChecks: PlanCheck[] = [];

export const participationFileChecks: FileCheck[] = [];
