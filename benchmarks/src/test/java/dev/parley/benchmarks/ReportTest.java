package dev.parley.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The ratios, targets, table and JSON of a report, on made-up figures: no timing is measured here. */
class ReportTest {

    private static final Machine MACHINE = new Machine(2, "a JDK", "a CPU", "an OS", 2_048);

    @TempDir
    Path directory;

    @Test
    void ratiosAreHigherIsBetterForParleyForRatesAndForCosts() {
        Figure rate = Figure.rate("commands/s, 1 thread [h2]", 2_000, "commands/s", 500.0, 250.0, 2_000.0);
        Figure cost = Figure.cost("aggregate load, no snapshots [h2]", 1_000, "ms/command", 5.0, 20.0, null);

        assertThat(rate.vsAxonDefault()).isEqualTo(2.0);
        assertThat(rate.vsLimit()).isEqualTo(0.25);
        assertThat(cost.vsAxonDefault()).isEqualTo(4.0);
        assertThat(cost.vsLimit()).isNull();
    }

    @Test
    void targetsAreMetMissedOrNotMeasured() {
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.rate("commands/s, 1 thread [h2]", 2_000, "commands/s", 600.0, 150.0, 2_000.0));
        figures.add(Figure.rate("replay events/s, all read models [h2]", 100_000, "events/s", 1_000.0, 100.0,
                                50_000.0));
        figures.add(Figure.cost("peak heap, replay [h2]", 100_000, "MB", 180.0, null, 256.0));
        figures.add(Figure.cost("fork create + 100 commands + diff [h2]", 10_000, "ms", 90.0, null, null));
        figures.add(Figure.cost("fork create + 100 commands + diff [h2]", 1_000_000, "ms", 200.0, null, null));
        figures.add(Figure.rate("verify events/s [h2]", 100_000, "events/s", 40_000.0, null, 100_000.0));

        List<Target> targets = Target.of(figures);

        assertThat(targets).extracting(Target::met)
                           .containsExactly(true, true, false, false, null, false, false);
        assertThat(targets.get(4).detail()).contains("not measured at 1000000");
        assertThat(targets.get(5).detail()).startsWith("2.22x");
    }

    @Test
    void latestJsonHasOneObjectPerFigureWithEveryColumnAndNullsWhereNoneApplies() throws Exception {
        Report report = Report.of(MACHINE, true, Instant.parse("2025-11-28T10:00:00Z"), List.of(
                Figure.rate("verify events/s [postgres]", 100_000, "events/s", 40_000.0, null, 80_000.0)));
        Path file = directory.resolve("results").resolve("latest.json");

        report.write(file);

        JsonNode json = dev.parley.projections.json.ParleyJson.mapper().readTree(file.toFile());
        assertThat(json.get("machine").get("cores").asInt()).isEqualTo(2);
        assertThat(json.get("quick").asBoolean()).isTrue();
        JsonNode figure = json.get("figures").get(0);
        List<String> keys = new ArrayList<>();
        figure.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("name", "scale", "unit", "parley", "axonDefault", "limit", "vsAxonDefault",
                                         "vsLimit");
        assertThat(figure.get("axonDefault").isNull()).isTrue();
        assertThat(figure.get("vsLimit").asDouble()).isEqualTo(0.5);
        assertThat(json.get("targets").get(0).get("met").asBoolean()).isTrue();
        assertThat(report.table()).contains("verify events/s [postgres]", "met");
    }

    @Test
    void quickAndStoreAndOnlyAreRead() {
        Bench.Plan plan = Bench.plan(new String[]{"--quick", "--store", "postgres", "--only", "replay,verify"});

        assertThat(plan.quick()).isTrue();
        assertThat(plan.stores()).containsExactly("postgres");
        assertThat(plan.groups()).containsExactly("replay", "verify");
        assertThat(Bench.plan(new String[]{"--quick"}).groups()).doesNotContain("jmh");
        assertThat(Bench.plan(new String[0]).groups()).contains("jmh");
    }
}
