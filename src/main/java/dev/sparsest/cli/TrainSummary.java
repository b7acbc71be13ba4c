package dev.sparsest.cli;

import dev.sparsest.json.JsonWriter;
import dev.sparsest.train.TrainConfig;
import dev.sparsest.train.TrainedMultivariate;

import java.nio.file.Path;
import java.util.Locale;

/** The settings and size of a d-D training run, as its JSON report opens. */
record TrainSummary(TrainConfig config, int points, int dimension, double seconds) {

    void fields(JsonWriter.Members o, Path data, double lambda, TrainedMultivariate t) {
        o.add("data", data.toString()).add("points", points).add("dimension", dimension)
                .add("model", config.model().name().toLowerCase(Locale.ROOT)).add("p", config.p()).add("width", config.width())
                .add("epochs", config.epochs()).add("seed", config.seed()).add("lambda", lambda)
                .add("parameters", t.nonzeroParameters()).add("neurons", t.activeNeurons())
                .add("trainRmse", Math.sqrt(t.mseAfterPolish())).add("seconds", seconds);
    }
}
