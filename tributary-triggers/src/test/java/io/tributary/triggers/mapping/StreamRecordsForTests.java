package io.tributary.triggers.mapping;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stream records in the shape GetRecords gives them, written with single quotes like the other
 * tests here. Keys and images are DynamoDB JSON, e.g. {@code {'Id':{'S':'1'}}}.
 */
final class StreamRecordsForTests {
  private static final AtomicInteger SEQUENCE = new AtomicInteger(100);

  private StreamRecordsForTests() {}

  static String insert(String keys, String newImage) {
    return record("INSERT", keys, null, newImage);
  }

  static String modify(String keys, String oldImage, String newImage) {
    return record("MODIFY", keys, oldImage, newImage);
  }

  static String remove(String keys, String oldImage) {
    return record("REMOVE", keys, oldImage, null);
  }

  private static String record(String eventName, String keys, String oldImage, String newImage) {
    int n = SEQUENCE.getAndIncrement();
    StringBuilder dynamodb =
        new StringBuilder("{'ApproximateCreationDateTime':1678831218.0,'Keys':").append(keys);
    if (newImage != null) {
      dynamodb.append(",'NewImage':").append(newImage);
    }
    if (oldImage != null) {
      dynamodb.append(",'OldImage':").append(oldImage);
    }
    dynamodb
        .append(",'SequenceNumber':'")
        .append(n)
        .append("','SizeBytes':26,'StreamViewType':'NEW_AND_OLD_IMAGES'}");
    return "{'eventID':'c81e728d9d4c2f636f067f89cc1486"
        + n
        + "','eventName':'"
        + eventName
        + "','eventVersion':'1.1','eventSource':'aws:dynamodb','awsRegion':'us-east-1',"
        + "'dynamodb':"
        + dynamodb
        + "}";
  }
}
