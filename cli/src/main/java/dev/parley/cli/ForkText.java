package dev.parley.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.application.fork.ForkDiff;

import java.util.List;

import static dev.parley.cli.TerminalText.escape;
import static dev.parley.projections.describe.EventDescriptions.time;

/** A fork's diff as text for people; every recorded value is escaped for the terminal. */
final class ForkText {

    private ForkText() {
    }

    static String render(ForkDiff diff) {
        StringBuilder text = new StringBuilder();
        text.append("What-if fork after position ").append(diff.forkPoint()).append(" of the record, compared with ")
            .append(diff.against() == ForkDiff.Against.HEAD ? "the record as it is now" : "the record at the fork point")
            .append(":\n");
        if (diff.aggregates().isEmpty()) {
            text.append("  the fork recorded nothing.\n");
        }
        for (ForkDiff.AggregateDiff aggregate : diff.aggregates()) {
            text.append(escape(aggregate.aggregateType())).append(' ').append(escape(aggregate.aggregateId()))
                .append('\n');
            if (aggregate.statusDifferences().isEmpty()) {
                text.append("  status: the same in both\n");
            }
            for (ForkDiff.FieldDifference field : aggregate.statusDifferences()) {
                text.append("  ").append(field.field().isEmpty() ? "(the whole aggregate)" : escape(field.field()))
                    .append(": ").append(value(field.base())).append(" in the record, ")
                    .append(value(field.fork())).append(" in the fork\n");
            }
            events(text, "only in the fork", aggregate.forkEvents());
            events(text, "in the record after the fork point", aggregate.baseEventsAfterForkPoint());
        }
        return text.toString();
    }

    private static void events(StringBuilder text, String heading, List<ForkDiff.DiffEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        text.append("  ").append(heading).append(":\n");
        for (ForkDiff.DiffEvent event : events) {
            text.append("    #").append(event.position()).append(' ')
                .append(event.occurredAt() == null ? "" : time(event.occurredAt()) + " ")
                .append(escape(event.description())).append('\n');
        }
    }

    private static String value(JsonNode node) {
        return node == null ? "absent" : escape(node.toString());
    }
}
