package dev.sparsest.train;

import dev.sparsest.model.MultivariateModel;
import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.exact.multivariate.ShapeExchange;
import dev.sparsest.kernel.KernelProvider;
import dev.sparsest.kernel.Kernels;
import dev.sparsest.model.MultivariateNetwork;
import dev.sparsest.model.Standardization;
import dev.sparsest.postprocess.MultivariatePolish;

/**
 * Trains a d-D network at one lambda ({@link MultivariateFit}) and post-processes it: products at
 * or below the threshold pruned, then {@link MultivariatePolish}; an interpolating network of the
 * paper's model on small data then goes through {@link ShapeExchange}, which trades neurons for
 * cheaper ones in other activation patterns. The affine model (the default,
 * {@link MultivariateModel}) trains on standardized data, the l^p objective stated in those units,
 * and is mapped back exactly ({@link Standardization}); the paper's model trains on the raw data.
 * Bitwise reproducible from the seed for a thread count, as {@link UnivariateTrainer}.
 * {@link LambdaSelection} chooses lambda for the user.
 */
public final class MultivariateTrainer {
    /** Default |v w| above which a parameter counts as nonzero (the paper's d-D threshold). */
    public static final double ACTIVE_THRESHOLD = 1e-6;

    private final TrainConfig config;
    private final Kernels kernels;

    public MultivariateTrainer(TrainConfig config) {
        this(config, KernelProvider.get());
    }

    /**
     * Refuses the settings this trainer does not honour (restarts of the affine model; the 1-D map to [-1, 1], which
     * the affine model's standardization replaces), naming them, rather than ignoring them; knot
     * merging is a 1-D notion and has no effect here.
     */
    public MultivariateTrainer(TrainConfig config, Kernels kernels) {
        if (config.restarts() > 1 && config.model() != MultivariateModel.PAPER) {
            throw new IllegalArgumentException("restarts (" + config.restarts() + ") apply to interpolation (1-D, and the "
                    + "d-D paper model): for the affine model, lambda selection (LambdaSelection) trains a path per fold "
                    + "instead; train once per seed to compare seeds");
        }
        if (config.normalize()) {
            throw new IllegalArgumentException("normalization to [-1, 1] is 1-D only: the d-D affine model standardizes "
                    + "inputs and target itself (the paper's model trains on raw data)");
        }
        this.config = config;
        this.kernels = kernels;
    }

    public TrainedMultivariate train(MultivariateDataset data) {
        return train(data, TrainListener.none());
    }

    /**
     * Trains {@link TrainConfig#restarts()} times (seeds seed, seed + 1, ...; the paper's model
     * only) and returns the best run: interpolating (MSE at most 1e-24 max y^2) before not, then
     * fewer nonzero parameters, then the lower MSE. The listener sees the epochs of all runs
     * counted on (run r reports r * epochs + e).
     */
    public TrainedMultivariate train(MultivariateDataset data, TrainListener listener) {
        data.requireTwoPoints();
        Units units = Units.of(data, config.model());
        double floor = 1e-24 * maxSquare(data.targets());
        TrainedMultivariate best = null;
        for (int r = 0; r < config.restarts() && (r == 0 || !listener.stopRequested()); r++) {
            MultivariateState start = MultivariateState.initial(config.seed() + r, config.width(), units.trained(), units.affine());
            History history = History.forEpochs(config.epochs());
            MultivariateState end = run(config, units, start, history, listener.countingFrom((long) r * config.epochs()));
            TrainedMultivariate t = finish(units, end, history);
            if (best == null || isBetter(t, best, floor)) {
                best = t;
            }
        }
        return best;
    }

    private static boolean isBetter(TrainedMultivariate a, TrainedMultivariate b, double floor) {
        boolean fits = a.mseAfterPolish() <= floor;
        if (fits != (b.mseAfterPolish() <= floor)) {
            return fits;
        }
        if (a.nonzeroParameters() != b.nonzeroParameters()) {
            return a.nonzeroParameters() < b.nonzeroParameters();
        }
        return a.mseAfterPolish() < b.mseAfterPolish();
    }

    private static double maxSquare(double[] y) {
        double m = 0;
        for (double e : y) {
            m = Math.max(m, e * e);
        }
        return m;
    }

    /** One run in the units' training space; a divergence reports its last network in raw units. */
    MultivariateState run(TrainConfig settings, Units units, MultivariateState start, History history, TrainListener listener) {
        try {
            return MultivariateFit.run(settings, kernels, threshold(), units.trained(), start, history, listener);
        } catch (TrainingDivergedException e) {
            MultivariateNetwork last = Representable.check(() -> units.toRaw(e.lastMultivariate().orElseThrow()));
            throw new TrainingDivergedException(e.epoch(), e.loss(), null, last);
        }
    }

    TrainConfig config() {
        return config;
    }

    double threshold() {
        return config.activeThreshold(ACTIVE_THRESHOLD);
    }

    /** Pruned and polished in the training units, reported in raw units. */
    TrainedMultivariate finish(Units units, MultivariateState end, History history) {
        MultivariateDataset z = units.trained();
        return Representable.check(() -> {
            MultivariateNetwork raw = end.network();
            MultivariateNetwork pruned = MultivariateFit.prune(raw, threshold());
            MultivariateNetwork polished = MultivariatePolish.polish(pruned, z, config.p());
            if (!units.affine()) {
                polished = exchanged(polished, z);
            }
            if (units.affine()) {
                // the polish can leave products (and affine coefficients) at rounding level: in regression no
                // interpolation hangs on them, so they go, and the raw count below matches the active neurons
                polished = MultivariateFit.pruneWithAffine(polished, threshold());
            }
            MultivariateNetwork network = units.toRaw(polished);
            MultivariateDataset data = units.data();
            double[] inputs = data.inputs();
            Representable.requireFiniteOutputs(i -> network.evaluate(inputs, i * data.dimension()), data.size());
            // the deployed network's count: weights pruned in training units stay exact zeros in raw units, a pruned
            // bias in general does not (b' = b - sum_t w_t mu_t / s_t), and the raw network is what the user gets
            int parameters = units.affine() ? network.nonzeroParameters(0) : polished.nonzeroParameters(threshold());
            return new TrainedMultivariate(network, units.toRaw(raw), polished.activeNeurons(threshold()), parameters,
                    MultivariatePolish.mse(units.toRaw(raw), data), MultivariatePolish.mse(units.toRaw(pruned), data),
                    MultivariatePolish.mse(network, data), history);
        });
    }

    /**
     * An interpolating network with neurons exchanged for fewer parameters ({@link ShapeExchange}),
     * kept when it interpolates to the same floor; otherwise (or when {@code f} does not
     * interpolate: the exchange keeps interpolation, it does not create it) {@code f}.
     */
    private static MultivariateNetwork exchanged(MultivariateNetwork f, MultivariateDataset data) {
        double floor = 1e-24 * maxSquare(data.targets());
        if (!(MultivariatePolish.mse(f, data) <= floor)) {
            return f;
        }
        MultivariateNetwork g = ShapeExchange.improve(f, data, MultivariateModel.PAPER);
        return g != f && MultivariatePolish.mse(g, data) <= floor ? g : f;
    }

    /** The data as given and as trained on: standardized for the affine model, raw for the paper's. */
    record Units(MultivariateDataset data, MultivariateDataset trained, Standardization standardization) {
        static Units of(MultivariateDataset data, MultivariateModel model) {
            if (model == MultivariateModel.PAPER) {
                return new Units(data, data, null);
            }
            Standardization s = Standardization.of(data);
            return new Units(data, s.apply(data), s);
        }

        boolean affine() {
            return standardization != null;
        }

        MultivariateNetwork toRaw(MultivariateNetwork trainedUnits) {
            return standardization == null ? trainedUnits : standardization.toRaw(trainedUnits);
        }
    }
}
