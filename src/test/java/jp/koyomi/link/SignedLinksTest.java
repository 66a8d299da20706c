package jp.koyomi.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import jp.koyomi.domain.Channel;

class SignedLinksTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef-test";
    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    private final SignedLinks links = links(SECRET);

    private static SignedLinks links(String secret) {
        return new SignedLinks(new LinkSettings(URI.create("https://koyomi.example.jp/"), secret),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static String token(URI url) {
        String path = url.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    @Test
    void shouldBuildUnsubscribeUrlBelowThePublicBaseUrlThatVerifiesBackToCustomerAndChannel() {
        URI url = links.unsubscribeUrl(42L, Channel.EMAIL);

        assertTrue(url.toString().startsWith("https://koyomi.example.jp/unsubscribe/"), url.toString());
        assertEquals(Optional.of(new UnsubscribeToken(42L, Channel.EMAIL, NOW)), links.verifyUnsubscribe(token(url)));
    }

    @Test
    void shouldBuildClickUrlThatVerifiesBackToDeliveryAndTarget() {
        URI target = URI.create("https://shop.example.jp/items/coat-7?utm_source=koyomi&size=M");
        URI url = links.clickUrl(9_001L, target);

        assertTrue(url.toString().startsWith("https://koyomi.example.jp/click/"), url.toString());
        assertEquals(Optional.of(new ClickToken(9_001L, target)), links.verifyClick(token(url)));
    }

    @Test
    void shouldKeepTokensUrlSafe() {
        String token = token(links.clickUrl(1L, URI.create("https://shop.example.jp/冬/コート?x=1&y=2")));

        assertTrue(token.matches("[A-Za-z0-9_.-]+"), token);
    }

    @Test
    void shouldRejectTokenWhosePayloadWasAltered() {
        String token = links.unsubscribeToken(42L, Channel.EMAIL);
        byte[] payload = Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.')));
        payload[8] ^= 1; // another customer id
        String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + token.substring(token.indexOf('.'));

        assertEquals(Optional.empty(), links.verifyUnsubscribe(altered));
    }

    @Test
    void shouldRejectTokenSignedWithAnotherSecret() {
        String forged = links("another-secret-of-at-least-32-bytes!!").unsubscribeToken(42L, Channel.EMAIL);

        assertEquals(Optional.empty(), links.verifyUnsubscribe(forged));
    }

    @Test
    void shouldRejectClickTokenUsedAsUnsubscribeToken() {
        String click = token(links.clickUrl(42L, URI.create("https://shop.example.jp/")));

        assertEquals(Optional.empty(), links.verifyUnsubscribe(click));
    }

    @Test
    void shouldRejectGarbageWithoutThrowing() {
        for (String garbage : new String[] {null, "", ".", "abc", "abc.def", "a.b.c", "!!!.???"}) {
            assertEquals(Optional.empty(), links.verifyUnsubscribe(garbage), String.valueOf(garbage));
            assertEquals(Optional.empty(), links.verifyClick(garbage), String.valueOf(garbage));
        }
    }

    @Test
    void shouldRefuseClickTargetsThatAreNotHttp() {
        assertThrows(IllegalArgumentException.class, () -> links.clickUrl(1L, URI.create("javascript:alert(1)")));
        assertThrows(IllegalArgumentException.class, () -> links.clickUrl(1L, URI.create("/relative")));
    }

    @Test
    void shouldRefuseShortSecretsAndKeepTheSecretOutOfToString() {
        assertThrows(IllegalArgumentException.class,
                () -> new LinkSettings(URI.create("https://koyomi.example.jp"), "short"));
        assertTrue(!new LinkSettings(URI.create("https://koyomi.example.jp"), SECRET).toString().contains(SECRET));
    }

    @Test
    void shouldStillVerifyLinksOfThePreviousSecretAfterARotationAndSignNewOnesWithTheNewSecret() {
        String old = links.unsubscribeToken(42L, Channel.EMAIL);
        String newSecret = "a-new-secret-of-at-least-32-bytes-after-rotation";
        SignedLinks rotated = new SignedLinks(new LinkSettings(URI.create("https://koyomi.example.jp/"), newSecret,
                java.util.List.of(SECRET)), Clock.fixed(NOW, ZoneOffset.UTC));

        assertEquals(Optional.of(new UnsubscribeToken(42L, Channel.EMAIL, NOW)), rotated.verifyUnsubscribe(old));
        String fresh = rotated.unsubscribeToken(7L, Channel.LINE);
        assertEquals(Optional.of(7L), links(newSecret).verifyUnsubscribe(fresh).map(UnsubscribeToken::customerId),
                "new links are signed with the new secret");
        assertEquals(Optional.empty(), links.verifyUnsubscribe(fresh), "the old secret alone does not verify new links");
        assertEquals(Optional.empty(), links(newSecret).verifyUnsubscribe(old),
                "once the old secret is no longer listed, its links stop verifying");
    }

    @Test
    void shouldRefuseAShortPreviousSecret() {
        assertThrows(IllegalArgumentException.class, () -> new LinkSettings(URI.create("https://koyomi.example.jp/"),
                SECRET, java.util.List.of("short")));
    }
}
