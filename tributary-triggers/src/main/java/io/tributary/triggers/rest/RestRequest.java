package io.tributary.triggers.rest;

import java.util.List;
import java.util.Map;

/**
 * One REST call as received.
 *
 * @param path the decoded path, such as {@code /2015-03-31/functions/my-fn/invocations}
 * @param query the decoded query parameters, each with its values in order
 * @param headers the headers, names in lower case
 * @param region the region of the call's SigV4 credential scope
 */
public record RestRequest(
    String method,
    String path,
    Map<String, List<String>> query,
    Map<String, String> headers,
    byte[] body,
    String region,
    String requestId) {

  /** The first value of a query parameter, or null. */
  public String query(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** A header's value (name in any case), or null. */
  public String header(String name) {
    return headers.get(name.toLowerCase(java.util.Locale.ROOT));
  }
}
