package dev.parley.application.commandfile;

/**
 * A run stopped because the store could not take a line (a full disk, a lost connection, another writer that kept
 * winning). The lines before it that were accepted are stored; it and the lines after it are not.
 */
public class LineNotStoredException extends CommandFileException {

    /** The number of the line not stored. */
    private final int line;
    /** The line's command type. */
    private final String command;
    /** How many lines the run stored before it stopped. */
    private final int storedLines;
    /** The last line the run stored, 0 when none. */
    private final int lastStoredLine;
    /** The reason in words, or null when the cause says it. */
    private final String why;
    /** Whether running the same file again resumes the run. */
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

    /**
     * The same stop, put down to a full disk (when the cause did not say so).
     *
     * @return a new exception saying so
     */
    public LineNotStoredException onFullDisk() {
        return new LineNotStoredException(line, command, storedLines, lastStoredLine, "no space left on device",
                                          resumable, getCause());
    }

    /**
     * The line that was not stored.
     *
     * @return its number, from 1
     */
    public int line() {
        return line;
    }

    /**
     * The type of the line's command, as written in the file.
     *
     * @return the command type
     */
    public String command() {
        return command;
    }

    /**
     * How many lines this run stored before it stopped.
     *
     * @return the number of lines
     */
    public int storedLines() {
        return storedLines;
    }

    /**
     * The number of the last line this run stored, 0 when none.
     *
     * @return the line's number
     */
    public int lastStoredLine() {
        return lastStoredLine;
    }

    /**
     * Whether the run recorded its lines, so that running the same file again resumes it.
     *
     * @return true when the lines were recorded
     */
    public boolean resumable() {
        return resumable;
    }

    /**
     * The reason in words when the cause does not say it (another writer kept winning), else null.
     *
     * @return the reason, or null
     */
    public String why() {
        return why;
    }
}
