package io.pagelens.analysis.diff;

/** Told how far a diff is, every few hundred rows and at the end; for progress bars. */
@FunctionalInterface
public interface DiffProgress {
    DiffProgress NONE = (done, total) -> { };

    void rows(int done, int total);
}
