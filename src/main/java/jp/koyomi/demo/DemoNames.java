package jp.koyomi.demo;

import java.util.List;

/** Common Japanese family and given names with their readings in katakana. */
final class DemoNames {

    record Name(String kanji, String kana, String romaji) {
    }

    static final List<Name> FAMILY = List.of(
            new Name("佐藤", "サトウ", "sato"), new Name("鈴木", "スズキ", "suzuki"), new Name("高橋", "タカハシ", "takahashi"),
            new Name("田中", "タナカ", "tanaka"), new Name("伊藤", "イトウ", "ito"), new Name("渡辺", "ワタナベ", "watanabe"),
            new Name("山本", "ヤマモト", "yamamoto"), new Name("中村", "ナカムラ", "nakamura"), new Name("小林", "コバヤシ", "kobayashi"),
            new Name("加藤", "カトウ", "kato"), new Name("吉田", "ヨシダ", "yoshida"), new Name("山田", "ヤマダ", "yamada"),
            new Name("佐々木", "ササキ", "sasaki"), new Name("山口", "ヤマグチ", "yamaguchi"), new Name("松本", "マツモト", "matsumoto"),
            new Name("井上", "イノウエ", "inoue"), new Name("木村", "キムラ", "kimura"), new Name("林", "ハヤシ", "hayashi"),
            new Name("斎藤", "サイトウ", "saito"), new Name("清水", "シミズ", "shimizu"), new Name("山崎", "ヤマザキ", "yamazaki"),
            new Name("森", "モリ", "mori"), new Name("池田", "イケダ", "ikeda"), new Name("橋本", "ハシモト", "hashimoto"),
            new Name("阿部", "アベ", "abe"), new Name("石川", "イシカワ", "ishikawa"), new Name("山下", "ヤマシタ", "yamashita"),
            new Name("中島", "ナカジマ", "nakajima"), new Name("石井", "イシイ", "ishii"), new Name("小川", "オガワ", "ogawa"),
            new Name("前田", "マエダ", "maeda"), new Name("岡田", "オカダ", "okada"), new Name("長谷川", "ハセガワ", "hasegawa"),
            new Name("藤田", "フジタ", "fujita"), new Name("後藤", "ゴトウ", "goto"), new Name("近藤", "コンドウ", "kondo"),
            new Name("村上", "ムラカミ", "murakami"), new Name("遠藤", "エンドウ", "endo"), new Name("青木", "アオキ", "aoki"),
            new Name("坂本", "サカモト", "sakamoto"));

    static final List<Name> GIVEN = List.of(
            new Name("陽菜", "ヒナ", "hina"), new Name("結衣", "ユイ", "yui"), new Name("葵", "アオイ", "aoi"),
            new Name("美咲", "ミサキ", "misaki"), new Name("さくら", "サクラ", "sakura"), new Name("凛", "リン", "rin"),
            new Name("愛", "アイ", "ai"), new Name("真由美", "マユミ", "mayumi"), new Name("恵子", "ケイコ", "keiko"),
            new Name("由美子", "ユミコ", "yumiko"), new Name("直子", "ナオコ", "naoko"), new Name("彩花", "アヤカ", "ayaka"),
            new Name("花子", "ハナコ", "hanako"), new Name("芽依", "メイ", "mei"), new Name("楓", "カエデ", "kaede"),
            new Name("蓮", "レン", "ren"), new Name("大翔", "ヒロト", "hiroto"), new Name("悠真", "ユウマ", "yuma"),
            new Name("翔太", "ショウタ", "shota"), new Name("健太", "ケンタ", "kenta"), new Name("拓也", "タクヤ", "takuya"),
            new Name("大輔", "ダイスケ", "daisuke"), new Name("誠", "マコト", "makoto"), new Name("浩二", "コウジ", "koji"),
            new Name("隆", "タカシ", "takashi"), new Name("湊", "ミナト", "minato"), new Name("陽太", "ヨウタ", "yota"),
            new Name("颯", "ハヤテ", "hayate"), new Name("一郎", "イチロウ", "ichiro"), new Name("和也", "カズヤ", "kazuya"));

    private DemoNames() {
    }
}
