package dev.parley.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static dev.parley.cli.Cli.assertNoStackTrace;
import static dev.parley.cli.Cli.parley;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A store on a disk that fills up during a run: the run stops with one sentence saying the disk is full, how many
 * lines were stored and the last one. Needs a small tmpfs, so it runs only where the test may mount one (as root).
 */
class DiskFullIT {

    @TempDir
    Path directory;

    private Path disk;
    private boolean mounted;

    private static boolean run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    }

    @BeforeEach
    void mountASmallDisk() throws Exception {
        disk = Files.createDirectory(directory.resolve("disk"));
        mounted = run("mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", disk.toString());
        assumeTrue(mounted, "cannot mount a tmpfs here (not root?)");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            run("umount", "-l", disk.toString());
        }
    }

    @Test
    void aRunThatFillsTheDiskSaysSoAndHowFarItGot() throws Exception {
        Path file = directory.resolve("strikes.ndjson");
        Random random = new Random(11);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("{\"command\":\"ReportIncident\",\"incidentId\":\"inc-1\",\"location\":\"Border posts\","
                              + "\"attackers\":[\"AFG\"],\"defenders\":[\"PAK\"],\"description\":\"attack\","
                              + "\"occurredAt\":\"2025-10-12\",\"source\":\"ISPR\"}\n");
            for (int line = 0; line < 2_000; line++) {
                StringBuilder description = new StringBuilder();
                random.ints(9_000, 'a', 'z' + 1).forEach(c -> description.append((char) c));
                out.write("{\"command\":\"RecordStrike\",\"incidentId\":\"inc-1\",\"by\":\"AFG\",\"targets\":[\"post\"],"
                                  + "\"description\":\"" + description + "\",\"occurredAt\":\"2025-10-12\","
                                  + "\"source\":\"ISPR\"}\n");
            }
        }

        Cli.Result run = parley("run", "--store", "jdbc:h2:file:" + disk.resolve("parley"), file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).containsPattern("^parley: cannot store line \\d+ \\(RecordStrike\\): no space left on "
                                                      + "device\\. This run stored \\d+ lines, the last line \\d+; "
                                                      + "once the cause is fixed, run the same file again to "
                                                      + "resume: the lines already stored are skipped\\.");
        assertNoStackTrace(run.err());
    }
}
