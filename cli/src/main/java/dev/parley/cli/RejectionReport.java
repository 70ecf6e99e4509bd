package dev.parley.cli;

import dev.parley.application.commandfile.Rejection;
import dev.parley.web.api.RejectionView;

import java.io.PrintWriter;

/**
 * Reports a rejected line as the contract says: text on stderr (escaped for the terminal, since it quotes the line), or
 * one JSON object per line on stdout.
 */
final class RejectionReport {

    private RejectionReport() {
    }

    static void print(Rejection rejection, boolean json, PrintWriter out, PrintWriter err) {
        if (json) {
            out.println(Json.write(RejectionView.of(rejection)));
        } else {
            err.println(TerminalText.escape(rejection.toText()));
        }
    }
}
