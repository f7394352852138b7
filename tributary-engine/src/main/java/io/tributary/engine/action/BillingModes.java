package io.tributary.engine.action;

import io.tributary.engine.table.BillingMode;
import io.tributary.engine.table.OnDemandThroughput;
import io.tributary.engine.table.Throughput;
import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;

/** BillingMode and ProvisionedThroughput rules, shared by CreateTable and UpdateTable. */
final class BillingModes {
  /** DynamoDB's default per-table quota for read and for write capacity units. */
  static final long MAX_UNITS = 40_000;

  /** The largest capacity value DynamoDB accepts at all. */
  static final long MAX_VALUE = 1_000_000_000_000L;

  private BillingModes() {}

  static BillingMode parse(String billingMode) {
    return billingMode == null ? BillingMode.PROVISIONED : BillingMode.valueOf(billingMode);
  }

  static Throughput throughputForCreate(BillingMode billing, Request throughput) {
    if (billing == BillingMode.PAY_PER_REQUEST) {
      if (throughput != null) {
        throw DynamoDbException.validation(
            "One or more parameter values were invalid: Neither ReadCapacityUnits nor"
                + " WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
      }
      return Throughput.ON_DEMAND;
    }
    if (throughput == null) {
      throw DynamoDbException.validation(
          "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits"
              + " must both be specified when BillingMode is PROVISIONED");
    }
    return Throughput.of(
        checkBounds(throughput, "ReadCapacityUnits"), checkBounds(throughput, "WriteCapacityUnits"));
  }

  /**
   * CreateTable's OnDemandThroughput: maxima of at least one unit, for an on-demand table only.
   */
  static OnDemandThroughput onDemandForCreate(BillingMode billing, Request maxima) {
    if (maxima == null) {
      return OnDemandThroughput.NONE;
    }
    Long read = maxima.number("MaxReadRequestUnits");
    Long write = maxima.number("MaxWriteRequestUnits");
    if (billing == BillingMode.PROVISIONED) {
      refuseOnProvisioned(read, write, "when table BillingMode is PROVISIONED.");
    }
    checkRange(read, "MaxReadRequestUnits", false);
    checkRange(write, "MaxWriteRequestUnits", false);
    return new OnDemandThroughput(read, write);
  }

  /**
   * UpdateTable's OnDemandThroughput for {@code table} as it is after the request's billing
   * change: on-demand tables only; -1 removes a maximum.
   */
  static OnDemandThroughput onDemandForUpdate(
      BillingMode billing, OnDemandThroughput current, Request maxima) {
    Long read = maxima.number("MaxReadRequestUnits");
    Long write = maxima.number("MaxWriteRequestUnits");
    if (billing == BillingMode.PROVISIONED) {
      // UpdateTable's words differ from CreateTable's: "the table", and no full stop.
      refuseOnProvisioned(read, write, "when the table BillingMode is PROVISIONED");
    }
    checkRange(read, "MaxReadRequestUnits", true);
    checkRange(write, "MaxWriteRequestUnits", true);
    return current.changedBy(read, write);
  }

  private static void refuseOnProvisioned(Long read, Long write, String ending) {
    if (read != null || write != null) {
      throw DynamoDbException.validation(
          "One or more parameter values were invalid: "
              + (read != null ? "MaxReadRequestUnits" : "MaxWriteRequestUnits")
              + " for OnDemandThroughput cannot be specified "
              + ending);
    }
  }

  private static void checkRange(Long units, String member, boolean removable) {
    if (units != null && units < 1 && !(removable && units == -1)) {
      throw DynamoDbException.validation(
          "One or more parameter values were invalid: Requested "
              + member
              + " for OnDemandThroughput for table is outside of valid range");
    }
  }

  /** DynamoDB's hard bound on any capacity value, checked while validating the request. */
  static long checkBounds(Request throughput, String member) {
    long units = throughput.number(member);
    if (units > MAX_VALUE) {
      throw DynamoDbException.validation(
          "Given value " + units + " for " + member + " is out of bounds");
    }
    return units;
  }

  /**
   * Refuses capacity above the account's per-table quota, as DynamoDB does once the request is
   * otherwise valid.
   */
  static void checkQuota(Throughput throughput, String region) {
    quota("ReadCapacityUnits", throughput.readCapacityUnits(), region);
    quota("WriteCapacityUnits", throughput.writeCapacityUnits(), region);
  }

  private static void quota(String member, long units, String region) {
    if (units > MAX_UNITS) {
      throw DynamoDbException.of(
          ErrorType.LIMIT_EXCEEDED,
          "The requested "
              + member
              + ", "
              + units
              + ", is above the per table maximum for the account in "
              + region
              + ". Per table maximum: "
              + MAX_UNITS
              + ". Refer to the Amazon DynamoDB Developer Guide for current limits and how to"
              + " request higher limits.");
    }
  }
}
