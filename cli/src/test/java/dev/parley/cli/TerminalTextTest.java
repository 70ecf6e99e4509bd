package dev.parley.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@link TerminalText#escape} shows of each kind of character a terminal would obey or hide. */
class TerminalTextTest {

    @Test
    void controlCharactersBecomeVisibleEscapes() {
        assertThat(TerminalText.escape("a\nb\rc\td\u0000e\u001b[2Jf\u0007g\u007fh\u0085i\u009b"))
                .isEqualTo("a\\nb\\rc\\td\\u0000e\\u001b[2Jf\\u0007g\\u007fh\\u0085i\\u009b");
    }

    @Test
    void bidiControlsInvisibleFormatCharactersAndSeparatorsBecomeVisibleEscapes() {
        assertThat(TerminalText.escape("x\u202ey\u2066z\u200e\u200f\u061c\u200b\ufeff\u00ad\u2028\u2029"))
                .isEqualTo("x\\u202ey\\u2066z\\u200e\\u200f\\u061c\\u200b\\ufeff\\u00ad\\u2028\\u2029");
        assertThat(TerminalText.escape("tag\udb40\udc01")).as("a supplementary format character, as its two halves")
                                                          .isEqualTo("tag\\udb40\\udc01");
    }

    @Test
    void aLoneSurrogateBecomesAVisibleEscapeAndAPairIsKept() {
        assertThat(TerminalText.escape("inc-sur\ud800x")).isEqualTo("inc-sur\\ud800x");
        assertThat(TerminalText.escape("smile \ud83d\ude00")).isEqualTo("smile \ud83d\ude00");
    }

    @Test
    void printableTextOfAnyScriptIsLeftAsItIs() {
        String text = "Istanbul — İstanbul, کابل, اسلام آباد, 北京, naïve \"quoted\" \\ back\u00a0slash";
        assertThat(TerminalText.escape(text)).isSameAs(text);
        assertThat(TerminalText.escape(null)).isEqualTo("null");
    }
}
