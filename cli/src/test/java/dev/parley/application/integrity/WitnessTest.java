package dev.parley.application.integrity;

import dev.parley.application.integrity.IntegrityCli.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static dev.parley.application.integrity.IntegrityCli.parley;
import static dev.parley.application.integrity.IntegrityCli.parleyExpecting;
import static dev.parley.application.integrity.IntegrityCli.read;
import static dev.parley.application.integrity.IntegrityCli.storeUrl;
import static dev.parley.application.integrity.IntegrityCli.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checkpoints as C2SP signed notes, witnessed: {@code parley witness add-checkpoint} cosigns a checkpoint only when
 * it extends what that witness cosigned before, and {@code verify} / {@code verify-proof} ask for a quorum of
 * cosignatures. Real H2 stores, the CLI run in-process.
 */
class WitnessTest {

    private static final int TAMPERED = 3;

    @TempDir
    Path directory;

    private Path keys;
    private String url;
    private String logKey;

    @BeforeEach
    void recordALog() {
        keys = directory.resolve("log-keys");
        url = Scenarios.SHIPPED.record(directory.resolve("store"));
        logKey = parleyExpecting(0, "checkpoint", "--store", url, "--keys", keys.toString(), "--verifier-key")
                .out().strip();
    }

    private Path checkpoint(String store, String name) {
        Path file = directory.resolve(name);
        parleyExpecting(0, "checkpoint", "--store", store, "--keys", keys.toString(), "--out", file.toString());
        return file;
    }

    private Path request(String store, Path checkpoint, long from, String name) {
        Path file = directory.resolve(name);
        parleyExpecting(0, "prove", "--store", store, "--keys", keys.toString(), "--consistency-from",
                        String.valueOf(from), "--checkpoint", checkpoint.toString(), "--out", file.toString());
        return file;
    }

    private String witnessKey(String witness) {
        return parleyExpecting(0, "witness", "verifier-key", "--witness-dir", directory.resolve(witness).toString(),
                               "--name", "witness.example/" + witness).out().strip();
    }

    private Result cosign(String witness, Path request, String out) {
        return parley("witness", "add-checkpoint", request.toString(), "--witness-dir",
                      directory.resolve(witness).toString(), "--log-key", logKey, "--out",
                      directory.resolve(out).toString());
    }

    private Path cosigned(String witness, Path request, String out) {
        Result result = cosign(witness, request, out);
        assertThat(result.exitCode()).as(result.describe()).isZero();
        return directory.resolve(out);
    }

    private void grow(String store, String mediator) {
        Path more = write(directory, "more-" + mediator + ".ndjson", "{\"command\":\"OfferMediation\","
                + "\"negotiationId\":\"pak-afg-talks-2025\",\"mediator\":\"" + mediator + "\",\"occurredAt\":"
                + "\"2025-10-30\",\"source\":\"Arab News\"}\n");
        parleyExpecting(0, "run", "--store", store, more.toString());
    }

    private byte[] state(String witness) throws IOException {
        return Files.readAllBytes(directory.resolve(witness).resolve("state.json"));
    }

    @Test
    void theCheckpointIsASignedNoteOfOriginSizeAndBase64RootThatTheLogsVerifierKeyVerifies() {
        Path checkpoint = checkpoint(url, "checkpoint.note");

        SignedCheckpoint signed = SignedCheckpoint.parse(read(checkpoint));
        VerifierKey key = VerifierKey.parse(logKey);

        assertThat(signed.checkpoint().origin()).matches("parley/[0-9a-f]{16}").isEqualTo(key.name());
        assertThat(signed.treeSize()).isEqualTo(13);
        assertThat(Hashes.hex(signed.root())).isEqualTo(parleyExpecting(0, "verify", "--store", url).out().strip()
                                                                .replaceFirst(".*root ", ""));
        assertThat(signed.note().signatures()).hasSize(1);
        assertThat(signed.note().check(key)).isEqualTo(SignedNote.Check.VERIFIED);
        assertThat(signed.checkpoint().extensions()).singleElement().asString()
                .as("the commitment to the stream heads, an extension line stock verifiers ignore")
                .matches("parley-heads-v1 2 [A-Za-z0-9+/]{43}=");
        assertThat(read(checkpoint)).isEqualTo(signed.checkpoint().origin() + "\n13\n"
                                                       + Base64.getEncoder().encodeToString(signed.root())
                                                       + "\n" + signed.checkpoint().extensions().get(0)
                                                       + "\n\n\u2014 " + key.name() + " "
                                                       + signed.note().signatures().get(0).base64() + "\n");
        assertThat(parley("verify", "--store", url, "--keys", keys.toString(), "--checkpoint",
                          checkpoint.toString()).exitCode()).isZero();
    }

    @Test
    void aLogKeepsItsOriginAndAnotherOneAskedForIsRefused() {
        Path named = directory.resolve("named.note");
        String other = Scenarios.OWN.record(directory.resolve("other"));
        parleyExpecting(0, "checkpoint", "--store", other, "--keys", directory.resolve("other-keys").toString(),
                        "--origin", "example.org/parley/own", "--out", named.toString());
        assertThat(read(named)).startsWith("example.org/parley/own\n31\n");

        Result again = parley("checkpoint", "--store", other, "--keys", directory.resolve("other-keys").toString(),
                              "--origin", "example.org/parley/renamed");
        Result bad = parley("checkpoint", "--store", other, "--origin", "has space");

        assertThat(again.exitCode()).as(again.describe()).isEqualTo(1);
        assertThat(again.err().strip()).isEqualTo("parley: this store's checkpoints are of the log "
                                                          + "example.org/parley/own, not example.org/parley/renamed: a "
                                                          + "log keeps its origin");
        assertThat(bad.exitCode()).as(bad.describe()).isEqualTo(1);
        assertThat(bad.err()).contains("an origin is a key name");
        IntegrityCli.assertNoStackTrace(again.err() + bad.err());
        assertThat(parleyExpecting(0, "checkpoint", "--store", other, "--keys",
                                   directory.resolve("other-keys").toString(), "--verifier-key").out())
                .startsWith("example.org/parley/own+");
    }

    @Test
    void aWitnessCosignsTheFirstCheckpointAndEachThatProvablyExtendsItAndKeepsItsState() throws IOException {
        String w1 = witnessKey("w1");
        Path first = checkpoint(url, "first.note");
        Path firstCosigned = cosigned("w1", request(url, first, 0, "first.request"), "first-w1.note");
        assertThat(read(request(url, first, 0, "again.request"))).startsWith("old 0\n\n" + read(first).lines()
                                                                                                 .findFirst()
                                                                                                 .orElseThrow());
        grow(url, "SAU");
        Path second = checkpoint(url, "second.note");
        Path request = request(url, second, 13, "second.request");
        assertThat(read(request).lines().toList().get(0)).isEqualTo("old 13");

        Path secondCosigned = cosigned("w1", request, "second-w1.note");

        SignedCheckpoint signed = SignedCheckpoint.parse(read(secondCosigned));
        assertThat(signed.treeSize()).isEqualTo(14);
        assertThat(signed.note().signatures()).hasSize(2);
        assertThat(signed.note().check(VerifierKey.parse(w1))).isEqualTo(SignedNote.Check.VERIFIED);
        assertThat(signed.note().check(VerifierKey.parse(logKey))).isEqualTo(SignedNote.Check.VERIFIED);
        assertThat(Cosignature.fromOrNull(signed.note().signatures().get(1)).timestamp()).isPositive();
        assertThat(new String(state("w1"))).contains("\"treeSize\":14").contains(signed.checkpoint().origin());
        assertThat(parley("verify", "--store", url, "--keys", keys.toString(), "--checkpoint",
                          firstCosigned.toString(), "--witness", w1).exitCode()).isZero();
    }

    /** Two stores that share a log's key and origin diverge after 13 events: a split view. */
    @Test
    void aSplitViewTwoCheckpointsOfTheSameSizeWithDifferentRootsIsRefusedWithExit3AndTheStateKept()
            throws IOException {
        witnessKey("w1");
        cosigned("w1", request(url, checkpoint(url, "first.note"), 0, "first.request"), "first-w1.note");
        Path fork = Files.createDirectories(directory.resolve("fork"));
        Files.copy(directory.resolve("store").resolve("parley.mv.db"), fork.resolve("parley.mv.db"));
        String forkUrl = storeUrl(fork);
        grow(url, "SAU");
        grow(forkUrl, "IRN");
        Path honest = checkpoint(url, "honest.note");
        Path forked = checkpoint(forkUrl, "forked.note");
        assertThat(read(honest).lines().limit(2).toList()).isEqualTo(read(forked).lines().limit(2).toList());
        assertThat(read(honest).lines().toList().get(2)).isNotEqualTo(read(forked).lines().toList().get(2));
        cosigned("w1", request(url, honest, 13, "honest.request"), "honest-w1.note");
        byte[] before = state("w1");

        Result fromSame = cosign("w1", request(forkUrl, forked, 14, "forked-14.request"), "forked-w1.note");
        Result fromOld = cosign("w1", request(forkUrl, forked, 13, "forked-13.request"), "forked-w1.note");

        assertThat(fromSame.exitCode()).as(fromSame.describe()).isEqualTo(TAMPERED);
        assertThat(fromSame.err()).contains("has the 14 events this witness cosigned but another root: a split view");
        assertThat(fromOld.exitCode()).as("a proof from a size the witness is past").isEqualTo(1);
        assertThat(fromOld.err()).contains("this witness last cosigned 14 events");
        assertThat(state("w1")).isEqualTo(before);
        assertThat(directory.resolve("forked-w1.note")).doesNotExist();
    }

    @Test
    void aSmallerTreeAfterALargerOneAndABadProofAreRefusedWithExit3() throws IOException {
        witnessKey("w1");
        Path first = checkpoint(url, "first.note");
        grow(url, "SAU");
        Path second = checkpoint(url, "second.note");
        cosigned("w1", request(url, second, 0, "second.request"), "second-w1.note");
        grow(url, "IRN");
        Path third = checkpoint(url, "third.note");
        byte[] before = state("w1");

        Result smaller = cosign("w1", write(directory, "rollback.request", "old 14\n\n" + read(first)),
                                "rollback.note");
        List<String> lines = new ArrayList<>(read(request(url, third, 14, "third.request")).lines().toList());
        byte[] hash = Base64.getDecoder().decode(lines.get(1));
        hash[0] ^= 1;
        lines.set(1, Base64.getEncoder().encodeToString(hash));
        Result badProof = cosign("w1", write(directory, "bad.request", String.join("\n", lines) + "\n"), "bad.note");

        assertThat(smaller.exitCode()).as(smaller.describe()).isEqualTo(TAMPERED);
        assertThat(smaller.err()).contains("has 13 events, fewer than the 14 this witness cosigned");
        assertThat(badProof.exitCode()).as(badProof.describe()).isEqualTo(TAMPERED);
        assertThat(badProof.err()).contains("the consistency proof fails");
        assertThat(state("w1")).isEqualTo(before);
        IntegrityCli.assertNoStackTrace(smaller.err() + badProof.err());
        assertThat(cosign("w1", request(url, third, 14, "third.request"), "third-w1.note").exitCode())
                .as("the honest proof still goes through").isZero();
    }

    @Test
    void aCheckpointNotSignedByTheLogsKeyIsRefused() {
        witnessKey("w1");
        String other = Scenarios.OWN.record(directory.resolve("other"));
        Path foreign = directory.resolve("foreign.note");
        parleyExpecting(0, "checkpoint", "--store", other, "--keys", directory.resolve("other-keys").toString(),
                        "--out", foreign.toString());

        Result refused = cosign("w1", write(directory, "foreign.request", "old 0\n\n" + read(foreign)), "x.note");

        assertThat(refused.exitCode()).as(refused.describe()).isEqualTo(TAMPERED);
        assertThat(refused.err()).contains("is not signed by a log key this witness was given");
    }

    @Test
    void aQuorumCountsValidCosignaturesOfDistinctGivenWitnessesOnly() {
        String w1 = witnessKey("w1");
        String w2 = witnessKey("w2");
        String unknown = witnessKey("w3");
        Path checkpoint = checkpoint(url, "checkpoint.note");
        Path byOne = cosigned("w1", request(url, checkpoint, 0, "r1.request"), "w1.note");
        Path byTwo = cosigned("w2", request(url, byOne, 0, "r2.request"), "w1-w2.note");
        Path byOneAndUnknown = cosigned("w3", request(url, byOne, 0, "r3.request"), "w1-w3.note");
        Path proof = directory.resolve("proof.json");
        parleyExpecting(0, "prove", "5", "--store", url, "--keys", keys.toString(), "--checkpoint",
                        byTwo.toString(), "--out", proof.toString());

        assertThat(verify(byTwo, "--witness", w1, "--witness", w2, "--quorum", "2").exitCode()).isZero();
        assertThat(verify(byTwo, "--witness", w1, "--witness", w2).exitCode()).as("all by default").isZero();
        Result unmet = verify(byOneAndUnknown, "--witness", w1, "--witness", w2, "--quorum", "2");
        assertThat(unmet.exitCode()).as(unmet.describe()).isEqualTo(TAMPERED);
        assertThat(unmet.out().strip()).isEqualTo("TAMPERED: the checkpoint has 1 valid cosignature of the "
                                                          + "witnesses given, fewer than the quorum of 2");
        assertThat(verify(byOneAndUnknown, "--witness", w1, "--witness", unknown, "--quorum", "2").exitCode())
                .as("w3 given: its cosignature counts").isZero();
        Result duplicated = verify(byOne, "--witness", w1, "--witness", w1, "--quorum", "2");
        assertThat(duplicated.exitCode()).as("one witness given twice is one").isEqualTo(1);
        assertThat(duplicated.err()).contains("--quorum is 1 to the 1 distinct witnesses given, not 2");

        Result proven = parley("verify-proof", proof.toString(), byTwo.toString(), "--verifier-key", logKey,
                               "--witness", w1, "--witness", w2, "--quorum", "2");
        assertThat(proven.exitCode()).as(proven.describe()).isZero();
        Result provenUnmet = parley("verify-proof", proof.toString(), byOne.toString(), "--verifier-key", logKey,
                                    "--witness", w1, "--witness", w2, "--quorum", "2");
        assertThat(provenUnmet.exitCode()).as(provenUnmet.describe()).isEqualTo(TAMPERED);
        assertThat(provenUnmet.out()).contains("fewer than the quorum of 2");
    }

    @Test
    void aTamperedCosignatureRejectsTheCheckpoint() {
        String w1 = witnessKey("w1");
        Path cosigned = cosigned("w1", request(url, checkpoint(url, "checkpoint.note"), 0, "r.request"), "w1.note");
        String note = read(cosigned);
        String line = note.lines().toList().get(6);
        String base64 = line.substring(line.lastIndexOf(' ') + 1);
        byte[] bytes = Base64.getDecoder().decode(base64);
        bytes[bytes.length - 1] ^= 1;
        Path tampered = write(directory, "tampered.note", note.replace(base64,
                                                                       Base64.getEncoder().encodeToString(bytes)));
        bytes = Base64.getDecoder().decode(base64);
        bytes[11] ^= 1;
        Path retimed = write(directory, "retimed.note", note.replace(base64,
                                                                     Base64.getEncoder().encodeToString(bytes)));

        for (Path edited : List.of(tampered, retimed)) {
            Result checked = verify(edited, "--witness", w1);
            assertThat(checked.exitCode()).as(checked.describe()).isEqualTo(TAMPERED);
            assertThat(checked.out().strip())
                    .isEqualTo("TAMPERED: a cosignature of a witness given does not verify (tampered)");
        }
        assertThat(verify(cosigned, "--witness", w1).exitCode()).isZero();
    }

    @Test
    void aLogKeyGivenAsAWitnessAndAQuorumWithoutWitnessesAreUsageErrors() {
        Path checkpoint = checkpoint(url, "checkpoint.note");

        Result logAsWitness = verify(checkpoint, "--witness", logKey);
        Result quorumAlone = verify(checkpoint, "--quorum", "1");
        Result badKey = verify(checkpoint, "--witness", "not-a-key");

        assertThat(List.of(logAsWitness.exitCode(), quorumAlone.exitCode(), badKey.exitCode())).containsOnly(1);
        assertThat(logAsWitness.err()).contains("a witness's verifier key has signature type 0x04");
        assertThat(quorumAlone.err()).contains("--quorum needs the witnesses' keys");
        assertThat(badKey.err()).contains("not a verifier key");
        IntegrityCli.assertNoStackTrace(logAsWitness.err() + quorumAlone.err() + badKey.err());
    }

    private Result verify(Path checkpoint, String... witnessOptions) {
        List<String> args = new ArrayList<>(List.of("verify", "--store", url, "--keys", keys.toString(),
                                                    "--checkpoint", checkpoint.toString()));
        args.addAll(List.of(witnessOptions));
        return parley(args.toArray(String[]::new));
    }
}
