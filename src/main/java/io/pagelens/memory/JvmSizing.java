package io.pagelens.memory;

import java.util.List;

/**
 * The JVM's share of the budget, from the footprint measured in docs/memory.md: the heap gets 18% of the
 * budget, at least {@value #MIN_HEAP_MB} MB (full-page captures reached a 45–48 MB live set) and at most
 * {@value #MAX_HEAP_MB} MB (never needed more; the rest is worth more to Chromium). Heap-ratio flags let
 * the governor's idle trim give the heap back. {@code bin/jvm-flags.sh} applies the same rule in shell.
 */
public record JvmSizing(int heapMb, int metaspaceMb, int codeCacheMb) {
    static final int HEAP_PCT = 18;
    static final int MIN_HEAP_MB = 80;
    static final int MAX_HEAP_MB = 160;
    /** 18–23 MB used after serve and captures. */
    static final int METASPACE_MB = 64;
    /** 7 MB used with C1 only. */
    static final int CODE_CACHE_MB = 24;

    public static JvmSizing forBudget(MemoryBudget budget) {
        int heap = (int) Math.clamp(budget.mb() * HEAP_PCT / 100, MIN_HEAP_MB, MAX_HEAP_MB);
        return new JvmSizing(heap, METASPACE_MB, CODE_CACHE_MB);
    }

    /** Exactly the list {@code bin/jvm-flags.sh} gives (JvmSizingTest runs the script and compares). */
    public List<String> flags() {
        return List.of("-XX:+UseSerialGC", "-XX:+UseCompactObjectHeaders", "-Xmx" + heapMb + "m", "-Xms8m", "-Xss512k",
                "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-XX:-ShrinkHeapInSteps", "-XX:NewRatio=1",
                "-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0",
                "-XX:MaxMetaspaceSize=" + metaspaceMb + "m", "-XX:ReservedCodeCacheSize=" + codeCacheMb + "m",
                "-XX:MaxDirectMemorySize=32m", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1",
                "-XX:TrimNativeHeapInterval=2000", "-XX:+ExitOnOutOfMemoryError", "--enable-native-access=ALL-UNNAMED");
    }
}
