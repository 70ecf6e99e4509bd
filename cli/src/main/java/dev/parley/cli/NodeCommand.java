package dev.parley.cli;

import dev.parley.application.Parley;
import dev.parley.application.storage.Store;
import org.axonframework.eventhandling.TrackingToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * {@code parley node}: keeps the read models up to date until stopped, sharing their segments with every other node
 * on the same store.
 */
@Command(name = "node", description = "Run as a read-model node until stopped (Ctrl-C or SIGTERM): process new "
        + "events into status, timeline and audit, sharing the segments with the other nodes on the same store. "
        + "When a node dies, the others take its segments over once its claims time out.")
final class NodeCommand implements Callable<Integer> {

    private static final Duration REPORT_EVERY = Duration.ofMillis(500);

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Option(names = "--claim-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Seconds a segment stays claimed by a node that stopped renewing it (default: 10).")
    int claimTimeoutSeconds;

    @Option(names = "--segments", paramLabel = "N", defaultValue = "" + Parley.DEFAULT_SEGMENTS,
            description = "Segments per read model when the store's tokens are first made (default: "
                    + Parley.DEFAULT_SEGMENTS + ").")
    int segments;

    @Option(names = "--json", description = "Print each change of what this node holds as one JSON object on stdout: "
            + "{\"node\",\"holds\":{read model: [segments]},\"position\",\"head\"}.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (claimTimeoutSeconds < 1 || segments < 1) {
            throw new ExitCodes.UsageException("--claim-timeout and --segments must be 1 or more");
        }
        try (StopSignal stop = new StopSignal("parley-node-stop");
             Parley parley = Parley.builder().store(store.urlOr(Store.DEFAULT_URL))
                                   .claimTimeout(Duration.ofSeconds(claimTimeoutSeconds))
                                   .segments(segments)
                                   .build()) {
            err.println("Node " + parley.nodeId() + " is processing the read models of " + parley.store().url()
                                + "; stop it with Ctrl-C.");
            err.flush();
            Holding reported = null;
            while (!stop.await(REPORT_EVERY)) {
                Holding now = report(parley);
                if (!now.equals(reported)) {
                    if (json) {
                        spec.commandLine().getOut().println(Json.write(now));
                        spec.commandLine().getOut().flush();
                    } else {
                        err.println(now.text());
                        err.flush();
                    }
                    reported = now;
                }
            }
            err.println("Node " + parley.nodeId() + " stopping: its segments are released for the other nodes.");
            err.flush();
        }
        return ExitCodes.OK;
    }

    /** Which segments this node holds, and how far its slowest segment got against the head of the store. */
    record Holding(String node, Map<String, TreeSet<Integer>> holds, long position, long head) {

        /** e.g. {@code holds status [0, 1] timeline [0] audit [] ; at 1200 of 5000}. */
        String text() {
            StringBuilder line = new StringBuilder("holds");
            holds.forEach((readModel, segments) -> line.append(' ').append(readModel).append(' ').append(segments));
            if (position >= 0 || head >= 0) {
                line.append(position >= head ? "; caught up at " + head : "; at " + Math.max(position, 0) + " of "
                        + head);
            }
            return line.toString();
        }
    }

    private static Holding report(Parley parley) {
        Map<String, TreeSet<Integer>> held = new TreeMap<>();
        long slowest = Long.MAX_VALUE;
        for (String readModel : parley.readModels().names()) {
            var statuses = parley.readModels().processor(readModel).processingStatus();
            held.put(readModel, new TreeSet<>(statuses.keySet()));
            for (var status : statuses.values()) {
                slowest = Math.min(slowest, status.getCurrentPosition().orElse(-1));
            }
        }
        TrackingToken head = parley.eventStore().createHeadToken();
        long headPosition = head == null ? -1 : head.position().orElse(-1);
        return new Holding(parley.nodeId(), held, slowest == Long.MAX_VALUE ? -1 : slowest, headPosition);
    }
}
