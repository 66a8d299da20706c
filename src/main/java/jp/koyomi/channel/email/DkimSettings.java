package jp.koyomi.channel.email;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;

/**
 * The DKIM key of the sending domain; its public half is published at
 * {@code <selector>._domainkey.<domain>} as a TXT record.
 *
 * @param domain   the d= domain, normally the domain of the From address (DMARC alignment)
 * @param selector the s= selector, e.g. "koyomi2026"
 */
public record DkimSettings(String domain, String selector, RSAPrivateKey privateKey) {

    public DkimSettings {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(privateKey, "privateKey");
        if (privateKey.getModulus().bitLength() < 1024) {
            throw new IllegalArgumentException("DKIM keys shorter than 1024 bits are refused by receivers (RFC 8301)");
        }
    }

    /** From a PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----"), as {@code openssl genpkey -algorithm RSA} writes it. */
    public static DkimSettings fromPem(String domain, String selector, String pkcs8Pem) {
        String base64 = pkcs8Pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            return new DkimSettings(domain, selector, (RSAPrivateKey) key);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a PKCS#8 RSA private key in PEM form", e);
        }
    }

    /** Keeps the key out of logs. */
    @Override
    public String toString() {
        return "DkimSettings[domain=" + domain + ", selector=" + selector + ", privateKey=***]";
    }
}
