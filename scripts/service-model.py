#!/usr/bin/env python3
"""Writes the compact API models that the engine's shape validator loads.

Reads the DynamoDB, DynamoDB Streams and CloudWatch Logs service models shipped with the
installed botocore, keeps only what request validation needs (each operation's input shape and
the shapes it reaches: type, members, required, min, max, pattern, enum, list member, map key
and value), and writes them as JSON resources: DynamoDB's and DynamoDB Streams' in
tributary-engine, CloudWatch Logs' (only the operations Tributary serves) in tributary-triggers.
The output is committed, so the build never needs Python; run this again after upgrading
botocore and review the diff:

    python3 scripts/service-model.py

Two things DynamoDB does are not in botocore's model and are applied here from tables below:
the order in which it reports several violations of one structure (its own member order, not
the model's), and the order in which it lists an enum's values in
"Member must satisfy enum value set: [...]". Both were taken from DynamoDB's answers as recorded
by test suites run against the real service; research/shape-messages.md lists the sources.
"""

import gzip
import json
import os
import sys

import botocore

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ENGINE_DIR = os.path.join(
    REPO, "tributary-engine", "src", "main", "resources", "io", "tributary", "engine", "shape")
LOGS_DIR = os.path.join(
    REPO, "tributary-triggers", "src", "main", "resources", "io", "tributary", "triggers", "logs")
DATA = os.path.join(os.path.dirname(botocore.__file__), "data")

ATTRIBUTION = (
    "Derived from the {service} {version} service model shipped with botocore {botocore} "
    "(Copyright Amazon.com, Inc. or its affiliates; Apache License 2.0) by "
    "scripts/service-model.py: documentation{operations} and shapes no request uses removed, "
    "DynamoDB's reporting order of members (\"order\") and of enum values added.")

# DynamoDB reports the violations of one structure in its own member order. Members listed
# here come first, in this order; the rest follow in the model's order.
MEMBER_ORDER = {
    "CreateTableInput": [
        "AttributeDefinitions", "TableName", "BillingMode", "ProvisionedThroughput", "KeySchema",
        "LocalSecondaryIndexes", "GlobalSecondaryIndexes"],
    "UpdateTableInput": ["TableName", "ProvisionedThroughput", "GlobalSecondaryIndexUpdates"],
    "ProvisionedThroughput": ["WriteCapacityUnits", "ReadCapacityUnits"],
    "LocalSecondaryIndex": ["Projection", "IndexName", "KeySchema"],
    "GlobalSecondaryIndex": ["Projection", "IndexName", "ProvisionedThroughput", "KeySchema"],
    "CreateGlobalSecondaryIndexAction": [
        "Projection", "IndexName", "ProvisionedThroughput", "KeySchema"],
    "GlobalSecondaryIndexUpdate": ["Update", "Create", "Delete"],
    "Projection": ["ProjectionType", "NonKeyAttributes"],
    "PutItemInput": [
        "ReturnConsumedCapacity", "TableName", "Item", "ConditionalOperator", "Expected",
        "ReturnValues", "ReturnItemCollectionMetrics", "ConditionExpression",
        "ExpressionAttributeValues", "ExpressionAttributeNames"],
    "UpdateItemInput": [
        "ReturnConsumedCapacity", "TableName", "ReturnItemCollectionMetrics", "ReturnValues",
        "Key", "ConditionalOperator", "Expected", "AttributeUpdates", "ConditionExpression",
        "UpdateExpression", "ExpressionAttributeValues", "ExpressionAttributeNames"],
    "DeleteItemInput": [
        "ReturnConsumedCapacity", "TableName", "ReturnValues", "ReturnItemCollectionMetrics",
        "Key", "ConditionalOperator", "Expected", "ConditionExpression",
        "ExpressionAttributeValues", "ExpressionAttributeNames"],
    "GetItemInput": [
        "ReturnConsumedCapacity", "AttributesToGet", "TableName", "Key", "ConsistentRead",
        "ProjectionExpression", "ExpressionAttributeNames"],
    "QueryInput": [
        "Limit", "ExclusiveStartKey", "ReturnConsumedCapacity", "AttributesToGet", "QueryFilter",
        "Select", "ConditionalOperator", "KeyConditions", "TableName", "ConsistentRead",
        "IndexName", "ScanIndexForward", "KeyConditionExpression", "FilterExpression",
        "ProjectionExpression", "ExpressionAttributeValues", "ExpressionAttributeNames"],
    "ScanInput": [
        "Limit", "ReturnConsumedCapacity", "AttributesToGet", "Segment", "Select", "ScanFilter",
        "ConditionalOperator", "TotalSegments", "TableName", "ExclusiveStartKey", "IndexName",
        "FilterExpression", "ProjectionExpression", "ExpressionAttributeValues",
        "ExpressionAttributeNames"],
    "BatchGetItemInput": ["ReturnConsumedCapacity", "RequestItems"],
    "KeysAndAttributes": [
        "Keys", "AttributesToGet", "ConsistentRead", "ProjectionExpression",
        "ExpressionAttributeNames"],
    "BatchWriteItemInput": ["ReturnConsumedCapacity", "ReturnItemCollectionMetrics", "RequestItems"],
    "WriteRequest": ["DeleteRequest", "PutRequest"],
    "ListTablesInput": ["Limit", "ExclusiveStartTableName"],
    "Condition": ["AttributeValueList", "ComparisonOperator"],
    "ExpectedAttributeValue": ["AttributeValueList", "ComparisonOperator", "Exists", "Value"],
    "AttributeValueUpdate": ["Action", "Value"],
}

# DynamoDB lists some enums in an order of its own. Values listed here come first, in this
# order; any value the model has and the table lacks (a newer one) follows in model order.
ENUM_ORDER = {
    "ScalarAttributeType": ["B", "N", "S"],
    "ReturnValue": ["ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE", "UPDATED_NEW"],
    "Select": ["SPECIFIC_ATTRIBUTES", "COUNT", "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES"],
    "ComparisonOperator": [
        "IN", "NULL", "BETWEEN", "LT", "NOT_CONTAINS", "EQ", "GT", "NOT_NULL", "NE", "LE",
        "BEGINS_WITH", "GE", "CONTAINS"],
    "ConditionalOperator": ["OR", "AND"],
    "ProjectionType": ["ALL", "INCLUDE", "KEYS_ONLY"],
    "StreamViewType": ["OLD_IMAGE", "KEYS_ONLY", "NEW_AND_OLD_IMAGES", "NEW_IMAGE"],
}

# The Java package a service's own request classes live in; it appears in some
# SerializationException messages ("Unrecognized collection type class <namespace>.<Shape>").
# CloudWatch Logs' is a guess by analogy with DynamoDB's: no answer of the service naming it
# was found.
DYNAMODB_NAMESPACE = "com.amazonaws.dynamodb.v20120810"
LOGS_NAMESPACE = "com.amazonaws.logs.v20140328"

# The CloudWatch Logs operations Tributary serves (io.tributary.triggers.logs); the others are
# left out of its model, so they are unknown operations rather than validated ones.
LOGS_OPERATIONS = {
    "CreateLogGroup", "CreateLogStream", "DeleteLogGroup", "DeleteLogStream",
    "DescribeLogGroups", "DescribeLogStreams", "FilterLogEvents", "GetLogEvents",
    "PutLogEvents",
}

# (botocore service, API version, file name, output directory, namespace, operations or None
# for all)
SERVICES = [
    ("dynamodb", "2012-08-10", "dynamodb-2012-08-10.json", ENGINE_DIR, DYNAMODB_NAMESPACE, None),
    ("dynamodbstreams", "2012-08-10", "dynamodbstreams-2012-08-10.json", ENGINE_DIR,
     DYNAMODB_NAMESPACE, None),
    ("logs", "2014-03-28", "logs-2014-03-28.json", LOGS_DIR, LOGS_NAMESPACE, LOGS_OPERATIONS),
]


def ordered(names, preferred):
    first = [n for n in preferred if n in names]
    return first + [n for n in names if n not in first]


def compact_shape(name, shape):
    kind = shape["type"]
    out = {"type": kind}
    if kind == "structure":
        # "members" keeps the model's order: it is also the order of the fields of DynamoDB's
        # request classes, which some messages print. "order" is the reporting order.
        members = list(shape.get("members", {}))
        out["members"] = {m: shape["members"][m]["shape"] for m in members}
        required = [m for m in members if m in shape.get("required", [])]
        if required:
            out["required"] = required
        report = ordered(members, MEMBER_ORDER.get(name, []))
        if report != members:
            out["order"] = report
    elif kind == "list":
        out["member"] = shape["member"]["shape"]
    elif kind == "map":
        out["key"] = shape["key"]["shape"]
        out["value"] = shape["value"]["shape"]
    for field in ("min", "max", "pattern"):
        if field in shape:
            out[field] = shape[field]
    if "enum" in shape:
        out["enum"] = ordered(shape["enum"], ENUM_ORDER.get(name, []))
    return out


def references(shape):
    kind = shape["type"]
    if kind == "structure":
        return [m["shape"] for m in shape.get("members", {}).values()]
    if kind == "list":
        return [shape["member"]["shape"]]
    if kind == "map":
        return [shape["key"]["shape"], shape["value"]["shape"]]
    return []


def convert(service, version, namespace, served):
    path = os.path.join(DATA, service, version, "service-2.json.gz")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        model = json.load(f)
    shapes = model["shapes"]
    operations = {}
    reachable = set()
    for op_name in sorted(model["operations"]):
        op = model["operations"][op_name]
        if "input" not in op or (served is not None and op_name not in served):
            continue
        operations[op_name] = op["input"]["shape"]
        pending = [op["input"]["shape"]]
        while pending:
            shape_name = pending.pop()
            if shape_name in reachable:
                continue
            reachable.add(shape_name)
            pending.extend(references(shapes[shape_name]))
    return {
        "_comment": ATTRIBUTION.format(
            service=model["metadata"]["serviceFullName"], version=version,
            botocore=botocore.__version__,
            operations="" if served is None else ", operations Tributary does not serve"),
        "service": service,
        "apiVersion": version,
        "targetPrefix": model["metadata"]["targetPrefix"],
        "namespace": namespace,
        "operations": operations,
        "shapes": {n: compact_shape(n, shapes[n]) for n in sorted(reachable)},
    }


def main():
    for service, version, file_name, out_dir, namespace, served in SERVICES:
        doc = convert(service, version, namespace, served)
        os.makedirs(out_dir, exist_ok=True)
        target = os.path.join(out_dir, file_name)
        with open(target, "w", encoding="utf-8", newline="\n") as f:
            # One shape per line keeps the committed file small and its diffs readable.
            f.write("{\n")
            head = [k for k in doc if k != "shapes"]
            for key in head:
                f.write(json.dumps(key) + ": " + json.dumps(doc[key], ensure_ascii=False) + ",\n")
            f.write('"shapes": {\n')
            names = list(doc["shapes"])
            for i, name in enumerate(names):
                sep = "," if i < len(names) - 1 else ""
                f.write(json.dumps(name) + ": "
                        + json.dumps(doc["shapes"][name], ensure_ascii=False,
                                     separators=(",", ":")) + sep + "\n")
            f.write("}\n}\n")
        print(f"wrote {os.path.relpath(target, REPO)}: {len(doc['operations'])} operations, "
              f"{len(doc['shapes'])} shapes", file=sys.stderr)


if __name__ == "__main__":
    main()
