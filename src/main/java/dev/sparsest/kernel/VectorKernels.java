package dev.sparsest.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector-API implementation ({@code jdk.incubator.vector}). Loaded only by
 * {@link KernelProvider} after it checked that the module is readable; nothing else refers to
 * this class by name. Main loops work on whole vectors with several accumulators; the remaining
 * elements take a scalar tail (never a fully masked loop).
 */
final class VectorKernels implements Kernels {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int DL = D.length();
    private static final int FL = F.length();
    /**
     * Two-lane double vectors (128 bits): the JDK does not compile their masked operations to
     * vector code (measured 100x slower, PERF.md), so the double kernels that need masks use the
     * scalar reference there. The provider does not pick 128-bit vectors unless asked to.
     */
    private static final boolean NARROW_DOUBLE = DL < 4;
    /** How relu is applied in the 1-D forward pass: masked blend at 512 bits, abs below (measured). */
    private static final boolean MASKED_RELU = D.vectorBitSize() >= 512;

    /** Called reflectively by the provider. */
    static Kernels create() {
        return new VectorKernels();
    }

    /*
     * Horizontal sums in a fixed pairwise order: lane i adds lane i ^ step for step = L/2 ... 1
     * (exact rearranges, lanewise adds), then lane 0. Not reduceLanes: the JDK's compiled
     * reduction and its Java fallback (used before C2 compiles a kernel) add in different orders,
     * which would make results depend on JIT timing and training irreproducible.
     */
    private static final VectorShuffle<Double> D1 = VectorShuffle.fromOp(D, i -> i ^ 1);
    private static final VectorShuffle<Double> D2 = VectorShuffle.fromOp(D, i -> i ^ (2 % DL));
    private static final VectorShuffle<Double> D4 = VectorShuffle.fromOp(D, i -> i ^ (4 % DL));
    private static final VectorShuffle<Double> D8 = VectorShuffle.fromOp(D, i -> i ^ (8 % DL));
    private static final VectorShuffle<Float> F1 = VectorShuffle.fromOp(F, i -> i ^ 1);
    private static final VectorShuffle<Float> F2 = VectorShuffle.fromOp(F, i -> i ^ (2 % FL));
    private static final VectorShuffle<Float> F4 = VectorShuffle.fromOp(F, i -> i ^ (4 % FL));
    private static final VectorShuffle<Float> F8 = VectorShuffle.fromOp(F, i -> i ^ (8 % FL));
    private static final VectorShuffle<Float> F16 = VectorShuffle.fromOp(F, i -> i ^ (16 % FL));

    /**
     * JDK 17 does not compile these rearranges to vector code (each call allocated, measured with
     * JFR); there the lanes are added one by one in lane order instead, also a fixed order.
     */
    private static final boolean TREE_SUM = Runtime.version().feature() >= 21;

    private static double sum(DoubleVector v) {
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

    private static float sum(FloatVector v) {
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

    private VectorKernels() {
    }

    @Override
    public String name() {
        return "vector-" + D.vectorBitSize();
    }

    // ---------------------------------------------------------------- 1-D forward

    /*
     * Two ways to add v relu(t) to an accumulator s, measured (PERF.md): at 512 bits a compare
     * and a masked blend of s + v t (bit-identical to the reference, which sums in the same order);
     * below 512 bits relu(t) = (t + |t|) / 2 with the linear half summed once per call, since
     * blends cost two micro-ops there while abs is cheap (at 512 bits it is the reverse).
     * The hot loops live in small methods with every vector operation inline and only the sums
     * stored: C2 compiles them best so (an epilogue that kept the point vectors alive after the
     * neuron loop made it 2.4x slower), and a vector passed to a call that is not inlined is boxed.
     */

    @Override
    public void forward1d(double[] x, int n, double[] w, double[] b, double[] v, int k, double a, double c, double[] out) {
        double guard = Guards.parameters(w, b, v, k, a, c);
        double slope = a;
        double offset = c;
        int done;
        if (MASKED_RELU) {
            done = maskedSums(x, n, w, b, v, k, out);
        } else {
            double vw = 0;
            double vb = 0;
            for (int j = 0; j < k; j++) {
                vw += v[j] * w[j];
                vb += v[j] * b[j];
            }
            slope = a + 0.5 * vw;
            offset = c + 0.5 * vb;
            done = absSums(x, n, w, b, v, k, out);
        }
        finishSums(x, done, slope, offset, MASKED_RELU ? 1 : 0.5, guard, out);
        ScalarKernels.INSTANCE.forward1dTail(x, done, n, w, b, v, k, a, c, guard, out);
    }

    @Override
    public void forward1d(float[] x, int n, float[] w, float[] b, float[] v, int k, float a, float c, float[] out) {
        float guard = Guards.parameters(w, b, v, k, a, c);
        float slope = a;
        float offset = c;
        int done;
        if (MASKED_RELU) {
            done = maskedSums(x, n, w, b, v, k, out);
        } else {
            float vw = 0;
            float vb = 0;
            for (int j = 0; j < k; j++) {
                vw += v[j] * w[j];
                vb += v[j] * b[j];
            }
            slope = a + 0.5f * vw;
            offset = c + 0.5f * vb;
            done = absSums(x, n, w, b, v, k, out);
        }
        finishSums(x, done, slope, offset, MASKED_RELU ? 1f : 0.5f, guard, out);
        ScalarKernels.INSTANCE.forward1dTail(x, done, n, w, b, v, k, a, c, guard, out);
    }

    /** s_i = sum_j v_j relu(w_j x_i + b_j) for whole vectors of points, masked relu; returns the first point left. */
    private static int maskedSums(double[] x, int n, double[] w, double[] b, double[] v, int k, double[] out) {
        int i = 0;
        for (; i + 4 * DL <= n; i += 4 * DL) {
            DoubleVector x0 = DoubleVector.fromArray(D, x, i);
            DoubleVector x1 = DoubleVector.fromArray(D, x, i + DL);
            DoubleVector x2 = DoubleVector.fromArray(D, x, i + 2 * DL);
            DoubleVector x3 = DoubleVector.fromArray(D, x, i + 3 * DL);
            DoubleVector s0 = DoubleVector.zero(D);
            DoubleVector s1 = s0;
            DoubleVector s2 = s0;
            DoubleVector s3 = s0;
            for (int j = 0; j < k; j++) {
                DoubleVector wj = DoubleVector.broadcast(D, w[j]);
                DoubleVector bj = DoubleVector.broadcast(D, b[j]);
                DoubleVector vj = DoubleVector.broadcast(D, v[j]);
                DoubleVector t0 = x0.fma(wj, bj);
                DoubleVector t1 = x1.fma(wj, bj);
                DoubleVector t2 = x2.fma(wj, bj);
                DoubleVector t3 = x3.fma(wj, bj);
                s0 = s0.blend(t0.fma(vj, s0), t0.compare(VectorOperators.GT, 0.0));
                s1 = s1.blend(t1.fma(vj, s1), t1.compare(VectorOperators.GT, 0.0));
                s2 = s2.blend(t2.fma(vj, s2), t2.compare(VectorOperators.GT, 0.0));
                s3 = s3.blend(t3.fma(vj, s3), t3.compare(VectorOperators.GT, 0.0));
            }
            s0.intoArray(out, i);
            s1.intoArray(out, i + DL);
            s2.intoArray(out, i + 2 * DL);
            s3.intoArray(out, i + 3 * DL);
        }
        return maskedSingles(x, i, n, w, b, v, k, out);
    }

    private static int maskedSingles(double[] x, int i, int n, double[] w, double[] b, double[] v, int k, double[] out) {
        for (; i + DL <= n; i += DL) {
            DoubleVector x0 = DoubleVector.fromArray(D, x, i);
            DoubleVector s0 = DoubleVector.zero(D);
            for (int j = 0; j < k; j++) {
                DoubleVector t0 = x0.fma(DoubleVector.broadcast(D, w[j]), DoubleVector.broadcast(D, b[j]));
                s0 = s0.blend(t0.fma(DoubleVector.broadcast(D, v[j]), s0), t0.compare(VectorOperators.GT, 0.0));
            }
            s0.intoArray(out, i);
        }
        return i;
    }

    /** As maskedSums with relu(t) = (t + |t|) / 2: here only sum_j v_j |t|; the caller halves it and adds the linear half. */
    private static int absSums(double[] x, int n, double[] w, double[] b, double[] v, int k, double[] out) {
        int i = 0;
        for (; i + 4 * DL <= n; i += 4 * DL) {
            DoubleVector x0 = DoubleVector.fromArray(D, x, i);
            DoubleVector x1 = DoubleVector.fromArray(D, x, i + DL);
            DoubleVector x2 = DoubleVector.fromArray(D, x, i + 2 * DL);
            DoubleVector x3 = DoubleVector.fromArray(D, x, i + 3 * DL);
            DoubleVector s0 = DoubleVector.zero(D);
            DoubleVector s1 = s0;
            DoubleVector s2 = s0;
            DoubleVector s3 = s0;
            for (int j = 0; j < k; j++) {
                DoubleVector wj = DoubleVector.broadcast(D, w[j]);
                DoubleVector bj = DoubleVector.broadcast(D, b[j]);
                DoubleVector hv = DoubleVector.broadcast(D, v[j]);
                s0 = x0.fma(wj, bj).abs().fma(hv, s0);
                s1 = x1.fma(wj, bj).abs().fma(hv, s1);
                s2 = x2.fma(wj, bj).abs().fma(hv, s2);
                s3 = x3.fma(wj, bj).abs().fma(hv, s3);
            }
            s0.intoArray(out, i);
            s1.intoArray(out, i + DL);
            s2.intoArray(out, i + 2 * DL);
            s3.intoArray(out, i + 3 * DL);
        }
        return absSingles(x, i, n, w, b, v, k, out);
    }

    private static int absSingles(double[] x, int i, int n, double[] w, double[] b, double[] v, int k, double[] out) {
        for (; i + DL <= n; i += DL) {
            DoubleVector x0 = DoubleVector.fromArray(D, x, i);
            DoubleVector s0 = DoubleVector.zero(D);
            for (int j = 0; j < k; j++) {
                s0 = x0.fma(DoubleVector.broadcast(D, w[j]), DoubleVector.broadcast(D, b[j])).abs()
                        .fma(DoubleVector.broadcast(D, v[j]), s0);
            }
            s0.intoArray(out, i);
        }
        return i;
    }

    /**
     * out = (x slope + offset) + scale out + x * 0 + guard over [0, end): with scale 1 the same
     * operations as the reference; scale 1/2 halves the sum of v |t| exactly.
     */
    private static void finishSums(double[] x, int end, double slope, double offset, double scale, double guard, double[] out) {
        int i = 0;
        for (; i + DL <= end; i += DL) {
            DoubleVector xi = DoubleVector.fromArray(D, x, i);
            xi.fma(slope, offset).add(DoubleVector.fromArray(D, out, i).mul(scale)).add(xi.mul(0.0)).add(guard).intoArray(out, i);
        }
        for (; i < end; i++) {
            out[i] = Math.fma(x[i], slope, offset) + out[i] * scale + x[i] * 0.0 + guard;
        }
    }

    /** s_i = sum_j v_j relu(w_j x_i + b_j) for whole vectors of points, masked relu; returns the first point left. */
    private static int maskedSums(float[] x, int n, float[] w, float[] b, float[] v, int k, float[] out) {
        int i = 0;
        for (; i + 4 * FL <= n; i += 4 * FL) {
            FloatVector x0 = FloatVector.fromArray(F, x, i);
            FloatVector x1 = FloatVector.fromArray(F, x, i + FL);
            FloatVector x2 = FloatVector.fromArray(F, x, i + 2 * FL);
            FloatVector x3 = FloatVector.fromArray(F, x, i + 3 * FL);
            FloatVector s0 = FloatVector.zero(F);
            FloatVector s1 = s0;
            FloatVector s2 = s0;
            FloatVector s3 = s0;
            for (int j = 0; j < k; j++) {
                FloatVector wj = FloatVector.broadcast(F, w[j]);
                FloatVector bj = FloatVector.broadcast(F, b[j]);
                FloatVector vj = FloatVector.broadcast(F, v[j]);
                FloatVector t0 = x0.fma(wj, bj);
                FloatVector t1 = x1.fma(wj, bj);
                FloatVector t2 = x2.fma(wj, bj);
                FloatVector t3 = x3.fma(wj, bj);
                s0 = s0.blend(t0.fma(vj, s0), t0.compare(VectorOperators.GT, 0f));
                s1 = s1.blend(t1.fma(vj, s1), t1.compare(VectorOperators.GT, 0f));
                s2 = s2.blend(t2.fma(vj, s2), t2.compare(VectorOperators.GT, 0f));
                s3 = s3.blend(t3.fma(vj, s3), t3.compare(VectorOperators.GT, 0f));
            }
            s0.intoArray(out, i);
            s1.intoArray(out, i + FL);
            s2.intoArray(out, i + 2 * FL);
            s3.intoArray(out, i + 3 * FL);
        }
        return maskedSingles(x, i, n, w, b, v, k, out);
    }

    private static int maskedSingles(float[] x, int i, int n, float[] w, float[] b, float[] v, int k, float[] out) {
        for (; i + FL <= n; i += FL) {
            FloatVector x0 = FloatVector.fromArray(F, x, i);
            FloatVector s0 = FloatVector.zero(F);
            for (int j = 0; j < k; j++) {
                FloatVector t0 = x0.fma(FloatVector.broadcast(F, w[j]), FloatVector.broadcast(F, b[j]));
                s0 = s0.blend(t0.fma(FloatVector.broadcast(F, v[j]), s0), t0.compare(VectorOperators.GT, 0f));
            }
            s0.intoArray(out, i);
        }
        return i;
    }

    /** As maskedSums with relu(t) = (t + |t|) / 2: here only sum_j v_j |t|; the caller halves it and adds the linear half. */
    private static int absSums(float[] x, int n, float[] w, float[] b, float[] v, int k, float[] out) {
        int i = 0;
        for (; i + 4 * FL <= n; i += 4 * FL) {
            FloatVector x0 = FloatVector.fromArray(F, x, i);
            FloatVector x1 = FloatVector.fromArray(F, x, i + FL);
            FloatVector x2 = FloatVector.fromArray(F, x, i + 2 * FL);
            FloatVector x3 = FloatVector.fromArray(F, x, i + 3 * FL);
            FloatVector s0 = FloatVector.zero(F);
            FloatVector s1 = s0;
            FloatVector s2 = s0;
            FloatVector s3 = s0;
            for (int j = 0; j < k; j++) {
                FloatVector wj = FloatVector.broadcast(F, w[j]);
                FloatVector bj = FloatVector.broadcast(F, b[j]);
                FloatVector hv = FloatVector.broadcast(F, v[j]);
                s0 = x0.fma(wj, bj).abs().fma(hv, s0);
                s1 = x1.fma(wj, bj).abs().fma(hv, s1);
                s2 = x2.fma(wj, bj).abs().fma(hv, s2);
                s3 = x3.fma(wj, bj).abs().fma(hv, s3);
            }
            s0.intoArray(out, i);
            s1.intoArray(out, i + FL);
            s2.intoArray(out, i + 2 * FL);
            s3.intoArray(out, i + 3 * FL);
        }
        return absSingles(x, i, n, w, b, v, k, out);
    }

    private static int absSingles(float[] x, int i, int n, float[] w, float[] b, float[] v, int k, float[] out) {
        for (; i + FL <= n; i += FL) {
            FloatVector x0 = FloatVector.fromArray(F, x, i);
            FloatVector s0 = FloatVector.zero(F);
            for (int j = 0; j < k; j++) {
                s0 = x0.fma(FloatVector.broadcast(F, w[j]), FloatVector.broadcast(F, b[j])).abs()
                        .fma(FloatVector.broadcast(F, v[j]), s0);
            }
            s0.intoArray(out, i);
        }
        return i;
    }

    private static void finishSums(float[] x, int end, float slope, float offset, float scale, float guard, float[] out) {
        int i = 0;
        for (; i + FL <= end; i += FL) {
            FloatVector xi = FloatVector.fromArray(F, x, i);
            xi.fma(slope, offset).add(FloatVector.fromArray(F, out, i).mul(scale)).add(xi.mul(0f)).add(guard).intoArray(out, i);
        }
        for (; i < end; i++) {
            out[i] = Math.fma(x[i], slope, offset) + out[i] * scale + x[i] * 0f + guard;
        }
    }

    // ---------------------------------------------------------------- 1-D loss and gradients

    @Override
    public double lossGrad1d(double[] x, double[] y, int n, double[] w, double[] b, double[] v, int k, double a, double c,
                             double[] gw, double[] gb, double[] gv, double[] gSkip, double[] work) {
        if (NARROW_DOUBLE) {
            return ScalarKernels.INSTANCE.lossGrad1d(x, y, n, w, b, v, k, a, c, gw, gb, gv, gSkip, work);
        }
        forward1d(x, n, w, b, v, k, a, c, work);
        double loss = Residuals.of(x, y, n, work, gSkip);
        int j = 0;
        for (; j + 4 <= k; j += 4) {
            gradients4(x, work, n, w, b, v, j, gw, gb, gv);
        }
        for (; j < k; j++) {
            gradients1(x, work, n, w, b, v, j, gw, gb, gv);
        }
        return loss;
    }

    /**
     * Four neurons per pass over the points, so x, g and g x are loaded once for four: per pair a
     * fused multiply-add, a compare and two masked adds (S1 += g, Sx += g x where w x + b &gt; 0).
     */
    private static void gradients4(double[] x, double[] work, int n, double[] w, double[] b, double[] v, int j,
                                   double[] gw, double[] gb, double[] gv) {
        DoubleVector w0 = DoubleVector.broadcast(D, w[j]);
        DoubleVector w1 = DoubleVector.broadcast(D, w[j + 1]);
        DoubleVector w2 = DoubleVector.broadcast(D, w[j + 2]);
        DoubleVector w3 = DoubleVector.broadcast(D, w[j + 3]);
        DoubleVector b0 = DoubleVector.broadcast(D, b[j]);
        DoubleVector b1 = DoubleVector.broadcast(D, b[j + 1]);
        DoubleVector b2 = DoubleVector.broadcast(D, b[j + 2]);
        DoubleVector b3 = DoubleVector.broadcast(D, b[j + 3]);
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector o0 = zero, o1 = zero, o2 = zero, o3 = zero; // S1 per neuron
        DoubleVector p0 = zero, p1 = zero, p2 = zero, p3 = zero; // Sx per neuron
        int i = 0;
        for (; i + DL <= n; i += DL) {
            DoubleVector xi = DoubleVector.fromArray(D, x, i);
            DoubleVector g = DoubleVector.fromArray(D, work, i);
            DoubleVector gx = DoubleVector.fromArray(D, work, n + i);
            VectorMask<Double> m0 = xi.fma(w0, b0).compare(VectorOperators.GT, 0.0);
            VectorMask<Double> m1 = xi.fma(w1, b1).compare(VectorOperators.GT, 0.0);
            VectorMask<Double> m2 = xi.fma(w2, b2).compare(VectorOperators.GT, 0.0);
            VectorMask<Double> m3 = xi.fma(w3, b3).compare(VectorOperators.GT, 0.0);
            o0 = o0.add(g, m0);
            p0 = p0.add(gx, m0);
            o1 = o1.add(g, m1);
            p1 = p1.add(gx, m1);
            o2 = o2.add(g, m2);
            p2 = p2.add(gx, m2);
            o3 = o3.add(g, m3);
            p3 = p3.add(gx, m3);
        }
        double s10 = sum(o0), sx0 = sum(p0);
        double s11 = sum(o1), sx1 = sum(p1);
        double s12 = sum(o2), sx2 = sum(p2);
        double s13 = sum(o3), sx3 = sum(p3);
        for (; i < n; i++) {
            double xi = x[i];
            double g = work[i];
            double gx = work[n + i];
            if (Math.fma(w[j], xi, b[j]) > 0) {
                s10 += g;
                sx0 += gx;
            }
            if (Math.fma(w[j + 1], xi, b[j + 1]) > 0) {
                s11 += g;
                sx1 += gx;
            }
            if (Math.fma(w[j + 2], xi, b[j + 2]) > 0) {
                s12 += g;
                sx2 += gx;
            }
            if (Math.fma(w[j + 3], xi, b[j + 3]) > 0) {
                s13 += g;
                sx3 += gx;
            }
        }
        finishNeuron(w, b, v, j, s10, sx0, gw, gb, gv);
        finishNeuron(w, b, v, j + 1, s11, sx1, gw, gb, gv);
        finishNeuron(w, b, v, j + 2, s12, sx2, gw, gb, gv);
        finishNeuron(w, b, v, j + 3, s13, sx3, gw, gb, gv);
    }

    private static void gradients1(double[] x, double[] work, int n, double[] w, double[] b, double[] v, int j,
                                   double[] gw, double[] gb, double[] gv) {
        DoubleVector wj = DoubleVector.broadcast(D, w[j]);
        DoubleVector bj = DoubleVector.broadcast(D, b[j]);
        DoubleVector o = DoubleVector.zero(D);
        DoubleVector p = o;
        int i = 0;
        for (; i + DL <= n; i += DL) {
            VectorMask<Double> m = DoubleVector.fromArray(D, x, i).fma(wj, bj).compare(VectorOperators.GT, 0.0);
            o = o.add(DoubleVector.fromArray(D, work, i), m);
            p = p.add(DoubleVector.fromArray(D, work, n + i), m);
        }
        double s1 = sum(o);
        double sx = sum(p);
        for (; i < n; i++) {
            if (Math.fma(w[j], x[i], b[j]) > 0) {
                s1 += work[i];
                sx += work[n + i];
            }
        }
        finishNeuron(w, b, v, j, s1, sx, gw, gb, gv);
    }

    private static void finishNeuron(double[] w, double[] b, double[] v, int j, double s1, double sx,
                                     double[] gw, double[] gb, double[] gv) {
        gw[j] = v[j] * sx;
        gb[j] = v[j] * s1;
        gv[j] = w[j] * sx + b[j] * s1;
    }

    @Override
    public float lossGrad1d(float[] x, float[] y, int n, float[] w, float[] b, float[] v, int k, float a, float c,
                            float[] gw, float[] gb, float[] gv, float[] gSkip, float[] work) {
        forward1d(x, n, w, b, v, k, a, c, work);
        float loss = Residuals.of(x, y, n, work, gSkip);
        int j = 0;
        for (; j + 4 <= k; j += 4) {
            gradients4(x, work, n, w, b, v, j, gw, gb, gv);
        }
        for (; j < k; j++) {
            gradients1(x, work, n, w, b, v, j, gw, gb, gv);
        }
        return loss;
    }

    private static void gradients4(float[] x, float[] work, int n, float[] w, float[] b, float[] v, int j,
                                   float[] gw, float[] gb, float[] gv) {
        FloatVector w0 = FloatVector.broadcast(F, w[j]);
        FloatVector w1 = FloatVector.broadcast(F, w[j + 1]);
        FloatVector w2 = FloatVector.broadcast(F, w[j + 2]);
        FloatVector w3 = FloatVector.broadcast(F, w[j + 3]);
        FloatVector b0 = FloatVector.broadcast(F, b[j]);
        FloatVector b1 = FloatVector.broadcast(F, b[j + 1]);
        FloatVector b2 = FloatVector.broadcast(F, b[j + 2]);
        FloatVector b3 = FloatVector.broadcast(F, b[j + 3]);
        FloatVector zero = FloatVector.zero(F);
        FloatVector o0 = zero, o1 = zero, o2 = zero, o3 = zero;
        FloatVector p0 = zero, p1 = zero, p2 = zero, p3 = zero;
        int i = 0;
        for (; i + FL <= n; i += FL) {
            FloatVector xi = FloatVector.fromArray(F, x, i);
            FloatVector g = FloatVector.fromArray(F, work, i);
            FloatVector gx = FloatVector.fromArray(F, work, n + i);
            VectorMask<Float> m0 = xi.fma(w0, b0).compare(VectorOperators.GT, 0f);
            VectorMask<Float> m1 = xi.fma(w1, b1).compare(VectorOperators.GT, 0f);
            VectorMask<Float> m2 = xi.fma(w2, b2).compare(VectorOperators.GT, 0f);
            VectorMask<Float> m3 = xi.fma(w3, b3).compare(VectorOperators.GT, 0f);
            o0 = o0.add(g, m0);
            p0 = p0.add(gx, m0);
            o1 = o1.add(g, m1);
            p1 = p1.add(gx, m1);
            o2 = o2.add(g, m2);
            p2 = p2.add(gx, m2);
            o3 = o3.add(g, m3);
            p3 = p3.add(gx, m3);
        }
        float s10 = sum(o0), sx0 = sum(p0);
        float s11 = sum(o1), sx1 = sum(p1);
        float s12 = sum(o2), sx2 = sum(p2);
        float s13 = sum(o3), sx3 = sum(p3);
        for (; i < n; i++) {
            float xi = x[i];
            float g = work[i];
            float gx = work[n + i];
            if (Math.fma(w[j], xi, b[j]) > 0) {
                s10 += g;
                sx0 += gx;
            }
            if (Math.fma(w[j + 1], xi, b[j + 1]) > 0) {
                s11 += g;
                sx1 += gx;
            }
            if (Math.fma(w[j + 2], xi, b[j + 2]) > 0) {
                s12 += g;
                sx2 += gx;
            }
            if (Math.fma(w[j + 3], xi, b[j + 3]) > 0) {
                s13 += g;
                sx3 += gx;
            }
        }
        finishNeuron(w, b, v, j, s10, sx0, gw, gb, gv);
        finishNeuron(w, b, v, j + 1, s11, sx1, gw, gb, gv);
        finishNeuron(w, b, v, j + 2, s12, sx2, gw, gb, gv);
        finishNeuron(w, b, v, j + 3, s13, sx3, gw, gb, gv);
    }

    private static void gradients1(float[] x, float[] work, int n, float[] w, float[] b, float[] v, int j,
                                   float[] gw, float[] gb, float[] gv) {
        FloatVector wj = FloatVector.broadcast(F, w[j]);
        FloatVector bj = FloatVector.broadcast(F, b[j]);
        FloatVector o = FloatVector.zero(F);
        FloatVector p = o;
        int i = 0;
        for (; i + FL <= n; i += FL) {
            VectorMask<Float> m = FloatVector.fromArray(F, x, i).fma(wj, bj).compare(VectorOperators.GT, 0f);
            o = o.add(FloatVector.fromArray(F, work, i), m);
            p = p.add(FloatVector.fromArray(F, work, n + i), m);
        }
        float s1 = sum(o);
        float sx = sum(p);
        for (; i < n; i++) {
            if (Math.fma(w[j], x[i], b[j]) > 0) {
                s1 += work[i];
                sx += work[n + i];
            }
        }
        finishNeuron(w, b, v, j, s1, sx, gw, gb, gv);
    }

    private static void finishNeuron(float[] w, float[] b, float[] v, int j, float s1, float sx,
                                     float[] gw, float[] gb, float[] gv) {
        gw[j] = v[j] * sx;
        gb[j] = v[j] * s1;
        gv[j] = w[j] * sx + b[j] * s1;
    }

    // ---------------------------------------------------------------- d-D

    /*
     * Both d-D products are register-tiled: neurons in lanes, PANEL = 4 vectors of them per tile,
     * and ROWS points (forward) or input dimensions (backward) per tile, each a broadcast feeding
     * 4 fused multiply-adds. Weights, pre-activations and their gradients are kept in panels
     * (each PANEL neurons wide, contiguous), padded with zero neurons to a whole number of panels:
     * rows of a power-of-two number of neurons would otherwise fall into a few L1 sets and be
     * reloaded from L2 (measured: 2x). The hot loops are small methods with all vector
     * operations inline and plain stores at the end (see the 1-D notes).
     *
     * Work layout: packed weights ((d+1) kp), packed v (kp), pre-activations then D (n kp),
     * packed dL/dW ((d+1) kp), f then g (n), where kp = k rounded up to PANEL.
     */
    private static final int PANEL = 4 * DL;
    /** Tile height: 6 x 4 accumulators fit 32 registers (AVX-512); 2 x 4 fit 16 (AVX2, NEON). */
    private static final int ROWS = D.vectorBitSize() >= 512 ? 6 : 2;

    private static int padded(int k) {
        return (k + PANEL - 1) / PANEL * PANEL;
    }

    @Override
    public int workNd(int n, int d, int k) {
        int kp = padded(k);
        return 2 * (d + 1) * kp + kp + n * kp + n;
    }

    @Override
    public void forwardNd(double[] x, int n, int d, double[] wRows, double[] v, int k, double[] out, double[] work) {
        if (NARROW_DOUBLE) {
            ScalarKernels.INSTANCE.forwardNd(x, n, d, wRows, v, k, out, work);
            return;
        }
        int kp = padded(k);
        int vOff = (d + 1) * kp;
        int zOff = vOff + kp;
        pack(wRows, v, k, d, kp, work, vOff);
        preActivations(x, n, d, kp, work, zOff);
        outputs(n, kp, work, vOff, zOff, out, 0);
        double guard = Guards.parameters(wRows, k * (d + 1), v, k);
        for (int i = 0; i < n; i++) {
            out[i] = out[i] + Guards.row(x, i * d, d) + guard;
        }
    }

    /** Weights into panels (bias last in each panel), v padded; zero for the padding neurons. */
    private static void pack(double[] wRows, double[] v, int k, int d, int kp, double[] work, int vOff) {
        int stride = d + 1;
        for (int j = 0; j < kp; j++) {
            int panel = j / PANEL;
            int lane = j % PANEL;
            int base = panel * stride * PANEL + lane;
            for (int t = 0; t < stride; t++) {
                work[base + t * PANEL] = j < k ? wRows[j * stride + t] : 0.0;
            }
            work[vOff + j] = j < k ? v[j] : 0.0;
        }
    }

    private static void preActivations(double[] x, int n, int d, int kp, double[] work, int zOff) {
        int stride = d + 1;
        for (int panel = 0; panel < kp / PANEL; panel++) {
            int wOff = panel * stride * PANEL;
            int zp = zOff + panel * n * PANEL;
            int i = 0;
            if (ROWS == 6) {
                for (; i + 6 <= n; i += 6) {
                    forwardTile6(x, i, d, work, wOff, work, zp);
                }
            } else {
                for (; i + 2 <= n; i += 2) {
                    forwardTile2(x, i, d, work, wOff, work, zp);
                }
            }
            for (; i < n; i++) {
                forwardTile1(x, i, d, work, wOff, work, zp);
            }
        }
    }

    /** out[outOff + i] = sum_j v_j relu(z_ij) over the panels. */
    private static void outputs(int n, int kp, double[] work, int vOff, int zOff, double[] out, int outOff) {
        for (int i = 0; i < n; i++) {
            DoubleVector acc = DoubleVector.zero(D);
            for (int panel = 0; panel < kp / PANEL; panel++) {
                int zp = zOff + panel * n * PANEL + i * PANEL;
                for (int c = 0; c < PANEL; c += DL) {
                    DoubleVector z = DoubleVector.fromArray(D, work, zp + c);
                    DoubleVector relu = DoubleVector.zero(D).blend(z, z.compare(VectorOperators.GT, 0.0));
                    acc = relu.fma(DoubleVector.fromArray(D, work, vOff + panel * PANEL + c), acc);
                }
            }
            out[outOff + i] = sum(acc);
        }
    }

    /**
     * Forward with stored z, residual gradients g, then D_ij = g_i v_j 1[z_ij &gt; 0] in place of z
     * (dL/dv on the way, in the reference's order), then dL/dW = sum_i D_i [x_i; 1] tile by tile.
     */
    @Override
    public double lossGradNd(double[] x, double[] y, int n, int d, double[] wRows, double[] v, int k,
                             double[] gW, double[] gv, double[] work) {
        if (NARROW_DOUBLE) {
            return ScalarKernels.INSTANCE.lossGradNd(x, y, n, d, wRows, v, k, gW, gv, work);
        }
        int stride = d + 1;
        int kp = padded(k);
        int vOff = stride * kp;
        int zOff = vOff + kp;
        int gwOff = zOff + n * kp;
        int fOff = gwOff + stride * kp;
        pack(wRows, v, k, d, kp, work, vOff);
        preActivations(x, n, d, kp, work, zOff);
        outputs(n, kp, work, vOff, zOff, work, fOff);
        double guard = Guards.parameters(wRows, k * stride, v, k);
        double sse = 0;
        for (int i = 0; i < n; i++) {
            double r = (work[fOff + i] + Guards.row(x, i * d, d) + guard) - y[i];
            sse += r * r;
            work[fOff + i] = 2.0 * r / n;
        }
        // dL/dv accumulates in the packed-gradient area's first kp entries before that is used
        java.util.Arrays.fill(work, gwOff, gwOff + kp, 0.0);
        for (int panel = 0; panel < kp / PANEL; panel++) {
            int zp = zOff + panel * n * PANEL;
            for (int i = 0; i < n; i++) {
                double gi = work[fOff + i];
                for (int c = 0; c < PANEL; c += DL) {
                    int at = zp + i * PANEL + c;
                    DoubleVector z = DoubleVector.fromArray(D, work, at);
                    VectorMask<Double> active = z.compare(VectorOperators.GT, 0.0);
                    DoubleVector relu = DoubleVector.zero(D).blend(z, active);
                    int gvAt = gwOff + panel * PANEL + c;
                    DoubleVector.fromArray(D, work, gvAt).add(relu.mul(gi)).intoArray(work, gvAt);
                    DoubleVector.zero(D).blend(DoubleVector.fromArray(D, work, vOff + panel * PANEL + c).mul(gi), active)
                            .intoArray(work, at);
                }
            }
        }
        System.arraycopy(work, gwOff, gv, 0, k);
        for (int panel = 0; panel < kp / PANEL; panel++) {
            int dp = zOff + panel * n * PANEL;
            int gp = gwOff + panel * stride * PANEL;
            int t = 0;
            if (ROWS == 6) {
                for (; t + 6 <= d; t += 6) {
                    backwardTile6(x, n, d, t, work, dp, work, gp);
                }
            } else {
                for (; t + 2 <= d; t += 2) {
                    backwardTile2(x, n, d, t, work, dp, work, gp);
                }
            }
            for (; t < d; t++) {
                backwardTile1(x, n, d, t, work, dp, work, gp);
            }
            biasGradient(n, d, work, dp, gp);
        }
        for (int j = 0; j < k; j++) {
            int base = gwOff + (j / PANEL) * stride * PANEL + j % PANEL;
            for (int t = 0; t < stride; t++) {
                gW[j * stride + t] = work[base + t * PANEL];
            }
        }
        return sse / n;
    }

    /** The bias row of dL/dW for one panel: sum over points of D_i. */
    private static void biasGradient(int n, int d, double[] work, int dOff, int gOff) {
        DoubleVector a0 = DoubleVector.zero(D), a1 = a0, a2 = a0, a3 = a0;
        for (int i = 0, p = dOff; i < n; i++, p += PANEL) {
            a0 = a0.add(DoubleVector.fromArray(D, work, p));
            a1 = a1.add(DoubleVector.fromArray(D, work, p + DL));
            a2 = a2.add(DoubleVector.fromArray(D, work, p + 2 * DL));
            a3 = a3.add(DoubleVector.fromArray(D, work, p + 3 * DL));
        }
        int o = gOff + d * PANEL;
        a0.intoArray(work, o);
        a1.intoArray(work, o + DL);
        a2.intoArray(work, o + 2 * DL);
        a3.intoArray(work, o + 3 * DL);
    }

    /** Pre-activations of rows [i, i + 6) for one panel: bias, then fused multiply-adds in input order. */
    private static void forwardTile6(double[] x, int i, int d, double[] w, int wOff, double[] z, int zOff) {
        DoubleVector bias0 = DoubleVector.fromArray(D, w, wOff + d * PANEL + 0 * DL);
        DoubleVector bias1 = DoubleVector.fromArray(D, w, wOff + d * PANEL + 1 * DL);
        DoubleVector bias2 = DoubleVector.fromArray(D, w, wOff + d * PANEL + 2 * DL);
        DoubleVector bias3 = DoubleVector.fromArray(D, w, wOff + d * PANEL + 3 * DL);
        DoubleVector a00 = bias0, a01 = bias1, a02 = bias2, a03 = bias3;
        DoubleVector a10 = bias0, a11 = bias1, a12 = bias2, a13 = bias3;
        DoubleVector a20 = bias0, a21 = bias1, a22 = bias2, a23 = bias3;
        DoubleVector a30 = bias0, a31 = bias1, a32 = bias2, a33 = bias3;
        DoubleVector a40 = bias0, a41 = bias1, a42 = bias2, a43 = bias3;
        DoubleVector a50 = bias0, a51 = bias1, a52 = bias2, a53 = bias3;
        int x0 = i * d;
        for (int t = 0, p = wOff; t < d; t++, p += PANEL) {
            DoubleVector w0 = DoubleVector.fromArray(D, w, p + 0 * DL);
            DoubleVector w1 = DoubleVector.fromArray(D, w, p + 1 * DL);
            DoubleVector w2 = DoubleVector.fromArray(D, w, p + 2 * DL);
            DoubleVector w3 = DoubleVector.fromArray(D, w, p + 3 * DL);
            DoubleVector c0 = DoubleVector.broadcast(D, x[x0 + 0 * d + t]);
            a00 = w0.fma(c0, a00);
            a01 = w1.fma(c0, a01);
            a02 = w2.fma(c0, a02);
            a03 = w3.fma(c0, a03);
            DoubleVector c1 = DoubleVector.broadcast(D, x[x0 + 1 * d + t]);
            a10 = w0.fma(c1, a10);
            a11 = w1.fma(c1, a11);
            a12 = w2.fma(c1, a12);
            a13 = w3.fma(c1, a13);
            DoubleVector c2 = DoubleVector.broadcast(D, x[x0 + 2 * d + t]);
            a20 = w0.fma(c2, a20);
            a21 = w1.fma(c2, a21);
            a22 = w2.fma(c2, a22);
            a23 = w3.fma(c2, a23);
            DoubleVector c3 = DoubleVector.broadcast(D, x[x0 + 3 * d + t]);
            a30 = w0.fma(c3, a30);
            a31 = w1.fma(c3, a31);
            a32 = w2.fma(c3, a32);
            a33 = w3.fma(c3, a33);
            DoubleVector c4 = DoubleVector.broadcast(D, x[x0 + 4 * d + t]);
            a40 = w0.fma(c4, a40);
            a41 = w1.fma(c4, a41);
            a42 = w2.fma(c4, a42);
            a43 = w3.fma(c4, a43);
            DoubleVector c5 = DoubleVector.broadcast(D, x[x0 + 5 * d + t]);
            a50 = w0.fma(c5, a50);
            a51 = w1.fma(c5, a51);
            a52 = w2.fma(c5, a52);
            a53 = w3.fma(c5, a53);
        }
        int o = zOff + i * PANEL;
        a00.intoArray(z, o + 0 * DL);
        a01.intoArray(z, o + 1 * DL);
        a02.intoArray(z, o + 2 * DL);
        a03.intoArray(z, o + 3 * DL);
        a10.intoArray(z, o + 1 * PANEL + 0 * DL);
        a11.intoArray(z, o + 1 * PANEL + 1 * DL);
        a12.intoArray(z, o + 1 * PANEL + 2 * DL);
        a13.intoArray(z, o + 1 * PANEL + 3 * DL);
        a20.intoArray(z, o + 2 * PANEL + 0 * DL);
        a21.intoArray(z, o + 2 * PANEL + 1 * DL);
        a22.intoArray(z, o + 2 * PANEL + 2 * DL);
        a23.intoArray(z, o + 2 * PANEL + 3 * DL);
        a30.intoArray(z, o + 3 * PANEL + 0 * DL);
        a31.intoArray(z, o + 3 * PANEL + 1 * DL);
        a32.intoArray(z, o + 3 * PANEL + 2 * DL);
        a33.intoArray(z, o + 3 * PANEL + 3 * DL);
        a40.intoArray(z, o + 4 * PANEL + 0 * DL);
        a41.intoArray(z, o + 4 * PANEL + 1 * DL);
        a42.intoArray(z, o + 4 * PANEL + 2 * DL);
        a43.intoArray(z, o + 4 * PANEL + 3 * DL);
        a50.intoArray(z, o + 5 * PANEL + 0 * DL);
        a51.intoArray(z, o + 5 * PANEL + 1 * DL);
        a52.intoArray(z, o + 5 * PANEL + 2 * DL);
        a53.intoArray(z, o + 5 * PANEL + 3 * DL);
    }

    /** Pre-activations of rows [i, i + 2) for one panel: bias, then fused multiply-adds in input order. */
    private static void forwardTile2(double[] x, int i, int d, double[] w, int wOff, double[] z, int zOff) {
        DoubleVector bias0 = DoubleVector.fromArray(D, w, wOff + d * PANEL + 0 * DL);
        DoubleVector bias1 = DoubleVector.fromArray(D, w, wOff + d * PANEL + 1 * DL);
        DoubleVector bias2 = DoubleVector.fromArray(D, w, wOff + d * PANEL + 2 * DL);
        DoubleVector bias3 = DoubleVector.fromArray(D, w, wOff + d * PANEL + 3 * DL);
        DoubleVector a00 = bias0, a01 = bias1, a02 = bias2, a03 = bias3;
        DoubleVector a10 = bias0, a11 = bias1, a12 = bias2, a13 = bias3;
        int x0 = i * d;
        for (int t = 0, p = wOff; t < d; t++, p += PANEL) {
            DoubleVector w0 = DoubleVector.fromArray(D, w, p + 0 * DL);
            DoubleVector w1 = DoubleVector.fromArray(D, w, p + 1 * DL);
            DoubleVector w2 = DoubleVector.fromArray(D, w, p + 2 * DL);
            DoubleVector w3 = DoubleVector.fromArray(D, w, p + 3 * DL);
            DoubleVector c0 = DoubleVector.broadcast(D, x[x0 + 0 * d + t]);
            a00 = w0.fma(c0, a00);
            a01 = w1.fma(c0, a01);
            a02 = w2.fma(c0, a02);
            a03 = w3.fma(c0, a03);
            DoubleVector c1 = DoubleVector.broadcast(D, x[x0 + 1 * d + t]);
            a10 = w0.fma(c1, a10);
            a11 = w1.fma(c1, a11);
            a12 = w2.fma(c1, a12);
            a13 = w3.fma(c1, a13);
        }
        int o = zOff + i * PANEL;
        a00.intoArray(z, o + 0 * DL);
        a01.intoArray(z, o + 1 * DL);
        a02.intoArray(z, o + 2 * DL);
        a03.intoArray(z, o + 3 * DL);
        a10.intoArray(z, o + 1 * PANEL + 0 * DL);
        a11.intoArray(z, o + 1 * PANEL + 1 * DL);
        a12.intoArray(z, o + 1 * PANEL + 2 * DL);
        a13.intoArray(z, o + 1 * PANEL + 3 * DL);
    }

    /** Pre-activations of rows [i, i + 1) for one panel: bias, then fused multiply-adds in input order. */
    private static void forwardTile1(double[] x, int i, int d, double[] w, int wOff, double[] z, int zOff) {
        DoubleVector bias0 = DoubleVector.fromArray(D, w, wOff + d * PANEL + 0 * DL);
        DoubleVector bias1 = DoubleVector.fromArray(D, w, wOff + d * PANEL + 1 * DL);
        DoubleVector bias2 = DoubleVector.fromArray(D, w, wOff + d * PANEL + 2 * DL);
        DoubleVector bias3 = DoubleVector.fromArray(D, w, wOff + d * PANEL + 3 * DL);
        DoubleVector a00 = bias0, a01 = bias1, a02 = bias2, a03 = bias3;
        int x0 = i * d;
        for (int t = 0, p = wOff; t < d; t++, p += PANEL) {
            DoubleVector w0 = DoubleVector.fromArray(D, w, p + 0 * DL);
            DoubleVector w1 = DoubleVector.fromArray(D, w, p + 1 * DL);
            DoubleVector w2 = DoubleVector.fromArray(D, w, p + 2 * DL);
            DoubleVector w3 = DoubleVector.fromArray(D, w, p + 3 * DL);
            DoubleVector c0 = DoubleVector.broadcast(D, x[x0 + 0 * d + t]);
            a00 = w0.fma(c0, a00);
            a01 = w1.fma(c0, a01);
            a02 = w2.fma(c0, a02);
            a03 = w3.fma(c0, a03);
        }
        int o = zOff + i * PANEL;
        a00.intoArray(z, o + 0 * DL);
        a01.intoArray(z, o + 1 * DL);
        a02.intoArray(z, o + 2 * DL);
        a03.intoArray(z, o + 3 * DL);
    }

    /** dL/dW for input dimensions [t, t + 6) of one panel: sum over points of D_i x_it. */
    private static void backwardTile6(double[] x, int n, int d, int t, double[] dz, int dOff, double[] g, int gOff) {
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector a00 = zero, a01 = zero, a02 = zero, a03 = zero;
        DoubleVector a10 = zero, a11 = zero, a12 = zero, a13 = zero;
        DoubleVector a20 = zero, a21 = zero, a22 = zero, a23 = zero;
        DoubleVector a30 = zero, a31 = zero, a32 = zero, a33 = zero;
        DoubleVector a40 = zero, a41 = zero, a42 = zero, a43 = zero;
        DoubleVector a50 = zero, a51 = zero, a52 = zero, a53 = zero;
        for (int i = 0, p = dOff, q = t; i < n; i++, p += PANEL, q += d) {
            DoubleVector d0 = DoubleVector.fromArray(D, dz, p + 0 * DL);
            DoubleVector d1 = DoubleVector.fromArray(D, dz, p + 1 * DL);
            DoubleVector d2 = DoubleVector.fromArray(D, dz, p + 2 * DL);
            DoubleVector d3 = DoubleVector.fromArray(D, dz, p + 3 * DL);
            DoubleVector c0 = DoubleVector.broadcast(D, x[q + 0]);
            a00 = d0.fma(c0, a00);
            a01 = d1.fma(c0, a01);
            a02 = d2.fma(c0, a02);
            a03 = d3.fma(c0, a03);
            DoubleVector c1 = DoubleVector.broadcast(D, x[q + 1]);
            a10 = d0.fma(c1, a10);
            a11 = d1.fma(c1, a11);
            a12 = d2.fma(c1, a12);
            a13 = d3.fma(c1, a13);
            DoubleVector c2 = DoubleVector.broadcast(D, x[q + 2]);
            a20 = d0.fma(c2, a20);
            a21 = d1.fma(c2, a21);
            a22 = d2.fma(c2, a22);
            a23 = d3.fma(c2, a23);
            DoubleVector c3 = DoubleVector.broadcast(D, x[q + 3]);
            a30 = d0.fma(c3, a30);
            a31 = d1.fma(c3, a31);
            a32 = d2.fma(c3, a32);
            a33 = d3.fma(c3, a33);
            DoubleVector c4 = DoubleVector.broadcast(D, x[q + 4]);
            a40 = d0.fma(c4, a40);
            a41 = d1.fma(c4, a41);
            a42 = d2.fma(c4, a42);
            a43 = d3.fma(c4, a43);
            DoubleVector c5 = DoubleVector.broadcast(D, x[q + 5]);
            a50 = d0.fma(c5, a50);
            a51 = d1.fma(c5, a51);
            a52 = d2.fma(c5, a52);
            a53 = d3.fma(c5, a53);
        }
        int o = gOff + t * PANEL;
        a00.intoArray(g, o + 0 * PANEL + 0 * DL);
        a01.intoArray(g, o + 0 * PANEL + 1 * DL);
        a02.intoArray(g, o + 0 * PANEL + 2 * DL);
        a03.intoArray(g, o + 0 * PANEL + 3 * DL);
        a10.intoArray(g, o + 1 * PANEL + 0 * DL);
        a11.intoArray(g, o + 1 * PANEL + 1 * DL);
        a12.intoArray(g, o + 1 * PANEL + 2 * DL);
        a13.intoArray(g, o + 1 * PANEL + 3 * DL);
        a20.intoArray(g, o + 2 * PANEL + 0 * DL);
        a21.intoArray(g, o + 2 * PANEL + 1 * DL);
        a22.intoArray(g, o + 2 * PANEL + 2 * DL);
        a23.intoArray(g, o + 2 * PANEL + 3 * DL);
        a30.intoArray(g, o + 3 * PANEL + 0 * DL);
        a31.intoArray(g, o + 3 * PANEL + 1 * DL);
        a32.intoArray(g, o + 3 * PANEL + 2 * DL);
        a33.intoArray(g, o + 3 * PANEL + 3 * DL);
        a40.intoArray(g, o + 4 * PANEL + 0 * DL);
        a41.intoArray(g, o + 4 * PANEL + 1 * DL);
        a42.intoArray(g, o + 4 * PANEL + 2 * DL);
        a43.intoArray(g, o + 4 * PANEL + 3 * DL);
        a50.intoArray(g, o + 5 * PANEL + 0 * DL);
        a51.intoArray(g, o + 5 * PANEL + 1 * DL);
        a52.intoArray(g, o + 5 * PANEL + 2 * DL);
        a53.intoArray(g, o + 5 * PANEL + 3 * DL);
    }

    /** dL/dW for input dimensions [t, t + 2) of one panel: sum over points of D_i x_it. */
    private static void backwardTile2(double[] x, int n, int d, int t, double[] dz, int dOff, double[] g, int gOff) {
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector a00 = zero, a01 = zero, a02 = zero, a03 = zero;
        DoubleVector a10 = zero, a11 = zero, a12 = zero, a13 = zero;
        for (int i = 0, p = dOff, q = t; i < n; i++, p += PANEL, q += d) {
            DoubleVector d0 = DoubleVector.fromArray(D, dz, p + 0 * DL);
            DoubleVector d1 = DoubleVector.fromArray(D, dz, p + 1 * DL);
            DoubleVector d2 = DoubleVector.fromArray(D, dz, p + 2 * DL);
            DoubleVector d3 = DoubleVector.fromArray(D, dz, p + 3 * DL);
            DoubleVector c0 = DoubleVector.broadcast(D, x[q + 0]);
            a00 = d0.fma(c0, a00);
            a01 = d1.fma(c0, a01);
            a02 = d2.fma(c0, a02);
            a03 = d3.fma(c0, a03);
            DoubleVector c1 = DoubleVector.broadcast(D, x[q + 1]);
            a10 = d0.fma(c1, a10);
            a11 = d1.fma(c1, a11);
            a12 = d2.fma(c1, a12);
            a13 = d3.fma(c1, a13);
        }
        int o = gOff + t * PANEL;
        a00.intoArray(g, o + 0 * PANEL + 0 * DL);
        a01.intoArray(g, o + 0 * PANEL + 1 * DL);
        a02.intoArray(g, o + 0 * PANEL + 2 * DL);
        a03.intoArray(g, o + 0 * PANEL + 3 * DL);
        a10.intoArray(g, o + 1 * PANEL + 0 * DL);
        a11.intoArray(g, o + 1 * PANEL + 1 * DL);
        a12.intoArray(g, o + 1 * PANEL + 2 * DL);
        a13.intoArray(g, o + 1 * PANEL + 3 * DL);
    }

    /** dL/dW for input dimensions [t, t + 1) of one panel: sum over points of D_i x_it. */
    private static void backwardTile1(double[] x, int n, int d, int t, double[] dz, int dOff, double[] g, int gOff) {
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector a00 = zero, a01 = zero, a02 = zero, a03 = zero;
        for (int i = 0, p = dOff, q = t; i < n; i++, p += PANEL, q += d) {
            DoubleVector d0 = DoubleVector.fromArray(D, dz, p + 0 * DL);
            DoubleVector d1 = DoubleVector.fromArray(D, dz, p + 1 * DL);
            DoubleVector d2 = DoubleVector.fromArray(D, dz, p + 2 * DL);
            DoubleVector d3 = DoubleVector.fromArray(D, dz, p + 3 * DL);
            DoubleVector c0 = DoubleVector.broadcast(D, x[q + 0]);
            a00 = d0.fma(c0, a00);
            a01 = d1.fma(c0, a01);
            a02 = d2.fma(c0, a02);
            a03 = d3.fma(c0, a03);
        }
        int o = gOff + t * PANEL;
        a00.intoArray(g, o + 0 * PANEL + 0 * DL);
        a01.intoArray(g, o + 0 * PANEL + 1 * DL);
        a02.intoArray(g, o + 0 * PANEL + 2 * DL);
        a03.intoArray(g, o + 0 * PANEL + 3 * DL);
    }

    // ---------------------------------------------------------------- norms and counts

    @Override
    public double pathNorm(double[] v, double[] w, int k, int m, double p) {
        PowMath.checkExponent(p);
        if (m == 1) {
            return powSum(v, w, k, p);
        }
        double sum = 0;
        for (int j = 0; j < k; j++) {
            sum += powSumRow(v[j], w, j * m, m, p);
        }
        return sum;
    }

    /** sum_j |v_j w_j|^p over j &lt; k: the 1-D path norm, vectorized across neurons. */
    private static double powSum(double[] v, double[] w, int k, double p) {
        DoubleVector acc0 = DoubleVector.zero(D);
        DoubleVector acc1 = acc0;
        int j = 0;
        for (; j + 2 * DL <= k; j += 2 * DL) {
            DoubleVector q0 = DoubleVector.fromArray(D, v, j).mul(DoubleVector.fromArray(D, w, j)).abs();
            DoubleVector q1 = DoubleVector.fromArray(D, v, j + DL).mul(DoubleVector.fromArray(D, w, j + DL)).abs();
            acc0 = acc0.add(pow(q0, p));
            acc1 = acc1.add(pow(q1, p));
        }
        for (; j + DL <= k; j += DL) {
            acc0 = acc0.add(pow(DoubleVector.fromArray(D, v, j).mul(DoubleVector.fromArray(D, w, j)).abs(), p));
        }
        double sum = sum(acc0.add(acc1));
        for (; j < k; j++) {
            double q = Math.abs(v[j] * w[j]);
            sum += p == 1 ? q : PowMath.pow(q, p);
        }
        return sum;
    }

    /** sum_t |vj w[off + t]|^p over one neuron's row. */
    private static double powSumRow(double vj, double[] w, int off, int m, double p) {
        DoubleVector acc = DoubleVector.zero(D);
        int t = 0;
        for (; t + DL <= m; t += DL) {
            acc = acc.add(pow(DoubleVector.fromArray(D, w, off + t).mul(vj).abs(), p));
        }
        double sum = sum(acc);
        for (; t < m; t++) {
            double q = Math.abs(vj * w[off + t]);
            sum += p == 1 ? q : PowMath.pow(q, p);
        }
        return sum;
    }

    /** q^p = exp(p log q) for q &gt;= 0 (vector POW is not intrinsified below 512 bits); exact for p = 1. */
    private static DoubleVector pow(DoubleVector q, double p) {
        return p == 1 ? q : q.lanewise(VectorOperators.LOG).mul(p).lanewise(VectorOperators.EXP);
    }

    @Override
    public int countNonzero(double[] v, double[] w, int k, int m, double threshold) {
        int count = 0;
        if (m == 1) {
            int j = 0;
            for (; j + DL <= k; j += DL) {
                DoubleVector q = DoubleVector.fromArray(D, v, j).mul(DoubleVector.fromArray(D, w, j)).abs();
                count += q.compare(VectorOperators.GT, threshold).trueCount();
            }
            for (; j < k; j++) {
                if (Math.abs(v[j] * w[j]) > threshold) {
                    count++;
                }
            }
            return count;
        }
        for (int j = 0; j < k; j++) {
            count += countRow(v[j], w, j * m, m, threshold);
        }
        return count;
    }

    private static int countRow(double vj, double[] w, int off, int m, double threshold) {
        int count = 0;
        int t = 0;
        for (; t + DL <= m; t += DL) {
            count += DoubleVector.fromArray(D, w, off + t).mul(vj).abs().compare(VectorOperators.GT, threshold).trueCount();
        }
        for (; t < m; t++) {
            if (Math.abs(vj * w[off + t]) > threshold) {
                count++;
            }
        }
        return count;
    }

    @Override
    public int countActiveNeurons(double[] v, double[] w, int k, int m, double threshold) {
        if (m == 1) {
            return countNonzero(v, w, k, 1, threshold);
        }
        int count = 0;
        for (int j = 0; j < k; j++) {
            if (countRow(v[j], w, j * m, m, threshold) > 0) {
                count++;
            }
        }
        return count;
    }

    @Override
    public void products(double[] v, double[] w, int k, int m, double[] out) {
        if (m == 1) {
            int j = 0;
            for (; j + DL <= k; j += DL) {
                DoubleVector.fromArray(D, v, j).mul(DoubleVector.fromArray(D, w, j)).intoArray(out, j);
            }
            for (; j < k; j++) {
                out[j] = v[j] * w[j];
            }
            return;
        }
        for (int j = 0; j < k; j++) {
            double vj = v[j];
            int off = j * m;
            int t = 0;
            for (; t + DL <= m; t += DL) {
                DoubleVector.fromArray(D, w, off + t).mul(vj).intoArray(out, off + t);
            }
            for (; t < m; t++) {
                out[off + t] = vj * w[off + t];
            }
        }
    }

    // ---------------------------------------------------------------- optimizer steps

    @Override
    public void proxStep(double[] v, double[] w, double[] b, int k, int m, double[] qPrev, double lambdaLr, double p) {
        PowMath.checkExponent(p);
        double lp = lambdaLr * p;
        if (m == 1) {
            proxStep1d(v, w, b, k, qPrev, lp, p);
            return;
        }
        for (int j = 0; j < k; j++) {
            double vj = v[j];
            int row = j * m;
            DoubleVector acc = DoubleVector.zero(D);
            int t = 0;
            for (; t + DL <= m; t += DL) {
                DoubleVector u = softThreshold(DoubleVector.fromArray(D, w, row + t).mul(vj),
                        threshold(DoubleVector.fromArray(D, qPrev, row + t), lp, p));
                u.intoArray(w, row + t);
                acc = acc.add(u.mul(u));
            }
            double norm2 = sum(acc);
            for (; t < m; t++) {
                double u = PowMath.softThreshold(vj * w[row + t], PowMath.threshold(qPrev[row + t], lp, p));
                w[row + t] = u;
                norm2 += u * u;
            }
            double vAbs = Math.sqrt(Math.sqrt(norm2));
            if (vAbs == 0) {
                v[j] = 0;
                java.util.Arrays.fill(w, row, row + m, 0.0);
                continue;
            }
            double vNew = Math.copySign(vAbs, vj);
            t = 0;
            for (; t + DL <= m; t += DL) {
                DoubleVector.fromArray(D, w, row + t).div(vNew).intoArray(w, row + t);
            }
            for (; t < m; t++) {
                w[row + t] = w[row + t] / vNew;
            }
            v[j] = vNew;
        }
    }

    /** One product per neuron: vectorized across neurons; b is scaled with w (knots stay put). */
    private static void proxStep1d(double[] v, double[] w, double[] b, int k, double[] qPrev, double lp, double p) {
        int j = 0;
        for (; j + DL <= k; j += DL) {
            DoubleVector vj = DoubleVector.fromArray(D, v, j);
            DoubleVector wOld = DoubleVector.fromArray(D, w, j);
            DoubleVector u = softThreshold(vj.mul(wOld), threshold(DoubleVector.fromArray(D, qPrev, j), lp, p));
            DoubleVector vAbs = u.abs().sqrt();
            VectorMask<Double> dead = vAbs.compare(VectorOperators.EQ, 0.0);
            DoubleVector vNew = vAbs.blend(vAbs.neg(), vj.compare(VectorOperators.LT, 0.0));
            DoubleVector wNew = u.div(vNew);
            vNew.blend(0.0, dead).intoArray(v, j);
            wNew.blend(0.0, dead).intoArray(w, j);
            if (b != null) {
                DoubleVector.fromArray(D, b, j).mul(wNew.div(wOld)).blend(0.0, dead).intoArray(b, j);
            }
        }
        for (; j < k; j++) {
            double vj = v[j];
            double wOld = w[j];
            double u = PowMath.softThreshold(vj * wOld, PowMath.threshold(qPrev[j], lp, p));
            double vAbs = Math.sqrt(Math.abs(u));
            if (vAbs == 0) {
                v[j] = 0;
                w[j] = 0;
                if (b != null) {
                    b[j] = 0;
                }
                continue;
            }
            double vNew = Math.copySign(vAbs, vj);
            w[j] = u / vNew;
            v[j] = vNew;
            if (b != null) {
                b[j] = b[j] * (w[j] / wOld);
            }
        }
    }

    /** lp |qPrev|^(p-1), lanewise as {@link PowMath#threshold}. */
    private static DoubleVector threshold(DoubleVector qPrev, double lp, double p) {
        if (p == 1) {
            return DoubleVector.broadcast(D, lp);
        }
        DoubleVector t = qPrev.abs().lanewise(VectorOperators.LOG).mul(p - 1).lanewise(VectorOperators.EXP).mul(lp);
        // a zero product stays zero, also when lp = 0 (0 * Inf would be NaN): as PowMath.threshold
        return t.blend(DoubleVector.broadcast(D, Double.POSITIVE_INFINITY), qPrev.compare(VectorOperators.EQ, 0.0));
    }

    /** sign(q) max(|q| - t, 0), NaN kept, lanewise as {@link PowMath#softThreshold}. */
    private static DoubleVector softThreshold(DoubleVector q, DoubleVector t) {
        DoubleVector d = q.abs().sub(t);
        DoubleVector signed = d.blend(d.neg(), q.compare(VectorOperators.LT, 0.0));
        return signed.blend(0.0, d.compare(VectorOperators.LE, 0.0));
    }

    @Override
    public void adam(double[] param, double[] grad, double[] m1, double[] m2, int n,
                     double lr, double beta1, double beta2, double eps, double weightDecay, int step) {
        AdamMath co = new AdamMath(lr, beta1, beta2, weightDecay, step);
        int i = 0;
        for (; i + DL <= n; i += DL) {
            DoubleVector g = DoubleVector.fromArray(D, grad, i);
            DoubleVector p = DoubleVector.fromArray(D, param, i);
            if (weightDecay > 0) {
                p = p.mul(co.decay);
            }
            DoubleVector a = DoubleVector.fromArray(D, m1, i).mul(beta1).add(g.mul(co.oneMinusBeta1));
            a = a.blend(0.0, a.abs().compare(VectorOperators.LT, Double.MIN_NORMAL));
            DoubleVector s = DoubleVector.fromArray(D, m2, i).mul(beta2).add(g.mul(g).mul(co.oneMinusBeta2));
            s = s.blend(0.0, s.compare(VectorOperators.LT, Double.MIN_NORMAL));
            a.intoArray(m1, i);
            s.intoArray(m2, i);
            DoubleVector denom = s.sqrt().div(co.bc2Sqrt).add(eps);
            p.sub(a.div(denom).mul(co.stepSize)).intoArray(param, i);
        }
        for (; i < n; i++) {
            double g = grad[i];
            double p = weightDecay > 0 ? param[i] * co.decay : param[i];
            double a = AdamMath.flush(m1[i] * beta1 + g * co.oneMinusBeta1);
            double s = AdamMath.flush(m2[i] * beta2 + (g * g) * co.oneMinusBeta2);
            m1[i] = a;
            m2[i] = s;
            double denom = Math.sqrt(s) / co.bc2Sqrt + eps;
            param[i] = p - co.stepSize * (a / denom);
        }
    }
}
