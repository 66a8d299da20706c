/**
 * Signed links that are open to anyone holding them: one-click unsubscribe and click tracking.
 * A token carries its own data and an HMAC-SHA256 over it, so the endpoints need no lookup
 * table to trust a request, and nobody can unsubscribe or track someone else by editing a URL.
 */
package jp.koyomi.link;
