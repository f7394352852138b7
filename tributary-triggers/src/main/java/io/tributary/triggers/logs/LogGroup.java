package io.tributary.triggers.logs;

import java.nio.ByteBuffer;

/** A log group as stored: its region, name and creation time (epoch millis). */
record LogGroup(String region, String name, long creationTime) {
  private static final byte FORMAT = 1;

  /** The ARN DescribeLogGroups calls {@code arn}: {@link #logGroupArn} with ":*" after it. */
  String arn(String accountId) {
    return logGroupArn(accountId) + ":*";
  }

  String logGroupArn(String accountId) {
    return "arn:aws:logs:" + region + ":" + accountId + ":log-group:" + name;
  }

  String streamArn(String accountId, String stream) {
    return logGroupArn(accountId) + ":log-stream:" + stream;
  }

  byte[] encode() {
    return ByteBuffer.allocate(9).put(FORMAT).putLong(creationTime).array();
  }

  static LogGroup decode(String region, String name, byte[] value) {
    ByteBuffer in = ByteBuffer.wrap(value);
    byte format = in.get();
    if (format != FORMAT) {
      throw new IllegalStateException("log group " + name + " has unknown format " + format);
    }
    return new LogGroup(region, name, in.getLong());
  }
}
