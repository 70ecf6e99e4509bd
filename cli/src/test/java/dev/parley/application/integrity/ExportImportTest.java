package dev.parley.application.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.application.integrity.IntegrityCli.Result;
import dev.parley.application.integrity.Tables.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static dev.parley.application.integrity.IntegrityCli.bytes;
import static dev.parley.application.integrity.IntegrityCli.json;
import static dev.parley.application.integrity.IntegrityCli.parley;
import static dev.parley.application.integrity.IntegrityCli.parleyExpecting;
import static dev.parley.application.integrity.IntegrityCli.read;
import static dev.parley.application.integrity.IntegrityCli.storeUrl;
import static dev.parley.application.integrity.IntegrityCli.verifyJson;
import static dev.parley.application.integrity.IntegrityCli.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * {@code parley export} and {@code parley import}: the round trip is byte-identical and verifies, and an import
 * checks every line before writing anything, so a rejected file leaves the target store empty.
 */
class ExportImportTest {

    private static final int TAMPERED = 3;

    @TempDir
    Path directory;

    private Path export(String url, String name) {
        Path file = directory.resolve(name);
        Result exported = parleyExpecting(0, "export", "--store", url, "--out", file.toString());
        assertThat(exported.err()).contains("Exported ");
        return file;
    }

    private String target() {
        return storeUrl(directory.resolve("target"));
    }

    /** The export of the own scenario with {@code change} applied to its list of lines. */
    private Path alteredExport(UnaryOperator<List<String>> change) {
        String url = Scenarios.OWN.record(directory.resolve("source"));
        List<String> lines = new ArrayList<>(read(export(url, "export.ndjson")).lines().toList());
        assertThat(lines).hasSize(Scenarios.OWN.events());
        List<String> changed = change.apply(lines);
        return write(directory, "altered.ndjson", String.join("\n", changed) + "\n");
    }

    private static UnaryOperator<List<String>> onLine(int number, UnaryOperator<String> change) {
        return lines -> {
            String original = lines.get(number - 1);
            String changed = change.apply(original);
            assertThat(changed).as("line %d changed", number).isNotEqualTo(original);
            lines.set(number - 1, changed);
            return lines;
        };
    }

    private static String replaceOnce(String line, String from, String to) {
        assertThat(line).contains(from);
        return line.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to));
    }

    /** The value of a 64-hex-digit field with its last digit changed. */
    private static String withHashChanged(String line, String field) {
        String key = "\"" + field + "\":\"";
        int end = line.indexOf(key) + key.length() + 64;
        char last = line.charAt(end - 1);
        return line.substring(0, end - 1) + (last == '0' ? '1' : '0') + line.substring(end);
    }

    /** The line with its recording time one millisecond later. */
    private static String withRecordedAtChanged(String line) {
        String recordedAt = json(line).get("recordedAt").textValue();
        String later = Instant.parse(recordedAt).plusMillis(1).toString();
        return replaceOnce(line, "\"recordedAt\":\"" + recordedAt + "\"", "\"recordedAt\":\"" + later + "\"");
    }

    private static UnaryOperator<List<String>> swap(int first, int second) {
        return lines -> {
            String held = lines.get(first - 1);
            lines.set(first - 1, lines.get(second - 1));
            lines.set(second - 1, held);
            return lines;
        };
    }

    private void assertTargetEmpty() {
        assertThat(Tables.eventCount(target())).as("events in the target").isZero();
        assertThat(Tables.hashCount(target())).as("hashes in the target").isZero();
    }

    @ParameterizedTest
    @EnumSource(Scenarios.class)
    void exportImportExportIsByteIdenticalAndTheImportedStoreVerifiesWithTheSameRoot(Scenarios scenario) {
        String source = scenario.record(directory.resolve("source"));
        Path first = export(source, "first.ndjson");
        assertThat(read(first).lines()).hasSize(scenario.events());

        Result imported = parleyExpecting(0, "import", "--store", target(), first.toString());
        Path second = export(target(), "second.ndjson");

        assertThat(imported.err()).contains("Imported " + scenario.events() + " events from " + first
                                                    + "; every hash and chain verified.");
        assertThat(bytes(second)).as("export → import → export").isEqualTo(bytes(first));
        JsonNode original = verifyJson(source, 0);
        JsonNode copy = verifyJson(target(), 0);
        assertThat(copy.get("events").longValue()).isEqualTo(scenario.events());
        assertThat(copy.get("rootHash").textValue()).isEqualTo(original.get("rootHash").textValue());
        assertThat(Tables.hashes(target())).usingRecursiveFieldByFieldElementComparator()
                                           .isEqualTo(Tables.hashes(source));
    }

    @Test
    void everyExportedLineCarriesTheStoredEventItsTimesAndItsChainedHashes() {
        String source = Scenarios.SHIPPED.record(directory.resolve("source"));
        List<String> lines = read(export(source, "export.ndjson")).lines().toList();
        List<Event> events = Tables.events(source);
        List<Tables.Hash> hashes = Tables.hashes(source);

        for (int index = 0; index < events.size(); index++) {
            JsonNode line = json(lines.get(index));
            Event event = events.get(index);
            assertThat(line.get("position").longValue()).isEqualTo(event.position());
            assertThat(line.get("aggregateId").textValue()).isEqualTo(event.aggregateId());
            assertThat(line.get("sequence").longValue()).isEqualTo(event.sequence());
            assertThat(line.get("recordedAt").textValue()).isEqualTo(event.timestamp());
            assertThat(line.get("occurredAt").textValue()).isEqualTo(json(event.payloadText()).get("occurredAt")
                                                                                            .textValue());
            assertThat(line.get("payload").textValue()).isEqualTo(event.payloadText());
            assertThat(line.get("leafHash").textValue()).isEqualTo(Hashes.hex(hashes.get(index).leafHash()));
        }
        assertThat(json(lines.get(7)).get("previousLeafHash").textValue())
                .as("the propagated ceasefire chains onto the incident's casualties at position 5")
                .isEqualTo(json(lines.get(4)).get("leafHash").textValue());
        assertThat(json(lines.get(0)).get("previousLeafHash").textValue()).isEqualTo("0".repeat(64));
    }

    @Test
    void anImportedStoreTakesNewCommandsThatChainOntoTheImportedHashes() {
        String source = Scenarios.SHIPPED.record(directory.resolve("source"));
        parleyExpecting(0, "import", "--store", target(), export(source, "export.ndjson").toString());
        Path more = write(directory, "more.ndjson", """
                {"command":"OfferMediation","negotiationId":"pak-afg-talks-2025","mediator":"SAU","occurredAt":"2025-10-30","source":"Arab News"}
                """);

        parleyExpecting(0, "run", "--store", target(), more.toString());

        List<Event> events = Tables.events(target());
        assertThat(events).hasSize(14);
        assertThat(events.get(13).position()).as("positions continue after the imported ones").isEqualTo(14);
        assertThat(events.get(13).sequence()).isEqualTo(7);
        JsonNode verified = verifyJson(target(), 0);
        assertThat(verified.get("events").longValue()).isEqualTo(14);
    }

    @Test
    void importingIntoANonEmptyStoreFailsAndChangesNothing() {
        String source = Scenarios.SHIPPED.record(directory.resolve("source"));
        Path export = export(source, "export.ndjson");
        String occupied = Scenarios.OWN.record(directory.resolve("occupied"));
        Path before = export(occupied, "before.ndjson");
        long hashes = Tables.hashCount(occupied);

        Result imported = parley("import", "--store", occupied, export.toString());

        assertThat(imported.exitCode()).as(imported.describe()).isEqualTo(1);
        assertThat(imported.err()).contains("the store already holds 31 events; import only into an empty store");
        assertThat(Tables.eventCount(occupied)).isEqualTo(31);
        assertThat(Tables.hashCount(occupied)).isEqualTo(hashes);
        assertThat(bytes(export(occupied, "after.ndjson"))).isEqualTo(bytes(before));
        assertThat(verifyJson(occupied, 0).get("events").longValue()).isEqualTo(31);
    }

    static Stream<Arguments> alteredLines() {
        return Stream.of(
                arguments("a payload's text changed", onLine(10, line -> replaceOnce(line, "retaliation",
                                                                                      "retaliatiom")),
                          10, "the event does not match its leaf hash"),
                arguments("the last line's payload changed", onLine(31, line -> replaceOnce(line, "shelling",
                                                                                             "shellinG")),
                          31, "the event does not match its leaf hash"),
                arguments("a leaf hash changed", onLine(12, line -> withHashChanged(line, "leafHash")),
                          12, "the event does not match its leaf hash"),
                arguments("a previous leaf hash changed", onLine(15, line -> withHashChanged(line,
                                                                                              "previousLeafHash")),
                          15, "the chain of inc-chaman is broken"),
                arguments("a recording time changed", onLine(9, ExportImportTest::withRecordedAtChanged),
                          9, "the event does not match its leaf hash"),
                arguments("two lines of one stream swapped", swap(7, 10),
                          7, "sequence 3 of inc-kurram where 2 was due"),
                arguments("two adjacent lines of different streams swapped", swap(20, 21),
                          21, "position 20 does not follow 21"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("alteredLines")
    void anExportWithOneLineAlteredIsRejectedNamingThatLineAndTheTargetStaysEmpty(
            String alteration, UnaryOperator<List<String>> change, int line, String message) {
        Path altered = alteredExport(change);

        Result imported = parley("import", "--store", target(), altered.toString());

        assertThat(imported.exitCode()).as(imported.describe()).isEqualTo(TAMPERED);
        assertThat(imported.err().strip())
                .isEqualTo("parley: import rejected, nothing stored: line " + line + ": " + message);
        assertTargetEmpty();
    }

    static Stream<Arguments> malformedLines() {
        return Stream.of(
                arguments("a line cut short", onLine(17, line -> line.substring(0, line.length() / 2)),
                          17, "not an exported event: "),
                arguments("a line that is not JSON", onLine(3, line -> "position 3 was here"),
                          3, "not an exported event: "),
                arguments("a line without its payload", onLine(25, line -> line.replaceFirst(
                        "\"payload\":\"(\\\\.|[^\"\\\\])*\",", "")), 25,
                          "a field of the exported event is missing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedLines")
    void anExportWithAMalformedLineIsRejectedWithItsLineNumberAndTheTargetStaysEmpty(
            String malformation, UnaryOperator<List<String>> change, int line, String message) {
        Path malformed = alteredExport(change);

        Result imported = parley("import", "--store", target(), malformed.toString());

        assertThat(imported.exitCode()).as(imported.describe()).isEqualTo(1);
        assertThat(imported.err().strip())
                .startsWith("parley: import rejected, nothing stored: line " + line + ": " + message);
        assertTargetEmpty();
    }

    /**
     * Each exported line carries {@code occurredAt}, read from the payload, but import neither hashes nor compares
     * it: a line saying an event happened on another day than its payload says is imported as verified.
     */
    @Test
    void anExportLineWhoseOccurredAtContradictsItsPayloadIsRejected() {
        Path altered = alteredExport(onLine(10, line -> replaceOnce(line, "\"occurredAt\":\"2025-10-14T00:00:00Z\"",
                                                                    "\"occurredAt\":\"2025-10-04T00:00:00Z\"")));

        Result imported = parley("import", "--store", target(), altered.toString());

        assertThat(imported.exitCode()).as(imported.describe()).isEqualTo(TAMPERED);
        assertThat(imported.err()).contains("line 10: ");
        assertTargetEmpty();
    }
}
