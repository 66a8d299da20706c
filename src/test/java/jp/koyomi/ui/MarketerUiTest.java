package jp.koyomi.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static jp.koyomi.support.TestUsers.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jp.koyomi.demo.DemoBrand;
import jp.koyomi.run.RunExecutor;
import jp.koyomi.run.RunWorker;
import jp.koyomi.support.Db;
import jp.koyomi.support.Runs;
import jp.koyomi.support.TestUsers;

/**
 * The marketer's day in a real browser (issue 11's "done when"): sign in, edit a template and watch
 * the preview, see a broken template's error at its line, create a weekly campaign with the forms,
 * approve it, dry run it, run it, open a delivery, retry a failed one, export the postal file, find a
 * customer and the message they got; then a viewer finds no edit control, and signs out.
 */
@QuarkusTest
@TestProfile(MarketerUiTest.WithDemo.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MarketerUiTest {

    public static class WithDemo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("koyomi.demo.enabled", "true", "koyomi.demo.customers", "300");
        }
    }

    private static final String CAMPAIGN = "UIテスト 週刊ジーンズ";
    private static Browser browser;
    private static Page page;
    private static String deliveredCustomer;

    @TestHTTPResource("/")
    URL base;

    @Inject
    RunExecutor executor;

    @Inject
    RunWorker worker;

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void launch() {
        browser = new Browser();
        page = browser.page(1280);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    private String url(String hash) {
        return base.toString() + hash;
    }

    private void signIn(Page p, String user, String password) {
        p.navigate(url(""));
        p.waitForURL("**/login.html**");
        p.getByLabel("ユーザー名").fill(user);
        p.getByLabel("パスワード").fill(password);
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("ログイン")).click();
        assertThat(p.locator("#who")).containsText(user);
    }

    @Test
    @Order(1)
    void shouldSignInAndLandOnTheHomeCalendarInJapanese() {
        TestUsers.as("viewer").get("/api/v1/users/me"); // creates the viewer and marketer users
        signIn(page, "admin", TestUsers.ADMIN_PASSWORD);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("今後2週間の配信予定"))).isVisible();
        assertThat(page.locator("#calendar")).containsText("週刊ニュースレター");
        assertThat(page.locator("#calendar .occurrence").first()).containsText("承認待ち");
        assertThat(page.locator("html")).hasAttribute("lang", "ja");
        Screenshots.take(page, "home");
    }

    @Test
    @Order(2)
    void shouldRedrawThePreviewWhenTheSubjectChanges() {
        page.navigate(url("#/templates"));
        assertThat(page.locator("#ch-EMAIL")).hasText("メール");
        Screenshots.take(page, "templates");
        page.locator("a[href='#/templates/last-chance/EMAIL']").click();
        Locator subject = page.locator("#preview-subject");
        assertThat(subject).not().isEmpty();
        // The preview is the email as sent: one-click unsubscribe headers, the legal footer in both parts.
        assertThat(page.locator("#preview-headers")).containsText("List-Unsubscribe=One-Click");
        assertThat(page.locator("#preview-headers")).containsText("/unsubscribe/");
        assertThat(page.locator("#preview-text")).containsText("配信停止: ");
        assertThat(page.locator("#preview iframe")).hasAttribute("srcdoc", Pattern.compile("送信者: 株式会社こよみアパレル"));
        page.getByLabel("件名").fill("【最終のご案内】${customer.familyName}様へ");
        assertThat(subject).hasText(Pattern.compile("^【最終のご案内】.+様へ$"));
        // A real customer's name replaces the sample's.
        String family = as("viewer").get("/api/v1/customers/" + DemoBrand.externalId(7)).then().extract().path("family_name");
        page.locator("#preview-search").fill(DemoBrand.externalId(7));
        assertThat(subject).hasText("【最終のご案内】" + family + "様へ");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("新しい版として保存")).click();
        assertThat(page.locator("#saved")).hasText("版 2 として保存しました");
        assertThat(page.locator("#version")).hasText("2");
        assertThat(page.locator("#diff")).containsText("+ 【最終のご案内】");
        Screenshots.take(page, "template-editor");
    }

    @Test
    @Order(3)
    void shouldShowABrokenTemplatesErrorAtItsLineAndRefuseToSaveIt() {
        page.navigate(url("#/templates/last-chance/EMAIL"));
        Locator html = page.getByLabel("HTML本文");
        html.fill("<p>こんにちは</p>\n<p>${customer.familyName}様</p>\n<p>${customer.familyName</p>");
        assertThat(page.locator("#part-html-error")).containsText("3行目");
        assertThat(page.locator(".gutter .bad")).hasText("3");
        assertThat(html).hasAttribute("aria-invalid", "true");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("新しい版として保存")).click();
        assertThat(page.locator("#saved .error")).hasText("保存していません: 問題が 1 件あります");
        assertThat(page.locator("#part-html-error")).containsText("3行目");
        Screenshots.take(page, "template-error");
        assertEquals(2, as("viewer").get("/api/v1/templates/last-chance/EMAIL/versions").then().extract()
                .jsonPath().getList("$").size(), "the broken version was not stored");
    }

    @Test
    @Order(4)
    void shouldCreateAWeeklyCampaignThroughTheForms() {
        page.navigate(url("#/campaigns"));
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("販売終了のお知らせ（ジーンズ）"))).isVisible();
        Screenshots.take(page, "campaigns");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("新しいキャンペーン")).click();
        page.getByLabel("キャンペーン名").fill(CAMPAIGN);
        page.getByLabel("種類").selectOption("WEEKLY");
        page.getByLabel("木").check();
        assertThat(page.locator("#c-next li").first()).isVisible();
        page.getByLabel("販売終了間近（購入者へ）").check();
        page.getByLabel("カテゴリー（カンマ区切り、空欄はすべて）").fill("jeans");
        page.getByLabel("同じ商品を再度案内しない日数").fill("14");
        page.getByLabel("最多商品数").fill("3");
        page.locator("#c-order-0").selectOption("POSTAL");
        page.locator("#c-order-1").selectOption("LINE");
        page.locator("#c-order-2").selectOption("EMAIL");
        for (String channel : new String[] { "EMAIL", "LINE", "POSTAL" }) {
            String value = page.locator("#c-tpl-" + channel + " option", new Page.LocatorOptions().setHasText("last-chance"))
                    .first().getAttribute("value");
            page.locator("#c-tpl-" + channel).selectOption(value);
        }
        Screenshots.take(page, "campaign-form");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("作成")).click();
        assertThat(page.locator("h1")).containsText(CAMPAIGN);
        assertThat(page.locator("h1 .badge")).hasText("承認待ち");
        assertThat(page.locator("#next-occurrences li").first()).isVisible();
    }

    @Test
    @Order(5)
    void shouldApproveTheCampaignAsAnAdmin() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("承認する")).click();
        assertThat(page.locator("h1 .badge")).hasText("承認済み");
    }

    @Test
    @Order(6)
    void shouldDryRunAndExplainASkipReasonInPlainJapanese() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("ドライラン")).click();
        assertThat(page.locator("#dry-run figure").nth(1)).containsText("お客様のサイズが在庫切れです");
        page.getByLabel("顧客ID").fill(DemoBrand.externalId(7));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("説明する")).click();
        assertThat(page.locator("#explained .sentence"))
                .hasText(DemoBrand.externalId(7) + " さんには届きません。理由: お客様のサイズが在庫切れです");
        Screenshots.take(page, "campaign-dry-run");
    }

    @Test
    @Order(7)
    void shouldRunTheCampaignAndWatchTheRunFinish() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("今すぐ配信")).click();
        page.waitForURL(Pattern.compile(".*#/runs/\\d+$"));
        assertThat(page.locator("#run-status")).hasText(Pattern.compile("待機中|実行中"));
        // The test profile keeps the scheduler off: the run worker is driven here, the page polls.
        worker.execute(executor.claimNext().orElseThrow());
        assertThat(page.locator("#run-status")).hasText("完了");
        assertThat(page.locator("#run-progress")).hasAttribute("value", Pattern.compile("[1-9]\\d*"));
        assertThat(page.locator("#deliveries tbody tr").first()).isVisible();
        Screenshots.take(page, "run");
    }

    @Test
    @Order(8)
    void shouldOpenADelivery() {
        String runHash = page.url().substring(page.url().indexOf('#'));
        page.locator("#delivery-status").selectOption("PENDING");
        Locator first = page.locator("#deliveries tbody tr").first();
        deliveredCustomer = first.locator("td").nth(1).innerText().strip();
        first.locator("a").first().click();
        assertThat(page.locator("h1")).containsText("配信 #");
        assertThat(page.locator("#delivery")).containsText(CAMPAIGN);
        assertThat(page.locator("#delivery")).containsText(deliveredCustomer);
        page.navigate(url(runHash));
    }

    @Test
    @Order(9)
    void shouldRetryAFailedDeliveryFromTheRunPage() throws Exception {
        String runId = page.url().replaceAll(".*#/runs/(\\d+)$", "$1");
        // A delivery the channel refused for good, e.g. a mailbox that did not exist until the customer fixed it.
        long failed = Long.parseLong(Db.value(dataSource, "SELECT MIN(id) FROM delivery WHERE run_id = ?", Long.parseLong(runId)));
        Runs.update(dataSource, "UPDATE delivery SET status = 'FAILED', attempts = 3, last_error = '550 5.1.1 mailbox "
                + "unavailable' WHERE id = ?", failed);
        page.reload();
        Locator retry = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("失敗した配信 1 件を再送する"));
        retry.click();
        assertThat(page.locator("#retried")).hasText("1 件を送信待ちに戻しました。");
        assertThat(retry).hasCount(0);
        assertThat(page.locator("#deliveries .status.FAILED")).hasCount(0);
        assertEquals("PENDING", Db.value(dataSource, "SELECT status FROM delivery WHERE id = ?", failed));
        Screenshots.take(page, "run-retry");
    }

    @Test
    @Order(10)
    void shouldExportAndDownloadThePostalFile() throws Exception {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("郵送DMファイルを作成")).click();
        assertThat(page.locator("#export-result")).containsText("行、保留");
        Download download = page.waitForDownload(() -> page.locator("#download").click());
        Path file = download.path();
        String csv = new String(Files.readAllBytes(file), Charset.forName("windows-31j"));
        assertTrue(csv.startsWith("postal_code,"), csv.length() > 80 ? csv.substring(0, 80) : csv);
        assertTrue(csv.split("\r\n").length > 1, "the file has rows for the printer");
        Screenshots.take(page, "run-postal");
    }

    @Test
    @Order(11)
    void shouldFindTheCustomerByNameAndSeeTheMessageTheyGot() {
        String family = as("viewer").get("/api/v1/customers/" + deliveredCustomer).then().extract().path("family_name");
        page.navigate(url("#/customers"));
        page.getByLabel("名前（漢字・かな）、メール、顧客IDで検索").fill(family);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("検索")).click();
        page.locator("#customer-results a", new Page.LocatorOptions().setHasText(deliveredCustomer)).click();
        assertThat(page.locator("#customer-messages")).containsText(CAMPAIGN);
        Screenshots.take(page, "customer");
        page.navigate(url("#/customers"));
        assertThat(page.locator("#customer-results tbody tr").first()).isVisible();
        Screenshots.take(page, "customers");
        page.navigate(url("#/runs"));
        assertThat(page.locator("table.runs")).containsText(CAMPAIGN);
        Screenshots.take(page, "runs");
    }

    @Test
    @Order(12)
    void shouldChangeTheQuietHoursAsAnAdminWithoutARestart() {
        page.navigate(url("#/settings"));
        assertThat(page.locator("#users")).containsText("viewer-user");
        page.getByLabel("配信開始時刻").fill("09:00");
        page.getByLabel("配信終了時刻").fill("20:00");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("送信設定を保存")).click();
        assertThat(page.locator("#settings-message")).containsText("保存しました");
        assertThat(page.getByLabel("配信開始時刻")).hasValue("09:00");
        assertEquals("09:00", as("viewer").get("/api/v1/settings").then().extract().path("values.quiet_hours.opens"));
        assertEquals("20:00", as("viewer").get("/api/v1/settings").then().extract().path("values.quiet_hours.closes"));
        // The tests' configuration switches quiet hours off: that field is fixed, and says by what.
        assertThat(page.getByLabel("時間帯の制限なし（終日配信）")).isDisabled();
        assertThat(page.locator("#set-quiet_hours-disabled + small")).containsText("koyomi.runs.quiet-hours.disabled");
        assertThat(page.locator("#channel-status")).containsText("ファイルに出力");
        Screenshots.take(page, "settings");
    }

    @Test
    @Order(13)
    void shouldShowAViewerOnATabletNoEditControlAndSignOut() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("ログアウト")).click();
        page.waitForURL("**/login.html**");
        page.navigate(url("#/campaigns"));
        page.waitForURL("**/login.html**");
        Page tablet = browser.page(768);
        signIn(tablet, "viewer-user", TestUsers.PASSWORD);
        assertThat(tablet.locator("#who")).containsText("閲覧者");
        tablet.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("設定")).click();
        assertThat(tablet.getByLabel("配信開始時刻")).hasValue("09:00");
        assertThat(tablet.getByLabel("配信開始時刻")).isDisabled();
        assertThat(tablet.locator("#users")).hasCount(0);
        tablet.navigate(url("#/templates/last-chance/EMAIL"));
        assertThat(tablet.getByLabel("HTML本文")).hasAttribute("readonly", "");
        for (String hash : new String[] { "#/", "#/templates/last-chance/EMAIL", "#/campaigns", "#/campaigns/1", "#/runs/1",
                "#/customers", "#/settings" }) {
            tablet.navigate(url(hash));
            assertThat(tablet.locator("main h1")).isVisible();
            assertThat(tablet.locator("main [data-edit], main button:has-text('保存'), main button:has-text('承認')"))
                    .hasCount(0);
            Object width = tablet.evaluate("document.documentElement.scrollWidth");
            assertTrue(((Number) width).intValue() <= 768, hash + " fits a 768 px tablet, is " + width);
        }
        tablet.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("ログアウト")).click();
        tablet.waitForURL("**/login.html**");
        tablet.navigate(url(""));
        tablet.waitForURL("**/login.html**");
        assertThat(tablet.getByLabel("ユーザー名")).isVisible();
    }
}
