/**
 * The demo brand "Koyomi Apparel": a deterministic generator of customers, catalog and orders
 * holding the seed situations (overstocked winter coats, discontinuing jeans with only XS and XXL
 * left, another with M left), loaded at first start when {@code koyomi.demo.enabled} is on.
 */
package jp.koyomi.demo;
