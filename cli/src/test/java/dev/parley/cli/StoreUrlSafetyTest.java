package dev.parley.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import static dev.parley.cli.Cli.assertNoStackTrace;
import static dev.parley.cli.Cli.parley;
import static dev.parley.cli.Cli.storeUrl;
import static dev.parley.cli.Cli.write;
import static org.assertj.core.api.Assertions.assertThat;

/** A store URL is an address, not a script: settings that run code are refused unless the user allows them. */
class StoreUrlSafetyTest {

    @TempDir
    Path directory;

    private String script() {
        return write(directory, "evil.sql", "CREATE SCHEMA IF NOT EXISTS evil; CREATE TABLE IF NOT EXISTS evil.pwned (x INT);\n").toString().replace('\\', '/');
    }

    @ParameterizedTest
    @ValueSource(strings = {";INIT=RUNSCRIPT FROM '%s'", ";init=runscript from '%s'", "; Init = RUNSCRIPT FROM '%s'",
                            ";MODE=Regular\\;INIT=RUNSCRIPT FROM '%s'", ";LOCK_TIMEOUT=1000;;INIT=RUNSCRIPT FROM '%s'",
                            ";DATABASE_EVENT_LISTENER='java.lang.Object'", ";JAVA_OBJECT_SERIALIZER='x.Y'",
                            ";AUTHENTICATOR=TRUE"})
    void settingsThatRunCodeAreRefusedBeforeTheStoreIsOpened(String settings) {
        String url = storeUrl(directory) + settings.replace("%s", script());

        Cli.Result status = parley("status", "--store", url);

        assertThat(status.exitCode()).isEqualTo(1);
        assertThat(status.err()).startsWith("parley: refusing the store URL: its setting ")
                                .contains("--allow-unsafe-store-settings");
        assertNoStackTrace(status.err());
        assertThat(directory.resolve("parley.mv.db")).doesNotExist();
    }

    @Test
    void theExplicitOptionAllowsThem() throws Exception {
        String url = storeUrl(directory) + ";INIT=RUNSCRIPT FROM '" + script() + "'";

        Cli.Result status = parley("status", "--store", url, "--allow-unsafe-store-settings");

        assertThat(status.exitCode()).as(status.err()).isZero();
        try (Connection connection = DriverManager.getConnection(storeUrl(directory), "sa", "");
             ResultSet tables = connection.getMetaData().getTables(null, "EVIL", "PWNED", null)) {
            assertThat(tables.next()).as("the script ran").isTrue();
        }
    }

    @Test
    void settingsThatOnlyTuneTheDatabaseAreAccepted() {
        Cli.Result status = parley("status", "--store", storeUrl(directory) + ";LOCK_TIMEOUT=5000;db_close_delay=0");

        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(Files.exists(directory.resolve("parley.mv.db"))).isTrue();
    }

    @Test
    void postgresParametersThatNameAClassAreRefused() {
        Cli.Result status = parley("status", "--store",
                                   "jdbc:postgresql://localhost:1/parley?user=x&socketFactory=java.lang.Thread");

        assertThat(status.exitCode()).isEqualTo(1);
        assertThat(status.err()).isEqualToIgnoringNewLines("parley: refusing the store URL: its setting socketFactory "
                                                                   + "could run code or write files when the store "
                                                                   + "opens; remove it, or pass "
                                                                   + "--allow-unsafe-store-settings if you trust it");
    }

    @Test
    void anEmptyStoreUrlIsAnErrorNotTheDefault() {
        Cli.Result status = parley("status", "--store", "");

        assertThat(status.exitCode()).isEqualTo(1);
        assertThat(status.err()).isEqualToIgnoringNewLines("parley: the store URL is empty: give a JDBC URL with "
                                                                   + "--store or PARLEY_STORE, or set neither to use "
                                                                   + "jdbc:h2:file:./parley-data/parley");
        Cli.Result run = parley("run", "--store", " ", write(directory, "empty.ndjson", "").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("the store URL is empty");
    }

    @Test
    void anEmptyParleyStoreVariableIsAnErrorNotTheDefault() throws Exception {
        ProcessBuilder parley = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                                   "-cp", System.getProperty("java.class.path"),
                                                   ParleyCli.class.getName(), "forks")
                .directory(directory.toFile()).redirectErrorStream(true);
        parley.environment().put("PARLEY_STORE", "");
        Process process = parley.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(process.waitFor()).isEqualTo(1);
        assertThat(output).startsWith("parley: the store URL is empty");
        assertThat(directory.resolve("parley-data")).doesNotExist();
    }
}
