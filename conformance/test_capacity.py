"""ConsumedCapacity: units, the parts of TOTAL and INDEXES, and what transactions add."""

import pytest

import support

GSI = {
    "IndexName": "byCity",
    "KeySchema": [{"AttributeName": "city", "KeyType": "HASH"}],
    "Projection": {"ProjectionType": "ALL"},
}


@pytest.fixture
def indexed(dynamodb, table_name):
    support.create_table(
        dynamodb,
        table_name,
        ("pk", "S"),
        AttributeDefinitions=[
            {"AttributeName": "pk", "AttributeType": "S"},
            {"AttributeName": "city", "AttributeType": "S"},
        ],
        GlobalSecondaryIndexes=[GSI],
    )
    return table_name


def test_single_item_actions_report_the_aggregate_only(dynamodb, indexed):
    put = dynamodb.put_item(
        TableName=indexed,
        Item={"pk": {"S": "a"}, "city": {"S": "Oslo"}},
        ReturnConsumedCapacity="INDEXES",
    )["ConsumedCapacity"]
    assert put == {
        "TableName": indexed,
        "CapacityUnits": 2.0,
        "Table": {"CapacityUnits": 1.0},
        "GlobalSecondaryIndexes": {"byCity": {"CapacityUnits": 1.0}},
    }
    get = dynamodb.get_item(TableName=indexed, Key={"pk": {"S": "a"}}, ReturnConsumedCapacity="TOTAL")
    assert get["ConsumedCapacity"] == {"TableName": indexed, "CapacityUnits": 0.5}


def test_batch_write_splits_index_units(dynamodb, indexed):
    out = dynamodb.batch_write_item(
        RequestItems={
            indexed: [
                {"PutRequest": {"Item": {"pk": {"S": "b"}, "city": {"S": "Rome"}}}},
                {"PutRequest": {"Item": {"pk": {"S": "c"}}}},
            ]
        },
        ReturnConsumedCapacity="INDEXES",
    )
    assert out["ConsumedCapacity"] == [
        {
            "TableName": indexed,
            "CapacityUnits": 3.0,
            "Table": {"CapacityUnits": 2.0},
            "GlobalSecondaryIndexes": {"byCity": {"CapacityUnits": 1.0}},
        }
    ]


def test_query_counts_what_it_read_before_the_filter(dynamodb, indexed):
    for i in range(3):
        dynamodb.put_item(TableName=indexed, Item={"pk": {"S": f"q{i}"}, "city": {"S": "Lima"}, "v": {"S": "x" * 3000}})
    out = dynamodb.query(
        TableName=indexed,
        IndexName="byCity",
        KeyConditionExpression="city = :c",
        FilterExpression="attribute_not_exists(v)",
        ExpressionAttributeValues={":c": {"S": "Lima"}},
        ReturnConsumedCapacity="INDEXES",
    )
    assert out["Count"] == 0 and out["ScannedCount"] == 3
    # About 9 KB read: 3 units, halved for an eventually consistent read.
    assert out["ConsumedCapacity"] == {
        "TableName": indexed,
        "CapacityUnits": 1.5,
        "Table": {"CapacityUnits": 0.0},
        "GlobalSecondaryIndexes": {"byCity": {"CapacityUnits": 1.5}},
    }


def test_transactions_report_read_or_write_units(dynamodb, indexed):
    write = dynamodb.transact_write_items(
        TransactItems=[{"Put": {"TableName": indexed, "Item": {"pk": {"S": "t"}, "city": {"S": "Kyiv"}}}}],
        ReturnConsumedCapacity="INDEXES",
    )["ConsumedCapacity"]
    assert write == [
        {
            "TableName": indexed,
            "CapacityUnits": 3.0,
            "WriteCapacityUnits": 3.0,
            "Table": {"CapacityUnits": 2.0, "WriteCapacityUnits": 2.0},
            "GlobalSecondaryIndexes": {"byCity": {"CapacityUnits": 1.0, "WriteCapacityUnits": 1.0}},
        }
    ]
    read = dynamodb.transact_get_items(
        TransactItems=[{"Get": {"TableName": indexed, "Key": {"pk": {"S": "t"}}}}],
        ReturnConsumedCapacity="TOTAL",
    )["ConsumedCapacity"]
    assert read == [{"TableName": indexed, "CapacityUnits": 2.0, "ReadCapacityUnits": 2.0}]
