"""DynamoDB Streams through boto3's `dynamodbstreams` client (and the AWS CLI), on the same
endpoint as DynamoDB: StreamSpecification on CreateTable, UpdateTable and DescribeTable with
DynamoDB's refusals, the shapes of ListStreams, DescribeStream, GetShardIterator and GetRecords,
the records of each view type, and a consumer that follows shard lineage while writers change
items concurrently and shards split and roll over under it.
"""

import datetime
import json
import os
import re
import subprocess
import threading
import time

import boto3
import pytest

import conftest
import support

ARN = re.compile(
    r"arn:aws:dynamodb:us-east-1:\d{12}:table/(?P<table>[^/]+)/stream/"
    r"(?P<label>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3})"
)
SHARD_ID = re.compile(r"shardId-\d{20}-[0-9a-f]{8}")
EVENT_ID = re.compile(r"[0-9a-f]{32}")
SEQUENCE_NUMBER = re.compile(r"\d{21,40}")
VIEW_TYPES = ["KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"]
MISSING_ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/no-such-table/stream/2020-01-01T00:00:00.000"


def make_streams(endpoint):
    return boto3.client(
        "dynamodbstreams",
        endpoint_url=endpoint,
        region_name=support.REGION,
        aws_access_key_id=support.ACCESS_KEY,
        aws_secret_access_key=support.SECRET_KEY,
        config=support.client_config(),
    )


@pytest.fixture(scope="module")
def streams(endpoint):
    """A low-level boto3 DynamoDB Streams client of the endpoint under test."""
    return make_streams(endpoint)


def stream_table(dynamodb, name, view_type, *keys):
    """Creates a table with a stream of `view_type` and returns its LatestStreamArn."""
    described = support.create_table(
        dynamodb,
        name,
        *(keys or (("pk", "S"),)),
        StreamSpecification={"StreamEnabled": True, "StreamViewType": view_type},
    )
    return described["LatestStreamArn"]


def shards_of(streams, arn, **extra):
    """Every shard of the stream, through DescribeStream's pages."""
    shards, after = [], None
    while True:
        params = {"StreamArn": arn, **extra}
        if after:
            params["ExclusiveStartShardId"] = after
        description = streams.describe_stream(**params)["StreamDescription"]
        shards += description["Shards"]
        after = description.get("LastEvaluatedShardId")
        if not after:
            return shards


def read_shard(streams, arn, shard_id, iterator_type="TRIM_HORIZON", **extra):
    """The records of a shard from `iterator_type` on, and whether the shard ended (the last
    GetRecords had no NextShardIterator) rather than running out of records for now."""
    iterator = streams.get_shard_iterator(
        StreamArn=arn, ShardId=shard_id, ShardIteratorType=iterator_type, **extra
    )["ShardIterator"]
    records = []
    while True:
        page = streams.get_records(ShardIterator=iterator)
        assert "Records" in page
        records += page["Records"]
        if "NextShardIterator" not in page:
            return records, True
        if not page["Records"]:
            return records, False
        iterator = page["NextShardIterator"]


def read_stream(streams, arn):
    """All records of a stream of one shard lineage at a time, parents first."""
    shards = shards_of(streams, arn)
    ids = {s["ShardId"] for s in shards}
    done, records = set(), []
    while len(done) < len(shards):
        for shard in shards:
            parent = shard.get("ParentShardId")
            if shard["ShardId"] in done or (parent in ids and parent not in done):
                continue
            records += read_shard(streams, arn, shard["ShardId"])[0]
            done.add(shard["ShardId"])
    return records


# --- StreamSpecification on CreateTable, UpdateTable, DescribeTable --------------------------------


def test_create_table_refuses_stream_specifications_dynamodb_refuses(dynamodb, table_name):
    keys = support.key_schema(("pk", "S"))

    def create(specification):
        dynamodb.create_table(
            TableName=table_name,
            BillingMode="PAY_PER_REQUEST",
            StreamSpecification=specification,
            **keys,
        )

    with support.expect_validation(
        "One or more parameter values were invalid: Table is being created with a stream enabled,"
        " UpdateViewType is required"
    ):
        create({"StreamEnabled": True})
    with support.expect_validation(
        "One or more parameter values were invalid: Table is being created with a stream disabled,"
        " UpdateViewType should not be specified"
    ):
        create({"StreamEnabled": False, "StreamViewType": "NEW_IMAGE"})
    with support.expect_error(
        "ValidationException",
        "1 validation error detected: Value null at 'streamSpecification.streamEnabled' failed to"
        " satisfy constraint: Member must not be null",
    ):
        create({"StreamViewType": "NEW_IMAGE"})
    with support.expect_error(
        "ValidationException",
        "1 validation error detected: Value 'new_image' at 'streamSpecification.streamViewType'"
        " failed to satisfy constraint: Member must satisfy enum value set: [OLD_IMAGE, KEYS_ONLY,"
        " NEW_AND_OLD_IMAGES, NEW_IMAGE]",
    ):
        create({"StreamEnabled": True, "StreamViewType": "new_image"})
    assert not support.table_exists(dynamodb, table_name)


def test_a_table_created_with_a_disabled_stream_has_none(dynamodb, table_name):
    created = support.create_table(dynamodb, table_name, StreamSpecification={"StreamEnabled": False})
    for description in (created, support.describe(dynamodb, table_name)):
        assert "StreamSpecification" not in description
        assert "LatestStreamArn" not in description
        assert "LatestStreamLabel" not in description


def test_create_table_with_a_stream_describes_it(dynamodb, streams, table_name):
    created = support.create_table(
        dynamodb,
        table_name,
        StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"},
    )
    described = support.describe(dynamodb, table_name)
    for description in (created, described):
        assert description["StreamSpecification"] == {
            "StreamEnabled": True,
            "StreamViewType": "NEW_AND_OLD_IMAGES",
        }
    arn = described["LatestStreamArn"]
    assert created["LatestStreamArn"] == arn
    match = ARN.fullmatch(arn)
    assert match, arn
    assert match["table"] == table_name
    assert match["label"] == described["LatestStreamLabel"]
    label_time = datetime.datetime.strptime(match["label"], "%Y-%m-%dT%H:%M:%S.%f")
    now = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)
    assert abs((now - label_time).total_seconds()) < 300


def test_update_table_refuses_stream_changes_dynamodb_refuses(dynamodb, table_name):
    support.create_table(dynamodb, table_name)
    with support.expect_validation(
        "One or more parameter values were invalid: If stream is being enabled then UpdateViewType"
        " is required"
    ):
        dynamodb.update_table(TableName=table_name, StreamSpecification={"StreamEnabled": True})
    with support.expect_validation(
        "One or more parameter values were invalid: If stream is being disabled, then"
        " UpdateViewType must not be specified"
    ):
        dynamodb.update_table(
            TableName=table_name,
            StreamSpecification={"StreamEnabled": False, "StreamViewType": "KEYS_ONLY"},
        )
    with support.expect_validation(f"Table has no stream to disable: TableName: {table_name}"):
        dynamodb.update_table(TableName=table_name, StreamSpecification={"StreamEnabled": False})
    with support.expect_validation(
        "One or more parameter values were invalid: You cannot modify stream status while updating"
        " table IOPS"
    ):
        dynamodb.update_table(
            TableName=table_name,
            StreamSpecification={"StreamEnabled": True, "StreamViewType": "KEYS_ONLY"},
            BillingMode="PROVISIONED",
            ProvisionedThroughput={"ReadCapacityUnits": 1, "WriteCapacityUnits": 1},
        )
    with support.expect_validation(
        "One or more parameter values were invalid: You cannot create or delete index while"
        " changing stream status"
    ):
        dynamodb.update_table(
            TableName=table_name,
            StreamSpecification={"StreamEnabled": True, "StreamViewType": "KEYS_ONLY"},
            AttributeDefinitions=[{"AttributeName": "g", "AttributeType": "S"}],
            GlobalSecondaryIndexUpdates=[
                {
                    "Create": {
                        "IndexName": "by_g",
                        "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}],
                        "Projection": {"ProjectionType": "KEYS_ONLY"},
                    }
                }
            ],
        )
    assert "StreamSpecification" not in support.describe(dynamodb, table_name)

    # With PAY_PER_REQUEST, the one setting that may change with the stream.
    updated = dynamodb.update_table(
        TableName=table_name,
        BillingMode="PAY_PER_REQUEST",
        StreamSpecification={"StreamEnabled": True, "StreamViewType": "KEYS_ONLY"},
    )["TableDescription"]
    assert updated["StreamSpecification"] == {"StreamEnabled": True, "StreamViewType": "KEYS_ONLY"}
    assert ARN.fullmatch(updated["LatestStreamArn"])
    support.wait_active(dynamodb, table_name)
    # The view type of an enabled stream cannot change in place, not even to the same one.
    for view_type in ("KEYS_ONLY", "NEW_IMAGE"):
        with support.expect_validation(f"Table already has an enabled stream: TableName: {table_name}"):
            dynamodb.update_table(
                TableName=table_name,
                StreamSpecification={"StreamEnabled": True, "StreamViewType": view_type},
            )


def test_disabling_keeps_the_old_stream_readable_and_enabling_again_makes_a_new_one(
    dynamodb, streams, table_name
):
    old_arn = stream_table(dynamodb, table_name, "NEW_IMAGE")
    dynamodb.put_item(TableName=table_name, Item={"pk": {"S": "before"}})

    disabled = dynamodb.update_table(
        TableName=table_name, StreamSpecification={"StreamEnabled": False}
    )["TableDescription"]
    support.wait_active(dynamodb, table_name)
    for description in (disabled, support.describe(dynamodb, table_name)):
        assert "StreamSpecification" not in description
        assert description["LatestStreamArn"] == old_arn
    with support.expect_validation(f"Table has no stream to disable: TableName: {table_name}"):
        dynamodb.update_table(TableName=table_name, StreamSpecification={"StreamEnabled": False})
    dynamodb.put_item(TableName=table_name, Item={"pk": {"S": "while disabled"}})

    old = streams.describe_stream(StreamArn=old_arn)["StreamDescription"]
    assert old["StreamStatus"] == "DISABLED"
    assert old["StreamViewType"] == "NEW_IMAGE"
    assert old["TableName"] == table_name
    assert old["Shards"]
    # Every shard of a disabled stream is closed; it still reads to its end.
    records = []
    for shard in old["Shards"]:
        assert "EndingSequenceNumber" in shard["SequenceNumberRange"]
        read, ended = read_shard(streams, old_arn, shard["ShardId"])
        assert ended
        records += read
    assert [r["dynamodb"]["Keys"] for r in records] == [{"pk": {"S": "before"}}]

    enabled = dynamodb.update_table(
        TableName=table_name,
        StreamSpecification={"StreamEnabled": True, "StreamViewType": "KEYS_ONLY"},
    )["TableDescription"]
    support.wait_active(dynamodb, table_name)
    new_arn = enabled["LatestStreamArn"]
    assert new_arn != old_arn
    assert ARN.fullmatch(new_arn)["label"] != ARN.fullmatch(old_arn)["label"]
    described = support.describe(dynamodb, table_name)
    assert described["LatestStreamArn"] == new_arn
    assert described["StreamSpecification"] == {"StreamEnabled": True, "StreamViewType": "KEYS_ONLY"}
    listed = streams.list_streams(TableName=table_name)["Streams"]
    assert sorted(s["StreamArn"] for s in listed) == sorted([old_arn, new_arn])
    assert streams.describe_stream(StreamArn=new_arn)["StreamDescription"]["StreamStatus"] == "ENABLED"

    dynamodb.put_item(TableName=table_name, Item={"pk": {"S": "after"}})
    assert [r["dynamodb"]["Keys"] for r in read_stream(streams, new_arn)] == [{"pk": {"S": "after"}}]
    assert len(read_stream(streams, old_arn)) == 1


# --- ListStreams, DescribeStream, GetShardIterator, GetRecords -------------------------------------


def test_list_streams(dynamodb, streams):
    names = [support.unique_name("ls"), support.unique_name("ls"), support.unique_name("ls")]
    try:
        arns = [stream_table(dynamodb, names[0], "KEYS_ONLY"), stream_table(dynamodb, names[1], "NEW_IMAGE")]
        support.create_table(dynamodb, names[2])

        listed = streams.list_streams(TableName=names[0])
        assert listed["Streams"] == [
            {"StreamArn": arns[0], "TableName": names[0], "StreamLabel": ARN.fullmatch(arns[0])["label"]}
        ]
        assert "LastEvaluatedStreamArn" not in listed
        assert streams.list_streams(TableName=names[2])["Streams"] == []
        assert streams.list_streams(TableName=support.unique_name("none"))["Streams"] == []

        # One stream a page: both streams come, each once.
        seen, page = [], streams.list_streams(Limit=1)
        while True:
            assert len(page["Streams"]) <= 1
            seen += [s["StreamArn"] for s in page["Streams"]]
            if "LastEvaluatedStreamArn" not in page:
                break
            assert page["LastEvaluatedStreamArn"] == page["Streams"][-1]["StreamArn"]
            page = streams.list_streams(Limit=1, ExclusiveStartStreamArn=page["LastEvaluatedStreamArn"])
        assert len(seen) == len(set(seen))
        assert set(arns) <= set(seen)
    finally:
        for name in names:
            support.delete_table_quietly(dynamodb, name)


def test_list_streams_refuses_a_bad_limit_or_start(streams):
    with support.expect_error(
        "ValidationException",
        "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member"
        " must have value greater than or equal to 1",
    ):
        streams.list_streams(Limit=0)
    with support.expect_error("ValidationException"):
        streams.list_streams(ExclusiveStartStreamArn="kossaapaaasdafsdaasdasdasdasasdasfadfadfasdasdas")


def test_describe_stream(dynamodb, streams, table_name):
    arn = stream_table(dynamodb, table_name, "OLD_IMAGE", ("pk", "S"), ("sk", "N"))
    description = streams.describe_stream(StreamArn=arn)["StreamDescription"]
    assert set(description) == {
        "StreamArn", "StreamLabel", "StreamStatus", "StreamViewType", "CreationRequestDateTime",
        "TableName", "KeySchema", "Shards",
    }
    assert description["StreamArn"] == arn
    assert description["StreamLabel"] == ARN.fullmatch(arn)["label"]
    assert description["StreamStatus"] == "ENABLED"
    assert description["StreamViewType"] == "OLD_IMAGE"
    assert isinstance(description["CreationRequestDateTime"], datetime.datetime)
    assert description["TableName"] == table_name
    assert description["KeySchema"] == [
        {"AttributeName": "pk", "KeyType": "HASH"},
        {"AttributeName": "sk", "KeyType": "RANGE"},
    ]
    [shard] = description["Shards"]
    assert SHARD_ID.fullmatch(shard["ShardId"])
    assert "ParentShardId" not in shard
    # An open shard has no EndingSequenceNumber.
    assert set(shard["SequenceNumberRange"]) == {"StartingSequenceNumber"}
    assert SEQUENCE_NUMBER.fullmatch(shard["SequenceNumberRange"]["StartingSequenceNumber"])

    after_last = streams.describe_stream(StreamArn=arn, ExclusiveStartShardId=shard["ShardId"])
    assert after_last["StreamDescription"]["Shards"] == []
    # An ExclusiveStartShardId that names no shard is no error: DynamoDB answers no shards.
    unknown = streams.describe_stream(
        StreamArn=arn, ExclusiveStartShardId="zzzzzzzzzzzzzzzzzzzzzzzzsfasdgagadfadfgagkjsdfsfsdjfjks"
    )
    assert unknown["StreamDescription"]["Shards"] == []


def test_shard_iterators_and_get_records(dynamodb, streams, table_name):
    arn = stream_table(dynamodb, table_name, "KEYS_ONLY")
    [shard] = shards_of(streams, arn)
    shard_id = shard["ShardId"]
    start = shard["SequenceNumberRange"]["StartingSequenceNumber"]

    iterator = streams.get_shard_iterator(
        StreamArn=arn, ShardId=shard_id, ShardIteratorType="TRIM_HORIZON"
    )["ShardIterator"]
    assert iterator.startswith(arn + "|1|")
    assert len(iterator) <= 2048
    # Nothing yet: Records is there, empty, and an open shard always gives the next iterator.
    empty = streams.get_records(ShardIterator=iterator)
    assert empty["Records"] == []
    assert "NextShardIterator" in empty
    latest = streams.get_shard_iterator(
        StreamArn=arn, ShardId=shard_id, ShardIteratorType="LATEST"
    )["ShardIterator"]

    for n in range(3):
        dynamodb.put_item(TableName=table_name, Item={"pk": {"S": f"item{n}"}})
    # The earlier iterators see what was written after they were handed out.
    assert [r["dynamodb"]["Keys"]["pk"]["S"] for r in streams.get_records(ShardIterator=latest)["Records"]] == [
        "item0", "item1", "item2",
    ]
    first = streams.get_records(ShardIterator=empty["NextShardIterator"], Limit=1)
    assert [r["dynamodb"]["Keys"]["pk"]["S"] for r in first["Records"]] == ["item0"]
    rest = streams.get_records(ShardIterator=first["NextShardIterator"])
    assert [r["dynamodb"]["Keys"]["pk"]["S"] for r in rest["Records"]] == ["item1", "item2"]
    assert "NextShardIterator" in rest

    # AT_SEQUENCE_NUMBER works with the shard's start even when no record has that number.
    at_start, _ = read_shard(streams, arn, shard_id, "AT_SEQUENCE_NUMBER", SequenceNumber=start)
    assert len(at_start) == 3
    sequence = at_start[1]["dynamodb"]["SequenceNumber"]
    at, _ = read_shard(streams, arn, shard_id, "AT_SEQUENCE_NUMBER", SequenceNumber=sequence)
    after, _ = read_shard(streams, arn, shard_id, "AFTER_SEQUENCE_NUMBER", SequenceNumber=sequence)
    assert [r["dynamodb"]["Keys"]["pk"]["S"] for r in at] == ["item1", "item2"]
    assert [r["dynamodb"]["Keys"]["pk"]["S"] for r in after] == ["item2"]

    for iterator_type in ("AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER"):
        with support.expect_error("ValidationException"):
            streams.get_shard_iterator(StreamArn=arn, ShardId=shard_id, ShardIteratorType=iterator_type)
    for iterator_type in ("TRIM_HORIZON", "LATEST"):
        with support.expect_error("ValidationException"):
            streams.get_shard_iterator(
                StreamArn=arn, ShardId=shard_id, ShardIteratorType=iterator_type, SequenceNumber=start
            )
    with support.expect_error(
        "ValidationException",
        "1 validation error detected: Value 'bulle' at 'shardIteratorType' failed to satisfy"
        " constraint: Member must satisfy enum value set: [TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER,"
        " AFTER_SEQUENCE_NUMBER]",
    ):
        streams.get_shard_iterator(StreamArn=arn, ShardId=shard_id, ShardIteratorType="bulle")
    with support.expect_error("ValidationException"):
        streams.get_records(ShardIterator="sdfsdfsgagaddafgagasgasgasdfasdfasdfasdfasdgasdasdgasdg")
    # An iterator is opaque and cannot be altered.
    prefix, blob = iterator.rsplit("|", 1)
    altered = prefix + "|" + ("B" if blob[0] != "B" else "C") + blob[1:]
    with support.expect_error("ValidationException"):
        streams.get_records(ShardIterator=altered)


def test_get_records_on_the_wire(endpoint, dynamodb, streams, table_name):
    """The raw JSON: ApproximateCreationDateTime is a number of whole seconds, and a closed shard
    read to its end has no NextShardIterator member at all (not null)."""
    arn = stream_table(dynamodb, table_name, "NEW_IMAGE")
    dynamodb.put_item(TableName=table_name, Item={"pk": {"S": "wire"}})
    dynamodb.update_table(TableName=table_name, StreamSpecification={"StreamEnabled": False})
    [shard] = shards_of(streams, arn)
    iterator = streams.get_shard_iterator(
        StreamArn=arn, ShardId=shard["ShardId"], ShardIteratorType="TRIM_HORIZON"
    )["ShardIterator"]
    response = support.raw_request(
        endpoint,
        body=json.dumps({"ShardIterator": iterator}),
        headers={"X-Amz-Target": "DynamoDBStreams_20120810.GetRecords"},
    )
    assert response.status == 200
    body = response.json()
    assert list(body) == ["Records"]
    [record] = body["Records"]
    assert list(record) == ["eventID", "eventName", "eventVersion", "eventSource", "awsRegion", "dynamodb"]
    created = record["dynamodb"]["ApproximateCreationDateTime"]
    assert isinstance(created, (int, float)) and created == int(created)
    assert abs(created - time.time()) < 300


def expected_record(view_type, event_name, keys, old, new):
    """The `dynamodb` member DynamoDB gives for one change, SizeBytes included: the item size of
    the keys and of the images sent (here all strings: name bytes plus value bytes)."""

    def size(item):
        return sum(len(name.encode()) + len(value["S"].encode()) for name, value in item.items())

    record = {"Keys": keys, "StreamViewType": view_type}
    if view_type in ("NEW_IMAGE", "NEW_AND_OLD_IMAGES") and new is not None:
        record["NewImage"] = new
    if view_type in ("OLD_IMAGE", "NEW_AND_OLD_IMAGES") and old is not None:
        record["OldImage"] = old
    record["SizeBytes"] = size(keys) + size(record.get("NewImage", {})) + size(record.get("OldImage", {}))
    return {"eventName": event_name, "dynamodb": record}


@pytest.mark.parametrize("view_type", VIEW_TYPES)
def test_records_of_each_view_type(dynamodb, streams, table_name, view_type):
    arn = stream_table(dynamodb, table_name, view_type, ("pk", "S"), ("sk", "S"))
    keys = {"pk": {"S": "p"}, "sk": {"S": "s"}}
    first = {**keys, "a": {"S": "one"}}
    second = {**keys, "a": {"S": "two"}, "b": {"S": "é"}}
    before = time.time()
    dynamodb.put_item(TableName=table_name, Item=first)
    dynamodb.update_item(
        TableName=table_name,
        Key=keys,
        UpdateExpression="SET a = :a, b = :b",
        ExpressionAttributeValues={":a": {"S": "two"}, ":b": {"S": "é"}},
    )
    dynamodb.delete_item(TableName=table_name, Key=keys)

    records = read_stream(streams, arn)
    expected = [
        expected_record(view_type, "INSERT", keys, None, first),
        expected_record(view_type, "MODIFY", keys, first, second),
        expected_record(view_type, "REMOVE", keys, second, None),
    ]
    got = [
        {
            "eventName": r["eventName"],
            "dynamodb": {k: v for k, v in r["dynamodb"].items() if k not in ("ApproximateCreationDateTime", "SequenceNumber")},
        }
        for r in records
    ]
    assert got == expected
    sequence_numbers = []
    for r in records:
        assert set(r) == {"eventID", "eventName", "eventVersion", "eventSource", "awsRegion", "dynamodb"}
        assert EVENT_ID.fullmatch(r["eventID"])
        assert r["eventVersion"] == "1.1"
        assert r["eventSource"] == "aws:dynamodb"
        assert r["awsRegion"] == support.REGION
        created = r["dynamodb"]["ApproximateCreationDateTime"]
        assert isinstance(created, datetime.datetime)
        assert before - 60 <= created.timestamp() <= time.time() + 60
        assert SEQUENCE_NUMBER.fullmatch(r["dynamodb"]["SequenceNumber"])
        sequence_numbers.append(int(r["dynamodb"]["SequenceNumber"]))
    assert sequence_numbers == sorted(set(sequence_numbers))
    assert len({r["eventID"] for r in records}) == 3


def test_a_write_that_changes_nothing_has_no_record(dynamodb, streams, table_name):
    arn = stream_table(dynamodb, table_name, "NEW_AND_OLD_IMAGES")
    item = {"pk": {"S": "same"}, "v": {"N": "1"}}
    dynamodb.put_item(TableName=table_name, Item=item)
    dynamodb.put_item(TableName=table_name, Item=item)  # the very same item
    dynamodb.delete_item(TableName=table_name, Key={"pk": {"S": "never written"}})
    with support.expect_error("ConditionalCheckFailedException"):
        dynamodb.put_item(
            TableName=table_name,
            Item={"pk": {"S": "same"}, "v": {"N": "2"}},
            ConditionExpression="attribute_not_exists(pk)",
        )
    dynamodb.put_item(TableName=table_name, Item={"pk": {"S": "same"}, "v": {"N": "2"}})
    records = read_stream(streams, arn)
    assert [(r["eventName"], r["dynamodb"]["NewImage"]["v"]["N"]) for r in records] == [
        ("INSERT", "1"),
        ("MODIFY", "2"),
    ]


def test_resources_that_are_not_there(dynamodb, streams, table_name):
    with support.expect_error(
        "ResourceNotFoundException", f"Requested resource not found: Stream: {MISSING_ARN} not found"
    ):
        streams.describe_stream(StreamArn=MISSING_ARN)
    arn = stream_table(dynamodb, table_name, "KEYS_ONLY")
    [shard] = shards_of(streams, arn)
    with support.expect_error(
        "ResourceNotFoundException", f"Requested resource not found: Stream: {MISSING_ARN} not found"
    ):
        streams.get_shard_iterator(
            StreamArn=MISSING_ARN, ShardId=shard["ShardId"], ShardIteratorType="TRIM_HORIZON"
        )
    for shard_id in ("shardId-00000001414562045508-2bac9cd2", "semprinidfaasdasfsdvacsdcfsdsvsdvsdvsdvsdvsdv"):
        with support.expect_error(
            "ResourceNotFoundException", "Requested resource not found: Shard does not exist"
        ):
            streams.get_shard_iterator(StreamArn=arn, ShardId=shard_id, ShardIteratorType="LATEST")
    # Not an ARN at all: a ValidationException rather than "not found".
    garbage = "sdfadfsdfnlfkajakfgjalksfgklasjklasdjfklasdfasdfgasf"
    with support.expect_error("ValidationException", contains="Invalid StreamArn"):
        streams.describe_stream(StreamArn=garbage)
    with support.expect_error("ValidationException", contains="Invalid StreamArn"):
        streams.get_shard_iterator(StreamArn=garbage, ShardId=shard["ShardId"], ShardIteratorType="LATEST")


def test_the_cli_lists_and_describes_streams(endpoint, dynamodb, table_name):
    arn = stream_table(dynamodb, table_name, "NEW_IMAGE")

    def cli(*args):
        completed = subprocess.run(
            support.aws_cli_command()
            + ["dynamodbstreams", *args, "--endpoint-url", endpoint, "--output", "json"],
            env=support.cli_environment(),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert completed.returncode == 0, completed.stderr
        return json.loads(completed.stdout)

    listed = cli("list-streams", "--table-name", table_name)
    assert listed["Streams"] == [
        {"StreamArn": arn, "TableName": table_name, "StreamLabel": ARN.fullmatch(arn)["label"]}
    ]
    described = cli("describe-stream", "--stream-arn", arn)["StreamDescription"]
    assert described["StreamStatus"] == "ENABLED"
    assert SHARD_ID.fullmatch(described["Shards"][0]["ShardId"])


# --- A consumer across splits and roll-overs -------------------------------------------------------

WRITERS = 4
KEYS_PER_WRITER = 5
WRITES_PER_KEY = 30


@pytest.fixture(scope="module")
def fast_shards(endpoint):
    """(endpoint, own): a server whose stream shards split every 100 records and roll over after
    2 s, so that a short workload meets both. Against an external endpoint (TRIBUTARY_ENDPOINT),
    whose settings cannot be chosen, the same consumer runs on that endpoint's shards."""
    if os.environ.get("TRIBUTARY_ENDPOINT"):
        yield endpoint, False
        return
    process, url, log_path = conftest._start_server(
        "--stream-split-records", "100", "--stream-shard-max-age", "2s"
    )
    try:
        yield url, True
    finally:
        conftest._stop_server(process)
        os.unlink(log_path)


def test_a_consumer_reads_every_change_once_in_order_across_splits_and_rollovers(fast_shards):
    url, own = fast_shards
    dynamodb, streams = support.make_client(url), make_streams(url)
    table = support.unique_name("consumer")
    try:
        arn = stream_table(dynamodb, table, "NEW_IMAGE", ("id", "S"))
        failures = []

        def write(writer):
            client = support.make_client(url)
            try:
                for n in range(1, WRITES_PER_KEY + 1):
                    for k in range(KEYS_PER_WRITER):
                        key = {"id": {"S": f"w{writer}-k{k}"}}
                        if n % 2:
                            client.put_item(TableName=table, Item={**key, "n": {"N": str(n)}})
                        else:
                            client.update_item(
                                TableName=table,
                                Key=key,
                                UpdateExpression="SET n = :n",
                                ExpressionAttributeValues={":n": {"N": str(n)}},
                            )
                    if n % 10 == 0:
                        time.sleep(0.8)  # let shards age past their limit now and then
            except Exception as e:  # reported by the test thread
                failures.append(e)

        writers = [threading.Thread(target=write, args=(w,)) for w in range(WRITERS)]
        for t in writers:
            t.start()

        values, event_ids, positions, finished, known = {}, set(), {}, set(), {}
        deadline = time.monotonic() + 40
        while True:
            writing = any(t.is_alive() for t in writers)
            for shard in shards_of(streams, arn, Limit=3):
                known[shard["ShardId"]] = shard
            progress = 0
            for shard_id, shard in list(known.items()):
                parent = shard.get("ParentShardId")
                if shard_id in finished or (parent in known and parent not in finished):
                    continue
                after = positions.get(shard_id)
                extra = {"SequenceNumber": after} if after else {}
                records, ended = read_shard(
                    streams, arn, shard_id, "AFTER_SEQUENCE_NUMBER" if after else "TRIM_HORIZON", **extra
                )
                last = int(after) if after else 0
                for r in records:
                    sequence = int(r["dynamodb"]["SequenceNumber"])
                    assert sequence > last, f"sequence numbers fall in {shard_id}"
                    last = sequence
                    assert r["eventID"] not in event_ids, f"record {r['eventID']} read twice"
                    event_ids.add(r["eventID"])
                    image = r["dynamodb"]["NewImage"]
                    values.setdefault(image["id"]["S"], []).append(int(image["n"]["N"]))
                    positions[shard_id] = r["dynamodb"]["SequenceNumber"]
                if ended:
                    # Only a closed shard ends, after its last record.
                    closed = next(s for s in shards_of(streams, arn) if s["ShardId"] == shard_id)
                    assert int(closed["SequenceNumberRange"]["EndingSequenceNumber"]) >= last
                    finished.add(shard_id)
                progress += len(records) + ended
            if not writing and progress == 0:
                break
            assert time.monotonic() < deadline, "the consumer did not catch up"
        for t in writers:
            t.join()
        assert not failures, failures

        expected = list(range(1, WRITES_PER_KEY + 1))
        assert len(values) == WRITERS * KEYS_PER_WRITER
        for key, seen in values.items():
            assert seen == expected, key
        assert len(event_ids) == WRITERS * KEYS_PER_WRITER * WRITES_PER_KEY

        children = [s for s in known.values() if s.get("ParentShardId")]
        parents = [s.get("ParentShardId") for s in children]
        splits = len({p for p in parents if parents.count(p) == 2})
        rollovers = len({p for p in parents if parents.count(p) == 1})
        print(
            f"consumer: {len(event_ids)} records, {len(known)} shards, {splits} splits,"
            f" {rollovers} roll-overs, {len(finished)} shards read to their end"
        )
        if own:
            assert splits > 0
            assert rollovers > 0
            assert finished
    finally:
        support.delete_table_quietly(dynamodb, table)
