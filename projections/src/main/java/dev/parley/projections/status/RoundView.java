package dev.parley.projections.status;

import java.time.Instant;
import java.util.List;

/**
 * One round of a negotiation; {@code closedAs} is null while open, else CONCLUDED or COLLAPSED.
 *
 * @param round the round's number
 * @param venue where it is held
 * @param mediators its mediators' codes
 * @param openedAt when it opened
 * @param closedAs {@link #CONCLUDED}, {@link #COLLAPSED}, or null while open
 * @param outcome the outcome or the reason for the collapse, or null while open
 */
public record RoundView(int round, String venue, List<String> mediators, Instant openedAt, String closedAs,
                        String outcome) {

    /** How a round that was concluded closed. */
    public static final String CONCLUDED = "CONCLUDED";
    /** How a round whose talks collapsed closed. */
    public static final String COLLAPSED = "COLLAPSED";

    RoundView close(String how, String why) {
        return new RoundView(round, venue, mediators, openedAt, how, why);
    }
}
