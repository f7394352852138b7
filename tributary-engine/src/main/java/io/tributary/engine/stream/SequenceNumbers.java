package io.tributary.engine.stream;

import io.tributary.model.DynamoDbException;
import java.math.BigInteger;

/**
 * Sequence numbers: a stream's records are numbered by one counter, shown to clients as a
 * decimal string of 21 digits or more (DynamoDB's are 21 to 40), strictly increasing.
 */
final class SequenceNumbers {
  private static final BigInteger BASE = BigInteger.TEN.pow(20);

  private SequenceNumbers() {}

  static String format(long counter) {
    return BASE.add(BigInteger.valueOf(counter)).toString();
  }

  /**
   * The counter of a sequence number a client gave; one below every counter when it is below
   * every sequence number, one above when above.
   *
   * @throws DynamoDbException ValidationException when it is not a number
   */
  static long parse(String sequenceNumber) {
    BigInteger n;
    try {
      n = new BigInteger(sequenceNumber);
    } catch (NumberFormatException e) {
      throw DynamoDbException.validation("Invalid SequenceNumber");
    }
    BigInteger counter = n.subtract(BASE);
    if (counter.signum() < 0) {
      return -1;
    }
    return counter.bitLength() >= 63 ? Long.MAX_VALUE : counter.longValue();
  }
}
