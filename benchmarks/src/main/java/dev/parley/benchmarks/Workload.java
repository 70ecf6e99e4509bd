package dev.parley.benchmarks;

import dev.parley.incident.api.CasualtiesRecordedEvent;
import dev.parley.incident.api.IncidentReportedEvent;
import dev.parley.incident.api.RecordCasualtiesCommand;
import dev.parley.incident.api.ReportIncidentCommand;
import dev.parley.projections.json.ParleyJson;
import dev.parley.shared.api.AggregateTypes;
import dev.parley.shared.api.IncidentId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The commands workload: each incident is reported, then gets four casualty reports, so every command appends one
 * event; a thread's incidents are its own.
 */
final class Workload {

    static final int COMMANDS_PER_INCIDENT = 5;
    private static final Instant DAY = Instant.parse("2025-10-12T00:00:00Z");

    private Workload() {
    }

    /** {@code count} commands (rounded up to whole incidents) on incidents named {@code prefix-0, prefix-1, ...}. */
    static List<Object> commands(String prefix, int count) {
        List<Object> commands = new ArrayList<>(count + COMMANDS_PER_INCIDENT);
        for (int incident = 0; commands.size() < count; incident++) {
            IncidentId id = new IncidentId(prefix + "-" + incident);
            boolean pakAttacks = incident % 2 == 0;
            String attacker = pakAttacks ? "PAK" : "AFG";
            String defender = pakAttacks ? "AFG" : "PAK";
            commands.add(new ReportIncidentCommand(id, "Border post " + incident, List.of(attacker),
                                                   List.of(defender), "clash number " + incident, DAY, "ISPR"));
            for (int report = 1; report < COMMANDS_PER_INCIDENT; report++) {
                commands.add(new RecordCasualtiesCommand(id, report % 2 == 0 ? attacker : defender, report,
                                                         report % 3, DAY.plusSeconds(report * 3_600L),
                                                         "Tolo News"));
            }
        }
        return commands;
    }

    /** The event row a command appends, serialized ahead of time, as the raw-JDBC limit inserts it. */
    record Row(String eventIdentifier, String aggregateIdentifier, long sequence, String type, String timestamp,
               String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {
    }

    /** The rows {@code commands} append, in order, with the columns and bytes Parley writes for them. */
    static List<Row> rows(List<Object> commands) {
        List<Row> rows = new ArrayList<>(commands.size());
        Map<String, Long> sequences = new java.util.HashMap<>();
        for (Object command : commands) {
            Object event;
            String aggregateId;
            if (command instanceof ReportIncidentCommand report) {
                aggregateId = report.incidentId().value();
                event = new IncidentReportedEvent(report.incidentId(), report.location(), report.attackers(),
                                                  report.defenders(), report.description(), report.occurredAt(),
                                                  report.source());
            } else if (command instanceof RecordCasualtiesCommand casualties) {
                aggregateId = casualties.incidentId().value();
                event = new CasualtiesRecordedEvent(casualties.incidentId(), casualties.side(), casualties.killed(),
                                                    casualties.wounded(), casualties.occurredAt(),
                                                    casualties.source());
            } else {
                throw new IllegalArgumentException("not a workload command: " + command);
            }
            long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
            String eventId = UUID.randomUUID().toString();
            rows.add(new Row(eventId, aggregateId, sequence, AggregateTypes.BORDER_INCIDENT,
                             Instant.now().toString(), event.getClass().getName(),
                             event.getClass().getAnnotation(Revision.class).value(), json(event),
                             json(Map.of("correlationId", eventId))));
        }
        return rows;
    }

    /**
     * {@code commands} as the lines of a command file (DOMAIN.md's format), in order: what {@code parley run} reads
     * for the same work.
     */
    static List<String> lines(List<Object> commands) {
        List<String> lines = new ArrayList<>(commands.size());
        for (Object command : commands) {
            Map<String, Object> line = new java.util.LinkedHashMap<>();
            if (command instanceof ReportIncidentCommand report) {
                line.put("command", "ReportIncident");
                line.put("incidentId", report.incidentId().value());
                line.put("location", report.location());
                line.put("attackers", report.attackers());
                line.put("defenders", report.defenders());
                line.put("description", report.description());
                line.put("occurredAt", report.occurredAt().toString());
                line.put("source", report.source());
            } else if (command instanceof RecordCasualtiesCommand casualties) {
                line.put("command", "RecordCasualties");
                line.put("incidentId", casualties.incidentId().value());
                line.put("side", casualties.side());
                line.put("killed", casualties.killed());
                line.put("wounded", casualties.wounded());
                line.put("occurredAt", casualties.occurredAt().toString());
                line.put("source", casualties.source());
            } else {
                throw new IllegalArgumentException("not a workload command: " + command);
            }
            lines.add(new String(json(line), java.nio.charset.StandardCharsets.UTF_8));
        }
        return lines;
    }

    private static byte[] json(Object value) {
        try {
            return ParleyJson.mapper().writeValueAsBytes(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
