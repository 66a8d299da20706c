package jp.koyomi.customer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jp.koyomi.common.FieldError;
import jp.koyomi.common.InvalidInputException;
import jp.koyomi.domain.Channel;

/** A {@link ConsentRequest} that passed every check, with its time settled. */
record ValidConsent(Channel channel, boolean granted, String source, Instant at) {

    private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,31}");
    /** Sources Koyomi writes itself; each means something the consent rules rely on. */
    private static final Set<String> RESERVED = Set.of(ConsentService.IMPORT_SOURCE, ConsentService.UNSUBSCRIBE_SOURCE,
            ConsentService.LINE_WEBHOOK_SOURCE);

    /** Checks every field and names each that is wrong; {@code now} is the default time and the latest allowed. */
    static ValidConsent of(ConsentRequest request, Instant now) {
        if (request == null) {
            throw new InvalidInputException("body", "a JSON object with channel, granted, source and optionally at");
        }
        List<FieldError> errors = new ArrayList<>();
        Channel channel = null;
        if (request.channel() == null) {
            errors.add(FieldError.ofField("channel", "required: EMAIL, LINE or POSTAL"));
        } else {
            try {
                channel = Channel.valueOf(request.channel().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.ofField("channel", "'" + request.channel() + "' is not EMAIL, LINE or POSTAL"));
            }
        }
        if (request.granted() == null) {
            errors.add(FieldError.ofField("granted", "required: true for an opt-in, false for a withdrawal"));
        }
        if (request.source() == null || !SOURCE.matcher(request.source()).matches()) {
            errors.add(FieldError.ofField("source", "required: where the customer gave their word, e.g. web-form; "
                    + "up to 32 lower-case letters, digits, '.', '_' or '-'"));
        } else if (RESERVED.contains(request.source())) {
            errors.add(FieldError.ofField("source", "'" + request.source() + "' is kept for changes Koyomi makes itself; "
                    + "name where the customer gave their word, e.g. web-form"));
        }
        Instant at = request.at() == null ? now : request.at().toInstant();
        if (at.isAfter(now)) {
            errors.add(FieldError.ofField("at", request.at() + " is in the future (server time " + now + ")"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("consent change refused: " + errors.size()
                    + (errors.size() == 1 ? " error" : " errors"), errors);
        }
        return new ValidConsent(channel, request.granted(), request.source(), at);
    }
}
