package jp.koyomi.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jp.koyomi.domain.ClimateZone;

@QuarkusTest
class PrefectureDirectoryTest {

    @Inject
    PrefectureDirectory prefectures;

    @Test
    void shouldShipAll47PrefecturesInCodeOrder() {
        assertEquals(47, prefectures.all().size());
        assertEquals("北海道", prefectures.all().get(0).nameJa());
        assertEquals("沖縄県", prefectures.all().get(46).nameJa());
    }

    @Test
    void shouldPlaceHokkaidoAndTohokuInTheColdZoneAndOkinawaAndKagoshimaInTheWarm() {
        for (int code = 1; code <= 7; code++) {
            assertEquals(ClimateZone.COLD, prefectures.byCode(code).orElseThrow().climateZone(), "code " + code);
        }
        assertEquals(ClimateZone.WARM, prefectures.byCode(47).orElseThrow().climateZone());
        assertEquals(ClimateZone.WARM, prefectures.byCode(46).orElseThrow().climateZone());
        assertEquals(ClimateZone.TEMPERATE, prefectures.byCode(13).orElseThrow().climateZone());
    }

    @Test
    void shouldFindPrefecturesByCodeFullNameOrShortName() {
        assertEquals(13, prefectures.find("13").orElseThrow().code());
        assertEquals(1, prefectures.find("01").orElseThrow().code());
        assertEquals(26, prefectures.find("京都府").orElseThrow().code());
        assertEquals(26, prefectures.find("京都").orElseThrow().code());
        assertEquals(1, prefectures.find("北海道").orElseThrow().code());
        assertTrue(prefectures.find("48").isEmpty());
        assertTrue(prefectures.find("東京市").isEmpty());
    }

    @Test
    void shouldGroupPrefecturesIntoEightRegions() {
        assertEquals(8, prefectures.all().stream().map(Prefecture::region).distinct().count());
        assertEquals("Kyushu-Okinawa", prefectures.byCode(47).orElseThrow().region());
    }
}
