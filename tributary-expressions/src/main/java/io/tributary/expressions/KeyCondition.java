package io.tributary.expressions;

import io.tributary.model.AttributeValue;

/**
 * What a Query reads: one partition, and optionally a range of its sort keys.
 *
 * @param sortKeyCondition null when the query reads the whole partition
 */
public record KeyCondition(
    String partitionKey, AttributeValue partitionKeyValue, SortKeyCondition sortKeyCondition) {}
