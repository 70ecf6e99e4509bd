package dev.parley.application.commandfile;

/**
 * A run stopped because the store could not take a line (a full disk, a lost connection, another writer that kept
 * winning). The lines before it that were accepted are stored; it and the lines after it are not.
 */
public class LineNotStoredException extends CommandFileException {

    private final int line;
    private final String command;
    private final int storedLines;
    private final int lastStoredLine;
    private final String why;
    private final boolean resumable;

    /**
     * @param why what went wrong in words, or null when the cause says it
     */
    LineNotStoredException(int line, String command, int storedLines, int lastStoredLine, String why,
                           boolean resumable, Throwable cause) {
        super("line " + line + " (" + command + ") could not be stored: "
                      + (why != null ? why : String.valueOf(cause.getMessage())) + "; this run stored "
                      + storedLines + " lines before it" + (storedLines == 0 ? "" : ", the last line " + lastStoredLine),
              cause);
        this.line = line;
        this.command = command;
        this.storedLines = storedLines;
        this.lastStoredLine = lastStoredLine;
        this.why = why;
        this.resumable = resumable;
    }

    /** The same stop, put down to a full disk (when the cause did not say so). */
    public LineNotStoredException onFullDisk() {
        return new LineNotStoredException(line, command, storedLines, lastStoredLine, "no space left on device",
                                          resumable, getCause());
    }

    public int line() {
        return line;
    }

    public String command() {
        return command;
    }

    /** How many lines this run stored before it stopped. */
    public int storedLines() {
        return storedLines;
    }

    /** The number of the last line this run stored, 0 when none. */
    public int lastStoredLine() {
        return lastStoredLine;
    }

    /** Whether the run recorded its lines, so that running the same file again resumes it. */
    public boolean resumable() {
        return resumable;
    }

    /** The reason in words when the cause does not say it (another writer kept winning), else null. */
    public String why() {
        return why;
    }
}
