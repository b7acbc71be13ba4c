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
            Map.entry("exact", 2), Map.entry("exact.multivariate", 2), Map.entry("postprocess", 2),
            Map.entry("noisy", 3), Map.entry("train", 3),
            Map.entry("cli", 4), Map.entry("", 4));

    private static final Pattern PROJECT_TYPE = Pattern.compile("\\bdev\\.sparsest\\.((?:[a-z]\\w*\\.)*)([A-Z]\\w*)");
    private static final Pattern PERMITS = Pattern.compile("\\bpermits\\s+[\\w\\s,.]+\\{");

    @Test
    void packagesUseOnlyLowerLayers() {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (Source s : sources()) {
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
        assertEquals(List.of(), upward, "imports that do not go down a layer");
    }

    @Test
    void noCircleOfClassesInsideAPackage() {
        Map<String, List<Source>> byPackage = new TreeMap<>();
        for (Source s : sources()) {
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
        assertEquals(List.of(), circles, "classes that reach themselves through others");
    }

    private static String name(String pkg) {
        return pkg.isEmpty() ? "dev.sparsest" : pkg;
    }

    private record Source(String pkg, String name, String code) {
    }

    private static List<Source> sources() {
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<Source> out = new ArrayList<>();
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String rel = MAIN.relativize(f.getParent()).toString().replace(f.getFileSystem().getSeparator(), ".");
                String file = f.getFileName().toString();
                out.add(new Source(rel, file.substring(0, file.length() - 5), withoutCommentsAndStrings(Files.readString(f))));
            }
            assertTrue(out.size() > 50, "main sources not found under " + MAIN.toAbsolutePath());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Javadoc links and prose name classes without using them; imports and code are what count. */
    private static String withoutCommentsAndStrings(String code) {
        return code.replaceAll("(?s)/\\*.*?\\*/", " ")
                .replaceAll("//[^\\n]*", " ")
                .replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\"");
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
