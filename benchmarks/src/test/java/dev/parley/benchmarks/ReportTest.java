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
    void everyTargetOfTheIssueIsListedInItsOrderEvenWhenNothingWasMeasured() {
        List<Target> targets = Target.of(List.of());

        assertThat(targets).extracting(Target::target).containsExactly(
                "commands, 1 thread [h2]: at least 3x stock Axon",
                "commands, 1 thread [h2]: at least 25% of the raw-JDBC limit",
                "commands, 1 thread, one command file (parley run) [h2]: at least 3x stock Axon",
                "commands, 1 thread, one command file (parley run) [h2]: at least 25% of the raw-JDBC limit",
                "commands, 1 thread [postgres]: at least 3x stock Axon",
                "commands, 1 thread [postgres]: at least 25% of the raw-JDBC limit",
                "commands, 1 thread, one command file (parley run) [postgres]: at least 3x stock Axon",
                "commands, 1 thread, one command file (parley run) [postgres]: at least 25% of the raw-JDBC limit",
                "commands, 2 threads on distinct aggregates [h2]: at least 1.5x Parley's own 1-thread figure",
                "commands, 2 threads on distinct aggregates [postgres]: at least 1.5x Parley's own 1-thread figure",
                "durable PostgreSQL, 4 writer threads: at least the raw single-client commit rate",
                "replay [h2]: at least 20x stock tracking processors",
                "replay [h2]: at least 50% of the raw read-and-deserialize limit",
                "replay [postgres]: at least 20x stock tracking processors",
                "replay [postgres]: at least 50% of the raw read-and-deserialize limit",
                "a 1,000,000-event replay completes in a heap of 256 MB [h2]",
                "a 1,000,000-event replay completes in a heap of 256 MB [postgres]",
                "fork + 100 commands + diff [h2]: at 1,000,000 base events within 2x of the figure at 10,000",
                "fork + 100 commands + diff [postgres]: at 1,000,000 base events within 2x of the figure at 10,000",
                "verify [h2]: at least 50% of its limit",
                "verify [postgres]: at least 50% of its limit");
        assertThat(targets).allSatisfy(target -> {
            assertThat(target.met()).isNull();
            assertThat(target.detail()).isEqualTo("not measured in this run");
        });
    }

    @Test
    void commandsOnOneThreadAreComparedWithStockAxonAndTheLimitOfTheirOwnStore() {
        List<Target> targets = Target.of(List.of(
                Figure.rate("commands/s, 1 thread [h2]", 2_000, "commands/s", 600.0, 150.0, 2_000.0),
                Figure.rate("commands/s, 1 thread [postgres]", 2_000, "commands/s", 500.0, 250.0, 4_000.0)));

        assertThat(target(targets, "commands, 1 thread [h2]: at least 3x")).satisfies(target -> {
            assertThat(target.met()).isTrue();
            assertThat(target.detail()).isEqualTo("4.00x: Parley 600 against 150 commands/s");
        });
        assertThat(target(targets, "commands, 1 thread [h2]: at least 25%")).satisfies(target -> {
            assertThat(target.met()).isTrue();
            assertThat(target.detail()).isEqualTo("30%: Parley 600 against 2,000 commands/s");
        });
        assertThat(target(targets, "commands, 1 thread [postgres]: at least 3x").met()).isFalse();
        assertThat(target(targets, "commands, 1 thread [postgres]: at least 25%")).satisfies(target -> {
            assertThat(target.met()).isFalse();
            assertThat(target.detail()).startsWith("13%");
        });
    }

    @Test
    void twoThreadsAreComparedWithParleysOwnOneThreadFigureNotWithTheBaselines() {
        List<Target> targets = Target.of(List.of(
                Figure.rate("commands/s, 1 thread [h2]", 2_000, "commands/s", 600.0, 150.0, 2_000.0),
                Figure.rate("commands/s, 2 threads on distinct aggregates [h2]", 2_000, "commands/s", 960.0,
                            10_000.0, 100_000.0),
                Figure.rate("commands/s, 1 thread [postgres]", 2_000, "commands/s", 500.0, 10.0, 100.0),
                Figure.rate("commands/s, 2 threads on distinct aggregates [postgres]", 2_000, "commands/s", 600.0,
                            10.0, 100.0)));

        assertThat(target(targets, "commands, 2 threads on distinct aggregates [h2]")).satisfies(target -> {
            assertThat(target.met()).isTrue();
            assertThat(target.detail()).isEqualTo("1.60x: 960 against 600 commands/s");
        });
        assertThat(target(targets, "commands, 2 threads on distinct aggregates [postgres]")).satisfies(target -> {
            assertThat(target.met()).isFalse();
            assertThat(target.detail()).startsWith("1.20x");
        });
    }

    @Test
    void durableWritersAreComparedWithTheRawCommitRateOfOneClient() {
        Figure oneClient = Figure.rate("commands/s, 1 thread [postgres-durable]", 2_000, "commands/s", 250.0, null,
                                       400.0);
        String name = "durable PostgreSQL, 4 writer threads";

        Target met = target(Target.of(List.of(oneClient, Figure.rate(
                "commands/s, 4 threads on distinct aggregates [postgres-durable]", 2_000, "commands/s", 450.0, null,
                1_200.0))), name);
        Target missed = target(Target.of(List.of(oneClient, Figure.rate(
                "commands/s, 4 threads on distinct aggregates [postgres-durable]", 2_000, "commands/s", 350.0, null,
                1_200.0))), name);
        Target notMeasured = target(Target.of(List.of(oneClient)), name);

        assertThat(met.met()).isTrue();
        assertThat(met.detail()).isEqualTo("1.13x: 450 commands/s against 400 raw commits/s from 1 client");
        assertThat(missed.met()).isFalse();
        assertThat(notMeasured.met()).isNull();
    }

    @Test
    void replayAndVerifyAreJudgedAtTheLargestScaleMeasured() {
        List<Target> targets = Target.of(List.of(
                Figure.rate("replay events/s, all read models [h2]", 100_000, "events/s", 30_000.0, 1_000.0,
                            50_000.0),
                Figure.rate("replay events/s, all read models [h2]", 1_000_000, "events/s", 20_000.0, 1_000.0,
                            50_000.0),
                Figure.rate("verify events/s [h2]", 100_000, "events/s", 40_000.0, null, 100_000.0),
                Figure.rate("verify events/s [h2]", 1_000_000, "events/s", 60_000.0, null, 100_000.0)));

        assertThat(target(targets, "replay [h2]: at least 20x")).satisfies(target -> {
            assertThat(target.met()).isTrue();
            assertThat(target.detail()).isEqualTo(
                    "20.00x: at 1,000,000 events, Parley 20,000 against 1,000 events/s");
        });
        assertThat(target(targets, "replay [h2]: at least 50%")).satisfies(target -> {
            assertThat(target.met()).isFalse();
            assertThat(target.detail()).startsWith("40%: at 1,000,000 events");
        });
        assertThat(target(targets, "verify [h2]").met()).isTrue();
        assertThat(target(targets, "replay [postgres]: at least 20x").met()).isNull();
    }

    @Test
    void theHeapTargetNeedsTheMillionEventReplayAndFailsWhenItDidNotComplete() {
        Figure quick = Figure.cost("peak heap, replay [h2]", 100_000, "MB", 180.0, null, 256.0);
        String name = "a 1,000,000-event replay completes in a heap of 256 MB [h2]";

        Target onlySmall = target(Target.of(List.of(quick)), name);
        Target fits = target(Target.of(List.of(quick, Figure.cost("peak heap, replay [h2]", 1_000_000, "MB", 240.0,
                                                                  null, 256.0))), name);
        Target outOfMemory = target(Target.of(List.of(quick, Figure.cost("peak heap, replay [h2]", 1_000_000, "MB",
                                                                         null, null, 256.0))), name);

        assertThat(onlySmall.met()).isNull();
        assertThat(onlySmall.detail()).isEqualTo("measured up to 100,000 events only: that replay peaked at 180 MB");
        assertThat(fits.met()).isTrue();
        assertThat(outOfMemory.met()).isFalse();
        assertThat(outOfMemory.detail()).contains("did not complete");
    }

    @Test
    void theForkTargetComparesTheLargestBaseWithTheSmallestAndWaitsForAMillionEvents() {
        Figure small = Figure.cost("fork create + 100 commands + diff [h2]", 10_000, "ms", 90.0, null, null);
        Figure middle = Figure.cost("fork create + 100 commands + diff [h2]", 100_000, "ms", 100.0, null, null);
        String name = "fork + 100 commands + diff [h2]";

        Target quick = target(Target.of(List.of(small, middle)), name);
        Target within = target(Target.of(List.of(small, middle, Figure.cost(
                "fork create + 100 commands + diff [h2]", 1_000_000, "ms", 170.0, null, null))), name);
        Target beyond = target(Target.of(List.of(small, middle, Figure.cost(
                "fork create + 100 commands + diff [h2]", 1_000_000, "ms", 200.0, null, null))), name);
        Target withoutSmall = target(Target.of(List.of(middle)), name);

        assertThat(quick.met()).isNull();
        assertThat(quick.detail()).isEqualTo(
                "measured up to 100,000 base events only: 1.11x from 10,000 to 100,000 base events"
                        + " (90.00 ms to 100 ms)");
        assertThat(within.met()).isTrue();
        assertThat(beyond.met()).isFalse();
        assertThat(beyond.detail()).startsWith("2.22x from 10,000 to 1,000,000");
        assertThat(withoutSmall.met()).isNull();
    }

    private static Target target(List<Target> targets, String start) {
        List<Target> found = targets.stream().filter(target -> target.target().startsWith(start)).toList();
        assertThat(found).as("targets starting with " + start).hasSize(1);
        return found.get(0);
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
        JsonNode targets = json.get("targets");
        assertThat(targets).hasSize(Target.of(List.of()).size());
        JsonNode verify = targets.get(targets.size() - 1);
        assertThat(verify.get("target").asText()).isEqualTo("verify [postgres]: at least 50% of its limit");
        assertThat(verify.get("met").asBoolean()).isTrue();
        assertThat(targets.get(0).get("met").isNull()).isTrue();
        assertThat(report.table()).contains("verify events/s [postgres]",
                                            "met     verify [postgres]: at least 50% of its limit: 50%",
                                            "n/a     commands, 1 thread [h2]");
    }

    @Test
    void quickAndStoreAndOnlyAreRead() {
        Bench.Plan plan = Bench.plan(new String[]{"--quick", "--store", "postgres", "--only", "replay,verify"});

        assertThat(plan.quick()).isTrue();
        assertThat(plan.stores()).containsExactly("postgres");
        assertThat(plan.groups()).containsExactly("replay", "verify");
        assertThat(Bench.plan(new String[]{"--quick"}).groups()).doesNotContain("jmh");
        assertThat(Bench.plan(new String[0]).groups()).contains("jmh", "durable");
    }

    @Test
    void theHistoryGrowsThroughTheSmallForkThenEveryHistorySize() {
        assertThat(Bench.plan(new String[]{"--quick"}).historyScales()).containsExactly(10_000, 100_000);
        assertThat(Bench.plan(new String[0]).historyScales()).containsExactly(10_000, 100_000, 1_000_000);
    }
}
