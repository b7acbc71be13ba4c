import dev.sparsest.kernel.KernelProvider;
import dev.sparsest.kernel.Kernels;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

import java.util.SplittableRandom;

/**
 * The d-D kernels timed against the peak FMA loop in the same rounds: the minimum over rounds of
 * 20 calls each, for shared machines whose speed drifts between minutes (minima are the stable
 * statistic there; JMH's medians there mix quiet and loaded minutes). Args: N d K rounds.
 * Run by paired.sh on two builds, alternated. Uses only the public kernel API, so it runs on both.
 */
public class NdKernelsPaired {
    static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    static double sink;

    /** 12 independent chains of 1000 vector FMAs, as PeakFmaBench. */
    static double peak(double[] seed) {
        DoubleVector m = DoubleVector.fromArray(D, seed, 0);
        DoubleVector c = DoubleVector.fromArray(D, seed, D.length());
        DoubleVector a0 = c, a1 = c, a2 = c, a3 = c, a4 = c, a5 = c;
        DoubleVector a6 = c, a7 = c, a8 = c, a9 = c, a10 = c, a11 = c;
        for (int i = 0; i < 1000; i++) {
            a0 = a0.fma(m, c);
            a1 = a1.fma(m, c);
            a2 = a2.fma(m, c);
            a3 = a3.fma(m, c);
            a4 = a4.fma(m, c);
            a5 = a5.fma(m, c);
            a6 = a6.fma(m, c);
            a7 = a7.fma(m, c);
            a8 = a8.fma(m, c);
            a9 = a9.fma(m, c);
            a10 = a10.fma(m, c);
            a11 = a11.fma(m, c);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11).lane(0);
    }

    static double[] uniform(SplittableRandom r, int n, double lo, double hi) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextDouble(lo, hi);
        }
        return a;
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int d = Integer.parseInt(args[1]);
        int k = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        Kernels kernels = KernelProvider.get();
        SplittableRandom r = new SplittableRandom(4);
        double[] x = uniform(r, n * d, -1, 1);
        double[] y = uniform(r, n, -1, 1);
        double[] w = uniform(r, k * (d + 1), -0.2, 0.2);
        double[] v = uniform(r, k, -1, 1);
        double[] gW = new double[w.length];
        double[] gv = new double[k];
        double[] out = new double[n];
        double[] work = new double[kernels.lossNd().work(n, d, k)];
        double[] seed = new double[2 * D.length()];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = i < D.length() ? 0.999999 : 1e-9;
        }
        long peakNs = Long.MAX_VALUE;
        long forwardNs = Long.MAX_VALUE;
        long lossGradNs = Long.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
            for (int rep = 0; rep < 200; rep++) {
                long t = System.nanoTime();
                sink += peak(seed);
                peakNs = Math.min(peakNs, System.nanoTime() - t);
            }
            for (int rep = 0; rep < 20; rep++) {
                long t = System.nanoTime();
                kernels.lossNd().forward(x, n, d, w, v, k, out, work);
                forwardNs = Math.min(forwardNs, System.nanoTime() - t);
            }
            for (int rep = 0; rep < 20; rep++) {
                long t = System.nanoTime();
                sink += kernels.lossNd().lossGrad(x, y, n, d, w, v, k, gW, gv, work);
                lossGradNs = Math.min(lossGradNs, System.nanoTime() - t);
            }
        }
        double peakRate = 12000.0 * D.length() / peakNs; // lane-FMAs per ns
        double fmas = (double) n * d * k;
        System.out.printf("%s peak %.2f GFMA/s | forward %.2f us %.1f%% | lossGrad %.2f us %.1f%%%n", kernels.name(),
                peakRate, forwardNs / 1e3, 100 * fmas / forwardNs / peakRate, lossGradNs / 1e3,
                100 * 2 * fmas / lossGradNs / peakRate);
    }
}
