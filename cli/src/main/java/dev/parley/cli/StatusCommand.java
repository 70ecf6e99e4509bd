package dev.parley.cli;

import dev.parley.projections.status.FindStatusAsOfQuery;
import dev.parley.projections.status.FindStatusQuery;
import dev.parley.projections.status.StatusReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code parley status [ID] [--json]}: where every negotiation and incident stands, or one of them. */
@Command(name = "status", description = "Show the status of every negotiation and incident, or of one, now or "
        + "as of a time on either time axis.")
final class StatusCommand implements Callable<Integer> {

    static final Duration CATCH_UP = Duration.ofMinutes(10);

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Parameters(arity = "0..1", paramLabel = "ID", description = "A negotiation or incident id.")
    String id;

    @Option(names = "--json", description = "Print the contract's JSON instead of text.")
    boolean json;

    @Mixin
    TimeOptions time;

    @Override
    public Integer call() throws Exception {
        Object query = time.any() ? new FindStatusAsOfQuery(id, time.at, time.knownAt)
                : id == null ? FindStatusQuery.all() : FindStatusQuery.of(id);
        StatusReport report = store.ask(query, StatusReport.class);
        if (id != null && report.negotiations().isEmpty() && report.incidents().isEmpty()) {
            spec.commandLine().getErr().println("parley: no negotiation or incident " + TerminalText.escape(id)
                                                        + (time.any() ? " as of that time" : ""));
            return ExitCodes.FAILURE;
        }
        var out = spec.commandLine().getOut();
        out.print(json ? Json.write(report) + "\n" : StatusText.render(report));
        out.flush();
        return ExitCodes.OK;
    }
}
