package io.tributary.engine.stream;

/** What a table's description says of its newest stream. */
public record StreamView(String arn, String label, String viewType, boolean enabled) {}
