package dev.parley.application.commandfile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A command file on disk, read as a stream of physical lines so that memory stays flat however long the file is.
 * Opening it reads it once to check that every line is UTF-8 text of a bounded length, to count its lines and to
 * take the SHA-256 digest of its bytes, which names the file when a run is resumed. Lines end at {@code \n},
 * {@code \r\n} or {@code \r}; a leading UTF-8 byte order mark is not part of line 1.
 *
 * @param path   where the file is
 * @param digest SHA-256 of the file's bytes, lower-case hex
 * @param lines  how many physical lines it has
 */
public record CommandFile(Path path, String digest, int lines) {

    /**
     * The longest line read, in bytes: no command within the contract's limits comes near it, and a longer line is
     * not held in memory to find that out.
     */
    public static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

    /** Hears each physical line with its 1-based number. */
    @FunctionalInterface
    public interface LineHandler {
        /**
         * Hears one line.
         *
         * @param number the line's number, from 1
         * @param text the line, without its line ending
         */
        void line(int number, String text);
    }

    /**
     * Reads the file through once and checks it.
     *
     * @throws CommandFileException when it cannot be read, or a line is not UTF-8 or too long, naming that line
     *
     * @param path the file
     * @return the file, checked
     */
    public static CommandFile open(Path path) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        int[] count = {0};
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), sha256)) {
            read(path, in, (number, text) -> count[0] = number);
        } catch (IOException e) {
            throw unreadable(path, e);
        }
        return new CommandFile(path, HexFormat.of().formatHex(sha256.digest()), count[0]);
    }

    /**
     * Hands every physical line to {@code handler}, in order, reading the file again.
     *
     * @param handler hears each line
     * @throws CommandFileException when the file cannot be read again
     */
    public void forEachLine(LineHandler handler) {
        try (InputStream in = Files.newInputStream(path)) {
            read(path, in, handler);
        } catch (IOException e) {
            throw unreadable(path, e);
        }
    }

    private static void read(Path path, InputStream in, LineHandler handler) throws IOException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                                                    .onMalformedInput(CodingErrorAction.REPORT)
                                                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        byte[] buffer = new byte[64 * 1024];
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        int number = 0;
        boolean open = false;
        boolean afterCarriageReturn = false;
        for (int filled = in.read(buffer); filled != -1; filled = in.read(buffer)) {
            int from = 0;
            for (int at = 0; at < filled; at++) {
                byte b = buffer[at];
                if (afterCarriageReturn && b == '\n') {
                    from = at + 1;
                    afterCarriageReturn = false;
                    continue;
                }
                afterCarriageReturn = false;
                if (b == '\n' || b == '\r') {
                    append(path, line, buffer, from, at, number + 1);
                    handler.line(++number, decode(path, utf8, line.toByteArray(), number));
                    line.reset();
                    open = false;
                    afterCarriageReturn = b == '\r';
                    from = at + 1;
                } else {
                    open = true;
                }
            }
            append(path, line, buffer, from, filled, number + 1);
        }
        if (open || line.size() > 0) {
            handler.line(++number, decode(path, utf8, line.toByteArray(), number));
        }
    }

    private static void append(Path path, ByteArrayOutputStream line, byte[] buffer, int from, int to, int number) {
        if (line.size() + (to - from) > MAX_LINE_BYTES) {
            throw new CommandFileException("cannot read command file " + path + ": line " + number + " is longer "
                                                   + "than " + MAX_LINE_BYTES / (1024 * 1024) + " MiB, more than "
                                                   + "any command can need; nothing was run", null);
        }
        line.write(buffer, from, to - from);
    }

    private static String decode(Path path, CharsetDecoder utf8, byte[] bytes, int number) {
        int start = number == 1 && bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length - start);
        utf8.reset();
        CoderResult result = utf8.decode(in, out, true);
        if (!result.isError()) {
            result = utf8.flush(out);
        }
        if (result.isError()) {
            // Users fix such files in an editor: say which byte of which line.
            throw new CommandFileException(String.format(
                    "cannot read command file %s: line %d is not UTF-8 text (byte 0x%02X at byte %d of the line); "
                            + "nothing was run", path, number, bytes[in.position()] & 0xFF, in.position() - start + 1),
                                           null);
        }
        return out.flip().toString();
    }

    private static CommandFileException unreadable(Path path, IOException e) {
        String reason;
        if (e instanceof NoSuchFileException) {
            reason = "no such file";
        } else if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            reason = fileSystem.getReason();
        } else {
            reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return new CommandFileException("cannot read command file " + path + ": " + reason, e);
    }
}
