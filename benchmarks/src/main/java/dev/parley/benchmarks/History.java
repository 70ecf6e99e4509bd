package dev.parley.benchmarks;

import dev.parley.application.Parley;
import dev.parley.incident.api.CasualtiesRecordedEvent;
import dev.parley.incident.api.CeasefireDeclaredEvent;
import dev.parley.incident.api.CeasefireViolatedEvent;
import dev.parley.incident.api.IncidentReportedEvent;
import dev.parley.incident.api.StrikeRecordedEvent;
import dev.parley.negotiation.api.FrameworkAcceptedEvent;
import dev.parley.negotiation.api.FrameworkRejectedEvent;
import dev.parley.negotiation.api.FrameworkSubmittedEvent;
import dev.parley.negotiation.api.MediationOfferedEvent;
import dev.parley.negotiation.api.RoundConcludedEvent;
import dev.parley.negotiation.api.RoundOpenedEvent;
import dev.parley.negotiation.api.TalksCollapsedEvent;
import dev.parley.shared.api.AggregateTypes;
import dev.parley.shared.api.IncidentId;
import dev.parley.shared.api.NegotiationId;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.LongConsumer;

/**
 * Large histories of a known shape, stored fast through Parley's own append path (so that every row has its real
 * leaf hash): streams of ten events, 49 incidents to each negotiation, events of a hundred streams interleaved in
 * each append of a thousand.
 */
final class History {

    static final int EVENTS_PER_STREAM = 10;
    private static final int STREAMS_PER_APPEND = 100;
    private static final Instant FIRST_DAY = Instant.parse("2025-09-01T00:00:00Z");
    private static final long DAY = 86_400;

    private History() {
    }

    /**
     * Where the numbers of streams that a figure adds beside the history start (the checkpoint after new events):
     * far above any history's own, so that growing the history afterwards never meets them.
     */
    static final long ADDED_STREAMS = 1_000_000_000L;

    /** The id of stream {@code k}: every fiftieth is a negotiation, the rest are incidents. */
    static String streamId(long k) {
        return isIncident(k) ? "inc-" + k : "neg-" + k;
    }

    static boolean isIncident(long k) {
        return k % 50 != 49;
    }

    /**
     * Grows a history of {@code from} events (as this class stores them) to at least {@code to} events, whole streams
     * of ten, through {@code parley}; returns how many it stored. Growing in steps stores the same history as storing
     * it at once.
     */
    static long grow(Parley parley, long from, long to, LongConsumer progress) {
        if (from % (EVENTS_PER_STREAM * STREAMS_PER_APPEND) != 0) {
            throw new IllegalArgumentException("a history grows from whole appends of "
                    + EVENTS_PER_STREAM * STREAMS_PER_APPEND + " events, not from " + from);
        }
        long streams = (to + EVENTS_PER_STREAM - 1) / EVENTS_PER_STREAM;
        long stored = 0;
        for (long first = from / EVENTS_PER_STREAM; first < streams; first += STREAMS_PER_APPEND) {
            long count = Math.min(STREAMS_PER_APPEND, streams - first);
            List<DomainEventMessage<?>> batch = interleaved(first, count);
            parley.eventStore().publish(batch);
            stored += batch.size();
            progress.accept(from + stored);
        }
        return stored;
    }

    /** Stores one incident stream of {@code events} events: a report, then casualty reports. */
    static void loadLongStream(Parley parley, String incidentId, int events) {
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        IncidentId id = new IncidentId(incidentId);
        for (int sequence = 0; sequence < events; sequence++) {
            Object payload = sequence == 0
                    ? new IncidentReportedEvent(id, "Kurram", List.of("AFG", "TTP"), List.of("PAK"),
                                                "raids on border posts along the Kurram valley", FIRST_DAY, "ISPR")
                    : new CasualtiesRecordedEvent(id, sequence % 2 == 0 ? "PAK" : "AFG", 1, sequence % 3,
                                                  FIRST_DAY.plusSeconds(sequence * 60L), "Tolo News");
            batch.add(message(AggregateTypes.BORDER_INCIDENT, incidentId, sequence, payload));
            if (batch.size() == 1_000) {
                parley.eventStore().publish(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            parley.eventStore().publish(batch);
        }
    }

    /** The events of streams {@code first} to {@code first + count - 1}, round-robin by sequence. */
    static List<DomainEventMessage<?>> interleaved(long first, long count) {
        List<DomainEventMessage<?>> events = new ArrayList<>((int) count * EVENTS_PER_STREAM);
        for (int sequence = 0; sequence < EVENTS_PER_STREAM; sequence++) {
            for (long k = first; k < first + count; k++) {
                events.add(isIncident(k) ? incidentEvent(k, sequence) : negotiationEvent(k, sequence));
            }
        }
        return events;
    }

    private static DomainEventMessage<?> incidentEvent(long k, int sequence) {
        IncidentId id = new IncidentId(streamId(k));
        Instant day = FIRST_DAY.plusSeconds((k % 60) * DAY);
        boolean pakAttacks = k % 2 == 0;
        String attacker = pakAttacks ? "PAK" : "AFG";
        String defender = pakAttacks ? "AFG" : "PAK";
        boolean ceasefire = k % 5 == 0;
        Object payload = switch (sequence) {
            case 0 -> new IncidentReportedEvent(id, "Border post " + k, List.of(attacker), List.of(defender),
                                                "clash number " + k + " at the border crossing", day, "ISPR");
            case 2, 6 -> new StrikeRecordedEvent(id, attacker, List.of("target " + k + "-" + sequence),
                                                 "artillery on the post", day.plusSeconds(sequence * 3_600L), "ISPR");
            case 4 -> new StrikeRecordedEvent(id, defender, List.of("target " + k + "-" + sequence),
                                              "return fire across the line", day.plusSeconds(sequence * 3_600L),
                                              "Dawn");
            case 7 -> ceasefire
                    ? new CeasefireDeclaredEvent(id, day.plusSeconds(3 * DAY), null, day.plusSeconds(3 * DAY),
                                                 "Radio Pakistan")
                    : casualties(id, k, sequence, attacker, day);
            case 8 -> ceasefire
                    ? new CeasefireViolatedEvent(id, attacker, "sniper fire", day.plusSeconds(4 * DAY), "ISPR")
                    : new StrikeRecordedEvent(id, defender, List.of("target " + k + "-" + sequence),
                                              "drone strike", day.plusSeconds(sequence * 3_600L), "Tolo News");
            default -> casualties(id, k, sequence, sequence % 4 == 1 ? attacker : defender, day);
        };
        return message(AggregateTypes.BORDER_INCIDENT, id.value(), sequence, payload);
    }

    private static CasualtiesRecordedEvent casualties(IncidentId id, long k, int sequence, String side, Instant day) {
        return new CasualtiesRecordedEvent(id, side, (int) ((k + sequence) % 7), (int) ((k * sequence) % 5),
                                           day.plusSeconds(sequence * 3_600L), "Tolo News");
    }

    private static DomainEventMessage<?> negotiationEvent(long k, int sequence) {
        NegotiationId id = new NegotiationId(streamId(k));
        Instant at = FIRST_DAY.plusSeconds(((k % 60) + sequence) * DAY);
        Object payload = switch (sequence) {
            case 0 -> new RoundOpenedEvent(id, 1, List.of("PAK", "AFG"), List.of("QAT"), "Doha", at,
                                           "Radio Pakistan");
            case 1 -> new FrameworkSubmittedEvent(id, 1, "border-mechanism", "PAK", "Joint border mechanism",
                                                  List.of("hotline", "joint patrols"), at, "Radio Pakistan");
            case 2 -> new FrameworkAcceptedEvent(id, "border-mechanism", "AFG", at, "Tolo News");
            case 3 -> new MediationOfferedEvent(id, "TUR", at, "Anadolu");
            case 4 -> new RoundConcludedEvent(id, 1, "a second round in Istanbul", at, "Al Jazeera");
            case 5 -> new RoundOpenedEvent(id, 2, List.of("PAK", "AFG"), List.of("QAT", "TUR"), "Istanbul", at,
                                           "Anadolu");
            case 6 -> new FrameworkSubmittedEvent(id, 2, "prisoner-exchange", "AFG", "Prisoner exchange",
                                                  List.of(), at, "Anadolu");
            case 7 -> new FrameworkRejectedEvent(id, "prisoner-exchange", "PAK", at, "Radio Pakistan");
            case 8 -> new TalksCollapsedEvent(id, 2, "walk-out over cross-border militancy", at, "Geo News");
            default -> new MediationOfferedEvent(id, "IRN", at, "IRNA");
        };
        return message(AggregateTypes.NEGOTIATION, id.value(), sequence, payload);
    }

    private static DomainEventMessage<?> message(String type, String aggregateId, long sequence, Object payload) {
        MetaData metaData = MetaData.with("actor", "bench").and("correlationId", UUID.randomUUID().toString());
        return new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, metaData);
    }
}
