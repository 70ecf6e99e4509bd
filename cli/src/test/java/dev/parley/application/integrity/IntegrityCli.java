package dev.parley.application.integrity;

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

/** Runs {@code parley} in-process the way a user would (copied from the CLI tests' helper, trimmed). */
final class IntegrityCli {

    private IntegrityCli() {
    }

    /** What one {@code parley} invocation printed; {@code console} is what leaked to the process's own streams. */
    record Result(int exitCode, String out, String err, String console) {

        /** The exit code, the output and the errors, for assertion messages. */
        String describe() {
            return "exit " + exitCode + "\n--- out:\n" + out + "\n--- err:\n" + err + "\n--- console:\n" + console;
        }
    }

    static Result parley(String... args) {
        ParleyRun.Output run = ParleyRun.run(args);
        return new Result(run.exitCode(), run.out(), run.err(), run.console());
    }

    /** {@code parley} with these arguments, checked to exit with {@code expected}. */
    static Result parleyExpecting(int expected, String... args) {
        Result result = parley(args);
        assertThat(result.exitCode()).as("parley %s\n%s", String.join(" ", args), result.describe())
                                     .isEqualTo(expected);
        return result;
    }

    static String storeUrl(Path directory) {
        return ParleyRun.storeUrl(directory);
    }

    static Path write(Path directory, String name, String content) {
        try {
            Files.createDirectories(directory);
            return Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String text) {
        return ParleyRun.json(text);
    }

    static JsonNode json(Path file) {
        return json(read(file));
    }

    /** {@code parley verify} with {@code options}, plain text, on the store at {@code url}. */
    static Result verify(String url, String... options) {
        List<String> args = new ArrayList<>(List.of("verify", "--store", url));
        args.addAll(List.of(options));
        return parley(args.toArray(String[]::new));
    }

    /** {@code parley verify --json} with {@code options}; checked to print exactly one JSON object. */
    static JsonNode verifyJson(String url, int expectedExit, String... options) {
        List<String> args = new ArrayList<>(List.of("verify", "--store", url, "--json"));
        args.addAll(List.of(options));
        Result result = parleyExpecting(expectedExit, args.toArray(String[]::new));
        List<String> lines = result.out().lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).as("stdout of verify --json").hasSize(1);
        return json(lines.get(0));
    }

    /** No stack trace: no frame lines, no exception class names, no "Caused by". */
    static void assertNoStackTrace(String text) {
        assertThat(text).doesNotContain("Exception")
                        .doesNotContain("Caused by")
                        .doesNotContainPattern("(?m)^\\s+at [\\w$.<>]+\\(")
                        .doesNotContain("\tat ");
    }
}
