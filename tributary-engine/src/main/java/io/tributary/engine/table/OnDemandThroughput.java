package io.tributary.engine.table;

/**
 * The maxima an on-demand table may be given (OnDemandThroughput): request units per second it
 * is never let past. A null member sets no maximum.
 */
public record OnDemandThroughput(Long maxReadRequestUnits, Long maxWriteRequestUnits) {
  public static final OnDemandThroughput NONE = new OnDemandThroughput(null, null);

  public boolean isNone() {
    return maxReadRequestUnits == null && maxWriteRequestUnits == null;
  }

  /**
   * These maxima changed by an UpdateTable's members: a member sets its maximum, -1 removes it,
   * an absent one keeps it.
   */
  public OnDemandThroughput changedBy(Long maxRead, Long maxWrite) {
    return new OnDemandThroughput(
        maxRead == null ? maxReadRequestUnits : maxRead == -1 ? null : maxRead,
        maxWrite == null ? maxWriteRequestUnits : maxWrite == -1 ? null : maxWrite);
  }
}
