/** The catalog: product styles (category, season, climate, lifecycle, prices) and their variants with stock. */
package jp.koyomi.catalog;
