package dev.parley.starter.autoconfigure;

import dev.parley.application.Parley;
import dev.parley.application.messaging.ConflictRetryScheduler;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code parley.*} properties of the auto-configured {@link Parley}. Each read model's processor is configured
 * further, like any Axon processor, by {@code axon.eventhandling.processors.<group>.*}.
 *
 * @param snapshotEvery  snapshot each aggregate every this many events, 0 for never
 * @param readModels     whether to run the streaming read models
 * @param keys           the directory of the store's signing key; when unset, Parley's default: a key an earlier
 *                       version made in {@code ./parley-data}, else one per store under
 *                       {@code $XDG_CONFIG_HOME/parley/keys}
 * @param segments       segments per read model when the store's tokens are first made, shared among the nodes
 * @param claimTimeout   how long a dead node's segments stay claimed before another node takes them over
 * @param commandRetry   how commands that lost a race with another writer are decided again
 */
@ConfigurationProperties("parley")
public record ParleyProperties(@DefaultValue("" + Parley.DEFAULT_SNAPSHOT_EVERY) int snapshotEvery,
                               @DefaultValue("true") boolean readModels,
                               Path keys,
                               @DefaultValue("" + Parley.DEFAULT_SEGMENTS) int segments,
                               @DefaultValue("10s") Duration claimTimeout,
                               @DefaultValue CommandRetry commandRetry) {

    /**
     * Retries of a command that conflicted with another writer's append, through Axon's retry scheduler on the
     * command gateway.
     *
     * @param maxRetries how many times to decide it again, 0 for never
     * @param backoff    the pause before the first retry, doubled before each further one
     */
    public record CommandRetry(@DefaultValue("" + ConflictRetryScheduler.DEFAULT_MAX_RETRIES) int maxRetries,
                               @DefaultValue("20ms") Duration backoff) {
    }
}
