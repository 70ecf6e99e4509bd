package dev.parley.application;

import dev.parley.application.storage.Schemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.application.storage.EventHasher;
import dev.parley.application.storage.HashingEventStorageEngine;
import dev.parley.application.messaging.Provenance;
import dev.parley.application.storage.JdbcTransactions;
import dev.parley.application.storage.Store;
import dev.parley.incident.api.CasualtiesRecordedEvent;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;

/**
 * Parley as it was while {@link CasualtiesRecordedEvent} was at revision 1, to store events the way that version did:
 * the same domain wiring and the same hashing JDBC storage engine, so every row and its leaf hash are written by the
 * production append path, but casualties are serialized in revision 1's form, {@code wounded} left out when there
 * were none. Its storage engine reads without upcasters, as that version's did, and it runs no read models, as an
 * older version's read models are no part of what a newer one reads.
 */
public final class RevisionOneParley implements AutoCloseable {

    private final Store store;
    private final Configuration configuration;

    private RevisionOneParley(Store store, Configuration configuration) {
        this.store = store;
        this.configuration = configuration;
    }

    public static RevisionOneParley open(String storeUrl) {
        Store store = Store.open(storeUrl);
        JdbcTransactions transactions = new JdbcTransactions(store.dataSource());
        Serializer serializer = new RevisionOneSerializer(DomainWiring.serializer());
        Configuration configuration = DomainWiring.domain(serializer, transactions)
                .configureEmbeddedEventStore(c -> new HashingEventStorageEngine(
                        JdbcEventStorageEngine.builder()
                                              .connectionProvider(transactions)
                                              .transactionManager(transactions)
                                              .eventSerializer(serializer)
                                              .snapshotSerializer(DomainWiring.snapshotSerializer())
                                              .schema(Schemas.EVENTS)
                                              .dataType(byte[].class),
                        new EventHasher(transactions), transactions))
                .start();
        return new RevisionOneParley(store, configuration);
    }

    /** Decides {@code command} and stores its events, as entered by {@code actor}. */
    public void send(Object command, String actor) {
        configuration.commandGateway().sendAndWait(GenericCommandMessage.asCommandMessage(command)
                                                                        .andMetaData(Provenance.enteredBy(actor)));
    }

    @Override
    public void close() {
        try {
            configuration.shutdown();
        } finally {
            store.close();
        }
    }

    /** The real serializer, except that casualties are written as revision 1 wrote them. */
    private record RevisionOneSerializer(Serializer current) implements Serializer {

        @Override
        public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
            if (!(object instanceof CasualtiesRecordedEvent casualties)) {
                return current.serialize(object, expectedRepresentation);
            }
            SerializedObject<JsonNode> revisionTwo = current.serialize(casualties, JsonNode.class);
            ObjectNode json = (ObjectNode) revisionTwo.getData();
            if (casualties.wounded() == 0) {
                json.remove("wounded");
            }
            return new SimpleSerializedObject<>(
                    current.getConverter().convert(json, JsonNode.class, expectedRepresentation),
                    expectedRepresentation, new SimpleSerializedType(revisionTwo.getType().getName(), "1"));
        }

        @Override
        public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
            return current.canSerializeTo(expectedRepresentation);
        }

        @Override
        public <S, T> T deserialize(SerializedObject<S> serializedObject) {
            return current.deserialize(serializedObject);
        }

        @Override
        public Class classForType(SerializedType type) {
            return current.classForType(type);
        }

        @Override
        public SerializedType typeForClass(Class type) {
            return current.typeForClass(type);
        }

        @Override
        public Converter getConverter() {
            return current.getConverter();
        }
    }
}
