package dev.parley.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.parley.cli.Cli.assertNoStackTrace;
import static dev.parley.cli.Cli.parley;
import static dev.parley.cli.Cli.storeUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A write that fails is exit 1 with the cause in one sentence, never success: standard output on a full device, an
 * {@code --out} file that cannot be written, and an {@code --out} file that must appear whole or not at all.
 */
class WriteFailuresTest {

    private static final Path SCENARIO = Path.of("..", "scenarios", "pak-afghan-2025.ndjson").toAbsolutePath();
    private static final File FULL = new File("/dev/full");

    @TempDir
    Path directory;

    private String store;

    @BeforeEach
    void recordTheScenarioAndSignIt() {
        store = storeUrl(directory);
        assertThat(parley("run", "--store", store, SCENARIO.toString()).exitCode()).isZero();
        assertThat(parley("checkpoint", "--store", store, "--out", directory.resolve("first.json").toString())
                           .exitCode()).isZero();
    }

    @Test
    void everyReportingCommandWritingToAFullStandardOutputExitsOneNamingTheCause() throws Exception {
        assumeTrue(FULL.exists(), "/dev/full is needed");
        for (List<String> args : List.of(List.of("export", "--store", store),
                                         List.of("status", "--json", "--store", store),
                                         List.of("checkpoint", "--store", store),
                                         List.of("prove", "3", "--store", store),
                                         List.of("timeline", "--store", store),
                                         List.of("verify", "--store", store),
                                         List.of("--help"))) {

            Child child = parleyInAChildProcess(args);

            assertThat(child.exit()).as("exit of parley %s; stderr: %s", args, child.err()).isEqualTo(1);
            // As text ("parley: ..."), or under --json as {"code":"OUTPUT_FAILED","message":...}.
            assertThat(child.err()).as("parley %s", args)
                                   .contains(args.contains("--json")
                                                     ? "{\"code\":\"OUTPUT_FAILED\",\"message\":\"cannot write to "
                                                       + "standard output: no space left on device\"}"
                                                     : "parley: cannot write to standard output: no space left on device")
                                   .doesNotContain("Exported", "Signed");
            assertNoStackTrace(child.err());
        }
    }

    @Test
    void anOutFileOnAFullDeviceExitsOneNamingTheCause() {
        assumeTrue(FULL.exists(), "/dev/full is needed");

        Cli.Result export = parley("export", "--store", store, "--out", FULL.getPath());

        assertThat(export.exitCode()).isEqualTo(1);
        assertThat(export.err()).isEqualTo("parley: cannot write /dev/full: no space left on device\n");
        assertThat(FULL).exists();
    }

    @Test
    void anOutFileThatCannotBeCreatedExitsOneAndLeavesNothing() throws IOException {
        Path notADirectory = Files.writeString(directory.resolve("plain-file"), "a file, not a directory");
        Path target = notADirectory.resolve("history.ndjson");

        for (String command : List.of("export", "checkpoint")) {
            Cli.Result result = parley(command, "--store", store, "--out", target.toString());

            assertThat(result.exitCode()).as(command).isEqualTo(1);
            assertThat(result.err()).as(command).isEqualTo("parley: cannot write " + target + ": not a directory; "
                                                                   + "nothing was written\n");
            assertNoStackTrace(result.err() + result.console());
        }
        assertThat(Files.readString(notADirectory)).isEqualTo("a file, not a directory");
    }

    @Test
    void anOutFileIsReplacedWholeAndNoTemporaryFileIsLeft() throws IOException {
        Path target = Files.writeString(directory.resolve("history.ndjson"), "an older export\n");

        Cli.Result export = parley("export", "--store", store, "--out", target.toString());

        assertThat(export.exitCode()).as("stderr: %s", export.err()).isZero();
        assertThat(export.err()).isEqualTo("Exported 13 events to " + target + ".\n");
        List<String> lines = Files.readAllLines(target, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(13).allSatisfy(line -> assertThat(Cli.json(line).get("leafHash")).isNotNull());
        assertThat(temporaryFiles()).isEmpty();
    }

    @Test
    void aWriteThatFailsHalfWayLeavesTheExistingFileAsItWasAndNoTemporaryFile() throws IOException {
        Path target = Files.writeString(directory.resolve("checkpoint.json"), "the signed checkpoint\n");

        assertThatThrownBy(() -> Output.toFile(target, writer -> {
            writer.write("{\"half\":");
            writer.flush();
            throw new IOException("No space left on device");
        })).isInstanceOf(Output.WriteFailedException.class)
           .hasMessage("cannot write " + target + ": no space left on device; it was left as it was");

        assertThat(Files.readString(target)).isEqualTo("the signed checkpoint\n");
        assertThat(temporaryFiles()).isEmpty();
    }

    @Test
    void aWriteThatFailsHalfWayOnANewFileLeavesNoFileAtAll() {
        Path target = directory.resolve("proof.json");

        assertThatThrownBy(() -> Output.toFile(target, writer -> {
            writer.write("{\"half\":");
            throw new IOException("No space left on device");
        })).hasMessage("cannot write " + target + ": no space left on device; nothing was written");

        assertThat(target).doesNotExist();
        assertThat(temporaryFiles()).isEmpty();
    }

    private List<Path> temporaryFiles() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".tmp")).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private record Child(int exit, String err) {
    }

    /** {@code parley ARGS} in its own JVM on the test classpath, its standard output on /dev/full. */
    private Child parleyInAChildProcess(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), ParleyCli.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().remove("PARLEY_STORE");
        Path err = directory.resolve("child.err");
        Process process = builder.redirectOutput(FULL).redirectError(err.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("parley %s finished", args).isTrue();
        return new Child(process.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
    }
}
