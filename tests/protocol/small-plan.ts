/**
 * The small valid file several protocol tests start from: an organisation, and a plan whose one
 * intervention is by `by` (the organisation unless given) and whose regie the organisation holds.
 */
export function smallPlanFile(plan: string, organisation: string, by = organisation): string {
    return `organisation ${organisation} "Veilig Thuis" kind veiligthuis\n${smallPlan(plan, organisation, by)}`;
}

/** The plan of `smallPlanFile` alone, for a workspace whose catalogue is another file. */
export function smallPlan(plan: string, organisation: string, by = organisation): string {
    return `plan ${plan} "Plan" {
    status active
    period 2026-01-05 to 2027-01-04
    household {
        member a adult born 1990 roles victim
    }
    intervention i "Hulp" {
        for a
        by ${by}
        from 2026-01-05 for 6 months
    }
    regie {
        ${organisation} from 2026-01-05
    }
}
`;
}
