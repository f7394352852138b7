package io.tributary.engine.action;

import io.tributary.engine.table.BillingMode;
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
