package dev.parley.benchmarks.jmh;

import dev.parley.application.integrity.Hashes;
import dev.parley.application.integrity.LeafInput;
import dev.parley.incident.api.IncidentReportedEvent;
import dev.parley.projections.json.ParleyJson;
import dev.parley.shared.api.IncidentId;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** The leaf hash of one stored event (its canonical encoding, then SHA-256), as appends and verify compute it. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LeafHashBenchmark {

    private LeafInput event;
    private byte[] previous;

    @Setup
    public void storedEvent() throws Exception {
        IncidentReportedEvent payload = new IncidentReportedEvent(
                new IncidentId("inc-4711"), "Border post 4711", List.of("PAK"), List.of("AFG"),
                "clash number 4711 at the border crossing", Instant.parse("2025-10-12T00:00:00Z"), "ISPR");
        event = new LeafInput(4711, "BorderIncident", "inc-4711", 3, UUID.randomUUID().toString(),
                              IncidentReportedEvent.class.getName(), "1", "2025-11-28T10:15:30.123Z",
                              ParleyJson.mapper().writeValueAsBytes(payload),
                              "{\"actor\":\"bench\",\"correlationId\":\"6f1c\"}".getBytes());
        previous = Hashes.leaf(new byte[]{1, 2, 3});
    }

    @Benchmark
    public byte[] leafHash() {
        return event.leafHash(previous);
    }
}
