package dev.parley.cli;

import dev.parley.application.commandfile.Rejection;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reports a rejected line as the contract says: text on stderr (escaped for the terminal, since it quotes the line), or
 * one JSON object per line on stdout.
 */
final class RejectionReport {

    private RejectionReport() {
    }

    static void print(Rejection rejection, boolean json, PrintWriter out, PrintWriter err) {
        if (json) {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("line", rejection.line());
            object.put("command", rejection.command());
            object.put("code", rejection.code().name());
            object.put("message", rejection.message());
            out.println(Json.write(object));
        } else {
            err.println(TerminalText.escape(rejection.toText()));
        }
    }
}
