package dev.parley.application.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.application.integrity.IntegrityCli.Result;
import dev.parley.application.integrity.Tables.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.parley.application.integrity.IntegrityCli.json;
import static dev.parley.application.integrity.IntegrityCli.parley;
import static dev.parley.application.integrity.IntegrityCli.parleyExpecting;
import static dev.parley.application.integrity.IntegrityCli.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inclusion proofs: {@code checkpoint --out}, {@code prove POSITION --out}, and {@code verify-proof PROOF CHECKPOINT},
 * which needs no store; any edit of the proof, or another checkpoint, is exit 3.
 */
class ProofTest {

    private static final int TAMPERED = 3;

    @TempDir
    Path directory;

    private Path store() {
        return directory.resolve("store");
    }

    /** The verifier key of the store each checkpoint file was signed by, as {@code checkpoint --verifier-key} says. */
    private final Map<Path, String> verifierKeys = new java.util.HashMap<>();

    private Path checkpoint(String url, String name) {
        Path file = directory.resolve(name);
        parleyExpecting(0, "checkpoint", "--store", url, "--out", file.toString());
        verifierKeys.put(file, parleyExpecting(0, "checkpoint", "--store", url, "--verifier-key").out().strip());
        return file;
    }

    private Path prove(String url, long position, Path checkpoint, String name) {
        Path file = directory.resolve(name);
        parleyExpecting(0, "prove", String.valueOf(position), "--store", url, "--checkpoint", checkpoint.toString(),
                        "--out", file.toString());
        return file;
    }

    private Result verifyProof(Path proof, Path checkpoint) {
        String key = verifierKeys.get(checkpoint);
        assertThat(key).as("the verifier key of %s", checkpoint).isNotNull();
        return parley("verify-proof", proof.toString(), checkpoint.toString(), "--verifier-key", key);
    }

    /** The root hash of a signed-note checkpoint, hex as in proofs. */
    private static String rootHex(Path checkpoint) {
        return Hashes.hex(Base64.getDecoder().decode(IntegrityCli.read(checkpoint).lines().toList().get(2)));
    }

    private Path edited(JsonNode document, String name) {
        return write(directory, name, document.toString());
    }

    @ParameterizedTest
    @EnumSource(Scenarios.class)
    void aProofOfAnEventChecksAgainstTheCheckpointInAFreshDirectoryWithTheStoreGone(Scenarios scenario)
            throws IOException {
        String url = scenario.record(store());
        List<Event> events = Tables.events(url);
        Event proven = Tables.middleEventFollowedByAnotherStream(url);
        int leafIndex = events.indexOf(events.stream().filter(e -> e.position() == proven.position()).findFirst()
                                             .orElseThrow());
        Map<Long, byte[]> leaves = Tables.recomputedLeaves(events);
        Event previous = events.stream().filter(e -> e.aggregateId().equals(proven.aggregateId())
                && e.sequence() == proven.sequence() - 1).findFirst().orElseThrow();
        Path checkpoint = checkpoint(url, "checkpoint.json");
        Path proof = directory.resolve("proof.json");
        parleyExpecting(0, "prove", String.valueOf(proven.position()), "--store", url, "--out", proof.toString());

        Path fresh = Files.createDirectories(directory.resolve("fresh"));
        Path freshProof = Files.copy(proof, fresh.resolve("proof.json"));
        Path freshCheckpoint = Files.copy(checkpoint, fresh.resolve("checkpoint.json"));
        verifierKeys.put(freshCheckpoint, verifierKeys.get(checkpoint));
        deleteTree(store());
        assertThat(store()).doesNotExist();
        boolean defaultStoreExisted = Files.exists(Path.of("parley-data"));

        Result checked = verifyProof(freshProof, freshCheckpoint);

        assertThat(checked.exitCode()).as(checked.describe()).isZero();
        assertThat(checked.out().strip()).isEqualTo(
                "Valid: the event at position " + proven.position() + " (" + proven.aggregateId() + " ["
                        + proven.sequence() + "]) is leaf " + leafIndex + " of the " + scenario.events()
                        + "-event tree the checkpoint signed.");
        assertThat(store()).as("verify-proof opened no store").doesNotExist();
        assertThat(Files.exists(Path.of("parley-data"))).as("nor the default store").isEqualTo(defaultStoreExisted);
        JsonNode document = json(freshProof);
        assertThat(document.get("position").longValue()).isEqualTo(proven.position());
        assertThat(document.get("aggregateId").textValue()).isEqualTo(proven.aggregateId());
        assertThat(document.get("sequence").longValue()).isEqualTo(proven.sequence());
        assertThat(document.get("leafIndex").longValue()).isEqualTo(leafIndex);
        assertThat(document.get("treeSize").longValue()).isEqualTo(scenario.events());
        assertThat(document.get("rootHash").textValue()).isEqualTo(rootHex(freshCheckpoint));
        assertThat(document.get("leafHash").textValue()).isEqualTo(Hashes.hex(leaves.get(proven.position())));
        assertThat(Base64.getDecoder().decode(document.get("leafInput").textValue()))
                .as("the canonical encoding of the stored event, chained onto its predecessor")
                .isEqualTo(proven.leafInput().encode(leaves.get(previous.position())));
    }

    @Test
    void everyEventOfTheShippedScenarioIsProvableAgainstOneCheckpoint() {
        String url = Scenarios.SHIPPED.record(store());
        Path checkpoint = checkpoint(url, "checkpoint.json");

        for (Event event : Tables.events(url)) {
            Path proof = prove(url, event.position(), checkpoint, "proof-" + event.position() + ".json");
            Result checked = verifyProof(proof, checkpoint);
            assertThat(checked.exitCode()).as("position %d: %s", event.position(), checked.describe()).isZero();
            assertThat(checked.out()).startsWith("Valid: the event at position " + event.position() + " ");
        }
    }

    @ParameterizedTest
    @EnumSource(Scenarios.class)
    void aProofWithOneAuditPathHashChangedIsInvalid(Scenarios scenario) {
        String url = scenario.record(store());
        Path checkpoint = checkpoint(url, "checkpoint.json");
        Path proof = prove(url, 3, checkpoint, "proof.json");
        ObjectNode document = (ObjectNode) json(proof);
        ArrayNode path = (ArrayNode) document.get("auditPath");
        assertThat(path).isNotEmpty();

        for (int index = 0; index < path.size(); index++) {
            ObjectNode changed = document.deepCopy();
            byte[] hash = HexFormat.of().parseHex(path.get(index).textValue());
            hash[hash.length - 1] ^= 0x01;
            ((ArrayNode) changed.get("auditPath")).set(index, HexFormat.of().formatHex(hash));

            Result checked = verifyProof(edited(changed, "changed-path.json"), checkpoint);

            assertThat(checked.exitCode()).as("audit path hash %d: %s", index, checked.describe())
                                           .isEqualTo(TAMPERED);
            assertThat(checked.out().strip())
                    .isEqualTo("INVALID: the audit path does not lead to the checkpoint's root");
        }
    }

    @Test
    void aProofWithAnAuditPathHashLeftOutOrAddedIsInvalid() {
        String url = Scenarios.OWN.record(store());
        Path checkpoint = checkpoint(url, "checkpoint.json");
        ObjectNode document = (ObjectNode) json(prove(url, 7, checkpoint, "proof.json"));
        ObjectNode shorter = document.deepCopy();
        ((ArrayNode) shorter.get("auditPath")).remove(0);
        ObjectNode longer = document.deepCopy();
        ((ArrayNode) longer.get("auditPath")).add(document.get("leafHash").textValue());

        for (ObjectNode changed : List.of(shorter, longer)) {
            Result checked = verifyProof(edited(changed, "changed.json"), checkpoint);
            assertThat(checked.exitCode()).as(checked.describe()).isEqualTo(TAMPERED);
            assertThat(checked.out()).startsWith("INVALID: the audit path does not lead");
        }
    }

    @ParameterizedTest
    @EnumSource(Scenarios.class)
    void aProofWithOneLeafInputByteChangedIsInvalidWhetherOrNotItsLeafHashFollows(Scenarios scenario) {
        String url = scenario.record(store());
        Path checkpoint = checkpoint(url, "checkpoint.json");
        ObjectNode document = (ObjectNode) json(prove(url, 4, checkpoint, "proof.json"));
        byte[] input = Base64.getDecoder().decode(document.get("leafInput").textValue());
        input[input.length / 2] ^= 0x20;
        ObjectNode changedInput = document.deepCopy();
        changedInput.put("leafInput", Base64.getEncoder().encodeToString(input));
        ObjectNode changedInputAndHash = changedInput.deepCopy();
        changedInputAndHash.put("leafHash", Hashes.hex(Hashes.leaf(input)));

        Result alone = verifyProof(edited(changedInput, "changed-input.json"), checkpoint);
        Result withHash = verifyProof(edited(changedInputAndHash, "changed-input-and-hash.json"), checkpoint);

        assertThat(alone.exitCode()).as(alone.describe()).isEqualTo(TAMPERED);
        assertThat(alone.out().strip())
                .isEqualTo("INVALID: the event's encoding does not hash to the proof's leaf hash");
        assertThat(withHash.exitCode()).as(withHash.describe()).isEqualTo(TAMPERED);
        assertThat(withHash.out().strip())
                .isEqualTo("INVALID: the audit path does not lead to the checkpoint's root");
    }

    @Test
    void aProofCheckedAgainstALaterCheckpointOfTheSameStoreIsForAnotherTree() {
        String url = Scenarios.SHIPPED.record(store());
        Path first = checkpoint(url, "first.json");
        Path proof = prove(url, 5, first, "proof.json");
        Path more = write(directory, "more.ndjson", """
                {"command":"OfferMediation","negotiationId":"pak-afg-talks-2025","mediator":"SAU","occurredAt":"2025-10-30","source":"Arab News"}
                """);
        parleyExpecting(0, "run", "--store", url, more.toString());
        Path later = checkpoint(url, "later.json");
        assertThat(IntegrityCli.read(later).lines().toList().get(1)).isEqualTo("14");

        Result checked = verifyProof(proof, later);

        assertThat(checked.exitCode()).as(checked.describe()).isEqualTo(TAMPERED);
        assertThat(checked.out().strip()).isEqualTo("INVALID: the proof is for another tree than the checkpoint's");
        assertThat(verifyProof(proof, first).exitCode()).as("against its own checkpoint").isZero();
        assertThat(verifyProof(prove(url, 5, later, "proof-later.json"), later).exitCode())
                .as("the same event proven again against the later checkpoint").isZero();
    }

    @Test
    void aProofRelabelledWithTheTreeOfAnotherCheckpointIsInvalid() {
        String url = Scenarios.SHIPPED.record(store());
        Path first = checkpoint(url, "first.json");
        ObjectNode proof = (ObjectNode) json(prove(url, 5, first, "proof.json"));
        String other = Scenarios.OWN.record(directory.resolve("other-store"));
        Path otherCheckpoint = checkpoint(other, "other.json");
        List<String> otherTree = IntegrityCli.read(otherCheckpoint).lines().toList();
        ObjectNode relabelled = proof.deepCopy();
        relabelled.put("treeSize", Long.parseLong(otherTree.get(1)));
        relabelled.put("rootHash", rootHex(otherCheckpoint));

        Result unchanged = verifyProof(directory.resolve("proof.json"), otherCheckpoint);
        Result checked = verifyProof(edited(relabelled, "relabelled.json"), otherCheckpoint);

        assertThat(unchanged.exitCode()).as(unchanged.describe()).isEqualTo(TAMPERED);
        assertThat(unchanged.out().strip())
                .isEqualTo("INVALID: the proof is for another tree than the checkpoint's");
        assertThat(checked.exitCode()).as(checked.describe()).isEqualTo(TAMPERED);
        assertThat(checked.out().strip())
                .isEqualTo("INVALID: the audit path does not lead to the checkpoint's root");
    }

    @Test
    void aProofCheckedAgainstACheckpointWithAnEditedSignatureIsInvalid() {
        String url = Scenarios.OWN.record(store());
        Path checkpoint = checkpoint(url, "checkpoint.json");
        Path proof = prove(url, 20, checkpoint, "proof.json");
        String note = IntegrityCli.read(checkpoint);
        String line = note.lines().toList().get(5);
        String base64 = line.substring(line.lastIndexOf(' ') + 1);
        byte[] signature = Base64.getDecoder().decode(base64);
        signature[signature.length - 1] ^= 0x01;
        Path edited = write(directory, "edited-checkpoint.json",
                            note.replace(base64, Base64.getEncoder().encodeToString(signature)));
        verifierKeys.put(edited, verifierKeys.get(checkpoint));

        Result checked = verifyProof(proof, edited);

        assertThat(checked.exitCode()).as(checked.describe()).isEqualTo(TAMPERED);
        assertThat(checked.out().strip()).isEqualTo("INVALID: the checkpoint's signature is not valid");
    }

    @Test
    void aSignedNoteCheckpointIsNotCheckedWithoutTheLogsKeyAndAnotherLogsKeyIsRefused() {
        String url = Scenarios.SHIPPED.record(store());
        Path checkpoint = checkpoint(url, "checkpoint.json");
        Path proof = prove(url, 5, checkpoint, "proof.json");
        String other = Scenarios.OWN.record(directory.resolve("other-store"));
        String otherKey = parleyExpecting(0, "checkpoint", "--store", other, "--verifier-key").out().strip();

        Result keyless = parley("verify-proof", proof.toString(), checkpoint.toString());
        Result foreign = parley("verify-proof", proof.toString(), checkpoint.toString(), "--verifier-key", otherKey);

        assertThat(keyless.exitCode()).as(keyless.describe()).isEqualTo(1);
        assertThat(keyless.err().strip()).isEqualTo("parley: a signed-note checkpoint is checked against its log's "
                                                            + "key: give --verifier-key KEY (parley checkpoint "
                                                            + "--verifier-key prints it)");
        assertThat(foreign.exitCode()).as(foreign.describe()).isEqualTo(TAMPERED);
        assertThat(foreign.out().strip())
                .isEqualTo("INVALID: the checkpoint was signed by another key than the one given");
    }

    @Test
    void provingAnEventRecordedAfterTheCheckpointFailsAndAsksForANewerOne() {
        String url = Scenarios.SHIPPED.record(store());
        Path checkpoint = checkpoint(url, "checkpoint.json");
        Path more = write(directory, "more.ndjson", """
                {"command":"OfferMediation","negotiationId":"pak-afg-talks-2025","mediator":"SAU","occurredAt":"2025-10-30","source":"Arab News"}
                """);
        parleyExpecting(0, "run", "--store", url, more.toString());

        Result proved = parley("prove", "14", "--store", url, "--checkpoint", checkpoint.toString());

        assertThat(proved.exitCode()).as(proved.describe()).isEqualTo(1);
        assertThat(proved.err()).contains("the event at position 14 came after the checkpoint of 13 events");
        assertThat(proved.out()).isEmpty();
    }

    /**
     * The proof's {@code position}, {@code aggregateId} and {@code sequence} are what {@code verify-proof} prints as
     * proven, but {@link Integrity#checkProof} only checks {@code leafInput}, {@code leafHash}, {@code leafIndex}
     * and the path: those three claims are not compared with the position, stream and sequence encoded in
     * {@code leafInput}, so a valid proof relabelled as another event still prints "Valid".
     */
    @Test
    void aProofRelabelledAsAnotherEventIsInvalid() {
        String url = Scenarios.OWN.record(store());
        Path checkpoint = checkpoint(url, "checkpoint.json");
        ObjectNode proof = (ObjectNode) json(prove(url, 3, checkpoint, "proof.json"));
        Event other = Tables.event(url, 27);
        ObjectNode relabelled = proof.deepCopy();
        relabelled.put("position", other.position());
        relabelled.put("aggregateId", other.aggregateId());
        relabelled.put("sequence", other.sequence());

        Result checked = verifyProof(edited(relabelled, "relabelled.json"), checkpoint);

        assertThat(checked.out()).doesNotContain("Valid: the event at position 27 (doha-talks");
        assertThat(checked.exitCode()).as(checked.describe()).isEqualTo(TAMPERED);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
