package dev.parley.cli;

import dev.parley.projections.describe.EventDescriptions;
import dev.parley.projections.timeline.FindTimelineQuery;
import dev.parley.projections.timeline.Timeline;
import dev.parley.projections.timeline.TimelineEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code parley timeline [--at] [--known-at] [--json]}: every event in the order things happened. */
@Command(name = "timeline", description = "Show every event of every negotiation and incident in the order things "
        + "happened, now or as of a time on either time axis.")
final class TimelineCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Mixin
    TimeOptions time;

    @Option(names = "--json", description = "Print a JSON array of timeline entries instead of text.")
    boolean json;

    @Mixin
    ListFilters filters;

    @Override
    public Integer call() throws Exception {
        Timeline timeline = store.ask(new FindTimelineQuery(time.at, time.knownAt), Timeline.class);
        if (filters.any()) {
            timeline = new Timeline(filters.timeline(timeline.entries(), spec.commandLine().getErr()));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(timeline.entries()));
        } else {
            out.print(render(timeline));
        }
        out.flush();
        return ExitCodes.OK;
    }

    static String render(Timeline timeline) {
        if (timeline.entries().isEmpty()) {
            return "Nothing recorded for that time.\n";
        }
        StringBuilder text = new StringBuilder();
        for (TimelineEntry entry : timeline.entries()) {
            text.append(String.format("%-10s %s (source: %s)%n", EventDescriptions.time(entry.occurredAt()),
                                      TerminalText.escape(entry.description()),
                                      TerminalText.escape(entry.source())));
        }
        return text.toString();
    }
}
