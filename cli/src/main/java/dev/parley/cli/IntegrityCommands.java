package dev.parley.cli;

import dev.parley.application.Parley;
import dev.parley.application.integrity.Checkpoint;
import dev.parley.application.integrity.InclusionProof;
import dev.parley.application.integrity.Integrity;
import dev.parley.application.integrity.Transfer;
import dev.parley.application.integrity.Verification;
import dev.parley.application.storage.Store;
import dev.parley.application.storage.StoreUnusableException;
import dev.parley.projections.json.ParleyJson;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** The tamper-evidence commands: checkpoint, verify, prove, verify-proof, export and import. */
final class IntegrityCommands {

    private IntegrityCommands() {
    }

    private static Parley open(StoreOption store) {
        return Parley.builder().store(store.urlOr(Store.DEFAULT_URL)).readModels(false).build();
    }

    private static Verification verify(Parley parley, Integrity integrity, PrintWriter err) {
        long head = parley.forks().head();
        Progress progress = Progress.onTerminal(err, "event");
        Verification verified = integrity.verify(done -> progress.at(done, head));
        progress.clear();
        return verified;
    }

    private static <T> T read(Path file, Class<T> type) {
        try {
            return ParleyJson.mapper().readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void write(Object document, Path outOrNull, PrintWriter out) {
        String json = Json.write(document) + "\n";
        if (outOrNull == null) {
            out.print(json);
            out.flush();
        } else {
            Output.toFile(outOrNull, writer -> {
                writer.write(json);
                return null;
            });
        }
    }

    @Command(name = "checkpoint", description = "Verify the store, then sign its tree head (size, root hash, time) "
            + "with the store's Ed25519 key; the public key goes with it.")
    static final class CheckpointCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        StoreOption store;
        @Mixin
        KeyOption keys;
        @Option(names = "--out", paramLabel = "FILE", description = "Write the checkpoint here instead of stdout.")
        Path out;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            try (Parley parley = open(store)) {
                Integrity integrity = new Integrity(parley.store().dataSource(), keys.resolve(parley.store().url()));
                Verification verified = verify(parley, integrity, err);
                if (!verified.intact()) {
                    Verification.Problem problem = verified.problem();
                    err.println(TerminalText.escape("parley: refusing to sign: " + problem.describe()));
                    return ExitCodes.TAMPERED;
                }
                Checkpoint checkpoint = integrity.checkpoint(verified);
                write(checkpoint, out, spec.commandLine().getOut());
                err.println("Signed a checkpoint of " + checkpoint.treeSize() + " events, root "
                                    + checkpoint.rootHash() + (out == null ? "." : ", written to " + out + "."));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "verify", description = "Recompute every hash, stream chain and the Merkle tree; with "
            + "--checkpoint, also prove the history is an append-only extension of it. Exit 0 intact, 3 tampered.")
    static final class VerifyCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        StoreOption store;
        @Mixin
        KeyOption keys;
        @Option(names = "--checkpoint", paramLabel = "FILE", description = "A checkpoint signed by this store.")
        Path checkpointFile;
        @Option(names = "--json", description = "Print the outcome as one JSON object.")
        boolean json;

        @Override
        public Integer call() {
            Checkpoint checkpoint = checkpointFile == null ? null : read(checkpointFile, Checkpoint.class);
            Verification verified;
            String checkpointProblem = null;
            try (Parley parley = open(store)) {
                Integrity integrity = new Integrity(parley.store().dataSource(), keys.resolve(parley.store().url()));
                verified = verify(parley, integrity, spec.commandLine().getErr());
                if (verified.intact() && checkpoint != null) {
                    checkpointProblem = integrity.checkAgainst(verified, checkpoint);
                }
            }
            boolean intact = verified.intact() && checkpointProblem == null;
            double seconds = verified.nanos() / 1e9;
            long events = verified.leaves().size();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> outcome = new LinkedHashMap<>();
                outcome.put("intact", intact);
                outcome.put("events", events);
                outcome.put("seconds", Math.round(seconds * 1000) / 1000.0);
                outcome.put("eventsPerSecond", Math.round(events / Math.max(seconds, 1e-9)));
                outcome.put("rootHash", verified.intact() ? dev.parley.application.integrity.Hashes.hex(
                        verified.root()) : null);
                outcome.put("firstBadPosition", verified.intact() || verified.problem().inSnapshot() ? null
                        : verified.problem().position());
                outcome.put("stream", verified.intact() ? null : verified.problem().stream());
                outcome.put("problem", verified.intact() ? checkpointProblem : verified.problem().what());
                if (checkpoint != null) {
                    outcome.put("checkpointTreeSize", checkpoint.treeSize());
                    outcome.put("checkpointConsistent", verified.intact() && checkpointProblem == null);
                }
                out.println(Json.write(outcome));
            } else if (!verified.intact()) {
                Verification.Problem problem = verified.problem();
                out.println(TerminalText.escape("TAMPERED: " + problem.describe()));
            } else if (checkpointProblem != null) {
                out.println(TerminalText.escape("TAMPERED: " + checkpointProblem));
            } else {
                out.printf("Intact: %d events verified in %.3f s (%d events/s), root %s%s%n", events, seconds,
                           Math.round(events / Math.max(seconds, 1e-9)),
                           dev.parley.application.integrity.Hashes.hex(verified.root()),
                           checkpoint == null ? "" : "; an append-only extension of the checkpoint of "
                                   + checkpoint.treeSize() + " events");
            }
            out.flush();
            return intact ? ExitCodes.OK : ExitCodes.TAMPERED;
        }
    }

    @Command(name = "prove", description = "Write an inclusion proof of the event at POSITION against the latest "
            + "checkpoint (or --checkpoint FILE).")
    static final class ProveCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        StoreOption store;
        @Mixin
        KeyOption keys;
        @Parameters(paramLabel = "POSITION", description = "The event's position in the store.")
        long position;
        @Option(names = "--checkpoint", paramLabel = "FILE", description = "Prove against this checkpoint.")
        Path checkpointFile;
        @Option(names = "--out", paramLabel = "FILE", description = "Write the proof here instead of stdout.")
        Path out;

        @Override
        public Integer call() throws Exception {
            try (Parley parley = open(store)) {
                Integrity integrity = new Integrity(parley.store().dataSource(), keys.resolve(parley.store().url()));
                Checkpoint checkpoint = checkpointFile != null ? read(checkpointFile, Checkpoint.class)
                        : integrity.latestCheckpoint().orElseThrow(() -> new IllegalArgumentException(
                        "no checkpoint yet: run parley checkpoint first"));
                Verification verified = verify(parley, integrity, spec.commandLine().getErr());
                if (!verified.intact()) {
                    spec.commandLine().getErr().println(TerminalText.escape(
                            "parley: the store does not verify: " + verified.problem().describe()));
                    return ExitCodes.TAMPERED;
                }
                InclusionProof proof = integrity.prove(verified, position, checkpoint);
                write(proof, out, spec.commandLine().getOut());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "verify-proof", description = "Check an inclusion proof against a checkpoint, offline, with no "
            + "store. Exit 0 when it holds, 3 when it does not.")
    static final class VerifyProofCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "PROOF")
        Path proofFile;
        @Parameters(index = "1", paramLabel = "CHECKPOINT")
        Path checkpointFile;
        @Option(names = "--public-key", paramLabel = "KEY", description = "Only accept checkpoints signed by this "
                + "public key (base64 X.509, as in a checkpoint, or a file holding it).")
        String publicKey;

        @Override
        public Integer call() {
            InclusionProof proof = read(proofFile, InclusionProof.class);
            Checkpoint checkpoint = read(checkpointFile, Checkpoint.class);
            String problem = Integrity.checkProof(proof, checkpoint, pinnedKey());
            PrintWriter out = spec.commandLine().getOut();
            if (problem == null) {
                out.println("Valid: the event at position " + proof.position() + " ("
                                    + TerminalText.escape(proof.aggregateId()) + " [" + proof.sequence() + "]) is leaf "
                                    + proof.leafIndex() + " of the " + proof.treeSize()
                                    + "-event tree the checkpoint signed.");
            } else {
                out.println(TerminalText.escape("INVALID: " + problem));
            }
            out.flush();
            return problem == null ? ExitCodes.OK : ExitCodes.TAMPERED;
        }

        private String pinnedKey() {
            if (publicKey == null) {
                return null;
            }
            Path file = Path.of(publicKey);
            try {
                return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.US_ASCII) : publicKey;
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
    }

    @Command(name = "export", description = "Write the whole history as NDJSON: payload, metadata, position, both "
            + "times and hashes of every event.")
    static final class ExportCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        StoreOption store;
        @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of stdout.")
        Path out;

        @Override
        public Integer call() throws Exception {
            long events;
            try (Parley parley = open(store)) {
                Transfer transfer = new Transfer(parley.store().dataSource());
                if (out == null) {
                    events = transfer.export(spec.commandLine().getOut());
                    spec.commandLine().getOut().flush();
                } else {
                    events = Output.toFile(out, transfer::export);
                }
            }
            spec.commandLine().getErr().println("Exported " + events + " events" + (out == null ? "." : " to " + out
                    + "."));
            return ExitCodes.OK;
        }
    }

    @Command(name = "import", description = "Import an export into an empty store: every hash and chain is "
            + "verified first, and every event checked to be one Parley could have stored; one bad line rejects the "
            + "whole file.")
    static final class ImportCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        StoreOption store;
        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws Exception {
            if (!Files.isReadable(file)) {
                spec.commandLine().getErr().println(TerminalText.escape("parley: cannot read " + file));
                return ExitCodes.FAILURE;
            }
            try (Parley parley = open(store)) {
                long events = new Transfer(parley.store().dataSource()).importFrom(file);
                spec.commandLine().getErr().println("Imported " + events + " events from " + file
                                                            + "; every hash and chain verified.");
            } catch (Transfer.BadLine bad) {
                spec.commandLine().getErr().println(TerminalText.escape("parley: import rejected, nothing stored: "
                                                                         + bad.getMessage()));
                return bad.tampered() ? ExitCodes.TAMPERED : ExitCodes.FAILURE;
            } catch (StoreUnusableException unusable) {
                throw unusable;
            } catch (IOException | RuntimeException failed) {
                // The import writes in one transaction, so whatever failed, the store is as it was.
                spec.commandLine().getErr().println("parley: import failed, nothing stored: "
                                                            + ExitCodes.reason(failed));
                return ExitCodes.FAILURE;
            }
            return ExitCodes.OK;
        }
    }
}
