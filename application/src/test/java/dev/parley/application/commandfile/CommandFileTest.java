package dev.parley.application.commandfile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Command files are read as physical lines, streamed, checked for UTF-8 and named by their digest. */
class CommandFileTest {

    @TempDir
    Path directory;

    private List<String> lines(byte[] content) throws IOException {
        Path file = Files.write(directory.resolve("commands.ndjson"), content);
        List<String> lines = new ArrayList<>();
        CommandFile commandFile = CommandFile.open(file);
        commandFile.forEachLine((number, text) -> {
            assertThat(number).isEqualTo(lines.size() + 1);
            lines.add(text);
        });
        assertThat(commandFile.lines()).isEqualTo(lines.size());
        return lines;
    }

    @Test
    void linesEndAtNewlineCarriageReturnNewlineOrCarriageReturnAsBufferedReaderCountsThem() throws IOException {
        assertThat(lines("a\nb\r\nc\rd\n\ne".getBytes(StandardCharsets.UTF_8)))
                .containsExactly("a", "b", "c", "d", "", "e");
        assertThat(lines("a\n".getBytes(StandardCharsets.UTF_8))).containsExactly("a");
        assertThat(lines(new byte[0])).isEmpty();
    }

    @Test
    void aLeadingByteOrderMarkIsNotPartOfLineOne() throws IOException {
        assertThat(lines("\uFEFF{\"a\":1}\n\uFEFFx".getBytes(StandardCharsets.UTF_8)))
                .containsExactly("{\"a\":1}", "\uFEFFx");
    }

    @Test
    void aLineThatIsNotUtf8IsNamedWithItsNumberAndByte() throws IOException {
        byte[] latin1 = "ok\n# fine\n{\"venue\":\"Gen\u00e8ve\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(directory.resolve("latin1.ndjson"), latin1);

        assertThatThrownBy(() -> CommandFile.open(file))
                .isInstanceOf(CommandFileException.class)
                .hasMessage("cannot read command file " + file + ": line 3 is not UTF-8 text (byte 0xE8 at byte 14 of "
                                    + "the line); nothing was run");
    }

    @Test
    void theDigestIsTheSha256OfTheFilesBytes() throws Exception {
        byte[] content = "line one\r\nline two".getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(directory.resolve("digest.ndjson"), content);

        assertThat(CommandFile.open(file).digest())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
    }

    @Test
    void linesLongerThanAnyCommandAreRefusedWithoutBeingHeld() throws IOException {
        Path file = directory.resolve("long.ndjson");
        try (var out = Files.newOutputStream(file)) {
            out.write("{}\n".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[1024 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i <= CommandFile.MAX_LINE_BYTES / chunk.length; i++) {
                out.write(chunk);
            }
        }

        assertThatThrownBy(() -> CommandFile.open(file)).isInstanceOf(CommandFileException.class)
                                                        .hasMessageContaining("line 2 is longer than 16 MiB");
    }

    @Test
    void aMissingFileSaysSo() {
        Path missing = directory.resolve("missing.ndjson");
        assertThatThrownBy(() -> CommandFile.open(missing))
                .hasMessage("cannot read command file " + missing + ": no such file");
    }
}
