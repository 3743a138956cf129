package io.pagelens.memory;

/** Told of every sample the {@link MemoryMonitor} takes, with the pressure level it implies. */
@FunctionalInterface
public interface MemoryListener {
    void onMemory(MemorySample sample, PressureLevel level);
}
