package dev.parley.cli;

import dev.parley.application.Parley;
import dev.parley.application.readmodel.CatchUpListener;
import dev.parley.application.readmodel.ReadModelContents;
import dev.parley.application.readmodel.ReadModels;
import dev.parley.application.readmodel.RebuildProgress;
import dev.parley.application.storage.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code parley replay [--json]}: rebuild every read model from the event store and compare it with what it held.
 */
@Command(name = "replay", description = "Rebuild every read model (status, timeline, audit) from the event store, "
        + "then compare each with what it held before. Exit 0 only when identical.")
final class ReplayCommand implements Callable<Integer> {

    private static final Duration REPLAY_LIMIT = Duration.ofHours(6);
    private static final int DIFFERENCES_SHOWN = 20;

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Option(names = "--json", description = "Print the outcome as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReadModels.Replay replay;
        ReadModelContents.Comparison comparison;
        List<String> readModels;
        try (Progress progress = Progress.onTerminal(err, "position")) {
            CatchUpListener listener = new CatchUpListener() {
                @Override
                public void at(long position, long head) {
                    progress.at(position, head);
                }

                @Override
                public void rebuilt(RebuildProgress rebuilt) {
                    progress.rebuilt(rebuilt.events(), rebuilt.eventsPerSecond(), rebuilt.position(),
                                     rebuilt.head(), rebuilt.remaining().toSeconds());
                }
            };
            progress.phase("opening the store");
            try (Parley parley = Parley.open(store.urlOr(Store.DEFAULT_URL))) {
                progress.phase("bringing the read models up to date first");
                parley.readModels().await(REPLAY_LIMIT, listener);
                readModels = parley.readModels().names();
                progress.phase("reading what the read models hold now");
                try (ReadModelContents before = parley.readModels().capture()) {
                    progress.phase("replaying");
                    replay = parley.readModels().replay(REPLAY_LIMIT, listener);
                    progress.phase("comparing the rebuilt read models with what they held");
                    try (ReadModelContents after = parley.readModels().capture()) {
                        comparison = after.compareWith(before, DIFFERENCES_SHOWN);
                    }
                }
                progress.phase("closing the store");
            }
        }
        double seconds = replay.duration().toNanos() / 1e9;
        if (json) {
            Map<String, Object> outcome = new LinkedHashMap<>();
            outcome.put("events", replay.events());
            outcome.put("seconds", Math.round(seconds * 1000) / 1000.0);
            outcome.put("eventsPerSecond", Math.round(replay.eventsPerSecond()));
            outcome.put("readModels", readModels);
            outcome.put("identical", comparison.identical());
            outcome.put("differenceCount", comparison.total());
            outcome.put("differences", comparison.differences());
            out.println(Json.write(outcome));
        } else {
            out.printf("Replayed %d events into %s in %.3f s (%d events/s): %s%n", replay.events(),
                       String.join(", ", readModels), seconds, Math.round(replay.eventsPerSecond()),
                       comparison.identical() ? "identical" : comparison.total() + " differences");
            for (ReadModelContents.Difference difference : comparison.differences()) {
                out.println("  " + difference.readModel() + " " + TerminalText.escape(difference.key()) + " "
                                    + difference.change() + "\n    before: " + TerminalText.escape(difference.before())
                                    + "\n    after:  " + TerminalText.escape(difference.after()));
            }
            if (comparison.total() > comparison.differences().size()) {
                out.println("  ... and " + (comparison.total() - comparison.differences().size()) + " more");
            }
        }
        out.flush();
        return comparison.identical() ? ExitCodes.OK : ExitCodes.DIFFERENT;
    }
}
