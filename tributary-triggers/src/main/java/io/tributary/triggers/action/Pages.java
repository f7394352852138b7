package io.tributary.triggers.action;

import io.tributary.triggers.rest.LambdaException;
import java.util.List;

/** Marker and MaxItems paging of the List actions: the marker is the last item of a page. */
final class Pages {
  private Pages() {}

  static int maxItems(String given, int largest) {
    if (given == null) {
      return largest;
    }
    int n;
    try {
      n = Integer.parseInt(given);
    } catch (NumberFormatException e) {
      throw LambdaException.validation("Invalid value for MaxItems: " + given);
    }
    if (n < 1 || n > 10000) {
      throw LambdaException.validation(
          "1 validation error detected: Value '"
              + n
              + "' at 'maxItems' failed to satisfy constraint: Member must have value "
              + (n < 1 ? "greater than or equal to 1" : "less than or equal to 10000"));
    }
    return Math.min(n, largest);
  }

  /** The index after the marker; 0 without one. */
  static int start(String marker, List<String> ids) {
    if (marker == null) {
      return 0;
    }
    int i = ids.indexOf(marker);
    if (i < 0) {
      throw LambdaException.invalidParameter("Invalid marker: " + marker);
    }
    return i + 1;
  }
}
