package dev.parley.web;

import dev.parley.application.Parley;
import dev.parley.application.commandfile.CommandFileRunner;
import dev.parley.application.integrity.Integrity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A real H2 file store with the shipped scenario recorded and a checkpoint signed, for the console's tests. */
final class RecordedStore {

    static final Path SCENARIO = Path.of("..", "scenarios", "pak-afghan-2025.ndjson");

    final Path directory;
    final String url;
    final Path keys;

    private RecordedStore(Path directory) {
        this.directory = directory;
        this.url = "jdbc:h2:file:" + directory.resolve("parley").toAbsolutePath();
        this.keys = directory.resolve("keys");
    }

    /** The shipped scenario and then {@code extraLines}, recorded into a new store; a checkpoint signed over all. */
    static RecordedStore withScenario(List<String> extraLines) {
        try {
            RecordedStore store = new RecordedStore(Files.createTempDirectory("parley-web-test"));
            try (Parley parley = store.open()) {
                CommandFileRunner runner = new CommandFileRunner(parley.commands(), "web-test");
                CommandFileRunner.Outcome recorded = runner.run(SCENARIO, new CommandFileRunner.Listener() { });
                CommandFileRunner.Outcome extra = runner.run(extraLines, new CommandFileRunner.Listener() { });
                if (!recorded.allAccepted() || !extra.allAccepted()) {
                    throw new IllegalStateException("the scenario was rejected: " + recorded.rejections()
                                                            + extra.rejections());
                }
                parley.awaitReadModels(Duration.ofSeconds(60));
                Integrity.Outcome<?> signed = parley.integrity().sign(done -> { });
                if (!signed.intact()) {
                    throw new IllegalStateException("cannot sign: " + signed.problem().describe());
                }
            }
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Parley open() {
        return Parley.builder().store(url).keys(keys).build();
    }
}
