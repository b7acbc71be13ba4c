package dev.sparsest.json;

import java.util.List;
import java.util.function.Consumer;

/**
 * A small JSON writer for the library's documents: objects written one member per line with
 * two-space indentation, arrays of numbers inline, arrays of rows one row per line, nested
 * objects indented in place. Numbers are written by {@link Json#number} (they parse back to the
 * same bits); strings by {@link Json#quote}.
 * <pre>{@code
 * String text = JsonWriter.document(o -> o.add("format", "x").add("version", 1).addNumbers("anchor", 0.0, 1.0));
 * }</pre>
 */
public final class JsonWriter {
    private JsonWriter() {
    }

    /** A top-level object and a final newline. */
    public static String document(Consumer<Members> members) {
        StringBuilder sb = new StringBuilder();
        block(sb, "", members);
        return sb.append('\n').toString();
    }

    private static void block(StringBuilder sb, String indent, Consumer<Members> members) {
        sb.append('{');
        Members m = new Members(sb, indent + "  ", false);
        members.accept(m);
        sb.append(m.count == 0 ? "}" : "\n" + indent + "}");
    }

    /** The members of one object, added in order. */
    public static final class Members {
        private final StringBuilder sb;
        private final String indent;
        private final boolean inline;
        private int count;

        private Members(StringBuilder sb, String indent, boolean inline) {
            this.sb = sb;
            this.indent = indent;
            this.inline = inline;
        }

        private StringBuilder key(String key) {
            if (inline) {
                sb.append(count == 0 ? "" : ", ");
            } else {
                sb.append(count == 0 ? "\n" : ",\n").append(indent);
            }
            count++;
            return sb.append(Json.quote(key)).append(": ");
        }

        /** A finite number. */
        public Members add(String key, double value) {
            key(key).append(Json.number(value));
            return this;
        }

        /** An integer. */
        public Members add(String key, long value) {
            key(key).append(value);
            return this;
        }

        public Members add(String key, boolean value) {
            key(key).append(value);
            return this;
        }

        /** A string, or null. */
        public Members add(String key, String value) {
            key(key).append(value == null ? "null" : Json.quote(value));
            return this;
        }

        /** A finite number, or null when {@code value} is NaN (nothing to report). */
        public Members addOrNull(String key, double value) {
            key(key).append(Double.isNaN(value) ? "null" : Json.number(value));
            return this;
        }

        /** true, false, or null when {@code value} is null (not known). */
        public Members addOrNull(String key, Boolean value) {
            key(key).append(value == null ? "null" : value.toString());
            return this;
        }

        /** An array of numbers on one line: {@code [a, b, c]}. */
        public Members addNumbers(String key, double... values) {
            inlineNumbers(key(key), values);
            return this;
        }

        /** An array of strings on one line: {@code ["a", "b"]}. */
        public Members addStrings(String key, List<String> values) {
            StringBuilder out = key(key).append('[');
            for (int i = 0; i < values.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(Json.quote(values.get(i)));
            }
            out.append(']');
            return this;
        }

        /** An array of rows, one inline row of numbers per line ({@code []} when there are none). */
        public Members addRows(String key, List<double[]> rows) {
            StringBuilder out = key(key).append('[');
            for (int r = 0; r < rows.size(); r++) {
                out.append(r == 0 ? "" : ",").append('\n').append(indent).append("  ");
                inlineNumbers(out, rows.get(r));
            }
            out.append(rows.isEmpty() ? "]" : "\n" + indent + "]");
            return this;
        }

        /** An array of small objects, each on one line. */
        public <T> Members addInlineObjects(String key, List<T> items, java.util.function.BiConsumer<T, Members> members) {
            StringBuilder out = key(key).append('[');
            for (int r = 0; r < items.size(); r++) {
                out.append(r == 0 ? "" : ",").append('\n').append(indent).append("  {");
                Members m = new Members(out, "", true);
                members.accept(items.get(r), m);
                out.append('}');
            }
            out.append(items.isEmpty() ? "]" : "\n" + indent + "]");
            return this;
        }

        /** A nested object, indented in place. */
        public Members addObject(String key, Consumer<Members> members) {
            key(key);
            block(sb, indent, members);
            return this;
        }

        private static void inlineNumbers(StringBuilder out, double[] values) {
            out.append('[');
            for (int i = 0; i < values.length; i++) {
                out.append(i == 0 ? "" : ", ").append(Json.number(values[i]));
            }
            out.append(']');
        }
    }
}
