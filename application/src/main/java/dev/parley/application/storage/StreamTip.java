package dev.parley.application.storage;

/**
 * The last stored event of a stream: its sequence number and its position. A position is handed out once, so the
 * pair names one stored row, and a leaf remembered for it is that row's leaf.
 */
record StreamTip(long sequence, long position) {

    /** Where a stream without events stands: its next event is sequence 0. */
    static final StreamTip EMPTY = new StreamTip(-1, -1);

    boolean isEmpty() {
        return sequence < 0;
    }
}
