package dev.parley.web.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * A what-if: fork the record after position {@code at} (digits) or after what was recorded by the time {@code at}, or
 * continue the saved branch {@code from}; run {@code commands} (command-file objects, one per line) or
 * {@code commandFile} (a command file's text); compare with the record {@code against} {@code head} (default) or
 * {@code fork-point}; save as the branch {@code save} when given ({@code replace} to replace one of that name).
 * {@code actor} enters the commands (default: the user running the console).
 */
public record ForkRequest(String at, String from, List<JsonNode> commands, String commandFile, String against,
                          String save, Boolean replace, String actor) {
}
