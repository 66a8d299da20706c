/**
 * Value types shared by every feature: channels, climate zones, seasons and product lifecycles.
 * Plain Java only, so the relevance rules can use them without pulling in a framework.
 */
package jp.koyomi.domain;
