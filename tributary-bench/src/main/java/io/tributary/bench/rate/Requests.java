package io.tributary.bench.rate;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The bytes of the requests the driver's wrk scripts send ({@code tributary-bench/wrk/}): a
 * signed-looking DynamoDB request on table {@code usertable} for a random key of the list, whose
 * attribute is {@code id} of type S. A request is written straight into one buffer from parts made
 * once, so that the client spends its CPU on sending, not on building requests.
 */
final class Requests {
  private static final String AUTHORIZATION =
      "AWS4-HMAC-SHA256 Credential=bench/20250101/us-east-1/dynamodb/aws4_request, "
          + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature="
          + "0".repeat(64);

  private final byte[] head; // the request line and headers up to Content-Length's value
  private final byte[] bodyBeforeKey;
  private final byte[] bodyAfterKey;
  private final byte[][] keys;
  private final SplittableRandom random = new SplittableRandom();

  /**
   * @param operation GetItem or PutItem
   * @param host the Host header's value ({@code host:port})
   * @param keys the keys to pick from, plain ASCII with nothing JSON would escape
   */
  Requests(Operation operation, String host, List<String> keys) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("no keys");
    }
    this.head =
        ascii(
            "POST / HTTP/1.1\r\n"
                + "Host: "
                + host
                + "\r\n"
                + "Content-Type: application/x-amz-json-1.0\r\n"
                + "X-Amz-Target: DynamoDB_20120810."
                + operation.target()
                + "\r\n"
                + "X-Amz-Date: 20250101T000000Z\r\n"
                + "Authorization: "
                + AUTHORIZATION
                + "\r\n"
                + "Content-Length: ");
    this.bodyBeforeKey = ascii(operation.bodyBeforeKey());
    this.bodyAfterKey = ascii(operation.bodyAfterKey());
    this.keys = new byte[keys.size()][];
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i);
      if (!key.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\')) {
        throw new IllegalArgumentException("key " + (i + 1) + " is not plain printable ASCII");
      }
      this.keys[i] = ascii(key);
    }
  }

  /** A whole request for a random key, in a buffer of {@code allocator}'s. */
  ByteBuf next(ByteBufAllocator allocator) {
    byte[] key = keys[random.nextInt(keys.length)];
    int bodyLength = bodyBeforeKey.length + key.length + bodyAfterKey.length;
    String length = Integer.toString(bodyLength);
    ByteBuf out = allocator.directBuffer(head.length + length.length() + 4 + bodyLength);
    out.writeBytes(head);
    for (int i = 0; i < length.length(); i++) {
      out.writeByte(length.charAt(i));
    }
    out.writeByte('\r').writeByte('\n').writeByte('\r').writeByte('\n');
    out.writeBytes(bodyBeforeKey).writeBytes(key).writeBytes(bodyAfterKey);
    return out;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** What the requests do. */
  enum Operation {
    /** GetItem of the key. */
    GETITEM("GetItem", "{\"TableName\":\"usertable\",\"Key\":{\"id\":{\"S\":\"", "\"}}}"),
    /** PutItem of a YCSB-sized record (ten 100-byte fields) under the key. */
    PUTITEM("PutItem", "{\"TableName\":\"usertable\",\"Item\":{\"id\":{\"S\":\"", ycsbFields());

    private final String target;
    private final String bodyBeforeKey;
    private final String bodyAfterKey;

    Operation(String target, String bodyBeforeKey, String bodyAfterKey) {
      this.target = target;
      this.bodyBeforeKey = bodyBeforeKey;
      this.bodyAfterKey = bodyAfterKey;
    }

    String target() {
      return target;
    }

    String bodyBeforeKey() {
      return bodyBeforeKey;
    }

    String bodyAfterKey() {
      return bodyAfterKey;
    }

    /** {@code getitem} or {@code putitem}, as the wrk scripts are named. */
    static Operation named(String name) {
      return switch (name) {
        case "getitem" -> GETITEM;
        case "putitem" -> PUTITEM;
        default -> throw new IllegalArgumentException("--op is getitem or putitem, not " + name);
      };
    }

    // The same fields as putitem.lua: field0 of a's, field1 of b's, ...
    private static String ycsbFields() {
      StringBuilder rest = new StringBuilder("\"}");
      for (int i = 0; i < 10; i++) {
        rest.append(",\"field")
            .append(i)
            .append("\":{\"S\":\"")
            .append(String.valueOf((char) ('a' + i)).repeat(100))
            .append("\"}");
      }
      return rest.append("}}").toString();
    }
  }
}
