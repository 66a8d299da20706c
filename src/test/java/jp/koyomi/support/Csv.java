package jp.koyomi.support;

/** Builds small import files for tests. */
public final class Csv {

    public static final String CUSTOMER_HEADER = "external_id,family_name,given_name,family_name_kana,given_name_kana,"
            + "email,line_user_id,postal_code,prefecture,city,address1,address2,birthday,email_consent,line_consent,"
            + "postal_consent,preferred_channel,topics,points,points_expire_on";
    public static final String PRODUCT_HEADER = "style_code,name,category,season,climate,lifecycle,discontinue_on,"
            + "price,markdown_price,url,image_url,sku,size,color,stock";
    public static final String ORDER_HEADER = "order_id,customer_external_id,ordered_at,sku,quantity,unit_price";

    private Csv() {
    }

    public static String of(String header, String... rows) {
        return header + "\n" + String.join("\n", rows) + "\n";
    }

    /** A valid customer row with the given id and postal code. */
    public static String customer(String id, String postalCode) {
        return id + ",青木,陽菜,アオキ,ヒナ,hina." + id.toLowerCase() + "@example.jp,," + postalCode
                + ",13,渋谷区神宮前,1丁目2-3,,1993-04-05,true,false,false,EMAIL,new-arrivals,500,2027-01-31";
    }

    public static String product(String style, String category, String sku, String size, int stock) {
        return style + ",テスト商品," + category + ",ALL,ALL,ACTIVE,,6900,,https://example.jp/p/" + style + ",," + sku + ","
                + size + ",blue," + stock;
    }

    public static String order(String orderId, String customer, String at, String sku) {
        return orderId + "," + customer + "," + at + "," + sku + ",1,6900";
    }
}
