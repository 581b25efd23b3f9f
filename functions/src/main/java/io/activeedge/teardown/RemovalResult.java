package io.activeedge.teardown;

import java.util.List;

/**
 * What one teardown step found: what it deleted, and what it left in place with the reason, one line each
 * (for example {@code "api.example.com. A active-edge:shop:us-east-1"} or
 * {@code "_x.example.com. CNAME (still needed by arn:aws:acm:...)"}). Both empty: nothing was found.
 */
public record RemovalResult(List<String> deleted, List<String> kept) {
}
