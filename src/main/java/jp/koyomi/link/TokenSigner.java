package jp.koyomi.link;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a payload into {@code base64url(payload) "." base64url(HMAC-SHA256(payload))} and back.
 * Signs with the current key; verifies with it or any previous key, so links sent before a key
 * rotation keep working. Safe for concurrent use: each thread signs with its own {@link Mac}s.
 */
final class TokenSigner {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** The current key first, then the previous ones. */
    private final List<ThreadLocal<Mac>> macs;

    TokenSigner(byte[] secret, List<byte[]> previousSecrets) {
        List<ThreadLocal<Mac>> all = new ArrayList<>();
        for (byte[] bytes : concat(secret, previousSecrets)) {
            SecretKeySpec key = new SecretKeySpec(bytes, ALGORITHM);
            newMac(key); // fail at start-up, not on the first click
            all.add(ThreadLocal.withInitial(() -> newMac(key)));
        }
        this.macs = List.copyOf(all);
    }

    private static List<byte[]> concat(byte[] first, List<byte[]> rest) {
        List<byte[]> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }

    String sign(byte[] payload) {
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(macs.get(0).get().doFinal(payload));
    }

    /** The payload if the token is well-formed and its signature matches; empty otherwise. */
    Optional<byte[]> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODER.decode(token.substring(0, dot));
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            // Constant time, so response timing does not reveal how much of a forged signature is right.
            for (ThreadLocal<Mac> mac : macs) {
                if (MessageDigest.isEqual(mac.get().doFinal(payload), signature)) {
                    return Optional.of(payload);
                }
            }
            return Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
