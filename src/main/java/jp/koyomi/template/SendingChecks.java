package jp.koyomi.template;

import java.util.List;

import jp.koyomi.domain.Channel;

/**
 * A channel's own refusals of a rendered message — an HTML part whose unclosed comment or
 * {@code <style>} would hide the email's legal footer, a LINE message over LINE's limits — asked when
 * a version is checked or saved, so a template every send would fail with is refused there instead.
 * Implemented outside this package, where the channels' sending code is known.
 */
public interface SendingChecks {

    /** The problems a send of this message would fail with; empty when it would go out. */
    List<TemplateProblem> check(Channel channel, RenderedMessage message);
}
