package dev.parley.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.List;

import static dev.parley.cli.Cli.json;
import static dev.parley.cli.Cli.parley;
import static dev.parley.cli.Cli.storeUrl;
import static dev.parley.cli.Cli.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command that reports takes {@code --json}, and under it a failure is JSON too: one {@code {"code","message"}}
 * object on stderr, with the exit status the text would have had, and nothing on stdout.
 */
class JsonEverywhereTest {

    private static final List<String> REPORTING = List.of("run", "status", "timeline", "audit", "replay", "fork",
                                                          "forks", "verify", "verify-proof", "verify-attestation",
                                                          "import", "node");

    @TempDir
    Path directory;

    private String store;

    @BeforeEach
    void aStoreWithAnIncident() {
        store = Cli.storeWithAnIncident(directory);
    }

    @Test
    void everyReportingCommandTakesJson() {
        CommandLine parley = ParleyCli.commandLine();
        for (String command : REPORTING) {
            assertThat(parley.getSubcommands().get(command).getCommandSpec().findOption("--json"))
                    .as("%s --json", command).isNotNull();
        }
    }

    @Test
    void failuresUnderJsonAreOneJsonObjectOnStderrWithTheSameExitStatus() {
        Path missing = directory.resolve("no-such-file");
        Path garbage = write(directory, "garbage.txt", "not an export\n");
        List<Case> cases = List.of(
                new Case(List.of("status", "nosuchid"), ExitCodes.FAILURE, "NOT_FOUND", "nosuchid"),
                new Case(List.of("audit", "nosuchid"), ExitCodes.FAILURE, "NOT_FOUND", "nosuchid"),
                new Case(List.of("status", "--at", "yesterday"), ExitCodes.FAILURE, null, "yesterday"),
                new Case(List.of("timeline", "--bogus"), ExitCodes.FAILURE, "INVALID_ARGUMENT", "--bogus"),
                new Case(List.of("run", missing.toString()), ExitCodes.FAILURE, "FILE_UNREADABLE", "no-such-file"),
                new Case(List.of("import", missing.toString()), ExitCodes.FAILURE, "FILE_UNREADABLE", "no-such-file"),
                new Case(List.of("verify", "--checkpoint", garbage.toString()), ExitCodes.FAILURE, null, "checkpoint"));
        for (Case failing : cases) {
            Cli.Result text = parley(failing.args(store, false));
            Cli.Result json = parley(failing.args(store, true));

            assertThat(json.exitCode()).as("%s", failing.args).isEqualTo(failing.exitStatus)
                                       .isEqualTo(text.exitCode());
            assertThat(json.out()).as("%s stdout", failing.args).isEmpty();
            assertThat(json.err().lines().toList()).as("%s stderr", failing.args).hasSize(1);
            JsonNode error = json(json.err());
            assertThat(error.fieldNames()).toIterable().containsExactly("code", "message");
            assertThat(error.get("code").asText()).as("%s", failing.args).matches("[A-Z_]+");
            if (failing.code != null) {
                assertThat(error.get("code").asText()).isEqualTo(failing.code);
            }
            assertThat(error.get("message").asText()).contains(failing.mentions);
            // The same sentence as the text form, which adds only its "parley: " prefix.
            assertThat(text.err()).contains("parley: " + error.get("message").asText());
        }
    }

    @Test
    void importAndVerifyProofReportAsJson() {
        Path export = directory.resolve("export.ndjson");
        assertThat(parley("export", "--store", store, "--out", export.toString()).exitCode()).isZero();

        Cli.Result imported = parley("import", "--store", storeUrl(directory.resolve("copy")), "--json",
                                     export.toString());

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        JsonNode done = json(imported.out());
        assertThat(done.get("imported").asLong()).isEqualTo(1);
        assertThat(done.get("file").asText()).isEqualTo(export.toString());

        Path checkpoint = directory.resolve("checkpoint");
        Path proof = directory.resolve("proof.json");
        assertThat(parley("checkpoint", "--store", store, "--out", checkpoint.toString()).exitCode()).isZero();
        assertThat(parley("prove", "--store", store, "1", "--out", proof.toString()).exitCode()).isZero();
        String key = parley("checkpoint", "--store", store, "--verifier-key").out().strip();

        Cli.Result valid = parley("verify-proof", proof.toString(), checkpoint.toString(), "--verifier-key", key,
                                  "--json");

        assertThat(valid.exitCode()).as(valid.err()).isZero();
        JsonNode answer = json(valid.out());
        assertThat(answer.get("valid").asBoolean()).isTrue();
        assertThat(answer.get("position").asLong()).isEqualTo(1);
        assertThat(answer.get("aggregateId").asText()).isEqualTo("inc-1");
        assertThat(answer.get("treeSize").asLong()).isEqualTo(1);
        assertThat(answer.get("problem").isNull()).isTrue();
    }

    /** A failing call, its exit status, its code (null: any) and what its message must mention. */
    private record Case(List<String> args, int exitStatus, String code, String mentions) {

        String[] args(String store, boolean json) {
            List<String> all = new java.util.ArrayList<>(args);
            if (!all.get(0).equals("verify-proof")) {
                all.addAll(1, List.of("--store", store));
            }
            if (json) {
                all.add("--json");
            }
            return all.toArray(String[]::new);
        }
    }
}
