package io.tributary.triggers.action;

import io.tributary.triggers.function.Functions;
import io.tributary.triggers.mapping.Mappings;
import java.util.Map;

/** The one list of Lambda API actions, keyed by method and path shape. Nothing else dispatches. */
public final class LambdaActions {
  private LambdaActions() {}

  public static Map<String, LambdaAction> all(Functions functions, Mappings mappings) {
    return Map.ofEntries(
        Map.entry("POST functions", new CreateFunction(functions)),
        Map.entry("GET functions", new ListFunctions(functions)),
        Map.entry("GET functions/{name}", new GetFunction(functions)),
        Map.entry("DELETE functions/{name}", new DeleteFunction(functions)),
        Map.entry("GET functions/{name}/configuration", new GetFunctionConfiguration(functions)),
        Map.entry("PUT functions/{name}/configuration", new UpdateFunctionConfiguration(functions)),
        Map.entry("PUT functions/{name}/code", new UpdateFunctionCode(functions)),
        Map.entry("POST functions/{name}/invocations", new Invoke(functions)),
        Map.entry("POST event-source-mappings", new CreateEventSourceMapping(mappings)),
        Map.entry("GET event-source-mappings", new ListEventSourceMappings(mappings)),
        Map.entry("GET event-source-mappings/{uuid}", new GetEventSourceMapping(mappings)),
        Map.entry("PUT event-source-mappings/{uuid}", new UpdateEventSourceMapping(mappings)),
        Map.entry("DELETE event-source-mappings/{uuid}", new DeleteEventSourceMapping(mappings)));
  }
}
