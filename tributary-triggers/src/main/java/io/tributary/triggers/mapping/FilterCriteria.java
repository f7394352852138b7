package io.tributary.triggers.mapping;

import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import io.tributary.triggers.rest.LambdaException;
import java.util.ArrayList;
import java.util.List;

/**
 * An event source mapping's {@code FilterCriteria}: up to five patterns, any one of which lets a
 * record through. With none, every record goes through. Records that match no filter are skipped,
 * and the stream's checkpoint moves past them as Lambda's does.
 */
public record FilterCriteria(List<FilterPattern> filters) {

  /** Lambda's default quota of filters per event source mapping. */
  public static final int MAX_FILTERS = 5;

  /** The longest {@code Pattern} Lambda's API model allows. */
  public static final int MAX_PATTERN_LENGTH = 4096;

  /** No filtering: what a mapping has without FilterCriteria, or after {@code {}} replaced it. */
  public static final FilterCriteria NONE = new FilterCriteria(List.of());

  public FilterCriteria {
    filters = List.copyOf(filters);
  }

  /**
   * Reads the {@code FilterCriteria} member of CreateEventSourceMapping or
   * UpdateEventSourceMapping and checks each pattern. An absent or null member, an empty object or
   * an empty {@code Filters} list all mean no filtering.
   *
   * @throws LambdaException ValidationException for a pattern longer than 4096 characters (the
   *     API model's constraint, checked first); InvalidParameterValueException {@code Invalid filter
   *     pattern definition.} for a pattern Lambda cannot use, and for more than five filters
   */
  public static FilterCriteria parse(Json member) {
    if (member == null || member instanceof Json.Null) {
      return NONE;
    }
    if (!(member instanceof Json.Obj criteria)) {
      throw FilterPattern.invalid();
    }
    Json filters = criteria.get("Filters");
    if (filters == null || filters instanceof Json.Null) {
      return NONE;
    }
    if (!(filters instanceof Json.Arr(List<Json> elements))) {
      throw FilterPattern.invalid();
    }
    List<String> patterns = new ArrayList<>();
    for (Json filter : elements) {
      if (!(filter instanceof Json.Obj f) || !(f.get("Pattern") instanceof Json.Str(String text))) {
        throw FilterPattern.invalid();
      }
      patterns.add(text);
    }
    return of(patterns);
  }

  /** Checks and parses patterns given as their text, in the order given. */
  public static FilterCriteria of(List<String> patterns) {
    // The length is a constraint of the API model, so it is refused before anything the service
    // itself checks, with the model's wording.
    for (int i = 0; i < patterns.size(); i++) {
      String text = patterns.get(i);
      if (text.length() > MAX_PATTERN_LENGTH) {
        throw LambdaException.validation(
            "1 validation error detected: Value '"
                + text
                + "' at 'filterCriteria.filters."
                + (i + 1)
                + ".member.pattern' failed to satisfy constraint: Member must have length less"
                + " than or equal to "
                + MAX_PATTERN_LENGTH);
      }
    }
    if (patterns.size() > MAX_FILTERS) {
      // Lambda's exact wording for going over the filter quota is not known; this is its wording
      // for every other refused filter.
      throw FilterPattern.invalid();
    }
    List<FilterPattern> parsed = new ArrayList<>();
    for (String text : patterns) {
      parsed.add(FilterPattern.parse(text));
    }
    return new FilterCriteria(parsed);
  }

  public boolean isEmpty() {
    return filters.isEmpty();
  }

  /** Whether the record goes to the function: it matches one of the filters, or there are none. */
  public boolean matches(Json record) {
    if (filters.isEmpty()) {
      return true;
    }
    for (FilterPattern f : filters) {
      if (f.matches(record)) {
        return true;
      }
    }
    return false;
  }

  /** {@code {"Filters":[{"Pattern":"..."}]}}, as the mapping's configuration shows it. */
  public Json.Obj toJson() {
    List<Json> out = new ArrayList<>();
    for (FilterPattern f : filters) {
      out.add(JsonBuilder.object().put("Pattern", f.text()).build());
    }
    return JsonBuilder.object().put("Filters", JsonBuilder.array(out)).build();
  }
}
