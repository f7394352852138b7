"""Scan: pages, Limit, parallel segments and their errors, Select COUNT."""

import pytest

import support
from support import expect_error

ITEMS = 120


@pytest.fixture(scope="module")
def filled(dynamodb):
    name = support.unique_name("scan")
    support.create_table(dynamodb, name, ("pk", "S"), ("sk", "N"))
    try:
        with support.make_resource(dynamodb.meta.endpoint_url).Table(name).batch_writer() as w:
            for i in range(ITEMS):
                w.put_item(Item={"pk": f"p{i % 17}", "sk": i, "payload": "x" * 10})
        yield name
    finally:
        support.delete_table_quietly(dynamodb, name)


def sort_keys(pages):
    return [int(item["sk"]["N"]) for page in pages for item in page["Items"]]


def test_paginator_sees_every_item_once(dynamodb, filled):
    pages = list(dynamodb.get_paginator("scan").paginate(TableName=filled, PaginationConfig={"PageSize": 7}))
    keys = sort_keys(pages)
    assert sorted(keys) == list(range(ITEMS))
    assert all(p["Count"] <= 7 for p in pages)


@pytest.mark.parametrize("total", [1, 2, 5, 16])
def test_parallel_segments_cover_the_table_once(dynamodb, filled, total):
    keys = []
    for segment in range(total):
        pages = dynamodb.get_paginator("scan").paginate(
            TableName=filled, Segment=segment, TotalSegments=total, PaginationConfig={"PageSize": 25}
        )
        keys += sort_keys(pages)
    assert sorted(keys) == list(range(ITEMS))


def test_one_partition_key_stays_together_in_sort_order(dynamodb, filled):
    items = [i for p in dynamodb.get_paginator("scan").paginate(TableName=filled) for i in p["Items"]]
    seen = {}
    for position, item in enumerate(items):
        seen.setdefault(item["pk"]["S"], []).append((position, int(item["sk"]["N"])))
    for entries in seen.values():
        positions = [p for p, _ in entries]
        assert positions == list(range(positions[0], positions[0] + len(positions)))
        assert [s for _, s in entries] == sorted(s for _, s in entries)


def test_limit_that_ends_on_the_last_item_still_gives_a_key(dynamodb, filled):
    page = dynamodb.scan(TableName=filled, Limit=ITEMS)
    assert page["Count"] == ITEMS and "LastEvaluatedKey" in page
    rest = dynamodb.scan(TableName=filled, ExclusiveStartKey=page["LastEvaluatedKey"])
    assert rest["Count"] == 0 and "LastEvaluatedKey" not in rest


def test_count(dynamodb, filled):
    page = dynamodb.scan(TableName=filled, Select="COUNT")
    assert page["Count"] == ITEMS and page["ScannedCount"] == ITEMS
    assert "Items" not in page


def test_segment_errors(dynamodb, filled):
    with expect_error(
        "ValidationException",
        "The TotalSegments parameter is required but was not present in the request when Segment parameter is present",
    ):
        dynamodb.scan(TableName=filled, Segment=0)
    with expect_error(
        "ValidationException",
        "The Segment parameter is zero-based and must be less than parameter TotalSegments: "
        "Segment: 3 is not less than TotalSegments: 3",
    ):
        dynamodb.scan(TableName=filled, Segment=3, TotalSegments=3)


def test_select_rules(dynamodb, filled):
    with expect_error("ValidationException", contains="ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName"):
        dynamodb.scan(TableName=filled, Select="ALL_PROJECTED_ATTRIBUTES")
    with expect_error("ValidationException", contains="Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES"):
        dynamodb.scan(TableName=filled, Select="SPECIFIC_ATTRIBUTES")
    with expect_error("ValidationException", contains="Cannot specify the AttributesToGet when choosing to get only the Count"):
        dynamodb.scan(TableName=filled, Select="COUNT", AttributesToGet=["pk"])


def test_start_key_must_match_the_schema(dynamodb, filled):
    with expect_error(
        "ValidationException",
        "The provided starting key is invalid: The provided key element does not match the schema",
    ):
        dynamodb.scan(TableName=filled, ExclusiveStartKey={"pk": {"S": "p1"}})
