"""Time to live end to end: statuses, the interval between changes, and expired items deleted
into the table's stream as REMOVE records by the service."""

import time

import support
from support import expect_error

COOLDOWN = "Time to live has been modified multiple times within a fixed interval"


def test_a_change_cannot_follow_another_within_the_interval(dynamodb, table_name):
    support.create_table(dynamodb, table_name)
    spec = {"Enabled": True, "AttributeName": "expires"}
    dynamodb.update_time_to_live(TableName=table_name, TimeToLiveSpecification=spec)
    # What is asked is checked first: these are not refused for the interval.
    with expect_error("ValidationException", "TimeToLive is already enabled"):
        dynamodb.update_time_to_live(TableName=table_name, TimeToLiveSpecification=spec)
    with expect_error(
        "ValidationException", "TimeToLive is active on a different AttributeName: current AttributeName is expires"
    ):
        dynamodb.update_time_to_live(
            TableName=table_name, TimeToLiveSpecification={"Enabled": True, "AttributeName": "other"}
        )
    with expect_error("ValidationException", COOLDOWN):
        dynamodb.update_time_to_live(
            TableName=table_name, TimeToLiveSpecification={"Enabled": False, "AttributeName": "expires"}
        )
    assert dynamodb.describe_time_to_live(TableName=table_name)["TimeToLiveDescription"] == {
        "TimeToLiveStatus": "ENABLED",
        "AttributeName": "expires",
    }


def test_enabling_shows_for_the_transient_status_delay(slow_statuses):
    name = support.unique_name("ttl_enabling")
    support.create_table(slow_statuses, name)
    try:
        slow_statuses.update_time_to_live(
            TableName=name, TimeToLiveSpecification={"Enabled": True, "AttributeName": "expires"}
        )
        assert slow_statuses.describe_time_to_live(TableName=name)["TimeToLiveDescription"] == {
            "TimeToLiveStatus": "ENABLING",
            "AttributeName": "expires",
        }
        assert support.poll(
            lambda: slow_statuses.describe_time_to_live(TableName=name)["TimeToLiveDescription"]["TimeToLiveStatus"]
            == "ENABLED"
        )
    finally:
        support.delete_table_quietly(slow_statuses, name)


def test_an_expired_item_is_removed_by_the_service_in_the_stream(fast_expiry):
    dynamodb = fast_expiry
    streams = support.make_streams_client(dynamodb.meta.endpoint_url)
    name = support.unique_name("ttl_stream")
    arn = support.create_table(
        dynamodb, name, StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"}
    )["LatestStreamArn"]
    try:
        dynamodb.update_time_to_live(TableName=name, TimeToLiveSpecification={"Enabled": True, "AttributeName": "expires"})
        now = int(time.time())
        dynamodb.put_item(TableName=name, Item={"pk": {"S": "old"}, "expires": {"N": str(now - 60)}})
        dynamodb.put_item(TableName=name, Item={"pk": {"S": "new"}, "expires": {"N": str(now + 3600)}})
        assert support.poll(lambda: "Item" not in dynamodb.get_item(TableName=name, Key={"pk": {"S": "old"}}))
        assert "Item" in dynamodb.get_item(TableName=name, Key={"pk": {"S": "new"}})

        shard = streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"][0]["ShardId"]
        iterator = streams.get_shard_iterator(StreamArn=arn, ShardId=shard, ShardIteratorType="TRIM_HORIZON")[
            "ShardIterator"
        ]
        records = streams.get_records(ShardIterator=iterator)["Records"]
        # The sweep may remove "old" before or after "new" is written: only the order per key is given.
        events = [(r["eventName"], r["dynamodb"]["Keys"]["pk"]["S"]) for r in records]
        assert sorted(events) == [("INSERT", "new"), ("INSERT", "old"), ("REMOVE", "old")]
        assert events.index(("INSERT", "old")) < events.index(("REMOVE", "old"))
        removed = records[events.index(("REMOVE", "old"))]
        assert removed["userIdentity"] == {"PrincipalId": "dynamodb.amazonaws.com", "Type": "Service"}
        assert removed["dynamodb"]["OldImage"]["expires"] == {"N": str(now - 60)}
        assert all("userIdentity" not in r for r in records if r["eventName"] == "INSERT")
    finally:
        support.delete_table_quietly(dynamodb, name)
