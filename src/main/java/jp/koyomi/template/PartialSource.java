package jp.koyomi.template;

import java.util.Optional;

/** Where includable partials (header, footer, item card) come from; the only files a template can include. */
@FunctionalInterface
public interface PartialSource {

    Optional<String> find(String name);
}
