package dev.sparsest.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

import static dev.sparsest.kernel.VectorLanes.F;
import static dev.sparsest.kernel.VectorLanes.FL;
import static dev.sparsest.kernel.VectorLanes.MASKED_RELU;
import static dev.sparsest.kernel.VectorLanes.sum;

/** The float 1-D kernels on vectors, as {@link Vector1d} in float (benchmark-facing: {@link Float1dKernels}). */
final class VectorFloat1d implements Float1dKernels {
    static final VectorFloat1d INSTANCE = new VectorFloat1d();

    private VectorFloat1d() {
    }

    @Override
    public void forward(float[] x, int n, float[] w, float[] b, float[] v, int k, float a, float c, float[] out) {
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
        ScalarFloat1d.INSTANCE.forwardTail(x, done, n, w, b, v, k, a, c, guard, out);
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

    @Override
    public float lossGrad(float[] x, float[] y, int n, float[] w, float[] b, float[] v, int k, float a, float c,
                            float[] gw, float[] gb, float[] gv, float[] gSkip, float[] work) {
        forward(x, n, w, b, v, k, a, c, work);
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
}
