package org.tipsearch.enrich;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.tipsearch.ingest.Unit;
import org.tipsearch.ingest.ReportKind;

/**
 * Says who speaks in a unit — speaker types and named speakers — from the cues of {@link SpeakerRules}, the
 * gazetteers and the people a report introduces with their country ("Hilary Axam (United States)").
 */
final class SpeakerDetector {

    /** Who speaks in one unit. */
    record Speakers(Set<String> types, Set<String> names) {}

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’.-]*");
    /** A capitalised name run: "Hilary Axam", "João Freitas de Castro Chaves", "Basha Shahat". */
    private static final String NAME = "\\p{Lu}[\\p{L}'’-]+(?:\\s+(?:(?:de|da|do|dos|del|van|von|der|el|al|bin|ben)\\s+)?\\p{Lu}[\\p{L}'’-]+)*";
    /** "Name (Country)" or "Name, title, unit (Country)". */
    private static final Pattern PERSON_WITH_AFFILIATION =
            Pattern.compile("(" + NAME + ")(?:,([^;()]{1,200}?))?\\s+\\(([^()]{2,80})\\)");
    /** Small words that may stand inside an organization's name. */
    private static final String CONNECTORS = "of|for|against|on|and|the|de|in|to|at";
    /** An organization described rather than named after an introducer: "from a medical research institute". */
    private static final Pattern DESCRIBED = Pattern.compile("\\s*(?:an?|one)\\s+([^,;.]{3,80})");
    /** Where a run of names after an introducer ends: a stop mark, or a lower-case word that is no connector. */
    private static final Pattern NAME_RUN_END =
            Pattern.compile("[.;:()]\\s|[.;:()]$|\\s(?!(?:" + CONNECTORS + ")\\b)\\p{Ll}[\\p{Ll}-]*(?![\\p{L}])");
    private static final Pattern NAME_SEPARATOR = Pattern.compile(",\\s*(?:and\\s+)?|\\s+and\\s+(?=the\\s)");

    /** The body a speaker presides or represents, named after it: "the Chair of the Working Group on …". */
    private static final Pattern QUALIFIER = Pattern.compile(
            "\\s+of\\s+the\\s+\\p{Lu}[\\p{L}'’-]*(?:\\s+(?:\\p{Lu}[\\p{L}'’-]*|of|on|in|for|and|the|to|against))*");
    /**
     * An aside between commas after a speaker, a name (capitalised) and its country or whom the speaker represents:
     * ", Ms. Benali (Morocco),", ", representing an organization of transplant professionals,".
     */
    private static final Pattern ASIDE = Pattern.compile(
            "\\s*,\\s*(?=\\p{Lu}|(?:representing|speaking|on behalf of|a member of)\\s)(?:[^,;:.()]|(?<=\\b(?:Mr|Ms|Mrs|Dr|Prof|H\\.E))\\.)+?(?:\\s*\\([^()]{1,80}\\))?\\s*,");
    /** Words an aside may hold and still stand between a speaker and its verb. */
    private static final int ASIDE_WORDS = 12;
    /** Quantities that make "of the States" their subject, not an object: "most of the States reported". */
    private static final Set<String> PARTITIVES = Set.of("most", "many", "some", "several", "all", "few", "majority",
            "half", "number", "none", "each", "one", "two", "three");

    /** The Secretariat itself, not an organization's ("the Secretariat of the Council of the Baltic Sea States"). */
    private static final Pattern SECRETARIAT = Pattern.compile(
            "(?i)(?:the\\s+)?(?:secretariat|unodc|united nations office on drugs and crime)(?:\\s+\\(unodc\\))?");
    /** Words that may stand between a verb and its "by": a date, a meeting ("opened on 12 October 2020 by"). */
    private static final Pattern BEFORE_BY = Pattern.compile(
            "on|at|in|the|its|\\d{1,4}(?:st|nd|rd|th)?|january|february|march|april|may|june|july|august|september"
            + "|october|november|december|meeting|session|morning|afternoon");
    /** How many words before "by" its verb may stand: "opened on 12 October 2020 by". */
    private static final int AGENT_REACH = 5;

    private static final Set<String> OBJECT_PREPOSITIONS = Set.of("by", "to", "of", "for", "on", "about", "among");
    private static final Set<String> REPRESENTING = Set.of("representative", "representatives", "observer", "observers",
            "delegation", "delegations", "member", "members");

    private final SpeakerRules rules;
    private final Gazetteer countries;
    private final Gazetteer organizations;
    private final PhraseMatcher matcher;
    private final Set<String> speechVerbs;
    private final List<Pattern> sectionPatterns;
    private final List<Pattern> cuePatterns;
    private final Pattern groupPattern;
    private final Pattern organizationIntroducers;
    private final Pattern agentIntroducers;
    private final Pattern organizationDescription;
    private final Pattern personMention;
    private final List<Pattern> typeKeywords;

    SpeakerDetector(SpeakerRules rules, Gazetteer countries, Gazetteer organizations, PhraseMatcher matcher) {
        this.rules = rules;
        this.countries = countries;
        this.organizations = organizations;
        this.matcher = matcher;
        this.speechVerbs = Set.copyOf(rules.speechVerbs());
        this.sectionPatterns = rules.sectionSpeakers().stream().map(s -> compile(s.headingPattern())).toList();
        this.cuePatterns = rules.cues().stream().map(c -> compile(c.pattern())).toList();
        this.groupPattern = compile(rules.groupSpeakers().pattern());
        this.organizationIntroducers = alternatives(rules.organizationIntroducers());
        this.agentIntroducers = alternatives(rules.agentIntroducers());
        this.personMention = Pattern.compile("(?:" + rules.personTitles().stream()
                .map(Pattern::quote).collect(Collectors.joining("|")) + ")\\s+(" + NAME + ")");
        this.typeKeywords = rules.typeKeywords().stream().map(k -> compile(k.pattern())).toList();
        this.organizationDescription = compile(rules.organizationDescription());
    }

    /**
     * The people a report introduces with a country or organization in brackets, by full name; where the words
     * between name and bracket describe an organization, that organization with its country.
     */
    Map<String, String> affiliations(List<Unit> paragraphs) {
        var out = new HashMap<String, String>();
        for (Unit p : paragraphs) {
            Matcher m = PERSON_WITH_AFFILIATION.matcher(p.text());
            while (m.find()) {
                // "Ms. Quispe, founder of the non-governmental organization Voces Libres (Peru)": the organization
                // described is whom she speaks for, the bracket its country
                String description = m.group(2);
                // a description that runs on past a sentence ("Mr. Tan, who noted that the association …") is none
                boolean organization = description != null && !description.matches(".*\\p{Ll}[.;] .*")
                        && organizationDescription.matcher(description).find();
                out.putIfAbsent(m.group(1), organization ? description.strip() + " (" + m.group(3).strip() + ")"
                        : m.group(3).strip());
            }
        }
        return out;
    }

    Speakers detect(Unit unit, ReportKind reportKind, String title, Map<String, String> affiliations) {
        var types = new LinkedHashSet<String>();
        var names = new LinkedHashSet<String>();
        String heading = unit.sectionPath();
        for (int i = 0; i < sectionPatterns.size(); i++) {
            Matcher underHeading = sectionPatterns.get(i).matcher(heading);
            Matcher inTitle = sectionPatterns.get(i).matcher(title);
            Matcher hit = underHeading.find() ? underHeading : inTitle.find() ? inTitle : null;
            if (hit != null) {
                String type = rules.sectionSpeakers().get(i).type();
                String named = type != null ? type : typeOfTitled(hit.group("speaker"));
                if (named != null) {
                    types.add(named);
                }
            }
        }
        if (!types.isEmpty()) {
            return new Speakers(types, names);
        }
        String text = unit.text();
        List<int[]> words = words(text);
        List<String> lower = words.stream().map(w -> text.substring(w[0], w[1]).toLowerCase(Locale.ROOT)).toList();

        for (int i = 0; i < cuePatterns.size(); i++) {
            SpeakerRules.Cue cue = rules.cues().get(i);
            Matcher m = cuePatterns.get(i).matcher(text);
            int window = cue.window() == null ? rules.verbWindow() : cue.window();
            while (m.find()) {
                if (speaks(words, lower, m.start(), pastAside(text, m.end()), window)) {
                    types.add(cue.type());
                    if (cue.speaker() != null) {
                        names.add(cue.speaker());
                    }
                    break;
                }
            }
        }
        int named = names.size();
        introduced(text, words, lower, organizationIntroducers, true, affiliations, types, names);
        introduced(text, words, lower, agentIntroducers, false, affiliations, types, names);
        // "The panellist shared…" after "the representative of X": the group is the one already named.
        boolean someoneNamed = names.size() > named;
        Matcher group = groupPattern.matcher(text);
        while (!someoneNamed && group.find()) {
            if (speaks(words, lower, group.start(), pastAside(text, group.end()), rules.groupSpeakers().window())) {
                String type = rules.groupSpeakers().typeByReportKind().get(reportKind.id());
                if (type != null) {
                    types.add(type);
                }
                break;
            }
        }
        Matcher person = personMention.matcher(text);
        while (person.find()) {
            if (speaks(words, lower, person.start(), pastAside(text, person.end()), rules.verbWindow())) {
                String name = person.group(1);
                String affiliation = affiliationOf(name, affiliations);
                if (affiliation != null) {
                    String type = typeOf(affiliation);
                    types.add(type);
                    names.add(fullName(name, affiliations) + " (" + affiliation + ")");
                }
            }
        }
        return new Speakers(types, names);
    }

    /** Speakers named after introducers; unknown names count only after an organization introducer. */
    private void introduced(String text, List<int[]> words, List<String> lower, Pattern introducers, boolean anyName,
            Map<String, String> affiliations, Set<String> types, Set<String> names) {
        Matcher introduced = introducers.matcher(text);
        while (introduced.find()) {
            if (!speaks(words, lower, introduced.start(), introduced.end(), rules.introducerWindow())) {
                continue;
            }
            List<String> named = namesAfter(text, introduced.end());
            Matcher described = DESCRIBED.matcher(text).region(introduced.end(), text.length());
            if (anyName && named.isEmpty() && described.lookingAt()) {
                types.add(typeOf(described.group(1))); // "from a medical research institute": a kind, no name
            }
            for (String name : named) {
                String affiliation = affiliations.getOrDefault(name, name);
                boolean known = affiliations.containsKey(name) || countries.lookup(name) != null
                        || organizations.lookup(name) != null;
                if (anyName || known) {
                    types.add(typeOfNamed(affiliation));
                    names.add(affiliations.containsKey(name) ? name + " (" + affiliation + ")" : name);
                }
            }
        }
    }

    /**
     * The names after an introducer: "from A, B and the C". The run ends at a stop mark or at a lower-case word
     * that cannot be part of a name.
     */
    private static List<String> namesAfter(String text, int from) {
        Matcher end = NAME_RUN_END.matcher(text).region(from, text.length());
        String run = text.substring(from, end.find() ? end.start() : text.length());
        var out = new ArrayList<String>();
        for (String part : NAME_SEPARATOR.split(run)) {
            String name = part.strip().replaceFirst("^(?i:the)\\s+", "").replaceFirst("\\s+(?:" + CONNECTORS + ")$", "");
            if (!name.isEmpty() && Character.isUpperCase(name.codePointAt(0))) {
                out.add(name);
            }
        }
        return out;
    }

    /**
     * The type of whom an introducer names: the Secretariat as such ("a representative of the Secretariat"), else as
     * an affiliation (a country, a known organization, an organization's keywords).
     */
    private String typeOfNamed(String named) {
        return SECRETARIAT.matcher(named.strip()).matches() ? "secretariat" : typeOf(named);
    }

    /**
     * The type of whom a statement's title says it is by or on behalf of, or null where that is not told: a known
     * organization, a country named (a delegation, a Permanent Representative, a group with its States), an
     * organization's keywords, the Secretariat itself, a cue's words ("27 non-governmental organizations").
     */
    private String typeOfTitled(String named) {
        PhraseMatcher.Text text = matcher.text(named);
        List<Gazetteer.Mention> known = organizations.find(text);
        if (!known.isEmpty()) {
            return known.get(0).entry().type();
        }
        if (countries.lookup(named) != null || !countries.find(text).isEmpty()) {
            return "state";
        }
        for (int i = 0; i < typeKeywords.size(); i++) {
            if (typeKeywords.get(i).matcher(named).find()) {
                return rules.typeKeywords().get(i).type();
            }
        }
        if (SECRETARIAT.matcher(named.strip()).matches()) {
            return "secretariat";
        }
        for (int i = 0; i < cuePatterns.size(); i++) {
            String type = rules.cues().get(i).type();
            if (!type.equals("state") && !type.equals("secretariat") && cuePatterns.get(i).matcher(named).find()) {
                return type;
            }
        }
        return null;
    }

    /** State for a country, the gazetteer's type for a known organization, else by keywords. */
    private String typeOf(String affiliation) {
        if (countries.lookup(affiliation) != null) {
            return "state";
        }
        PhraseMatcher.Text text = matcher.text(affiliation);
        List<Gazetteer.Mention> known = organizations.find(text);
        if (!known.isEmpty()) {
            return known.get(0).entry().type();
        }
        if (!countries.find(text).isEmpty() && affiliation.matches("(?i).*\\b(ministry|(?<!non-)government|department|office|police|prosecut).*")) {
            return "state";
        }
        for (int i = 0; i < typeKeywords.size(); i++) {
            if (typeKeywords.get(i).matcher(affiliation).find()) {
                return rules.typeKeywords().get(i).type();
            }
        }
        return rules.defaultOrganizationType();
    }

    private static String affiliationOf(String name, Map<String, String> affiliations) {
        String full = fullName(name, affiliations);
        return affiliations.get(full);
    }

    /** "Axam" → "Hilary Axam", where the report introduced her so. */
    private static String fullName(String name, Map<String, String> affiliations) {
        if (affiliations.containsKey(name)) {
            return name;
        }
        return affiliations.keySet().stream()
                .filter(full -> full.endsWith(" " + name))
                .findFirst()
                .orElse(name);
    }

    /**
     * Where a speaker's clause goes on after the body it presides and an aside between commas, so that the verb's
     * window counts from there: "The Chair of the Working Group on …, Ms. Benali (Morocco), presented".
     */
    private static int pastAside(String text, int end) {
        Matcher qualifier = QUALIFIER.matcher(text).region(end, text.length());
        int at = qualifier.lookingAt() ? qualifier.end() : end;
        Matcher aside = ASIDE.matcher(text).region(at, text.length());
        if (aside.lookingAt() && words(aside.group()).size() <= ASIDE_WORDS) {
            return aside.end();
        }
        return at;
    }

    /**
     * Whether the words around a cue make it a speaker: a speech verb among its own words or the window after
     * them, or "according to" or a speech verb and "by" just before it ("a statement by the observer").
     */
    private boolean speaks(List<int[]> words, List<String> lower, int start, int end, int window) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < words.size(); i++) {
            if (first < 0 && words.get(i)[1] > start) {
                first = i;
            }
            if (words.get(i)[0] < end) {
                last = i;
            }
        }
        if (first < 0) {
            return false;
        }
        // "support provided by the secretariat and noted…": after a preposition the cue is no subject, unless a
        // speech verb makes it the agent ("a statement by the observer").
        int before = first - 1;
        if (before >= 0 && lower.get(before).equals("the")) {
            before--;
        }
        if (before >= 0 && OBJECT_PREPOSITIONS.contains(lower.get(before))) {
            String preposition = lower.get(before);
            String previous = before > 0 ? lower.get(before - 1) : "";
            boolean agent = preposition.equals("by") && spokenBefore(lower, before) // a statement by, opened … by
                    || preposition.equals("to") && previous.equals("according")       // according to
                    || preposition.equals("of") && REPRESENTING.contains(previous)     // a representative of
                    || preposition.equals("of") && PARTITIVES.contains(previous);      // most of the States
            if (!agent) {
                return false;
            }
        }
        for (int i = first; i < Math.min(words.size(), last + 1 + window); i++) {
            if (speechVerbs.contains(lower.get(i))) {
                return true;
            }
        }
        for (int i = Math.max(0, first - rules.passiveWindow()); i < first; i++) {
            String w = lower.get(i);
            boolean agent = w.equals("by") && i > 0 && (speechVerbs.contains(lower.get(i - 1))
                    || i > 1 && speechVerbs.contains(lower.get(i - 2)));
            if (agent || w.equals("according")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a speech verb stands among the few words before "by" at {@code by}: "a statement by", "was opened on
     * 12 October 2020 by".
     */
    private boolean spokenBefore(List<String> lower, int by) {
        for (int i = by - 1; i >= Math.max(0, by - AGENT_REACH); i--) {
            if (speechVerbs.contains(lower.get(i))) {
                return true;
            }
            if (!BEFORE_BY.matcher(lower.get(i)).matches()) {
                return false; // "the challenges faced by NGOs": the verb's object, not a speaker
            }
        }
        return false;
    }

    private static List<int[]> words(String text) {
        var out = new ArrayList<int[]>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            int end = m.end();
            while (end > m.start() + 1 && ".-'’".indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            out.add(new int[] {m.start(), end});
        }
        return out;
    }

    private static Pattern alternatives(List<String> phrases) {
        return compile("\\b(?:" + phrases.stream().map(Pattern::quote).collect(Collectors.joining("|")) + ")\\s+");
    }

    private static Pattern compile(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
