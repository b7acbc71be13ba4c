package dev.sparsest.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

import static dev.sparsest.kernel.VectorLanes.D;
import static dev.sparsest.kernel.VectorLanes.DL;
import static dev.sparsest.kernel.VectorLanes.NARROW_DOUBLE;
import static dev.sparsest.kernel.VectorLanes.sum;

/** The d-D kernels on vectors: packed weights and register-tiled forward and backward passes. */
final class VectorNd implements LossNdKernels {
    /** Four-vector panels where there are 32 vector registers (AVX-512), two elsewhere. */
    static final VectorNd INSTANCE = new VectorNd(D.vectorBitSize() >= 512);

    private final boolean widePanels;
    private final int panelWidth;
    /** Points per backward chunk: its D rows (chunk x panel doubles) fit L1 beside the packed inputs. */
    private final int chunkPoints;
    /** The backward tile heights: the main one, then the middle one for what is left, then one. */
    private final int mainRows;
    private final int middleRows;

    private VectorNd(boolean widePanels) {
        this.widePanels = widePanels;
        this.panelWidth = widePanels ? PanelTiles4.PANEL : PanelTiles2.PANEL;
        this.chunkPoints = widePanels ? 64 : 128;
        this.mainRows = widePanels ? 6 : 5;
        this.middleRows = widePanels ? 2 : 3;
    }

    /** The kernels with the given panels whatever the width: tests run both tile families here. */
    static VectorNd withPanels(boolean wide) {
        return new VectorNd(wide);
    }

    // ---------------------------------------------------------------- d-D

    /*
     * Both d-D products are register-tiled: neurons in lanes, a panel of vectors of them per tile,
     * and rows of points (forward) or input dimensions (backward) per tile, each a broadcast
     * feeding one fused multiply-add per panel vector. The panel is four vectors where there are 32
     * vector registers (PanelTiles4) and two where there are 16 (PanelTiles2: tiles whose
     * accumulators C2 keeps in registers; PERF.md, "d-D kernels on AVX2"). Weights,
     * pre-activations and their gradients are kept in panels (contiguous), padded with zero
     * neurons to a whole number of panels: rows of a power-of-two number of neurons would
     * otherwise fall into a few L1 sets and be reloaded from L2 (measured: 2x). The hot loops are
     * small methods with all vector operations inline and plain stores at the end.
     *
     * The forward tiles also add their rows' v-weighted ReLUs into per-point partial outputs, and
     * the D pass keeps dL/dv and the bias row of dL/dW in registers, so the n x K pre-activations
     * are read once after they are written. The backward product runs over chunks of points: each
     * chunk's inputs packed tile by tile (the rows a tile broadcasts, contiguous per point), its D
     * rows staying in L1 while every tile of the panel passes over them; the sums carry over from
     * chunk to chunk in memory, so each is still taken over the points in order.
     *
     * Work layout: packed weights ((d+1) kp), packed v (kp), pre-activations then D (n kp),
     * packed dL/dW ((d+1) kp), f then g (n), one chunk of packed inputs (min(n, chunk) d), the
     * partial outputs (n DL), where kp = k rounded up to the panel width.
     */
    private int padded(int k) {
        return (k + panelWidth - 1) / panelWidth * panelWidth;
    }

    @Override
    public int work(int n, int d, int k) {
        int kp = padded(k);
        return partials(n, d, kp) + n * DL;
    }

    /** After the packed weights, v, pre-activations and packed dL/dW: the f-then-g area. */
    @Override
    public int residualGradients(int n, int d, int k) {
        if (NARROW_DOUBLE) {
            return ScalarLossNd.INSTANCE.residualGradients(n, d, k);
        }
        int kp = padded(k);
        return 2 * (d + 1) * kp + kp + n * kp;
    }

    @Override
    public void forward(double[] x, int n, int d, double[] wRows, double[] v, int k, double[] out, double[] work) {
        if (NARROW_DOUBLE) {
            ScalarLossNd.INSTANCE.forward(x, n, d, wRows, v, k, out, work);
            return;
        }
        int kp = padded(k);
        int vOff = (d + 1) * kp;
        int zOff = vOff + kp;
        int partOff = partials(n, d, kp);
        pack(wRows, v, k, d, kp, work, vOff);
        preActivations(x, n, d, kp, work, zOff, vOff, partOff);
        outputs(n, work, partOff, out, 0);
        double guard = Guards.parameters(wRows, k * (d + 1), v, k);
        for (int i = 0; i < n; i++) {
            out[i] = out[i] + Guards.row(x, i * d, d) + guard;
        }
    }

    /** Weights into panels (bias last in each panel), v padded; zero for the padding neurons. */
    private void pack(double[] wRows, double[] v, int k, int d, int kp, double[] work, int vOff) {
        int stride = d + 1;
        for (int j = 0; j < kp; j++) {
            int panel = j / panelWidth;
            int lane = j % panelWidth;
            int base = panel * stride * panelWidth + lane;
            for (int t = 0; t < stride; t++) {
                work[base + t * panelWidth] = j < k ? wRows[j * stride + t] : 0.0;
            }
            work[vOff + j] = j < k ? v[j] : 0.0;
        }
    }

    /**
     * Pre-activations of every panel into work[zOff ...] and, on the way, each point's output as a
     * vector of partial sums (panel after panel, lane by lane: the order the outputs always had).
     */
    private void preActivations(double[] x, int n, int d, int kp, double[] work, int zOff, int vOff, int partOff) {
        int stride = d + 1;
        java.util.Arrays.fill(work, partOff, partOff + n * DL, 0.0);
        for (int panel = 0; panel < kp / panelWidth; panel++) {
            int wOff = panel * stride * panelWidth;
            int zp = zOff + panel * n * panelWidth;
            int vAt = vOff + panel * panelWidth;
            if (widePanels) {
                forwardPanel4(x, n, d, work, wOff, zp, vAt, partOff);
            } else {
                forwardPanel2(x, n, d, work, wOff, zp, vAt, partOff);
            }
        }
    }

    private void forwardPanel4(double[] x, int n, int d, double[] work, int wOff, int zp, int vAt, int partOff) {
        int i = 0;
        for (; i + 6 <= n; i += 6) {
            PanelTiles4.forward6(x, i, d, work, wOff, zp, vAt, partOff);
        }
        for (; i + 2 <= n; i += 2) {
            PanelTiles4.forward2(x, i, d, work, wOff, zp, vAt, partOff);
        }
        for (; i < n; i++) {
            PanelTiles4.forward1(x, i, d, work, wOff, zp, vAt, partOff);
        }
    }

    private void forwardPanel2(double[] x, int n, int d, double[] work, int wOff, int zp, int vAt, int partOff) {
        int i = 0;
        for (; i + 6 <= n; i += 6) {
            PanelTiles2.forward6(x, i, d, work, wOff, zp, vAt, partOff);
        }
        for (; i + 3 <= n; i += 3) {
            PanelTiles2.forward3(x, i, d, work, wOff, zp, vAt, partOff);
        }
        for (; i < n; i++) {
            PanelTiles2.forward1(x, i, d, work, wOff, zp, vAt, partOff);
        }
    }

    /** out[outOff + i] = sum_j v_j relu(z_ij): the lanes of each point's partial sums, in a fixed order. */
    private static void outputs(int n, double[] work, int partOff, double[] out, int outOff) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = sum(DoubleVector.fromArray(D, work, partOff + i * DL));
        }
    }

    /** Where the partial outputs start in the work array (the last area). */
    private int partials(int n, int d, int kp) {
        return 2 * (d + 1) * kp + kp + n * kp + n + Math.min(n, chunkPoints) * d;
    }

    /**
     * Forward with stored z, residual gradients g, then D_ij = g_i v_j 1[z_ij &gt; 0] in place of z
     * (dL/dv on the way, in the reference's order), then dL/dW = sum_i D_i [x_i; 1] tile by tile.
     */
    @Override
    public double lossGrad(double[] x, double[] y, int n, int d, double[] wRows, double[] v, int k,
                             double[] gW, double[] gv, double[] work) {
        if (NARROW_DOUBLE) {
            return ScalarLossNd.INSTANCE.lossGrad(x, y, n, d, wRows, v, k, gW, gv, work);
        }
        int stride = d + 1;
        int kp = padded(k);
        int vOff = stride * kp;
        int zOff = vOff + kp;
        int gwOff = zOff + n * kp;
        int fOff = gwOff + stride * kp;
        int partOff = partials(n, d, kp);
        pack(wRows, v, k, d, kp, work, vOff);
        preActivations(x, n, d, kp, work, zOff, vOff, partOff);
        outputs(n, work, partOff, work, fOff);
        double guard = Guards.parameters(wRows, k * stride, v, k);
        double sse = 0;
        for (int i = 0; i < n; i++) {
            double r = (work[fOff + i] + Guards.row(x, i * d, d) + guard) - y[i];
            sse += r * r;
            work[fOff + i] = 2.0 * r / n;
        }
        for (int panel = 0; panel < kp / panelWidth; panel++) {
            activeGradients(n, k, panel, work, vOff, zOff + panel * n * panelWidth, fOff,
                    gwOff + panel * stride * panelWidth + d * panelWidth, gv);
        }
        int xpOff = fOff + n;
        for (int i0 = 0; i0 < n; i0 += chunkPoints) {
            int m = Math.min(chunkPoints, n - i0);
            packInputs(x, i0, m, d, work, xpOff);
            for (int panel = 0; panel < kp / panelWidth; panel++) {
                int dp = zOff + (panel * n + i0) * panelWidth;
                int gp = gwOff + panel * stride * panelWidth;
                if (widePanels) {
                    backwardPanel4(work, xpOff, m, d, dp, gp, i0 == 0);
                } else {
                    backwardPanel2(work, xpOff, m, d, dp, gp, i0 == 0);
                }
            }
        }
        for (int j = 0; j < k; j++) {
            int base = gwOff + (j / panelWidth) * stride * panelWidth + j % panelWidth;
            for (int t = 0; t < stride; t++) {
                gW[j * stride + t] = work[base + t * panelWidth];
            }
        }
        return sse / n;
    }

    /** Rows of the backward tile that starts at input dimension t: as backwardPanel2/4 place them. */
    private int tileRows(int t, int d) {
        return t + mainRows <= d ? mainRows : t + middleRows <= d ? middleRows : 1;
    }

    /** Inputs of points [i0, i0 + m) packed for the backward tiles: xp[m t + i rows + r] = x[i0 + i][t + r]. */
    private void packInputs(double[] x, int i0, int m, int d, double[] work, int xpOff) {
        for (int i = 0; i < m; i++) {
            int row = (i0 + i) * d;
            for (int t = 0, rows; t < d; t += rows) {
                rows = tileRows(t, d);
                int at = xpOff + m * t + i * rows;
                for (int r = 0; r < rows; r++) {
                    work[at + r] = x[row + t + r];
                }
            }
        }
    }

    /** One chunk of m points into one panel's dL/dW, tile by tile over the input dimensions. */
    private void backwardPanel4(double[] work, int xpOff, int m, int d, int dp, int gp, boolean first) {
        int t = 0;
        for (; t + 6 <= d; t += 6) {
            PanelTiles4.backward6(work, xpOff + m * t, m, work, dp, work, gp + t * panelWidth, first);
        }
        for (; t + 2 <= d; t += 2) {
            PanelTiles4.backward2(work, xpOff + m * t, m, work, dp, work, gp + t * panelWidth, first);
        }
        for (; t < d; t++) {
            PanelTiles4.backward1(work, xpOff + m * t, m, work, dp, work, gp + t * panelWidth, first);
        }
    }

    private void backwardPanel2(double[] work, int xpOff, int m, int d, int dp, int gp, boolean first) {
        int t = 0;
        for (; t + 5 <= d; t += 5) {
            PanelTiles2.backward5(work, xpOff + m * t, m, work, dp, work, gp + t * panelWidth, first);
        }
        for (; t + 3 <= d; t += 3) {
            PanelTiles2.backward3(work, xpOff + m * t, m, work, dp, work, gp + t * panelWidth, first);
        }
        for (; t < d; t++) {
            PanelTiles2.backward1(work, xpOff + m * t, m, work, dp, work, gp + t * panelWidth, first);
        }
    }

    /**
     * One panel's D_ij = g_i v_j 1[z_ij &gt; 0], written over z, with dL/dv_j = sum_i g_i relu(z_ij)
     * and the bias row of dL/dW, sum_i D_ij, kept in registers (two vectors of the panel at a
     * time: four independent sums) and summed over points in order, as the reference does.
     */
    private void activeGradients(int n, int k, int panel, double[] work, int vOff, int zp, int gOff,
                                        int biasAt, double[] gv) {
        DoubleVector zero = DoubleVector.zero(D);
        for (int c = 0; c < panelWidth; c += 2 * DL) {
            DoubleVector v0 = DoubleVector.fromArray(D, work, vOff + panel * panelWidth + c);
            DoubleVector v1 = DoubleVector.fromArray(D, work, vOff + panel * panelWidth + c + DL);
            DoubleVector gv0 = zero, gv1 = zero, gb0 = zero, gb1 = zero;
            for (int i = 0, at = zp + c; i < n; i++, at += panelWidth) {
                double gi = work[gOff + i];
                DoubleVector z0 = DoubleVector.fromArray(D, work, at);
                DoubleVector z1 = DoubleVector.fromArray(D, work, at + DL);
                VectorMask<Double> on0 = z0.compare(VectorOperators.GT, 0.0);
                VectorMask<Double> on1 = z1.compare(VectorOperators.GT, 0.0);
                gv0 = gv0.add(zero.blend(z0, on0).mul(gi));
                gv1 = gv1.add(zero.blend(z1, on1).mul(gi));
                DoubleVector d0 = zero.blend(v0.mul(gi), on0);
                DoubleVector d1 = zero.blend(v1.mul(gi), on1);
                d0.intoArray(work, at);
                d1.intoArray(work, at + DL);
                gb0 = gb0.add(d0);
                gb1 = gb1.add(d1);
            }
            gb0.intoArray(work, biasAt + c);
            gb1.intoArray(work, biasAt + c + DL);
            storeNeurons(gv0, gv, panel * panelWidth + c, k);
            storeNeurons(gv1, gv, panel * panelWidth + c + DL, k);
        }
    }

    /** The lanes of a vector that hold real neurons (index below k) into out[j ...]. */
    private static void storeNeurons(DoubleVector a, double[] out, int j, int k) {
        if (j + DL <= k) {
            a.intoArray(out, j);
        } else {
            for (int l = 0; j + l < k; l++) {
                out[j + l] = a.lane(l);
            }
        }
    }
}
