package jp.koyomi.link;

import java.net.URI;

/** What a verified click link says: this delivery's reader clicked through to this target. */
public record ClickToken(long deliveryId, URI target) {
}
