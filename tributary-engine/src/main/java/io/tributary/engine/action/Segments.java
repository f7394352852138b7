package io.tributary.engine.action;

import io.tributary.model.DynamoDbException;

/** Segment and TotalSegments of a parallel Scan come together, and Segment < TotalSegments. */
final class Segments {
  private Segments() {}

  static void check(Request request) {
    boolean segment = request.has("Segment");
    boolean total = request.has("TotalSegments");
    if (segment && !total) {
      throw DynamoDbException.validation(
          "The TotalSegments parameter is required but was not present in the request when"
              + " Segment parameter is present");
    }
    if (total && !segment) {
      throw DynamoDbException.validation(
          "The Segment parameter is required but was not present in the request when parameter"
              + " TotalSegments is present");
    }
    if (segment && request.number("Segment") >= request.number("TotalSegments")) {
      throw DynamoDbException.validation(
          "The Segment parameter is zero-based and must be less than parameter TotalSegments:"
              + " Segment: "
              + request.number("Segment")
              + " is not less than TotalSegments: "
              + request.number("TotalSegments"));
    }
  }
}
