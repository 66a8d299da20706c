package jp.koyomi.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

/**
 * Debian's Chromium driven by Playwright: never a downloaded browser (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD
 * is set for surefire), generous timeouts for a busy two-core machine, Japanese as the browser language.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    /** Long enough for a loaded CI box; Playwright waits for conditions, so a fast run is never slowed. */
    static final double TIMEOUT_MS = 60_000;

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    Browser() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException(CHROMIUM + " is missing: apt-get install -y chromium fonts-noto-cjk (.ci/run does)");
        }
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setTimeout(TIMEOUT_MS).setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run")));
        PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT_MS);
    }

    /** A fresh browser profile (no cookies) in Japanese at the given width. */
    Page page(int width) {
        BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale("ja-JP").setTimezoneId("Asia/Tokyo").setViewportSize(width, 900));
        context.setDefaultTimeout(TIMEOUT_MS);
        context.setDefaultNavigationTimeout(TIMEOUT_MS);
        Page page = context.newPage();
        // A failing step then shows why: script errors and failed requests land in the test output.
        page.onPageError(error -> System.err.println("[browser] page error: " + error));
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                System.err.println("[browser] console: " + m.text());
            }
        });
        return page;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
