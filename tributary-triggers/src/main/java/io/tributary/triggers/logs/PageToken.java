package io.tributary.triggers.logs;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The nextToken of DescribeLogGroups and DescribeLogStreams: the sort key of the last item of a
 * page, opaque to clients (URL-safe base64). The next page starts after it, so items created or
 * deleted meanwhile neither shift nor repeat the rest.
 */
final class PageToken {
  private PageToken() {}

  static String of(String sortKey) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(sortKey.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The sort key in a token.
   *
   * @throws io.tributary.model.DynamoDbException InvalidParameterException for a token this did not
   *     write
   */
  static String read(String token) {
    try {
      return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw LogErrors.invalidToken();
    }
  }
}
