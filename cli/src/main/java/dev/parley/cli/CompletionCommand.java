package dev.parley.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/**
 * {@code parley completion bash}: prints a completion script for {@code parley}'s commands and options, generated
 * from the same definitions the command line parses with, so it never falls behind them.
 */
@Command(name = "completion", description = "Print a shell completion script for parley's commands and options. "
        + "bash: source <(parley completion bash), or save it in /etc/bash_completion.d/parley; zsh reads the same "
        + "script after autoload -U +X bashcompinit && bashcompinit.")
final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "The shell: bash (zsh reads the bash script, see above).")
    Shell shell;

    /** The shells a script is made for. */
    enum Shell { bash }

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(AutoComplete.bash("parley", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
