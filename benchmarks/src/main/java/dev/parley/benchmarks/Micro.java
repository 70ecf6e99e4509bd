package dev.parley.benchmarks;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The JMH benchmarks, briefly, as figures of the full run (no baselines); JMH's own output goes to stderr. */
final class Micro {

    private Micro() {
    }

    static List<Figure> run() throws Exception {
        Options options = new OptionsBuilder()
                .include("dev\\.parley\\.benchmarks\\.jmh\\..*")
                .forks(1)
                .warmupIterations(2)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(3)
                .measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("-D" + Bench.LOG_LEVEL + "=warn")
                .build();
        Collection<RunResult> results = new Runner(options, OutputFormatFactory.createFormatInstance(
                System.err, VerboseMode.NORMAL)).run();
        List<Figure> figures = new ArrayList<>();
        for (RunResult result : results) {
            String label = result.getParams().getBenchmark();
            label = label.substring("dev.parley.benchmarks.jmh.".length());
            figures.add(Figure.rate(Names.JMH + ": " + label, 1, result.getPrimaryResult().getScoreUnit(),
                                    result.getPrimaryResult().getScore(), null, null));
        }
        return figures;
    }
}
