package dev.parley.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.parley.cli.Cli.parley;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Help and discovery as a new user meets them: -h, --help, -V and --version on every command and subcommand,
 * {@code parley help COMMAND}, suggestions for mistyped names, the bare command, and a completion script that bash
 * accepts.
 */
class HelpAndDiscoveryTest {

    @TempDir
    Path directory;

    /** Every command path: {@code [status]}, {@code [witness, add-checkpoint]}, ... */
    private static List<List<String>> commandPaths() {
        List<List<String>> paths = new ArrayList<>();
        collect(ParleyCli.commandLine(), List.of(), paths);
        return paths;
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
        command.getSubcommands().forEach((name, sub) -> {
            List<String> subPath = new ArrayList<>(path);
            subPath.add(name);
            paths.add(subPath);
            collect(sub, subPath, paths);
        });
    }

    @Test
    void everyCommandAndSubcommandAnswersBothHelpOptionsWithItsUsageAndExitZero() {
        List<List<String>> paths = commandPaths();
        assertThat(paths).hasSizeGreaterThan(17).contains(List.of("status"), List.of("witness", "add-checkpoint"),
                                                           List.of("help"), List.of("completion"));
        for (List<String> path : paths) {
            for (String option : List.of("-h", "--help")) {
                List<String> args = new ArrayList<>(path);
                args.add(option);
                Cli.Result help = parley(args.toArray(String[]::new));
                assertThat(help.exitCode()).as("%s: %s", args, help.err()).isZero();
                assertThat(help.out()).as("%s", args).contains("Usage: parley " + String.join(" ", path));
                assertThat(help.err()).as("%s", args).isEmpty();
            }
        }
    }

    @Test
    void versionComesFromTheBuildOnEveryCommand() {
        String expected = "parley " + BuildVersion.version();
        assertThat(BuildVersion.version()).matches("\\d+\\.\\d+\\.\\d+.*");
        for (String[] args : List.of(new String[]{"-V"}, new String[]{"--version"}, new String[]{"status", "-V"},
                                     new String[]{"witness", "add-checkpoint", "--version"})) {
            Cli.Result version = parley(args);
            assertThat(version.exitCode()).isZero();
            assertThat(version.out().strip()).isEqualTo(expected);
        }
    }

    @Test
    void helpCommandShowsTheNamedCommandsUsage() {
        Cli.Result help = parley("help", "status");

        assertThat(help.exitCode()).as(help.err()).isZero();
        assertThat(help.out()).contains("Usage: parley status").contains("--known-at");
    }

    @Test
    void aMistypedCommandOrOptionGetsASuggestion() {
        Cli.Result command = parley("stauts");
        assertThat(command.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(command.err()).contains("stauts").contains("Did you mean").contains("status");

        Cli.Result option = parley("status", "--know-at", "2025-10-20");
        assertThat(option.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(option.err()).contains("--know-at").contains("Possible solutions: --known-at");
    }

    @Test
    void bareParleyListsTheCommands() {
        Cli.Result bare = parley();

        assertThat(bare.exitCode()).isZero();
        assertThat(bare.out()).contains("Usage: parley").contains("Commands:").contains("status").contains("run")
                              .contains("completion").contains("parley help COMMAND");
    }

    @Test
    void theBashCompletionScriptLoadsAndCompletesCommandsAndOptions() throws Exception {
        Cli.Result script = parley("completion", "bash");
        assertThat(script.exitCode()).as(script.err()).isZero();
        Path file = directory.resolve("parley-completion.bash");
        Files.writeString(file, script.out(), StandardCharsets.UTF_8);

        // bash itself loads the script and asks it what follows "parley sta" and "parley status --kn".
        String probe = "source " + file + "\n"
                + "complete -p parley\n"
                + "COMP_WORDS=(parley sta); COMP_CWORD=1; COMP_LINE='parley sta'; COMP_POINT=${#COMP_LINE}\n"
                + "_complete_parley parley sta parley; echo \"commands: ${COMPREPLY[*]}\"\n"
                + "COMP_WORDS=(parley status --kn); COMP_CWORD=2; COMP_LINE='parley status --kn'; "
                + "COMP_POINT=${#COMP_LINE}\n"
                + "_complete_parley parley --kn status; echo \"options: ${COMPREPLY[*]}\"\n";
        Process bash = new ProcessBuilder("bash", "--norc", "--noprofile", "-c", probe).redirectErrorStream(true)
                .start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as(out).isZero();
        assertThat(out).contains("-F _complete_parley parley").containsPattern("commands: .*status")
                       .containsPattern("options: .*--known-at");
    }

    @Test
    void completionRefusesAnUnknownShell() {
        Cli.Result fish = parley("completion", "fish");

        assertThat(fish.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(fish.err()).contains("fish").contains("bash");
    }
}
