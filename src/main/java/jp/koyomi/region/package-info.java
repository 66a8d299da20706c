/** Japan's 47 prefectures (JIS X 0401) with region and climate zone, shipped as reference data. */
package jp.koyomi.region;
