"""BatchGetItem and BatchWriteItem: limits, duplicates, all-or-nothing checks, response shapes."""

import pytest

import support
from support import expect_error

KEY_MISMATCH = "The provided key element does not match the schema"


@pytest.fixture(scope="module")
def two_tables(dynamodb):
    names = [support.unique_name("batch_a"), support.unique_name("batch_b")]
    try:
        for name in names:
            support.create_table(dynamodb, name, ("pk", "S"), wait=False)
        for name in names:
            support.wait_active(dynamodb, name)
        yield names
    finally:
        for name in names:
            support.delete_table_quietly(dynamodb, name)


def put(pk, **attributes):
    item = {"pk": {"S": pk}}
    item.update(attributes)
    return {"PutRequest": {"Item": item}}


def test_write_then_read_over_two_tables(dynamodb, two_tables):
    a, b = two_tables
    response = dynamodb.batch_write_item(
        RequestItems={a: [put("1", v={"N": "1"}), put("2")], b: [put("3")]}
    )
    assert response["UnprocessedItems"] == {}
    got = dynamodb.batch_get_item(
        RequestItems={
            a: {"Keys": [{"pk": {"S": "1"}}, {"pk": {"S": "2"}}, {"pk": {"S": "missing"}}]},
            b: {"Keys": [{"pk": {"S": "3"}}], "AttributesToGet": ["pk"]},
        },
        ReturnConsumedCapacity="TOTAL",
    )
    assert sorted(i["pk"]["S"] for i in got["Responses"][a]) == ["1", "2"]
    assert got["Responses"][b] == [{"pk": {"S": "3"}}]
    assert got["UnprocessedKeys"] == {}
    capacity = {c["TableName"]: c["CapacityUnits"] for c in got["ConsumedCapacity"]}
    # Eventually consistent: half a unit per key, a missing key included.
    assert capacity == {a: 1.5, b: 0.5}

    dynamodb.batch_write_item(RequestItems={a: [{"DeleteRequest": {"Key": {"pk": {"S": "1"}}}}]})
    assert "Item" not in dynamodb.get_item(TableName=a, Key={"pk": {"S": "1"}})


def test_boto3_batch_writer(resource, two_tables):
    table = resource.Table(two_tables[0])
    with table.batch_writer() as writer:
        for i in range(60):
            writer.put_item(Item={"pk": f"bw{i}", "n": i})
    assert table.get_item(Key={"pk": "bw59"})["Item"]["n"] == 59


def test_duplicates_are_refused(dynamodb, two_tables):
    a, _ = two_tables
    with expect_error("ValidationException", "Provided list of item keys contains duplicates"):
        dynamodb.batch_write_item(RequestItems={a: [put("dup"), put("dup")]})
    with expect_error("ValidationException", "Provided list of item keys contains duplicates"):
        dynamodb.batch_get_item(RequestItems={a: {"Keys": [{"pk": {"S": "d"}}, {"pk": {"S": "d"}}]}})


def test_one_bad_request_writes_nothing(dynamodb, two_tables):
    a, _ = two_tables
    with expect_error("ValidationException", KEY_MISMATCH):
        dynamodb.batch_write_item(
            RequestItems={a: [put("good"), {"PutRequest": {"Item": {"other": {"S": "x"}}}}]}
        )
    assert "Item" not in dynamodb.get_item(TableName=a, Key={"pk": {"S": "good"}})
    with expect_error("ResourceNotFoundException", "Requested resource not found"):
        dynamodb.batch_write_item(
            RequestItems={a: [put("good")], support.unique_name("missing"): [put("x")]}
        )
    assert "Item" not in dynamodb.get_item(TableName=a, Key={"pk": {"S": "good"}})


def test_limits(dynamodb, two_tables):
    a, b = two_tables
    with expect_error("ValidationException", "Too many items requested for the BatchGetItem call"):
        dynamodb.batch_get_item(
            RequestItems={
                a: {"Keys": [{"pk": {"S": f"k{i}"}} for i in range(60)]},
                b: {"Keys": [{"pk": {"S": f"k{i}"}} for i in range(41)]},
            }
        )
    with expect_error("ValidationException", contains="Member must have length less than or equal to 25"):
        dynamodb.batch_write_item(RequestItems={a: [put(f"k{i}") for i in range(26)]})


def test_empty_request_items(dynamodb):
    with expect_error("ValidationException", "The requestItems parameter is required for BatchWriteItem"):
        dynamodb.batch_write_item(RequestItems={})
    with expect_error("ValidationException", "The requestItems parameter is required for BatchGetItem"):
        dynamodb.batch_get_item(RequestItems={})
