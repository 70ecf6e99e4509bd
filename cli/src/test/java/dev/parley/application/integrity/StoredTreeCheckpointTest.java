package dev.parley.application.integrity;

import dev.parley.application.integrity.IntegrityCli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static dev.parley.application.integrity.IntegrityCli.parley;
import static dev.parley.application.integrity.IntegrityCli.parleyExpecting;
import static dev.parley.application.integrity.IntegrityCli.read;
import static dev.parley.application.integrity.IntegrityCli.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tree kept in the store (tree_leaf, tree_node, stream_head): checkpoints extend it with what is new, proofs read
 * it, and it is derived data, rebuilt when it is missing or does not give the latest checkpoint's root.
 */
class StoredTreeCheckpointTest {

    private static final String MORE = """
            {"command":"OfferMediation","negotiationId":"doha-talks","mediator":"SAU","occurredAt":"2025-10-30","source":"Arab News"}
            {"command":"ReportIncident","incidentId":"inc-bajaur","location":"Bajaur","attackers":["TTP"],"defenders":["PAK"],"description":"raid","occurredAt":"2025-10-31","source":"Dawn"}
            """;

    @TempDir
    Path directory;

    private Path checkpoint(String url, String name) {
        Path file = directory.resolve(name);
        parleyExpecting(0, "checkpoint", "--store", url, "--out", file.toString());
        return file;
    }

    private static String root(Path checkpoint) {
        return read(checkpoint).lines().toList().get(2);
    }

    private static String verifiedRootBase64(String url) {
        String hex = parleyExpecting(0, "verify", "--store", url).out().strip().replaceFirst(".*root ", "");
        return Base64.getEncoder().encodeToString(Hashes.fromHex(hex));
    }

    @Test
    void aCheckpointAfterMoreEventsExtendsTheStoredTreeToTheRootVerifyComputes() {
        String url = Scenarios.OWN.record(directory.resolve("store"));
        Path first = checkpoint(url, "first.note");
        parleyExpecting(0, "run", "--store", url, write(directory, "more.ndjson", MORE).toString());

        Path second = checkpoint(url, "second.note");

        assertThat(read(second).lines().toList().get(1)).isEqualTo("33");
        assertThat(root(second)).isEqualTo(verifiedRootBase64(url));
        assertThat(read(second).lines().toList().get(3)).as("one more stream").startsWith("parley-heads-v1 5 ");
        assertThat(Tables.count(url, "tree_leaf")).isEqualTo(33);
        assertThat(Tables.count(url, "tree_node")).as("full subtrees of 33 leaves: 16 + 8 + 4 + 2 + 1")
                                                 .isEqualTo(31);
        assertThat(Tables.count(url, "stream_head")).isEqualTo(5);
        assertThat(parley("verify", "--store", url, "--checkpoint", first.toString()).exitCode()).isZero();
        assertThat(parley("verify", "--store", url, "--checkpoint", second.toString()).exitCode()).isZero();
    }

    @Test
    void droppedOrEditedTreeRowsAreRebuiltAndGiveTheSameProofs() {
        String url = Scenarios.OWN.record(directory.resolve("store"));
        Path checkpoint = checkpoint(url, "checkpoint.note");
        Path proof = directory.resolve("proof.json");
        parleyExpecting(0, "prove", "20", "--store", url, "--out", proof.toString());
        String before = read(proof);

        Tables.execute(url, "DELETE FROM tree_node WHERE node_level = 2");
        parleyExpecting(0, "prove", "20", "--store", url, "--out", proof.toString());
        String afterDrop = read(proof);
        Tables.execute(url, "UPDATE tree_leaf SET leaf_hash = ? WHERE leaf_index = 3", (Object) new byte[32]);
        parleyExpecting(0, "prove", "20", "--store", url, "--out", proof.toString());
        String afterEdit = read(proof);
        Tables.execute(url, "DELETE FROM tree_leaf");
        Tables.execute(url, "DELETE FROM tree_node");
        Tables.execute(url, "DELETE FROM stream_head");
        Path again = checkpoint(url, "again.note");

        assertThat(afterDrop).isEqualTo(before);
        assertThat(afterEdit).isEqualTo(before);
        assertThat(root(again)).isEqualTo(root(checkpoint));
        assertThat(read(again).lines().toList().get(3)).isEqualTo(read(checkpoint).lines().toList().get(3));
        assertThat(Tables.count(url, "tree_leaf")).isEqualTo(31);
    }

    @Test
    void anEventRewrittenBeforeTheCheckpointIsFoundByVerifyAndByARebuiltTreeNotByTheNextCheckpoint() {
        String url = Scenarios.OWN.record(directory.resolve("store"));
        checkpoint(url, "checkpoint.note");
        Tables.Event third = Tables.events(url).get(2);
        Tables.execute(url, "UPDATE domain_event_entry SET payload = ? WHERE global_index = ?",
                       Tables.withOneByteAltered(third.payload()), third.position());
        parleyExpecting(0, "run", "--store", url, write(directory, "more.ndjson", MORE).toString());

        Result incremental = parley("checkpoint", "--store", url, "--out", directory.resolve("next.note").toString());
        Result verified = parley("verify", "--store", url);
        Tables.execute(url, "DELETE FROM tree_node");
        Result rebuilt = parley("checkpoint", "--store", url);

        assertThat(incremental.exitCode()).as("only the two new events are verified: documented").isZero();
        assertThat(verified.exitCode()).isEqualTo(3);
        assertThat(verified.out()).startsWith("TAMPERED: position " + third.position());
        assertThat(rebuilt.exitCode()).as(rebuilt.describe()).isEqualTo(3);
        assertThat(rebuilt.err()).startsWith("parley: refusing to sign: position " + third.position());
        assertThat(List.of(incremental.err(), rebuilt.err())).allSatisfy(IntegrityCli::assertNoStackTrace);
    }

    @Test
    void aNewEventWhoseHashWasForgedIsNotSigned() {
        String url = Scenarios.OWN.record(directory.resolve("store"));
        checkpoint(url, "checkpoint.note");
        parleyExpecting(0, "run", "--store", url, write(directory, "more.ndjson", MORE).toString());
        long last = Tables.events(url).get(32).position();
        Tables.execute(url, "UPDATE event_hash SET leaf_hash = ? WHERE global_index = ?", new byte[32], last);

        Result signed = parley("checkpoint", "--store", url);

        assertThat(signed.exitCode()).isEqualTo(3);
        assertThat(signed.err()).startsWith("parley: refusing to sign: position " + last)
                                .contains("does not match its hash");
        assertThat(Tables.count(url, "tree_leaf")).as("nothing of it kept").isEqualTo(31);
    }
}
