/**
 * The marketer web UI: a bundled single-page app under META-INF/resources (plain ES modules, no
 * build step) over the same JSON API integrators use; see docs/ui.md. Java here only announces it.
 */
package jp.koyomi.ui;
