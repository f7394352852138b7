package io.tributary.triggers.logs;

import io.tributary.engine.RequestContext;
import io.tributary.model.json.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One CloudWatch Logs API action. The request has already been checked against the action's input
 * shape in the Logs model, so members have their types and bounds; the action checks the rest, does
 * the work and returns the response body. Errors are thrown as {@link
 * io.tributary.model.DynamoDbException} with a {@code LOGS_*} type.
 */
interface LogsAction {
  Json.Obj handle(Json.Obj request, RequestContext context);

  /** A string member, or null when absent. */
  static String string(Json.Obj request, String member) {
    return request.get(member) instanceof Json.Str s ? s.value() : null;
  }

  /** An integer or long member, or {@code otherwise} when absent. */
  static long number(Json.Obj request, String member, long otherwise) {
    return request.get(member) instanceof Json.Num n
        ? new BigDecimal(n.text()).longValue()
        : otherwise;
  }

  /** A boolean member (the model's checks also let "true" and "false" through as strings). */
  static boolean flag(Json.Obj request, String member) {
    return switch (request.get(member)) {
      case Json.Bool b -> b.value();
      case Json.Str s -> s.value().equalsIgnoreCase("true");
      case null, default -> false;
    };
  }

  /** A list of strings member, or null when absent. */
  static List<String> strings(Json.Obj request, String member) {
    if (!(request.get(member) instanceof Json.Arr array)) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (Json element : array.elements()) {
      if (element instanceof Json.Str s) {
        out.add(s.value());
      }
    }
    return out;
  }

  /**
   * The log group a request names, by {@code logGroupName} or by {@code logGroupIdentifier} (its
   * name or its ARN, with or without the trailing ":*").
   */
  static String groupName(Json.Obj request) {
    String name = string(request, "logGroupName");
    String identifier = string(request, "logGroupIdentifier");
    if (name != null && identifier != null) {
      throw LogErrors.invalidParameter(
          "LogGroup name and LogGroup ARN are mutually exclusive parameters.");
    }
    if (name != null) {
      return name;
    }
    if (identifier == null) {
      throw LogErrors.invalidParameter(
          "Either logGroupName or logGroupIdentifier must be specified.");
    }
    int at = identifier.indexOf(":log-group:");
    if (!identifier.startsWith("arn:") || at < 0) {
      return identifier;
    }
    String rest = identifier.substring(at + ":log-group:".length());
    return rest.endsWith(":*") ? rest.substring(0, rest.length() - 2) : rest;
  }
}
