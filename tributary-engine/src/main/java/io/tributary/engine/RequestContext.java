package io.tributary.engine;

/**
 * Who asked, and where: the request id the response carries, the region from the request's
 * SigV4 credential scope (tables live per region), and the account id used in ARNs.
 */
public record RequestContext(String requestId, String region, String accountId) {}
