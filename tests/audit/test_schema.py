"""GraphQL schema scanning: one row per directive kind, with its line and owner (pure, no files)."""

from __future__ import annotations

import time

import pytest

from amplify_shim.audit import schema

SCHEMA = '''# @searchable here is a comment, not a directive
"""A description that mentions @http and @manyToMany"""
type Post @model @searchable @auth(rules: [{ allow: groups, groups: ["Admin"] }, { allow: public }]) {
  id: ID! @primaryKey(sortKeyFields: ["title"])
  title: String! @default(value: "Untitled (draft)")
  blogID: ID! @index(name: "byBlog")
  blog: Blog @belongsTo(fields: ["blogID"])
  tags: [Tag] @manyToMany(relationName: "PostTags")
  author: Author @hasOne
  comments: [Comment] @hasMany
  caption: String @predictions(actions: [identifyText])
  legacy: String @key(fields: ["id"]) @connection(name: "x") @versioned
}
type Query {
  feed(limit: Int): [Post] @function(name: "feed-${env}") @auth(rules: [{ allow: private, provider: iam }])
  weather: String @http(url: "https://example.com/w?q=(x") @auth(rules: [{ allow: public, provider: iam }])
  mine: [Post] @auth(rules: [{ allow: owner }, { allow: private }, { allow: custom }, { allow: owner, provider: oidc }])
}
'''

CASES = [  # (kind, line, detail)
    ("data.model", 3, "Post: @model"),
    ("data.searchable", 3, "Post: @searchable"),
    ("data.auth.groups_userpools", 3, "Post: {allow: groups}"),
    ("data.auth.public_apikey", 3, "Post: {allow: public}"),
    ("data.primary_key", 4, "Post.id: @primaryKey"),
    ("data.default", 5, "Post.title: @default"),
    ("data.index", 6, "Post.blogID: @index"),
    ("data.belongs_to", 7, "Post.blog: @belongsTo"),
    ("data.many_to_many", 8, "Post.tags: @manyToMany"),
    ("data.has_one", 9, "Post.author: @hasOne"),
    ("data.has_many", 10, "Post.comments: @hasMany"),
    ("data.predictions", 11, "Post.caption: @predictions"),
    ("data.transformer_v1", 12, "Post.legacy: @key"),
    ("data.transformer_v1", 12, "Post.legacy: @connection"),
    ("data.transformer_v1", 12, "Post.legacy: @versioned"),
    ("data.custom_operations", 14, "Query"),
    ("data.function", 15, "Query.feed: @function"),
    ("data.auth.private_iam", 15, "Query.feed: {allow: private, provider: iam}"),
    ("data.http", 16, "Query.weather: @http"),
    ("data.auth.public_iam", 16, "Query.weather: {allow: public, provider: iam}"),
    ("data.auth.owner_userpools", 17, "Query.mine: {allow: owner}"),
    ("data.auth.private_userpools", 17, "Query.mine: {allow: private}"),
    ("data.auth.custom_function", 17, "Query.mine: {allow: custom}"),
    ("data.auth.oidc", 17, "Query.mine: {allow: owner, provider: oidc}"),
]


@pytest.mark.parametrize("kind, line, detail", CASES)
def test_each_directive_is_found_with_its_line_and_owner(kind, line, detail):
    assert (kind, line, detail) in schema.scan(SCHEMA)


def test_nothing_else_is_found():
    """Directives in comments and descriptions are not counted; nothing is found twice."""
    assert sorted(schema.scan(SCHEMA)) == sorted(CASES)


@pytest.mark.parametrize("text", ["@auth(" * 200_000, "(" * 1_000_000, '"' * 1_000_000, '"""' + "x" * 1_000_000,
                                  "type T {" + "f: Int @auth(rules: [{allow: owner}])\n" * 20_000 + "}",
                                  "@auth(" * 50_000 + ")" * 50_000, "\x00\x1b{}[]@@@" * 100_000])
def test_hostile_schemas_are_scanned_in_linear_time(text):
    started = time.perf_counter()
    schema.scan(text)
    assert time.perf_counter() - started < 5
