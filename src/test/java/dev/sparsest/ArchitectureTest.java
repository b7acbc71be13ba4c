package dev.sparsest;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The picture of the house, checked: packages in layers, each using only layers below it (data
 * flows one way), and no circle of classes inside a package (a helper never calls back up into
 * its coordinator). Read from the main sources, so a new package must be placed here.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src", "main", "java", "dev", "sparsest");

    /** Layer of each package (relative to dev.sparsest; "" is the facade). */
    private static final Map<String, Integer> LAYER = Map.ofEntries(
            Map.entry("numeric", 0), Map.entry("json", 0), Map.entry("data", 0), Map.entry("linalg", 0),
            Map.entry("kernel", 1), Map.entry("model", 1),
            Map.entry("exact", 2), Map.entry("postprocess", 2),
            Map.entry("noisy", 3), Map.entry("exact.multivariate", 3),
            Map.entry("train", 4),
            Map.entry("cli", 5), Map.entry("", 5));

    /** A project type, or a wildcard import of a project package (then group 2 is "*"). */
    private static final Pattern PROJECT_TYPE = Pattern.compile("\\bdev\\.sparsest\\.((?:[a-z]\\w*\\.)*)([A-Z]\\w*|\\*)");
    private static final Pattern PERMITS = Pattern.compile("\\bpermits\\s+[\\w\\s,.]+\\{");

    @Test
    void packagesUseOnlyLowerLayers() {
        assertEquals(List.of(), upwardImports(sources()), "imports that do not go down a layer");
    }

    @Test
    void noCircleOfClassesInsideAPackage() {
        assertEquals(List.of(), circles(sources()), "classes that reach themselves through others");
    }

    /** The checks themselves, on planted sources: they must see what they are for. */
    @Test
    void theChecksSeeWhatTheyAreFor() {
        List<Source> planted = List.of(
                source("kernel", "A", "import dev.sparsest.model.*;\nclass A { }"),
                source("model", "B", "class B { char q = '\"'; String s = \"/* \"; C c; }"),
                source("model", "C", "class C { B b; String t = \"\"\"\n  dev.sparsest.cli.Main\n  \"\"\"; }"),
                source("json", "D", "class D { /* dev.sparsest.cli.Main */ String s = \"dev.sparsest.cli.Main\"; }"),
                source("model", "E", "sealed interface E permits F { }"),
                source("model", "F", "final class F implements E { }"));
        assertEquals(List.of("kernel -> model"), upwardImports(planted), "a wildcard import is an import; text is not");
        assertEquals(List.of("model: [B, C]"), circles(planted), "a char quote does not hide code; a sealed pair is no circle");
    }

    private static List<String> upwardImports(List<Source> sources) {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (Source s : sources) {
            assertTrue(LAYER.containsKey(s.pkg), "package '" + s.pkg + "' has no layer: place it in ArchitectureTest.LAYER");
            Matcher m = PROJECT_TYPE.matcher(s.code);
            while (m.find()) {
                String target = m.group(1).isEmpty() ? "" : m.group(1).substring(0, m.group(1).length() - 1);
                if (!target.equals(s.pkg)) {
                    uses.computeIfAbsent(s.pkg, p -> new TreeSet<>()).add(target);
                }
            }
        }
        List<String> upward = new ArrayList<>();
        uses.forEach((from, targets) -> {
            for (String to : targets) {
                if (LAYER.getOrDefault(to, Integer.MAX_VALUE) >= LAYER.get(from)) {
                    upward.add(name(from) + " -> " + name(to));
                }
            }
        });
        return upward;
    }

    private static List<String> circles(List<Source> sources) {
        Map<String, List<Source>> byPackage = new TreeMap<>();
        for (Source s : sources) {
            byPackage.computeIfAbsent(s.pkg, p -> new ArrayList<>()).add(s);
        }
        List<String> circles = new ArrayList<>();
        byPackage.forEach((pkg, classes) -> {
            Map<String, Set<String>> refs = new LinkedHashMap<>();
            for (Source s : classes) {
                // a sealed type names its subtypes, which name it back: that pair is one design, not a circle
                String code = PERMITS.matcher(s.code).replaceAll("{");
                Set<String> out = new TreeSet<>();
                for (Source t : classes) {
                    if (t != s && Pattern.compile("\\b" + t.name + "\\b").matcher(code).find()) {
                        out.add(t.name);
                    }
                }
                refs.put(s.name, out);
            }
            for (List<String> component : new StrongComponents(refs).cycles()) {
                circles.add(name(pkg) + ": " + component);
            }
        });
        return circles;
    }

    private static String name(String pkg) {
        return pkg.isEmpty() ? "dev.sparsest" : pkg;
    }

    private record Source(String pkg, String name, String code) {
    }

    private static Source source(String pkg, String name, String text) {
        return new Source(pkg, name, withoutCommentsAndStrings(text));
    }

    private static List<Source> sources() {
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<Source> out = new ArrayList<>();
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String rel = MAIN.relativize(f.getParent()).toString().replace(f.getFileSystem().getSeparator(), ".");
                String file = f.getFileName().toString();
                out.add(source(rel, file.substring(0, file.length() - 5), Files.readString(f)));
            }
            assertTrue(out.size() > 50, "main sources not found under " + MAIN.toAbsolutePath());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The code without comments, string and char literals and text blocks (Javadoc links and prose
     * name classes without using them), in one pass from left to right, so that a quote in a char
     * literal or a comment marker in a string cannot hide code.
     */
    private static String withoutCommentsAndStrings(String code) {
        StringBuilder out = new StringBuilder(code.length());
        int i = 0;
        int n = code.length();
        while (i < n) {
            char c = code.charAt(i);
            if (code.startsWith("//", i)) {
                i = skipTo(code, "\n", i + 2); // the line end stays
            } else if (code.startsWith("/*", i)) {
                i = skipTo(code, "*/", i + 2) + 2;
                out.append(' ');
            } else if (code.startsWith("\"\"\"", i)) {
                i = skipLiteral(code, i + 3, "\"\"\"");
                out.append("\"\"");
            } else if (c == '"' || c == '\'') {
                i = skipLiteral(code, i + 1, String.valueOf(c));
                out.append(c).append(c);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Index of the next {@code end} from {@code from} (n when there is none). */
    private static int skipTo(String code, String end, int from) {
        int at = code.indexOf(end, from);
        return at < 0 ? code.length() : at;
    }

    /** Index just past the literal's closing {@code end}, escapes skipped. */
    private static int skipLiteral(String code, int from, String end) {
        int i = from;
        while (i < code.length() && !code.startsWith(end, i)) {
            i += code.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(code.length(), i + end.length());
    }

    /** Tarjan's strongly connected components; the ones with more than one class are circles. */
    private static final class StrongComponents {
        private final Map<String, Set<String>> graph;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final List<String> stack = new ArrayList<>();
        private final List<List<String>> cycles = new ArrayList<>();

        StrongComponents(Map<String, Set<String>> graph) {
            this.graph = graph;
        }

        List<List<String>> cycles() {
            for (String v : graph.keySet()) {
                if (!index.containsKey(v)) {
                    visit(v);
                }
            }
            return cycles;
        }

        private void visit(String v) {
            index.put(v, index.size());
            low.put(v, index.get(v));
            stack.add(v);
            for (String w : graph.get(v)) {
                if (!index.containsKey(w)) {
                    visit(w);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (stack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                List<String> component = new ArrayList<>();
                String w;
                do {
                    w = stack.remove(stack.size() - 1);
                    component.add(w);
                } while (!w.equals(v));
                if (component.size() > 1) {
                    component.sort(null);
                    cycles.add(component);
                }
            }
        }
    }
}
