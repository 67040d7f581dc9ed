package org.tipsearch.search.lucene;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.tipsearch.curation.CuratorFiles;

/**
 * Reads what a plain-words query asks for by the curator's cues ({@code query-intents.json}): a request for
 * recommendations, a question or description, or a bare theme. Query syntax (quotes, operators, fields) is taken
 * as the user wrote it.
 */
public final class QueryIntents {

    /** The file's shape. */
    record Cues(String about, List<String> recommendationCues, List<String> questionOpeners, int themeWords,
            List<String> framingWords) {
        Cues {
            recommendationCues = List.copyOf(recommendationCues);
            questionOpeners = List.copyOf(questionOpeners);
            framingWords = List.copyOf(framingWords);
            if (themeWords < 1) {
                throw new IllegalArgumentException("themeWords must be 1 or more, not " + themeWords);
            }
        }
    }

    /** Query syntax, which a query is taken as written with: quotes, brackets, operators, fields, patterns. */
    private static final Pattern SYNTAX =
            Pattern.compile("[:\"(){}\\[\\]^~*\\\\/!]|&&|\\|\\||(?<!\\S)[+-]|\\b(AND|OR|NOT)\\b");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’-][\\p{L}\\p{N}]+)*");

    private final Pattern recommendationCue;
    private final Set<String> questionOpeners;
    private final int themeWords;
    private final Set<String> framingWords;

    public QueryIntents() {
        this(CuratorFiles.json(QueryIntents.class, "query-intents.json", Cues.class));
    }

    QueryIntents(Cues cues) {
        this.recommendationCue = Pattern.compile("(?<![\\p{L}\\p{N}])(" + cues.recommendationCues().stream()
                .map(cue -> Arrays.stream(cue.split("\\s+")).map(Pattern::quote).collect(Collectors.joining("\\s+")))
                .collect(Collectors.joining("|")) + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        this.questionOpeners = lowerCase(cues.questionOpeners());
        this.themeWords = cues.themeWords();
        this.framingWords = lowerCase(cues.framingWords());
    }

    private static Set<String> lowerCase(List<String> words) {
        return words.stream().map(w -> w.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public QueryIntent read(String typed) {
        String query = typed.strip();
        if (query.isEmpty() || SYNTAX.matcher(query).find()) {
            return new QueryIntent(QueryIntent.Kind.SYNTAX, query, query);
        }
        List<String> words = WORD.matcher(query).results().map(m -> m.group()).toList();
        if (words.isEmpty()) {
            return new QueryIntent(QueryIntent.Kind.SYNTAX, query, query);
        }
        QueryIntent.Kind kind;
        if (recommendationCue.matcher(query).find()) {
            kind = QueryIntent.Kind.RECOMMENDATIONS;
        } else if (query.endsWith("?") || isOneOf(questionOpeners, words.get(0)) || words.size() > themeWords) {
            kind = QueryIntent.Kind.QUESTION;
        } else {
            return new QueryIntent(QueryIntent.Kind.THEME, query, query);
        }
        List<String> subject = words.stream().filter(w -> !isOneOf(framingWords, w)).toList();
        return new QueryIntent(kind, subject.isEmpty() ? query : String.join(" ", subject), query);
    }

    /** Whether a word is one of the curator's, written as a word: "WHO" or "US" in capitals is a name. */
    private static boolean isOneOf(Set<String> words, String word) {
        boolean capitals = word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT));
        return !capitals && words.contains(word.toLowerCase(Locale.ROOT));
    }
}
