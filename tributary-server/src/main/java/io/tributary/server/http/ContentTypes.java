package io.tributary.server.http;

import java.util.Locale;

/**
 * The request content types the JSON protocol takes, and the content type of its answer.
 *
 * <p>DynamoDB takes {@code application/x-amz-json-1.0} and {@code application/json} (parameters
 * such as {@code ;charset=...} ignored) and answers with the same type; without a Content-Type it
 * answers {@code application/json}. A body with any other type gets the 404 page. DynamoDB also
 * refuses {@code application/x-amz-json-1.1}; Tributary takes it (and answers with it), because
 * the same endpoint will serve the Logs API, which speaks 1.1.
 */
final class ContentTypes {
  static final String AMZ_JSON_1_0 = "application/x-amz-json-1.0";
  static final String AMZ_JSON_1_1 = "application/x-amz-json-1.1";
  static final String JSON = "application/json";

  private ContentTypes() {}

  /** Whether a request body with this Content-Type header is read as JSON. */
  static boolean accepted(String contentType) {
    String media = mediaType(contentType);
    return media.equals(AMZ_JSON_1_0) || media.equals(AMZ_JSON_1_1) || media.equals(JSON);
  }

  /** The Content-Type of the answer to a request with this Content-Type header. */
  static String responseType(String contentType) {
    String media = mediaType(contentType);
    return media.equals(AMZ_JSON_1_0) || media.equals(AMZ_JSON_1_1) ? media : JSON;
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    String media = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return media.trim().toLowerCase(Locale.ROOT);
  }
}
