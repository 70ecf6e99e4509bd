package dev.parley.application.commandfile;

import dev.parley.application.serialization.JsonMessages;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.incident.api.RecordCasualtiesCommand;
import dev.parley.incident.api.RecordStrikeCommand;
import dev.parley.incident.api.ReportIncidentCommand;
import dev.parley.incident.api.ReportViolationCommand;
import dev.parley.negotiation.api.CollapseTalksCommand;
import dev.parley.negotiation.api.ConcludeRoundCommand;
import dev.parley.negotiation.api.FrameworkResponse;
import dev.parley.negotiation.api.OfferMediationCommand;
import dev.parley.negotiation.api.OpenRoundCommand;
import dev.parley.negotiation.api.RespondToFrameworkCommand;
import dev.parley.negotiation.api.SubmitFrameworkCommand;
import dev.parley.projections.json.IsoTime;
import dev.parley.projections.json.ParleyJson;
import dev.parley.shared.api.DomainRuleException;
import dev.parley.shared.api.Fields;
import dev.parley.shared.api.IncidentId;
import dev.parley.shared.api.NegotiationId;
import dev.parley.shared.api.ParleyCommand;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads one line of a command file into a command. Every way a line can be wrong before any aggregate is asked —
 * malformed JSON, an unknown command or key, a missing, blank or unparsable field — is {@code INVALID_COMMAND}.
 */
public final class CommandFileParser {

    private static final String COMMAND = "command";
    private static final String ACTOR = "actor";
    private static final String OCCURRED_AT = "occurredAt";
    private static final String SOURCE = "source";

    /**
     * Whether a physical line carries no command: blank, or a {@code #} comment.
     *
     * @param line a physical line
     * @return true for a blank or comment line
     */
    public static boolean isSkipped(String line) {
        String trimmed = line.strip();
        return trimmed.isEmpty() || trimmed.startsWith("#");
    }

    /**
     * Parses one non-skipped line.
     *
     * @throws LineRejectedException with the line's command name (if any) and an {@code INVALID_COMMAND} cause
     *
     * @param lineNumber the line's number, from 1
     * @param text the line
     * @return the line's command, actor and number
     */
    public CommandLine parse(int lineNumber, String text) {
        JsonNode tree;
        try {
            tree = ParleyJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new LineRejectedException(null, Fields.invalid("malformed JSON: " + JsonMessages.plain(e)));
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new LineRejectedException(null, Fields.invalid("a line must be one JSON object"));
        }
        JsonNode nameNode = object.get(COMMAND);
        String name = nameNode != null && nameNode.isTextual() ? nameNode.asText() : null;
        try {
            if (name == null || name.isBlank()) {
                throw Fields.invalid("the line names no command (key \"command\")");
            }
            Line line = new Line(object);
            ParleyCommand command = build(name, line);
            line.rejectUnread();
            String actor = line.optionalText(ACTOR);
            return new CommandLine(lineNumber, name, command, actor == null ? null : Fields.text(actor, ACTOR));
        } catch (DomainRuleException invalid) {
            throw new LineRejectedException(name, invalid);
        }
    }

    private static ParleyCommand build(String name, Line line) {
        return switch (name) {
            case "OpenRound" -> new OpenRoundCommand(
                    line.negotiationId(), line.integer("round"), line.optionalTexts("parties"),
                    line.texts("mediators"), line.text("venue"), line.occurredAt(), line.source());
            case "SubmitFramework" -> new SubmitFrameworkCommand(
                    line.negotiationId(), line.text("frameworkId"), line.text("submittedBy"), line.text("title"),
                    line.texts("provisions"), line.occurredAt(), line.source());
            case "RespondToFramework" -> new RespondToFrameworkCommand(
                    line.negotiationId(), line.text("frameworkId"), line.text("party"),
                    line.choice("response", FrameworkResponse.class), line.occurredAt(), line.source());
            case "DeclareCeasefire" -> line.has("incidentId")
                    ? new dev.parley.incident.api.DeclareCeasefireCommand(
                            line.incidentId(), line.time("effectiveFrom"), line.optionalNegotiationId(),
                            line.occurredAt(), line.source())
                    : new dev.parley.negotiation.api.DeclareCeasefireCommand(
                            line.negotiationId(), line.time("effectiveFrom"), line.text("terms"),
                            line.list("coversIncidents", IncidentId::new), line.occurredAt(), line.source());
            case "ConcludeRound" -> new ConcludeRoundCommand(
                    line.negotiationId(), line.text("outcome"), line.occurredAt(), line.source());
            case "Collapse" -> new CollapseTalksCommand(
                    line.negotiationId(), line.text("reason"), line.occurredAt(), line.source());
            case "OfferMediation" -> new OfferMediationCommand(
                    line.negotiationId(), line.text("mediator"), line.occurredAt(), line.source());
            case "ReportIncident" -> new ReportIncidentCommand(
                    line.incidentId(), line.text("location"), line.texts("attackers"), line.texts("defenders"),
                    line.text("description"), line.occurredAt(), line.source());
            case "RecordCasualties" -> new RecordCasualtiesCommand(
                    line.incidentId(), line.text("side"), line.integer("killed"),
                    line.optionalInteger("wounded", 0), line.occurredAt(), line.source());
            case "RecordStrike" -> new RecordStrikeCommand(
                    line.incidentId(), line.text("by"), line.texts("targets"), line.text("description"),
                    line.occurredAt(), line.source());
            case "ReportViolation" -> new ReportViolationCommand(
                    line.incidentId(), line.text("by"), line.text("description"), line.occurredAt(), line.source());
            default -> throw Fields.invalid("unknown command " + name);
        };
    }

    /** A JSON object read key by key; keys nobody asked for are unknown. */
    private static final class Line {

        private final ObjectNode object;
        private final Set<String> read = new LinkedHashSet<>(List.of(COMMAND, ACTOR));

        Line(ObjectNode object) {
            this.object = object;
            Iterator<String> keys = object.fieldNames();
            while (keys.hasNext()) {
                String key = keys.next();
                if (!KNOWN_KEYS.contains(key)) {
                    throw Fields.invalid("unknown key \"" + key + "\"");
                }
            }
        }

        boolean has(String key) {
            JsonNode node = object.get(key);
            return node != null && !node.isNull();
        }

        JsonNode node(String key) {
            read.add(key);
            JsonNode node = object.get(key);
            if (node == null || node.isNull()) {
                throw Fields.invalid(key + " is required");
            }
            return node;
        }

        String text(String key) {
            JsonNode node = node(key);
            if (!node.isTextual()) {
                throw Fields.invalid(key + " must be a string");
            }
            return node.asText();
        }

        String optionalText(String key) {
            read.add(key);
            return has(key) ? text(key) : null;
        }

        int integer(String key) {
            JsonNode node = node(key);
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                throw Fields.invalid(key + " must be a whole number, was " + node);
            }
            return node.intValue();
        }

        int optionalInteger(String key, int absent) {
            read.add(key);
            return has(key) ? integer(key) : absent;
        }

        <E extends Enum<E>> E choice(String key, Class<E> type) {
            String value = text(key);
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                throw Fields.invalid(key + " must be one of " + List.of(type.getEnumConstants()) + ", was " + value);
            }
        }

        Instant time(String key) {
            String value = text(key);
            try {
                return IsoTime.parse(value);
            } catch (DateTimeParseException e) {
                throw Fields.invalid(key + " \"" + value + "\" is not an ISO-8601 date (2025-10-12) "
                                             + "or date-time with offset (2025-10-12T08:30:00+05:00)");
            }
        }

        <T> List<T> list(String key, Function<String, T> element) {
            JsonNode node = node(key);
            if (!node.isArray()) {
                throw Fields.invalid(key + " must be a list");
            }
            if (node.size() > Fields.MAX_LIST_SIZE) {
                throw Fields.invalid(key + " may hold at most " + Fields.MAX_LIST_SIZE + " entries, held "
                                             + node.size());
            }
            List<T> values = new ArrayList<>();
            for (JsonNode item : node) {
                if (!item.isTextual()) {
                    throw Fields.invalid(key + " must list strings, found " + item);
                }
                values.add(element.apply(item.asText()));
            }
            return values;
        }

        List<String> texts(String key) {
            return list(key, Function.identity());
        }

        List<String> optionalTexts(String key) {
            read.add(key);
            return has(key) ? texts(key) : null;
        }

        NegotiationId negotiationId() {
            return new NegotiationId(text("negotiationId"));
        }

        NegotiationId optionalNegotiationId() {
            read.add("negotiationId");
            return has("negotiationId") ? negotiationId() : null;
        }

        IncidentId incidentId() {
            return new IncidentId(text("incidentId"));
        }

        Instant occurredAt() {
            return time(OCCURRED_AT);
        }

        String source() {
            return text(SOURCE);
        }

        void rejectUnread() {
            Iterator<String> keys = object.fieldNames();
            while (keys.hasNext()) {
                String key = keys.next();
                if (!read.contains(key)) {
                    throw Fields.invalid("key \"" + key + "\" is not a field of this command");
                }
            }
        }
    }

    private static final Set<String> KNOWN_KEYS = Set.of(
            COMMAND, ACTOR, OCCURRED_AT, SOURCE, "negotiationId", "incidentId", "round", "parties", "mediators",
            "venue", "frameworkId", "submittedBy", "title", "provisions", "party", "response", "effectiveFrom",
            "terms", "coversIncidents", "outcome", "reason", "mediator", "location", "attackers", "defenders",
            "description", "side", "killed", "wounded", "by", "targets");
}
