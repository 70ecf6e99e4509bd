package dev.parley.application;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.projections.json.ParleyJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged jar, run as a child process the way a user runs it. */
class ParleyJarIT {

    private static final Path JAR = Path.of(System.getProperty("parley.jar", "target/parley.jar"));
    private static final Path SCENARIO = Path.of("..", "scenarios", "pak-afghan-2025.ndjson").toAbsolutePath();

    @TempDir
    Path directory;

    record Result(int exit, String out, String err) {
    }

    private Result parley(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().remove("PARLEY_STORE");
        builder.environment().putAll(environment);
        Path out = directory.resolve("out.txt");
        Path err = directory.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("parley finished").isTrue();
        return new Result(process.exitValue(), read(out), read(err));
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void theDemoTellsTheStoryAndEndsWithTheStatus() throws Exception {
        Result demo = parley(Map.of(), "demo");

        assertThat(demo.exit()).isZero();
        assertThat(demo.out()).contains("line  6", "recorded: Incident pak-afg-border-posts-2025-10-12",
                                        "under ceasefire from 2025-10-19",
                                        "Negotiation pak-afg-talks-2025: COLLAPSED (round 2)",
                                        "Incident pak-afg-border-posts-2025-10-12: CEASEFIRE",
                                        "12 commands accepted, 0 rejected");
        assertThat(demo.err()).doesNotContain("Exception");
        assertThat(directory.resolve("parley-data")).doesNotExist();
    }

    @Test
    void runThenStatusOnTheDefaultStoreInTheWorkingDirectory() throws Exception {
        Result run = parley(Map.of(), "run", SCENARIO.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.err()).contains("12 of 12 commands accepted");
        assertThat(directory.resolve("parley-data")).isDirectory();

        Result status = parley(Map.of(), "status", "--json");
        assertThat(status.exit()).isZero();
        JsonNode json = ParleyJson.mapper().readTree(status.out());
        JsonNode talks = json.get("negotiations").get(0);
        assertThat(talks.get("status").asText()).isEqualTo("COLLAPSED");
        assertThat(talks.get("currentRound").asInt()).isEqualTo(2);
        assertThat(talks.get("rounds").get(1).get("mediators").toString()).isEqualTo("[\"QAT\",\"TUR\"]");
        assertThat(talks.get("ceasefireInForce").asBoolean()).isTrue();
        assertThat(talks.get("ceasefireEffectiveFrom").asText()).isEqualTo("2025-10-19T00:00:00Z");
        assertThat(talks.get("mediationOffers").toString()).isEqualTo("[\"IRN\"]");
        JsonNode incident = json.get("incidents").get(0);
        assertThat(incident.get("status").asText()).isEqualTo("CEASEFIRE");
        assertThat(incident.get("casualties").get("PAK").get("killed").asInt()).isEqualTo(23);
        assertThat(incident.get("casualties").get("AFG").get("killed").asInt()).isEqualTo(200);
    }

    @Test
    void theEnvironmentNamesTheStore() throws Exception {
        String url = "jdbc:h2:file:" + directory.resolve("elsewhere").resolve("parley");
        Result run = parley(Map.of("PARLEY_STORE", url), "run", SCENARIO.toString());
        assertThat(run.exit()).isZero();

        Result status = parley(Map.of(), "status", "--store", url, "pak-afg-talks-2025");
        assertThat(status.exit()).isZero();
        assertThat(status.out()).contains("COLLAPSED (round 2)", "mediation offered by: IRN");
        assertThat(directory.resolve("parley-data")).doesNotExist();
    }
}
