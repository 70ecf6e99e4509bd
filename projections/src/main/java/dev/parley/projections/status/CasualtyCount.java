package dev.parley.projections.status;

/** Casualties of one side, summed over every report. */
public record CasualtyCount(int killed, int wounded) {

    CasualtyCount plus(int moreKilled, int moreWounded) {
        return new CasualtyCount(killed + moreKilled, wounded + moreWounded);
    }
}
