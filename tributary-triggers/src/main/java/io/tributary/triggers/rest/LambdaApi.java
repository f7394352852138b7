package io.tributary.triggers.rest;

/** What the HTTP layer calls for every request under {@code /2015-03-31/}. */
@FunctionalInterface
public interface LambdaApi {
  /** Answers the call; a client's mistake is a {@link LambdaException}. */
  RestResponse handle(RestRequest request);
}
