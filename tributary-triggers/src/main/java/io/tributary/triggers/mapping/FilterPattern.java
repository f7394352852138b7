package io.tributary.triggers.mapping;

import io.tributary.model.json.Json;
import io.tributary.triggers.rest.LambdaException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One {@code Pattern} of an event source mapping's {@code FilterCriteria}, parsed when the mapping
 * is created or updated, and tested against each stream record before it joins a batch.
 *
 * <p>Lambda filters with EventBridge's pattern language: names in the pattern follow the record's
 * nesting, sibling names must all match (and), each list of values needs one to match (or),
 * {@code "$or": [{...}, {...}]} joins whole sub-patterns. Where the record holds an array, the
 * pattern is tried against each element, and the names of one sub-pattern must all match within
 * the same element, as EventBridge's array-consistent matching does. A field "has a value" only
 * where it holds a string, number, boolean or null; an object, an empty array or no field at all
 * has none, so only {@code {"exists": false}} can match it.
 */
public final class FilterPattern {
  private final String text;
  private final List<Member> members;

  private FilterPattern(String text, List<Member> members) {
    this.text = text;
    this.members = members;
  }

  /**
   * Parses and checks a pattern as Lambda does at CreateEventSourceMapping and
   * UpdateEventSourceMapping.
   *
   * @throws LambdaException InvalidParameterValueException {@code
   *     Invalid filter pattern definition.} for anything Lambda would refuse
   */
  public static FilterPattern parse(String text) {
    try {
      return new FilterPattern(text, PatternParser.parse(text));
    } catch (PatternParser.InvalidPattern e) {
      throw invalid();
    }
  }

  /** Lambda's one answer to every pattern it cannot use. */
  static LambdaException invalid() {
    return LambdaException.invalidParameter("Invalid filter pattern definition.");
  }

  /** The pattern as the client wrote it; GetEventSourceMapping gives it back unchanged. */
  public String text() {
    return text;
  }

  /** Whether the record (a stream record as GetRecords answers it) satisfies this pattern. */
  public boolean matches(Json record) {
    return allMatch(members, record, record);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FilterPattern p && text.equals(p.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }

  /** What one object of a pattern says about the record object at the same place. */
  sealed interface Member {
    /** {@code "name": { ... }}: the same rules, one level down. */
    record Nested(String name, List<Member> members) implements Member {}

    /**
     * {@code "name": [ ... ]}: one of the matchers must hold. The path from the record's root
     * ($or levels left out) is kept for {@code exists: false}, which looks at the whole record.
     */
    record Leaf(String name, List<String> path, List<ValueMatcher> matchers) implements Member {}

    /** {@code "$or": [ {...}, {...} ]}: one of the branches must hold, at this same level. */
    record AnyOf(List<List<Member>> branches) implements Member {}
  }

  private static boolean allMatch(List<Member> members, Json here, Json root) {
    for (Member m : members) {
      if (!matches(m, here, root)) {
        return false;
      }
    }
    return true;
  }

  private static boolean matches(Member member, Json here, Json root) {
    return switch (member) {
      case Member.Nested(String name, List<Member> members) -> {
        for (Json candidate : candidates(field(here, name))) {
          if (allMatch(members, candidate, root)) {
            yield true;
          }
        }
        yield false;
      }
      case Member.Leaf leaf -> leafMatches(leaf, values(field(here, leaf.name())), root);
      case Member.AnyOf(List<List<Member>> branches) -> {
        for (List<Member> branch : branches) {
          if (allMatch(branch, here, root)) {
            yield true;
          }
        }
        yield false;
      }
    };
  }

  private static boolean leafMatches(Member.Leaf leaf, List<Json> values, Json root) {
    for (ValueMatcher m : leaf.matchers()) {
      if (m instanceof ValueMatcher.Exists(boolean present)) {
        // Absence is asked of the whole record, across every array element on the path, so that
        // a field present in any element counts as present (EventBridge checks names per event).
        if (present ? !values.isEmpty() : valuesAt(root, leaf.path(), 0).isEmpty()) {
          return true;
        }
        continue;
      }
      for (Json v : values) {
        if (m.matches(v)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The member of an object, or null when the place is not an object or lacks it. */
  private static Json field(Json here, String name) {
    return here instanceof Json.Obj o ? o.get(name) : null;
  }

  /** The places a nested pattern is tried: each element of an array (nested arrays opened). */
  private static List<Json> candidates(Json value) {
    if (!(value instanceof Json.Arr)) {
      return Collections.singletonList(value);
    }
    List<Json> out = new ArrayList<>();
    flatten(value, out);
    return out.isEmpty() ? Collections.singletonList(null) : out;
  }

  /** The leaf values a field holds: itself if a scalar, the scalars of an array, else none. */
  private static List<Json> values(Json value) {
    List<Json> flat = new ArrayList<>();
    flatten(value, flat);
    flat.removeIf(v -> v == null || v instanceof Json.Obj);
    return flat;
  }

  private static List<Json> valuesAt(Json here, List<String> path, int depth) {
    if (depth == path.size()) {
      return values(here);
    }
    List<Json> out = new ArrayList<>();
    for (Json candidate : candidates(here)) {
      Json next = field(candidate, path.get(depth));
      if (next != null) {
        out.addAll(valuesAt(next, path, depth + 1));
      }
    }
    return out;
  }

  private static void flatten(Json value, List<Json> out) {
    if (value instanceof Json.Arr(List<Json> elements)) {
      for (Json e : elements) {
        flatten(e, out);
      }
    } else {
      out.add(value);
    }
  }
}
