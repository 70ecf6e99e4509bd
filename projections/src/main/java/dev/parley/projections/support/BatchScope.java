package dev.parley.projections.support;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Work gathered over one batch of a streaming processor and written once, just before the batch's transaction
 * commits (with its token). A projection outside a unit of work writes at once.
 */
public final class BatchScope {

    private BatchScope() {
    }

    /**
     * Adds {@code item} to the batch's list under {@code key}; {@code flush} gets the whole list once.
     *
     * @param key the list's name in the batch, such as the processing group
     * @param item the item to add
     * @param flush writes the whole list; the flush given with the first item is the one that runs
     * @param <T> the items' type
     */
    public static <T> void add(String key, T item, Consumer<List<T>> flush) {
        with(key, ArrayList<T>::new, flush, items -> items.add(item));
    }

    /**
     * The batch's instance of {@code key}, created on first use; {@code flush} runs on it when the batch prepares
     * to commit. Without a unit of work, {@code work} runs on a fresh instance that is flushed right after.
     *
     * @param key the instance's name in the batch
     * @param create makes the instance on first use
     * @param flush runs on the instance before the batch commits
     * @param work runs on the instance now
     * @param <T> the instance's type
     */
    public static <T> void with(String key, Supplier<T> create, Consumer<T> flush, Consumer<T> work) {
        if (!CurrentUnitOfWork.isStarted()) {
            T alone = create.get();
            work.accept(alone);
            flush.accept(alone);
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        T gathered = batch.getOrComputeResource(key, ignored -> {
            T created = create.get();
            batch.onPrepareCommit(unitOfWork -> flush.accept(created));
            return created;
        });
        work.accept(gathered);
    }
}
