package jp.koyomi.relevance;

import java.util.List;

/** Content rules that cannot be used, with every problem as "json.path: what is wrong". */
public class InvalidRulesException extends RuntimeException {

    private final List<String> problems;

    public InvalidRulesException(List<String> problems) {
        super("invalid content rules: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
