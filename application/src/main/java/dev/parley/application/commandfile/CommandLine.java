package dev.parley.application.commandfile;

import dev.parley.shared.api.ParleyCommand;

/**
 * One parsed line of a command file: the command under its contract name, and the actor who entered it when the
 * line names one ({@code null} otherwise).
 *
 * @param line the line's number, from 1
 * @param name the command's contract name
 * @param command the command
 * @param actor the actor the line names, or null
 */
public record CommandLine(int line, String name, ParleyCommand command, String actor) {
}
