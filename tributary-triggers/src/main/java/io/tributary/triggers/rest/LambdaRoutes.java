package io.tributary.triggers.rest;

import io.tributary.triggers.function.Functions;
import io.tributary.triggers.mapping.Mappings;

/** The Lambda REST API's routes. (Being written: issue 8.) */
public final class LambdaRoutes implements LambdaApi {
  public LambdaRoutes(Functions functions, Mappings mappings) {}

  @Override
  public RestResponse handle(RestRequest request) {
    throw LambdaException.resourceNotFound("Not served yet: " + request.path());
  }
}
