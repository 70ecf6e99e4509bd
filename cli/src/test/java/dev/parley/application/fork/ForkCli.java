package dev.parley.application.fork;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.application.testing.ParleyRun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code parley} in-process the way a user would (a copy of the CLI test helper of the {@code cli} test
 * package, which is package-private there), plus what the fork tests share: the shipped scenario and its positions.
 */
final class ForkCli {

    /** The shipped scenario: 12 commands, 13 events. */
    static final Path SCENARIO = Path.of("..", "scenarios", "pak-afghan-2025.ndjson");

    static final String TALKS = "pak-afg-talks-2025";
    static final String BORDER_POSTS = "pak-afg-border-posts-2025-10-12";
    static final String PAK_FRAMEWORK = "pak-counterterrorism-framework";

    /** Positions of the shipped scenario's events in a fresh store. */
    static final long NEGOTIATION_CEASEFIRE = 7;
    static final long PROPAGATED_CEASEFIRE = 8;
    static final long FRAMEWORK_SUBMITTED = 11;
    static final long TALKS_COLLAPSED = 12;
    static final long HEAD = 13;

    private ForkCli() {
    }

    /** What one {@code parley} invocation printed; {@code console} is what leaked to the process's own streams. */
    record Result(int exitCode, String out, String err, String console) {

        List<String> outLines() {
            return out.lines().filter(line -> !line.isBlank()).toList();
        }

        List<String> rejectionLines() {
            return err.lines().filter(line -> line.startsWith("line ")).toList();
        }

        /** With {@code --json}, the last line of stdout is the diff. */
        JsonNode diff() {
            List<String> lines = outLines();
            assertThat(lines).as("stdout of a fork with --json; stderr: %s", err).isNotEmpty();
            return json(lines.get(lines.size() - 1));
        }

        /** With {@code --json}, every stdout line but the last is a rejection. */
        List<JsonNode> jsonRejections() {
            List<String> lines = outLines();
            return lines.subList(0, lines.size() - 1).stream().map(ForkCli::json).toList();
        }
    }

    static Result parley(String... args) {
        ParleyRun.Output run = ParleyRun.run(args);
        return new Result(run.exitCode(), run.out(), run.err(), run.console());
    }

    /** Runs {@code parley} and checks its exit code, showing what it printed when that is not the expected one. */
    static Result parleyExpecting(int exitCode, String... args) {
        Result result = parley(args);
        assertThat(result.exitCode()).as("exit code of parley %s%nstdout: %s%nstderr: %s", String.join(" ", args),
                                         result.out(), result.err())
                                     .isEqualTo(exitCode);
        return result;
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

    /** Records the shipped scenario with {@code parley run} into a fresh store at {@code directory}. */
    static String recordScenario(Path directory) {
        String store = storeUrl(directory);
        parleyExpecting(0, "run", "--store", store, SCENARIO.toString());
        return store;
    }

    /**
     * The first {@code commands} command lines of the shipped scenario, comments dropped: 6 end at position 6, 7 at
     * position 8 (the negotiation's ceasefire is propagated to the incident).
     */
    static List<String> scenarioCommands(int commands) {
        try {
            List<String> lines = new ArrayList<>();
            for (String line : Files.readAllLines(SCENARIO, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
            return lines.subList(0, commands);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String lines(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }

    /** {@code parley status --json}, exactly as printed. */
    static String statusJson(String store) {
        return parleyExpecting(0, "status", "--store", store, "--json").out();
    }

    /** {@code parley audit --json}, exactly as printed. */
    static String auditJson(String store) {
        return parleyExpecting(0, "audit", "--store", store, "--json").out();
    }

    static JsonNode aggregate(JsonNode diff, String id) {
        for (JsonNode aggregate : diff.get("aggregates")) {
            if (aggregate.get("aggregateId").textValue().equals(id)) {
                return aggregate;
            }
        }
        throw new AssertionError("no aggregate " + id + " in the diff " + diff);
    }

    /** The status difference of {@code field} ("" for the whole aggregate), or null when that field is the same. */
    static JsonNode difference(JsonNode aggregate, String field) {
        for (JsonNode difference : aggregate.get("statusDifferences")) {
            if (difference.get("field").textValue().equals(field)) {
                return difference;
            }
        }
        return null;
    }

    static List<String> eventTypes(JsonNode events) {
        List<String> types = new ArrayList<>();
        events.forEach(event -> types.add(event.get("eventType").textValue()));
        return types;
    }

    static List<Long> positions(JsonNode events) {
        List<Long> positions = new ArrayList<>();
        events.forEach(event -> positions.add(event.get("position").longValue()));
        return positions;
    }

    /** No stack trace: no frame lines, no exception class names, no "Caused by". */
    static void assertNoStackTrace(String text) {
        assertThat(text).doesNotContain("Exception")
                        .doesNotContain("Caused by")
                        .doesNotContainPattern("(?m)^\\s+at [\\w$.<>]+\\(")
                        .doesNotContain("\tat ");
    }
}
