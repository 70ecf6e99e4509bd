package dev.parley.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How busy the machine's CPUs were between two readings, from the kernel's counters ({@code /proc/stat}, Linux): all
 * processes together, the database server's included, so that a rate bounded by CPU rather than by the disk shows as
 * a busy machine. Where the counters cannot be read, there is no reading.
 */
final class MachineCpu {

    private static final Path STAT = Path.of("/proc/stat");

    /** Clock ticks spent busy and in all, over every CPU, since boot. */
    record Reading(long busy, long total) {

        /** The share of CPU time spent busy since {@code earlier}, in percent; null without both readings. */
        Double busyPercentSince(Reading earlier) {
            if (earlier == null || total <= earlier.total) {
                return null;
            }
            return 100.0 * (busy - earlier.busy) / (total - earlier.total);
        }
    }

    private MachineCpu() {
    }

    /** The counters now; null where they cannot be read. */
    static Reading now() {
        try {
            String all = Files.readAllLines(STAT).get(0);
            // cpu user nice system idle iowait irq softirq steal guest guest_nice; guests are inside user and nice.
            String[] fields = all.trim().split("\\s+");
            if (!fields[0].equals("cpu") || fields.length < 9) {
                return null;
            }
            long total = 0;
            for (int field = 1; field <= 8; field++) {
                total += Long.parseLong(fields[field]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new Reading(total - idle, total);
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }
}
