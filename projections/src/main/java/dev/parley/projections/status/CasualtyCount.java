package dev.parley.projections.status;

/**
 * Casualties of one side, summed over every report. Totals are longs added exactly: a report holds at most a million
 * of each, so no history a store can hold reaches the bound, and a sum that would is refused instead of wrapping.
 *
 * @param killed how many were killed in all
 * @param wounded how many were wounded in all
 */
public record CasualtyCount(long killed, long wounded) {

    CasualtyCount plus(long moreKilled, long moreWounded) {
        return new CasualtyCount(Math.addExact(killed, moreKilled), Math.addExact(wounded, moreWounded));
    }
}
