package dev.parley.benchmarks.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.incident.api.CasualtiesRecordedEvent;
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
import java.util.concurrent.TimeUnit;

/** An event payload to and from JSON with Parley's one mapper configuration, as every append and read does. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EventJsonBenchmark {

    private final ObjectMapper mapper = ParleyJson.create();
    private CasualtiesRecordedEvent event;
    private byte[] json;

    @Setup
    public void event() throws Exception {
        event = new CasualtiesRecordedEvent(new IncidentId("inc-4711"), "PAK", 3, 5,
                                            Instant.parse("2025-10-12T08:30:00Z"), "Tolo News");
        json = mapper.writeValueAsBytes(event);
    }

    @Benchmark
    public byte[] serialize() throws Exception {
        return mapper.writeValueAsBytes(event);
    }

    @Benchmark
    public CasualtiesRecordedEvent deserialize() throws Exception {
        return mapper.readValue(json, CasualtiesRecordedEvent.class);
    }
}
