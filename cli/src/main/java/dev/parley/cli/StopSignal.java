package dev.parley.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The operator's signal to stop a command that runs until stopped (Ctrl-C, SIGTERM): the JVM's shutdown hook says
 * so, then holds the JVM until the command has closed what it opened, so that it stops as cleanly as it would on its
 * own. Closing it lets the shutdown go on.
 */
final class StopSignal implements AutoCloseable {

    private final CountDownLatch stopping = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread hook;

    /** Listens for the signal from now on; {@code name} names the hook's thread. */
    StopSignal(String name) {
        hook = new Thread(() -> {
            stopping.countDown();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Waits for the signal. */
    void await() throws InterruptedException {
        stopping.await();
    }

    /** Waits for the signal at most {@code wait}; whether it came. */
    boolean await(Duration wait) throws InterruptedException {
        return stopping.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The command has closed what it opened: the shutdown may go on, or, without one, the hook goes. */
    @Override
    public void close() {
        stopped.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running: it is what stopped the command.
        }
    }
}
