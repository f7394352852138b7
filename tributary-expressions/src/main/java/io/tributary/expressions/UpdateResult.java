package io.tributary.expressions;

import io.tributary.model.AttributeValue;
import java.util.Map;
import java.util.Set;

/**
 * The outcome of applying an update to one item.
 *
 * @param item the new item (its size is for the caller to check)
 * @param updatedOld the old item projected onto the update's paths: ReturnValues UPDATED_OLD
 * @param updatedNew the new item projected onto the update's paths: ReturnValues UPDATED_NEW
 * @param updatedAttributes the top-level attributes the update touched
 */
public record UpdateResult(
    Map<String, AttributeValue> item,
    Map<String, AttributeValue> updatedOld,
    Map<String, AttributeValue> updatedNew,
    Set<String> updatedAttributes) {}
