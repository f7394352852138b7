package io.tributary.engine.action;

import io.tributary.model.DynamoDbException;

/**
 * Request members Tributary does not implement yet. They are refused, never ignored: ignoring a
 * condition or an index would silently do something other than what the client asked for.
 * docs/compatibility.md lists them.
 */
final class Unsupported {
  private Unsupported() {}

  static void refuse(Request request, String... members) {
    for (String member : members) {
      if (request.has(member)) {
        throw feature(member);
      }
    }
  }

  static DynamoDbException feature(String member) {
    return DynamoDbException.validation(
        "Tributary does not support " + member + " yet; see docs/compatibility.md");
  }
}
