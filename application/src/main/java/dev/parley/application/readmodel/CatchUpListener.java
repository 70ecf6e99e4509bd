package dev.parley.application.readmodel;

/** Hears how far the read models have come while something waits for them. */
@FunctionalInterface
public interface CatchUpListener {

    CatchUpListener SILENT = (position, head) -> {
    };

    /** The slowest read model is at {@code position}; the store's head is {@code head}. */
    void at(long position, long head);
}
