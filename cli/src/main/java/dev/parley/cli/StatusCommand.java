package dev.parley.cli;

import dev.parley.application.Parley;
import dev.parley.application.integrity.Attestation;
import dev.parley.application.integrity.AttestedAnswer;
import dev.parley.application.integrity.CheckpointTrust;
import dev.parley.application.integrity.Integrity;
import dev.parley.application.integrity.SignedCheckpoint;
import dev.parley.projections.status.FindStatusAsOfQuery;
import dev.parley.projections.status.FindStatusQuery;
import dev.parley.projections.status.StatusReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
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

    @Option(names = "--attest", paramLabel = "FILE", description = "Also write the answer with a signed checkpoint "
            + "and the proofs it rests on, which parley verify-attestation checks with no store (needs an ID; signs "
            + "a checkpoint first when the latest does not cover the store).")
    Path attest;

    @Mixin
    KeyOption keys;

    @Mixin
    ListFilters filters;

    @Option(names = "--status", paramLabel = "STATUS", description = "Only negotiations or incidents in this status "
            + "(ROUND_OPEN, ROUND_CONCLUDED, COLLAPSED; ACTIVE, CEASEFIRE, VIOLATED).")
    String status;

    @Override
    public Integer call() throws Exception {
        if (attest != null) {
            return attested();
        }
        Object query = time.any() ? new FindStatusAsOfQuery(id, time.at, time.knownAt)
                : id == null ? FindStatusQuery.all() : FindStatusQuery.of(id);
        StatusReport report = store.ask(query, StatusReport.class);
        if (id != null && report.negotiations().isEmpty() && report.incidents().isEmpty()) {
            throw new ExitCodes.Failure("NOT_FOUND", "no negotiation or incident " + id
                    + (time.any() ? " as of that time" : ""), ExitCodes.FAILURE);
        }
        if (filters.any() || status != null) {
            report = filters.status(report, status, spec.commandLine().getErr());
        }
        var out = spec.commandLine().getOut();
        out.print(json ? Json.write(report) + "\n" : StatusText.render(report));
        out.flush();
        return ExitCodes.OK;
    }

    private int attested() {
        if (id == null) {
            throw new ExitCodes.UsageException("--attest attests the status of one negotiation or incident: give its "
                                                       + "ID");
        }
        var err = spec.commandLine().getErr();
        Integrity.Outcome<Attestation> attested;
        AttestedAnswer.Outcome checked = null;
        try (Parley parley = IntegrityCommands.open(store)) {
            Integrity integrity = IntegrityCommands.integrity(parley, keys);
            long head = parley.forks().head();
            try (Progress progress = Progress.onTerminal(err, "event")) {
                progress.phase("attesting");
                attested = integrity.attest(id, time.at, time.knownAt, done -> progress.at(done, head));
            }
            if (attested.intact()) {
                checked = AttestedAnswer.check(attested.value(), CheckpointTrust.ownKey(integrity.publicKeyOrNull()));
            }
        }
        if (!attested.intact()) {
            throw new ExitCodes.Failure("TAMPERED", "refusing to attest: " + attested.problem().describe(),
                                        ExitCodes.TAMPERED);
        }
        if (!checked.valid()) {
            throw new IllegalStateException("the attestation made does not check: " + checked.problem());
        }
        Attestation attestation = attested.value();
        IntegrityCommands.write(Json.write(attestation) + "\n", attest, spec.commandLine().getOut());
        StatusReport report = checked.report();
        if (report.negotiations().isEmpty() && report.incidents().isEmpty()) {
            throw new ExitCodes.Failure("NOT_FOUND", "no negotiation or incident " + id
                    + (time.any() ? " as of that time" : "") + "; its absence is attested in " + attest,
                                        ExitCodes.FAILURE);
        }
        var out = spec.commandLine().getOut();
        out.print(json ? attestation.answer() + "\n" : StatusText.render(report));
        out.flush();
        err.println(TerminalText.escape("Attested in " + attest + " against the checkpoint of "
                                                + SignedCheckpoint.parse(attestation.checkpoint()).treeSize()
                                                + " events."));
        return ExitCodes.OK;
    }
}
