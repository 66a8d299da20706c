package jp.koyomi.template;

import java.math.BigDecimal;

import freemarker.core.ArithmeticEngine;
import freemarker.template.TemplateException;
import freemarker.template.TemplateModelException;

/**
 * FreeMarker's BigDecimal arithmetic (its default), bounded: no number in a template (literal, {@code ?number},
 * or result) has more than 18 digits before or 20 after the point. Unbounded, {@code n = n * n}
 * in a loop or {@code "1e999999999"?number?c} builds numbers and strings that exhaust the heap.
 */
final class BoundedArithmetic extends ArithmeticEngine {

    static final BoundedArithmetic INSTANCE = new BoundedArithmetic();
    private static final int MAX_INTEGER_DIGITS = 18;
    private static final int MAX_FRACTION_DIGITS = 20;
    private static final String TOO_BIG = "a number larger than " + MAX_INTEGER_DIGITS + " digits or with more than "
            + MAX_FRACTION_DIGITS + " decimals";

    private final ArithmeticEngine exact = ArithmeticEngine.BIGDECIMAL_ENGINE;

    private BoundedArithmetic() {
    }

    @Override
    public int compareNumbers(Number first, Number second) throws TemplateException {
        return exact.compareNumbers(first, second);
    }

    @Override
    public Number add(Number first, Number second) throws TemplateException {
        return bounded(exact.add(first, second));
    }

    @Override
    public Number subtract(Number first, Number second) throws TemplateException {
        return bounded(exact.subtract(first, second));
    }

    @Override
    public Number multiply(Number first, Number second) throws TemplateException {
        return bounded(exact.multiply(first, second));
    }

    @Override
    public Number divide(Number first, Number second) throws TemplateException {
        return bounded(exact.divide(first, second));
    }

    @Override
    public Number modulus(Number first, Number second) throws TemplateException {
        return bounded(exact.modulus(first, second));
    }

    @Override
    public Number toNumber(String s) {
        if (s.length() > MAX_INTEGER_DIGITS + MAX_FRACTION_DIGITS + 2) {
            throw new NumberFormatException(TOO_BIG);
        }
        Number n = exact.toNumber(s);
        if (!fits(n)) {
            throw new NumberFormatException(TOO_BIG);
        }
        return n;
    }

    private static Number bounded(Number n) throws TemplateModelException {
        if (!fits(n)) {
            throw new TemplateModelException("the result is " + TOO_BIG);
        }
        return n;
    }

    private static boolean fits(Number n) {
        if (!(n instanceof BigDecimal d)) {
            return !(n instanceof Double || n instanceof Float) || Math.abs(n.doubleValue()) < 1e18;
        }
        return d.precision() - d.scale() <= MAX_INTEGER_DIGITS && d.scale() <= MAX_FRACTION_DIGITS;
    }
}
