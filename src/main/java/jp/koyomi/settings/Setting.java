package jp.koyomi.settings;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The settings an admin may change at run time: each is a field of the API's settings object and
 * a configuration property, whose value (set in the environment or a configuration file) wins over
 * the one stored in the database. Values travel as text; {@link #parse} checks and types them.
 */
public enum Setting {

    FROM_NAME("sender.from_name", "koyomi.channels.email.from-name", String.class, 100),
    FROM_ADDRESS("sender.from_address", "koyomi.channels.email.from-address", String.class, 254),
    REPLY_TO("sender.reply_to", "koyomi.channels.email.reply-to", String.class, 254),
    LEGAL_NAME("legal_footer.legal_name", "koyomi.channels.email.legal-name", String.class, 200),
    POSTAL_ADDRESS("legal_footer.postal_address", "koyomi.channels.email.postal-address", String.class, 300),
    CONTACT("legal_footer.contact", "koyomi.channels.email.contact", String.class, 200),
    CAP_MAX("frequency_cap.max", "koyomi.runs.cap.max", Integer.class, 0),
    CAP_WINDOW("frequency_cap.window", "koyomi.runs.cap.window", Duration.class, 0),
    QUIET_OPENS("quiet_hours.opens", "koyomi.runs.quiet-hours.opens", LocalTime.class, 0),
    QUIET_CLOSES("quiet_hours.closes", "koyomi.runs.quiet-hours.closes", LocalTime.class, 0),
    QUIET_ZONE("quiet_hours.zone", "koyomi.runs.quiet-hours.zone", ZoneId.class, 0),
    QUIET_DISABLED("quiet_hours.disabled", "koyomi.runs.quiet-hours.disabled", Boolean.class, 0);

    static final int MAX_CAP = 100;
    static final Duration SHORTEST_WINDOW = Duration.ofHours(1);
    static final Duration LONGEST_WINDOW = Duration.ofDays(366);

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s\"<>()\\[\\],;:\\\\]+@[^@\\s\"<>()\\[\\],;:\\\\]+\\.[^@\\s\"<>()\\[\\],;:\\\\.]+");
    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

    private final String field;
    private final String property;
    private final Class<?> type;
    private final int maxLength;

    Setting(String field, String property, Class<?> type, int maxLength) {
        this.field = field;
        this.property = property;
        this.type = type;
        this.maxLength = maxLength;
    }

    /** Its name in the API's settings object, e.g. {@code quiet_hours.opens}; also its row's name. */
    public String field() {
        return field;
    }

    /** The configuration property whose value wins over the stored one. */
    public String property() {
        return property;
    }

    /** The environment variable of {@link #property()} (MicroProfile Config's mapping). */
    public String environmentVariable() {
        return property.toUpperCase().replace('.', '_').replace('-', '_');
    }

    Class<?> type() {
        return type;
    }

    /** Optional settings may have no value at all; the others always have one (their default at least). */
    boolean optional() {
        return this == REPLY_TO;
    }

    /**
     * The typed value of a text from the API or the database.
     *
     * @throws IllegalArgumentException with a message for the user when the text is not acceptable
     */
    Object parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("must not be empty");
        }
        return switch (this) {
            case FROM_NAME, LEGAL_NAME, POSTAL_ADDRESS, CONTACT -> line(text);
            case FROM_ADDRESS, REPLY_TO -> address(text);
            case CAP_MAX -> capMax(text);
            case CAP_WINDOW -> window(text);
            case QUIET_OPENS, QUIET_CLOSES -> time(text);
            case QUIET_ZONE -> zone(text);
            case QUIET_DISABLED -> bool(text);
        };
    }

    /** How the API shows a typed value: the same text {@link #parse} accepts. */
    static String format(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Duration d) {
            return d.toSeconds() % 86_400 == 0 && !d.isZero() ? "P" + d.toDays() + "D" : d.toString();
        }
        if (value instanceof ZoneId zone) {
            return zone.getId();
        }
        return value.toString();
    }

    private String line(String text) {
        if (text.length() > maxLength) {
            throw new IllegalArgumentException("at most " + maxLength + " characters");
        }
        // It goes into a mail header or the legal footer: one line, no control characters.
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("one line without control characters");
        }
        return text;
    }

    private String address(String text) {
        // Mail headers take an address in ASCII only (an internationalized domain in its xn-- form).
        if (text.length() > maxLength || !ADDRESS.matcher(text).matches() || !text.chars().allMatch(c -> c < 128)) {
            throw new IllegalArgumentException("an email address such as news@shop.example.jp");
        }
        return text;
    }

    private static Integer capMax(String text) {
        int max;
        try {
            max = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a whole number from 1 to " + MAX_CAP);
        }
        if (max < 1 || max > MAX_CAP) {
            throw new IllegalArgumentException("a whole number from 1 to " + MAX_CAP);
        }
        return max;
    }

    private static Duration window(String text) {
        Duration window;
        try {
            window = Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("an ISO-8601 duration such as P7D or PT12H");
        }
        if (window.compareTo(SHORTEST_WINDOW) < 0 || window.compareTo(LONGEST_WINDOW) > 0) {
            throw new IllegalArgumentException("from PT1H to P366D");
        }
        return window;
    }

    private static LocalTime time(String text) {
        if (!TIME.matcher(text.trim()).matches()) {
            throw new IllegalArgumentException("a time of day as HH:MM, e.g. 08:00");
        }
        return LocalTime.parse(text.trim());
    }

    private static ZoneId zone(String text) {
        try {
            return ZoneId.of(text.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("an IANA time zone such as Asia/Tokyo");
        }
    }

    private static Boolean bool(String text) {
        return switch (text.trim()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("true or false");
        };
    }
}
