"""The newcomer's path through the AWS CLI (`aws dynamodb ... --endpoint-url ...`)."""

import json

import support


def test_cli_table_and_item_round_trip(cli, dynamodb, table_name):
    try:
        created = cli(
            "create-table",
            "--table-name", table_name,
            "--attribute-definitions",
            "AttributeName=username,AttributeType=S",
            "AttributeName=last_name,AttributeType=S",
            "--key-schema",
            "AttributeName=username,KeyType=HASH",
            "AttributeName=last_name,KeyType=RANGE",
            "--provisioned-throughput", "ReadCapacityUnits=5,WriteCapacityUnits=5",
        )
        assert created.returncode == 0, created.stderr
        assert created.json["TableDescription"]["TableName"] == table_name

        waited = cli("wait", "table-exists", "--table-name", table_name)
        assert waited.returncode == 0, waited.stderr

        item = {"username": {"S": "jdoe"}, "last_name": {"S": "Doe"}}
        put = cli("put-item", "--table-name", table_name, "--item", json.dumps(item))
        assert put.returncode == 0, put.stderr

        got = cli("get-item", "--table-name", table_name, "--key", json.dumps(item), "--consistent-read")
        assert got.returncode == 0, got.stderr
        assert got.json == {"Item": item}

        described = cli("describe-table", "--table-name", table_name)
        assert described.returncode == 0, described.stderr
        table = described.json["Table"]
        assert table["TableName"] == table_name
        assert table["TableStatus"] == "ACTIVE"
        assert table["KeySchema"] == [
            {"AttributeName": "username", "KeyType": "HASH"},
            {"AttributeName": "last_name", "KeyType": "RANGE"},
        ]

        listed = cli("list-tables")
        assert listed.returncode == 0, listed.stderr
        assert table_name in listed.json["TableNames"]

        deleted = cli("delete-table", "--table-name", table_name)
        assert deleted.returncode == 0, deleted.stderr
        assert deleted.json["TableDescription"]["TableStatus"] == "DELETING"

        gone = cli("wait", "table-not-exists", "--table-name", table_name)
        assert gone.returncode == 0, gone.stderr
    finally:
        support.delete_table_quietly(dynamodb, table_name)


def test_cli_reports_a_missing_table(cli):
    name = support.unique_name("missing")
    result = cli("describe-table", "--table-name", name)
    assert result.returncode != 0
    assert "ResourceNotFoundException" in result.stderr
    assert f"Requested resource not found: Table: {name} not found" in result.stderr
