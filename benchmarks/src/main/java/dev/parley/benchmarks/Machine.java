package dev.parley.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The machine a run was measured on. */
public record Machine(int cores, String jdk, String cpu, String os, long maxHeapMb) {

    static Machine current() {
        return new Machine(Runtime.getRuntime().availableProcessors(),
                           System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                           cpuModel(),
                           System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                                   + System.getProperty("os.arch"),
                           Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return "unknown";
        }
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            return lines.filter(line -> line.startsWith("model name"))
                        .map(line -> line.substring(line.indexOf(':') + 1).strip())
                        .findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    String describe() {
        return cores + " cores, " + cpu + ", " + jdk + ", " + os + ", max heap " + maxHeapMb + " MB";
    }
}
