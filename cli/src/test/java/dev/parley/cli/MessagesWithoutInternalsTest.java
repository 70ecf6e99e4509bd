package dev.parley.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static dev.parley.cli.Cli.parley;
import static dev.parley.cli.Cli.storeUrl;
import static dev.parley.cli.Cli.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over a corpus of malformed input (command-file lines, times, ids, store URLs, proof, checkpoint, attestation and
 * export files), everything the command line prints, as text and as JSON, is checked for what a user should never
 * see: a Java class or package, an exception's name, a stack frame, a library's own wording or location pointers, a
 * database's internal error code or table name.
 */
class MessagesWithoutInternalsTest {

    /** Lines a command file may hold by mistake, beside those of {@link MalformedLinesTest}. */
    private static final String MORE_MALFORMED = """
            {"command":"RecordCasualties","incidentId":"inc-1","side":"PAK","killed":23,
            {"command":"RecordCasualties","incidentId":"inc-1","side":"PAK
            {"command":"RecordCasualties",}
            {"command":"RecordCasualties" "incidentId":"inc-1"}
            {command:"RecordCasualties"}
            {'command':'RecordCasualties'}
            {"command":"RecordCasualties","incidentId":"inc-1","side":"PAK","killed":NaN,"occurredAt":"2025-10-12","source":"ISPR"}
            {"command":"RecordCasualties","incidentId":"inc-1","side":"PAK","killed":99999999999999999999,"occurredAt":"2025-10-12","source":"ISPR"}
            {"command":"RecordCasualties","incidentId":"inc-1","side":"PAK","killed":1e400,"occurredAt":"2025-10-12","source":"ISPR"}
            {"command":"RecordCasualties","incidentId":"inc-1","side":"PAK","killed":[1],"occurredAt":"2025-10-12","source":"ISPR"}
            {"command":"RecordCasualties","incidentId":{"id":"inc-1"},"side":"PAK","killed":1,"occurredAt":"2025-10-12","source":"ISPR"}
            {"command":"RecordCasualties","incidentId":"inc-1","side":"PAK","killed":1,"occurredAt":20251012,"source":"ISPR"}
            {"command":"RecordCasualties","incidentId":"inc-1","side":"PAK","killed":1,"occurredAt":"2025-10-12","source":null}
            {"command":null}
            {"command":42}
            {}
            null
            "RecordCasualties"
            42
            {"command":"RecordCasualties"}}
            {"command":"RecordCasualties","incidentId":"\\ud800","side":"PAK","killed":1,"occurredAt":"2025-10-12","source":"ISPR"}
            {"command":"RecordCasualties","incidentId":"inc-1","side":"PAK","killed":1,"occurredAt":"2025-10-12","source":"ISPR","x":[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]}
            {"command":"ReportIncident","incidentId":"inc-2","location":"x","attackers":"AFG","defenders":["PAK"],"description":"d","occurredAt":"2025-10-12","source":"s"}
            {"command":"DeclareCeasefire","negotiationId":"n-1","effectiveFrom":"soon","terms":"t","coversIncidents":"inc-1","occurredAt":"2025-10-12","source":"s"}
            {"command":"RespondToFramework","negotiationId":"n-1","frameworkId":"f","party":"PAK","response":"MAYBE","occurredAt":"2025-10-12","source":"s"}
            """;

    /** Fragments that are a program's insides, not a message for a person. */
    private static final List<Pattern> INTERNALS = List.of(
            Pattern.compile("\\b(?:java|javax|jdk|sun|com|org|dev)\\.[a-z][\\w$]*\\.[\\w.$]+"),
            Pattern.compile("[A-Za-z]+(?:Exception|Error)\\b"),
            Pattern.compile("(?m)^\\s+at [\\w.$]+\\("),
            Pattern.compile("Caused by"),
            Pattern.compile("\\[Source:|REDACTED|StreamReadFeature|JsonToken|Jackson|START_OBJECT|VALUE_STRING"),
            Pattern.compile("\\[\\d{5}-\\d{3}]"),
            Pattern.compile("SQLState|SQL state|ERROR: "),
            Pattern.compile("domain_event_entry|snapshot_event_entry|token_entry|flyway_schema_history"),
            // A null a person reads (JSON's own null after a colon, and Jackson's quoted 'null' token, are fine).
            Pattern.compile("(?<![:'])\\bnull\\b(?!')"));

    @TempDir
    Path directory;

    private String store;

    @BeforeEach
    void aStoreWithAnIncident() {
        store = Cli.storeWithAnIncident(directory);
    }

    @Test
    void malformedCommandFileLinesAreExplainedWithoutInternals() {
        Path file = write(directory, "malformed.ndjson", MalformedLinesTest.MALFORMED + MORE_MALFORMED);
        for (boolean json : List.of(false, true)) {
            List<String> args = new ArrayList<>(List.of("run", "--store", store));
            if (json) {
                args.add("--json");
            }
            args.add(file.toString());
            Cli.Result run = parley(args.toArray(String[]::new));
            assertThat(run.exitCode()).isEqualTo(ExitCodes.REJECTED);
            assertWithoutInternals(args, run);
        }
    }

    @Test
    void malformedArgumentsAndFilesAreExplainedWithoutInternals() {
        Path garbage = write(directory, "garbage.txt", "this is not what you think\n{\"half\":");
        Path emptyObject = write(directory, "empty.json", "{}");
        Path badJson = write(directory, "bad.json", "{\"treeSize\": \"many\", \"rootHash\": 7}");
        Path missing = directory.resolve("no-such-file");
        List<List<String>> calls = List.of(
                List.of("status", "--store", store, "--at", "yesterday"),
                List.of("status", "--store", store, "--known-at", "2025-02-30"),
                List.of("status", "--store", store, "--at", "99999-01-01"),
                List.of("status", "--store", store, "nosuchid"),
                List.of("status", "--store", store, "nosuchid", "--json"),
                List.of("status", "--store", store, "\u202Eevil"),
                List.of("timeline", "--store", store, "--at", "not a time"),
                List.of("audit", "--store", store, "nosuchid"),
                List.of("status", "--store", "jdbc:nosuchdb:x"),
                List.of("status", "--store", "not a url"),
                List.of("status", "--store", "jdbc:h2:file:" + directory.resolve("x") + ";INIT=RUNSCRIPT FROM 'x'"),
                List.of("status", "--store", "jdbc:postgresql://127.0.0.1:1/nosuchdb"),
                List.of("run", "--store", store, missing.toString()),
                List.of("run", "--store", store, directory.toString()),
                List.of("prove", "--store", store, "999999"),
                List.of("prove", "--store", store, "-3"),
                List.of("prove", "--store", store, "many"),
                List.of("verify", "--store", store, "--checkpoint", garbage.toString()),
                List.of("verify", "--store", store, "--checkpoint", missing.toString()),
                List.of("verify-proof", garbage.toString(), garbage.toString(), "--verifier-key", "nonsense"),
                List.of("verify-proof", emptyObject.toString(), badJson.toString(), "--verifier-key", "a+b+c"),
                List.of("verify-proof", missing.toString(), missing.toString(), "--verifier-key", "x"),
                List.of("verify-attestation", garbage.toString(), "--verifier-key", "nonsense"),
                List.of("verify-attestation", emptyObject.toString(), "--verifier-key", "a+b+c"),
                List.of("import", "--store", storeUrl(directory.resolve("empty")), garbage.toString()),
                List.of("import", "--store", storeUrl(directory.resolve("empty2")), badJson.toString()),
                List.of("witness", "add-checkpoint", garbage.toString(), "--log-key", "nonsense",
                        "--state", directory.resolve("witness").toString()),
                List.of("fork", "--store", store, "--at", "later", "--then", garbage.toString()),
                List.of("fork", "--store", store, "--at", "1", "--then", garbage.toString()),
                List.of("fork", "--store", store, "--from", "no-such-branch", "--then", emptyObject.toString()),
                List.of("replay", "--store", store, "--bogus"),
                List.of("node", "--store", store, "--segments", "0"));
        for (List<String> call : calls) {
            Cli.Result result = parley(call.toArray(String[]::new));
            assertThat(result.exitCode()).as("%s should fail: %s", call, result.out()).isNotZero();
            assertWithoutInternals(call, result);
        }
    }

    private static void assertWithoutInternals(List<String> call, Cli.Result result) {
        String printed = result.out() + "\n" + result.err() + "\n" + result.console();
        for (Pattern internal : INTERNALS) {
            assertThat(internal.matcher(printed).find())
                    .as("%s printed an internal fragment (%s):%n%s", call, internal, printed).isFalse();
        }
    }
}
