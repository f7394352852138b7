/**
 * The Lambda API actions, one class per action, routed by {@link
 * io.tributary.triggers.rest.LambdaRoutes} from their method and path.
 */
package io.tributary.triggers.action;
