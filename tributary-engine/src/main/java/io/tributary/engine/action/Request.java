package io.tributary.engine.action;

import io.tributary.model.AttributeValue;
import io.tributary.model.AttributeValues;
import io.tributary.model.Wording;
import io.tributary.model.json.Json;
import java.util.List;
import java.util.Map;

/**
 * Typed access to the members of a request that has passed shape validation, so the types are
 * already right; absent members read as null.
 */
record Request(Json.Obj body) {

  boolean has(String member) {
    Json v = body.get(member);
    return v != null && !(v instanceof Json.Null);
  }

  String string(String member) {
    return body.get(member) instanceof Json.Str s ? s.value() : null;
  }

  Boolean bool(String member) {
    return body.get(member) instanceof Json.Bool b ? b.value() : null;
  }

  Long number(String member) {
    return body.get(member) instanceof Json.Num n ? Long.valueOf(n.text()) : null;
  }

  Request object(String member) {
    return body.get(member) instanceof Json.Obj o ? new Request(o) : null;
  }

  List<Json> list(String member) {
    return body.get(member) instanceof Json.Arr a ? a.elements() : null;
  }

  /** An attribute map member (Item, Key), with every value checked; null when absent. */
  Map<String, AttributeValue> attributes(String member) {
    return attributes(member, Wording.CURRENT);
  }

  /** The same, worded as the given validation layer words refusals. */
  Map<String, AttributeValue> attributes(String member, Wording wording) {
    return has(member) ? AttributeValues.mapFromJson(body.get(member), wording) : null;
  }

  /** The members of an object member, in request order; empty when absent. */
  Map<String, Json> members(String member) {
    return body.get(member) instanceof Json.Obj o ? o.members() : Map.of();
  }
}
