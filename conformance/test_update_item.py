"""UpdateItem: SET, REMOVE, ADD and DELETE, ReturnValues, the legacy AttributeUpdates, and errors.

UpdateItem's validation messages are hand-written ones, which the 2026 regions wrap in
"1 validation error detected: "; `expect_validation` accepts both forms and pins the rest.
"""

import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from botocore.exceptions import ClientError

import support
from support import expect_error, expect_validation

KEY_PART = "One or more parameter values were invalid: Cannot update attribute {}. This attribute is part of the key"
BAD_OPERAND = "An operand in the update expression has an incorrect data type"
BAD_PATH = "The document path provided in the update expression is invalid for update"
NO_ATTRIBUTE = "The provided expression refers to an attribute that does not exist in the item"
OVERFLOW = "Number overflow. Attempting to store a number with magnitude larger than supported range"
MIXED = "Can not use both expression and non-expression parameters in the same request: "


@pytest.fixture(scope="module")
def tables(dynamodb):
    names = {"hash": support.unique_name("update"), "range": support.unique_name("update_range")}
    try:
        support.create_table(dynamodb, names["hash"], ("pk", "S"), wait=False)
        support.create_table(dynamodb, names["range"], ("pk", "S"), ("sk", "N"), wait=False)
        for name in names.values():
            support.wait_active(dynamodb, name)
        yield names
    finally:
        for name in names.values():
            support.delete_table_quietly(dynamodb, name)


@pytest.fixture
def table(tables):
    return tables["hash"]


def new_key():
    return {"pk": {"S": uuid.uuid4().hex}}


def N(number):
    return {"N": str(number)}


def S(text):
    return {"S": text}


def L(*values):
    return {"L": list(values)}


def M(**values):
    return {"M": values}


def stored(dynamodb, table, key):
    return dynamodb.get_item(TableName=table, Key=key, ConsistentRead=True).get("Item")


def update(dynamodb, table, key, expression, values=None, names=None, **extra):
    params = {"TableName": table, "Key": key, "UpdateExpression": expression, **extra}
    if values:
        params["ExpressionAttributeValues"] = values
    if names:
        params["ExpressionAttributeNames"] = names
    return dynamodb.update_item(**params)


def put(dynamodb, table, key, **attributes):
    dynamodb.put_item(TableName=table, Item={**key, **attributes})


def as_sets(item):
    """Sets come back in no particular order."""
    return {
        name: (kind, frozenset(inner)) if kind in ("SS", "NS", "BS") else (kind, inner)
        for name, value in item.items()
        for kind, inner in value.items()
    }


# --- Upsert ---------------------------------------------------------------------------------------


def test_update_creates_a_missing_item(dynamodb, table):
    key = new_key()
    response = update(dynamodb, table, key, "SET a = :a", {":a": S("x")})
    assert "Attributes" not in response
    assert stored(dynamodb, table, key) == {**key, "a": S("x")}


def test_update_without_an_expression_creates_the_key_only_item(dynamodb, table):
    key = new_key()
    response = dynamodb.update_item(TableName=table, Key=key)
    assert "Attributes" not in response
    assert stored(dynamodb, table, key) == key


def test_update_keeps_the_other_attributes(dynamodb, table):
    key = new_key()
    put(dynamodb, table, key, a=S("keep"), b=N(1))
    update(dynamodb, table, key, "SET b = :b", {":b": N(2)})
    assert stored(dynamodb, table, key) == {**key, "a": S("keep"), "b": N(2)}


def test_update_on_a_composite_key(dynamodb, tables):
    key = {"pk": {"S": uuid.uuid4().hex}, "sk": N("1.50")}
    update(dynamodb, tables["range"], key, "SET a = :a", {":a": S("x")})
    assert stored(dynamodb, tables["range"], key) == {"pk": key["pk"], "sk": N("1.5"), "a": S("x")}


# --- SET ------------------------------------------------------------------------------------------


def test_set_with_plus_and_minus(dynamodb, table):
    key = new_key()
    put(dynamodb, table, key, n=N(10))
    update(
        dynamodb, table, key,
        "SET n = n + :five, m = n - :three, f = :tenth + :fifth, neg = :three - n",
        {":five": N(5), ":three": N(3), ":tenth": N("0.1"), ":fifth": N("0.2")},
    )
    # Every operand reads the old item: m is 10 - 3, not 15 - 3. Decimal arithmetic, no binary floats.
    assert stored(dynamodb, table, key) == {**key, "n": N(15), "m": N(7), "f": N("0.3"), "neg": N(-7)}


def test_arithmetic_keeps_38_digits_of_precision(dynamodb, table):
    key = new_key()
    update(
        dynamodb, table, key,
        "SET a = :big + :one, b = :nines - :one",
        {":big": N("1" + "0" * 22), ":one": N(1), ":nines": N("9" * 38)},
    )
    item = stored(dynamodb, table, key)
    assert item["a"] == N("1" + "0" * 21 + "1")
    assert item["b"] == N("9" * 37 + "8")


def test_set_swaps_two_attributes(dynamodb, table):
    key = new_key()
    put(dynamodb, table, key, a=S("first"), b=S("second"))
    update(dynamodb, table, key, "SET a = b, b = a")
    assert stored(dynamodb, table, key) == {**key, "a": S("second"), "b": S("first")}


def test_list_append(dynamodb, table):
    key = new_key()
    put(dynamodb, table, key, l=L(S("b")))
    update(dynamodb, table, key, "SET l = list_append(l, :end)", {":end": L(S("c"), S("d"))})
    update(dynamodb, table, key, "SET l = list_append(:front, l)", {":front": L(S("a"))})
    assert stored(dynamodb, table, key)["l"] == L(S("a"), S("b"), S("c"), S("d"))


def test_list_append_to_a_missing_list_with_if_not_exists(dynamodb, table):
    key = new_key()
    values = {":empty": L(), ":v": L(N(1))}
    update(dynamodb, table, key, "SET l = list_append(if_not_exists(l, :empty), :v)", values)
    update(dynamodb, table, key, "SET l = list_append(if_not_exists(l, :empty), :v)", values)
    assert stored(dynamodb, table, key)["l"] == L(N(1), N(1))


def test_if_not_exists(dynamodb, table):
    key = new_key()
    put(dynamodb, table, key, a=S("there"))
    update(
        dynamodb, table, key,
        "SET a = if_not_exists(a, :default), b = if_not_exists(b, :default)",
        {":default": S("default")},
    )
    assert stored(dynamodb, table, key) == {**key, "a": S("there"), "b": S("default")}


def test_counter_with_if_not_exists(dynamodb, table):
    key = new_key()
    for expected in (1, 2, 3):
        response = update(
            dynamodb, table, key,
            "SET hits = if_not_exists(hits, :zero) + :one",
            {":zero": N(0), ":one": N(1)},
            ReturnValues="UPDATED_NEW",
        )
        assert response["Attributes"] == {"hits": N(expected)}


def test_if_not_exists_reads_the_key_of_a_new_item(dynamodb, table):
    key = new_key()
    response = update(dynamodb, table, key, "SET b = if_not_exists(b, pk)", ReturnValues="UPDATED_NEW")
    assert response["Attributes"] == {"b": key["pk"]}


def test_set_nested_map_entries_and_list_elements(dynamodb, table):
    key = new_key()
    put(dynamodb, table, key, m=M(a=N(1), child=M(x=S("x"))), l=L(S("zero"), S("one"), S("two")))
    update(
        dynamodb, table, key,
        "SET m.b = :b, m.child.y = :y, l[1] = :uno, #dotted = :d",
        {":b": N(2), ":y": S("y"), ":uno": S("uno"), ":d": S("dot")},
        names={"#dotted": "m.c"},
    )
    item = stored(dynamodb, table, key)
    assert item["m"] == M(a=N(1), b=N(2), child=M(x=S("x"), y=S("y")))
    assert item["l"] == L(S("zero"), S("uno"), S("two"))
    assert item["m.c"] == S("dot")  # a #name is one attribute name, dots and all


def test_set_past_the_end_of_a_list_appends(dynamodb, table):
    key = new_key()
    put(dynamodb, table, key, l=L(N(0), N(1)))
    update(dynamodb, table, key, "SET l[20] = :b, l[10] = :a", {":a": S("a"), ":b": S("b")})
    assert stored(dynamodb, table, key)["l"] == L(N(0), N(1), S("a"), S("b"))


def test_set_values_of_every_type(dynamodb, table):
    key = new_key()
    values = {
        ":s": S("s"), ":n": N(1), ":b": {"B": b"\x00\xff"}, ":bool": {"BOOL": False}, ":null": {"NULL": True},
        ":ss": {"SS": ["a", "b"]}, ":ns": {"NS": ["1", "2"]}, ":bs": {"BS": [b"\x01"]},
        ":l": L(S("x"), M()), ":m": M(k=L()),
    }
    update(
        dynamodb, table, key,
        "SET s = :s, n = :n, b = :b, #bool = :bool, #null = :null, ss = :ss, ns = :ns, bs = :bs, l = :l, m = :m",
        values,
        names={"#bool": "bool", "#null": "null"},
    )
    expected = {**key, **{name[1:]: value for name, value in values.items()}}
    assert as_sets(stored(dynamodb, table, key)) == as_sets(expected)


# --- REMOVE ---------------------------------------------------------------------------------------


def test_remove_attributes(dynamodb, table):
    key = new_key()
    put(dynamodb, table, key, a=N(1), b=N(2), c=N(3))
    update(dynamodb, table, key, "REMOVE a, c, absent")
    assert stored(dynamodb, table, key) == {**key, "b": N(2)}


def test_remove_nested_paths(dynamodb, table):
    key = new_key()
    put(dynamodb, table, key, m=M(a=N(1), b=M(c=N(2), d=N(3))))
    update(dynamodb, table, key, "REMOVE m.a, m.b.c, m.absent, m.b.absent")
    assert stored(dynamodb, table, key)["m"] == M(b=M(d=N(3)))


def test_remove_list_elements_shifts_the_rest(dynamodb, table):
    key = new_key()
    put(dynamodb, table, key, l=L(*(S(str(i)) for i in range(6))))
    # Indexes name elements of the old list; the survivors close up.
    update(dynamodb, table, key, "REMOVE l[1], l[3], l[4], l[10]")
    assert stored(dynamodb, table, key)["l"] == L(S("0"), S("2"), S("5"))
    update(dynamodb, table, key, "REMOVE l[0]")
    assert stored(dynamodb, table, key)["l"] == L(S("2"), S("5"))


def test_remove_every_list_element_leaves_an_empty_list(dynamodb, table):
    key = new_key()
    put(dynamodb, table, key, l=L(N(1)))
    update(dynamodb, table, key, "REMOVE l[0]")
    assert stored(dynamodb, table, key)["l"] == L()


def test_remove_and_set_in_one_expression(dynamodb, table):
    key = new_key()
    put(dynamodb, table, key, a=N(1), b=N(2))
    update(dynamodb, table, key, "REMOVE a SET c = b", None)
    assert stored(dynamodb, table, key) == {**key, "b": N(2), "c": N(2)}


# --- ADD ------------------------------------------------------------------------------------------


def test_add_to_numbers(dynamodb, table):
    key = new_key()
    put(dynamodb, table, key, n=N(5))
    update(dynamodb, table, key, "ADD n :three, fresh :minus", {":three": N(3), ":minus": N("-1.5")})
    item = stored(dynamodb, table, key)
    assert item["n"] == N(8)
    assert item["fresh"] == N("-1.5")  # ADD to a missing attribute starts from 0


def test_add_to_sets(dynamodb, table):
    key = new_key()
    put(dynamodb, table, key, ss={"SS": ["a", "b"]}, ns={"NS": ["1"]})
    update(
        dynamodb, table, key,
        "ADD ss :ss, ns :ns, bs :bs",
        {":ss": {"SS": ["b", "c"]}, ":ns": {"NS": ["1.0", "2"]}, ":bs": {"BS": [b"\x01"]}},
    )
    item = stored(dynamodb, table, key)
    assert sorted(item["ss"]["SS"]) == ["a", "b", "c"]
    assert sorted(item["ns"]["NS"]) == ["1", "2"]  # 1.0 is the member 1
    assert item["bs"] == {"BS": [b"\x01"]}


def test_add_into_a_nested_map(dynamodb, table):
    key = new_key()
    put(dynamodb, table, key, m=M(n=N(1)))
    update(dynamodb, table, key, "ADD m.n :one, m.tags :tags", {":one": N(1), ":tags": {"SS": ["x"]}})
    assert stored(dynamodb, table, key)["m"] == M(n=N(2), tags={"SS": ["x"]})


def test_add_of_the_wrong_type_at_runtime(dynamodb, table):
    key = new_key()
    put(dynamodb, table, key, ss={"SS": ["a"]}, n=N(1), s=S("text"))
    cases = [("ADD ss :v", {":v": {"NS": ["1"]}}), ("ADD n :v", {":v": {"SS": ["a"]}}), ("ADD s :v", {":v": N(1)})]
    for expression, values in cases:
        with expect_validation(BAD_OPERAND):
            update(dynamodb, table, key, expression, values)
    assert stored(dynamodb, table, key) == {**key, "ss": {"SS": ["a"]}, "n": N(1), "s": S("text")}


@pytest.mark.parametrize(
    "value, type_name",
    [(S("a"), "STRING"), ({"BOOL": True}, "BOOLEAN"), ({"B": b"a"}, "BINARY"), (L(N(1)), "LIST"), (M(), "MAP")],
)
def test_add_refuses_operands_other_than_numbers_and_sets(dynamodb, table, value, type_name):
    with expect_validation(
        "Invalid UpdateExpression: Incorrect operand type for operator or function; "
        f"operator: ADD, operand type: {type_name}, typeSet: ALLOWED_FOR_ADD_OPERAND"
    ):
        update(dynamodb, table, new_key(), "ADD a :v", {":v": value})


# --- DELETE ---------------------------------------------------------------------------------------


def test_delete_set_elements(dynamodb, table):
    key = new_key()
    put(dynamodb, table, key, ss={"SS": ["a", "b", "c"]}, ns={"NS": ["1", "2"]})
    update(dynamodb, table, key, "DELETE ss :gone, ns :n", {":gone": {"SS": ["a", "z"]}, ":n": {"NS": ["2.0"]}})
    item = stored(dynamodb, table, key)
    assert sorted(item["ss"]["SS"]) == ["b", "c"]
    assert item["ns"] == {"NS": ["1"]}


def test_delete_of_every_element_removes_the_attribute(dynamodb, table):
    key = new_key()
    put(dynamodb, table, key, ss={"SS": ["a", "b"]}, keep=N(1))
    response = update(
        dynamodb, table, key, "DELETE ss :all", {":all": {"SS": ["a", "b", "c"]}}, ReturnValues="ALL_NEW"
    )
    assert response["Attributes"] == {**key, "keep": N(1)}
    assert stored(dynamodb, table, key) == {**key, "keep": N(1)}


def test_delete_from_a_missing_attribute_does_nothing(dynamodb, table):
    key = new_key()
    put(dynamodb, table, key, keep=N(1))
    update(dynamodb, table, key, "DELETE absent :v", {":v": {"SS": ["a"]}})
    assert stored(dynamodb, table, key) == {**key, "keep": N(1)}


@pytest.mark.parametrize(
    "value, type_name",
    [(S("a"), "STRING"), (N(1), "NUMBER"), (L(S("a")), "LIST"), ({"NULL": True}, "NULL")],
)
def test_delete_refuses_operands_other_than_sets(dynamodb, table, value, type_name):
    with expect_validation(
        "Invalid UpdateExpression: Incorrect operand type for operator or function; "
        f"operator: DELETE, operand type: {type_name}, typeSet: ALLOWED_FOR_DELETE_OPERAND"
    ):
        update(dynamodb, table, new_key(), "DELETE a :v", {":v": value})


def test_delete_of_another_set_type_at_runtime(dynamodb, table):
    key = new_key()
    put(dynamodb, table, key, ss={"SS": ["1"]})
    with expect_validation(BAD_OPERAND):
        update(dynamodb, table, key, "DELETE ss :v", {":v": {"NS": ["1"]}})


# --- ReturnValues ---------------------------------------------------------------------------------

OLD = {"a": N(1), "b": S("gone"), "c": S("untouched")}
CHANGE = ("SET a = a + :one, d = :d REMOVE b", {":one": N(1), ":d": S("new")})


@pytest.mark.parametrize(
    "return_values, expected",
    [
        ("NONE", None),
        ("ALL_OLD", {**OLD}),
        ("UPDATED_OLD", {"a": N(1), "b": S("gone")}),
        ("ALL_NEW", {"a": N(2), "c": S("untouched"), "d": S("new")}),
        ("UPDATED_NEW", {"a": N(2), "d": S("new")}),
    ],
)
def test_return_values(dynamodb, table, return_values, expected):
    key = new_key()
    put(dynamodb, table, key, **OLD)
    response = update(dynamodb, table, key, *CHANGE, ReturnValues=return_values)
    if expected is None:
        assert "Attributes" not in response
    else:
        with_key = return_values.startswith("ALL_")
        assert response["Attributes"] == ({**key, **expected} if with_key else expected)


def test_all_old_of_a_new_item_returns_nothing(dynamodb, table):
    response = update(dynamodb, table, new_key(), "SET a = :a", {":a": N(1)}, ReturnValues="ALL_OLD")
    assert "Attributes" not in response


def test_all_new_of_a_new_item_includes_the_key(dynamodb, table):
    key = new_key()
    response = update(dynamodb, table, key, "SET a = :a", {":a": N(1)}, ReturnValues="ALL_NEW")
    assert response["Attributes"] == {**key, "a": N(1)}


def test_updated_values_of_nested_paths_keep_their_shape(dynamodb, table):
    key = new_key()
    put(dynamodb, table, key, m=M(x=N(1), y=N(2)), l=L(S("a"), S("b"), S("c")))
    expression, values = "SET m.x = :x, l[1] = :b", {":x": N(10), ":b": S("B")}
    old = update(dynamodb, table, key, expression, values, ReturnValues="UPDATED_OLD")
    assert old["Attributes"] == {"m": M(x=N(1)), "l": L(S("b"))}
    new = update(dynamodb, table, key, "SET m.x = m.x + :x", {":x": N(1)}, ReturnValues="UPDATED_NEW")
    assert new["Attributes"] == {"m": M(x=N(11))}


# --- Errors: keys, paths and clauses --------------------------------------------------------------


@pytest.mark.parametrize(
    "expression, values",
    [
        ("SET pk = :v", {":v": S("x")}),
        ("REMOVE pk", None),
        ("ADD pk :n", {":n": N(1)}),
        ("SET a = :v REMOVE pk", {":v": S("x")}),
    ],
)
def test_key_attributes_cannot_be_updated(dynamodb, table, expression, values):
    key = new_key()
    with expect_validation(KEY_PART.format("pk")):
        update(dynamodb, table, key, expression, values)
    assert stored(dynamodb, table, key) is None


def test_the_sort_key_cannot_be_updated(dynamodb, tables):
    key = {"pk": {"S": uuid.uuid4().hex}, "sk": N(1)}
    with expect_validation(KEY_PART.format("sk")):
        update(dynamodb, tables["range"], key, "SET sk = :v", {":v": N(2)})


@pytest.mark.parametrize(
    "expression, message",
    [
        ("SET a = :v, a = :v", "overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]"),
        ("SET a = :v REMOVE a", "overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]"),
        ("SET a.b = :v, a = :v", "overlap with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a]"),
        ("REMOVE c, c.d SET x = :v", "overlap with each other; must remove or rewrite one of these paths; path one: [c], path two: [c, d]"),
        ("REMOVE a.b SET a[1] = :v", "conflict with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a, [1]]"),
    ],
)
def test_overlapping_and_conflicting_paths(dynamodb, table, expression, message):
    with expect_validation(f"Invalid UpdateExpression: Two document paths {message}"):
        update(dynamodb, table, new_key(), expression, {":v": N(1)})


# Cases recorded against DynamoDB by dynalite: "#d" names an attribute literally called "[3]".
@pytest.mark.parametrize(
    "expression, kind, one, two",
    [
        ("set d[1] = a, d.b = a, c[1].a = a, #c = if_not_exists(a)", "overlap", "[c, [1], a]", "[c]"),
        ("set c.b.#c = a, c = a, #d = a", "overlap", "[c, b, c]", "[c]"),
        ("set a = b remove a, #c, #d", "overlap", "[a]", "[a]"),
        ("set #c[3].#d = a, #c[3] = a", "overlap", "[c, [3], [3]]", "[c, [3]]"),
        ("remove c, #c.a, #d", "overlap", "[c]", "[c, a]"),
        ("remove a, #c, a, #d", "overlap", "[a]", "[a]"),
        ("set #c[3].#d = a, #c.#d[3] = if_not_exists(a)", "conflict", "[c, [3], [3]]", "[c, [3], [3]]"),
        ("remove a.#c set a[1] = #d", "conflict", "[a, c]", "[a, [1]]"),
    ],
)
def test_path_collisions_name_both_paths(dynamodb, table, expression, kind, one, two):
    with expect_validation(
        f"Invalid UpdateExpression: Two document paths {kind} with each other; "
        f"must remove or rewrite one of these paths; path one: {one}, path two: {two}"
    ):
        update(dynamodb, table, new_key(), expression, names={"#c": "c", "#d": "[3]"})


def test_function_names_are_checked_before_repeated_clauses(dynamodb, table):
    with expect_validation("Invalid UpdateExpression: Invalid function name; function: if_not_exist"):
        update(dynamodb, table, new_key(), "set #c = if_not_exist(:c) set c = d", {":c": N(1)}, {"#c": "c"})
    with expect_validation("Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: abOrt"):
        update(dynamodb, table, new_key(), " set #c = :c set abOrt = :c ", {":c": N(1)}, {"#c": "c"})


@pytest.mark.parametrize(
    "expression, message",
    [
        ("SET a = size(b)", "The function is not allowed in an update expression; function: size"),
        ("SET a = if_not_exists(:v, b)", "Operator or function requires a document path; operator or function: if_not_exists"),
        (
            "SET a = if_not_exists(b)",
            "Incorrect number of operands for operator or function; operator or function: if_not_exists, number of operands: 1",
        ),
        ("SET a[99999999999] = :v", "List index is not within the allowable range; index: [99999999999]"),
        ("SET " + ".".join(["a"] * 33) + " = :v", "The document path has too many nesting levels; nesting levels: 33"),
    ],
)
def test_other_update_expression_errors(dynamodb, table, expression, message):
    values = {":v": N(1)} if ":v" in expression else None
    with expect_validation(f"Invalid UpdateExpression: {message}"):
        update(dynamodb, table, new_key(), expression, values)


def test_placeholder_maps_must_be_well_formed(dynamodb, table):
    with expect_validation("ExpressionAttributeValues must not be empty"):
        dynamodb.update_item(TableName=table, Key=new_key(), UpdateExpression="REMOVE a", ExpressionAttributeValues={})
    with expect_validation('ExpressionAttributeNames contains invalid key: Syntax error; key: "a"'):
        update(dynamodb, table, new_key(), "SET #a = :v", {":v": N(1)}, names={"#a": "a", "a": "a"})
    with expect_validation('ExpressionAttributeValues contains invalid key: Syntax error; key: "v"'):
        update(dynamodb, table, new_key(), "SET a = :v", {":v": N(1), "v": N(1)})


@pytest.mark.parametrize("clause", ["SET", "REMOVE", "ADD", "DELETE"])
def test_a_clause_may_appear_once(dynamodb, table, clause):
    expressions = {
        "SET": "SET a = :v SET b = :v",
        "REMOVE": "REMOVE a SET b = :v REMOVE c",
        "ADD": "ADD a :s SET b = :v ADD c :s",
        "DELETE": "DELETE a :s SET b = :v DELETE c :s",
    }
    with expect_validation(f'Invalid UpdateExpression: The "{clause}" section can only be used once in an update expression;'):
        update(dynamodb, table, new_key(), expressions[clause], {":v": N(1), ":s": {"NS": ["1"]}})


@pytest.mark.parametrize(
    "expression, token, near",
    [
        ("SET a = b + c + d", "+", "c + d"),
        ("SET a = b + 1", "1", "+ 1"),
        ("SET a = b c d", "c", "b c d"),
        ("SET", "<EOF>", "SET"),
        ("SET a = :v,", "<EOF>", ","),
        ("REMOVE a = b", "=", "a = b"),
    ],
)
def test_syntax_errors_name_the_token_and_where(dynamodb, table, expression, token, near):
    values = {":v": N(1)} if ":v" in expression else None
    with expect_validation(f'Invalid UpdateExpression: Syntax error; token: "{token}", near: "{near}"'):
        update(dynamodb, table, new_key(), expression, values)


def test_reserved_words_must_be_escaped(dynamodb, table):
    with expect_validation("Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: status"):
        update(dynamodb, table, new_key(), "SET status = :v", {":v": S("x")})
    with expect_validation("Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: Name"):
        update(dynamodb, table, new_key(), "SET m.Name = :v", {":v": S("x")})
    key = new_key()
    update(dynamodb, table, key, "SET #s = :v", {":v": S("x")}, names={"#s": "status"})
    assert stored(dynamodb, table, key) == {**key, "status": S("x")}


def test_undefined_placeholders(dynamodb, table):
    with expect_validation(
        "Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :v"
    ):
        update(dynamodb, table, new_key(), "SET a = :v")
    with expect_validation(
        "Invalid UpdateExpression: An expression attribute name used in the document path is not defined; attribute name: #n"
    ):
        update(dynamodb, table, new_key(), "SET #n = :v", {":v": N(1)}, names={"#other": "x", "#n2": "y"})


def test_unused_placeholders(dynamodb, table):
    with expect_validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}"):
        update(dynamodb, table, new_key(), "SET a = :v", {":v": N(1), ":unused": N(2)})
    with expect_validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {#unused}"):
        update(dynamodb, table, new_key(), "SET a = :v", {":v": N(1)}, names={"#unused": "x"})


def test_empty_update_expression(dynamodb, table):
    with expect_validation("Invalid UpdateExpression: The expression can not be empty;"):
        update(dynamodb, table, new_key(), "")


@pytest.mark.parametrize(
    "expression, operator, type_name",
    [
        ("SET a = b + :s", "+", "S"),
        ("SET a = :l - b", "-", "L"),
        ("SET a = list_append(:s, b)", "list_append", "S"),
        ("SET a = list_append(b, :n)", "list_append", "N"),
    ],
)
def test_constant_operands_of_the_wrong_type(dynamodb, table, expression, operator, type_name):
    values = {":s": S("x"), ":n": N(1), ":l": L()}
    values = {name: value for name, value in values.items() if name in expression}
    with expect_validation(
        "Invalid UpdateExpression: Incorrect operand type for operator or function; "
        f"operator or function: {operator}, operand type: {type_name}"
    ):
        update(dynamodb, table, new_key(), expression, values)


def test_stored_operands_of_the_wrong_type(dynamodb, table):
    key = new_key()
    put(dynamodb, table, key, s=S("text"), l=L(N(1)), n=N(1))
    for expression, values in [
        ("SET a = s + :one", {":one": N(1)}),
        ("SET a = :one - l", {":one": N(1)}),
        ("SET a = list_append(s, :l)", {":l": L()}),
        ("SET a = list_append(:l, n)", {":l": L()}),
    ]:
        with expect_validation(BAD_OPERAND):
            update(dynamodb, table, key, expression, values)
    assert stored(dynamodb, table, key) == {**key, "s": S("text"), "l": L(N(1)), "n": N(1)}


def test_operand_that_does_not_exist(dynamodb, table):
    key = new_key()
    put(dynamodb, table, key, n=N(1))
    with expect_validation(NO_ATTRIBUTE):
        update(dynamodb, table, key, "SET a = absent + :one", {":one": N(1)})
    with expect_validation(NO_ATTRIBUTE):
        update(dynamodb, table, key, "SET a = list_append(absent, :l)", {":l": L()})
    with expect_validation(NO_ATTRIBUTE):
        update(dynamodb, table, new_key(), "SET a = b")


@pytest.mark.parametrize(
    "expression",
    [
        "SET absent.x = :v",
        "SET absent[0] = :v",
        "SET m.absent.x = :v",
        "SET l.x = :v",
        "SET m[0] = :v",
        "SET s.x = :v",
        "REMOVE l.x",
        "REMOVE m[0]",
        "ADD m[0] :n",
        "DELETE l.x :ss",
    ],
)
def test_invalid_document_paths(dynamodb, table, expression):
    key = new_key()
    put(dynamodb, table, key, m=M(k=N(1)), l=L(N(1)), s=S("text"))
    values = {name: value for name, value in {":v": N(1), ":n": N(1), ":ss": {"SS": ["a"]}}.items() if name in expression}
    with expect_validation(BAD_PATH):
        update(dynamodb, table, key, expression, values)
    assert stored(dynamodb, table, key) == {**key, "m": M(k=N(1)), "l": L(N(1)), "s": S("text")}


def test_nested_path_on_a_new_item(dynamodb, table):
    key = new_key()
    with expect_validation(BAD_PATH):
        update(dynamodb, table, key, "SET m.x = :v", {":v": N(1)})
    assert stored(dynamodb, table, key) is None


@pytest.mark.parametrize(
    "left, right, operator",
    [
        ("1" + "0" * 50, "1", "+"),  # 51 significant digits
        ("1" + "0" * 50, "1", "-"),
        ("9E+125", "9E+125", "+"),  # 1.8E+126: past the largest magnitude
        ("9E+125", "-9E+125", "-"),
    ],
)
def test_arithmetic_overflow(dynamodb, table, left, right, operator):
    key = new_key()
    with expect_validation(OVERFLOW):
        update(dynamodb, table, key, f"SET a = :x {operator} :y", {":x": N(left), ":y": N(right)})
    assert stored(dynamodb, table, key) is None


def test_arithmetic_at_the_largest_magnitude_is_fine(dynamodb, table):
    key = new_key()
    update(dynamodb, table, key, "SET a = :x + :y", {":x": N("9E+125"), ":y": N("9E+124")})
    assert stored(dynamodb, table, key)["a"] == N("99" + "0" * 124)


def test_arithmetic_results_are_normalised(dynamodb, table):
    key = new_key()
    put(dynamodb, table, key, b=N("2.50"))
    response = update(
        dynamodb, table, key, "SET a = :x + :x, z = :neg + :half ADD b :half",
        {":x": N("1.50"), ":neg": N("-0.5"), ":half": N("0.5")}, ReturnValues="UPDATED_NEW",
    )
    assert response["Attributes"] == {"a": N(3), "z": N(0), "b": N(3)}


def test_add_overflow(dynamodb, table):
    key = new_key()
    put(dynamodb, table, key, n=N("9E+125"))
    with expect_validation(OVERFLOW):
        update(dynamodb, table, key, "ADD n :x", {":x": N("9E+125")})
    assert stored(dynamodb, table, key)["n"] == N("9" + "0" * 125)


def test_arithmetic_underflow(dynamodb, table):
    with expect_validation("Number underflow. Attempting to store a number with magnitude smaller than supported range"):
        update(dynamodb, table, new_key(), "SET a = :x - :y", {":x": N("1.1E-130"), ":y": N("1E-130")})


def test_item_too_big_after_the_update(dynamodb, table):
    key = new_key()
    put(dynamodb, table, key, a=S("x" * 300_000))
    with expect_validation("Item size to update has exceeded the maximum allowed size"):
        update(dynamodb, table, key, "SET b = :b", {":b": S("y" * 150_000)})
    assert len(stored(dynamodb, table, key)) == 2


def test_many_nested_changes_at_once(dynamodb, table):
    # dynalite's record of a real DynamoDB answer: every operand reads the old item, list
    # appends land in index order, and UPDATED_NEW shows the new values at the updated paths.
    key = new_key()
    update(
        dynamodb, table, key, "set b = :b, c = :c",
        {":b": M(a=N(1), b=N(2), c=N(3)), ":c": L(N(1), N(3))},
    )
    response = update(
        dynamodb, table, key,
        "set b.c=((c[1])+(b.a)),b.a = pk,c[1] = pk, c[4] = b.a - b.b, c[2] = b.c add c[8] :b, c[6] :a",
        {":a": N(2), ":b": {"SS": ["a"]}},
        ReturnValues="UPDATED_NEW",
    )
    assert response["Attributes"] == {"b": M(a=key["pk"], c=N(4)), "c": L(key["pk"], N(3), N(2))}
    assert stored(dynamodb, table, key) == {
        **key,
        "b": M(a=key["pk"], b=N(2), c=N(4)),
        "c": L(N(1), key["pk"], N(3), N(-1), N(2), {"SS": ["a"]}),
    }


def test_concurrent_counter_updates_are_not_lost(dynamodb, table):
    key = new_key()
    workers, each = 8, 25

    def bump(_):
        client = support.make_client(dynamodb.meta.endpoint_url)
        for _ in range(each):
            update(client, table, key, "ADD hits :one", {":one": N(1)})

    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(bump, range(workers)))
    assert stored(dynamodb, table, key)["hits"] == N(workers * each)


def test_only_one_concurrent_create_wins(dynamodb, table):
    key = new_key()

    def create(i):
        client = support.make_client(dynamodb.meta.endpoint_url)
        try:
            update(
                client, table, key, "SET winner = :i", {":i": N(i)},
                ConditionExpression="attribute_not_exists(pk)",
            )
            return i
        except ClientError as e:
            assert e.response["Error"]["Code"] == "ConditionalCheckFailedException"
            return None

    with ThreadPoolExecutor(8) as pool:
        winners = [i for i in pool.map(create, range(8)) if i is not None]
    assert len(winners) == 1
    assert stored(dynamodb, table, key)["winner"] == N(winners[0])


# --- AttributeUpdates (legacy) --------------------------------------------------------------------


def test_attribute_updates_put_add_and_delete(dynamodb, table):
    key = new_key()
    put(dynamodb, table, key, n=N(1), ss={"SS": ["a", "b"]}, l=L(S("a")), gone=S("x"), shrink={"NS": ["1", "2"]})
    response = dynamodb.update_item(
        TableName=table,
        Key=key,
        AttributeUpdates={
            "p": {"Value": S("put without Action")},
            "q": {"Action": "PUT", "Value": N(2)},
            "n": {"Action": "ADD", "Value": N(5)},
            "fresh": {"Action": "ADD", "Value": N(3)},
            "ss": {"Action": "ADD", "Value": {"SS": ["c"]}},
            "l": {"Action": "ADD", "Value": L(S("b"))},
            "gone": {"Action": "DELETE"},
            "shrink": {"Action": "DELETE", "Value": {"NS": ["2"]}},
        },
        ReturnValues="ALL_NEW",
    )
    item = stored(dynamodb, table, key)
    assert response["Attributes"] == item
    assert sorted(item.pop("ss")["SS"]) == ["a", "b", "c"]
    assert item == {
        **key,
        "p": S("put without Action"),
        "q": N(2),
        "n": N(6),
        "fresh": N(3),
        "l": L(S("a"), S("b")),
        "shrink": {"NS": ["1"]},
    }


def test_attribute_updates_upsert_and_updated_old(dynamodb, table):
    key = new_key()
    dynamodb.update_item(TableName=table, Key=key, AttributeUpdates={"a": {"Value": S("1")}, "b": {"Value": S("1")}})
    response = dynamodb.update_item(
        TableName=table, Key=key, AttributeUpdates={"a": {"Value": S("2")}}, ReturnValues="UPDATED_OLD"
    )
    assert response["Attributes"] == {"a": S("1")}
    assert stored(dynamodb, table, key) == {**key, "a": S("2"), "b": S("1")}


def test_attribute_updates_delete_of_every_element_removes_the_set(dynamodb, table):
    key = new_key()
    put(dynamodb, table, key, ns={"NS": ["1", "2", "3"]}, c=S("a"))
    response = dynamodb.update_item(
        TableName=table, Key=key, AttributeUpdates={"ns": {"Action": "DELETE", "Value": {"NS": ["2", "3", "1"]}}},
        ReturnValues="UPDATED_NEW",
    )
    assert "Attributes" not in response
    assert stored(dynamodb, table, key) == {**key, "c": S("a")}


@pytest.mark.parametrize(
    "update_spec, message",
    [
        ({"Action": "PUT"}, "Only DELETE action is allowed when no attribute value is specified"),
        ({"Action": "ADD"}, "Only DELETE action is allowed when no attribute value is specified"),
        ({"Action": "ADD", "Value": S("a")}, "ADD action is not supported for the type S"),
        ({"Action": "ADD", "Value": {"BOOL": True}}, "ADD action is not supported for the type BOOL"),
        ({"Action": "DELETE", "Value": S("a")}, "DELETE action with value is not supported for the type S"),
        ({"Action": "DELETE", "Value": N(1)}, "DELETE action with value is not supported for the type N"),
    ],
)
def test_attribute_updates_errors(dynamodb, table, update_spec, message):
    with expect_validation(f"One or more parameter values were invalid: {message}"):
        dynamodb.update_item(TableName=table, Key=new_key(), AttributeUpdates={"a": update_spec})


def test_attribute_updates_on_the_key(dynamodb, table):
    with expect_validation(KEY_PART.format("pk")):
        dynamodb.update_item(TableName=table, Key=new_key(), AttributeUpdates={"pk": {"Value": S("x")}})


def test_attribute_updates_type_mismatch_at_runtime(dynamodb, table):
    key = new_key()
    put(dynamodb, table, key, ss={"SS": ["1"]}, n=N(1))
    for spec in [
        {"ss": {"Action": "DELETE", "Value": {"NS": ["1"]}}},
        {"ss": {"Action": "ADD", "Value": {"NS": ["1"]}}},
        {"n": {"Action": "DELETE", "Value": {"NS": ["1"]}}},
    ]:
        with expect_validation("Type mismatch for attribute to update"):
            dynamodb.update_item(TableName=table, Key=key, AttributeUpdates=spec)


# --- Expression and legacy parameters together ----------------------------------------------------


def test_update_expression_with_attribute_updates(dynamodb, table):
    with expect_validation(
        MIXED + "Non-expression parameters: {AttributeUpdates} Expression parameters: {UpdateExpression}"
    ):
        dynamodb.update_item(
            TableName=table,
            Key=new_key(),
            UpdateExpression="SET a = :v",
            ExpressionAttributeValues={":v": N(1)},
            AttributeUpdates={"b": {"Value": N(1)}},
        )


def test_legacy_and_expression_parameters_are_listed_in_order(dynamodb, table):
    with expect_validation(
        MIXED + "Non-expression parameters: {AttributeUpdates, Expected} "
        "Expression parameters: {UpdateExpression, ConditionExpression}"
    ):
        dynamodb.update_item(
            TableName=table,
            Key=new_key(),
            UpdateExpression="SET a = :v",
            ConditionExpression="attribute_not_exists(a)",
            ExpressionAttributeValues={":v": N(1)},
            AttributeUpdates={"b": {"Value": N(1)}},
            Expected={"c": {"Exists": False}},
        )


def test_attribute_updates_with_a_condition_expression(dynamodb, table):
    with expect_validation(MIXED + "Non-expression parameters: {AttributeUpdates} Expression parameters: {ConditionExpression}"):
        dynamodb.update_item(
            TableName=table,
            Key=new_key(),
            AttributeUpdates={"b": {"Value": N(1)}},
            ConditionExpression="attribute_not_exists(b)",
        )


def test_placeholders_without_expressions(dynamodb, table):
    with expect_validation("ExpressionAttributeNames can only be specified when using expressions"):
        dynamodb.update_item(
            TableName=table, Key=new_key(), AttributeUpdates={"b": {"Value": N(1)}}, ExpressionAttributeNames={"#b": "b"}
        )
    with expect_error(
        "ValidationException", contains="ExpressionAttributeValues can only be specified when using expressions"
    ):
        dynamodb.update_item(
            TableName=table, Key=new_key(), AttributeUpdates={"b": {"Value": N(1)}}, ExpressionAttributeValues={":b": N(1)}
        )
