"""The HTTP surface below the SDKs: health check, headers, CRC, error bodies, compression."""

import gzip
import json
import re
import uuid
import zlib

import pytest

import support
from support import raw_request


@pytest.fixture(scope="module")
def table(dynamodb):
    name = support.unique_name("http")
    support.create_table(dynamodb, name, ("pk", "S"))
    yield name
    support.delete_table_quietly(dynamodb, name)


def put_item_body(table, pk, **attributes):
    item = {"pk": {"S": pk}, **{k: {"S": v} for k, v in attributes.items()}}
    return json.dumps({"TableName": table, "Item": item}).encode()


def stored(dynamodb, table, pk):
    return dynamodb.get_item(TableName=table, Key={"pk": {"S": pk}}, ConsistentRead=True).get("Item")


def assert_crc(response):
    assert "x-amz-crc32" in response.headers
    assert int(response.headers["x-amz-crc32"]) == zlib.crc32(response.body)


def test_health_check(endpoint):
    response = raw_request(endpoint, method="GET", sign=False)
    assert response.status == 200
    assert re.fullmatch(r"healthy: dynamodb\.[a-z0-9-]+\.amazonaws\.com", response.body.decode().strip())


def test_success_headers(endpoint):
    first = raw_request(endpoint, "ListTables", b'{"Limit": 1}', headers={"Accept-Encoding": "identity"})
    second = raw_request(endpoint, "ListTables", b'{"Limit": 1}', headers={"Accept-Encoding": "identity"})
    assert first.status == 200
    assert first.headers["content-type"].startswith("application/x-amz-json-1.0")
    assert first.headers["x-amzn-requestid"]
    assert first.headers["x-amzn-requestid"] != second.headers["x-amzn-requestid"]
    assert_crc(first)
    assert "TableNames" in first.json()


def test_not_found_error_body(endpoint):
    name = support.unique_name("missing")
    response = raw_request(endpoint, "DescribeTable", json.dumps({"TableName": name}))
    assert response.status == 400
    assert response.headers["x-amzn-requestid"]
    assert_crc(response)
    assert response.json() == {
        "__type": "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException",
        "message": f"Requested resource not found: Table: {name} not found",
    }


def test_validation_error_body(endpoint):
    response = raw_request(endpoint, "ListTables", b'{"Limit": 0}')
    assert response.status == 400
    assert_crc(response)
    body = response.json()
    assert body["__type"] == "com.amazon.coral.validate#ValidationException"
    assert body["message"] == (
        "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: "
        "Member must have value greater than or equal to 1"
    )


def test_unknown_operation(endpoint):
    response = raw_request(endpoint, "NoSuchOperation", b"{}")
    assert response.status == 400
    assert response.json()["__type"] == "com.amazon.coral.service#UnknownOperationException"


@pytest.mark.parametrize("body", [b'{"Limit": ', b"not json"])
def test_malformed_json(endpoint, body):
    response = raw_request(endpoint, "ListTables", body)
    assert response.status == 400
    assert response.json()["__type"] == "com.amazon.coral.service#SerializationException"


def test_wrong_json_type(endpoint):
    response = raw_request(endpoint, "DescribeTable", b'{"TableName": 5}')
    assert response.status == 400
    assert response.json()["__type"] == "com.amazon.coral.service#SerializationException"


def test_gzip_request_body(endpoint, dynamodb, table):
    pk = uuid.uuid4().hex
    body = gzip.compress(put_item_body(table, pk, v="compressed"))
    response = raw_request(endpoint, "PutItem", body, headers={"Content-Encoding": "gzip"})
    assert response.status == 200, response.body
    assert stored(dynamodb, table, pk) == {"pk": {"S": pk}, "v": {"S": "compressed"}}


def test_corrupt_gzip_request_body(endpoint, dynamodb, table):
    # DynamoDB answers a body that is not the gzip it claims to be with a 500, and does nothing.
    pk = uuid.uuid4().hex
    truncated = gzip.compress(put_item_body(table, pk))[:-1]
    for body in (put_item_body(table, pk), truncated):
        response = raw_request(endpoint, "PutItem", body, headers={"Content-Encoding": "gzip"})
        assert response.status == 500
    assert stored(dynamodb, table, pk) is None


def test_gzip_response(endpoint, dynamodb, table):
    pk = uuid.uuid4().hex
    dynamodb.put_item(TableName=table, Item={"pk": {"S": pk}, "big": {"S": "x" * 20000}})
    request = json.dumps({"TableName": table, "Key": {"pk": {"S": pk}}, "ConsistentRead": True})
    response = raw_request(endpoint, "GetItem", request, headers={"Accept-Encoding": "gzip"})
    assert response.status == 200
    assert response.headers.get("content-encoding", "").lower() == "gzip"
    assert response.body[:2] == b"\x1f\x8b"
    assert_crc(response)  # over the bytes sent, i.e. the compressed body
    assert json.loads(gzip.decompress(response.body))["Item"]["big"] == {"S": "x" * 20000}
