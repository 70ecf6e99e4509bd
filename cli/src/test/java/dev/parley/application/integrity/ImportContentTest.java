package dev.parley.application.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.application.integrity.IntegrityCli.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

import static dev.parley.application.integrity.IntegrityCli.parley;
import static dev.parley.application.integrity.IntegrityCli.parleyExpecting;
import static dev.parley.application.integrity.IntegrityCli.read;
import static dev.parley.application.integrity.IntegrityCli.storeUrl;
import static dev.parley.application.integrity.IntegrityCli.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forged exports: an export edited and re-hashed by an independent tool (the hashing below is written
 * from docs/integrity.md, not Parley's hasher) so that every hash holds. Import checks content too, and refuses each
 * with the line, exit 1, nothing stored; {@code verify} refuses the same content in a store someone else wrote.
 */
class ImportContentTest {

    private static final String CASUALTIES = "dev.parley.incident.api.CasualtiesRecordedEvent";

    @TempDir
    Path directory;

    private List<ObjectNode> exported;

    @BeforeEach
    void exportTheOwnScenario() {
        String url = Scenarios.OWN.record(directory.resolve("source"));
        Path file = directory.resolve("export.ndjson");
        parleyExpecting(0, "export", "--store", url, "--out", file.toString());
        exported = read(file).lines().map(line -> (ObjectNode) IntegrityCli.json(line)).toList();
        assertThat(exported).hasSize(Scenarios.OWN.events());
    }

    @Test
    void anUnchangedReHashedExportImports() {
        Path file = forged(line -> false, line -> { });

        parleyExpecting(0, "import", "--store", storeUrl(directory.resolve("target")), file.toString());
        parleyExpecting(0, "verify", "--store", storeUrl(directory.resolve("target")));
    }

    @Test
    void aPayloadThatIsNotJsonIsRefused() {
        assertRefused(firstOf(CASUALTIES), line -> {
            line.put("payload", "{\"incidentId\": not json");
            line.putNull("occurredAt");
        }, "the payload is not a CasualtiesRecordedEvent");
    }

    @Test
    void aPayloadTypeThatIsNotAParleyEventIsRefusedWithoutBuildingIt() {
        assertRefused(firstOf(CASUALTIES), line -> line.put("payloadType", "java.lang.Thread"),
                      "payload type java.lang.Thread (revision 2) is not one of Parley's events");
    }

    @Test
    void aRecordingTimeThatIsNotATimeIsRefused() {
        assertRefused(firstOf(CASUALTIES), line -> line.put("recordedAt", "not a time"),
                      "the recording time not a time is not an ISO-8601 time");
    }

    @Test
    void aNegativeCasualtyCountIsRefused() {
        assertRefused(firstOf(CASUALTIES), line -> {
            ObjectNode payload = (ObjectNode) IntegrityCli.json(line.get("payload").textValue());
            payload.put("killed", -5);
            line.put("payload", payload.toString());
        }, "INVALID_COUNT");
    }

    @Test
    void aStreamThatChangesAggregateTypeIsRefused() {
        assertRefused(line -> line.get("sequence").longValue() == 1
                              && line.get("aggregateType").textValue().equals("BorderIncident"),
                      line -> line.put("aggregateType", "Negotiation"),
                      "changes aggregate type from BorderIncident to Negotiation");
    }

    @Test
    void aStreamThatDoesNotBeginWithTheEventThatOpensItIsRefused() {
        ObjectNode casualties = exported.stream()
                                        .filter(line -> line.get("payloadType").textValue().equals(CASUALTIES))
                                        .findFirst().orElseThrow();
        String incident = casualties.get("aggregateId").textValue();
        assertRefused(line -> line.get("aggregateId").textValue().equals(incident)
                              && line.get("sequence").longValue() == 0, line -> {
            for (String field : List.of("payloadType", "payloadRevision", "payload", "occurredAt")) {
                line.set(field, casualties.get(field));
            }
        }, "the stream " + incident + " begins with a CasualtiesRecordedEvent, not with the event that opens it");
    }

    @Test
    void metadataThatIsNotAJsonObjectIsRefused() {
        assertRefused(firstOf(CASUALTIES), line -> line.put("metaData", "[\"not\", \"an object\"]"),
                      "the metadata is not a JSON object");
    }

    @Test
    void anEventNamingAnotherStreamThanItsOwnIsRefused() {
        assertRefused(firstOf(CASUALTIES), line -> {
            ObjectNode payload = (ObjectNode) IntegrityCli.json(line.get("payload").textValue());
            payload.put("incidentId", "inc-elsewhere");
            line.put("payload", payload.toString());
        }, "names inc-elsewhere but is stored in the stream of");
    }

    @Test
    void verifyRefusesAStoreHoldingTheSameContentWithEveryHashRecomputed() {
        String url = Scenarios.OWN.record(directory.resolve("written-elsewhere"));
        Tables.alter(url, connection -> {
            Tables.execute(connection, "UPDATE domain_event_entry SET payload_type = 'java.lang.Thread'"
                    + " WHERE global_index = (SELECT MIN(global_index) FROM domain_event_entry"
                    + " WHERE payload_type = ?)", CASUALTIES);
            Tables.rehashEverything(connection);
        });

        Result verified = parley("verify", "--store", url);

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(3);
        assertThat(verified.out()).as(verified.describe())
                                  .contains("not an event Parley could have stored: payload type java.lang.Thread");
    }

    private Predicate<ObjectNode> firstOf(String payloadType) {
        ObjectNode first = exported.stream().filter(line -> line.get("payloadType").textValue().equals(payloadType))
                                   .findFirst().orElseThrow();
        return line -> line == first;
    }

    /** Import of the export with {@code edit} applied to the chosen line and re-hashed: exit 1, nothing stored. */
    private void assertRefused(Predicate<ObjectNode> which, Consumer<ObjectNode> edit, String why) {
        int lineNumber = exported.indexOf(exported.stream().filter(which).findFirst().orElseThrow()) + 1;
        Path file = forged(which, edit);
        String target = storeUrl(directory.resolve("target"));

        Result imported = parley("import", "--store", target, file.toString());

        assertThat(imported.exitCode()).as(imported.describe()).isEqualTo(1);
        assertThat(imported.err()).as(imported.describe())
                                  .startsWith("parley: import rejected, nothing stored: line " + lineNumber + ": ")
                                  .contains(why);
        IntegrityCli.Result nothing = parleyExpecting(0, "verify", "--store", target);
        assertThat(nothing.out()).startsWith("Intact: 0 events");
        assertThat(Tables.eventCount(target)).isZero();
    }

    /** The export with {@code edit} applied to the lines {@code which} picks, every hash recomputed from the spec. */
    private Path forged(Predicate<ObjectNode> which, Consumer<ObjectNode> edit) {
        Map<String, byte[]> lastLeaf = new HashMap<>();
        List<String> lines = new ArrayList<>();
        for (ObjectNode original : exported) {
            ObjectNode line = original.deepCopy();
            if (which.test(original)) {
                edit.accept(line);
            }
            String stream = line.get("aggregateId").textValue();
            byte[] previous = lastLeaf.getOrDefault(stream, new byte[32]);
            byte[] leaf = leafHash(line, previous);
            line.put("previousLeafHash", HexFormat.of().formatHex(previous));
            line.put("leafHash", HexFormat.of().formatHex(leaf));
            lastLeaf.put(stream, leaf);
            lines.add(line.toString());
        }
        return write(directory, "forged.ndjson", String.join("\n", lines) + "\n");
    }

    /** docs/integrity.md, "Leaf hash": SHA-256(0x00 || encoding), the fields in their order. */
    private static byte[] leafHash(JsonNode line, byte[] previous) {
        ByteArrayOutputStream encoding = new ByteArrayOutputStream();
        text(encoding, "parley-event-v1");
        number(encoding, line.get("position").longValue());
        text(encoding, line.get("aggregateType").textValue());
        text(encoding, line.get("aggregateId").textValue());
        number(encoding, line.get("sequence").longValue());
        text(encoding, line.get("eventIdentifier").textValue());
        text(encoding, line.get("payloadType").textValue());
        text(encoding, line.get("payloadRevision").isNull() ? "" : line.get("payloadRevision").textValue());
        text(encoding, line.get("recordedAt").textValue());
        text(encoding, line.get("payload").textValue());
        text(encoding, line.get("metaData").isNull() ? "" : line.get("metaData").textValue());
        encoding.writeBytes(previous);
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((byte) 0x00);
            return sha256.digest(encoding.toByteArray());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void text(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    private static void number(ByteArrayOutputStream out, long value) {
        out.writeBytes(ByteBuffer.allocate(8).putLong(value).array());
    }
}
