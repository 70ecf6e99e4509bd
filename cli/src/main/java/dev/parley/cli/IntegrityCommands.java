package dev.parley.cli;

import dev.parley.application.Parley;
import dev.parley.application.integrity.Attestation;
import dev.parley.application.integrity.AttestedAnswer;
import dev.parley.application.integrity.CheckpointTrust;
import dev.parley.application.integrity.Hashes;
import dev.parley.application.integrity.InclusionProof;
import dev.parley.application.integrity.Integrity;
import dev.parley.application.integrity.LegacyCheckpoint;
import dev.parley.application.integrity.SignedCheckpoint;
import dev.parley.application.integrity.SignedTreeHead;
import dev.parley.application.integrity.VerifierKey;
import dev.parley.application.storage.Transfer;
import dev.parley.application.integrity.Verification;
import dev.parley.application.storage.Store;
import dev.parley.application.storage.StoreUnusableException;
import dev.parley.projections.json.ParleyJson;
import dev.parley.web.api.VerifyReport;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** The tamper-evidence commands: checkpoint, verify, prove, verify-proof, export and import. */
final class IntegrityCommands {

    private IntegrityCommands() {
    }

    static Parley open(StoreOption store) {
        return Parley.builder().store(store.urlOr(Store.DEFAULT_URL)).readModels(false).build();
    }

    private static Verification verify(Parley parley, Integrity integrity, PrintWriter err) {
        try (Progress progress = Progress.onTerminal(err, "event")) {
            progress.phase("verifying");
            long head = parley.forks().head();
            return integrity.verify(done -> progress.at(done, head));
        }
    }

    /** Signs a checkpoint, verifying what is new since the last one, with progress on a terminal. */
    static Integrity.Outcome<SignedCheckpoint> sign(Parley parley, Integrity integrity, PrintWriter err) {
        try (Progress progress = Progress.onTerminal(err, "event")) {
            progress.phase("verifying the events since the last checkpoint, then signing");
            long head = parley.forks().head();
            return integrity.sign(done -> progress.at(done, head));
        }
    }

    static <T> T read(Path file, Class<T> type) {
        try {
            return ParleyJson.mapper().readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new ExitCodes.UsageException("cannot read " + file + ": " + ExitCodes.reason(e));
        }
    }

    /** A checkpoint file in either form: a C2SP signed note, or the JSON of earlier versions. */
    static SignedTreeHead readCheckpoint(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ExitCodes.UsageException("cannot read " + file + ": " + ExitCodes.reason(e));
        }
        try {
            return SignedTreeHead.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ExitCodes.UsageException("cannot read " + file + ": not a checkpoint (" + e.getMessage() + ")");
        }
    }

    /** A key given on the command line, or the file holding it. */
    static String keyText(String given) {
        Path file = Path.of(given);
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.US_ASCII).strip() : given.strip();
        } catch (IOException | RuntimeException e) {
            throw new ExitCodes.UsageException("cannot read " + file + ": " + ExitCodes.reason(e));
        }
    }

    static VerifierKey verifierKey(String given, String what) {
        String text = keyText(given);
        try {
            return VerifierKey.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ExitCodes.UsageException("the " + what + " is " + e.getMessage());
        }
    }

    static void write(String text, Path outOrNull, PrintWriter out) {
        if (outOrNull == null) {
            out.print(text);
            out.flush();
        } else {
            Output.toFile(outOrNull, writer -> {
                writer.write(text);
                return null;
            });
        }
    }

    private static void write(Object document, Path outOrNull, PrintWriter out) {
        write(Json.write(document) + "\n", outOrNull, out);
    }

    static Integrity integrity(Parley parley, KeyOption keys) {
        return new Integrity(parley.store().dataSource(), keys.resolve(parley.store().url()), keys.originOrNull());
    }

    /** {@code --witness KEY... [--quorum K]}: cosignatures a checkpoint must carry. */
    static final class WitnessOption {
        @Option(names = "--witness", paramLabel = "KEY",
                description = "A witness's verifier key (name+keyid+base64, type 0x04) or a file holding it; "
                        + "repeat for each witness.")
        List<String> witnesses = new ArrayList<>();
        @Option(names = "--quorum", paramLabel = "K",
                description = "How many distinct witnesses given must have validly cosigned (default: all of them).")
        Integer quorum;

        CheckpointTrust applyTo(CheckpointTrust trust) {
            if (witnesses.isEmpty()) {
                if (quorum != null && quorum > 0) {
                    throw new ExitCodes.UsageException("--quorum needs the witnesses' keys: give them with --witness");
                }
                return trust;
            }
            List<VerifierKey> keys = witnesses.stream().map(given -> verifierKey(given, "witness key")).toList();
            if (keys.stream().anyMatch(key -> key.type() != VerifierKey.COSIGNATURE_V1)) {
                throw new ExitCodes.UsageException("a witness's verifier key has signature type 0x04 "
                                                           + "(cosignature/v1); parley witness verifier-key prints it");
            }
            int distinct = (int) keys.stream().distinct().count();
            int wanted = quorum == null ? distinct : quorum;
            if (wanted < 1 || wanted > distinct) {
                throw new ExitCodes.UsageException("--quorum is 1 to the " + distinct + " distinct witnesses given, not "
                                                           + wanted);
            }
            return trust.withWitnesses(keys, wanted);
        }
    }

    @Command(name = "checkpoint", description = "Verify the events since the last checkpoint, then sign the tree head "
            + "as a C2SP checkpoint (a signed note: origin, size, root hash, stream heads) with the store's Ed25519 "
            + "key; --verifier-key prints the key that checks it.")
    static final class CheckpointCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        StoreOption store;
        @Mixin
        KeyOption keys;
        @Option(names = "--out", paramLabel = "FILE", description = "Write the checkpoint here instead of stdout.")
        Path out;
        @Option(names = "--verifier-key", description = "Print the log's verifier key (origin+keyid+base64) and sign "
                + "nothing; the key is made first when there is none.")
        boolean verifierKey;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            try (Parley parley = open(store)) {
                Integrity integrity = integrity(parley, keys);
                if (verifierKey) {
                    write(integrity.verifierKey() + "\n", out, spec.commandLine().getOut());
                    return ExitCodes.OK;
                }
                Integrity.Outcome<SignedCheckpoint> signed = sign(parley, integrity, err);
                if (!signed.intact()) {
                    throw new ExitCodes.Failure("TAMPERED", "refusing to sign: " + signed.problem().describe(),
                                                ExitCodes.TAMPERED);
                }
                SignedCheckpoint checkpoint = signed.value();
                write(checkpoint.format(), out, spec.commandLine().getOut());
                err.println(TerminalText.escape("Signed a checkpoint of " + checkpoint.treeSize() + " events of "
                                                        + checkpoint.checkpoint().origin() + ", root "
                                                        + Hashes.hex(checkpoint.root())
                                                        + (out == null ? "." : ", written to " + out + ".")));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "verify", description = "Recompute every hash, stream chain and the Merkle tree; with "
            + "--checkpoint, also prove the history is an append-only extension of it (and, with --witness, that "
            + "witnesses cosigned it). Exit 0 intact, 3 tampered.")
    static final class VerifyCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        StoreOption store;
        @Mixin
        KeyOption keys;
        @Option(names = "--checkpoint", paramLabel = "FILE", description = "A checkpoint signed by this store (a "
                + "signed note, or the JSON of earlier versions).")
        Path checkpointFile;
        @Mixin
        WitnessOption witnesses;
        @Option(names = "--json", description = "Print the outcome as one JSON object.")
        boolean json;

        @Override
        public Integer call() {
            SignedTreeHead checkpoint = checkpointFile == null ? null : readCheckpoint(checkpointFile);
            if (checkpoint == null && !witnesses.witnesses.isEmpty()) {
                throw new ExitCodes.UsageException("--witness checks a checkpoint's cosignatures: give it with "
                                                           + "--checkpoint");
            }
            CheckpointTrust cosigners = witnesses.applyTo(CheckpointTrust.ownKey(null));
            Verification verified;
            String checkpointProblem = null;
            try (Parley parley = open(store)) {
                Integrity integrity = integrity(parley, keys);
                verified = verify(parley, integrity, spec.commandLine().getErr());
                if (verified.intact() && checkpoint != null) {
                    checkpointProblem = integrity.checkAgainst(verified, checkpoint, cosigners);
                }
            }
            boolean intact = verified.intact() && checkpointProblem == null;
            double seconds = verified.nanos() / 1e9;
            long events = verified.leaves().size();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.write(VerifyReport.of(verified, checkpointProblem, checkpoint)));
            } else if (!verified.intact()) {
                Verification.Problem problem = verified.problem();
                out.println(TerminalText.escape("TAMPERED: " + problem.describe()));
            } else if (checkpointProblem != null) {
                out.println(TerminalText.escape("TAMPERED: " + checkpointProblem));
            } else {
                out.printf("Intact: %d events verified in %.3f s (%d events/s), root %s%s%n", events, seconds,
                           Math.round(events / Math.max(seconds, 1e-9)), Hashes.hex(verified.root()),
                           checkpoint == null ? "" : "; an append-only extension of the checkpoint of "
                                   + checkpoint.treeSize() + " events" + (cosigners.quorum() == 0 ? ""
                                   : ", cosigned by " + cosigners.quorum() + " or more of the witnesses given"));
            }
            out.flush();
            return intact ? ExitCodes.OK : ExitCodes.TAMPERED;
        }
    }

    @Command(name = "prove", description = "Write an inclusion proof of the event at POSITION against the latest "
            + "checkpoint (or --checkpoint FILE); or, with --consistency-from N, the consistency proof from N events "
            + "to that checkpoint as a witness takes it.")
    static final class ProveCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        StoreOption store;
        @Mixin
        KeyOption keys;
        @Parameters(paramLabel = "POSITION", arity = "0..1", description = "The event's position in the store.")
        Long position;
        @Option(names = "--consistency-from", paramLabel = "N", description = "Prove the checkpoint's tree extends "
                + "the first N events (the size a witness last cosigned), in the body of a C2SP tlog-witness "
                + "add-checkpoint request.")
        Long consistencyFrom;
        @Option(names = "--checkpoint", paramLabel = "FILE", description = "Prove against this checkpoint.")
        Path checkpointFile;
        @Option(names = "--out", paramLabel = "FILE", description = "Write the proof here instead of stdout.")
        Path out;

        @Override
        public Integer call() throws Exception {
            if ((position == null) == (consistencyFrom == null)) {
                throw new ExitCodes.UsageException("prove takes an event's POSITION or --consistency-from N, one of "
                                                           + "them");
            }
            try (Parley parley = open(store)) {
                Integrity integrity = integrity(parley, keys);
                SignedTreeHead checkpoint = checkpointFile != null ? readCheckpoint(checkpointFile)
                        : integrity.latestCheckpoint().orElseThrow(() -> new ExitCodes.UsageException(
                        "no checkpoint yet: run parley checkpoint first"));
                if (consistencyFrom != null) {
                    if (!(checkpoint instanceof SignedCheckpoint signed)) {
                        throw new ExitCodes.UsageException("a witness cosigns signed-note checkpoints only; sign one "
                                                                   + "with parley checkpoint");
                    }
                    return written(integrity.witnessRequest(signed, consistencyFrom), request -> request.format());
                }
                return written(integrity.prove(position, checkpoint), proof -> Json.write(proof) + "\n");
            }
        }

        private <T> int written(Integrity.Outcome<T> outcome, java.util.function.Function<T, String> text) {
            if (!outcome.intact()) {
                spec.commandLine().getErr().println(TerminalText.escape(
                        "parley: the store does not verify: " + outcome.problem().describe()));
                return ExitCodes.TAMPERED;
            }
            write(text.apply(outcome.value()), out, spec.commandLine().getOut());
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
        @Option(names = "--verifier-key", paramLabel = "KEY", description = "The log's verifier key "
                + "(origin+keyid+base64, as parley checkpoint --verifier-key prints it) or a file holding it.")
        String verifierKey;
        @Option(names = "--public-key", paramLabel = "KEY", description = "Only accept checkpoints signed by this "
                + "Ed25519 public key (base64 X.509, as in an old JSON checkpoint, or a file holding it).")
        String publicKey;
        @Option(names = "--json", description = "Print {\"valid\",\"position\",\"aggregateId\",\"sequence\","
                + "\"leafIndex\",\"treeSize\",\"problem\"} instead of a sentence.")
        boolean json;
        @Mixin
        WitnessOption witnesses;

        @Override
        public Integer call() {
            InclusionProof proof = read(proofFile, InclusionProof.class);
            SignedTreeHead checkpoint = readCheckpoint(checkpointFile);
            CheckpointTrust trust = witnesses.applyTo(trust());
            if (checkpoint instanceof SignedCheckpoint && !trust.hasLogKey()) {
                throw new ExitCodes.UsageException("a signed-note checkpoint is checked against its log's key: give "
                                                           + "--verifier-key KEY (parley checkpoint --verifier-key "
                                                           + "prints it)");
            }
            String problem = Integrity.checkProof(proof, checkpoint, trust);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                java.util.Map<String, Object> answer = new java.util.LinkedHashMap<>();
                answer.put("valid", problem == null);
                answer.put("position", proof.position());
                answer.put("aggregateId", proof.aggregateId());
                answer.put("sequence", proof.sequence());
                answer.put("leafIndex", proof.leafIndex());
                answer.put("treeSize", proof.treeSize());
                answer.put("problem", problem);
                out.println(Json.write(answer));
            } else if (problem == null) {
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

        private CheckpointTrust trust() {
            return logTrust(verifierKey, publicKey);
        }
    }

    /** Trust in the log key given as {@code --verifier-key} or {@code --public-key} (either may be null). */
    static CheckpointTrust logTrust(String verifierKey, String publicKey) {
        List<VerifierKey> logKeys = verifierKey == null ? List.of() : List.of(verifierKey(verifierKey,
                                                                                          "verifier key"));
        if (logKeys.stream().anyMatch(key -> key.type() != VerifierKey.ED25519)) {
            throw new ExitCodes.UsageException("a log's verifier key has signature type 0x01 (Ed25519); that is a "
                                                       + "witness's key: give it with --witness");
        }
        byte[] raw = null;
        if (publicKey != null) {
            try {
                raw = LegacyCheckpoint.rawPublicKey(keyText(publicKey));
            } catch (IllegalArgumentException e) {
                throw new ExitCodes.UsageException("the public key is not an Ed25519 public key in base64 X.509");
            }
        }
        return new CheckpointTrust(logKeys, raw, "the one given", List.of(), 0);
    }

    @Command(name = "verify-attestation", description = "Check an attested status answer (parley status ID --attest "
            + "FILE) offline, with no store: the checkpoint's signature, that the stream's events are all there up to "
            + "its head the checkpoint commits to, each in the checkpoint's tree, and that folding them gives the "
            + "answer. Exit 0 when it holds, 3 when it does not.")
    static final class VerifyAttestationCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;
        @Option(names = "--verifier-key", paramLabel = "KEY", description = "The log's verifier key "
                + "(origin+keyid+base64, as parley checkpoint --verifier-key prints it) or a file holding it.")
        String verifierKey;
        @Option(names = "--public-key", paramLabel = "KEY", description = "The log's Ed25519 public key (base64 "
                + "X.509, or a file holding it), the key name being the checkpoint's origin.")
        String publicKey;
        @Mixin
        WitnessOption witnesses;
        @Option(names = "--json", description = "Print the status the proven events give, as parley status --json "
                + "prints it, instead of a sentence.")
        boolean json;

        @Override
        public Integer call() {
            Attestation attestation = read(file, Attestation.class);
            CheckpointTrust trust = witnesses.applyTo(logTrust(verifierKey, publicKey));
            if (!trust.hasLogKey()) {
                throw new ExitCodes.UsageException("an attestation is checked against its log's key: give "
                                                           + "--verifier-key KEY (parley checkpoint --verifier-key "
                                                           + "prints it)");
            }
            AttestedAnswer.Outcome outcome = AttestedAnswer.check(attestation, trust);
            PrintWriter out = spec.commandLine().getOut();
            if (!outcome.valid()) {
                out.println(TerminalText.escape("INVALID: " + outcome.problem()));
                out.flush();
                return ExitCodes.TAMPERED;
            }
            if (json) {
                out.print(outcome.answer() + "\n");
            } else {
                out.println(TerminalText.escape(
                        "Valid: the status of " + attestation.aggregateId() + timeWords(attestation) + " is what its "
                                + outcome.streamEvents() + " events in the checkpoint of "
                                + outcome.checkpoint().treeSize() + " events of "
                                + outcome.checkpoint().checkpoint().origin() + " give, and none was left out."));
            }
            out.flush();
            return ExitCodes.OK;
        }

        private static String timeWords(Attestation attestation) {
            return (attestation.at() == null ? "" : " at " + attestation.at())
                    + (attestation.knownAt() == null ? "" : " as known at " + attestation.knownAt());
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
            try (Progress progress = Progress.onTerminal(spec.commandLine().getErr(), "event");
                 Parley parley = open(store)) {
                progress.phase("exporting");
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
        @Option(names = "--json", description = "Print {\"imported\",\"file\"} on stdout when done; failures as "
                + "{\"code\",\"message\"}.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            if (!Files.isReadable(file)) {
                throw new ExitCodes.Failure("FILE_UNREADABLE", "cannot read " + file, ExitCodes.FAILURE);
            }
            long events;
            try (Progress progress = Progress.onTerminal(spec.commandLine().getErr(), "event");
                 Parley parley = open(store)) {
                progress.phase("checking every hash and event of " + file.getFileName() + ", then storing");
                events = new Transfer(parley.store().dataSource()).importFrom(file);
            } catch (Transfer.BadLine bad) {
                throw new ExitCodes.Failure(bad.tampered() ? "TAMPERED" : "IMPORT_REJECTED",
                                            "import rejected, nothing stored: " + bad.getMessage(),
                                            bad.tampered() ? ExitCodes.TAMPERED : ExitCodes.FAILURE);
            } catch (StoreUnusableException unusable) {
                throw unusable;
            } catch (IOException | RuntimeException failed) {
                // The import writes in one transaction, so whatever failed, the store is as it was.
                throw new ExitCodes.Failure("IMPORT_FAILED", "import failed, nothing stored: "
                        + ExitCodes.reason(failed), ExitCodes.FAILURE);
            }
            if (json) {
                java.util.Map<String, Object> done = new java.util.LinkedHashMap<>();
                done.put("imported", events);
                done.put("file", file.toString());
                spec.commandLine().getOut().println(Json.write(done));
                spec.commandLine().getOut().flush();
            }
            spec.commandLine().getErr().println(TerminalText.escape("Imported " + events + " events from " + file
                                                                     + "; every hash and chain verified."));
            return ExitCodes.OK;
        }
    }
}
