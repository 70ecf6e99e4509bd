package dev.parley.starter.autoconfigure;

import dev.parley.application.Parley;
import dev.parley.application.readmodel.ReadModels;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Each read model's standing for {@code /actuator/health}: how many events it is behind the head of the store,
 * where it is, and which of its segments this node holds. A read model whose processor failed makes it DOWN.
 */
final class ParleyHealthIndicator extends AbstractHealthIndicator {

    private final Parley parley;

    ParleyHealthIndicator(Parley parley) {
        super("cannot read where Parley's read models stand");
        this.parley = parley;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, Object> models = new LinkedHashMap<>();
        for (ReadModels.Standing standing : parley.readModels().standings()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("lag", standing.lag());
            detail.put("position", standing.position());
            detail.put("head", standing.head());
            detail.put("claimedSegments", standing.claimedSegments());
            detail.put("replaying", standing.replaying());
            models.put(standing.name(), detail);
        }
        builder.up().withDetail("node", parley.nodeId()).withDetail("readModels", models);
    }
}
