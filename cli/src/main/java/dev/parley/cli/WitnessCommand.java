package dev.parley.cli;

import dev.parley.application.integrity.NoteSigningKey;
import dev.parley.application.integrity.SignedCheckpoint;
import dev.parley.application.integrity.VerifierKey;
import dev.parley.application.integrity.Witness;
import dev.parley.application.integrity.WitnessRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code parley witness}: a second party that cosigns a log's checkpoints (C2SP tlog-cosignature, {@code
 * cosignature/v1}) only when they extend the last one it cosigned for that log, with its own key and state.
 */
@Command(name = "witness", description = "A witness: cosigns a log's checkpoints with its own Ed25519 key, only when "
        + "each provably extends the last one it cosigned for that log.",
         subcommands = {WitnessCommand.VerifierKeyCommand.class, WitnessCommand.AddCheckpointCommand.class})
final class WitnessCommand implements Runnable {

    static final String KEY_VARIABLE = "PARLEY_WITNESS_KEY";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code --witness-dir DIR} and {@code --name NAME}: where the witness keeps its key and state. */
    static final class Home {
        @Option(names = "--witness-dir", paramLabel = "DIR", defaultValue = "${env:PARLEY_WITNESS_DIR}",
                description = "The witness's directory: its key (witness.key, 0600 in a 0700 directory, unless "
                        + "$PARLEY_WITNESS_KEY holds it) and its state (state.json). Default: $PARLEY_WITNESS_DIR, "
                        + "else $XDG_CONFIG_HOME/parley/witness, by default under ~/.config.")
        Path directory;
        @Option(names = "--name", paramLabel = "NAME", description = "The witness's name (a key name such as "
                + "witness.example.org/w1), needed when its key is made.")
        String name;

        Path directory() {
            if (directory != null) {
                return directory;
            }
            String xdg = System.getenv("XDG_CONFIG_HOME");
            Path config = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                    : Path.of(System.getProperty("user.home"), ".config");
            return config.resolve("parley").resolve("witness");
        }

        NoteSigningKey key() {
            String text = System.getenv(KEY_VARIABLE);
            if (text != null && !text.isBlank()) {
                NoteSigningKey key = Witness.fromText(text, "in $" + KEY_VARIABLE);
                if (name != null && !name.equals(key.name())) {
                    throw new ExitCodes.UsageException("the witness key in $" + KEY_VARIABLE + " is named "
                                                               + key.name() + ", not " + name);
                }
                return key;
            }
            if (name != null) {
                try {
                    VerifierKey.of(name, VerifierKey.COSIGNATURE_V1, new byte[32]);
                } catch (IllegalArgumentException e) {
                    throw new ExitCodes.UsageException("a witness's name is a key name: non-empty, no spaces, no plus "
                                                               + "sign: " + name);
                }
            }
            return Witness.keyIn(directory(), name);
        }
    }

    @Command(name = "verifier-key", description = "Print the witness's verifier key (name+keyid+base64, type 0x04), "
            + "making its key first when it has none (give --name then).")
    static final class VerifierKeyCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Home home;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.println(home.key().verifierKey());
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "add-checkpoint", description = "Cosign a checkpoint given with its consistency proof from the "
            + "size this witness last cosigned (the body of a C2SP tlog-witness add-checkpoint request, as parley "
            + "prove --consistency-from N writes it); writes the checkpoint with the cosignature added. Exit 3 when "
            + "the checkpoint is not the log's or does not extend what the witness cosigned.")
    static final class AddCheckpointCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Home home;
        @Parameters(paramLabel = "REQUEST", description = "old <size>, the proof's base64 hashes one per line, a "
                + "blank line, then the signed checkpoint.")
        Path requestFile;
        @Option(names = "--log-key", paramLabel = "KEY", required = true,
                description = "The log's verifier key (parley checkpoint --verifier-key prints it) or a file holding "
                        + "it; repeat for more logs or keys.")
        List<String> logKeys;
        @Option(names = "--out", paramLabel = "FILE", description = "Write the cosigned checkpoint here instead of "
                + "stdout.")
        Path out;

        @Override
        public Integer call() {
            List<VerifierKey> keys = logKeys.stream().map(given -> IntegrityCommands.verifierKey(given, "log key"))
                                            .toList();
            if (keys.stream().anyMatch(key -> key.type() != VerifierKey.ED25519)) {
                throw new ExitCodes.UsageException("a log's verifier key has signature type 0x01 (Ed25519)");
            }
            WitnessRequest request;
            try {
                request = WitnessRequest.parse(Files.readString(requestFile, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new ExitCodes.UsageException("cannot read " + requestFile + ": " + ExitCodes.reason(e));
            } catch (IllegalArgumentException e) {
                throw new ExitCodes.UsageException("cannot read " + requestFile + ": " + e.getMessage());
            }
            NoteSigningKey key = home.key();
            Witness witness = new Witness(key, home.directory().resolve(Witness.STATE_FILE));
            SignedCheckpoint cosigned;
            try {
                cosigned = witness.addCheckpoint(request, keys, Instant.now().getEpochSecond());
            } catch (Witness.Refusal refused) {
                throw new ExitCodes.Failure(refused.inconsistent() ? "TAMPERED" : "REFUSED",
                                            "the witness " + key.name() + " refuses: " + refused.getMessage(),
                                            refused.inconsistent() ? ExitCodes.TAMPERED : ExitCodes.FAILURE);
            }
            if (out == null) {
                spec.commandLine().getOut().print(cosigned.format());
                spec.commandLine().getOut().flush();
            } else {
                Output.toFile(out, writer -> {
                    writer.write(cosigned.format());
                    return null;
                });
            }
            spec.commandLine().getErr().println(TerminalText.escape(
                    "Cosigned the checkpoint of " + cosigned.treeSize() + " events of "
                            + cosigned.checkpoint().origin() + " as " + key.name()
                            + (out == null ? "." : ", written to " + out + ".")));
            return ExitCodes.OK;
        }
    }
}
