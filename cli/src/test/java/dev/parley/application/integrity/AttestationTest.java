package dev.parley.application.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.application.integrity.IntegrityCli.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static dev.parley.application.integrity.IntegrityCli.assertNoStackTrace;
import static dev.parley.application.integrity.IntegrityCli.json;
import static dev.parley.application.integrity.IntegrityCli.parley;
import static dev.parley.application.integrity.IntegrityCli.parleyExpecting;
import static dev.parley.application.integrity.IntegrityCli.read;
import static dev.parley.application.integrity.IntegrityCli.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attested time-travel answers: {@code status ID [--at T] [--known-at S] --attest FILE} and
 * {@code verify-attestation FILE}, which needs no store, re-derives the answer from the proven events and checks that
 * none of the stream's events in the checkpoint was left out. The own scenario is recorded, then, later, a late
 * casualty report for inc-kurram that happened on 12 October.
 */
class AttestationTest {

    private static final int TAMPERED = 3;
    private static final String KURRAM = "inc-kurram";
    private static final String CHAMAN = "inc-chaman";
    private static final String TALKS = "doha-talks";
    private static final String LATE_REPORT = """
            {"command":"RecordCasualties","incidentId":"inc-kurram","side":"AFG","killed":2,"wounded":1,"occurredAt":"2025-10-12","source":"late report"}
            """;

    @TempDir
    Path directory;

    private String url;
    private String verifierKey;
    /** When the last event before the late report was recorded. */
    private String knownBeforeTheLateReport;

    private Path store() {
        return directory.resolve("store");
    }

    @BeforeEach
    void recordTheScenarioThenALateReport() throws InterruptedException {
        url = Scenarios.OWN.record(store());
        List<Tables.Event> first = Tables.events(url);
        knownBeforeTheLateReport = first.get(first.size() - 1).timestamp();
        Thread.sleep(20);
        parleyExpecting(0, "run", "--store", url, write(directory, "late.ndjson", LATE_REPORT).toString());
        verifierKey = parleyExpecting(0, "checkpoint", "--store", url, "--verifier-key").out().strip();
    }

    private Result status(String id, String... options) {
        List<String> args = new ArrayList<>(List.of("status", id, "--store", url, "--json"));
        args.addAll(List.of(options));
        return parley(args.toArray(String[]::new));
    }

    private Path attest(String id, String name, String... timeOptions) {
        Path file = directory.resolve(name);
        List<String> options = new ArrayList<>(List.of(timeOptions));
        options.addAll(List.of("--attest", file.toString()));
        Result attested = status(id, options.toArray(String[]::new));
        assertThat(attested.exitCode()).as(attested.describe()).isZero();
        assertThat(attested.out()).as("status --attest prints the answer as status does")
                                  .isEqualTo(status(id, timeOptions).out());
        return file;
    }

    private Result verifyAttestation(Path file, String... options) {
        List<String> args = new ArrayList<>(List.of("verify-attestation", file.toString()));
        args.addAll(List.of(options));
        return parley(args.toArray(String[]::new));
    }

    private Result verifyWithKey(Path file, String... options) {
        List<String> args = new ArrayList<>(List.of(options));
        args.addAll(List.of("--verifier-key", verifierKey));
        return verifyAttestation(file, args.toArray(String[]::new));
    }

    private Path edited(Path file, String name, java.util.function.Consumer<ObjectNode> edit) {
        ObjectNode document = (ObjectNode) json(file);
        edit.accept(document);
        return write(directory, name, document.toString());
    }

    private void assertInvalid(Path file, String why) {
        Result checked = verifyWithKey(file);
        assertThat(checked.exitCode()).as(checked.describe()).isEqualTo(TAMPERED);
        assertThat(checked.out()).startsWith("INVALID: ").contains(why);
        assertNoStackTrace(checked.out() + checked.err());
    }

    @Test
    void anHonestAttestationVerifiesInAFreshDirectoryWithTheStoreGoneAndGivesTheStatusByteForByte()
            throws IOException {
        String expected = status(KURRAM, "--at", "2025-10-16", "--known-at", knownBeforeTheLateReport).out();
        Path attestation = attest(KURRAM, "kurram.json", "--at", "2025-10-16", "--known-at", knownBeforeTheLateReport);
        Path fresh = Files.createDirectories(directory.resolve("fresh"));
        Path copy = Files.copy(attestation, fresh.resolve("kurram.json"));
        deleteTree(store());
        assertThat(store()).doesNotExist();

        Result checked = verifyWithKey(copy, "--json");
        Result sentence = verifyWithKey(copy);

        assertThat(checked.exitCode()).as(checked.describe()).isZero();
        assertThat(checked.out()).as("the status re-derived with no store, byte for byte").isEqualTo(expected);
        assertThat(sentence.exitCode()).isZero();
        assertThat(sentence.out().strip()).isEqualTo(
                "Valid: the status of inc-kurram at 2025-10-16T00:00:00Z as known at "
                        + Instant.parse(knownBeforeTheLateReport) + " is what its 7 events in the checkpoint of 32 "
                        + "events of " + verifierKey.split("\\+")[0] + " give, and none was left out.");
        assertThat(store()).as("verify-attestation opened no store").doesNotExist();
    }

    @Test
    void eventsRecordedAfterTheKnownAtTimeAreCarriedAndProvenYetLeftOutOfTheAnswer() {
        Path attestation = attest(KURRAM, "kurram.json", "--known-at", knownBeforeTheLateReport);
        JsonNode document = json(attestation);
        JsonNode answer = json(document.get("answer").asText());
        JsonNode last = document.get("events").get(document.get("events").size() - 1);
        LeafInput.Decoded late = LeafInput.decode(Base64.getDecoder().decode(last.get("leafInput").asText()));

        assertThat(document.get("events")).as("every event of the stream up to its head, the late one included")
                                          .hasSize(7);
        assertThat(Instant.parse(late.event().timestamp())).isAfter(Instant.parse(knownBeforeTheLateReport));
        assertThat(late.event().payloadType()).endsWith("CasualtiesRecordedEvent");
        assertThat(answer.get("incidents").get(0).get("casualties").has("AFG"))
                .as("the late report was not known at S").isFalse();
        assertThat(verifyWithKey(attestation).exitCode()).isZero();

        Path now = attest(KURRAM, "kurram-now.json");
        JsonNode nowAnswer = json(json(now).get("answer").asText());
        assertThat(nowAnswer.get("incidents").get(0).get("casualties").get("AFG").get("killed").asInt()).isEqualTo(2);
        assertThat(verifyWithKey(now).exitCode()).isZero();
    }

    @Test
    void aNegotiationAtAValidTimeIsAttestedToo() {
        Path attestation = attest(TALKS, "talks.json", "--at", "2025-10-20");

        Result checked = verifyWithKey(attestation, "--json");

        assertThat(checked.exitCode()).as(checked.describe()).isZero();
        assertThat(checked.out()).isEqualTo(status(TALKS, "--at", "2025-10-20").out());
        assertThat(json(checked.out()).get("negotiations").get(0).get("currentRound").asInt()).isEqualTo(2);
    }

    @Test
    void leavingOutTheLastEventIsTampering() {
        Path attestation = attest(KURRAM, "kurram.json", "--known-at", knownBeforeTheLateReport);
        Path trimmed = edited(attestation, "trimmed.json", document -> {
            ArrayNode events = (ArrayNode) document.get("events");
            events.remove(events.size() - 1);
        });

        assertInvalid(trimmed, "events left out or added");
    }

    @Test
    void leavingOutAnEventInTheMiddleIsTampering() {
        Path attestation = attest(KURRAM, "kurram.json");
        Path trimmed = edited(attestation, "middle.json", document -> ((ArrayNode) document.get("events")).remove(3));
        // Also with the head claimed one shorter: the chain, not the count, then gives it away.
        Path recounted = edited(attestation, "recounted.json", document -> {
            ((ArrayNode) document.get("events")).remove(3);
            ((ArrayNode) document.get("events")).add(document.get("events").get(0));
        });

        assertInvalid(trimmed, "events left out or added");
        assertInvalid(recounted, "is inc-kurram [");
    }

    @Test
    void swappingInAnotherStreamsEventIsTampering() {
        Path kurram = attest(KURRAM, "kurram.json");
        JsonNode chaman = json(attest(CHAMAN, "chaman.json")).get("events").get(2);
        Path swapped = edited(kurram, "swapped.json", document -> ((ArrayNode) document.get("events")).set(2, chaman));

        assertInvalid(swapped, "is inc-chaman [2]");
    }

    @Test
    void aTamperedAnswerIsTampering() {
        Path attestation = attest(KURRAM, "kurram.json", "--known-at", knownBeforeTheLateReport);
        Path tampered = edited(attestation, "answer.json", document -> document.put(
                "answer", document.get("answer").asText().replace("\"violations\":1", "\"violations\":0")));
        assertThat(read(tampered)).isNotEqualTo(read(attestation));

        assertInvalid(tampered, "the attested answer is not the status its proven events give");
    }

    @Test
    void widerTimesThanTheAnswerWasMadeForAreTampering() {
        Path attestation = attest(KURRAM, "kurram.json", "--known-at", knownBeforeTheLateReport);
        Path widened = edited(attestation, "widened.json", document -> document.putNull("knownAt"));

        assertInvalid(widened, "the attested answer is not the status its proven events give");
    }

    @Test
    void anotherLogsKeyIsRejectedAsForAProof() {
        Path attestation = attest(KURRAM, "kurram.json");
        String otherStore = storeUrl(directory.resolve("other"));
        String otherKey = parleyExpecting(0, "checkpoint", "--store", otherStore, "--verifier-key").out().strip();

        Result checked = verifyAttestation(attestation, "--verifier-key", otherKey);
        Result withoutKey = verifyAttestation(attestation);

        assertThat(checked.exitCode()).as(checked.describe()).isEqualTo(TAMPERED);
        assertThat(checked.out()).startsWith("INVALID: the checkpoint was signed by another key than the one given");
        assertThat(withoutKey.exitCode()).isEqualTo(1);
        assertThat(withoutKey.err()).contains("give --verifier-key KEY");
    }

    @Test
    void aCheckpointEditedInsideTheAttestationIsRejected() {
        Path attestation = attest(KURRAM, "kurram.json");
        Path resigned = edited(attestation, "resigned.json", document -> {
            String checkpoint = document.get("checkpoint").asText();
            String[] parts = checkpoint.split("\n\n", 2);
            document.put("checkpoint", parts[0].replaceFirst("\n32\n", "\n31\n") + "\n\n" + parts[1]);
        });

        assertInvalid(resigned, "the checkpoint's signature is not valid");
    }

    @Test
    void anIdWithNoEventsIsAttestedAbsentBetweenItsNeighbours() {
        Path file = directory.resolve("absent.json");
        Result absent = status("inc-lahore", "--attest", file.toString());
        assertThat(absent.exitCode()).as(absent.describe()).isEqualTo(1);
        assertThat(absent.err()).contains("no negotiation or incident inc-lahore; its absence is attested in");
        JsonNode document = json(file);
        assertThat(document.get("head").isNull()).isTrue();
        assertThat(document.get("neighbours")).hasSize(2);

        Result checked = verifyWithKey(file, "--json");
        assertThat(checked.exitCode()).as(checked.describe()).isZero();
        assertThat(json(checked.out()).get("incidents")).isEmpty();

        Path oneSided = edited(file, "one-sided.json", d -> ((ArrayNode) d.get("neighbours")).remove(1));
        assertInvalid(oneSided, "not adjacent");
        JsonNode chamanHead = json(attest(CHAMAN, "chaman.json")).get("head");
        Path claimed = edited(file, "claimed.json", d -> d.put("aggregateId", KURRAM));
        Path hidden = edited(file, "hidden.json", d -> {
            d.put("aggregateId", KURRAM);
            ((ArrayNode) d.get("neighbours")).set(0, chamanHead);
        });
        assertInvalid(claimed, "the checkpoint holds a head of inc-kurram");
        assertInvalid(hidden, "not adjacent");
    }

    @Test
    void aStoreTamperedWithBeforeItsCheckpointIsNotAttested() {
        parleyExpecting(0, "checkpoint", "--store", url);
        Tables.execute(url, "UPDATE domain_event_entry SET payload = ? WHERE global_index = ?",
                       Tables.withOneByteAltered(Tables.event(url, Tables.events(url).get(2).position()).payload()),
                       Tables.events(url).get(2).position());
        Tables.execute(url, "DELETE FROM tree_node");

        Result attested = status(KURRAM, "--attest", directory.resolve("never.json").toString());

        assertThat(attested.exitCode()).as(attested.describe()).isEqualTo(TAMPERED);
        // status() asks for --json, so the refusal is JSON too.
        assertThat(attested.err()).startsWith("{\"code\":\"TAMPERED\",\"message\":\"refusing to attest: ");
        assertThat(directory.resolve("never.json")).doesNotExist();
        assertNoStackTrace(attested.err());
    }

    private static String storeUrl(Path directory) {
        return IntegrityCli.storeUrl(directory);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
