import dev.sparsest.data.CsvReader;
import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.model.MultivariateNetwork;
import dev.sparsest.train.LambdaGrid;
import dev.sparsest.train.LambdaSelection;
import dev.sparsest.train.TrainConfig;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The library's side of docs/EVIDENCE.md: on every dataset and split, reweighted l^p at each p,
 * lambda chosen by 5-fold cross-validation on the training rows (the defaults of `sparsest train`
 * except the width). Writes one CSV row per network of the path, with its held-out RMSE; the
 * chosen one is marked. Usage: Evidence DATA_DIR OUT.csv WIDTH SPLITS DATASET...
 */
public final class Evidence {
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int width = Integer.parseInt(args[2]);
        int splits = Integer.parseInt(args[3]);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1])))) {
            out.println("dataset,split,method,setting,parameters,neurons,test_rmse,chosen,seconds");
            for (int a = 4; a < args.length; a++) {
                String name = args[a];
                for (int s = 0; s < splits; s++) {
                    MultivariateDataset train = CsvReader.read(dir.resolve(name).resolve("split" + s + "_train.csv")).toMultivariateSamples();
                    MultivariateDataset test = CsvReader.read(dir.resolve(name).resolve("split" + s + "_test.csv")).toMultivariateSamples();
                    for (double p : new double[] {0.4, 0.7, 1.0}) {
                        long t0 = System.nanoTime();
                        LambdaSelection.Result r = new LambdaSelection(TrainConfig.defaults().withWidth(width).withP(p),
                                LambdaGrid.defaults(), 0).select(train, new LambdaSelection.CrossValidation(5));
                        double seconds = (System.nanoTime() - t0) / 1e9;
                        for (int i = 0; i < r.rows().size(); i++) {
                            LambdaSelection.Row row = r.rows().get(i);
                            out.printf(Locale.ROOT, "%s,%d,lp%s,%.6g,%d,%d,%.9g,%d,%.2f%n", name, s, p == 1.0 ? "1" : Double.toString(p),
                                    row.lambda(), row.full().nonzeroParameters(), row.full().activeNeurons(),
                                    rmse(row.full().network(), test), i == r.chosen() ? 1 : 0, seconds);
                        }
                        out.flush();
                        LambdaSelection.Row c = r.choice();
                        System.out.printf(Locale.ROOT, "%s split %d p %.1f: lambda %.3g, %d parameters, %d neurons, held-out RMSE %.4g (%.1f s)%n",
                                name, s, p, c.lambda(), c.full().nonzeroParameters(), c.full().activeNeurons(),
                                rmse(c.full().network(), test), seconds);
                    }
                }
            }
        }
    }

    private static double rmse(MultivariateNetwork f, MultivariateDataset data) {
        double sum = 0;
        for (int i = 0; i < data.size(); i++) {
            double e = f.evaluate(data.inputs(), i * data.dimension()) - data.y(i);
            sum += e * e;
        }
        return Math.sqrt(sum / data.size());
    }
}
