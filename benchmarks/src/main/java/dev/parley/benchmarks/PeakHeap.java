package dev.parley.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Parley's replay in a heap of 256 MB: a child JVM with {@code -Xmx256m} opens Parley on the store, replays every
 * read model and reports how long it took and the peak used heap; running out of memory ends the child, and the
 * replay counts as not completed.
 */
final class PeakHeap {

    static final int HEAP_MB = 256;

    /**
     * What the child reported; {@code completed} is false when it ran out of memory or failed. {@code handled} is
     * Parley's own count, which may include events the processors handled just before the replay stopped them.
     */
    record Result(boolean completed, long handled, long nanos, double peakMb) {

        double eventsPerSecond(long events) {
            return events / (nanos / 1e9);
        }
    }

    private PeakHeap() {
    }

    static Result replay(StoreKind store, String url, long events) throws Exception {
        Path javaCommand = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(javaCommand.toString(), "-Xmx" + HEAP_MB + "m",
                                                       "-XX:+ExitOnOutOfMemoryError",
                                                       "-D" + Bench.LOG_LEVEL + "=warn"));
        String profiles = System.getProperty(Bench.PROFILE);
        if (profiles != null) {
            Path recording = Path.of(profiles, "replay-" + store.name() + "-" + events + ".jfr");
            command.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + recording);
            Log.info("[%s] the replay child records to %s", store.name(), recording);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ReplayChild.class.getName(), url,
                               store.keys().toString()));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String[] reported = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                                                                           StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(ReplayChild.RESULT)) {
                    reported = line.substring(ReplayChild.RESULT.length()).strip().split(" ");
                }
            }
        }
        boolean exited = child.waitFor(2, TimeUnit.HOURS);
        if (!exited) {
            child.destroyForcibly();
        }
        if (!exited || child.exitValue() != 0 || reported == null) {
            return new Result(false, 0, 0, 0);
        }
        return new Result(true, Long.parseLong(reported[0]), Long.parseLong(reported[1]),
                          Double.parseDouble(reported[2]));
    }

    static Figure figure(StoreKind store, long events, Result result) {
        Log.info("[%s] peak heap of a %d-event replay in %d MB: %s", store.name(), events, HEAP_MB,
                 result.completed() ? String.format(java.util.Locale.ROOT, "%.0f MB", result.peakMb())
                         : "did not complete");
        return Figure.cost(Names.of(Names.PEAK_HEAP, "", store.name()), events, "MB",
                           result.completed() ? result.peakMb() : null, null, (double) HEAP_MB);
    }
}
