/**
 * Signed links that are open to anyone holding them: one-click unsubscribe and click tracking.
 * A token carries its own data and an HMAC-SHA256 over it, so the endpoints need no lookup
 * table to trust a request, and nobody can unsubscribe or track someone else by editing a URL.
 * The key is generated once and stored in the database (or configured), so links in mail already
 * sent keep working across restarts, instances and key rotations.
 */
package jp.koyomi.link;
