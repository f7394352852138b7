"""Secondary indexes: CreateTable with LSIs and GSIs, their validation, sparse entries, Query and Scan."""

import json

import pytest

import support
from support import expect_error

ITEMS = 60

LSI = {
    "IndexName": "byScore",
    "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "score", "KeyType": "RANGE"}],
    "Projection": {"ProjectionType": "KEYS_ONLY"},
}
GSI = {
    "IndexName": "byCity",
    "KeySchema": [{"AttributeName": "city", "KeyType": "HASH"}, {"AttributeName": "score", "KeyType": "RANGE"}],
    "Projection": {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["note"]},
}
KEYS = (("pk", "S"), ("sk", "N"))
DEFINITIONS = [
    {"AttributeName": "pk", "AttributeType": "S"},
    {"AttributeName": "sk", "AttributeType": "N"},
    {"AttributeName": "score", "AttributeType": "N"},
    {"AttributeName": "city", "AttributeType": "S"},
]


def create(dynamodb, name, **extra):
    params = {
        "TableName": name,
        "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
        "AttributeDefinitions": DEFINITIONS,
        "BillingMode": "PAY_PER_REQUEST",
    }
    params.update(extra)
    return dynamodb.create_table(**params)["TableDescription"]


@pytest.fixture(scope="module")
def filled(dynamodb):
    name = support.unique_name("idx")
    create(dynamodb, name, LocalSecondaryIndexes=[LSI], GlobalSecondaryIndexes=[GSI])
    support.wait_active(dynamodb, name)
    try:
        with support.make_resource(dynamodb.meta.endpoint_url).Table(name).batch_writer() as w:
            for i in range(ITEMS):
                item = {"pk": f"p{i % 3}", "sk": i, "score": i * 10, "note": f"n{i}", "secret": "s"}
                if i % 4:
                    item["city"] = "Oslo" if i % 2 else "Rome"
                w.put_item(Item=item)
        yield name
    finally:
        support.delete_table_quietly(dynamodb, name)


def test_describe_lists_indexes(dynamodb, filled):
    table = support.describe(dynamodb, filled)
    local = table["LocalSecondaryIndexes"][0]
    assert local["IndexName"] == "byScore"
    assert local["IndexArn"] == table["TableArn"] + "/index/byScore"
    assert local["ItemCount"] == ITEMS
    gsi = table["GlobalSecondaryIndexes"][0]
    assert gsi["IndexStatus"] == "ACTIVE"
    assert gsi["Projection"] == {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["note"]}
    assert gsi["ItemCount"] == ITEMS - ITEMS // 4
    assert gsi["ProvisionedThroughput"]["ReadCapacityUnits"] == 0


def test_query_gsi_pages_in_index_order(dynamodb, filled):
    pages = list(
        dynamodb.get_paginator("query").paginate(
            TableName=filled,
            IndexName="byCity",
            KeyConditionExpression="city = :c",
            ExpressionAttributeValues={":c": {"S": "Oslo"}},
            PaginationConfig={"PageSize": 4},
        )
    )
    scores = [int(i["score"]["N"]) for p in pages for i in p["Items"]]
    assert scores == [i * 10 for i in range(ITEMS) if i % 4 and i % 2]
    first = pages[0]
    assert set(first["LastEvaluatedKey"]) == {"pk", "sk", "city", "score"}
    assert set(first["Items"][0]) == {"pk", "sk", "city", "score", "note"}


def test_lsi_all_attributes_reads_the_table(dynamodb, filled):
    page = dynamodb.query(
        TableName=filled,
        IndexName="byScore",
        KeyConditionExpression="pk = :p AND score >= :s",
        ExpressionAttributeValues={":p": {"S": "p0"}, ":s": {"N": "500"}},
        Select="ALL_ATTRIBUTES",
    )
    assert [int(i["score"]["N"]) for i in page["Items"]] == [510, 540, 570]
    assert page["Items"][0]["secret"] == {"S": "s"}


def test_parallel_scan_of_index(dynamodb, filled):
    total = 0
    for segment in range(3):
        total += dynamodb.scan(TableName=filled, IndexName="byCity", Segment=segment, TotalSegments=3, Select="COUNT")["Count"]
    assert total == ITEMS - ITEMS // 4


def test_index_read_errors(dynamodb, filled):
    with expect_error("ValidationException", "Consistent reads are not supported on global secondary indexes"):
        dynamodb.scan(TableName=filled, IndexName="byCity", ConsistentRead=True)
    with expect_error("ValidationException", "The table does not have the specified index: nope"):
        dynamodb.scan(TableName=filled, IndexName="nope")
    with expect_error(
        "ValidationException",
        "One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary"
        " index byCity because its projection type is not ALL",
    ):
        dynamodb.scan(TableName=filled, IndexName="byCity", Select="ALL_ATTRIBUTES")


def test_wrong_index_key_type_is_refused(dynamodb, filled):
    with expect_error(
        "ValidationException",
        "One or more parameter values were invalid: Type mismatch for Index Key score Expected: N Actual: S IndexName: byCity",
    ):
        dynamodb.put_item(TableName=filled, Item={"pk": {"S": "z"}, "sk": {"N": "1"}, "score": {"S": "x"}})
    assert "Item" not in dynamodb.get_item(TableName=filled, Key={"pk": {"S": "z"}, "sk": {"N": "1"}})


@pytest.mark.parametrize(
    "extra, message",
    [
        ({"GlobalSecondaryIndexes": []}, "One or more parameter values were invalid: List of GlobalSecondaryIndexes is empty"),
        (
            {"LocalSecondaryIndexes": [LSI, {**LSI}], "GlobalSecondaryIndexes": [GSI]},
            "One or more parameter values were invalid: Duplicate index name: byScore",
        ),
        (
            {"LocalSecondaryIndexes": [LSI]},
            "One or more parameter values were invalid: Some AttributeDefinitions are not used. AttributeDefinitions:"
            " [pk, sk, score, city], keys used: [pk, sk, score]",
        ),
        (
            {"LocalSecondaryIndexes": [LSI], "GlobalSecondaryIndexes": [{**GSI, "ProvisionedThroughput": {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1}}]},
            "One or more parameter values were invalid: ProvisionedThroughput should not be specified for index: byCity"
            " when BillingMode is PAY_PER_REQUEST",
        ),
        (
            {"LocalSecondaryIndexes": [LSI], "GlobalSecondaryIndexes": [{**GSI, "Projection": {"ProjectionType": "KEYS_ONLY", "NonKeyAttributes": ["a"]}}]},
            "One or more parameter values were invalid: ProjectionType is KEYS_ONLY, but NonKeyAttributes is specified",
        ),
    ],
)
def test_create_table_index_validation(dynamodb, table_name, extra, message):
    with expect_error("ValidationException", message):
        create(dynamodb, table_name, **extra)


BY_COLOR = {
    "IndexName": "byColor",
    "KeySchema": [{"AttributeName": "color", "KeyType": "HASH"}],
    "Projection": {"ProjectionType": "ALL"},
}


def test_update_table_adds_and_deletes_a_gsi(dynamodb, table_name):
    support.create_table(dynamodb, table_name, ("pk", "S"))
    with support.make_resource(dynamodb.meta.endpoint_url).Table(table_name).batch_writer() as w:
        for i in range(200):
            w.put_item(Item={"pk": f"k{i}", "color": f"c{i % 5}"} if i % 10 else {"pk": f"k{i}"})
    answer = dynamodb.update_table(
        TableName=table_name,
        AttributeDefinitions=[{"AttributeName": "color", "AttributeType": "S"}],
        GlobalSecondaryIndexUpdates=[{"Create": BY_COLOR}],
    )["TableDescription"]
    # DynamoDB answers while the new index allocates its resources, before it backfills.
    assert answer["TableStatus"] == "UPDATING"
    assert answer["GlobalSecondaryIndexes"][0]["IndexStatus"] == "CREATING"
    assert answer["GlobalSecondaryIndexes"][0]["Backfilling"] is False

    def index_status():
        table = support.describe(dynamodb, table_name)
        indexes = table.get("GlobalSecondaryIndexes", [])
        if indexes and indexes[0]["IndexStatus"] == "CREATING" and table["TableStatus"] == "ACTIVE":
            assert indexes[0]["Backfilling"] is True
        if indexes and indexes[0]["IndexStatus"] == "DELETING":
            assert table["TableStatus"] == "UPDATING"
        return indexes[0]["IndexStatus"] if indexes else None

    assert support.poll(lambda: index_status() == "ACTIVE")
    assert "Backfilling" not in support.describe(dynamodb, table_name)["GlobalSecondaryIndexes"][0]
    page = dynamodb.query(
        TableName=table_name,
        IndexName="byColor",
        KeyConditionExpression="color = :c",
        ExpressionAttributeValues={":c": {"S": "c1"}},
        Select="COUNT",
    )
    assert page["Count"] == 40
    with expect_error("ValidationException", "Attempting to create an index which already exists"):
        dynamodb.update_table(
            TableName=table_name,
            AttributeDefinitions=[{"AttributeName": "color", "AttributeType": "S"}],
            GlobalSecondaryIndexUpdates=[{"Create": BY_COLOR}],
        )
    with expect_error(
        "ValidationException",
        "One or more parameter values were invalid: Attributes cannot be redefined. Please check that your attribute"
        " has the same type as previously defined. Existing schema: Schema:[SchemaElement: key{color:S:HASH}]"
        " New schema: Schema:[SchemaElement: key{color:N:HASH}]",
    ):
        dynamodb.update_table(
            TableName=table_name,
            AttributeDefinitions=[{"AttributeName": "color", "AttributeType": "N"}],
            GlobalSecondaryIndexUpdates=[{"Create": {**BY_COLOR, "IndexName": "byColorNumber"}}],
        )
    with expect_error(
        "LimitExceededException",
        "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table",
    ):
        dynamodb.update_table(
            TableName=table_name,
            GlobalSecondaryIndexUpdates=[{"Delete": {"IndexName": "byColor"}}, {"Delete": {"IndexName": "x12"}}],
        )
    answer = dynamodb.update_table(TableName=table_name, GlobalSecondaryIndexUpdates=[{"Delete": {"IndexName": "byColor"}}])
    assert answer["TableDescription"]["TableStatus"] == "UPDATING"
    assert answer["TableDescription"]["GlobalSecondaryIndexes"][0]["IndexStatus"] == "DELETING"
    assert support.poll(lambda: index_status() is None)
    assert support.describe(dynamodb, table_name)["TableStatus"] == "ACTIVE"
    with expect_error("ResourceNotFoundException", f"Requested resource not found: Index byColor for table {table_name}"):
        dynamodb.update_table(TableName=table_name, GlobalSecondaryIndexUpdates=[{"Delete": {"IndexName": "byColor"}}])
    with expect_error("ValidationException", "The table does not have the specified index: byColor"):
        dynamodb.scan(TableName=table_name, IndexName="byColor")


@pytest.mark.parametrize(
    "updates, message",
    [
        (
            [{}],
            "One or more parameter values were invalid: One of GlobalSecondaryIndexUpdate.Update,"
            " GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not be null",
        ),
        (
            [{"Delete": {"IndexName": "byCity"}, "Update": {"IndexName": "byCity", "OnDemandThroughput": {}}}],
            "One or more parameter values were invalid: Only one global secondary index action is allowed per"
            " GlobalSecondaryIndexUpdate object",
        ),
        (
            [{"Delete": {"IndexName": "byCity"}}, {"Create": {**BY_COLOR, "IndexName": "byCity"}}],
            "One or more parameter values were invalid: Only one global secondary index update per index is allowed"
            " simultaneously. Index: byCity",
        ),
        ([{"Delete": {"IndexName": "byScore"}}], "Cannot delete an index that is not a GlobalSecondaryIndex: byScore"),
        (
            [{"Create": {**BY_COLOR, "IndexName": "byTown"}}],
            "One or more parameter values were invalid: AttributeDefinitions is not specified for index: byTown",
        ),
        (
            [{"Update": {"IndexName": "byCity", "ProvisionedThroughput": {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1}}}],
            "One or more parameter values were invalid: The only Updates for index: byCity when TableThroughputMode is"
            " PAY_PER_REQUEST can be to OnDemandThroughput, WarmThroughput",
        ),
    ],
)
def test_global_secondary_index_update_errors(dynamodb, filled, updates, message):
    with expect_error("ValidationException", message):
        dynamodb.update_table(TableName=filled, GlobalSecondaryIndexUpdates=updates)


def test_gsi_added_to_an_on_demand_table_takes_no_provisioned_throughput(dynamodb, filled):
    with expect_error(
        "ValidationException",
        "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified"
        " for index: byTown when BillingMode is PAY_PER_REQUEST",
    ):
        dynamodb.update_table(
            TableName=filled,
            AttributeDefinitions=[{"AttributeName": "town", "AttributeType": "S"}],
            GlobalSecondaryIndexUpdates=[
                {
                    "Create": {
                        "IndexName": "byTown",
                        "KeySchema": [{"AttributeName": "town", "KeyType": "HASH"}],
                        "Projection": {"ProjectionType": "ALL"},
                        "ProvisionedThroughput": {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1},
                    }
                }
            ],
        )


def test_table_is_updating_while_a_new_gsi_allocates_and_the_waiter_sees_it_through(slow_statuses):
    client = slow_statuses
    name = support.unique_name("slow")
    support.create_table(client, name, ("pk", "S"))
    try:
        client.put_item(TableName=name, Item={"pk": {"S": "a"}, "color": {"S": "red"}})
        client.update_table(
            TableName=name,
            AttributeDefinitions=[{"AttributeName": "color", "AttributeType": "S"}],
            GlobalSecondaryIndexUpdates=[{"Create": BY_COLOR}],
        )
        allocating = support.describe(client, name)
        assert allocating["TableStatus"] == "UPDATING"
        assert allocating["GlobalSecondaryIndexes"][0]["IndexStatus"] == "CREATING"
        assert allocating["GlobalSecondaryIndexes"][0]["Backfilling"] is False
        with expect_error("ValidationException", "Cannot read from backfilling global secondary index"):
            client.query(
                TableName=name,
                IndexName="byColor",
                KeyConditionExpression="color = :c",
                ExpressionAttributeValues={":c": {"S": "red"}},
            )
        with expect_error(
            "ResourceInUseException",
            "Attempt to change a resource which is still in use: Cannot delete table while indexes are being"
            " created, updated, or deleted.",
        ):
            client.delete_table(TableName=name)
        client.put_item(TableName=name, Item={"pk": {"S": "b"}, "color": {"S": "red"}})

        client.get_waiter("table_exists").wait(TableName=name, WaiterConfig={"Delay": 0.2, "MaxAttempts": 100})
        assert support.describe(client, name)["TableStatus"] == "ACTIVE"

        def index():
            gsi = support.describe(client, name)["GlobalSecondaryIndexes"][0]
            if gsi["IndexStatus"] == "CREATING":
                assert gsi["Backfilling"] is True
            return gsi

        assert support.poll(lambda: index()["IndexStatus"] == "ACTIVE", timeout=30)
        assert "Backfilling" not in index()
        page = client.query(
            TableName=name,
            IndexName="byColor",
            KeyConditionExpression="color = :c",
            ExpressionAttributeValues={":c": {"S": "red"}},
            Select="COUNT",
        )
        assert page["Count"] == 2

        answer = client.update_table(TableName=name, GlobalSecondaryIndexUpdates=[{"Delete": {"IndexName": "byColor"}}])
        assert answer["TableDescription"]["TableStatus"] == "UPDATING"
        deleting = support.describe(client, name)
        assert deleting["TableStatus"] == "UPDATING"
        assert deleting["GlobalSecondaryIndexes"][0]["IndexStatus"] == "DELETING"
        client.get_waiter("table_exists").wait(TableName=name, WaiterConfig={"Delay": 0.2, "MaxAttempts": 100})
        assert "GlobalSecondaryIndexes" not in support.describe(client, name)
    finally:
        support.delete_table_quietly(client, name)


def test_multi_attribute_gsi_key(dynamodb, table_name):
    dynamodb.create_table(
        TableName=table_name,
        BillingMode="PAY_PER_REQUEST",
        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        AttributeDefinitions=[
            {"AttributeName": "id", "AttributeType": "S"},
            {"AttributeName": "tournament", "AttributeType": "S"},
            {"AttributeName": "region", "AttributeType": "S"},
            {"AttributeName": "round", "AttributeType": "N"},
        ],
        GlobalSecondaryIndexes=[
            {
                "IndexName": "byTournament",
                "KeySchema": [
                    {"AttributeName": "tournament", "KeyType": "HASH"},
                    {"AttributeName": "region", "KeyType": "HASH"},
                    {"AttributeName": "round", "KeyType": "RANGE"},
                ],
                "Projection": {"ProjectionType": "ALL"},
            }
        ],
    )
    support.wait_active(dynamodb, table_name)
    for i, (t, r, n) in enumerate([("W", "EU", 3), ("W", "EU", 1), ("W", "US", 1), ("S", "EU", 2), ("W", "EU", 2)]):
        dynamodb.put_item(
            TableName=table_name,
            Item={"id": {"S": f"m{i}"}, "tournament": {"S": t}, "region": {"S": r}, "round": {"N": str(n)}},
        )
    page = dynamodb.query(
        TableName=table_name,
        IndexName="byTournament",
        KeyConditionExpression="tournament = :t AND #r = :r AND round >= :n",
        ExpressionAttributeNames={"#r": "region"},
        ExpressionAttributeValues={":t": {"S": "W"}, ":r": {"S": "EU"}, ":n": {"N": "2"}},
    )
    assert [i["id"]["S"] for i in page["Items"]] == ["m4", "m0"]
    with expect_error("ValidationException", "Query condition missed key schema element: region"):
        dynamodb.query(
            TableName=table_name,
            IndexName="byTournament",
            KeyConditionExpression="tournament = :t",
            ExpressionAttributeValues={":t": {"S": "W"}},
        )


# --- Item collections (tables with local secondary indexes) -----------------------------------------

COLLECTION_FULL = "Collection size exceeded."
COLLECTION_TABLE = {
    "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
    "AttributeDefinitions": [
        {"AttributeName": "pk", "AttributeType": "S"},
        {"AttributeName": "sk", "AttributeType": "S"},
        {"AttributeName": "level", "AttributeType": "S"},
    ],
    "LocalSecondaryIndexes": [
        {
            "IndexName": "byLevel",
            "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "level", "KeyType": "RANGE"}],
            "Projection": {"ProjectionType": "ALL"},
        }
    ],
    "BillingMode": "PAY_PER_REQUEST",
}


def collection_item(pk, sk):
    """About 420 bytes, and as much again in the local index: two fit in
    support.SMALL_ITEM_COLLECTION_BYTES, three do not."""
    return {"pk": {"S": pk}, "sk": {"S": sk}, "level": {"S": "l1"}, "filler": {"S": "x" * 400}}


def collection_metrics(pk):
    # A collection under a gigabyte is estimated to be between 0 and 1 GB.
    return {"ItemCollectionKey": {"pk": {"S": pk}}, "SizeEstimateRangeGB": [0.0, 1.0]}


def create_collection_table(client, name):
    client.create_table(TableName=name, **COLLECTION_TABLE)
    support.wait_active(client, name)


def test_writes_report_the_item_collection_they_changed(dynamodb, table_name):
    create_collection_table(dynamodb, table_name)
    key = {"pk": {"S": "p1"}, "sk": {"S": "s1"}}
    put = dynamodb.put_item(TableName=table_name, Item=collection_item("p1", "s1"), ReturnItemCollectionMetrics="SIZE")
    assert put["ItemCollectionMetrics"] == collection_metrics("p1")
    update = dynamodb.update_item(
        TableName=table_name,
        Key=key,
        UpdateExpression="SET score = :s",
        ExpressionAttributeValues={":s": {"N": "3"}},
        ReturnItemCollectionMetrics="SIZE",
    )
    assert update["ItemCollectionMetrics"] == collection_metrics("p1")
    batch = dynamodb.batch_write_item(
        RequestItems={table_name: [{"PutRequest": {"Item": collection_item("p2", "s1")}}]},
        ReturnItemCollectionMetrics="SIZE",
    )
    assert batch["ItemCollectionMetrics"] == {table_name: [collection_metrics("p2")]}
    delete = dynamodb.delete_item(TableName=table_name, Key=key, ReturnItemCollectionMetrics="SIZE")
    assert delete["ItemCollectionMetrics"] == collection_metrics("p1")
    # Only when asked for.
    assert "ItemCollectionMetrics" not in dynamodb.put_item(TableName=table_name, Item=collection_item("p1", "s2"))


def test_a_full_item_collection_refuses_to_grow(small_collections):
    client = small_collections
    name = support.unique_name("full")
    create_collection_table(client, name)
    try:
        client.put_item(TableName=name, Item=collection_item("p1", "s1"))
        client.put_item(TableName=name, Item=collection_item("p1", "s2"))
        with expect_error("ItemCollectionSizeLimitExceededException", COLLECTION_FULL):
            client.put_item(TableName=name, Item=collection_item("p1", "s3"))
        with expect_error("ItemCollectionSizeLimitExceededException", COLLECTION_FULL):
            client.update_item(
                TableName=name,
                Key={"pk": {"S": "p1"}, "sk": {"S": "s1"}},
                UpdateExpression="SET more = :m",
                ExpressionAttributeValues={":m": {"S": "y" * 400}},
            )
        with expect_error("ItemCollectionSizeLimitExceededException", COLLECTION_FULL):
            client.batch_write_item(RequestItems={name: [{"PutRequest": {"Item": collection_item("p1", "s3")}}]})
        raw = support.raw_request(
            client.meta.endpoint_url,
            "PutItem",
            json.dumps({"TableName": name, "Item": collection_item("p1", "s3")}),
        )
        assert raw.status == 400
        assert raw.json() == {
            "__type": "com.amazonaws.dynamodb.v20120810#ItemCollectionSizeLimitExceededException",
            "message": COLLECTION_FULL,
        }
        assert "Item" not in client.get_item(TableName=name, Key={"pk": {"S": "p1"}, "sk": {"S": "s3"}})

        # Other collections are not affected, and a full one may shrink and then grow again.
        client.put_item(TableName=name, Item=collection_item("p2", "s1"))
        client.update_item(TableName=name, Key={"pk": {"S": "p1"}, "sk": {"S": "s1"}}, UpdateExpression="REMOVE filler")
        client.put_item(TableName=name, Item=collection_item("p1", "s3"))
        client.delete_item(TableName=name, Key={"pk": {"S": "p1"}, "sk": {"S": "s3"}})
    finally:
        support.delete_table_quietly(client, name)
