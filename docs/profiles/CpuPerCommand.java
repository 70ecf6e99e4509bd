import dev.parley.application.Parley;
import dev.parley.incident.api.RecordCasualtiesCommand;
import dev.parley.incident.api.ReportIncidentCommand;
import dev.parley.shared.api.IncidentId;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.*;

/** Commands on one thread, as the benchmark's workload: wall rate, and CPU per command (command thread, whole process). */
public class CpuPerCommand {
    static final Instant DAY = Instant.parse("2025-10-12T00:00:00Z");
    static List<Object> commands(String prefix, int count) {
        List<Object> out = new ArrayList<>();
        for (int incident = 0; out.size() < count; incident++) {
            IncidentId id = new IncidentId(prefix + "-" + incident);
            String a = incident % 2 == 0 ? "PAK" : "AFG", d = incident % 2 == 0 ? "AFG" : "PAK";
            out.add(new ReportIncidentCommand(id, "Border post " + incident, List.of(a), List.of(d), "clash number " + incident, DAY, "ISPR"));
            for (int r = 1; r < 5; r++) out.add(new RecordCasualtiesCommand(id, r % 2 == 0 ? a : d, r, r % 3, DAY.plusSeconds(r * 3600L), "Tolo News"));
        }
        return out;
    }
    public static void main(String[] args) throws Exception {
        String url = args[0]; int n = Integer.parseInt(args[1]);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var threads = ManagementFactory.getThreadMXBean();
        try (Parley parley = Parley.builder().store(url).build()) {
            for (Object c : commands("warm", 5000)) parley.commands().sendAndWait(c);
            for (int round = 0; round < 3; round++) {
                List<Object> work = commands("t" + round, n);
                long cpu0 = os.getProcessCpuTime(), th0 = threads.getCurrentThreadCpuTime(), t0 = System.nanoTime();
                for (Object c : work) parley.commands().sendAndWait(c);
                long wall = System.nanoTime() - t0, th = threads.getCurrentThreadCpuTime() - th0, cpu = os.getProcessCpuTime() - cpu0;
                System.out.printf("round %d: %.0f commands/s wall; CPU per command: command thread %.0f us, whole process %.0f us%n",
                        round, n / (wall / 1e9), th / 1e3 / n, cpu / 1e3 / n);
            }
        }
    }
}
