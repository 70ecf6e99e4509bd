package dev.parley.application.integrity;

import java.nio.file.Path;

import static dev.parley.application.integrity.IntegrityCli.parleyExpecting;
import static dev.parley.application.integrity.IntegrityCli.storeUrl;
import static dev.parley.application.integrity.IntegrityCli.write;
import static org.assertj.core.api.Assertions.assertThat;

/** The histories the integrity tests record: the shipped scenario and one of their own, and how to record them. */
enum Scenarios {

    /** ../scenarios/pak-afghan-2025.ndjson: 12 accepted lines, one of them a ceasefire propagated to the incident. */
    SHIPPED(13) {
        @Override
        Path file(Path directory) {
            return Path.of("..", "scenarios", "pak-afghan-2025.ndjson").toAbsolutePath().normalize();
        }
    },

    /**
     * Three incidents and a negotiation of three rounds, interleaved line by line; line 19's ceasefire covers the
     * three incidents, so the process rule writes three more events: 28 lines, 31 events.
     */
    OWN(31) {
        @Override
        Path file(Path directory) {
            return write(directory, "own-scenario.ndjson", OWN_SCENARIO);
        }
    };

    static final String OWN_SCENARIO = """
            {"command":"ReportIncident","incidentId":"inc-kurram","location":"Kurram","attackers":["AFG"],"defenders":["PAK"],"description":"mortar fire on a border post","occurredAt":"2025-10-10","source":"ISPR"}
            {"command":"ReportIncident","incidentId":"inc-chaman","location":"Chaman","attackers":["PAK"],"defenders":["AFG"],"description":"cross-border raid","occurredAt":"2025-10-11","source":"Tolo News"}
            {"command":"RecordStrike","incidentId":"inc-kurram","by":"AFG","targets":["Parachinar"],"description":"artillery on the town","occurredAt":"2025-10-11T08:30:00Z","source":"Dawn"}
            {"command":"RecordCasualties","incidentId":"inc-chaman","side":"AFG","killed":4,"wounded":9,"occurredAt":"2025-10-11","source":"Tolo News"}
            {"command":"RecordStrike","incidentId":"inc-chaman","by":"PAK","targets":["Spin Boldak"],"description":"drone strike","occurredAt":"2025-10-12","source":"Tolo News"}
            {"command":"ReportIncident","incidentId":"inc-torkham","location":"Torkham crossing","attackers":["AFG","TTP"],"defenders":["PAK"],"description":"attack on the crossing","occurredAt":"2025-10-12","source":"Geo News"}
            {"command":"RecordCasualties","incidentId":"inc-kurram","side":"PAK","killed":3,"wounded":5,"occurredAt":"2025-10-12","source":"ISPR"}
            {"command":"RecordStrike","incidentId":"inc-torkham","by":"TTP","targets":["Landi Kotal"],"description":"rocket fire","occurredAt":"2025-10-13","source":"Geo News"}
            {"command":"OpenRound","negotiationId":"doha-talks","round":1,"parties":["PAK","AFG"],"mediators":["QAT"],"venue":"Doha","occurredAt":"2025-10-14","source":"Al Jazeera","actor":"analyst"}
            {"command":"RecordStrike","incidentId":"inc-kurram","by":"PAK","targets":["Khost"],"description":"retaliation","occurredAt":"2025-10-14","source":"Dawn"}
            {"command":"SubmitFramework","negotiationId":"doha-talks","frameworkId":"border-mechanism","submittedBy":"PAK","title":"Joint border mechanism","provisions":["hotline","joint patrols"],"occurredAt":"2025-10-14","source":"Radio Pakistan"}
            {"command":"RecordCasualties","incidentId":"inc-torkham","side":"PAK","killed":5,"occurredAt":"2025-10-13","source":"ISPR"}
            {"command":"RespondToFramework","negotiationId":"doha-talks","frameworkId":"border-mechanism","party":"AFG","response":"REJECTED","occurredAt":"2025-10-15","source":"Tolo News"}
            {"command":"ConcludeRound","negotiationId":"doha-talks","outcome":"No agreement; a second round in Istanbul","occurredAt":"2025-10-15","source":"Al Jazeera"}
            {"command":"RecordStrike","incidentId":"inc-chaman","by":"AFG","targets":["Chaman bazaar"],"description":"return fire","occurredAt":"2025-10-15","source":"Dawn"}
            {"command":"OpenRound","negotiationId":"doha-talks","round":2,"mediators":["QAT","TUR"],"venue":"Istanbul","occurredAt":"2025-10-18","source":"Anadolu"}
            {"command":"SubmitFramework","negotiationId":"doha-talks","frameworkId":"prisoner-exchange","submittedBy":"AFG","title":"Prisoner exchange","provisions":[],"occurredAt":"2025-10-18","source":"Anadolu"}
            {"command":"RespondToFramework","negotiationId":"doha-talks","frameworkId":"prisoner-exchange","party":"PAK","response":"ACCEPTED","occurredAt":"2025-10-19","source":"Radio Pakistan"}
            {"command":"DeclareCeasefire","negotiationId":"doha-talks","effectiveFrom":"2025-10-19T06:00:00Z","terms":"ceasefire along the whole border","coversIncidents":["inc-kurram","inc-chaman","inc-torkham"],"occurredAt":"2025-10-19","source":"Anadolu"}
            {"command":"ReportViolation","incidentId":"inc-kurram","by":"AFG","description":"sniper fire","occurredAt":"2025-10-20","source":"ISPR"}
            {"command":"RecordCasualties","incidentId":"inc-chaman","side":"PAK","killed":1,"occurredAt":"2025-10-16","source":"Dawn"}
            {"command":"ReportViolation","incidentId":"inc-torkham","by":"TTP","description":"ambush of a convoy","occurredAt":"2025-10-21","source":"Geo News"}
            {"command":"ConcludeRound","negotiationId":"doha-talks","outcome":"Ceasefire holds; prisoners to be exchanged","occurredAt":"2025-10-22","source":"Anadolu"}
            {"command":"OfferMediation","negotiationId":"doha-talks","mediator":"IRN","occurredAt":"2025-10-23","source":"IRNA"}
            {"command":"RecordCasualties","incidentId":"inc-torkham","side":"AFG","killed":2,"occurredAt":"2025-10-21","source":"Tolo News"}
            {"command":"OpenRound","negotiationId":"doha-talks","round":3,"mediators":["IRN"],"venue":"Tehran","occurredAt":"2025-10-25","source":"IRNA"}
            {"command":"Collapse","negotiationId":"doha-talks","reason":"Walk-out over cross-border militancy","occurredAt":"2025-10-28","source":"Geo News"}
            {"command":"ReportViolation","incidentId":"inc-chaman","by":"PAK","description":"shelling","occurredAt":"2025-10-29","source":"Tolo News"}
            """;

    private final int events;

    Scenarios(int events) {
        this.events = events;
    }

    /** How many events recording the scenario stores, the process rule's included. */
    int events() {
        return events;
    }

    /** The command file of the scenario, written under {@code directory} when it is the test's own. */
    abstract Path file(Path directory);

    /** Records the scenario with {@code parley run} into a new H2 store in {@code directory}; returns its URL. */
    String record(Path directory) {
        String url = storeUrl(directory);
        parleyExpecting(0, "run", "--store", url, file(directory).toString());
        assertThat(Tables.eventCount(url)).as("events stored by %s", this).isEqualTo(events);
        return url;
    }
}
