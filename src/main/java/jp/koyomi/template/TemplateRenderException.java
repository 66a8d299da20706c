package jp.koyomi.template;

/** A template failed for one customer: which part, where, why. The run skips that message, never sends half of it. */
public class TemplateRenderException extends RuntimeException {

    private final TemplateProblem problem;

    public TemplateRenderException(TemplateProblem problem) {
        super(problem.part() + (problem.line() == null ? "" : " line " + problem.line() + ", column " + problem.column())
                + ": " + problem.message());
        this.problem = problem;
    }

    public TemplateProblem problem() {
        return problem;
    }
}
