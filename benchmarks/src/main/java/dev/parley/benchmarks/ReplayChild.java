package dev.parley.benchmarks;

import dev.parley.application.Parley;
import dev.parley.application.readmodel.CatchUpListener;
import dev.parley.application.readmodel.ReadModels;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The child JVM of {@link PeakHeap}: opens Parley on the store at {@code args[0]}, replays every read model at once
 * and prints how many events it replayed, in how long, and the peak of the used heap meanwhile (sampled every few
 * milliseconds: the sum of each heap pool's own peak overstates it, as the pools peak at different times).
 */
public final class ReplayChild {

    static final String RESULT = "replay-result ";
    private static final long SAMPLE_EVERY_MILLIS = 5;

    private ReplayChild() {
    }

    public static void main(String[] args) throws Exception {
        try (Parley parley = Parley.builder().store(args[0]).keys(Path.of(args[1])).build()) {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            AtomicLong peak = new AtomicLong();
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(SAMPLE_EVERY_MILLIS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
            ReadModels.Replay replay = parley.readModels().replay(Duration.ofHours(2), CatchUpListener.SILENT);
            sampler.interrupt();
            sampler.join();
            peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            System.out.println(RESULT + String.format(Locale.ROOT, "%d %d %.1f", replay.events(),
                                                      replay.duration().toNanos(), peak.get() / (1024.0 * 1024.0)));
        }
    }
}
