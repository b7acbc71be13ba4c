package dev.sparsest.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * What every Vector-API kernel shares: the species and lane counts, the width-dependent choices
 * (measured, PERF.md) and the horizontal sums in a fixed order.
 */
final class VectorLanes {
    private VectorLanes() {
    }

    static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    static final int DL = D.length();
    static final int FL = F.length();
    /**
     * Two-lane double vectors (128 bits): the JDK does not compile their masked operations to
     * vector code (measured 100x slower, PERF.md), so the double kernels that need masks use the
     * scalar reference there. The provider does not pick 128-bit vectors unless asked to.
     */
    static final boolean NARROW_DOUBLE = DL < 4;
    /** How relu is applied in the 1-D forward pass: masked blend at 512 bits, abs below (measured). */
    static final boolean MASKED_RELU = D.vectorBitSize() >= 512;

    /*
     * Horizontal sums in a fixed pairwise order: lane i adds lane i ^ step for step = L/2 ... 1
     * (exact rearranges, lanewise adds), then lane 0. Not reduceLanes: the JDK's compiled
     * reduction and its Java fallback (used before C2 compiles a kernel) add in different orders,
     * which would make results depend on JIT timing and training irreproducible.
     */
    static final VectorShuffle<Double> D1 = VectorShuffle.fromOp(D, i -> i ^ 1);
    static final VectorShuffle<Double> D2 = VectorShuffle.fromOp(D, i -> i ^ (2 % DL));
    static final VectorShuffle<Double> D4 = VectorShuffle.fromOp(D, i -> i ^ (4 % DL));
    static final VectorShuffle<Double> D8 = VectorShuffle.fromOp(D, i -> i ^ (8 % DL));
    static final VectorShuffle<Float> F1 = VectorShuffle.fromOp(F, i -> i ^ 1);
    static final VectorShuffle<Float> F2 = VectorShuffle.fromOp(F, i -> i ^ (2 % FL));
    static final VectorShuffle<Float> F4 = VectorShuffle.fromOp(F, i -> i ^ (4 % FL));
    static final VectorShuffle<Float> F8 = VectorShuffle.fromOp(F, i -> i ^ (8 % FL));
    static final VectorShuffle<Float> F16 = VectorShuffle.fromOp(F, i -> i ^ (16 % FL));

    /**
     * JDK 17 does not compile these rearranges to vector code (each call allocated, measured with
     * JFR); there the lanes are added one by one in lane order instead, also a fixed order.
     */
    static final boolean TREE_SUM = Runtime.version().feature() >= 21;

    static double sum(DoubleVector v) {
        if (!TREE_SUM) {
            double s = v.lane(0);
            for (int l = 1; l < DL; l++) {
                s += v.lane(l);
            }
            return s;
        }
        if (DL > 8) {
            v = v.add(v.rearrange(D8));
        }
        if (DL > 4) {
            v = v.add(v.rearrange(D4));
        }
        if (DL > 2) {
            v = v.add(v.rearrange(D2));
        }
        if (DL > 1) {
            v = v.add(v.rearrange(D1));
        }
        return v.lane(0);
    }

    static float sum(FloatVector v) {
        if (!TREE_SUM) {
            float s = v.lane(0);
            for (int l = 1; l < FL; l++) {
                s += v.lane(l);
            }
            return s;
        }
        if (FL > 16) {
            v = v.add(v.rearrange(F16));
        }
        if (FL > 8) {
            v = v.add(v.rearrange(F8));
        }
        if (FL > 4) {
            v = v.add(v.rearrange(F4));
        }
        if (FL > 2) {
            v = v.add(v.rearrange(F2));
        }
        if (FL > 1) {
            v = v.add(v.rearrange(F1));
        }
        return v.lane(0);
    }

    /** The preferred vector width in bits. */
    static int bits() {
        return D.vectorBitSize();
    }
}
