package dev.parley.application.integrity;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.parley.projections.json.ParleyJson;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A witness (c2sp.org/tlog-witness, {@code add-checkpoint}): a second party with its own Ed25519 key that cosigns a
 * log's checkpoint only when it is signed by a log key it trusts and provably extends the last checkpoint it cosigned
 * for that log's origin. Its state (per origin: the tree size and root it last cosigned) is a small JSON file,
 * checked and replaced under a lock, written atomically.
 */
public final class Witness {

    private final NoteSigningKey key;
    private final Path stateFile;

    /**
     * A witness cosigning with {@code key}, keeping its state in {@code stateFile}.
     *
     * @param key the witness key, of type {@code cosignature/v1}
     * @param stateFile the state file, made on the first cosignature
     * @throws IllegalArgumentException if the key is not a cosignature key
     */
    public Witness(NoteSigningKey key, Path stateFile) {
        if (key.type() != VerifierKey.COSIGNATURE_V1) {
            throw new IllegalArgumentException("a witness key is a cosignature/v1 key (type 0x04)");
        }
        this.key = key;
        this.stateFile = stateFile;
    }

    /** The witness's key file in its directory: its signing key in the text form, 0600 in a 0700 directory. */
    public static final String KEY_FILE = "witness.key";
    /** The witness's state file in its directory. */
    public static final String STATE_FILE = "state.json";

    /**
     * The witness key in {@code directory}, made first (named {@code nameOrNull}) when there is none; refused when
     * other users may read it, or when a name is given that is not its own.
     *
     * @param directory the witness's key directory
     * @param nameOrNull the name of a key to make, or null when the key must exist
     * @return the witness key
     * @throws KeySource.KeyUnusableException if there is no key and no name, or the key cannot be used
     */
    public static NoteSigningKey keyIn(Path directory, String nameOrNull) {
        Path file = directory.resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                if (nameOrNull == null) {
                    throw new KeySource.KeyUnusableException("the witness has no key in " + directory
                                                                     + " yet: give it a name with --name");
                }
                NoteSigningKey made = NoteSigningKey.generate(nameOrNull, VerifierKey.COSIGNATURE_V1);
                Files.createDirectories(directory, KeySource.Posix.ownerOnlyDirectory());
                KeySource.Posix.restrictDirectoryIfNew(directory);
                Path temporary = Files.createTempFile(directory, ".witness-key-", ".tmp",
                                                      KeySource.Posix.ownerOnlyFile());
                try {
                    Files.writeString(temporary, made.format() + "\n", StandardCharsets.US_ASCII);
                    Files.move(temporary, file);
                } finally {
                    Files.deleteIfExists(temporary);
                }
                return made;
            }
            KeySource.refuseIfOthersMayRead(file);
            NoteSigningKey key = fromText(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
            if (nameOrNull != null && !nameOrNull.equals(key.name())) {
                throw new KeySource.KeyUnusableException("the witness key in " + directory + " is named "
                                                                 + key.name() + ", not " + nameOrNull);
            }
            return key;
        } catch (IOException e) {
            throw new KeySource.KeyUnusableException("cannot read or make the witness key in " + directory + ": "
                                                             + e.getMessage());
        }
    }

    /**
     * A witness key in the text form ({@code PRIVATE+KEY+<name>+<key ID>+base64(0x04 || seed)}).
     *
     * @param text the key's text form
     * @param where where the text came from, for messages
     * @return the witness key
     */
    public static NoteSigningKey fromText(String text, String where) {
        NoteSigningKey key;
        try {
            key = NoteSigningKey.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw new KeySource.KeyUnusableException("the witness key " + where + " is " + e.getMessage());
        }
        if (key.type() != VerifierKey.COSIGNATURE_V1) {
            throw new KeySource.KeyUnusableException("the witness key " + where + " is not a cosignature/v1 key "
                                                             + "(type 0x04)");
        }
        return key;
    }

    /**
     * What the witness last cosigned for one log.
     *
     * @param treeSize the tree size
     * @param rootHash the root hash
     */
    public record Cosigned(long treeSize, String rootHash) {
    }

    /** Why a checkpoint was not cosigned; {@code inconsistent} when it shows a log misbehaving or forged. */
    public static final class Refusal extends RuntimeException {
        /** Whether the checkpoint shows a log misbehaving or forged. */
        private final boolean inconsistent;

        Refusal(String message, boolean inconsistent) {
            super(message);
            this.inconsistent = inconsistent;
        }

        /**
         * Whether the checkpoint shows a log misbehaving or forged, not merely an unknown or stale one.
         *
         * @return true for a misbehaving or forged log
         */
        public boolean inconsistent() {
            return inconsistent;
        }
    }

    /**
     * Checks {@code request} against the log keys and the witness's state, and when it holds records the checkpoint
     * and returns it with the witness's cosignature, made at {@code timestamp} (POSIX seconds, above 0).
     *
     * @param request the checkpoint and its consistency proof
     * @param logKeys the log keys the witness trusts
     * @param timestamp the cosignature's time
     * @return the checkpoint with the cosignature
     * @throws Refusal if the checkpoint is not cosigned
     */
    public SignedCheckpoint addCheckpoint(WitnessRequest request, List<VerifierKey> logKeys, long timestamp) {
        if (timestamp <= 0) {
            throw new IllegalArgumentException("a cosignature's timestamp is after 1970");
        }
        SignedCheckpoint signed = request.checkpoint();
        Checkpoint checkpoint = signed.checkpoint();
        String origin = checkpoint.origin();
        int verified = signed.note().verifiedBy(logKeys.stream().filter(k -> k.type() == VerifierKey.ED25519)
                                                       .toList());
        if (verified < 0) {
            throw new Refusal("the checkpoint of " + origin + " carries a signature by the log key that does not "
                                      + "verify", true);
        }
        if (verified == 0) {
            throw new Refusal("the checkpoint of " + origin + " is not signed by a log key this witness was given",
                              true);
        }
        try {
            Files.createDirectories(stateFile.toAbsolutePath().getParent());
            Path lockFile = stateFile.resolveSibling(stateFile.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                Map<String, Cosigned> state = readState();
                Cosigned last = state.get(origin);
                long lastSize = last == null ? 0 : last.treeSize();
                byte[] lastRoot = last == null ? MerkleTree.root(List.of()) : Base64.getDecoder().decode(
                        last.rootHash());
                check(request, checkpoint, lastSize, lastRoot);
                SignedCheckpoint cosigned = signed.cosignedBy(key, timestamp);
                state.put(origin, new Cosigned(checkpoint.treeSize(),
                                               Base64.getEncoder().encodeToString(checkpoint.rootHash())));
                writeState(state);
                return cosigned;
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read or write the witness state " + stateFile + ": "
                                                           + e.getMessage(), e);
        }
    }

    private static void check(WitnessRequest request, Checkpoint checkpoint, long lastSize, byte[] lastRoot) {
        String origin = checkpoint.origin();
        long size = checkpoint.treeSize();
        if (size < lastSize) {
            throw new Refusal("the checkpoint of " + origin + " has " + size + " events, fewer than the " + lastSize
                                      + " this witness cosigned: the log was rolled back or forked", true);
        }
        if (request.oldSize() > size) {
            throw new Refusal("the proof is from " + request.oldSize() + " events, more than the checkpoint's "
                                      + size, false);
        }
        if (request.oldSize() != lastSize) {
            throw new Refusal("this witness last cosigned " + lastSize + " events of " + origin
                                      + "; give a consistency proof from " + lastSize + ", not "
                                      + request.oldSize(), false);
        }
        if (size == 0 && !Arrays.equals(checkpoint.rootHash(), MerkleTree.root(List.of()))) {
            throw new Refusal("the checkpoint of " + origin + " has no events but not the root of the empty tree",
                              true);
        }
        if (lastSize == 0) {
            if (!request.proof().isEmpty()) {
                throw new Refusal("a proof from the empty tree is empty, this one has " + request.proof().size()
                                          + " hashes", true);
            }
            return;
        }
        if (lastSize == size) {
            if (!Arrays.equals(lastRoot, checkpoint.rootHash()) || !request.proof().isEmpty()) {
                throw new Refusal("the checkpoint of " + origin + " has the " + size + " events this witness cosigned"
                                          + " but another root: a split view of the log", true);
            }
            return;
        }
        if (!MerkleTree.verifyConsistency(lastSize, lastRoot, size, checkpoint.rootHash(), request.proof())) {
            throw new Refusal("the checkpoint of " + origin + " does not extend the " + lastSize + " events this "
                                      + "witness cosigned: the consistency proof fails (a rewritten or forked "
                                      + "history)", true);
        }
    }

    /**
     * The last cosigned tree of every log, by origin.
     *
     * @return the state, empty before the first cosignature
     */
    public Map<String, Cosigned> state() {
        try {
            return readState();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the witness state " + stateFile + ": "
                                                           + e.getMessage(), e);
        }
    }

    private Map<String, Cosigned> readState() throws IOException {
        if (!Files.exists(stateFile)) {
            return new TreeMap<>();
        }
        StateFile read = ParleyJson.mapper().readValue(Files.readString(stateFile, StandardCharsets.UTF_8),
                                                       new TypeReference<StateFile>() {
                                                       });
        return new TreeMap<>(read.logs() == null ? Map.of() : read.logs());
    }

    private void writeState(Map<String, Cosigned> state) throws IOException {
        Path temporary = Files.createTempFile(stateFile.toAbsolutePath().getParent(), "." + stateFile.getFileName(),
                                              ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                                                        StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(java.nio.ByteBuffer.wrap(ParleyJson.mapper().writeValueAsString(new StateFile(state))
                                                                 .concat("\n").getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            Files.move(temporary, stateFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** {@code {"logs":{"<origin>":{"treeSize":N,"rootHash":"<base64>"}}}}. */
    record StateFile(Map<String, Cosigned> logs) {
    }
}
