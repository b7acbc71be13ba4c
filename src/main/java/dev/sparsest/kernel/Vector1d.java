package dev.sparsest.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

import static dev.sparsest.kernel.VectorLanes.D;
import static dev.sparsest.kernel.VectorLanes.DL;
import static dev.sparsest.kernel.VectorLanes.MASKED_RELU;
import static dev.sparsest.kernel.VectorLanes.NARROW_DOUBLE;
import static dev.sparsest.kernel.VectorLanes.sum;

/** The 1-D loss kernels on vectors: the dense forward pass and the fused loss and gradients. */
final class Vector1d implements Loss1dKernels {
    static final Vector1d INSTANCE = new Vector1d();

    private Vector1d() {
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
    public void forward(double[] x, int n, double[] w, double[] b, double[] v, int k, double a, double c, double[] out) {
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
        ScalarLoss1d.INSTANCE.forwardTail(x, done, n, w, b, v, k, a, c, guard, out);
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

    // ---------------------------------------------------------------- 1-D loss and gradients

    @Override
    public double lossGrad(double[] x, double[] y, int n, double[] w, double[] b, double[] v, int k, double a, double c,
                             double[] gw, double[] gb, double[] gv, double[] gSkip, double[] work) {
        if (NARROW_DOUBLE) {
            return ScalarLoss1d.INSTANCE.lossGrad(x, y, n, w, b, v, k, a, c, gw, gb, gv, gSkip, work);
        }
        forward(x, n, w, b, v, k, a, c, work);
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
}
