package dev.parley.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.application.Parley;
import dev.parley.application.testing.ParleyRun;
import org.axonframework.eventhandling.DomainEventMessage;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs {@code parley} in-process the way a user would, and reads back what it stored. */
final class Cli {

    private Cli() {
    }

    /** What one {@code parley} invocation printed; {@code console} is what leaked to the process's own streams. */
    record Result(int exitCode, String out, String err, String console) {

        List<String> errLines() {
            return err.lines().toList();
        }

        List<String> outLines() {
            return out.lines().filter(line -> !line.isBlank()).toList();
        }

        List<String> rejectionLines() {
            return err.lines().filter(line -> line.startsWith("line ")).toList();
        }
    }

    static Result parley(String... args) {
        ParleyRun.Output run = ParleyRun.run(args);
        return new Result(run.exitCode(), run.out(), run.err(), run.console());
    }

    static String storeUrl(Path directory) {
        return ParleyRun.storeUrl(directory);
    }

    static Path write(Path directory, String name, String content) {
        return ParleyRun.write(directory, name, content);
    }

    static JsonNode json(String text) {
        return ParleyRun.json(text);
    }

    /** {@code parley status --json} on a store, checked to succeed. */
    static JsonNode status(String storeUrl) {
        Result status = parley("status", "--store", storeUrl, "--json");
        assertThat(status.exitCode()).as("status exit code; stderr: %s", status.err()).isZero();
        return json(status.out());
    }

    /** Every stored event of one aggregate, read straight from the event store. */
    static List<DomainEventMessage<?>> events(String storeUrl, String aggregateId) {
        try (Parley parley = Parley.builder().store(storeUrl).readModels(false).build()) {
            List<DomainEventMessage<?>> events = parley.eventStore().readEvents(aggregateId, 0).asStream()
                                                        .<DomainEventMessage<?>>map(event -> event).toList();
            events.forEach(DomainEventMessage::getPayload);
            return events;
        }
    }

    /** The event names of one aggregate's stream, in order, without the Java {@code Event} suffix. */
    static List<String> eventTypes(String storeUrl, String aggregateId) {
        return events(storeUrl, aggregateId).stream()
                                            .map(event -> event.getPayloadType().getSimpleName()
                                                               .replaceFirst("Event$", ""))
                                            .toList();
    }

    /** No stack trace: no frame lines, no exception class names, no "Caused by". */
    static void assertNoStackTrace(String text) {
        assertThat(text).doesNotContain("Exception")
                        .doesNotContain("Caused by")
                        .doesNotContainPattern("(?m)^\\s+at [\\w$.<>]+\\(")
                        .doesNotContain("\tat ");
    }
}
