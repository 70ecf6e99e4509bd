package dev.parley.application.messaging;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

/**
 * Sends a command again, through Axon's {@link ExponentialBackOffIntervalRetryScheduler}, when it lost a race with
 * another writer on its aggregate: decided again, it is checked against the history that won. Nothing else is
 * retried: a broken rule or an unusable store fails the same way every time.
 */
public final class ConflictRetryScheduler implements RetryScheduler {

    /** Retries of a conflicting command unless configured otherwise. */
    public static final int DEFAULT_MAX_RETRIES = 5;
    /** The pause before the first retry, doubled before each further one. */
    public static final Duration DEFAULT_BACKOFF = Duration.ofMillis(20);

    private final RetryScheduler backOff;
    private final BooleanSupplier retryHere;

    private ConflictRetryScheduler(RetryScheduler backOff, BooleanSupplier retryHere) {
        this.backOff = backOff;
        this.retryHere = retryHere;
    }

    /**
     * Up to {@code maxRetries} retries (0 for none), the first after {@code backoff}, each further one after twice
     * the pause before it. Its daemon thread ends with the process.
     *
     * @param maxRetries the most retries of one command
     * @param backoff the pause before the first retry
     * @return the retry scheduler
     */
    public static RetryScheduler of(int maxRetries, Duration backoff) {
        return of(maxRetries, backoff, () -> true);
    }

    /**
     * As {@link #of(int, Duration)}, retrying only when {@code retryHere} says so on the thread that saw the
     * conflict: a retry runs on the scheduler's own thread, outside any transaction of the sender's, so a sender
     * whose transaction holds other writes must not have its command retried there.
     *
     * @param maxRetries the most retries of one command
     * @param backoff the pause before the first retry
     * @param retryHere whether the sender's thread may retry now
     * @return the retry scheduler
     */
    public static RetryScheduler of(int maxRetries, Duration backoff, BooleanSupplier retryHere) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("command retries must be 0 or more, was " + maxRetries);
        }
        if (maxRetries == 0) {
            return (command, failure, failures, dispatch) -> false;
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "parley-command-retry");
            thread.setDaemon(true);
            return thread;
        });
        return new ConflictRetryScheduler(
                ExponentialBackOffIntervalRetryScheduler.builder()
                                                        .retryExecutor(executor)
                                                        .maxRetryCount(maxRetries)
                                                        .backoffFactor(Math.max(1, backoff.toMillis()))
                                                        .nonTransientFailurePredicate(failure -> false)
                                                        .build(),
                retryHere);
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures,
                                 Runnable dispatchTask) {
        return isConflict(lastFailure) && retryHere.getAsBoolean()
                && backOff.scheduleRetry(commandMessage, lastFailure, failures, dispatchTask);
    }

    /**
     * Whether {@code failure}, or what caused it, says another writer appended to the aggregate first.
     *
     * @param failure a command's failure
     * @return true for a conflict with another writer
     */
    public static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException) {
                return true;
            }
        }
        return false;
    }
}
