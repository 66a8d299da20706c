/**
 * Email as Koyomi sends it: {@link jp.koyomi.channel.email.EmailMessageBuilder} turns a rendered
 * email into a MIME message carrying the sender's identity, one-click unsubscribe headers
 * (RFC 8058) and the legal footer of 特定電子メール法, DKIM-signed when a key is configured;
 * {@link jp.koyomi.channel.email.SmtpMessenger} sends it over pooled SMTP connections.
 */
package jp.koyomi.channel.email;
