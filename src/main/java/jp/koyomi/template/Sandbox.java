package jp.koyomi.template;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.regex.Pattern;

import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.OutputFormat;
import freemarker.core.PlainTextOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.TemplateExceptionHandler;

/**
 * The one place FreeMarker is configured. Templates come from marketers, so: no {@code ?new}, no
 * {@code ?api}, only plain values, maps and lists in the model (no Java objects, no statics), the
 * only includable files are partials by plain name, errors are rethrown (never rendered into the
 * page), and HTML is auto-escaped.
 */
final class Sandbox {

    static final Pattern PARTIAL_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private Sandbox() {
    }

    /** A configuration for one output format: HTML (auto-escaped) or plain text (subjects, text, LINE, postal). */
    static Configuration configuration(OutputFormat format, PartialSource partials) {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setOutputFormat(format);
        // Names like "x.ftlx" must not pick another output format, nor "[#ftl]" another syntax.
        cfg.setRecognizeStandardFileExtensions(false);
        cfg.setTagSyntax(Configuration.ANGLE_BRACKET_TAG_SYNTAX);
        cfg.setInterpolationSyntax(Configuration.DOLLAR_INTERPOLATION_SYNTAX);
        cfg.setArithmeticEngine(BoundedArithmetic.INSTANCE);
        cfg.setAutoEscapingPolicy(format == HTMLOutputFormat.INSTANCE ? Configuration.FORCE_AUTO_ESCAPING_POLICY
                : Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setObjectWrapper(new SimpleObjectWrapper(Configuration.VERSION_2_3_34));
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setAttemptExceptionReporter((e, env) -> { });
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setLocalizedLookup(false);
        cfg.setTemplateLoader(new PartialLoader(partials));
        cfg.setTemplateUpdateDelayMilliseconds(10_000);
        cfg.setLocale(Locale.JAPAN);
        cfg.setTimeZone(TimeZone.getTimeZone("Asia/Tokyo"));
        cfg.setNumberFormat("computer");
        cfg.setDefaultEncoding("UTF-8");
        return cfg;
    }

    static Configuration html(PartialSource partials) {
        return configuration(HTMLOutputFormat.INSTANCE, partials);
    }

    static Configuration text(PartialSource partials) {
        return configuration(PlainTextOutputFormat.INSTANCE, partials);
    }

    /**
     * Serves partials by plain name only: no paths, so "/etc/passwd" or "../x" find nothing. A
     * partial's text passes the same checks as a template's before FreeMarker reads it, whenever
     * it was saved.
     */
    private record PartialLoader(PartialSource partials) implements TemplateLoader {

        @Override
        public Object findTemplateSource(String name) throws IOException {
            String plain = name.endsWith(".ftl") ? name.substring(0, name.length() - 4) : name;
            String body = PARTIAL_NAME.matcher(plain).matches() ? partials.find(plain).orElse(null) : null;
            if (body != null) {
                List<TemplateProblem> problems = StaticChecks.check("partial " + plain, body);
                if (!problems.isEmpty()) {
                    TemplateProblem p = problems.get(0);
                    throw new IOException("partial \"" + plain + "\" is refused (line " + p.line() + ", column "
                            + p.column() + "): " + p.message());
                }
            }
            return body;
        }

        @Override
        public String toString() {
            return "partials";
        }

        @Override
        public long getLastModified(Object source) {
            return -1;
        }

        @Override
        public Reader getReader(Object source, String encoding) {
            return new StringReader((String) source);
        }

        @Override
        public void closeTemplateSource(Object source) {
        }
    }
}
