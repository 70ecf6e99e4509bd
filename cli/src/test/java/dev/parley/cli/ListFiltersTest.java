package dev.parley.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.parley.cli.Cli.json;
import static dev.parley.cli.Cli.parley;
import static dev.parley.cli.Cli.storeUrl;
import static dev.parley.cli.Cli.write;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code status} and {@code timeline} narrowed by kind, id prefix and status, cut by {@code --limit}. */
class ListFiltersTest {

    private static final Path SCENARIO = Path.of("..", "scenarios", "pak-afghan-2025.ndjson");

    @TempDir
    Path directory;

    private String store;

    /** The shipped scenario (one negotiation, one incident under a ceasefire) and twelve active incidents more. */
    @BeforeEach
    void aStore() {
        store = storeUrl(directory);
        Cli.Result scenario = parley("run", "--store", store, SCENARIO.toString());
        assertThat(scenario.exitCode()).as(scenario.err()).isZero();
        StringBuilder more = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            more.append("{\"command\":\"ReportIncident\",\"incidentId\":\"").append(i < 10 ? "chaman-" : "kurram-")
                .append(i).append("\",\"location\":\"Border\",\"attackers\":[\"AFG\"],\"defenders\":[\"PAK\"],")
                .append("\"description\":\"clash\",\"occurredAt\":\"2025-11-0").append(1 + i % 9)
                .append("\",\"source\":\"ISPR\"}\n");
        }
        Cli.Result run = parley("run", "--store", store, write(directory, "more.ndjson", more.toString()).toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    private JsonNode status(String... filters) {
        List<String> args = new ArrayList<>(List.of("status", "--store", store, "--json"));
        args.addAll(List.of(filters));
        Cli.Result result = parley(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isZero();
        return json(result.out());
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(entry -> ids.add(entry.get("id").asText()));
        return ids;
    }

    @Test
    void statusNarrowsByKindPrefixAndStatus() {
        JsonNode incidents = status("--kind", "incident");
        assertThat(incidents.get("negotiations")).isEmpty();
        assertThat(incidents.get("incidents")).hasSize(13);

        JsonNode negotiations = status("--kind", "negotiation");
        assertThat(ids(negotiations.get("negotiations"))).containsExactly("pak-afg-talks-2025");
        assertThat(negotiations.get("incidents")).isEmpty();

        JsonNode kurram = status("--id-prefix", "kurram-");
        assertThat(ids(kurram.get("incidents"))).containsExactlyInAnyOrder("kurram-10", "kurram-11");

        JsonNode active = status("--status", "active");
        assertThat(active.get("incidents")).hasSize(12)
                                           .allSatisfy(incident -> assertThat(incident.get("status").asText())
                                                   .isEqualTo("ACTIVE"));
        assertThat(active.get("negotiations")).isEmpty();
        assertThat(ids(status("--status", "ceasefire").get("incidents")))
                .containsExactly("pak-afg-border-posts-2025-10-12");
    }

    @Test
    void aLimitCutsTheListingAndSaysHowManyWereLeftOut() {
        Cli.Result limited = parley("status", "--store", store, "--limit", "3");

        assertThat(limited.exitCode()).isZero();
        assertThat(limited.err()).contains("Showing 3 of 14 negotiations and incidents; 11 left out");
        JsonNode json = status("--limit", "3");
        assertThat(json.get("negotiations").size() + json.get("incidents").size()).isEqualTo(3);

        Cli.Result all = parley("status", "--store", store);
        assertThat(all.err()).doesNotContain("left out");
    }

    @Test
    void timelineNarrowsByKindAndPrefixAndLimits() {
        Cli.Result negotiation = parley("timeline", "--store", store, "--json", "--kind", "negotiation");
        assertThat(negotiation.exitCode()).isZero();
        assertThat(json(negotiation.out())).hasSize(7)
                                           .allSatisfy(entry -> assertThat(entry.get("aggregateId").asText())
                                                   .isEqualTo("pak-afg-talks-2025"));

        Cli.Result limited = parley("timeline", "--store", store, "--json", "--id-prefix", "chaman-", "--limit", "4");
        assertThat(json(limited.out())).hasSize(4)
                                       .allSatisfy(entry -> assertThat(entry.get("aggregateId").asText())
                                               .startsWith("chaman-"));
        int events = json(parley("timeline", "--store", store, "--json").out()).size();
        assertThat(events).isGreaterThan(20);
        assertThat(limited.err()).contains("Showing 4 of " + events + " events; " + (events - 4) + " left out");
    }

    @Test
    void badFilterValuesAreRefusedWithTheChoices() {
        Cli.Result status = parley("status", "--store", store, "--status", "PEACE");
        assertThat(status.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(status.err()).contains("PEACE").contains("CEASEFIRE").contains("ROUND_OPEN");

        Cli.Result limit = parley("timeline", "--store", store, "--limit", "0", "--json");
        assertThat(limit.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(json(limit.err()).get("code").asText()).isEqualTo("INVALID_ARGUMENT");

        Cli.Result kind = parley("status", "--store", store, "--kind", "treaty");
        assertThat(kind.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(kind.err()).contains("treaty").contains("negotiation").contains("incident");
    }
}
