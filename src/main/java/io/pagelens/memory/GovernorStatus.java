package io.pagelens.memory;

import java.util.Map;

/**
 * What the governor sees right now, for /v1/status, /health/ready and metrics. Bytes throughout.
 *
 * @param headroomBytes ceiling - used - reserved; negative when usage is above the ceiling
 */
public record GovernorStatus(PressureLevel level, long usedBytes, long ceilingBytes, long reservedBytes, long headroomBytes,
                             int inFlight, int waiting, int maxConcurrency, Map<CaptureKind, Long> costEstimates) {
    public GovernorStatus {
        costEstimates = Map.copyOf(costEstimates);
    }

    /** False from {@link PressureLevel#HIGH}: /health/ready turns false so a router sends work elsewhere. */
    public boolean ready() {
        return !level.atLeast(PressureLevel.HIGH);
    }
}
