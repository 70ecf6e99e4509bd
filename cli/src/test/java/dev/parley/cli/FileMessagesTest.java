package dev.parley.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.parley.cli.Cli.assertNoStackTrace;
import static dev.parley.cli.Cli.parley;
import static dev.parley.cli.Cli.status;
import static dev.parley.cli.Cli.storeUrl;
import static dev.parley.cli.Cli.write;
import static org.assertj.core.api.Assertions.assertThat;

/** Files that are not quite what was expected: each gets one plain sentence, and BOMs are read alike everywhere. */
class FileMessagesTest {

    private static final String INCIDENT = "{\"command\":\"ReportIncident\",\"incidentId\":\"inc-1\",\"location\":"
            + "\"Border posts\",\"attackers\":[\"AFG\"],\"defenders\":[\"PAK\"],\"description\":\"attack\","
            + "\"occurredAt\":\"2025-10-12\",\"source\":\"ISPR\"}\n";

    @TempDir
    Path directory;

    @Test
    void aFileThatIsNotUtf8IsRejectedNamingTheLineAndNothingIsRun() throws IOException {
        Path file = Files.write(directory.resolve("latin1.ndjson"), (INCIDENT + INCIDENT.replace("Border posts",
                "Fronti\u00e8re")).getBytes(StandardCharsets.ISO_8859_1));

        Cli.Result run = parley("run", "--store", storeUrl(directory), file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualToIgnoringNewLines("parley: cannot read command file " + file + ": line 2 is not "
                                                                + "UTF-8 text (byte 0xE8 at byte 68 of the line); "
                                                                + "nothing was run");
        assertThat(status(storeUrl(directory)).get("incidents")).isEmpty();
        Cli.Result fork = parley("fork", "--store", storeUrl(directory), "--at", "0", "--then", file.toString());
        assertThat(fork.exitCode()).isEqualTo(1);
        assertThat(fork.err()).contains("line 2 is not UTF-8 text");
    }

    @Test
    void aByteOrderMarkIsAcceptedByRunAndByImportAlike() {
        String store = storeUrl(directory.resolve("first"));
        Cli.Result run = parley("run", "--store", store, write(directory, "bom.ndjson", "\uFEFF" + INCIDENT)
                .toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Cli.Result export = parley("export", "--store", store);
        Path withBom = write(directory, "export.ndjson", "\uFEFF" + export.out());

        Cli.Result imported = parley("import", "--store", storeUrl(directory.resolve("second")), withBom.toString());

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(status(storeUrl(directory.resolve("second"))).get("incidents").get(0).get("id").textValue())
                .isEqualTo("inc-1");
    }

    @Test
    void aMissingCommandFileSaysSoInASentence() {
        Path missing = directory.resolve("missing.ndjson");

        Cli.Result run = parley("run", "--store", storeUrl(directory), missing.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualToIgnoringNewLines("parley: cannot read command file " + missing
                                                                + ": no such file");
    }

    @Test
    void anImportTheDatabaseRefusesSaysThatNothingWasStored() {
        String store = storeUrl(directory.resolve("first"));
        parley("run", "--store", store, write(directory, "one.ndjson", INCIDENT).toString());
        Path export = write(directory, "export.ndjson", parley("export", "--store", store).out());
        String second = storeUrl(directory.resolve("second"));
        parley("run", "--store", second, write(directory, "other.ndjson", INCIDENT.replace("inc-1", "inc-2"))
                .toString());

        Cli.Result imported = parley("import", "--store", second, export.toString());

        assertThat(imported.exitCode()).isEqualTo(1);
        assertThat(imported.err()).startsWith("parley: import failed, nothing stored: ")
                                  .contains("already holds 1 events");
        assertNoStackTrace(imported.err());
        assertThat(status(second).get("incidents")).hasSize(1);
    }
}
