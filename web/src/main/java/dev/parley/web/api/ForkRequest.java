package dev.parley.web.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * A what-if: fork the record after position {@code at} (digits) or after what was recorded by the time {@code at}, or
 * continue the saved branch {@code from}; run {@code commands} (command-file objects, one per line) or
 * {@code commandFile} (a command file's text); compare with the record {@code against} {@code head} (default) or
 * {@code fork-point}; save as the branch {@code save} when given ({@code replace} to replace one of that name).
 * {@code actor} enters the commands (default: the user running the console).
 *
 * @param at          a position (digits) or an ISO-8601 recording time to fork after; null when {@code from} is given
 * @param from        a saved branch to continue; null when {@code at} is given
 * @param commands    the commands as command-file objects, one per line; null when {@code commandFile} is given
 * @param commandFile the commands as a command file's text; null when {@code commands} is given
 * @param against     {@code head} or {@code fork-point}, what to compare with; null for {@code head}
 * @param save        the branch to save the fork as, or null not to save it
 * @param replace     true to replace a branch of that name; only with {@code save}
 * @param actor       who enters the commands, or null for the user running the console
 */
public record ForkRequest(String at, String from, List<JsonNode> commands, String commandFile, String against,
                          String save, Boolean replace, String actor) {
}
