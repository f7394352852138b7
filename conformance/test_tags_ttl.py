"""Tags, time-to-live settings, DescribeLimits and DescribeEndpoints."""

import urllib.parse

import support
from support import expect_error


def test_tags(dynamodb):
    name = support.unique_name("tags")
    arn = support.create_table(dynamodb, name, Tags=[{"Key": "team", "Value": "core"}])["TableArn"]
    try:
        dynamodb.tag_resource(ResourceArn=arn, Tags=[{"Key": "env", "Value": "dev"}, {"Key": "team", "Value": "data"}])
        tags = {t["Key"]: t["Value"] for t in dynamodb.list_tags_of_resource(ResourceArn=arn)["Tags"]}
        assert tags == {"team": "data", "env": "dev"}
        dynamodb.untag_resource(ResourceArn=arn, TagKeys=["team", "absent"])
        assert dynamodb.list_tags_of_resource(ResourceArn=arn)["Tags"] == [{"Key": "env", "Value": "dev"}]
        with expect_error("ValidationException", "Duplicate Tag Keys provided as input: Duplicate Tag Key found a"):
            dynamodb.tag_resource(ResourceArn=arn, Tags=[{"Key": "a", "Value": "1"}, {"Key": "a", "Value": "2"}])
        with expect_error("ValidationException", "Number of Tags exceed the current limit for the provided ResourceArn"):
            dynamodb.tag_resource(ResourceArn=arn, Tags=[{"Key": f"k{i}", "Value": "v"} for i in range(50)])
    finally:
        support.delete_table_quietly(dynamodb, name)
    with expect_error("ResourceNotFoundException", f"Requested resource not found: ResourcArn: {arn} not found"):
        dynamodb.list_tags_of_resource(ResourceArn=arn)


def test_time_to_live(dynamodb):
    name = support.unique_name("ttl")
    support.create_table(dynamodb, name)
    try:
        assert dynamodb.describe_time_to_live(TableName=name)["TimeToLiveDescription"] == {"TimeToLiveStatus": "DISABLED"}
        spec = {"Enabled": True, "AttributeName": "expires"}
        assert dynamodb.update_time_to_live(TableName=name, TimeToLiveSpecification=spec)["TimeToLiveSpecification"] == spec
        assert dynamodb.describe_time_to_live(TableName=name)["TimeToLiveDescription"] == {
            "TimeToLiveStatus": "ENABLED",
            "AttributeName": "expires",
        }
        with expect_error("ValidationException", "TimeToLive is already enabled"):
            dynamodb.update_time_to_live(TableName=name, TimeToLiveSpecification=spec)
    finally:
        support.delete_table_quietly(dynamodb, name)


def test_describe_limits(dynamodb):
    limits = dynamodb.describe_limits()
    assert limits["TableMaxReadCapacityUnits"] == 40000
    assert limits["AccountMaxReadCapacityUnits"] == 80000


def test_describe_endpoints_names_the_address_the_request_reached(endpoint, dynamodb):
    endpoints = dynamodb.describe_endpoints()["Endpoints"]
    assert len(endpoints) == 1 and endpoints[0]["CachePeriodInMinutes"] == 1440
    if not support.external_endpoint():
        assert endpoints[0]["Address"] == urllib.parse.urlparse(endpoint).netloc
