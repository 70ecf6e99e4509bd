package dev.parley.benchmarks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.projections.json.ParleyJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** What a run found, as {@code latest.json}: the machine, every figure and every target. */
record Report(Machine machine, boolean quick, Instant startedAt, List<Figure> figures, List<Target> targets) {

    static Report of(Machine machine, boolean quick, Instant startedAt, List<Figure> figures) {
        return new Report(machine, quick, startedAt, List.copyOf(figures), Target.of(figures));
    }

    String table() {
        return Table.render(machine, quick, figures, targets);
    }

    ObjectNode json() {
        ObjectNode root = ParleyJson.mapper().createObjectNode();
        ObjectNode host = root.putObject("machine");
        host.put("cores", machine.cores());
        host.put("jdk", machine.jdk());
        host.put("cpu", machine.cpu());
        host.put("os", machine.os());
        host.put("maxHeap", machine.maxHeapMb() + " MB");
        root.put("quick", quick);
        root.put("startedAt", startedAt.toString());
        ArrayNode figureArray = root.putArray("figures");
        for (Figure figure : figures) {
            ObjectNode node = figureArray.addObject();
            node.put("name", figure.name());
            node.put("scale", figure.scale());
            node.put("unit", figure.unit());
            node.put("parley", rounded(figure.parley()));
            node.put("axonDefault", rounded(figure.axonDefault()));
            node.put("limit", rounded(figure.limit()));
            node.put("vsAxonDefault", rounded(figure.vsAxonDefault()));
            node.put("vsLimit", rounded(figure.vsLimit()));
        }
        ArrayNode targetArray = root.putArray("targets");
        for (Target target : targets) {
            ObjectNode node = targetArray.addObject();
            node.put("target", target.target());
            node.put("met", target.met());
            node.put("detail", target.detail());
        }
        return root;
    }

    /** Three decimals are more than any of these measurements can tell apart. */
    private static Double rounded(Double value) {
        return value == null ? null : Math.round(value * 1_000) / 1_000.0;
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, ParleyJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json())
                + "\n");
    }
}
