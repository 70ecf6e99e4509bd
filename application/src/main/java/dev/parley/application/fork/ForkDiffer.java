package dev.parley.application.fork;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.parley.projections.describe.EventDescriptions;
import dev.parley.projections.json.ParleyJson;
import dev.parley.projections.status.StatusFold;
import dev.parley.shared.api.EventTypes;
import org.axonframework.eventhandling.DomainEventMessage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Computes a {@link ForkDiff} by reading only the streams the fork touched: the fork's own version of each, and the
 * parent's version up to the fork point or to its head.
 */
final class ForkDiffer {

    private ForkDiffer() {
    }

    static ForkDiff diff(ForkEvents fork, ForkDiff.Against against) {
        Set<String> touched = new LinkedHashSet<>();
        fork.own().forEach(event -> touched.add(event.message().getAggregateIdentifier()));
        List<ForkDiff.AggregateDiff> aggregates = new ArrayList<>();
        long point = fork.forkPoint();
        for (String id : touched) {
            List<PositionedEvent> forkStream = fork.stream(id, Long.MAX_VALUE);
            List<PositionedEvent> baseStream = fork.parent().stream(id, against == ForkDiff.Against.HEAD
                    ? Long.MAX_VALUE : point);
            List<PositionedEvent> baseAfter = against == ForkDiff.Against.HEAD
                    ? baseStream.stream().filter(event -> event.position() > point).toList()
                    : fork.parent().stream(id, Long.MAX_VALUE).stream()
                          .filter(event -> event.position() > point).toList();
            String type = forkStream.get(0).message().getType();
            List<ForkDiff.FieldDifference> fields = new ArrayList<>();
            compare("", tree(baseStream), tree(forkStream), fields);
            aggregates.add(new ForkDiff.AggregateDiff(
                    type, id, fields,
                    forkStream.stream().filter(event -> event.position() > point).map(ForkDiffer::described).toList(),
                    baseAfter.stream().map(ForkDiffer::described).toList()));
        }
        return new ForkDiff(point, against, aggregates);
    }

    private static JsonNode tree(List<PositionedEvent> stream) {
        Object view = null;
        for (PositionedEvent event : stream) {
            DomainEventMessage<?> message = event.message();
            view = StatusFold.apply(message.getType(), view, message.getPayload());
        }
        return view == null ? NullNode.getInstance() : ParleyJson.mapper().valueToTree(view);
    }

    private static void compare(String path, JsonNode base, JsonNode fork, List<ForkDiff.FieldDifference> found) {
        if (base.equals(fork)) {
            return;
        }
        if (base.isObject() && fork.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            base.fieldNames().forEachRemaining(names::add);
            fork.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                compare(path.isEmpty() ? name : path + "." + name, orNull(base.get(name)), orNull(fork.get(name)),
                        found);
            }
            return;
        }
        if (base.isArray() && fork.isArray()) {
            int size = Math.max(base.size(), fork.size());
            for (int index = 0; index < size; index++) {
                compare(path + "[" + index + "]", orNull(base.get(index)), orNull(fork.get(index)), found);
            }
            return;
        }
        found.add(new ForkDiff.FieldDifference(path, base.isNull() ? null : base, fork.isNull() ? null : fork));
    }

    private static JsonNode orNull(JsonNode node) {
        return node == null ? NullNode.getInstance() : node;
    }

    private static ForkDiff.DiffEvent described(PositionedEvent event) {
        DomainEventMessage<?> message = event.message();
        var stored = ForkEvents.stored(event);
        return new ForkDiff.DiffEvent(event.position(), message.getSequenceNumber(),
                                      EventTypes.nameOf(message.getPayloadType()),
                                      stored == null ? null : stored.occurredAt(),
                                      EventDescriptions.describe(message.getPayload()));
    }
}
