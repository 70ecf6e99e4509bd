package dev.parley.application.commandfile;

import dev.parley.shared.api.ParleyCommand;

/**
 * One parsed line of a command file: the command under its contract name, and the actor who entered it when the
 * line names one ({@code null} otherwise).
 */
public record CommandLine(int line, String name, ParleyCommand command, String actor) {
}
