package dev.sparsest.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
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

    /** Called reflectively by the provider. */
    static Kernels create() {
        return new VectorKernels();
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

    @Override
    public void forward1d(double[] x, int n, double[] w, double[] b, double[] v, int k, double a, double c, double[] out) {
        double vw = 0;
        double vb = 0;
        for (int j = 0; j < k; j++) {
            vw += v[j] * w[j];
            vb += v[j] * b[j];
        }
        double slope = a + 0.5 * vw;
        double offset = c + 0.5 * vb;
        int i = 0;
        // four vectors of points at a time: each neuron's broadcasts are used four times
        for (int block = 4 * DL; i + block <= n; i += block) {
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
                DoubleVector hv = DoubleVector.broadcast(D, 0.5 * v[j]);
                s0 = x0.fma(wj, bj).abs().fma(hv, s0);
                s1 = x1.fma(wj, bj).abs().fma(hv, s1);
                s2 = x2.fma(wj, bj).abs().fma(hv, s2);
                s3 = x3.fma(wj, bj).abs().fma(hv, s3);
            }
            x0.fma(slope, offset).add(s0).intoArray(out, i);
            x1.fma(slope, offset).add(s1).intoArray(out, i + DL);
            x2.fma(slope, offset).add(s2).intoArray(out, i + 2 * DL);
            x3.fma(slope, offset).add(s3).intoArray(out, i + 3 * DL);
        }
        for (; i + DL <= n; i += DL) {
            DoubleVector x0 = DoubleVector.fromArray(D, x, i);
            DoubleVector s0 = DoubleVector.zero(D);
            for (int j = 0; j < k; j++) {
                s0 = x0.fma(w[j], b[j]).abs().fma(DoubleVector.broadcast(D, 0.5 * v[j]), s0);
            }
            x0.fma(slope, offset).add(s0).intoArray(out, i);
        }
        for (; i < n; i++) {
            double xi = x[i];
            double s = 0;
            for (int j = 0; j < k; j++) {
                s = Math.fma(Math.abs(Math.fma(w[j], xi, b[j])), 0.5 * v[j], s);
            }
            out[i] = Math.fma(xi, slope, offset) + s;
        }
    }

    @Override
    public void forward1d(float[] x, int n, float[] w, float[] b, float[] v, int k, float a, float c, float[] out) {
        float vw = 0;
        float vb = 0;
        for (int j = 0; j < k; j++) {
            vw += v[j] * w[j];
            vb += v[j] * b[j];
        }
        float slope = a + 0.5f * vw;
        float offset = c + 0.5f * vb;
        int i = 0;
        for (int block = 4 * FL; i + block <= n; i += block) {
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
                FloatVector hv = FloatVector.broadcast(F, 0.5f * v[j]);
                s0 = x0.fma(wj, bj).abs().fma(hv, s0);
                s1 = x1.fma(wj, bj).abs().fma(hv, s1);
                s2 = x2.fma(wj, bj).abs().fma(hv, s2);
                s3 = x3.fma(wj, bj).abs().fma(hv, s3);
            }
            x0.fma(slope, offset).add(s0).intoArray(out, i);
            x1.fma(slope, offset).add(s1).intoArray(out, i + FL);
            x2.fma(slope, offset).add(s2).intoArray(out, i + 2 * FL);
            x3.fma(slope, offset).add(s3).intoArray(out, i + 3 * FL);
        }
        for (; i + FL <= n; i += FL) {
            FloatVector x0 = FloatVector.fromArray(F, x, i);
            FloatVector s0 = FloatVector.zero(F);
            for (int j = 0; j < k; j++) {
                s0 = x0.fma(w[j], b[j]).abs().fma(FloatVector.broadcast(F, 0.5f * v[j]), s0);
            }
            x0.fma(slope, offset).add(s0).intoArray(out, i);
        }
        for (; i < n; i++) {
            float xi = x[i];
            float s = 0;
            for (int j = 0; j < k; j++) {
                s = Math.fma(Math.abs(Math.fma(w[j], xi, b[j])), 0.5f * v[j], s);
            }
            out[i] = Math.fma(xi, slope, offset) + s;
        }
    }

    // ---------------------------------------------------------------- 1-D loss and gradients

    @Override
    public double lossGrad1d(double[] x, double[] y, int n, double[] w, double[] b, double[] v, int k, double a, double c,
                             double[] gw, double[] gb, double[] gv, double[] gSkip, double[] work) {
        forward1d(x, n, w, b, v, k, a, c, work);
        double sse = 0;
        double ga = 0;
        double gc = 0;
        double scale = 2.0 / n;
        for (int i = 0; i < n; i++) {
            double r = work[i] - y[i];
            sse += r * r;
            double g = scale * r;
            work[i] = g;
            work[n + i] = g * x[i];
            ga += work[n + i];
            gc += g;
        }
        int j = 0;
        for (; j + 4 <= k; j += 4) {
            gradients4(x, work, n, w, b, v, j, gw, gb, gv);
        }
        for (; j < k; j++) {
            gradients1(x, work, n, w, b, v, j, gw, gb, gv);
        }
        gSkip[0] = ga;
        gSkip[1] = gc;
        return sse / n;
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
        double s10 = o0.reduceLanes(VectorOperators.ADD), sx0 = p0.reduceLanes(VectorOperators.ADD);
        double s11 = o1.reduceLanes(VectorOperators.ADD), sx1 = p1.reduceLanes(VectorOperators.ADD);
        double s12 = o2.reduceLanes(VectorOperators.ADD), sx2 = p2.reduceLanes(VectorOperators.ADD);
        double s13 = o3.reduceLanes(VectorOperators.ADD), sx3 = p3.reduceLanes(VectorOperators.ADD);
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
        double s1 = o.reduceLanes(VectorOperators.ADD);
        double sx = p.reduceLanes(VectorOperators.ADD);
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
        double sse = 0;
        float ga = 0;
        float gc = 0;
        float scale = 2.0f / n;
        for (int i = 0; i < n; i++) {
            float r = work[i] - y[i];
            sse += (double) r * r;
            float g = scale * r;
            work[i] = g;
            work[n + i] = g * x[i];
            ga += work[n + i];
            gc += g;
        }
        int j = 0;
        for (; j + 4 <= k; j += 4) {
            gradients4(x, work, n, w, b, v, j, gw, gb, gv);
        }
        for (; j < k; j++) {
            gradients1(x, work, n, w, b, v, j, gw, gb, gv);
        }
        gSkip[0] = ga;
        gSkip[1] = gc;
        return (float) (sse / n);
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
        float s10 = o0.reduceLanes(VectorOperators.ADD), sx0 = p0.reduceLanes(VectorOperators.ADD);
        float s11 = o1.reduceLanes(VectorOperators.ADD), sx1 = p1.reduceLanes(VectorOperators.ADD);
        float s12 = o2.reduceLanes(VectorOperators.ADD), sx2 = p2.reduceLanes(VectorOperators.ADD);
        float s13 = o3.reduceLanes(VectorOperators.ADD), sx3 = p3.reduceLanes(VectorOperators.ADD);
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
        float s1 = o.reduceLanes(VectorOperators.ADD);
        float sx = p.reduceLanes(VectorOperators.ADD);
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

    @Override
    public void forwardNd(double[] x, int n, int d, double[] wRows, double[] v, int k, double[] out, double[] work) {
        transpose(wRows, k, d + 1, work);
        java.util.Arrays.fill(out, 0, n, 0.0);
        preActivations(x, n, d, work, v, k, out, 0, null, 0);
    }

    /**
     * z_ij = W_j . [x_i; 1] from the transposed weights wt ((d+1) x k at offset 0, bias row last),
     * tiled as 4 points x 2 vectors of neurons: per input dimension, 4 broadcasts and 2 loads feed
     * 8 fused multiply-adds. Adds sum_j v_j relu(z_ij) to out[outOff + i]; stores z into
     * z[zOff + i k + j] when z is given. Each z is the bias followed by fused multiply-adds in
     * input order, as in the reference, so both decide z &gt; 0 identically.
     */
    private static void preActivations(double[] x, int n, int d, double[] wt, double[] v, int k,
                                       double[] out, int outOff, double[] z, int zOff) {
        int biasRow = d * k;
        int j = 0;
        for (; j + 2 * DL <= k; j += 2 * DL) {
            DoubleVector hv0 = DoubleVector.fromArray(D, v, j).mul(0.5);
            DoubleVector hv1 = DoubleVector.fromArray(D, v, j + DL).mul(0.5);
            DoubleVector bias0 = DoubleVector.fromArray(D, wt, biasRow + j);
            DoubleVector bias1 = DoubleVector.fromArray(D, wt, biasRow + j + DL);
            int i = 0;
            for (; i + 4 <= n; i += 4) {
                DoubleVector a00 = bias0, a01 = bias1, a10 = bias0, a11 = bias1;
                DoubleVector a20 = bias0, a21 = bias1, a30 = bias0, a31 = bias1;
                int x0 = i * d;
                for (int t = 0; t < d; t++) {
                    DoubleVector w0 = DoubleVector.fromArray(D, wt, t * k + j);
                    DoubleVector w1 = DoubleVector.fromArray(D, wt, t * k + j + DL);
                    DoubleVector c0 = DoubleVector.broadcast(D, x[x0 + t]);
                    DoubleVector c1 = DoubleVector.broadcast(D, x[x0 + d + t]);
                    DoubleVector c2 = DoubleVector.broadcast(D, x[x0 + 2 * d + t]);
                    DoubleVector c3 = DoubleVector.broadcast(D, x[x0 + 3 * d + t]);
                    a00 = w0.fma(c0, a00);
                    a01 = w1.fma(c0, a01);
                    a10 = w0.fma(c1, a10);
                    a11 = w1.fma(c1, a11);
                    a20 = w0.fma(c2, a20);
                    a21 = w1.fma(c2, a21);
                    a30 = w0.fma(c3, a30);
                    a31 = w1.fma(c3, a31);
                }
                out[outOff + i] += reluDot(a00, a01, hv0, hv1);
                out[outOff + i + 1] += reluDot(a10, a11, hv0, hv1);
                out[outOff + i + 2] += reluDot(a20, a21, hv0, hv1);
                out[outOff + i + 3] += reluDot(a30, a31, hv0, hv1);
                if (z != null) {
                    int r = zOff + i * k + j;
                    a00.intoArray(z, r);
                    a01.intoArray(z, r + DL);
                    a10.intoArray(z, r + k);
                    a11.intoArray(z, r + k + DL);
                    a20.intoArray(z, r + 2 * k);
                    a21.intoArray(z, r + 2 * k + DL);
                    a30.intoArray(z, r + 3 * k);
                    a31.intoArray(z, r + 3 * k + DL);
                }
            }
            for (; i < n; i++) {
                DoubleVector a0 = bias0, a1 = bias1;
                int x0 = i * d;
                for (int t = 0; t < d; t++) {
                    DoubleVector c0 = DoubleVector.broadcast(D, x[x0 + t]);
                    a0 = DoubleVector.fromArray(D, wt, t * k + j).fma(c0, a0);
                    a1 = DoubleVector.fromArray(D, wt, t * k + j + DL).fma(c0, a1);
                }
                out[outOff + i] += reluDot(a0, a1, hv0, hv1);
                if (z != null) {
                    a0.intoArray(z, zOff + i * k + j);
                    a1.intoArray(z, zOff + i * k + j + DL);
                }
            }
        }
        for (; j < k; j++) { // remaining neurons: scalar columns
            double hv = 0.5 * v[j];
            for (int i = 0; i < n; i++) {
                double zij = wt[biasRow + j];
                int x0 = i * d;
                for (int t = 0; t < d; t++) {
                    zij = Math.fma(wt[t * k + j], x[x0 + t], zij);
                }
                out[outOff + i] += hv * (zij + Math.abs(zij));
                if (z != null) {
                    z[zOff + i * k + j] = zij;
                }
            }
        }
    }

    private static double reluDot(DoubleVector z0, DoubleVector z1, DoubleVector hv0, DoubleVector hv1) {
        return z0.add(z0.abs()).mul(hv0).add(z1.add(z1.abs()).mul(hv1)).reduceLanes(VectorOperators.ADD);
    }

    /** dst (cols x rows, offset 0) = transpose of src (rows x cols). */
    private static void transpose(double[] src, int rows, int cols, double[] dst) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                dst[c * rows + r] = src[r * cols + c];
            }
        }
    }

    /**
     * Forward with stored z, residual gradients g, then D_ij = g_i v_j 1[z_ij &gt; 0] in place of z
     * (dL/dv on the way), then dL/dW^T = sum_i [x_i; 1] D_i as a second tiled product.
     * Work: wt ((d+1) k), dL/dW^T ((d+1) k), z then D (n k), f then g (n).
     */
    @Override
    public double lossGradNd(double[] x, double[] y, int n, int d, double[] wRows, double[] v, int k,
                             double[] gW, double[] gv, double[] work) {
        int stride = d + 1;
        int gwtOff = stride * k;
        int zOff = 2 * stride * k;
        int gOff = zOff + n * k;
        transpose(wRows, k, stride, work);
        java.util.Arrays.fill(work, gOff, gOff + n, 0.0);
        preActivations(x, n, d, work, v, k, work, gOff, work, zOff);
        double sse = 0;
        for (int i = 0; i < n; i++) {
            double r = work[gOff + i] - y[i];
            sse += r * r;
            work[gOff + i] = 2.0 * r / n;
        }
        java.util.Arrays.fill(gv, 0, k, 0.0);
        int jv = (k / DL) * DL;
        for (int i = 0; i < n; i++) {
            double gi = work[gOff + i];
            int row = zOff + i * k;
            int j = 0;
            for (; j < jv; j += DL) {
                DoubleVector zv = DoubleVector.fromArray(D, work, row + j);
                DoubleVector relu = zv.add(zv.abs()).mul(0.5);
                DoubleVector.fromArray(D, gv, j).add(relu.mul(gi)).intoArray(gv, j);
                DoubleVector dz = DoubleVector.fromArray(D, v, j).mul(gi);
                dz.blend(0.0, zv.compare(VectorOperators.GT, 0.0).not()).intoArray(work, row + j);
            }
            for (; j < k; j++) {
                double zij = work[row + j];
                gv[j] += gi * (0.5 * (zij + Math.abs(zij)));
                work[row + j] = zij > 0 ? gi * v[j] : 0.0;
            }
        }
        weightGradients(x, n, d, k, work, zOff, gwtOff);
        for (int j = 0; j < k; j++) {
            for (int t = 0; t < stride; t++) {
                gW[j * stride + t] = work[gwtOff + t * k + j];
            }
        }
        return sse / n;
    }

    /**
     * gwt[t k + j] = sum_i D_ij x_it for t &lt; d and sum_i D_ij for t = d, with D at dOff and the
     * result at gOff, both in work. Tiles of 4 input dimensions x 2 vectors of neurons.
     */
    private static void weightGradients(double[] x, int n, int d, int k, double[] work, int dOff, int gOff) {
        int j = 0;
        for (; j + 2 * DL <= k; j += 2 * DL) {
            int t = 0;
            for (; t + 4 <= d; t += 4) {
                DoubleVector zero = DoubleVector.zero(D);
                DoubleVector a00 = zero, a01 = zero, a10 = zero, a11 = zero;
                DoubleVector a20 = zero, a21 = zero, a30 = zero, a31 = zero;
                for (int i = 0; i < n; i++) {
                    int r = dOff + i * k + j;
                    DoubleVector d0 = DoubleVector.fromArray(D, work, r);
                    DoubleVector d1 = DoubleVector.fromArray(D, work, r + DL);
                    int x0 = i * d + t;
                    DoubleVector c0 = DoubleVector.broadcast(D, x[x0]);
                    DoubleVector c1 = DoubleVector.broadcast(D, x[x0 + 1]);
                    DoubleVector c2 = DoubleVector.broadcast(D, x[x0 + 2]);
                    DoubleVector c3 = DoubleVector.broadcast(D, x[x0 + 3]);
                    a00 = d0.fma(c0, a00);
                    a01 = d1.fma(c0, a01);
                    a10 = d0.fma(c1, a10);
                    a11 = d1.fma(c1, a11);
                    a20 = d0.fma(c2, a20);
                    a21 = d1.fma(c2, a21);
                    a30 = d0.fma(c3, a30);
                    a31 = d1.fma(c3, a31);
                }
                int o = gOff + t * k + j;
                a00.intoArray(work, o);
                a01.intoArray(work, o + DL);
                a10.intoArray(work, o + k);
                a11.intoArray(work, o + k + DL);
                a20.intoArray(work, o + 2 * k);
                a21.intoArray(work, o + 2 * k + DL);
                a30.intoArray(work, o + 3 * k);
                a31.intoArray(work, o + 3 * k + DL);
            }
            for (; t <= d; t++) { // remaining dimensions and the bias row (x = 1)
                DoubleVector a0 = DoubleVector.zero(D);
                DoubleVector a1 = a0;
                for (int i = 0; i < n; i++) {
                    int r = dOff + i * k + j;
                    if (t < d) {
                        DoubleVector c0 = DoubleVector.broadcast(D, x[i * d + t]);
                        a0 = DoubleVector.fromArray(D, work, r).fma(c0, a0);
                        a1 = DoubleVector.fromArray(D, work, r + DL).fma(c0, a1);
                    } else {
                        a0 = a0.add(DoubleVector.fromArray(D, work, r));
                        a1 = a1.add(DoubleVector.fromArray(D, work, r + DL));
                    }
                }
                a0.intoArray(work, gOff + t * k + j);
                a1.intoArray(work, gOff + t * k + j + DL);
            }
        }
        for (; j < k; j++) { // remaining neurons: scalar
            for (int t = 0; t <= d; t++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    double dij = work[dOff + i * k + j];
                    s = t < d ? Math.fma(dij, x[i * d + t], s) : s + dij;
                }
                work[gOff + t * k + j] = s;
            }
        }
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
        double sum = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
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
        double sum = acc.reduceLanes(VectorOperators.ADD);
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
            double norm2 = acc.reduceLanes(VectorOperators.ADD);
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
        return qPrev.abs().lanewise(VectorOperators.LOG).mul(p - 1).lanewise(VectorOperators.EXP).mul(lp);
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
            DoubleVector s = DoubleVector.fromArray(D, m2, i).mul(beta2).add(g.mul(g).mul(co.oneMinusBeta2));
            a.intoArray(m1, i);
            s.intoArray(m2, i);
            DoubleVector denom = s.sqrt().div(co.bc2Sqrt).add(eps);
            p.sub(a.div(denom).mul(co.stepSize)).intoArray(param, i);
        }
        for (; i < n; i++) {
            double g = grad[i];
            double p = weightDecay > 0 ? param[i] * co.decay : param[i];
            double a = m1[i] * beta1 + g * co.oneMinusBeta1;
            double s = m2[i] * beta2 + (g * g) * co.oneMinusBeta2;
            m1[i] = a;
            m2[i] = s;
            double denom = Math.sqrt(s) / co.bc2Sqrt + eps;
            param[i] = p - co.stepSize * (a / denom);
        }
    }
}
