package io.tributary.triggers.rest;

import io.tributary.triggers.action.LambdaAction;
import io.tributary.triggers.action.LambdaActions;
import io.tributary.triggers.function.Functions;
import io.tributary.triggers.mapping.Mappings;
import java.util.Map;

/**
 * The Lambda REST API's routes: a method and a path shape name each action, the path's variable
 * part (a FunctionName or a mapping UUID) is handed to it.
 */
public final class LambdaRoutes implements LambdaApi {
  private static final String FUNCTIONS = "/2015-03-31/functions";
  private static final String MAPPINGS = "/2015-03-31/event-source-mappings";

  private final Map<String, LambdaAction> actions;

  public LambdaRoutes(Functions functions, Mappings mappings) {
    this.actions = LambdaActions.all(functions, mappings);
  }

  @Override
  public RestResponse handle(RestRequest request) {
    String path = request.path();
    if (path.endsWith("/") && path.length() > 1) {
      path = path.substring(0, path.length() - 1);
    }
    String route;
    String name = null;
    if (path.equals(FUNCTIONS) || path.equals(MAPPINGS)) {
      route = path.equals(FUNCTIONS) ? "functions" : "event-source-mappings";
    } else if (path.startsWith(FUNCTIONS + "/")) {
      String rest = path.substring(FUNCTIONS.length() + 1);
      int slash = rest.indexOf('/');
      name = slash < 0 ? rest : rest.substring(0, slash);
      route = "functions/{name}" + (slash < 0 ? "" : rest.substring(slash));
    } else if (path.startsWith(MAPPINGS + "/")) {
      name = path.substring(MAPPINGS.length() + 1);
      route = "event-source-mappings/{uuid}";
    } else {
      throw unknown();
    }
    LambdaAction action = actions.get(request.method() + " " + route);
    if (action == null || (name != null && (name.isEmpty() || name.contains("/")))) {
      throw unknown();
    }
    return action.handle(request, name);
  }

  private static LambdaException unknown() {
    return new LambdaException("UnknownOperationException", 404, false, "Unknown operation");
  }
}
