package dev.sparsest.kernel;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The provider's choice in the JVM configuration of this surefire run. Each run of the kernel
 * suite says what it expects: {@code sparsest.test.expect} = scalar (no module), or the vector
 * width in bits (preferred, -XX:UseAVX=2, -XX:MaxVectorSize=16).
 */
class KernelProviderTest {

    @Test
    void scalarCanAlwaysBeForced() {
        KernelProvider.Choice c = KernelProvider.choose("scalar", 256);
        assertSame(KernelProvider.scalar(), c.kernels());
        assertTrue(c.reason().contains("forced"));
        assertThrows(IllegalArgumentException.class, () -> KernelProvider.choose("simd", 256));
    }

    @Test
    void choiceMatchesThisRunsConfiguration() {
        String expect = System.getProperty("sparsest.test.expect", "");
        KernelProvider.Choice auto = KernelProvider.choose("auto", 256);
        KernelProvider.Choice allow128 = KernelProvider.choose("auto", 128);
        if (!KernelProvider.vectorModulePresent()) {
            assertSame(KernelProvider.scalar(), auto.kernels());
            assertTrue(auto.reason().contains("--add-modules jdk.incubator.vector"), auto.reason());
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> KernelProvider.choose("vector", 256));
            assertTrue(e.getMessage().contains("--add-modules"), e.getMessage());
            if (!expect.isEmpty()) {
                assertEquals("scalar", expect, "this run expected the vector module");
            }
            return;
        }
        Kernels vector = KernelProvider.vector();
        int bits = Integer.parseInt(vector.name().substring("vector-".length()));
        if (bits >= 256) {
            assertEquals(vector.name(), auto.kernels().name(), auto.reason());
        } else {
            assertSame(KernelProvider.scalar(), auto.kernels(), "narrow vectors are not used by default");
            assertTrue(auto.reason().contains(KernelProvider.MIN_BITS_PROPERTY), auto.reason());
            assertEquals(vector.name(), allow128.kernels().name(), "allowed by the override");
        }
        assertEquals(vector.name(), KernelProvider.choose("vector", 4096).kernels().name(), "forced ignores width");
        if (!expect.isEmpty() && !expect.equals("preferred")) {
            assertEquals(expect, Integer.toString(bits), "vector width of this run");
        }
    }

    /**
     * One-lane "vectors" (-XX:MaxVectorSize=8) cannot be served: the vector choice refuses to be
     * built, with a message that says what to do, and the automatic choice falls back to scalar
     * even when every width is allowed. Checked in a child JVM, since the width is fixed per JVM.
     */
    @Test
    void vectorChoiceRefusesOneLaneVectors() throws Exception {
        if (!KernelProvider.vectorModulePresent()) {
            return; // the run without the module has nothing to refuse
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Files.createTempFile("narrow-vectors", ".txt");
        try {
            Process child = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "-XX:MaxVectorSize=8",
                    "-D" + KernelProvider.MIN_BITS_PROPERTY + "=64", "-cp", System.getProperty("java.class.path"),
                    NarrowVectorProbe.class.getName()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                child.destroyForcibly();
                throw new AssertionError("the child JVM did not finish in 60 s");
            }
            String out = Files.readString(log);
            assertEquals(0, child.exitValue(), out);
            assertTrue(out.contains("auto: scalar"), out);
            assertTrue(out.contains("vector refused: the preferred vector width is 64 bits; the vector kernels need at least 128"), out);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    @Test
    void getIsStable() {
        assertSame(KernelProvider.get(), KernelProvider.get());
    }
}
