package dev.parley.application.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.application.integrity.IntegrityCli.Result;
import dev.parley.application.integrity.Tables.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static dev.parley.application.integrity.IntegrityCli.json;
import static dev.parley.application.integrity.IntegrityCli.parleyExpecting;
import static dev.parley.application.integrity.IntegrityCli.storeUrl;
import static dev.parley.application.integrity.IntegrityCli.verify;
import static dev.parley.application.integrity.IntegrityCli.verifyJson;
import static dev.parley.application.integrity.IntegrityCli.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code parley verify} over a store altered with plain SQL behind Parley's back: every alteration is exit 3, named by
 * position and stream in the text and in {@code --json}; the alterations a consistent rewrite hides are caught by
 * {@code --checkpoint}.
 */
class TamperDetectionTest {

    private static final int TAMPERED = 3;
    private static final String MISMATCH = "the stored event does not match its hash (altered, swapped or forged)";

    @TempDir
    Path directory;

    private String record(Scenarios scenario) {
        return scenario.record(directory.resolve("store"));
    }

    /** Verify, in text and in JSON, reports exit 3 at {@code position} of {@code stream}, for {@code what}. */
    private static void assertTamperedAt(String url, long position, String stream, String what) {
        Result text = verify(url);
        assertThat(text.exitCode()).as(text.describe()).isEqualTo(TAMPERED);
        assertThat(text.out().strip()).as(text.describe())
                                      .isEqualTo("TAMPERED: position " + position + " (stream " + stream + "): "
                                                         + what);

        JsonNode outcome = verifyJson(url, TAMPERED);
        assertThat(outcome.get("intact").booleanValue()).isFalse();
        assertThat(outcome.get("firstBadPosition").longValue()).isEqualTo(position);
        assertThat(outcome.get("stream").textValue()).isEqualTo(stream);
        assertThat(outcome.get("problem").textValue()).isEqualTo(what);
        assertThat(outcome.get("rootHash").isNull()).as("no root of a tampered history").isTrue();
    }

    private Path checkpoint(String url, String name, String... options) {
        Path file = directory.resolve(name);
        List<String> args = new ArrayList<>(List.of("checkpoint", "--store", url, "--out", file.toString()));
        args.addAll(List.of(options));
        parleyExpecting(0, args.toArray(String[]::new));
        return file;
    }

    @ParameterizedTest
    @EnumSource(Scenarios.class)
    void anUntouchedStoreIsIntactWithExitZeroAndTheSameRootInTextAndJson(Scenarios scenario) {
        String url = record(scenario);

        Result text = verify(url);

        assertThat(text.exitCode()).as(text.describe()).isZero();
        assertThat(text.out()).matches("(?s)Intact: " + scenario.events()
                                               + " events verified in [0-9.]+ s \\(\\d+ events/s\\), root [0-9a-f]{64}\\R");
        String root = text.out().strip().replaceFirst(".*root ", "");
        JsonNode outcome = verifyJson(url, 0);
        assertThat(outcome.get("intact").booleanValue()).isTrue();
        assertThat(outcome.get("events").longValue()).isEqualTo(scenario.events());
        assertThat(outcome.get("rootHash").textValue()).isEqualTo(root);
        assertThat(outcome.get("firstBadPosition").isNull()).isTrue();
        assertThat(outcome.get("stream").isNull()).isTrue();
        assertThat(outcome.get("problem").isNull()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Scenarios.class)
    void aPayloadWithOneByteChangedInTheDatabaseIsReportedAtItsPositionAndStream(Scenarios scenario) {
        String url = record(scenario);
        List<Event> events = Tables.events(url);
        Event target = events.get(events.size() / 2);
        byte[] altered = Tables.withOneByteAltered(target.payload());
        assertThat(differingBytes(target.payload(), altered)).isEqualTo(1);

        assertThat(Tables.execute(url, "UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", altered,
                                  target.position())).isEqualTo(1);

        assertTamperedAt(url, target.position(), target.aggregateId(), MISMATCH);
    }

    @Test
    void anActorChangedInTheStoredMetadataIsReportedAtItsPosition() {
        String url = record(Scenarios.OWN);
        Event analyst = Tables.first(url, event -> new String(event.metaData(), StandardCharsets.UTF_8)
                .contains("\"actor\":\"analyst\""));
        byte[] metaData = new String(analyst.metaData(), StandardCharsets.UTF_8)
                .replace("\"actor\":\"analyst\"", "\"actor\":\"analysT\"").getBytes(StandardCharsets.UTF_8);

        Tables.execute(url, "UPDATE domain_event_entry SET meta_data = ? WHERE global_index = ?", metaData,
                       analyst.position());

        assertTamperedAt(url, analyst.position(), "doha-talks", MISMATCH);
    }

    @ParameterizedTest
    @EnumSource(Scenarios.class)
    void anEventDeletedFromTheMiddleOfAStreamIsReportedAtTheDeletedPositionWhileItsHashRemains(Scenarios scenario) {
        String url = record(scenario);
        Event deleted = Tables.middleEventFollowedByAnotherStream(url);

        assertThat(Tables.execute(url, "DELETE FROM domain_event_entry WHERE global_index = ?",
                                  deleted.position())).isEqualTo(1);

        assertTamperedAt(url, deleted.position(), deleted.aggregateId(),
                         "the event hashed at this position was deleted");
    }

    @ParameterizedTest
    @EnumSource(Scenarios.class)
    void anEventDeletedWithItsHashIsReportedAtTheNextEventOfItsStreamNotAtTheNextPosition(Scenarios scenario) {
        String url = record(scenario);
        List<Event> events = Tables.events(url);
        Event deleted = Tables.middleEventFollowedByAnotherStream(url);
        Event next = Tables.nextOfStream(events, deleted);
        assertThat(next.position()).as("another stream's event lies between").isGreaterThan(deleted.position() + 1);

        Tables.alter(url, connection -> {
            Tables.execute(connection, "DELETE FROM domain_event_entry WHERE global_index = ?", deleted.position());
            Tables.execute(connection, "DELETE FROM event_hash WHERE global_index = ?", deleted.position());
        });

        assertTamperedAt(url, next.position(), deleted.aggregateId(),
                         "sequence " + next.sequence() + " where the stream continues with " + deleted.sequence()
                                 + " (events deleted or reordered)");
    }

    @ParameterizedTest
    @EnumSource(Scenarios.class)
    void twoEventsOfAStreamSwappedByPositionAreReportedAtTheFirstSwappedPosition(Scenarios scenario) {
        String url = record(scenario);
        List<Event> events = Tables.events(url);
        Event first = Tables.middleEventFollowedByAnotherStream(url);
        Event second = Tables.nextOfStream(events, first);

        Tables.alter(url, connection -> {
            String move = "UPDATE domain_event_entry SET global_index = ? WHERE global_index = ?";
            Tables.execute(connection, move, -1L, first.position());
            Tables.execute(connection, move, first.position(), second.position());
            Tables.execute(connection, move, second.position(), -1L);
        });
        assertThat(Tables.event(url, first.position()).eventIdentifier()).isEqualTo(second.eventIdentifier());

        assertTamperedAt(url, first.position(), first.aggregateId(),
                         "sequence " + second.sequence() + " where the stream continues with " + first.sequence()
                                 + " (events deleted or reordered)");
    }

    @ParameterizedTest
    @EnumSource(Scenarios.class)
    void thePayloadsAndMetadataOfTwoEventsOfDifferentStreamsSwappedAreReportedAtTheFirst(Scenarios scenario) {
        String url = record(scenario);
        List<Event> events = Tables.events(url);
        Event first = events.get(1);
        Event second = events.stream().filter(event -> event.position() > first.position()
                && !event.aggregateId().equals(first.aggregateId())).findFirst().orElseThrow();

        Tables.alter(url, connection -> {
            String swap = "UPDATE domain_event_entry SET payload = ?, meta_data = ? WHERE global_index = ?";
            Tables.execute(connection, swap, second.payload(), second.metaData(), first.position());
            Tables.execute(connection, swap, first.payload(), first.metaData(), second.position());
        });

        assertTamperedAt(url, first.position(), first.aggregateId(), MISMATCH);
    }

    @ParameterizedTest
    @EnumSource(Scenarios.class)
    void aForgedEventAtTheEndOfAStreamWithItsOwnHashChainedWronglyIsReportedAtTheForgedPosition(
            Scenarios scenario) {
        String url = record(scenario);
        List<Event> events = Tables.events(url);
        String stream = Tables.middleEventFollowedByAnotherStream(url).aggregateId();
        List<Event> ofStream = Tables.stream(url, stream);
        Event last = ofStream.get(ofStream.size() - 1);
        long free = events.get(events.size() - 1).position() + 1;
        Event forged = new Event(free, last.aggregateType(), stream, last.sequence() + 1,
                                 UUID.randomUUID().toString(), last.payloadType(), last.payloadRevision(),
                                 events.get(events.size() - 1).timestamp(), Tables.withOneByteAltered(last.payload()),
                                 last.metaData());
        byte[] hashedAsFirstOfItsStream = forged.leafInput().leafHash(Hashes.NONE);

        insert(url, forged, hashedAsFirstOfItsStream);

        assertTamperedAt(url, free, stream, MISMATCH);
    }

    @Test
    void aForgedEventInsertedWithoutAHashIsReportedAtItsPosition() {
        String url = record(Scenarios.OWN);
        List<Event> torkham = Tables.stream(url, "inc-torkham");
        Event last = torkham.get(torkham.size() - 1);
        Event forged = new Event(32, last.aggregateType(), "inc-torkham", last.sequence() + 1,
                                 UUID.randomUUID().toString(), last.payloadType(), last.payloadRevision(),
                                 last.timestamp(), last.payload(), last.metaData());

        Tables.execute(url, "INSERT INTO domain_event_entry (global_index, type, aggregate_identifier,"
                               + " sequence_number, event_identifier, payload_type, payload_revision, time_stamp, payload,"
                               + " meta_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", forged.position(),
                       forged.aggregateType(), forged.aggregateId(), forged.sequence(), forged.eventIdentifier(),
                       forged.payloadType(), forged.payloadRevision(), forged.timestamp(), forged.payload(),
                       forged.metaData());

        assertTamperedAt(url, 32, "inc-torkham", "an event without its hash: inserted, or its hash deleted");
    }

    @Test
    void aHashRowDeletedLeavesItsEventReportedAsUnhashedAtItsPosition() {
        String url = record(Scenarios.SHIPPED);

        Tables.execute(url, "DELETE FROM event_hash WHERE global_index = 8");

        assertTamperedAt(url, 8, "pak-afg-border-posts-2025-10-12", "an event without its hash: inserted, or its hash deleted");
    }

    /**
     * A forger who fills a gap in the positions (PostgreSQL sequences leave them; here the H2 identity is restarted
     * further on between two runs) with an event chained correctly onto its predecessor, and shifts the sequence of
     * the stream's later events, but cannot recompute the next event's hash without rewriting the rest of the
     * stream: the forged event itself verifies, and the stream breaks at its next event.
     */
    @Test
    void aForgedEventInAGapChainedOntoItsPredecessorBreaksTheChainAtTheNextEventOfItsStream() {
        Path store = directory.resolve("store");
        String url = storeUrl(store);
        List<String> lines = Scenarios.OWN_SCENARIO.lines().toList();
        Path firstHalf = write(store, "first.ndjson", String.join("\n", lines.subList(0, 14)) + "\n");
        Path secondHalf = write(store, "second.ndjson", String.join("\n", lines.subList(14, lines.size())) + "\n");
        parleyExpecting(0, "run", "--store", url, firstHalf.toString());
        Tables.execute(url, "ALTER TABLE domain_event_entry ALTER COLUMN global_index RESTART WITH 100");
        parleyExpecting(0, "run", "--store", url, secondHalf.toString());
        assertThat(verify(url).exitCode()).as("a gap in the positions is no tampering").isZero();

        List<Event> chaman = Tables.stream(url, "inc-chaman");
        Event before = chaman.stream().filter(event -> event.position() < 100).reduce((a, b) -> b).orElseThrow();
        Event after = Tables.nextOfStream(chaman, before);
        assertThat(after.position()).isGreaterThanOrEqualTo(100);
        long gap = 50;
        byte[] previousLeaf = Tables.hashes(url).stream().filter(hash -> hash.position() == before.position())
                                    .findFirst().orElseThrow().leafHash();
        Event forged = new Event(gap, before.aggregateType(), "inc-chaman", before.sequence() + 1,
                                 UUID.randomUUID().toString(), before.payloadType(), before.payloadRevision(),
                                 before.timestamp(), Tables.withOneByteAltered(before.payload()), before.metaData());

        Tables.alter(url, connection -> {
            for (int index = chaman.size() - 1; index >= 0 && chaman.get(index).position() > gap; index--) {
                Event later = chaman.get(index);
                Tables.execute(connection, "UPDATE domain_event_entry SET sequence_number = ? WHERE global_index = ?",
                               later.sequence() + 1, later.position());
                Tables.execute(connection, "UPDATE event_hash SET sequence_number = ? WHERE global_index = ?",
                               later.sequence() + 1, later.position());
            }
            insert(connection, forged, forged.leafInput().leafHash(previousLeaf));
        });

        assertTamperedAt(url, after.position(), "inc-chaman", MISMATCH);
    }

    /** Checkpoint, then delete the last two events and their hashes: the shortened history is consistent alone. */
    @ParameterizedTest
    @EnumSource(Scenarios.class)
    void aTailTruncatedAfterACheckpointPassesPlainVerifyButNotVerifyAgainstTheCheckpoint(Scenarios scenario) {
        String url = record(scenario);
        Path checkpoint = checkpoint(url, "checkpoint.json");
        int events = scenario.events();

        Tables.alter(url, connection -> {
            Tables.execute(connection, "DELETE FROM domain_event_entry WHERE global_index > ?", events - 2);
            Tables.execute(connection, "DELETE FROM event_hash WHERE global_index > ?", events - 2);
        });

        Result plain = verify(url);
        assertThat(plain.exitCode()).as(plain.describe()).isZero();
        assertThat(plain.out()).startsWith("Intact: " + (events - 2) + " events verified");
        Result against = verify(url, "--checkpoint", checkpoint.toString());
        assertThat(against.exitCode()).as(against.describe()).isEqualTo(TAMPERED);
        String truncated = "the history was truncated: the checkpoint holds " + events + " events, the store "
                + (events - 2);
        assertThat(against.out().strip()).isEqualTo("TAMPERED: " + truncated);
        JsonNode outcome = verifyJson(url, TAMPERED, "--checkpoint", checkpoint.toString());
        assertThat(outcome.get("intact").booleanValue()).isFalse();
        assertThat(outcome.get("problem").textValue()).isEqualTo(truncated);
        assertThat(outcome.get("checkpointTreeSize").longValue()).isEqualTo(events);
        assertThat(outcome.get("checkpointConsistent").booleanValue()).isFalse();
        assertThat(outcome.get("firstBadPosition").isNull())
                .as("a checkpoint holds no positions: the truncation is named, not placed").isTrue();
    }

    @ParameterizedTest
    @EnumSource(Scenarios.class)
    void aHistoryRewrittenBeforeTheCheckpointWithEveryHashRecomputedFailsOnlyAgainstTheCheckpoint(
            Scenarios scenario) {
        String url = record(scenario);
        Path checkpoint = checkpoint(url, "checkpoint.json");
        Event rewritten = Tables.event(url, 2);

        Tables.alter(url, connection -> {
            Tables.execute(connection, "UPDATE domain_event_entry SET payload = ? WHERE global_index = 2",
                           Tables.withOneByteAltered(rewritten.payload()));
            Tables.rehashEverything(connection);
        });

        Result plain = verify(url);
        assertThat(plain.exitCode()).as("a consistent rewrite is invisible without a checkpoint; %s",
                                        plain.describe()).isZero();
        Result against = verify(url, "--checkpoint", checkpoint.toString());
        assertThat(against.exitCode()).as(against.describe()).isEqualTo(TAMPERED);
        String rewrite = "the first " + scenario.events() + " events were rewritten since the checkpoint"
                + " (no consistency proof)";
        assertThat(against.out().strip()).isEqualTo("TAMPERED: " + rewrite);
        JsonNode outcome = verifyJson(url, TAMPERED, "--checkpoint", checkpoint.toString());
        assertThat(outcome.get("intact").booleanValue()).isFalse();
        assertThat(outcome.get("checkpointConsistent").booleanValue()).isFalse();
        assertThat(outcome.get("problem").textValue()).isEqualTo(rewrite);
    }

    @Test
    void aStoreThatGrewAfterItsCheckpointIsAnAppendOnlyExtensionUntilItsPrefixIsRewritten() {
        String url = record(Scenarios.SHIPPED);
        Path checkpoint = checkpoint(url, "checkpoint.json");
        Path more = write(directory, "more.ndjson", """
                {"command":"OfferMediation","negotiationId":"pak-afg-talks-2025","mediator":"SAU","occurredAt":"2025-10-30","source":"Arab News"}
                {"command":"ReportViolation","incidentId":"pak-afg-border-posts-2025-10-12","by":"TTP","description":"attack on a checkpost","occurredAt":"2025-10-31","source":"ISPR"}
                """);
        parleyExpecting(0, "run", "--store", url, more.toString());

        Result grown = verify(url, "--checkpoint", checkpoint.toString());
        assertThat(grown.exitCode()).as(grown.describe()).isZero();
        assertThat(grown.out()).startsWith("Intact: 15 events verified")
                               .contains("an append-only extension of the checkpoint of 13 events");
        JsonNode consistent = verifyJson(url, 0, "--checkpoint", checkpoint.toString());
        assertThat(consistent.get("checkpointConsistent").booleanValue()).isTrue();

        Tables.alter(url, connection -> {
            Tables.execute(connection, "UPDATE domain_event_entry SET payload = ? WHERE global_index = 4",
                           Tables.withOneByteAltered(Tables.event(url, 4).payload()));
            Tables.rehashEverything(connection);
        });

        assertThat(verify(url).exitCode()).isZero();
        Result rewritten = verify(url, "--checkpoint", checkpoint.toString());
        assertThat(rewritten.exitCode()).as(rewritten.describe()).isEqualTo(TAMPERED);
        assertThat(rewritten.out().strip()).isEqualTo(
                "TAMPERED: the first 13 events were rewritten since the checkpoint (no consistency proof)");
    }

    /** Verify alone cannot see a stream's last event deleted with its hash: nothing later chains onto it. */
    @Test
    void aStreamsLastEventDeletedWithItsHashEscapesPlainVerifyButNotTheCheckpoint() {
        String url = record(Scenarios.SHIPPED);
        Path checkpoint = checkpoint(url, "checkpoint.json");
        List<Event> incident = Tables.stream(url, "pak-afg-border-posts-2025-10-12");
        Event last = incident.get(incident.size() - 1);
        assertThat(last.position()).as("not the tail of the store").isLessThan(13);

        Tables.alter(url, connection -> {
            Tables.execute(connection, "DELETE FROM domain_event_entry WHERE global_index = ?", last.position());
            Tables.execute(connection, "DELETE FROM event_hash WHERE global_index = ?", last.position());
        });

        assertThat(verify(url).exitCode()).isZero();
        Result against = verify(url, "--checkpoint", checkpoint.toString());
        assertThat(against.exitCode()).as(against.describe()).isEqualTo(TAMPERED);
        assertThat(against.out()).contains("the checkpoint holds 13 events, the store 12");
    }

    @Test
    void aCheckpointSignedByAnotherKeyDirectoryIsRejected() {
        String url = record(Scenarios.SHIPPED);
        Path own = checkpoint(url, "own.json");
        Path foreignKeys = directory.resolve("foreign-keys");
        Path foreign = checkpoint(url, "foreign.json", "--keys", foreignKeys.toString());
        assertThat(IntegrityCli.read(foreign).lines().toList().subList(1, 3))
                .as("the same tree, signed by another key")
                .isEqualTo(IntegrityCli.read(own).lines().toList().subList(1, 3));
        assertThat(verify(url, "--checkpoint", own.toString()).exitCode()).isZero();

        Result against = verify(url, "--checkpoint", foreign.toString());

        assertThat(against.exitCode()).as(against.describe()).isEqualTo(TAMPERED);
        assertThat(against.out().strip())
                .isEqualTo("TAMPERED: the checkpoint was signed by another key than this store's");
        JsonNode outcome = verifyJson(url, TAMPERED, "--checkpoint", foreign.toString());
        assertThat(outcome.get("checkpointConsistent").booleanValue()).isFalse();
        assertThat(outcome.get("problem").textValue())
                .isEqualTo("the checkpoint was signed by another key than this store's");
        assertThat(verify(url, "--keys", foreignKeys.toString(), "--checkpoint", foreign.toString()).exitCode())
                .as("against the key it was signed with").isZero();
    }

    @Test
    void aCheckpointWhoseSignatureOrRootOrSizeWasEditedIsRejected() {
        String url = record(Scenarios.OWN);
        String own = IntegrityCli.read(checkpoint(url, "own.note"));
        String foreign = IntegrityCli.read(checkpoint(url, "foreign.note", "--keys",
                                                      directory.resolve("foreign-keys").toString()));
        List<String> lines = own.lines().toList();
        assertThat(lines).as("origin, size, root, stream heads, blank line, signature").hasSize(6);
        String signatureLine = lines.get(5);
        String base64 = signatureLine.substring(signatureLine.lastIndexOf(' ') + 1);
        byte[] signed = Base64.getDecoder().decode(base64);
        signed[signed.length - 1] ^= 1;
        String signature = own.replace(base64, Base64.getEncoder().encodeToString(signed));
        byte[] root = Base64.getDecoder().decode(lines.get(2));
        root[0] ^= 1;
        String rootEdited = own.replace(lines.get(2), Base64.getEncoder().encodeToString(root));
        String sizeEdited = own.replace("\n" + lines.get(1) + "\n", "\n" + (Long.parseLong(lines.get(1)) - 1) + "\n");
        String foreignSignature = own.replace(signatureLine, foreign.lines().toList().get(5));

        for (String edited : List.of(signature, rootEdited, sizeEdited)) {
            assertThat(edited).isNotEqualTo(own);
            Path file = write(directory, "edited.note", edited);
            Result against = verify(url, "--checkpoint", file.toString());
            assertThat(against.exitCode()).as(against.describe()).isEqualTo(TAMPERED);
            assertThat(against.out().strip()).isEqualTo("TAMPERED: the checkpoint's signature is not valid");
        }
        Result swapped = verify(url, "--checkpoint", write(directory, "edited.note", foreignSignature).toString());
        assertThat(swapped.exitCode()).as(swapped.describe()).isEqualTo(TAMPERED);
        assertThat(swapped.out().strip())
                .isEqualTo("TAMPERED: the checkpoint was signed by another key than this store's");
    }

    private static void insert(String url, Event event, byte[] leafHash) {
        Tables.alter(url, connection -> insert(connection, event, leafHash));
    }

    private static void insert(java.sql.Connection connection, Event event, byte[] leafHash)
            throws java.sql.SQLException {
        Tables.execute(connection, "INSERT INTO domain_event_entry (global_index, type, aggregate_identifier,"
                               + " sequence_number, event_identifier, payload_type, payload_revision, time_stamp, payload,"
                               + " meta_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", event.position(),
                       event.aggregateType(), event.aggregateId(), event.sequence(), event.eventIdentifier(),
                       event.payloadType(), event.payloadRevision(), event.timestamp(), event.payload(),
                       event.metaData());
        Tables.execute(connection, "INSERT INTO event_hash (global_index, aggregate_identifier, sequence_number,"
                               + " leaf_hash) VALUES (?, ?, ?, ?)", event.position(), event.aggregateId(), event.sequence(),
                       leafHash);
    }

    private static int differingBytes(byte[] a, byte[] b) {
        assertThat(b).hasSameSizeAs(a);
        int differing = 0;
        for (int index = 0; index < a.length; index++) {
            differing += a[index] == b[index] ? 0 : 1;
        }
        return differing;
    }
}
