package dev.parley.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Progress as a person at a terminal sees it: {@code parley} runs in a real pseudo-terminal ({@code script}), its
 * stdout redirected to a file, and what reached the terminal is read back. Progress is drawn on stderr because
 * stderr is a terminal, whatever stdout is; with stderr not a terminal only the summary is printed.
 */
class ProgressOnTerminalTest {

    private static final int LINES = 4_000;

    @TempDir
    Path directory;

    /** The incident's report, then {@value #LINES} lines in all. */
    private Path commandFile() throws Exception {
        return Cli.incidentWithCasualties(directory, LINES - 1);
    }

    private static List<String> parley(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.parley.cli.ParleyCli"));
        command.addAll(List.of(args));
        return command;
    }

    private static String quoted(List<String> command) {
        StringBuilder line = new StringBuilder();
        for (String word : command) {
            line.append('\'').append(word.replace("'", "'\\''")).append("' ");
        }
        return line.toString();
    }

    /** Runs {@code command} in a pseudo-terminal with stdout into {@code out}; what the terminal showed. */
    private String onTerminal(List<String> command, Path out) throws Exception {
        Path shown = directory.resolve("terminal-" + System.nanoTime() + ".txt");
        Process script = new ProcessBuilder("script", "-q", "-e", "-c", quoted(command) + "> '" + out + "'",
                                            "/dev/null")
                .directory(directory.toFile()).redirectOutput(shown.toFile()).redirectErrorStream(true).start();
        assertThat(script.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String terminal = Files.readString(shown, StandardCharsets.UTF_8);
        assertThat(script.exitValue()).as(terminal).isZero();
        return terminal;
    }

    @Test
    void runAndVerifyDrawPhaseCountRateAndTimeLeftOnAPseudoTerminalWhileStdoutIsAFile() throws Exception {
        String store = "jdbc:h2:file:" + directory.resolve("parley");
        Path out = directory.resolve("out.txt");

        String run = onTerminal(parley("run", "--store", store, "--print-accepted", commandFile().toString()), out);

        assertThat(run).contains("\r\033[K").contains("opening the store").contains("running: ")
                       .containsPattern("running: \\d+ of " + LINES + " lines \\(\\d+%\\), [\\d.]+ lines/s, about .* left")
                       .contains("Ran ").contains(LINES + " of " + LINES + " commands accepted");
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(stdout).startsWith("accepted 1\n").doesNotContain("\r").doesNotContain("\033");
        assertThat(stdout.lines()).hasSize(LINES);

        String verify = onTerminal(parley("verify", "--store", store), directory.resolve("verify.txt"));
        assertThat(verify).contains("\r\033[K").contains("verifying");
        assertThat(Files.readString(directory.resolve("verify.txt"))).contains("Intact");
    }

    @Test
    void withStderrNotATerminalOnlyTheSummaryIsPrinted() throws Exception {
        String store = "jdbc:h2:file:" + directory.resolve("parley");
        Path err = directory.resolve("err.txt");
        Process run = new ProcessBuilder(parley("run", "--store", store, commandFile().toString()))
                .directory(directory.toFile()).redirectOutput(directory.resolve("out.txt").toFile())
                .redirectError(err.toFile()).start();
        assertThat(run.waitFor(5, TimeUnit.MINUTES)).isTrue();

        String printed = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(run.exitValue()).as(printed).isZero();
        assertThat(printed).doesNotContain("\r").doesNotContain("\033").doesNotContain("lines/s");
        assertThat(printed.lines().filter(line -> !line.isBlank())).hasSize(1);
        assertThat(printed).startsWith("Ran ");
    }
}
