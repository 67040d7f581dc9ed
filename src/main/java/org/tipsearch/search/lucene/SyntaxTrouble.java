package org.tipsearch.search.lucene;

import java.util.regex.Pattern;
import org.apache.lucene.search.IndexSearcher;

/**
 * What keeps a query from being read as query syntax, in the words of someone who typed it: a quotation mark or a
 * bracket left open, an operator with nothing on one side. The parser's own message ("Lexical error at line 1,
 * column 12. Encountered: &lt;EOF&gt;…") speaks of its grammar, not of the query.
 */
final class SyntaxTrouble {

    private static final Pattern DANGLING_OPERATOR = Pattern.compile("(?:^\\s*(?:AND|OR)\\b|\\b(?:AND|OR|NOT)\\s*$)");
    private static final Pattern EMPTY_FIELD = Pattern.compile("\\b\\w+:(?:\\s|$)");

    private SyntaxTrouble() {}

    /** Why the text could not be read, as a phrase that fits "(…)" in a sentence. */
    static String of(String text, Exception e) {
        if (e instanceof IndexSearcher.TooManyClauses) {
            return "it expands to too many words";
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CheckedParser.Refusal refusal) { // the parser's own rules: an unknown field, a regex
                return refusal.getMessage();
            }
        }
        if (count(text, '"') % 2 == 1) {
            return "a quotation mark is not closed";
        }
        int round = count(text, '(') - count(text, ')');
        if (round != 0) {
            return round > 0 ? "a bracket is not closed" : "a closing bracket has no opening one";
        }
        int square = count(text, '[') + count(text, '{') - count(text, ']') - count(text, '}');
        if (square != 0) {
            return "a range in [ ] is not complete: [from TO to]";
        }
        if (DANGLING_OPERATOR.matcher(text).find()) {
            return "AND, OR or NOT has no words on one side";
        }
        if (EMPTY_FIELD.matcher(text).find()) {
            return "a field: has no value after it";
        }
        return "it is not well formed";
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            n += text.charAt(i) == c ? 1 : 0;
        }
        return n;
    }
}
