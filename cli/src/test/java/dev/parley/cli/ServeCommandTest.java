package dev.parley.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ServeCommandTest {

    @TempDir
    Path directory;

    @Test
    void listeningBeyondTheLoopbackInterfaceWithoutATokenIsRefusedBeforeAnythingStarts() throws Exception {
        Cli.Result refused = Cli.parley("serve", "--store", Cli.storeUrl(directory), "--bind", "0.0.0.0");

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(refused.err()).contains("without an access token").contains("--token");
        Cli.assertNoStackTrace(refused.err());
        try (var files = Files.list(directory)) {
            assertThat(files).as("no store opened").isEmpty();
        }
    }

    @Test
    void aPortOutsideTheRangeIsRefused() {
        Cli.Result refused = Cli.parley("serve", "--store", Cli.storeUrl(directory), "--port", "70000");

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(refused.err()).contains("--port is 0 to 65535");
    }

    @Test
    void anEmptyStoreUrlIsRefusedAsByEveryOtherCommand() {
        Cli.Result refused = Cli.parley("serve", "--store", "");

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.FAILURE);
        Cli.assertNoStackTrace(refused.err());
    }
}
