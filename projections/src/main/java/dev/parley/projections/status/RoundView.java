package dev.parley.projections.status;

import java.time.Instant;
import java.util.List;

/** One round of a negotiation; {@code closedAs} is null while open, else CONCLUDED or COLLAPSED. */
public record RoundView(int round, String venue, List<String> mediators, Instant openedAt, String closedAs,
                        String outcome) {

    public static final String CONCLUDED = "CONCLUDED";
    public static final String COLLAPSED = "COLLAPSED";

    RoundView close(String how, String why) {
        return new RoundView(round, venue, mediators, openedAt, how, why);
    }
}
