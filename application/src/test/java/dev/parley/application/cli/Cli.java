package dev.parley.application.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.application.Parley;
import org.axonframework.eventhandling.DomainEventMessage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs {@code parley} in-process the way a user would, and reads back what it stored. */
final class Cli {

    private static final ObjectMapper JSON = new ObjectMapper();

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

    static synchronized Result parley(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        PrintStream captured = new PrintStream(console, true, StandardCharsets.UTF_8);
        int exitCode;
        try (PrintWriter outWriter = new PrintWriter(out); PrintWriter errWriter = new PrintWriter(err)) {
            System.setOut(captured);
            System.setErr(captured);
            exitCode = ParleyCli.execute(outWriter, errWriter, args);
            outWriter.flush();
            errWriter.flush();
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return new Result(exitCode, out.toString(), err.toString(), console.toString(StandardCharsets.UTF_8));
    }

    static String storeUrl(Path directory) {
        return "jdbc:h2:file:" + directory.resolve("parley");
    }

    static Path write(Path directory, String name, String content) {
        try {
            return Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
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
