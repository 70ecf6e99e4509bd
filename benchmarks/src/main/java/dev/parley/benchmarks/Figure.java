package dev.parley.benchmarks;

/**
 * One measured figure with its baselines, measured in the same run. {@code vsAxonDefault} and {@code vsLimit} are
 * always "higher is better for Parley": for rates Parley's figure over the baseline's, for times and sizes the
 * baseline's over Parley's. A column that does not apply is null.
 */
public record Figure(String name,
                     long scale,
                     String unit,
                     Double parley,
                     Double axonDefault,
                     Double limit,
                     Double vsAxonDefault,
                     Double vsLimit) {

    /** Whether a bigger number is the better one. */
    enum Better { HIGHER, LOWER }

    static Figure of(String name, long scale, String unit, Better better, Double parley, Double axonDefault,
                     Double limit) {
        return new Figure(name, scale, unit, parley, axonDefault, limit, ratio(better, parley, axonDefault),
                          ratio(better, parley, limit));
    }

    static Figure rate(String name, long scale, String unit, Double parley, Double axonDefault, Double limit) {
        return of(name, scale, unit, Better.HIGHER, parley, axonDefault, limit);
    }

    static Figure cost(String name, long scale, String unit, Double parley, Double axonDefault, Double limit) {
        return of(name, scale, unit, Better.LOWER, parley, axonDefault, limit);
    }

    /** Parley against a baseline, so that above 1 means Parley does better; null when either is missing. */
    static Double ratio(Better better, Double parley, Double baseline) {
        if (parley == null || baseline == null || parley == 0 || baseline == 0) {
            return null;
        }
        return better == Better.HIGHER ? parley / baseline : baseline / parley;
    }
}
