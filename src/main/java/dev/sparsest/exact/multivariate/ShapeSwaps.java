package dev.sparsest.exact.multivariate;

import java.util.ArrayList;
import java.util.List;

/**
 * Local search on an interpolating set of neuron shapes, for a better upper bound: replace one
 * shape, or two, by a single cheaper shape from the catalog while the set still interpolates;
 * repeat until no such move is left or the deadline passes. Proves nothing.
 */
final class ShapeSwaps {
    private ShapeSwaps() {
    }

    static List<Atom> improve(List<Atom> start, List<Atom> catalog, ShapeFeasibility feasibility, long deadline) {
        List<Atom> current = new ArrayList<>(start);
        boolean improved = true;
        while (improved && System.nanoTime() - deadline < 0) {
            improved = false;
            for (int k = 0; k < current.size() && !improved; k++) {
                improved = replace(current, new int[] {k}, catalog, feasibility, deadline);
            }
            for (int k = 0; k < current.size() && !improved; k++) {
                for (int l = k + 1; l < current.size() && !improved; l++) {
                    improved = replace(current, new int[] {k, l}, catalog, feasibility, deadline);
                }
            }
        }
        return current;
    }

    /** Replaces the shapes at {@code drop} by the first cheaper catalog shape that keeps the set interpolating (in place). */
    private static boolean replace(List<Atom> current, int[] drop, List<Atom> catalog, ShapeFeasibility feasibility, long deadline) {
        int saved = 0;
        List<Atom> rest = new ArrayList<>(current);
        for (int i = drop.length - 1; i >= 0; i--) {
            saved += rest.remove(drop[i]).cost;
        }
        if (feasibility.solve(rest) != null) {
            current.clear();
            current.addAll(rest);
            return true;
        }
        for (Atom a : catalog) {
            if (a.cost >= saved || System.nanoTime() - deadline > 0) {
                return false; // sorted by cost
            }
            if (mergesWithAny(a, rest)) {
                continue;
            }
            rest.add(a);
            if (feasibility.solve(rest) != null) {
                current.clear();
                current.addAll(rest);
                return true;
            }
            rest.remove(rest.size() - 1);
        }
        return false;
    }

    private static boolean mergesWithAny(Atom a, List<Atom> set) {
        for (Atom b : set) {
            if (a.mergesWith(b)) {
                return true;
            }
        }
        return false;
    }
}
