package dev.parley.application.fork;

import dev.parley.projections.readmodel.ReadModel;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;

/** Makes what-if forks of a record, at a position, at a recording time, or from a saved branch. */
public final class Forks {

    private final RecordReader reader;
    private final RecordSource record;
    private final Fork.TransactionFreeDomain domain;
    private final Serializer serializer;
    private final BranchStore branches;
    private final List<ReadModel> readModels;

    /**
     * Forks of the record in {@code dataSource}, in which {@code readModels} answer as their definitions say.
     *
     * @param dataSource the record's data source
     * @param serializer the event serializer
     * @param upcasters the upcasters of stored events
     * @param readModels the read models declared
     * @param recordQueries the record's query gateway
     * @param recordCatchUp waits until the record's read models have caught up
     * @param domain builds the domain of a fork, without transactions
     */
    public Forks(DataSource dataSource, Serializer serializer, EventUpcaster upcasters, List<ReadModel> readModels,
                 QueryGateway recordQueries, RecordSource.CatchUp recordCatchUp, Fork.TransactionFreeDomain domain) {
        this.readModels = List.copyOf(readModels);
        this.reader = new RecordReader(dataSource, serializer, upcasters);
        this.record = new RecordSource(reader, recordQueries, recordCatchUp);
        this.domain = domain;
        this.serializer = serializer;
        this.branches = new BranchStore(dataSource, serializer, reader);
    }

    /**
     * The last position of the record.
     *
     * @return its global position, 0 when the record is empty
     */
    public long head() {
        return reader.head();
    }

    /**
     * A fork that sees the record up to and including {@code position}.
     *
     * @param position the last global position the fork sees
     * @return the fork, to close when done
     */
    public Fork at(long position) {
        long head = reader.head();
        if (position < 0 || position > head) {
            throw new IllegalArgumentException("cannot fork at position " + position + ": the record holds positions "
                                                       + "1 to " + head);
        }
        return Fork.over(record, position, List.of(), domain, serializer, branches, readModels, null);
    }

    /**
     * A fork that sees what had been recorded by {@code recordedBy}.
     *
     * @param recordedBy a transaction time
     * @return the fork, to close when done
     */
    public Fork recordedBy(Instant recordedBy) {
        return at(reader.positionRecordedBy(recordedBy));
    }

    /**
     * A fork that continues the saved branch {@code name}.
     *
     * @param name the branch's name
     * @return the fork, to close when done
     */
    public Fork branch(String name) {
        BranchStore.Branch branch = branches.load(name)
                .orElseThrow(() -> new IllegalArgumentException("no branch named " + name));
        return Fork.over(record, branch.forkPoint(), branch.events(), domain, serializer, branches,
                           readModels, name);
    }

    /**
     * The saved branches.
     *
     * @return the branch store
     */
    public BranchStore branches() {
        return branches;
    }
}
