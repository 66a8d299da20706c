/**
 * Marketers' templates: sandboxed FreeMarker for email (subject, HTML, text), LINE (text or flex
 * JSON whose text leaves are templates) and postal DM fields; the data model they see; validation
 * with line and column; versioned storage and previews.
 */
package jp.koyomi.template;
