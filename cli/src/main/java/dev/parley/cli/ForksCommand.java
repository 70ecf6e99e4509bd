package dev.parley.cli;

import dev.parley.application.Parley;
import dev.parley.application.fork.BranchStore;
import dev.parley.application.storage.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code parley forks [--json]}: the saved what-if branches. */
@Command(name = "forks", description = "List the saved what-if branches.")
final class ForksCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Option(names = "--json", description = "Print a JSON array of branches.")
    boolean json;

    @Override
    public Integer call() {
        List<BranchStore.BranchSummary> branches;
        try (Parley parley = Parley.builder().store(store.urlOr(Store.DEFAULT_URL)).readModels(false).build()) {
            branches = parley.forks().branches().list();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(branches));
        } else if (branches.isEmpty()) {
            out.println("No saved branches.");
        } else {
            for (BranchStore.BranchSummary branch : branches) {
                out.printf("%s: forked after position %d, %d events of its own, saved %s%n",
                           TerminalText.escape(branch.name()),
                           branch.forkPoint(), branch.events(), branch.savedAt());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
