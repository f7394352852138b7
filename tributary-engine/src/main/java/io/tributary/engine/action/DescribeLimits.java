package io.tributary.engine.action;

import io.tributary.engine.RequestContext;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;

/** DescribeLimits: DynamoDB's default account and per-table capacity quotas. */
final class DescribeLimits implements Action {
  /** DynamoDB's default per-account quota for read and for write capacity units. */
  static final long ACCOUNT_MAX_UNITS = 80_000;

  @Override
  public Json.Obj handle(Json.Obj body, RequestContext context) {
    return JsonBuilder.object()
        .put("AccountMaxReadCapacityUnits", ACCOUNT_MAX_UNITS)
        .put("AccountMaxWriteCapacityUnits", ACCOUNT_MAX_UNITS)
        .put("TableMaxReadCapacityUnits", BillingModes.MAX_UNITS)
        .put("TableMaxWriteCapacityUnits", BillingModes.MAX_UNITS)
        .build();
  }
}
