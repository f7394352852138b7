package io.tributary.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Why one action of a cancelled transaction did not go through, as TransactionCanceledException
 * lists it: a code, and for failures a message and (for a failed condition, when asked) the item.
 *
 * @param message null for {@code None}
 * @param item null unless the action asked for the item on a failed condition
 */
public record CancellationReason(String code, String message, Map<String, AttributeValue> item) {

  /** The reason of an action that would have gone through. */
  public static final CancellationReason NONE = new CancellationReason("None", null, null);

  /** The reason an action failed with {@code error}. */
  public static CancellationReason of(DynamoDbException error) {
    String code =
        switch (error.type()) {
          case CONDITIONAL_CHECK_FAILED -> "ConditionalCheckFailed";
          case TRANSACTION_CONFLICT -> "TransactionConflict";
          case ITEM_COLLECTION_SIZE_LIMIT_EXCEEDED -> "ItemCollectionSizeLimitExceeded";
          case PROVISIONED_THROUGHPUT_EXCEEDED -> "ProvisionedThroughputExceeded";
          case THROTTLING, REQUEST_LIMIT_EXCEEDED -> "ThrottlingError";
          case VALIDATION -> "ValidationError";
          default -> "InternalServerError";
        };
    return new CancellationReason(code, error.getMessage(), error.item());
  }

  /**
   * The reasons when the action at {@code index} of {@code count} failed with {@code error} and
   * every other action gets None: how DynamoDB reports a ValidationError, for the first invalid
   * action only.
   */
  public static List<CancellationReason> only(int count, int index, DynamoDbException error) {
    List<CancellationReason> reasons = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      reasons.add(i == index ? of(error) : NONE);
    }
    return reasons;
  }

  /**
   * The reasons for one failure per action (null: the action would have gone through). A
   * validation failure outranks the rest: only the first is reported, the others read None.
   */
  public static List<CancellationReason> of(DynamoDbException[] failures) {
    for (int i = 0; i < failures.length; i++) {
      if (failures[i] != null && failures[i].type() == ErrorType.VALIDATION) {
        return only(failures.length, i, failures[i]);
      }
    }
    List<CancellationReason> reasons = new ArrayList<>(failures.length);
    for (DynamoDbException f : failures) {
      reasons.add(f == null ? NONE : of(f));
    }
    return reasons;
  }
}
