package dev.parley.application.spring;

import dev.parley.projections.readmodel.ReadModel;
import org.springframework.beans.factory.ObjectProvider;
import dev.parley.application.Parley;
import dev.parley.application.fork.Forks;
import dev.parley.application.integrity.Integrity;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;

/**
 * Parley on the application's {@link DataSource}: the aggregates, the ceasefire rule, the read models and their
 * queries, behind Axon's {@link CommandGateway} and {@link QueryGateway}, with {@link Forks} and {@link Integrity}
 * beside them. Each bean gives way to one of the application's own.
 *
 * <p>The beans taken from {@link Parley} have no destroy method of their own: closing Parley stops them, and leaves
 * the application's DataSource open.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(Parley.class)
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(ParleyProperties.class)
public class ParleyAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @DependsOnDatabaseInitialization
    public Parley parley(DataSource dataSource, ParleyProperties properties, ObjectProvider<ReadModel> readModels) {
        Parley.Builder builder = Parley.builder()
                                       .dataSource(dataSource)
                                       .snapshotEvery(properties.snapshotEvery())
                                       .readModels(properties.readModels())
                                       .segments(properties.segments())
                                       .claimTimeout(properties.claimTimeout());
        readModels.orderedStream().forEach(builder::readModel);
        if (properties.keys() != null) {
            builder.keys(properties.keys());
        }
        return builder.build();
    }

    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    public CommandGateway commandGateway(Parley parley) {
        return parley.commands();
    }

    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    public QueryGateway queryGateway(Parley parley) {
        return parley.queries();
    }

    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    public EventStore eventStore(Parley parley) {
        return parley.eventStore();
    }

    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    public Forks forks(Parley parley) {
        return parley.forks();
    }

    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    public Integrity integrity(Parley parley) {
        return parley.integrity();
    }
}
