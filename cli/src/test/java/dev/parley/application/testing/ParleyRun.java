package dev.parley.application.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.cli.ParleyCli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs {@code parley} in-process the way a user would, for every test package that drives the CLI. */
public final class ParleyRun {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ParleyRun() {
    }

    /** What one invocation printed; {@code console} is what leaked to the process's own streams. */
    public record Output(int exitCode, String out, String err, String console) {
    }

    /** Runs {@code parley ARGS}; one at a time, since the process's own streams are captured. */
    public static synchronized Output run(String... args) {
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
        return new Output(exitCode, out.toString(), err.toString(), console.toString(StandardCharsets.UTF_8));
    }

    /** The URL of an H2 file store in {@code directory}. */
    public static String storeUrl(Path directory) {
        return "jdbc:h2:file:" + directory.resolve("parley");
    }

    public static Path write(Path directory, String name, String content) {
        try {
            return Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
