"""Provisioned throughput held to its rate: the error, and botocore's retries getting through.

A new table's bucket holds 300 seconds of its throughput (DynamoDB's burst); these tests spend
it with large items, so they need a server whose tables start with a full bucket and are held
to their rate: the suite's own server, not an external endpoint.
"""

import time

import boto3
import pytest
from botocore.config import Config

import support
from support import expect_error

TABLE_EXCEEDED = (
    "The level of configured provisioned throughput for the table was exceeded. "
    "Consider increasing your provisioning level with the UpdateTable API."
)

pytestmark = pytest.mark.skipif(
    support.external_endpoint(),
    reason="an external endpoint's burst capacity is not a fresh 300 seconds",
)


def retrying_client(endpoint):
    """A client as users build one: botocore's default retries (exponential backoff)."""
    return boto3.client(
        "dynamodb",
        endpoint_url=endpoint,
        region_name=support.REGION,
        aws_access_key_id=support.ACCESS_KEY,
        aws_secret_access_key=support.SECRET_KEY,
        config=Config(connect_timeout=10, read_timeout=60),
    )


def provisioned(client, name, read, write):
    support.create_table(
        client, name, ProvisionedThroughput={"ReadCapacityUnits": read, "WriteCapacityUnits": write}
    )


def item(pk, size):
    return {"pk": {"S": pk}, "payload": {"S": "p" * size}}


def test_the_raw_error_without_retries(dynamodb, table_name):
    provisioned(dynamodb, table_name, 1, 1)
    # 380 units of the 300 a table with one write unit saves.
    dynamodb.put_item(TableName=table_name, Item=item("big", 380 * 1024))
    with expect_error("ProvisionedThroughputExceededException", TABLE_EXCEEDED) as caught:
        dynamodb.put_item(TableName=table_name, Item=item("next", 1))
    arn = support.describe(dynamodb, table_name)["TableArn"]
    assert caught.value.response["ThrottlingReasons"] == [
        {"reason": "TableWriteProvisionedThroughputExceeded", "resource": arn}
    ]
    assert "Item" not in dynamodb.get_item(TableName=table_name, Key={"pk": {"S": "next"}})
    # Reads have their own throughput: still there.
    assert dynamodb.get_item(TableName=table_name, Key={"pk": {"S": "big"}}, ProjectionExpression="pk")["Item"]


def test_botocore_retries_get_every_write_through_at_the_tables_rate(endpoint, dynamodb, table_name):
    write_units = 5
    burst = 300 * write_units
    provisioned(dynamodb, table_name, 5, write_units)
    client = retrying_client(endpoint)
    started = time.monotonic()
    units, written, retries = 0, 0, 0
    # Items of 10 units until botocore has met the throttle, then 20 of one unit at the rate.
    while retries == 0 and written < 1000:
        out = client.put_item(TableName=table_name, Item=item(f"big{written}", 9 * 1024))
        retries += out["ResponseMetadata"]["RetryAttempts"]
        units, written = units + 10, written + 1
    for i in range(20):
        out = client.put_item(TableName=table_name, Item=item(f"small{i}", 10))
        retries += out["ResponseMetadata"]["RetryAttempts"]
        units, written = units + 1, written + 1
    seconds = time.monotonic() - started
    assert retries > 0
    assert units <= burst + write_units * seconds + 10
    count = sum(page["Count"] for page in client.get_paginator("scan").paginate(TableName=table_name, Select="COUNT"))
    assert count == written


def test_batch_writes_to_a_throttled_table_come_back_unprocessed(dynamodb, table_name):
    provisioned(dynamodb, table_name, 1, 1)
    dynamodb.put_item(TableName=table_name, Item=item("big", 380 * 1024))
    other = support.unique_name("fast")
    provisioned(dynamodb, other, 100, 100)
    try:
        out = dynamodb.batch_write_item(
            RequestItems={
                table_name: [{"PutRequest": {"Item": item("a", 1)}}],
                other: [{"PutRequest": {"Item": item("a", 1)}}],
            }
        )
        assert out["UnprocessedItems"] == {table_name: [{"PutRequest": {"Item": item("a", 1)}}]}
        assert "Item" in dynamodb.get_item(TableName=other, Key={"pk": {"S": "a"}})
        with expect_error("ProvisionedThroughputExceededException", TABLE_EXCEEDED):
            dynamodb.batch_write_item(RequestItems={table_name: [{"PutRequest": {"Item": item("a", 1)}}]})
    finally:
        support.delete_table_quietly(dynamodb, other)


def test_a_server_without_throttling_takes_any_rate(unthrottled):
    name = support.unique_name("unthrottled")
    provisioned(unthrottled, name, 1, 1)
    try:
        for i in range(3):
            unthrottled.put_item(TableName=name, Item=item(f"big{i}", 380 * 1024))
    finally:
        support.delete_table_quietly(unthrottled, name)


def test_an_on_demand_maximum_is_held_to_with_throttling_exception(dynamodb, table_name):
    support.create_table(
        dynamodb,
        table_name,
        BillingMode="PAY_PER_REQUEST",
        OnDemandThroughput={"MaxWriteRequestUnits": 2},
    )
    assert support.describe(dynamodb, table_name)["OnDemandThroughput"] == {"MaxWriteRequestUnits": 2}
    dynamodb.put_item(TableName=table_name, Item=item("a", 3000))
    with expect_error("ThrottlingException", contains="Throughput exceeds the current capacity") as caught:
        dynamodb.put_item(TableName=table_name, Item=item("b", 1))
    assert caught.value.response["throttlingReasons"][0]["reason"] == "TableWriteMaxOnDemandThroughputExceeded"
    dynamodb.update_table(TableName=table_name, OnDemandThroughput={"MaxWriteRequestUnits": -1})
    assert "OnDemandThroughput" not in support.describe(dynamodb, table_name)
    for i in range(3):
        dynamodb.put_item(TableName=table_name, Item=item(f"c{i}", 3000))
