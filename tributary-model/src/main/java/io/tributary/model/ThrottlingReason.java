package io.tributary.model;

/**
 * Why a request was throttled, as DynamoDB's throttling errors list it.
 *
 * @param reason resource type, operation and limit in one word, such as {@code
 *     TableWriteProvisionedThroughputExceeded} or {@code IndexReadMaxOnDemandThroughputExceeded}
 * @param resource the ARN of the table or index that was throttled
 */
public record ThrottlingReason(String reason, String resource) {}
