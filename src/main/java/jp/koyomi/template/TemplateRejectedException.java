package jp.koyomi.template;

import java.util.List;

import jp.koyomi.common.FieldError;
import jp.koyomi.common.InvalidInputException;

/** A template that cannot be saved or rendered: every problem names its part, line and column. */
public class TemplateRejectedException extends InvalidInputException {

    public TemplateRejectedException(List<TemplateProblem> problems) {
        super("the template has " + problems.size() + (problems.size() == 1 ? " problem" : " problems"),
                problems.stream().map(p -> p.line() == null ? FieldError.ofField(p.part(), p.message())
                        : FieldError.atLine(p.part(), p.line(), p.column(), p.message())).toList());
    }
}
