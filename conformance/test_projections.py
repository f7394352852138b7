"""GetItem projections: ProjectionExpression with nested paths and list indexes, and AttributesToGet.

A projection keeps the shape of the item: a map entry comes back inside its map, list elements
come back in a list (in list order, without gaps), and paths that match nothing are dropped.
"""

import uuid

import pytest

import support
from support import expect_validation


def N(number):
    return {"N": str(number)}


def S(text):
    return {"S": text}


def L(*values):
    return {"L": list(values)}


def M(**values):
    return {"M": values}


ITEM = {
    "a": M(b=L(N(2), N(4), M(x=S("hi"), y=S("yo"))), c=N(5)),
    "s": S("hello"),
    "l": L(S("zero"), S("one"), S("two"), S("three")),
    "grid": L(L(N(1), N(2)), L(N(3), N(4))),
    "a.b": S("a dotted name"),
    "status": S("a reserved word"),
}


@pytest.fixture(scope="module")
def table(dynamodb):
    name = support.unique_name("projections")
    support.create_table(dynamodb, name, ("pk", "S"))
    try:
        yield name
    finally:
        support.delete_table_quietly(dynamodb, name)


@pytest.fixture(scope="module")
def key(dynamodb, table):
    item_key = {"pk": S(uuid.uuid4().hex)}
    dynamodb.put_item(TableName=table, Item={**item_key, **ITEM})
    return item_key


def get(dynamodb, table, key, projection=None, names=None, **extra):
    params = {"TableName": table, "Key": key, "ConsistentRead": True, **extra}
    if projection is not None:
        params["ProjectionExpression"] = projection
    if names:
        params["ExpressionAttributeNames"] = names
    return dynamodb.get_item(**params)


@pytest.mark.parametrize(
    "projection, expected",
    [
        ("s", {"s": S("hello")}),
        ("pk, s", {"pk": None, "s": S("hello")}),
        ("a", {"a": ITEM["a"]}),
        ("a.c", {"a": M(c=N(5))}),
        ("a.b", {"a": M(b=ITEM["a"]["M"]["b"])}),
        ("a.b[0]", {"a": M(b=L(N(2)))}),
        ("a.b[2]", {"a": M(b=L(M(x=S("hi"), y=S("yo"))))}),
        ("a.b[2].y", {"a": M(b=L(M(y=S("yo"))))}),
        ("a.b[0], a.b[1]", {"a": M(b=L(N(2), N(4)))}),
        ("a.b[0], a.c", {"a": M(b=L(N(2)), c=N(5))}),
        ("a.c, s", {"a": M(c=N(5)), "s": S("hello")}),
        ("l[2], l[0]", {"l": L(S("zero"), S("two"))}),
        ("l[3], l[1], l[9]", {"l": L(S("one"), S("three"))}),
        ("grid[1][0], grid[0][1]", {"grid": L(L(N(2)), L(N(3)))}),
        ("a.x, a.b[0], x, a.b[3].x", {"a": M(b=L(N(2)))}),
    ],
)
def test_projection_keeps_the_shape_of_the_item(dynamodb, table, key, projection, expected):
    expected = {name: (key["pk"] if value is None else value) for name, value in expected.items()}
    assert get(dynamodb, table, key, projection)["Item"] == expected


@pytest.mark.parametrize(
    "projection",
    ["x", "a.x", "a.x.y", "a.b[3]", "a.b[3].x", "a.b.x", "a[0]", "a.b[0].x", "a.b[0][0]", "s.x", "s[0]", "l[4]"],
)
def test_projection_matching_nothing_gives_an_empty_item(dynamodb, table, key, projection):
    assert get(dynamodb, table, key, projection)["Item"] == {}


def test_projection_of_a_missing_item_gives_no_item(dynamodb, table):
    response = get(dynamodb, table, {"pk": S(uuid.uuid4().hex)}, "a.b[0], s")
    assert "Item" not in response


def test_name_placeholders(dynamodb, table, key):
    assert get(dynamodb, table, key, "#a.#b[1]", {"#a": "a", "#b": "b"})["Item"] == {"a": M(b=L(N(4)))}
    # A placeholder is one attribute name, even when the name has a dot in it.
    assert get(dynamodb, table, key, "#dotted", {"#dotted": "a.b"})["Item"] == {"a.b": S("a dotted name")}
    assert get(dynamodb, table, key, "#st", {"#st": "status"})["Item"] == {"status": S("a reserved word")}


def test_attributes_to_get(dynamodb, table, key):
    response = get(dynamodb, table, key, AttributesToGet=["s", "pk", "x"])
    assert response["Item"] == {"pk": key["pk"], "s": S("hello")}
    assert get(dynamodb, table, key, AttributesToGet=["a.b"])["Item"] == {"a.b": S("a dotted name")}
    assert get(dynamodb, table, key, AttributesToGet=["x"])["Item"] == {}


def test_projection_and_attributes_to_get_together(dynamodb, table, key):
    with expect_validation(
        "Can not use both expression and non-expression parameters in the same request: "
        "Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}"
    ):
        get(dynamodb, table, key, "s", AttributesToGet=["s"])


def test_duplicate_attributes_to_get(dynamodb, table, key):
    with expect_validation("One or more parameter values were invalid: Duplicate value in attribute name: s"):
        get(dynamodb, table, key, AttributesToGet=["s", "pk", "s"])


def test_names_without_a_projection(dynamodb, table, key):
    with expect_validation("ExpressionAttributeNames can only be specified when using expressions"):
        get(dynamodb, table, key, names={"#s": "s"})


@pytest.mark.parametrize(
    "projection, names, message",
    [
        ("", None, "Invalid ProjectionExpression: The expression can not be empty;"),
        ("status", None, "Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: status"),
        ("a.Name", None, "Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: Name"),
        ("s,", None, 'Invalid ProjectionExpression: Syntax error; token: "<EOF>", near: ","'),
        (
            "#x",
            {"#y": "s"},
            "Invalid ProjectionExpression: An expression attribute name used in the document path is not defined; "
            "attribute name: #x",
        ),
        ("s", {"#unused": "s"}, "Value provided in ExpressionAttributeNames unused in expressions: keys: {#unused}"),
        (
            "a, a.b",
            None,
            "Invalid ProjectionExpression: Two document paths overlap with each other; "
            "must remove or rewrite one of these paths; path one: [a], path two: [a, b]",
        ),
        (
            "a.b, a",
            None,
            "Invalid ProjectionExpression: Two document paths overlap with each other; "
            "must remove or rewrite one of these paths; path one: [a, b], path two: [a]",
        ),
        (
            "s, #s",
            {"#s": "s"},
            "Invalid ProjectionExpression: Two document paths overlap with each other; "
            "must remove or rewrite one of these paths; path one: [s], path two: [s]",
        ),
        (
            "a.b, a[1]",
            None,
            "Invalid ProjectionExpression: Two document paths conflict with each other; "
            "must remove or rewrite one of these paths; path one: [a, b], path two: [a, [1]]",
        ),
    ],
)
def test_projection_errors(dynamodb, table, key, projection, names, message):
    # GetItem's expression messages are not wrapped in any region so far: pinned whole.
    with support.expect_error("ValidationException", message):
        get(dynamodb, table, key, projection, names)


def test_paths_with_a_common_prefix_do_not_overlap(dynamodb, table, key):
    response = get(dynamodb, table, key, "a.b[1], a.c, l[0], l[1]")
    assert response["Item"] == {"a": M(b=L(N(4)), c=N(5)), "l": L(S("zero"), S("one"))}
