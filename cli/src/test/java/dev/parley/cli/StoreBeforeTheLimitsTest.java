package dev.parley.cli;

import dev.parley.application.Parley;
import dev.parley.incident.api.CasualtiesRecordedEvent;
import dev.parley.incident.api.IncidentReportedEvent;
import dev.parley.shared.api.AggregateTypes;
import dev.parley.shared.api.IncidentId;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static dev.parley.cli.Cli.parley;
import static dev.parley.cli.Cli.status;
import static dev.parley.cli.Cli.storeUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store written before the limits existed may hold what commands now refuse: counts whose sum passes the range of
 * an int and times hundreds of millennia away. Such a store still displays, replays, verifies and exports; its
 * export imports only once those events are brought within the limits, as import takes what a command would.
 */
class StoreBeforeTheLimitsTest {

    @TempDir
    Path directory;

    @Test
    void eventsBeyondTodaysLimitsStillDisplayReplayVerifyAndExport() {
        String store = storeUrl(directory);
        IncidentId id = new IncidentId("inc-old");
        Instant farOff = Instant.parse("+300000-01-01T00:00:00Z");
        try (Parley parley = Parley.builder().store(store).readModels(false).build()) {
            parley.eventStore().publish(List.of(
                    event(id, 0, new IncidentReportedEvent(id, "Border posts", List.of("AFG"), List.of("PAK"),
                                                           "attack", Instant.parse("2025-10-12T00:00:00Z"), "ISPR")),
                    event(id, 1, new CasualtiesRecordedEvent(id, "PAK", Integer.MAX_VALUE, 0, farOff, "ISPR")),
                    event(id, 2, new CasualtiesRecordedEvent(id, "PAK", Integer.MAX_VALUE, 1,
                            Instant.parse("-999999999-01-01T00:00:00Z"), "ISPR"))));
        }

        assertThat(status(store).at("/incidents/0/casualties/PAK/killed").asLong())
                .isEqualTo(2L * Integer.MAX_VALUE);
        for (String command : List.of("timeline", "audit")) {
            Cli.Result shown = parley(command, "--store", store);
            assertThat(shown.exitCode()).as("%s: %s", command, shown.err()).isZero();
        }
        assertThat(parley("timeline", "--store", store).out()).contains("+300000-01-01 Casualties");
        assertThat(parley("status", "--store", store, "--at", "2025-10-13").out()).contains("killed");
        assertThat(parley("replay", "--store", store).exitCode()).isZero();
        Path export = directory.resolve("old.ndjson");
        assertThat(parley("export", "--store", store, "--out", export.toString()).exitCode()).isZero();
        assertThat(export).content().contains("+300000-01-01T00:00:00Z");
        Cli.Result verified = parley("verify", "--store", store);
        assertThat(verified.exitCode()).as("verify: %s%s", verified.out(), verified.err()).isZero();
        Cli.Result imported = parley("import", "--store", storeUrl(directory.resolve("copy")), export.toString());
        assertThat(imported.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(imported.err()).contains("killed must be 0 to 1000000, was 2147483647");
    }

    private static GenericDomainEventMessage<Object> event(IncidentId id, long sequence, Object payload) {
        return new GenericDomainEventMessage<>(AggregateTypes.BORDER_INCIDENT, id.value(), sequence, payload);
    }
}
