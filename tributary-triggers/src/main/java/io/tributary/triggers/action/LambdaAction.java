package io.tributary.triggers.action;

import io.tributary.triggers.rest.RestRequest;
import io.tributary.triggers.rest.RestResponse;

/** One Lambda API action. */
@FunctionalInterface
public interface LambdaAction {
  /**
   * @param name the path's variable part (a FunctionName or a mapping UUID), or null
   */
  RestResponse handle(RestRequest request, String name);
}
