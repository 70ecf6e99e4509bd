package dev.parley.application.fork;

import dev.parley.projections.readmodel.ReadModel;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.serialization.Serializer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A what-if branch of the history: its own command and query gateways over the base history up to the fork point
 * plus its own events. Creating one copies nothing; nothing it does reaches the base. The ceasefire process rule
 * runs inside it, each read model answers its queries as its definition says, and forks of forks work the same way.
 * Close it to let it go.
 */
public final class Fork implements AutoCloseable {

    private final ForkEvents events;
    private final Configuration configuration;
    private final TransactionFreeDomain domain;
    private final BranchStore branches;
    private final Serializer serializer;
    private final List<ReadModel> readModels;
    private final String continues;

    /** How a fork gets the domain's Axon configuration, without transactions. */
    @FunctionalInterface
    public interface TransactionFreeDomain {
        /**
         * Configures the domain.
         *
         * @param serializer the serializer of the fork's events
         * @return a configurer of the domain, with no transaction manager
         */
        Configurer configurer(Serializer serializer);
    }

    private Fork(ForkEvents events, TransactionFreeDomain domain, Serializer serializer, BranchStore branches,
                 List<ReadModel> readModels, String continues) {
        this.events = events;
        this.continues = continues;
        this.domain = domain;
        this.serializer = serializer;
        this.branches = branches;
        this.readModels = readModels;
        Configurer configurer = domain.configurer(serializer)
                                      .configureEmbeddedEventStore(c -> new ForkStorageEngine(events));
        ForkLine line = new ForkLine(events);
        for (ReadModel readModel : readModels) {
            readModel.forkAnswers().create(line).forEach(answers -> configurer.registerQueryHandler(c -> answers));
        }
        this.configuration = configurer.start();
    }

    /**
     * A fork of {@code parent} at {@code forkPoint}, with {@code inherited} events already its own; {@code continues}
     * names the saved branch it continues, or is null.
     */
    static Fork over(EventSource parent, long forkPoint, List<PositionedEvent> inherited, TransactionFreeDomain domain,
                     Serializer serializer, BranchStore branches, List<ReadModel> readModels, String continues) {
        ForkEvents events = new ForkEvents(parent, forkPoint);
        if (!inherited.isEmpty()) {
            List<DomainEventMessage<?>> messages = new ArrayList<>();
            inherited.forEach(event -> messages.add(event.message()));
            events.append(messages);
        }
        return new Fork(events, domain, serializer, branches, readModels, continues);
    }

    /**
     * The fork's command gateway: commands sent here are decided in the fork and stored only in it.
     *
     * @return the command gateway
     */
    public CommandGateway commands() {
        return configuration.commandGateway();
    }

    /**
     * The fork's query gateway: the read models answer as the fork sees the history.
     *
     * @return the query gateway
     */
    public QueryGateway queries() {
        return configuration.queryGateway();
    }

    /**
     * The last position of the base this fork sees.
     *
     * @return its global position
     */
    public long forkPoint() {
        return events.forkPoint();
    }

    /**
     * The events decided in this fork, in order, at positions after the fork point.
     *
     * @return the events
     */
    public List<PositionedEvent> ownEvents() {
        return events.own();
    }

    /**
     * A fork of this fork at its current head.
     *
     * @return the new fork, to close when done
     */
    public Fork fork() {
        return new Fork(new ForkEvents(events, events.head()), domain, serializer, branches, readModels, continues);
    }

    /**
     * Compares this fork with its base, now or at the fork point, for every aggregate the fork touched.
     *
     * @param against the base now, or at the fork point
     * @return each touched aggregate's status in the base and in the fork
     */
    public ForkDiff diff(ForkDiff.Against against) {
        return ForkDiffer.diff(events, against);
    }

    /**
     * Keeps this fork's events as the branch {@code name}, apart from the record. A fork of a fork is saved as one
     * branch of the record, with its ancestors' events. A fork that continues a saved branch (or a fork of one) may
     * save back to it; any other existing branch of that name is kept and this throws
     * {@link BranchStore.BranchExistsException} ({@link #saveReplacing} replaces it). A name breaking the rules for
     * ids (1–200 characters, valid Unicode, no control or bidi characters, not only invisible ones) is
     * {@code INVALID_COMMAND}.
     *
     * @param name the branch's name
     */
    public void save(String name) {
        branches.save(name, events.recordPoint(), events.lineage(), Instant.now(), name.equals(continues));
    }

    /**
     * Keeps this fork's events as the branch {@code name}, replacing a branch of that name if there is one.
     *
     * @param name the branch's name
     */
    public void saveReplacing(String name) {
        branches.save(name, events.recordPoint(), events.lineage(), Instant.now(), true);
    }

    @Override
    public void close() {
        configuration.shutdown();
    }
}
