"""Expressions through the AWS CLI: update-item with an update expression, then query."""

import json

import pytest

import support


@pytest.fixture
def table(dynamodb, table_name):
    support.create_table(dynamodb, table_name, ("pk", "S"), ("sk", "S"))
    return table_name


def ok(result):
    assert result.returncode == 0, result.stderr
    return result.json


def test_cli_update_item_and_query(cli, table):
    for sk in ("order#1", "order#2", "profile"):
        ok(cli(
            "update-item",
            "--table-name", table,
            "--key", json.dumps({"pk": {"S": "user1"}, "sk": {"S": sk}}),
            "--update-expression", "SET #c = if_not_exists(#c, :zero) + :one, tags = :tags",
            "--expression-attribute-names", json.dumps({"#c": "count"}),
            "--expression-attribute-values",
            json.dumps({":zero": {"N": "0"}, ":one": {"N": "1"}, ":tags": {"SS": ["new"]}}),
        ))

    updated = ok(cli(
        "update-item",
        "--table-name", table,
        "--key", json.dumps({"pk": {"S": "user1"}, "sk": {"S": "order#2"}}),
        "--update-expression", "SET #c = #c + :one ADD tags :more REMOVE absent",
        "--condition-expression", "attribute_exists(pk)",
        "--expression-attribute-names", json.dumps({"#c": "count"}),
        "--expression-attribute-values", json.dumps({":one": {"N": "1"}, ":more": {"SS": ["vip"]}}),
        "--return-values", "UPDATED_NEW",
    ))
    assert updated["Attributes"]["count"] == {"N": "2"}
    assert sorted(updated["Attributes"]["tags"]["SS"]) == ["new", "vip"]

    queried = ok(cli(
        "query",
        "--table-name", table,
        "--key-condition-expression", "pk = :pk AND begins_with(sk, :prefix)",
        "--filter-expression", "#c > :one",
        "--projection-expression", "sk, #c",
        "--expression-attribute-names", json.dumps({"#c": "count"}),
        "--expression-attribute-values",
        json.dumps({":pk": {"S": "user1"}, ":prefix": {"S": "order#"}, ":one": {"N": "1"}}),
        "--consistent-read",
    ))
    assert queried["Items"] == [{"sk": {"S": "order#2"}, "count": {"N": "2"}}]
    assert queried["Count"] == 1 and queried["ScannedCount"] == 2

    counted = ok(cli(
        "query",
        "--table-name", table,
        "--key-condition-expression", "pk = :pk",
        "--expression-attribute-values", json.dumps({":pk": {"S": "user1"}}),
        "--select", "COUNT",
    ))
    assert counted["Count"] == 3 and "Items" not in counted


def test_cli_reports_expression_errors(cli, table):
    reserved = cli(
        "update-item",
        "--table-name", table,
        "--key", json.dumps({"pk": {"S": "user1"}, "sk": {"S": "a"}}),
        "--update-expression", "SET count = :one",
        "--expression-attribute-values", json.dumps({":one": {"N": "1"}}),
    )
    assert reserved.returncode != 0
    assert "ValidationException" in reserved.stderr
    assert "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: count" in reserved.stderr

    failed = cli(
        "update-item",
        "--table-name", table,
        "--key", json.dumps({"pk": {"S": "user1"}, "sk": {"S": "a"}}),
        "--update-expression", "SET v = :one",
        "--condition-expression", "attribute_exists(pk)",
        "--expression-attribute-values", json.dumps({":one": {"N": "1"}}),
    )
    assert failed.returncode != 0
    assert "ConditionalCheckFailedException" in failed.stderr
    assert "The conditional request failed" in failed.stderr
