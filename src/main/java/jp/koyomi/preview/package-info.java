/**
 * Previews that are the message a send produces: the template rendered for a customer as a run
 * renders it (the configured sender, the customer's own signed unsubscribe link), then finished by
 * the channel's own builder — the email the SMTP and file senders write, read back as a mail client
 * would; the LINE push body as the SDK sends it; the postal DM file's row — so preview and send
 * share one code path and cannot drift. The same finishing is the template store's
 * {@code SendingChecks}: a version every send would fail with is refused when it is saved.
 */
package jp.koyomi.preview;
