package dev.parley.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;

/** The causes users can act on are named in words, however deeply the libraries wrapped them. */
class ExitCodesTest {

    @Test
    void aDeniedPermissionNamesThePathAndSaysWhy() {
        RuntimeException wrapped = new IllegalStateException("cannot import",
                                                             new UncheckedIOException(new AccessDeniedException(
                                                                     "/data/export.ndjson")));

        assertThat(ExitCodes.explain(wrapped)).isEqualTo("failed: permission denied: /data/export.ndjson");
    }

    @Test
    void aFullDiskIsCalledThatWhateverWrapsIt() {
        RuntimeException h2 = new IllegalStateException(
                "Writing to sun.nio.ch.FileChannelImpl@1b2c3d failed; length 4096 at 8192 [2.3.232/2]",
                new IOException("No space left on device"));

        assertThat(ExitCodes.explain(new RuntimeException("General error", h2)))
                .isEqualTo("failed: no space left on device");
    }

    @Test
    void textThatIsNotUtf8IsCalledThat() {
        assertThat(ExitCodes.reason(new UncheckedIOException(new MalformedInputException(1))))
                .isEqualTo("the file is not UTF-8 text");
    }
}
