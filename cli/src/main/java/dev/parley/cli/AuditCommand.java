package dev.parley.cli;

import dev.parley.projections.audit.AuditEntry;
import dev.parley.projections.audit.AuditTrail;
import dev.parley.projections.audit.FindAuditTrailQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import static dev.parley.cli.TerminalText.escape;

/** {@code parley audit [ID] [--json]}: one entry per stored event, with its provenance. */
@Command(name = "audit", description = "Show the audit trail: one entry per stored event, in store order, with "
        + "both times, actor, source, correlation and causation ids, leaf hash and the payload.")
final class AuditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Parameters(arity = "0..1", paramLabel = "ID", description = "Only the events of this negotiation or incident.")
    String id;

    @Option(names = "--json", description = "Print a JSON array of audit entries with the contract's keys.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        AuditTrail trail = store.ask(new FindAuditTrailQuery(id), AuditTrail.class);
        if (id != null && trail.entries().isEmpty()) {
            throw new ExitCodes.Failure("NOT_FOUND", "no events recorded for " + id, ExitCodes.FAILURE);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(trail.entries()));
        } else {
            trail.entries().forEach(entry -> out.print(render(entry)));
        }
        out.flush();
        return ExitCodes.OK;
    }

    static String render(AuditEntry entry) {
        return "#" + entry.position() + " " + escape(entry.aggregateType()) + " " + escape(entry.aggregateId()) + " ["
                + entry.sequence() + "] " + escape(entry.eventType()) + "\n"
                + "    occurred " + entry.occurredAt() + ", recorded " + entry.recordedAt() + ", entered by "
                + escape(entry.actor()) + ", source: " + escape(entry.source()) + "\n"
                + "    correlation " + escape(entry.correlationId())
                + (entry.causationId() == null ? "" : ", caused by event " + escape(entry.causationId())) + "\n"
                + (entry.hash() == null ? "" : "    leaf hash " + entry.hash() + "\n")
                + "    " + escape(Json.write(entry.payload())) + "\n";
    }
}
