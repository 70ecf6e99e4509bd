package dev.parley.cli;

import dev.parley.incident.api.IncidentStatus;
import dev.parley.negotiation.api.NegotiationStatus;
import dev.parley.projections.status.IncidentView;
import dev.parley.projections.status.NegotiationView;
import dev.parley.projections.status.StatusReport;
import dev.parley.projections.timeline.TimelineEntry;
import dev.parley.shared.api.AggregateTypes;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What {@code status} and {@code timeline} show of a large store: only negotiations or only incidents, ids with a
 * prefix, a status, and at most {@code --limit} of them; how many were left out is said on stderr.
 */
final class ListFilters {

    /** The kinds of aggregate a listing may be narrowed to. */
    enum Kind { negotiation, incident }

    @Option(names = "--kind", paramLabel = "KIND", description = "Only negotiations or only incidents: ${COMPLETION-CANDIDATES}.")
    Kind kind;

    @Option(names = "--id-prefix", paramLabel = "PREFIX", description = "Only ids that start with PREFIX.")
    String idPrefix;

    @Option(names = "--limit", paramLabel = "N", description = "At most N entries (the first in the listing's order).")
    Integer limit;

    /** Whether any filter or limit was given. */
    boolean any() {
        return kind != null || idPrefix != null || limit != null;
    }

    void check() {
        if (limit != null && limit < 1) {
            throw new ExitCodes.UsageException("--limit must be 1 or more, was " + limit);
        }
    }

    boolean admits(String aggregateKind, String id) {
        return (kind == null || kind.name().equals(aggregateKind)) && (idPrefix == null || id.startsWith(idPrefix));
    }

    /** The timeline's entries that pass, up to the limit. */
    List<TimelineEntry> timeline(List<TimelineEntry> entries, PrintWriter err) {
        check();
        List<TimelineEntry> kept = entries.stream()
                .filter(entry -> admits(kindOf(entry.aggregateType()), entry.aggregateId()))
                .limit(limit == null ? Long.MAX_VALUE : limit).toList();
        leftOut(kept.size(), entries.size(), "events", err);
        return kept;
    }

    /**
     * The status report's negotiations and incidents that pass and have status {@code status} (null: any), up to the
     * limit in all, negotiations first.
     */
    StatusReport status(StatusReport report, String status, PrintWriter err) {
        check();
        String wanted = status == null ? null : status.toUpperCase(Locale.ROOT);
        if (wanted != null && Stream.concat(Arrays.stream(NegotiationStatus.values()),
                                            Arrays.stream(IncidentStatus.values()))
                .noneMatch(known -> known.name().equals(wanted))) {
            throw new ExitCodes.UsageException("--status " + status + " is none of "
                    + Arrays.toString(NegotiationStatus.values()) + " (negotiations) or "
                    + Arrays.toString(IncidentStatus.values()) + " (incidents)");
        }
        long room = limit == null ? Long.MAX_VALUE : limit;
        List<NegotiationView> negotiations = new ArrayList<>();
        for (NegotiationView negotiation : report.negotiations()) {
            if (negotiations.size() < room && admits(Kind.negotiation.name(), negotiation.id())
                    && (wanted == null || negotiation.status().name().equals(wanted))) {
                negotiations.add(negotiation);
            }
        }
        room -= negotiations.size();
        List<IncidentView> incidents = new ArrayList<>();
        for (IncidentView incident : report.incidents()) {
            if (incidents.size() < room && admits(Kind.incident.name(), incident.id())
                    && (wanted == null || incident.status().name().equals(wanted))) {
                incidents.add(incident);
            }
        }
        leftOut(negotiations.size() + incidents.size(), report.negotiations().size() + report.incidents().size(),
                "negotiations and incidents", err);
        return new StatusReport(negotiations, incidents);
    }

    private static String kindOf(String aggregateType) {
        return AggregateTypes.NEGOTIATION.equals(aggregateType) ? Kind.negotiation.name() : Kind.incident.name();
    }

    private static void leftOut(int shown, int all, String what, PrintWriter err) {
        if (shown < all) {
            err.println("Showing " + shown + " of " + all + " " + what + "; " + (all - shown)
                                + " left out by the filters or --limit.");
            err.flush();
        }
    }
}
