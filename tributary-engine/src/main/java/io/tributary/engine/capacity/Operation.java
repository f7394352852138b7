package io.tributary.engine.capacity;

/** Which of a table's two throughputs a request uses. */
public enum Operation {
  READ("Read"),
  WRITE("Write");

  private final String word;

  Operation(String word) {
    this.word = word;
  }

  /** The word DynamoDB's throttling reasons use ("TableReadProvisionedThroughputExceeded"). */
  public String word() {
    return word;
  }
}
