package jp.koyomi.channel.email;

/** How the SMTP connection is protected. */
public enum SmtpSecurity {
    /** Plain SMTP, for a local relay or a test server only. */
    NONE,
    /** Plain connect, then STARTTLS, which must succeed (no silent fallback to plain text). */
    STARTTLS,
    /** TLS from the first byte (SMTPS, usually port 465). */
    TLS
}
