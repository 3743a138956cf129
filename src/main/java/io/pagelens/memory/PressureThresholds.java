package io.pagelens.memory;

/**
 * Usage thresholds of each {@link PressureLevel}, in bytes. A level is entered at its threshold and left
 * only below it minus {@code hysteresisBytes}, so usage hovering at a threshold does not flap.
 */
public record PressureThresholds(long warnBytes, long highBytes, long criticalBytes, long hysteresisBytes) {
    public PressureThresholds {
        if (warnBytes <= 0) throw new IllegalArgumentException("warnBytes must be positive, was " + warnBytes);
        if (highBytes <= warnBytes) throw new IllegalArgumentException("highBytes must be above warnBytes, was " + highBytes);
        if (criticalBytes <= highBytes) throw new IllegalArgumentException("criticalBytes must be above highBytes, was " + criticalBytes);
        if (hysteresisBytes < 0) throw new IllegalArgumentException("hysteresisBytes must not be negative, was " + hysteresisBytes);
    }

    /**
     * Thresholds as percentages of the budget; hysteresis 5% of it (measured: during full-page captures usage
     * swings by 40 MB within 200 ms, so a 2% band flapped between levels several times a second).
     */
    public static PressureThresholds percentOf(long budgetBytes, int warnPct, int highPct, int criticalPct) {
        return new PressureThresholds(budgetBytes * warnPct / 100, budgetBytes * highPct / 100,
                budgetBytes * criticalPct / 100, budgetBytes * 5 / 100);
    }

    /** The level after a reading of {@code used}, coming from {@code current}. */
    public PressureLevel next(PressureLevel current, long used) {
        PressureLevel raw = levelOf(used);
        if (raw.compareTo(current) >= 0) return raw;
        // going down: only as far as usage is clear of each threshold by the hysteresis
        PressureLevel lowered = levelOf(used + hysteresisBytes);
        return lowered.compareTo(current) < 0 ? lowered : current;
    }

    public long thresholdOf(PressureLevel level) {
        return switch (level) {
            case OK -> 0;
            case WARN -> warnBytes;
            case HIGH -> highBytes;
            case CRITICAL -> criticalBytes;
        };
    }

    private PressureLevel levelOf(long used) {
        if (used >= criticalBytes) return PressureLevel.CRITICAL;
        if (used >= highBytes) return PressureLevel.HIGH;
        if (used >= warnBytes) return PressureLevel.WARN;
        return PressureLevel.OK;
    }
}
