import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.exact.multivariate.L0Certificate;
import dev.sparsest.exact.multivariate.L0Search;
import dev.sparsest.model.MultivariateModel;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The exact l0 search on Gaussian data (inputs and labels N(0, 1), seeded), as in Lee and
 * Linderoth's grid: one CSV row per instance with the bounds and the time. Usage:
 * L0Table N_LIST D_LIST SEEDS TIME_LIMIT_S [paper|affine], lists comma-separated.
 */
public class L0Table {
    public static void main(String[] args) {
        int[] ns = ints(args[0]);
        int[] ds = ints(args[1]);
        int seeds = Integer.parseInt(args[2]);
        double limit = Double.parseDouble(args[3]);
        MultivariateModel model = args.length > 4 && args[4].equals("affine") ? MultivariateModel.AFFINE : MultivariateModel.PAPER;
        System.out.println("n,d,seed,model,parameters,neurons,lower_bound,proved,seconds,source,shapes,nodes");
        for (int d : ds) {
            for (int n : ns) {
                for (int seed = 0; seed < seeds; seed++) {
                    SplittableRandom r = new SplittableRandom(1000L * d + 10L * n + seed);
                    double[][] x = new double[n][d];
                    double[] y = new double[n];
                    for (int i = 0; i < n; i++) {
                        for (int t = 0; t < d; t++) {
                            x[i][t] = r.nextGaussian();
                        }
                        y[i] = r.nextGaussian();
                    }
                    L0Certificate c = L0Search.of(MultivariateDataset.of(x, y), model).solve(limit, null, null);
                    System.out.printf(Locale.ROOT, "%d,%d,%d,%s,%d,%d,%d,%b,%.3f,%s,%d,%d%n", n, d, seed,
                            model.name().toLowerCase(Locale.ROOT), c.parameters(), c.neurons(), c.lowerBound(), c.proved(),
                            c.seconds(), c.incumbentSource(), c.shapes(), c.nodes());
                }
            }
        }
    }

    private static int[] ints(String list) {
        String[] parts = list.split(",");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Integer.parseInt(parts[i].trim());
        }
        return out;
    }
}
