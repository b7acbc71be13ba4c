package dev.sparsest.exact.multivariate;

import java.util.ArrayList;
import java.util.List;

/**
 * Local search on an interpolating set of neuron shapes, for a better upper bound: replace one, two
 * or three shapes by one new shape from the catalog, then by two, cheaper in all, while the set
 * still interpolates;
 * repeat until no such move is left, the deadline passes or the sets decided reach a limit (a
 * limit of work, not time, keeps the answer independent of the machine). Proves nothing.
 */
final class ShapeSwaps {
    /** Shapes given up in one move, and new shapes taken in their place. */
    static final int MAX_DROPPED = 3;
    static final int MAX_ADDED = 2;
    private final List<Atom> catalog;
    private final ShapeFeasibility feasibility;
    private final boolean timed;
    private final long deadline;
    private final long lastSolve;

    private ShapeSwaps(List<Atom> catalog, ShapeFeasibility feasibility, boolean timed, long deadline, long maxSolves) {
        this.catalog = catalog;
        this.feasibility = feasibility;
        this.timed = timed;
        this.deadline = deadline;
        this.lastSolve = feasibility.solves + maxSolves;
    }

    /** Until the deadline (System.nanoTime()). */
    static List<Atom> improveUntil(List<Atom> start, List<Atom> catalog, ShapeFeasibility feasibility, long deadline) {
        return new ShapeSwaps(catalog, feasibility, true, deadline, Long.MAX_VALUE / 2).improve(start);
    }

    /** Until {@code maxSolves} shape sets are decided (the clock plays no part). */
    static List<Atom> improveWithin(List<Atom> start, List<Atom> catalog, ShapeFeasibility feasibility, int maxSolves) {
        return new ShapeSwaps(catalog, feasibility, false, 0, maxSolves).improve(start);
    }

    private boolean stopped() {
        return feasibility.solves >= lastSolve || timed && System.nanoTime() - deadline > 0;
    }

    private List<Atom> improve(List<Atom> start) {
        List<Atom> current = new ArrayList<>(start);
        boolean improved = true;
        while (improved && !stopped()) {
            improved = false;
            for (int added = 1; added <= MAX_ADDED && !improved; added++) {
                for (int dropped = 1; dropped <= MAX_DROPPED && dropped <= current.size() && !improved; dropped++) {
                    improved = tryDropping(current, new int[dropped], 0, 0, added);
                }
            }
        }
        return current;
    }

    /** Every choice of drop.length shapes to drop (indices ascending), each tried with {@code added} new shapes. */
    private boolean tryDropping(List<Atom> current, int[] drop, int filled, int from, int added) {
        if (filled == drop.length) {
            return replace(current, drop, added);
        }
        for (int k = from; k < current.size() && !stopped(); k++) {
            drop[filled] = k;
            if (tryDropping(current, drop, filled + 1, k + 1, added)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Replaces the shapes at {@code drop} by nothing, or by {@code added} catalog shapes costing less
     * in all, when the set still interpolates (in place); the first such set wins.
     */
    private boolean replace(List<Atom> current, int[] drop, int added) {
        int saved = 0;
        List<Atom> rest = new ArrayList<>(current);
        for (int i = drop.length - 1; i >= 0; i--) {
            saved += rest.remove(drop[i]).cost;
        }
        if (added == 1 && feasibility.solve(rest) != null || extend(rest, 0, saved, added)) {
            current.clear();
            current.addAll(rest);
            return true;
        }
        return false;
    }

    /** Adds {@code added} catalog shapes from index {@code from} on, costing less than {@code budget}, to a set that interpolates (in place). */
    private boolean extend(List<Atom> set, int from, int budget, int added) {
        if (added == 0) {
            return feasibility.solve(set) != null;
        }
        for (int a = from; a < catalog.size(); a++) {
            Atom atom = catalog.get(a);
            if (atom.cost * added >= budget || stopped()) {
                return false; // sorted by cost: the rest are dearer
            }
            if (mergesWithAny(atom, set)) {
                continue;
            }
            set.add(atom);
            if (extend(set, a + 1, budget - atom.cost, added - 1)) {
                return true;
            }
            set.remove(set.size() - 1);
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
