package dev.parley.cli;

import dev.parley.application.Parley;
import dev.parley.application.commandfile.CommandFileRunner;
import dev.parley.application.commandfile.CommandLine;
import dev.parley.application.commandfile.Rejection;
import dev.parley.application.fork.Fork;
import dev.parley.application.fork.ForkDiff;
import dev.parley.projections.audit.AuditEntry;
import dev.parley.projections.audit.AuditTrail;
import dev.parley.projections.audit.FindAuditTrailQuery;
import dev.parley.projections.describe.EventDescriptions;
import dev.parley.projections.status.FindStatusQuery;
import dev.parley.projections.status.StatusReport;
import dev.parley.projections.timeline.FindTimelineQuery;
import dev.parley.projections.timeline.Timeline;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.EventMessage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code parley demo}: record the shipped scenario into a fresh store and explain what was recorded. */
@Command(name = "demo", description = "Record the October 2025 Pakistan-Afghanistan scenario into a fresh "
        + "temporary store (or --store) and show what was recorded and where things stand.")
final class DemoCommand implements Callable<Integer> {

    static final String SCENARIO = "scenarios/pak-afghan-2025.ndjson";

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path temporary = !store.given() ? Files.createTempDirectory("parley-demo") : null;
        String url = store.urlOr(temporary == null ? null : "jdbc:h2:file:" + temporary.resolve("parley"));
        try {
            return demo(url, out);
        } finally {
            try {
                out.flush();
            } finally {
                if (temporary != null) {
                    deleteTree(temporary);
                }
            }
        }
    }

    private int demo(String url, PrintWriter out) throws Exception {
        List<String> lines = scenario();
        out.println("Parley records negotiations and border incidents as streams of events: every command is");
        out.println("checked against the rules, and what it changed is stored for good, with when it happened,");
        out.println("who said so and who entered it. This demo records the October 2025 Pakistan-Afghanistan");
        out.println("border clashes and peace talks, line by line from " + SCENARIO + ".");
        out.println();
        List<EventMessage<?>> recorded = new ArrayList<>();
        int events = 0;
        CommandFileRunner.Outcome outcome;
        StatusReport status;
        Timeline timeline;
        AuditTrail audit;
        ForkDiff whatIf;
        try (Parley parley = Parley.open(url)) {
            Registration listening = parley.eventStore().subscribe(recorded::addAll);
            CommandFileRunner runner = new CommandFileRunner(parley.commands(), "parley-demo");
            int[] counted = {0};
            outcome = runner.run(lines, new CommandFileRunner.Listener() {
                @Override
                public void accepted(CommandLine line) {
                    out.printf("line %2d  %-10s %s, according to %s%n", line.line(),
                               EventDescriptions.time(line.command().occurredAt()), TerminalText.escape(line.name()),
                               TerminalText.escape(line.command().source()));
                    for (EventMessage<?> event : recorded) {
                        out.println("         recorded: "
                                            + TerminalText.escape(EventDescriptions.describe(event.getPayload())));
                    }
                    counted[0] += recorded.size();
                    recorded.clear();
                }

                @Override
                public void rejected(Rejection rejection) {
                    out.println("rejected " + TerminalText.escape(rejection.toText()));
                    recorded.clear();
                }
            });
            listening.cancel();
            events = counted[0];
            parley.awaitReadModels(StatusCommand.CATCH_UP);
            status = parley.queries().query(FindStatusQuery.all(), StatusReport.class).get();
            timeline = parley.queries().query(FindTimelineQuery.all(), Timeline.class).get();
            audit = parley.queries().query(FindAuditTrailQuery.all(), AuditTrail.class).get();
            whatIf = whatIfIstanbulHadNotCollapsed(parley, audit);
        }
        out.println();
        out.println("Where things stand now (parley status):");
        out.println();
        out.print(StatusText.render(status));
        out.println();
        out.println("The timeline, in the order things happened (parley timeline):");
        out.println();
        out.print(TimelineCommand.render(timeline));
        out.println();
        out.println("From the audit trail (parley audit): the ceasefire agreed in the talks, and the ceasefire it");
        out.println("caused on the incident, linked by the causation id and sharing one correlation id:");
        out.println();
        audit.entries().stream()
             .filter(entry -> entry.eventType().equals("CeasefireDeclared"))
             .forEach(entry -> out.print(AuditCommand.render(entry)));
        out.println();
        out.println("What if the Istanbul round had not collapsed? A what-if fork of the history just before the");
        out.println("collapse, in which Afghanistan accepts Pakistan's counterterrorism framework and the round");
        out.println("concludes (parley fork --at <position> --then FILE); the record itself is not touched:");
        out.println();
        WHAT_IF.forEach(line -> out.println("  " + line));
        out.println();
        out.print(ForkText.render(whatIf));
        out.println();
        out.println(outcome.accepted() + " commands accepted, " + outcome.rejections().size() + " rejected, "
                            + events + " events recorded"
                            + (store.url == null || store.url.isBlank() ? " in a temporary store, now removed."
                : " in " + url + "."));
        return outcome.allAccepted() ? ExitCodes.OK : ExitCodes.REJECTED;
    }

    private static final List<String> WHAT_IF = List.of(
            "{\"command\":\"RespondToFramework\",\"negotiationId\":\"pak-afg-talks-2025\","
                    + "\"frameworkId\":\"pak-counterterrorism-framework\",\"party\":\"AFG\","
                    + "\"response\":\"ACCEPTED\",\"occurredAt\":\"2025-10-29\",\"source\":\"What-if\"}",
            "{\"command\":\"ConcludeRound\",\"negotiationId\":\"pak-afg-talks-2025\",\"outcome\":"
                    + "\"Counterterrorism framework agreed\",\"occurredAt\":\"2025-10-29\",\"source\":\"What-if\"}");

    private static ForkDiff whatIfIstanbulHadNotCollapsed(Parley parley, AuditTrail audit) {
        long collapse = audit.entries().stream()
                             .filter(entry -> entry.eventType().equals("TalksCollapsed"))
                             .mapToLong(AuditEntry::position)
                             .findFirst()
                             .orElseThrow(() -> new IllegalStateException("the scenario records no collapse"));
        try (Fork fork = parley.fork(collapse - 1)) {
            CommandFileRunner.Outcome outcome = new CommandFileRunner(fork.commands(), "parley-demo")
                    .run(WHAT_IF, new CommandFileRunner.Listener() { });
            if (!outcome.allAccepted()) {
                throw new IllegalStateException("the what-if was rejected: " + outcome.rejections());
            }
            return fork.diff(ForkDiff.Against.HEAD);
        }
    }

    private static List<String> scenario() {
        try (InputStream in = DemoCommand.class.getClassLoader().getResourceAsStream(SCENARIO)) {
            if (in == null) {
                throw new IllegalStateException("the scenario " + SCENARIO + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
