package dev.parley.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.UUID;

/**
 * Every byte the CLI writes goes through here, checked. {@code PrintStream} and {@code PrintWriter} swallow write
 * errors, so a full disk or a closed pipe used to look like success: standard output here fails the command at the
 * first lost write, standard error remembers its failure for the exit status, and {@code --out} files are written
 * beside the target and renamed over it only when complete, so they appear whole or not at all.
 */
final class Output {

    /** A write the user asked for did not happen; the message is one sentence naming what and why. */
    static final class WriteFailedException extends RuntimeException {
        WriteFailedException(String message, IOException cause) {
            super(message, cause);
        }
    }

    /** Writes a document to a writer; the writer belongs to {@link #toFile}, which closes it. */
    @FunctionalInterface
    interface Body<T> {
        T write(Writer writer) throws IOException;
    }

    private Output() {
    }

    /** Standard output, failing the command at the first write that does not reach it. */
    static PrintWriter standardOutput() {
        CheckedStream stream = new CheckedStream(new FileOutputStream(FileDescriptor.out), "standard output", true);
        return new PrintWriter(new OutputStreamWriter(stream, encoding()), true);
    }

    /**
     * Standard error, which only remembers a failed write: a command should not stop half-way because its messages
     * cannot be shown, but it must not report success either ({@link #failed}).
     */
    static PrintWriter standardError() {
        CheckedStream stream = new CheckedStream(new FileOutputStream(FileDescriptor.err), "standard error", false);
        return new PrintWriter(new OutputStreamWriter(stream, encoding()), true);
    }

    /** Flushes {@code writer} and says whether anything written to it was lost. */
    static boolean failed(PrintWriter writer) {
        writer.flush();
        return writer.checkError();
    }

    /**
     * Writes {@code target} through {@code body}: into a new file in the same directory, forced to disk, then
     * renamed over the target (atomically where the file system can), so a failure leaves neither an empty nor a
     * half file, and an existing target as it was. A target that exists and is not a regular file (a device, a pipe)
     * cannot be replaced and is written directly.
     */
    static <T> T toFile(Path target, Body<T> body) {
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            try (Writer writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                T result = body.write(writer);
                writer.flush();
                return result;
            } catch (IOException e) {
                throw new WriteFailedException("cannot write " + target + ": " + cause(e), e);
            }
        }
        Path replaced;
        Path temporary;
        try {
            replaced = Files.exists(target) ? target.toRealPath() : target.toAbsolutePath();
            temporary = replaced.resolveSibling("." + replaced.getFileName() + "." + UUID.randomUUID() + ".tmp");
        } catch (IOException e) {
            throw new WriteFailedException("cannot write " + target + ": " + cause(e), e);
        }
        try {
            T result;
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                                                         StandardOpenOption.WRITE)) {
                Writer writer = Channels.newWriter(channel, StandardCharsets.UTF_8);
                result = body.write(writer);
                writer.flush();
                channel.force(true);
            }
            if (Files.exists(replaced)) {
                keepPermissions(replaced, temporary);
            }
            try {
                Files.move(temporary, replaced, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, replaced, StandardCopyOption.REPLACE_EXISTING);
            }
            return result;
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new WriteFailedException("cannot write " + target + ": " + cause(e) + "; "
                                                   + (Files.exists(target) ? "it was left as it was"
                                                   : "nothing was written"), e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(temporary);
            throw e;
        }
    }

    /** The reason of an I/O failure as the end of a sentence: {@code no space left on device}. */
    static String cause(IOException error) {
        String reason;
        if (error instanceof NoSuchFileException) {
            reason = "no such file or directory";
        } else if (error instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (error instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            reason = fileSystem.getReason();
        } else if (error.getMessage() != null && !error.getMessage().isBlank()) {
            reason = error.getMessage();
        } else {
            reason = "an I/O error";
        }
        boolean word = reason.length() > 1 && Character.isUpperCase(reason.charAt(0))
                && Character.isLowerCase(reason.charAt(1));
        return word ? reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1) : reason;
    }

    private static void keepPermissions(Path from, Path to) {
        try {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        } catch (UnsupportedOperationException | IOException e) {
            // A file system without POSIX permissions gives the new file its defaults, as any new file gets.
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // The original failure is the one to report; a leftover hidden temporary file is harmless.
        }
    }

    /** The terminal's encoding, as picocli chooses it for the streams it makes itself. */
    private static Charset encoding() {
        String property = System.getProperty("sun.stdout.encoding");
        try {
            return property == null ? Charset.defaultCharset() : Charset.forName(property);
        } catch (IllegalArgumentException unknown) {
            return Charset.defaultCharset();
        }
    }

    /**
     * A stream that turns a failed write into {@link WriteFailedException}, which writers pass on where they would
     * swallow an {@link IOException}; or, when not {@code failFast}, keeps it for {@link PrintWriter#checkError}.
     */
    private static final class CheckedStream extends FilterOutputStream {

        private final String name;
        private final boolean failFast;

        CheckedStream(OutputStream out, String name, boolean failFast) {
            super(out);
            this.name = name;
            this.failFast = failFast;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            checked(() -> out.write(bytes, offset, length));
        }

        @Override
        public void write(int b) throws IOException {
            checked(() -> out.write(b));
        }

        @Override
        public void flush() throws IOException {
            checked(out::flush);
        }

        private void checked(IoAction action) throws IOException {
            try {
                action.run();
            } catch (IOException e) {
                if (failFast) {
                    throw new WriteFailedException("cannot write to " + name + ": " + cause(e), e);
                }
                throw e;
            }
        }

        @FunctionalInterface
        private interface IoAction {
            void run() throws IOException;
        }
    }
}
