package io.pagelens.memory;

/** Takes one {@link MemorySample}. {@code withPss} asks for the dearer process-tree PSS as well. */
@FunctionalInterface
public interface MemorySampler {
    MemorySample sample(boolean withPss);
}
