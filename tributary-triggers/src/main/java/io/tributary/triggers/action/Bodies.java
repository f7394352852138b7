package io.tributary.triggers.action;

import io.tributary.model.json.Json;
import io.tributary.model.json.JsonReader;
import io.tributary.triggers.rest.LambdaException;
import java.util.Map;

/** Typed reading of a Lambda request's JSON body; absent members read as null. */
record Bodies(Json.Obj body) {

  static Bodies of(byte[] bytes) {
    if (bytes.length == 0) {
      return new Bodies(new Json.Obj(Map.of()));
    }
    Json parsed;
    try {
      parsed = JsonReader.parse(bytes);
    } catch (RuntimeException e) {
      throw new LambdaException(
          "InvalidRequestContentException", 400, false, "Could not parse request body into json");
    }
    if (!(parsed instanceof Json.Obj o)) {
      throw new LambdaException(
          "InvalidRequestContentException", 400, false, "Could not parse request body into json");
    }
    return new Bodies(o);
  }

  boolean has(String member) {
    Json v = body.get(member);
    return v != null && !(v instanceof Json.Null);
  }

  String string(String member) {
    return body.get(member) instanceof Json.Str s ? s.value() : null;
  }

  /** An integer member; a number that is not an integer is a body Lambda cannot read. */
  Integer integer(String member) {
    if (!(body.get(member) instanceof Json.Num n)) {
      return null;
    }
    try {
      return new java.math.BigDecimal(n.text()).intValueExact();
    } catch (ArithmeticException e) {
      throw new LambdaException(
          "InvalidRequestContentException", 400, false, "Could not parse request body into json");
    }
  }

  /**
   * An integer member within its model bounds, or {@code current} when absent; out of bounds is
   * the model's ValidationException naming {@code wireName}.
   */
  int integer(String member, String wireName, int current, int min, int max) {
    Integer v = integer(member);
    if (v == null) {
      return current;
    }
    if (v < min || v > max) {
      throw LambdaException.validation(
          "1 validation error detected: Value '"
              + v
              + "' at '"
              + wireName
              + "' failed to satisfy constraint: Member must have value "
              + (v < min ? "greater than or equal to " + min : "less than or equal to " + max));
    }
    return v;
  }

  Boolean bool(String member) {
    return body.get(member) instanceof Json.Bool b ? b.value() : null;
  }

  Bodies object(String member) {
    return body.get(member) instanceof Json.Obj o ? new Bodies(o) : null;
  }

  Json raw(String member) {
    return body.get(member);
  }
}
