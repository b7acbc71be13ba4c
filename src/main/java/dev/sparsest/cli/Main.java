package dev.sparsest.cli;

import dev.sparsest.data.InvalidDataException;
import dev.sparsest.json.JsonException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** The {@code sparsest} command. Errors go to stderr with exit code 1 (2 for usage errors). */
@Command(name = "sparsest", mixinStandardHelpOptions = true, version = "sparsest 0.1.0",
        description = "Sparsest single-hidden-layer ReLU networks that interpolate data.",
        subcommands = {FitCommand.class, PathCommand.class, ThresholdCommand.class, ExactCommand.class, CertifyCommand.class, TrainCommand.class, SweepCommand.class, PredictCommand.class, DemoCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "print stack traces of errors")
    boolean debug;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "missing command: fit, path, threshold, exact, certify, train, sweep, predict or demo");
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (for tests: no System.exit). */
    public static int run(String... args) {
        System.setProperty("java.awt.headless", "true");
        Main main = new Main();
        CommandLine cli = new CommandLine(main);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            boolean debug = main.debug || hasDebugFlag(args);
            cmd.getErr().println("sparsest: error: " + describe(e));
            if (debug) {
                e.printStackTrace(cmd.getErr());
            }
            return 1;
        });
        return cli.execute(args);
    }

    private static boolean hasDebugFlag(String[] args) {
        for (String a : args) {
            if (a.equals("--debug")) {
                return true;
            }
        }
        return false;
    }

    static String describe(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "file not found: " + e.getMessage();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + e.getMessage();
        }
        if (e instanceof InvalidDataException || e instanceof JsonException || e instanceof IllegalArgumentException
                || e instanceof ArithmeticException) {
            return e.getMessage();
        }
        if (e instanceof IOException) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return e.toString();
    }
}
