package dev.parley.application.readmodel;

/** Hears how far the read models have come while something waits for them or rebuilds them. */
@FunctionalInterface
public interface CatchUpListener {

    /** A listener that hears nothing. */
    CatchUpListener SILENT = (position, head) -> {
    };

    /**
     * The slowest read model is at {@code position}; the store's head is {@code head}.
     *
     * @param position the slowest read model's global position
     * @param head the store's head
     */
    void at(long position, long head);

    /**
     * A rebuild has given every read model the events up to {@code progress.position()}; by default heard as
     * {@link #at}.
     *
     * @param progress how far the rebuild has come
     */
    default void rebuilt(RebuildProgress progress) {
        at(progress.position(), progress.head());
    }
}
