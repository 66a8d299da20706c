package jp.koyomi.channel.postal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Examples from Japan Post's 郵便番号・バーコードマニュアル (住所表示番号の抽出). */
class CustomerBarcodeTest {

    @Test
    void blockLotAndRoomNumbersAreJoinedByHyphens() {
        // 〒263-0023 千葉市稲毛区緑町3丁目30-8 郵便ビル403号
        assertEquals("26300233-30-8-403", CustomerBarcode.data("263-0023", "3丁目30-8", "郵便ビル403号"));
    }

    @Test
    void aLetterRightAfterTheLastNumberIsDroppedAndLetterRunsSeparate() {
        // 〒110-0016 台東区台東5-6-3 ABCビル10F
        assertEquals("11000165-6-3-10", CustomerBarcode.data("110-0016", "5-6-3", "ABCビル10F"));
    }

    @Test
    void townNamesWithNumeralsAreNotInTheStreetPart() {
        // 〒060-0906 札幌市東区北六条東4丁目 郵便センター6号館: 北六条東 is the town, in city.
        assertEquals("06009064-6", CustomerBarcode.data("060-0906", "4丁目", "郵便センター6号館"));
    }

    @Test
    void leadingNamesAreDropped() {
        // 〒407-0033 韮崎市龍岡町下條南割 韮崎400
        assertEquals("4070033400", CustomerBarcode.data("407-0033", "韮崎400", null));
    }

    @Test
    void kanjiNumbersBeforeBlockWordsBecomeDigits() {
        assertEquals("10000013-25-4", CustomerBarcode.data("1000001", "三丁目二十五番四号", ""));
        assertEquals("10000011-105", CustomerBarcode.data("1000001", "一丁目百五番地", ""));
    }

    @Test
    void aLetterBetweenNumbersSeparatesThem() {
        assertEquals("10000013-5B604", CustomerBarcode.data("1000001", "3-5", "コーポB604"));
        assertEquals("10000012-3-4", CustomerBarcode.data("1000001", "2F3-4", ""));
    }

    @Test
    void fullWidthDigitsAreRead() {
        assertEquals("15000011-2-3", CustomerBarcode.data("150-0001", "１丁目２－３", null));
    }

    @Test
    void theNumberIsCutToThirteenBarcodePositions() {
        assertEquals("10000011-22-333-4444", CustomerBarcode.data("1000001", "1-22-333-4444-55555", ""));
    }

    @Test
    void aHyphenLandingOnTheLastPositionIsKept() {
        // 〒064-0804 札幌市中央区南四条西29丁目1524-23 第2郵便ハウス501 (the manual's example)
        assertEquals("064080429-1524-23-2-", CustomerBarcode.data("064-0804", "29丁目1524-23", "第2郵便ハウス501"));
    }
}
