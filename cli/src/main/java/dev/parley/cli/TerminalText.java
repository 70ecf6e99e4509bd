package dev.parley.cli;

/**
 * Recorded text made safe for a terminal. Ids, names and free text come from command files and imports, and a
 * terminal obeys what it is sent: ESC sequences retitle or repaint it, a CR or LF forges a line, bidi overrides
 * reorder what is read. Every text renderer of the CLI passes what it did not write itself through
 * {@link #escape}, which shows such characters as visible escapes (a backslash and {@code n}, {@code r} or {@code t},
 * else a backslash, {@code u} and four hex digits, as in Java and JSON) and leaves everything else, including
 * non-Latin scripts, as it is. JSON output does not come here: Jackson escapes it.
 */
final class TerminalText {

    private TerminalText() {
    }

    /** {@code value} as text, its control, format (bidi, zero-width), separator and lone surrogate characters escaped. */
    static String escape(Object value) {
        String text = String.valueOf(value);
        int first = firstUnsafe(text);
        if (first < 0) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int length = Character.charCount(codePoint);
            if (unsafe(codePoint)) {
                for (int j = i; j < i + length; j++) {
                    escaped.append(escapeOf(text.charAt(j)));
                }
            } else {
                escaped.append(text, i, i + length);
            }
            i += length;
        }
        return escaped.toString();
    }

    private static int firstUnsafe(String text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (unsafe(codePoint)) {
                return i;
            }
            i += Character.charCount(codePoint);
        }
        return -1;
    }

    /**
     * C0, DEL and C1 controls; format characters (bidi embeddings, overrides, isolates and marks, the Arabic letter
     * mark, zero-width characters, the BOM, tag characters); line and paragraph separators; lone surrogates.
     */
    private static boolean unsafe(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE -> true;
            default -> false;
        };
    }

    private static String escapeOf(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> String.format("\\u%04x", (int) c);
        };
    }
}
