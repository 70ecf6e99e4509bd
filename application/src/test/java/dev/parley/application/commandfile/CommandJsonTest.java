package dev.parley.application.commandfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.application.serialization.ParleySerializers;
import dev.parley.incident.api.CasualtiesRecordedEvent;
import dev.parley.incident.api.RecordCasualtiesCommand;
import dev.parley.incident.api.RecordStrikeCommand;
import dev.parley.incident.api.ReportIncidentCommand;
import dev.parley.incident.api.ReportViolationCommand;
import dev.parley.negotiation.api.CollapseTalksCommand;
import dev.parley.negotiation.api.ConcludeRoundCommand;
import dev.parley.negotiation.api.OfferMediationCommand;
import dev.parley.negotiation.api.OpenRoundCommand;
import dev.parley.negotiation.api.RespondToFrameworkCommand;
import dev.parley.negotiation.api.SubmitFrameworkCommand;
import dev.parley.projections.audit.FindAuditTrailQuery;
import dev.parley.projections.json.ParleyJson;
import dev.parley.projections.status.FindStatusAsOfQuery;
import dev.parley.projections.status.FindStatusAtSequenceQuery;
import dev.parley.projections.status.FindStatusQuery;
import dev.parley.projections.timeline.FindTimelineQuery;
import dev.parley.shared.api.ErrorCode;
import dev.parley.shared.api.IncidentId;
import dev.parley.shared.api.NegotiationId;
import dev.parley.shared.api.ParleyCommand;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Commands read from the same JSON as command-file lines (the line's fields, without {@code command} and
 * {@code actor}) through Parley's one mapper configuration, as a REST controller taking a command as its request
 * body reads them: the same command the command-file parser makes, rules broken with the same codes.
 */
class CommandJsonTest {

    private static final Path SCENARIO = Path.of("..", "scenarios", "pak-afghan-2025.ndjson");
    /** The commands the shipped scenario does not use. */
    private static final List<String> MORE_LINES = List.of(
            """
            {"command":"RespondToFramework","negotiationId":"talks","frameworkId":"fw","party":"AFG","response":"ACCEPTED","occurredAt":"2025-10-26T08:30:00+05:00","source":"Tolo News"}""",
            """
            {"command":"DeclareCeasefire","incidentId":"inc-3","effectiveFrom":"2025-10-19","negotiationId":"talks","occurredAt":"2025-10-19","source":"ISPR"}""",
            """
            {"command":"ReportViolation","incidentId":"inc-3","by":"AFG","description":"shelling","occurredAt":"2025-10-21","source":"ISPR"}""",
            """
            {"command":"RecordCasualties","incidentId":"inc-3","side":"PAK","killed":2,"occurredAt":"2025-10-13","source":"ISPR"}""");

    private final ObjectMapper mapper = ParleyJson.mapper();
    private final CommandFileParser parser = new CommandFileParser();

    @Test
    void everyCommandReadsFromTheFieldsOfItsCommandFileLineAsTheParserReadsTheLine() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(SCENARIO, StandardCharsets.UTF_8));
        lines.addAll(MORE_LINES);
        List<Class<?>> types = new ArrayList<>();

        for (String line : lines) {
            if (CommandFileParser.isSkipped(line)) {
                continue;
            }
            ParleyCommand parsed = parser.parse(1, line).command();
            ObjectNode fields = (ObjectNode) mapper.readTree(line);
            fields.remove(List.of("command", "actor"));

            assertThat(mapper.treeToValue(fields, parsed.getClass())).as(line).isEqualTo(parsed);
            types.add(parsed.getClass());
        }
        assertThat(types).as("every command type").contains(
                OpenRoundCommand.class, SubmitFrameworkCommand.class, RespondToFrameworkCommand.class,
                dev.parley.negotiation.api.DeclareCeasefireCommand.class,
                dev.parley.incident.api.DeclareCeasefireCommand.class, ConcludeRoundCommand.class,
                CollapseTalksCommand.class, OfferMediationCommand.class, ReportIncidentCommand.class,
                RecordCasualtiesCommand.class, RecordStrikeCommand.class, ReportViolationCommand.class);
    }

    @Test
    void aCommandWritesTheFieldsItReadsFrom() throws Exception {
        ReportIncidentCommand command = new ReportIncidentCommand(
                new IncidentId("inc-3"), "Chaman", List.of("AFG"), List.of("PAK"), "attack",
                Instant.parse("2025-10-12T00:00:00Z"), "ISPR");

        String json = mapper.writeValueAsString(command);

        assertThat(mapper.readTree(json).get("incidentId").textValue()).isEqualTo("inc-3");
        assertThat(mapper.readValue(json, ReportIncidentCommand.class)).isEqualTo(command);
    }

    @Test
    void idsWrittenAsObjectsByMappersWithoutParleysModuleStillRead() throws Exception {
        String json = """
                {"incidentId":{"value":"inc-3"},"side":"PAK","killed":2,"wounded":1,\
                "occurredAt":"2025-10-13T00:00:00Z","source":"ISPR"}""";

        assertThat(mapper.readValue(json, RecordCasualtiesCommand.class).incidentId())
                .isEqualTo(new IncidentId("inc-3"));
        assertThat(mapper.readValue("{\"talks\":1}", new com.fasterxml.jackson.core.type.TypeReference<
                Map<NegotiationId, Integer>>() { })).containsEntry(new NegotiationId("talks"), 1);
    }

    @Test
    void aBrokenRuleKeepsItsCodeThroughJackson() {
        String blankSource = """
                {"negotiationId":"talks","mediator":"QAT","occurredAt":"2025-10-13","source":" "}""";
        String beforeTheLimits = """
                {"negotiationId":"talks","mediator":"QAT","occurredAt":"1850-10-13","source":"ISPR"}""";
        String notADate = """
                {"negotiationId":"talks","mediator":"QAT","occurredAt":"13/10/2025","source":"ISPR"}""";
        String blankId = """
                {"negotiationId":"","mediator":"QAT","occurredAt":"2025-10-13","source":"ISPR"}""";

        for (String json : List.of(blankSource, beforeTheLimits, notADate, blankId)) {
            assertThatThrownBy(() -> mapper.readValue(json, OfferMediationCommand.class))
                    .as(json)
                    .isInstanceOfSatisfying(JsonProcessingException.class, error -> assertThat(
                            ParleyJson.ruleBroken(error).code()).isEqualTo(ErrorCode.INVALID_COMMAND));
        }
        assertThat(ParleyJson.ruleBroken(catchJson(blankSource)).getMessage()).contains("source");
    }

    @Test
    void queriesReadBackAsWritten() throws Exception {
        List<Object> queries = List.of(
                FindStatusQuery.of("inc-3"),
                new FindStatusAsOfQuery("inc-3", Instant.parse("2025-10-15T00:00:00Z"), null),
                new FindStatusAtSequenceQuery("inc-3", 2),
                new FindTimelineQuery(Instant.parse("2025-10-15T00:00:00Z"), null),
                new FindAuditTrailQuery("inc-3", null));

        for (Object query : queries) {
            assertThat(mapper.readValue(mapper.writeValueAsString(query), query.getClass())).isEqualTo(query);
        }
        assertThat(mapper.readValue("{\"aggregateId\":\"inc-3\",\"at\":\"2025-10-15\",\"knownAt\":null}",
                                    FindStatusAsOfQuery.class).at()).isEqualTo(Instant.parse("2025-10-15T00:00:00Z"));
    }

    @Test
    void storedEventsAreWrittenAsBefore() {
        CasualtiesRecordedEvent event = new CasualtiesRecordedEvent(new IncidentId("inc"), "PAK", 2, 0,
                                                                    Instant.parse("2025-10-13T00:00:00Z"), "ISPR");

        byte[] stored = ParleySerializers.events().serialize(event, byte[].class).getData();

        assertThat(new String(stored, StandardCharsets.UTF_8)).isEqualTo("""
                {"incidentId":"inc","side":"PAK","killed":2,"wounded":0,"occurredAt":"2025-10-13T00:00:00Z",\
                "source":"ISPR"}""");
    }

    private JsonProcessingException catchJson(String json) {
        try {
            mapper.readValue(json, OfferMediationCommand.class);
        } catch (JsonProcessingException e) {
            return e;
        }
        throw new AssertionError("read " + json);
    }
}
