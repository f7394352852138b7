/**
 * Request shapes: the DynamoDB and DynamoDB Streams API models (generated from botocore's by
 * {@code scripts/service-model.py}) and the validator that checks each request against its
 * operation's input shape before the action runs, with DynamoDB's SerializationException and
 * "N validation errors detected" ValidationException texts. Actions check what the model cannot
 * say; AttributeValue contents belong to the item model.
 */
package io.tributary.engine.shape;
