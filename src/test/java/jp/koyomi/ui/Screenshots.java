package jp.koyomi.ui;

import java.nio.file.Path;
import java.nio.file.Paths;

import com.microsoft.playwright.Page;

/**
 * Full-page PNGs of the UI as the browser tests see it: always under target/screenshots, and into
 * docs/screenshots (the README's pictures) when run with {@code -Dkoyomi.screenshots=docs}.
 */
final class Screenshots {

    private Screenshots() {
    }

    static void take(Page page, String name) {
        page.waitForLoadState();
        save(page, Paths.get("target", "screenshots", name + ".png"));
        if ("docs".equals(System.getProperty("koyomi.screenshots"))) {
            save(page, Paths.get("docs", "screenshots", name + ".png"));
        }
    }

    private static void save(Page page, Path path) {
        page.screenshot(new Page.ScreenshotOptions().setPath(path).setFullPage(true));
    }
}
