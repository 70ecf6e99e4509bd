package dev.parley.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures and targets as a plain-text table, for the terminal and for docs/benchmarks.md. */
final class Table {

    private static final String[] HEADERS = {"figure", "scale", "unit", "parley", "axon default", "limit",
                                             "vs axon", "vs limit"};

    private Table() {
    }

    static String render(Machine machine, boolean quick, List<Figure> figures, List<Target> targets) {
        List<String[]> rows = new ArrayList<>();
        for (Figure figure : figures) {
            rows.add(new String[]{figure.name(), String.format(Locale.ROOT, "%,d", figure.scale()), figure.unit(),
                                  number(figure.parley()), number(figure.axonDefault()), number(figure.limit()),
                                  ratio(figure.vsAxonDefault()), ratio(figure.vsLimit())});
        }
        int[] widths = new int[HEADERS.length];
        for (int column = 0; column < HEADERS.length; column++) {
            widths[column] = HEADERS[column].length();
            for (String[] row : rows) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("Parley benchmarks").append(quick ? " (--quick)" : "").append(" on ").append(machine.describe())
           .append("\n\n");
        line(out, HEADERS, widths);
        StringBuilder rule = new StringBuilder();
        for (int column = 0; column < widths.length; column++) {
            rule.append(column == 0 ? "" : "-|-").append("-".repeat(widths[column]));
        }
        out.append(rule).append('\n');
        rows.forEach(row -> line(out, row, widths));
        out.append("\nvs axon, vs limit: higher is better for Parley (rates: Parley / baseline; times and sizes:"
                           + " baseline / Parley)\n\nTargets\n");
        for (Target target : targets) {
            String verdict = target.met() == null ? "n/a   " : target.met() ? "met   " : "MISSED";
            out.append("  ").append(verdict).append("  ").append(target.target()).append(": ")
               .append(target.detail()).append('\n');
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String[] cells, int[] widths) {
        for (int column = 0; column < cells.length; column++) {
            if (column > 0) {
                out.append(" | ");
            }
            String cell = cells[column];
            String padding = " ".repeat(widths[column] - cell.length());
            out.append(column == 0 || column == 2 ? cell + padding : padding + cell);
        }
        out.append('\n');
    }

    /** A measured number: whole above 100, else with as many decimals as it takes to show it. */
    static String number(Double value) {
        if (value == null) {
            return "-";
        }
        double magnitude = Math.abs(value);
        String format = magnitude >= 100 ? "%,.0f" : magnitude >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, format, value);
    }

    static String ratio(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }
}
