package io.tributary.engine;

/**
 * Who asked, and where: the request id the response carries, the region from the request's
 * SigV4 credential scope (tables live per region), the account id used in ARNs, and the address
 * the request was sent to (its Host header; null when it had none).
 */
public record RequestContext(String requestId, String region, String accountId, String host) {

  /** A context without a Host (for callers that are not HTTP requests). */
  public RequestContext(String requestId, String region, String accountId) {
    this(requestId, region, accountId, null);
  }
}
