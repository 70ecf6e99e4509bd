package dev.parley.application.integrity;

import dev.parley.application.integrity.IntegrityCli.Result;
import dev.parley.application.testing.ParleyProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.parley.application.integrity.IntegrityCli.parley;
import static dev.parley.application.integrity.IntegrityCli.parleyExpecting;
import static dev.parley.application.integrity.IntegrityCli.read;
import static dev.parley.application.integrity.IntegrityCli.storeUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys: a store written before signed-note checkpoints (test resources upgrade/store-before-notes) keeps its key and
 * its old checkpoints and proofs; new keys are made 0600 in a 0700 directory away from the data, a key others may
 * read is refused, and a key can come from the environment or a PKCS#12 keystore instead of a file.
 */
class KeyUpgradeAndHygieneTest {

    private static final Path FIXTURE = Path.of("src", "test", "resources", "upgrade", "store-before-notes");

    @TempDir
    Path directory;

    private Path copyFixture() throws IOException {
        Path store = Files.createDirectories(directory.resolve("store"));
        try (Stream<Path> files = Files.list(FIXTURE.resolve("store"))) {
            for (Path file : files.toList()) {
                Files.copy(file, store.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.setPosixFilePermissions(store.resolve("parley-ed25519.private"),
                                      PosixFilePermissions.fromString("rw-r--r--"));
        return store;
    }

    @Test
    void aStoreWrittenBeforeSignedNotesOpensVerifiesAndProvesWithItsOwnKeyAndOldCheckpoints() throws IOException {
        Path store = copyFixture();
        String url = storeUrl(store);
        Path oldCheckpoint = FIXTURE.resolve("checkpoint.json");
        Path oldProof = FIXTURE.resolve("proof-5.json");
        String publicKey = read(store.resolve("parley-ed25519.public")).strip();

        Result verified = parley("verify", "--store", url, "--checkpoint", oldCheckpoint.toString());
        assertThat(verified.exitCode()).as(verified.describe()).isZero();
        assertThat(verified.out()).contains("an append-only extension of the checkpoint of 13 events");
        assertThat(parley("verify-proof", oldProof.toString(), oldCheckpoint.toString()).exitCode()).isZero();
        assertThat(parley("verify-proof", oldProof.toString(), oldCheckpoint.toString(), "--public-key", publicKey)
                           .exitCode()).isZero();
        Path reproved = directory.resolve("reproved.json");
        parleyExpecting(0, "prove", "5", "--store", url, "--out", reproved.toString());
        assertThat(IntegrityCli.json(reproved)).as("proven against the JSON checkpoint kept in the store")
                                              .isEqualTo(IntegrityCli.json(oldProof));

        Result refused = parley("checkpoint", "--store", url);
        assertThat(refused.exitCode()).as(refused.describe()).isEqualTo(1);
        Path privateKey = store.resolve("parley-ed25519.private");
        assertThat(refused.err().strip()).isEqualTo("parley: the private key " + privateKey.toAbsolutePath()
                                                             + " is readable by other users (mode rw-r--r--): make it "
                                                             + "private with chmod 600 "
                                                             + privateKey.toAbsolutePath());
        IntegrityCli.assertNoStackTrace(refused.err());

        Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
        Path note = directory.resolve("new.note");
        parleyExpecting(0, "checkpoint", "--store", url, "--out", note.toString());
        SignedCheckpoint signed = SignedCheckpoint.parse(read(note));
        assertThat(signed.note().check(VerifierKey.of(signed.checkpoint().origin(), VerifierKey.ED25519,
                                                      LegacyCheckpoint.rawPublicKey(publicKey))))
                .as("signed by the store's existing key").isEqualTo(SignedNote.Check.VERIFIED);
        assertThat(parley("verify", "--store", url, "--checkpoint", note.toString()).exitCode()).isZero();
        assertThat(parley("verify", "--store", url, "--checkpoint", oldCheckpoint.toString()).exitCode()).isZero();
        Path proof = directory.resolve("proof.json");
        parleyExpecting(0, "prove", "5", "--store", url, "--out", proof.toString());
        assertThat(parley("verify-proof", proof.toString(), note.toString(), "--public-key", publicKey).exitCode())
                .as("--public-key still pins the log's key").isZero();
        try (Stream<Path> files = Files.list(store)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .as("no new key was made").contains("parley-ed25519.private").noneMatch(n -> n.contains("tmp"));
        }
    }

    @Test
    void aNewStoresKeyIsMadeOwnerOnlyAwayFromItsDataAndRefusedOnceOthersMayReadIt() throws IOException {
        Path data = directory.resolve("data");
        String url = Scenarios.SHIPPED.record(data);
        Path keys = directory.resolve("keys");

        parleyExpecting(0, "checkpoint", "--store", url, "--keys", keys.toString());
        parleyExpecting(0, "checkpoint", "--store", url);

        assertThat(Files.getPosixFilePermissions(keys)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(keys.resolve("parley-ed25519.private")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.map(file -> file.getFileName().toString())).noneMatch(name -> name.contains("ed25519"));
        }
        Path defaultKeys = Integrity.defaultKeyDirectory(url);
        assertThat(defaultKeys).as("a directory of its own under the test's XDG_CONFIG_HOME")
                               .startsWith(Path.of(System.getenv("XDG_CONFIG_HOME"), "parley", "keys"));
        assertThat(defaultKeys.getFileName().toString()).matches("parley-[0-9a-f]{12}");
        assertThat(Files.getPosixFilePermissions(defaultKeys.resolve("parley-ed25519.private")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));

        Files.setPosixFilePermissions(keys.resolve("parley-ed25519.private"),
                                      PosixFilePermissions.fromString("rw-r-----"));
        Result refused = parley("checkpoint", "--store", url, "--keys", keys.toString());

        assertThat(refused.exitCode()).as(refused.describe()).isEqualTo(1);
        assertThat(refused.err()).contains("is readable by other users (mode rw-r-----): make it private with "
                                                   + "chmod 600");
        assertThat(refused.out()).isEmpty();
    }

    @Test
    void aKeyFromTheEnvironmentNamesTheLogAndSignsWithNoKeyFile() throws Exception {
        String url = Scenarios.SHIPPED.record(directory.resolve("store"));
        NoteSigningKey key = NoteSigningKey.generate("example.org/parley/env", VerifierKey.ED25519);
        Path home = Files.createDirectories(directory.resolve("home"));

        ParleyProcess child = ParleyProcess.startFromClassPath(
                directory, "env-checkpoint", List.of(), Map.of("PARLEY_SIGNING_KEY", key.format(),
                                                               "XDG_CONFIG_HOME", home.toString()),
                "checkpoint", "--store", url, "--out", directory.resolve("env.note").toString());

        assertThat(child.waitFor(120)).as(child.err()).isZero();
        SignedCheckpoint signed = SignedCheckpoint.parse(read(directory.resolve("env.note")));
        assertThat(signed.checkpoint().origin()).isEqualTo("example.org/parley/env");
        assertThat(signed.note().check(key.verifierKey())).isEqualTo(SignedNote.Check.VERIFIED);
        try (Stream<Path> made = Files.walk(home)) {
            assertThat(made.filter(Files::isRegularFile)).as("no key file made").isEmpty();
        }
    }

    @Test
    void aKeyFromAPkcs12KeystoreSignsWithThePasswordFromTheEnvironment() throws Exception {
        String url = Scenarios.SHIPPED.record(directory.resolve("store"));
        Path keystore = directory.resolve("parley.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                                             "-genkeypair", "-keyalg", "Ed25519", "-alias", "parley", "-dname",
                                             "CN=parley test", "-storetype", "PKCS12", "-keystore",
                                             keystore.toString(), "-storepass", "test-password", "-keypass",
                                             "test-password").redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();

        ParleyProcess signed = ParleyProcess.startFromClassPath(
                directory, "keystore", List.of(), Map.of("PARLEY_KEYSTORE_PASSWORD", "test-password"),
                "checkpoint", "--store", url, "--keystore", keystore.toString(), "--out",
                directory.resolve("keystore.note").toString());
        assertThat(signed.waitFor(120)).as(signed.err()).isZero();
        ParleyProcess vkey = ParleyProcess.startFromClassPath(
                directory, "keystore-vkey", List.of(), Map.of("PARLEY_KEYSTORE_PASSWORD", "test-password"),
                "checkpoint", "--store", url, "--keystore", keystore.toString(), "--verifier-key");
        assertThat(vkey.waitFor(120)).as(vkey.err()).isZero();
        ParleyProcess wrong = ParleyProcess.startFromClassPath(
                directory, "keystore-wrong", List.of(), Map.of("PARLEY_KEYSTORE_PASSWORD", "not-it"),
                "checkpoint", "--store", url, "--keystore", keystore.toString());

        VerifierKey verifierKey = VerifierKey.parse(vkey.out().strip());
        assertThat(SignedCheckpoint.parse(read(directory.resolve("keystore.note"))).note().check(verifierKey))
                .isEqualTo(SignedNote.Check.VERIFIED);
        assertThat(wrong.waitFor(120)).as(wrong.err()).isEqualTo(1);
        assertThat(wrong.err()).startsWith("parley: cannot open the keystore " + keystore + ": wrong password");
    }
}
